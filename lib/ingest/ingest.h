// Ingest: articles from files, directories and JSONL streams into the claims
// store, incrementally, on N extraction threads with one writer.
//
//   ingest::Options options;  options.jobs = 2;
//   ingest::Callbacks cb;     cb.on_problem = [](const Problem& p) { ... };
//   Result<Summary> s = ingest::Run(store.get(), {"corpus/"}, options, analyze, cb);
//
// A bad input (unreadable, not UTF-8, a broken JSONL line) is reported through
// on_problem and skipped; everything else is ingested. Run() fails only when
// the store does (locked, disk full, read-only): what was committed stays.
#ifndef CLAIMS_INGEST_INGEST_H_
#define CLAIMS_INGEST_INGEST_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyzer.h"
#include "base/status.h"
#include "ingest/sources.h"
#include "store/store.h"

namespace claims::ingest {

// The analysis step, as a function so tests can inject a fake. Must be safe
// to call from several threads at once (Analyzer::Analyze is).
using AnalyzeFn = std::function<Result<AnalyzedArticle>(std::string_view bytes, const ArticleInput& input)>;

struct Options {
  int jobs = 0;                      // extraction threads; 0: one per core
  std::vector<std::string> globs;    // empty: *.txt and *.md
  std::string date;                  // --date: used when an article names none
  bool prune = false;                // forget stored articles under the input directories that are gone
  int extractor_version = Analyzer::kExtractorVersion;  // older stored articles are re-extracted
  std::FILE* stdin_file = stdin;     // what "-" reads
  int64_t max_article_bytes = int64_t{64} << 20;
  // Memory bound: bytes of articles read, and of their claims and mentions
  // (about 15 times the article's bytes in news text), not yet committed. The
  // writer commits when it holds half of this. One article larger than this
  // still goes through, alone.
  int64_t max_inflight_bytes = int64_t{32} << 20;
  int max_batch_articles = 500;      // articles per transaction (at most)
};

struct Progress {
  int64_t files_total = 0;   // files found (JSONL streams count as one)
  int64_t bytes_total = 0;   // their size on disk
  int64_t files_done = 0;    // of files_total: read and analysed (or skipped)
  int64_t bytes_done = 0;
  int64_t articles = 0;      // committed so far
  int64_t claims = 0;        // extracted so far (committed with the next batch)
  int64_t unchanged = 0;
  int64_t failed = 0;
};

struct Summary {
  int64_t articles = 0;    // new or changed articles saved
  int64_t bytes = 0;       // their size
  int64_t claims = 0;      // claims in them
  int64_t unchanged = 0;   // skipped: same size and mtime, or same content
  int64_t duplicates = 0;  // skipped: the same content is stored under another path
  int64_t failed = 0;      // inputs reported through on_problem
  int64_t pruned = 0;      // articles forgotten by --prune
};

// Callbacks run on ingest's threads, one at a time (never concurrently).
struct Callbacks {
  std::function<void(const Problem&)> on_problem;
  std::function<void(const Progress&)> on_progress;  // after each article; throttle in the caller
};

Result<Summary> Run(store::Store* store, std::span<const std::string> inputs, const Options& options,
                    const AnalyzeFn& analyze, const Callbacks& callbacks);

// The metadata the analyzer is given for one article: JSONL fields first,
// then front matter / the first lines (ReadMetadata), then --date.
// `bytes` is what will be analysed; with `jsonl` it must be that line's
// "text".
ArticleInput MakeArticleInput(std::string_view bytes, const std::string& path, const JsonlArticle* jsonl,
                              const std::string& flag_date);

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_INGEST_H_
