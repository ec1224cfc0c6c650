// Loads records streams (records.h) into the claims store: the reduce side of
// extracting on many machines. The store ends up as `claims ingest` of the
// same articles would leave it (same claims, mentions, hashes, dates), so
// `claims check` finds the same things.
//
//   records::Importer importer(store.get());
//   Status s = importer.Add(file);     // per stream; a bad line stops that stream
//   s = importer.Finish();             // last batch, indexes
#ifndef CLAIMS_RECORDS_IMPORT_H_
#define CLAIMS_RECORDS_IMPORT_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace claims::records {

struct ImportSummary {
  int64_t articles = 0;    // saved (new, or replacing what the store held under the path)
  int64_t claims = 0;      // in those articles
  int64_t unchanged = 0;   // the store already holds this content under this path
  int64_t duplicates = 0;  // the same content is stored, or imported, under a smaller path
  int64_t repeated = 0;    // a path already imported in this run: the first is kept
};

class Importer {
 public:
  // `store` must outlive the importer. Articles are committed in batches of
  // whole articles (a crash leaves whole articles only).
  explicit Importer(store::Store* store, int max_batch_articles = 500);

  // Reads one stream to its end. A malformed line is kBadInput naming the
  // line ("line 7: claim: missing or bad \"value_lo\""): what came before it
  // is still imported. Store failures are kStoreError.
  Status Add(std::FILE* in);
  // Commits the last batch and builds the checker's indexes if the load
  // dropped them.
  Status Finish();
  const ImportSummary& summary() const { return summary_; }

 private:
  Status Take(store::ArticleRecord record);
  Status Flush();

  store::Store* store_;
  int max_batch_articles_;
  int64_t batch_claims_ = 0;
  bool checked_empty_ = false, bulk_ = false;
  std::vector<store::ArticleRecord> batch_;
  std::unordered_map<std::string, size_t> batch_by_hash_;  // hash -> index in batch_
  std::unordered_set<uint64_t> seen_paths_;                 // 64-bit hashes of paths imported
  ImportSummary summary_;
};

}  // namespace claims::records

#endif  // CLAIMS_RECORDS_IMPORT_H_
