// The store's records as JSONL, so extraction can run apart from the store:
// `claims extract --format records` writes them (the map step, on as many
// machines as there are shards), `claims import` loads the concatenated
// shards into a store. docs/scale.md shows the whole path.
//
//   {"record":"article","path":"a1","hash":"9b16…","bytes":812,"title":"…",…}
//   {"record":"claim","path":"a1","byte_start":40,…,"sentence_start":31,"sentence_end":97}
//   {"record":"mention","path":"a1","type":"date","byte_start":12,…,"value":"2023"}
//
// An article line comes first; its claims and mentions follow it, naming the
// same path. Exact values stay decimal strings.
#ifndef CLAIMS_RECORDS_RECORDS_H_
#define CLAIMS_RECORDS_RECORDS_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/claim.h"
#include "store/store.h"

namespace claims::records {

// Appends an article's records, each line ending in '\n': the article (its
// hash must be set), then its claims, then its mentions.
void AppendArticleRecords(std::string* out, const Article& article, int extractor_version,
                          const std::vector<Claim>& claims, const std::vector<Mention>& mentions);

// The claim line alone: the object `claims extract --format jsonl` writes,
// plus "record":"claim", "sentence_start" and "sentence_end".
void AppendClaimRecord(std::string* out, std::string_view path, const Claim& c);

// Reads a records stream one article at a time (memory: one article's
// records). Malformed lines, a claim or mention before any article or naming
// another path, and unknown record types are errors naming the line:
//   "line 7: claim names path \"b\" after article \"a\""
class Reader {
 public:
  // `file` stays owned by the caller.
  explicit Reader(std::FILE* file);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The next article with its claims and mentions (size and mtime 0: not a
  // file of this machine); false at the end or on an error (see status()).
  bool Next(store::ArticleRecord* out);
  const Status& status() const { return status_; }
  int64_t line_number() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Status status_;
};

}  // namespace claims::records

#endif  // CLAIMS_RECORDS_RECORDS_H_
