// Analyzer: the pure pipeline from an article's bytes to its claims.
// decode -> normalise -> extract -> context. Built once (embedded data loaded,
// patterns compiled); Analyze() is const and thread-safe, so ingest runs it on
// N threads.
#ifndef CLAIMS_ANALYZE_ANALYZER_H_
#define CLAIMS_ANALYZE_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/claim.h"

namespace claims {

struct AnalyzerOptions {
  std::vector<std::string> lexicon_files;  // --lexicon FILE: user additions
};

// What the caller knows about an article before reading it.
struct ArticleInput {
  std::string path;
  std::string title;        // JSONL "title", else found in the text
  std::string date;         // JSONL "date" or --date; else found in the text
  std::string date_source;  // "jsonl" / "flag" when `date` is set
  std::string url;
  // When the bytes are one block of a longer stream (plain text on stdin):
  // where the block starts, so offsets and lines are the stream's.
  uint32_t byte_base = 0;
  uint32_t line_base = 0;
  // What the caller has already read from the bytes, so it is not read twice
  // (ingest::MakeArticleInput sets it). UTF-8 needs no such flag: Analyze()
  // checks it during normalisation, at no extra pass.
  bool metadata_read = false;  // title, date and url already hold what the text's own lines say (ReadMetadata)
};

struct AnalyzedArticle {
  Article article;  // hash is left empty: the caller that keys articles hashes them (ingest does)
  std::vector<Claim> claims;
  std::vector<Mention> mentions;
};

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create(const AnalyzerOptions& options);
  ~Analyzer();

  // Bad input (invalid UTF-8, binary, other encodings) is a kBadInput Status
  // whose message names the byte offset; nothing partial is returned.
  Result<AnalyzedArticle> Analyze(std::string_view bytes, const ArticleInput& input) const;

  // The extractor's version, stored with each article so a newer extractor can
  // re-extract. Bump when extraction output changes.
  static constexpr int kExtractorVersion = 1;

 private:
  Analyzer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims

#endif  // CLAIMS_ANALYZE_ANALYZER_H_
