// The claims store: the ONLY code that talks to SQLite (<sqlite3.h> is
// included by store/*.cc alone). Schema: claims.db/migrations/*.sql, embedded
// at build time, tracked with PRAGMA user_version.
#ifndef CLAIMS_STORE_STORE_H_
#define CLAIMS_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "check/finding.h"
#include "extract/claim.h"

namespace claims::store {

// Schema version this binary writes; a database with a higher user_version is
// refused ("claims.db has schema version 5; this claims understands up to 2").
int CurrentSchemaVersion();

struct ArticleRecord {
  Article article;
  int64_t size = 0;       // file size when ingested
  int64_t mtime_ns = 0;   // file mtime when ingested (skip unchanged files)
  int extractor_version = 0;
  std::vector<Claim> claims;
  std::vector<Mention> mentions;
};

struct ClaimFilter {
  std::vector<std::string> paths;  // empty: all articles
};

struct StoreStats {
  int64_t articles = 0, claims = 0, mentions = 0, findings = 0;
  int schema_version = 0;
  int64_t file_bytes = 0;
  std::string last_ingest;  // ISO time
  std::vector<std::pair<std::string, int64_t>> claims_by_unit;       // unit -> count
  std::vector<std::pair<std::string, int64_t>> claims_by_dimension;  // dimension -> count
};

class Store {
 public:
  // Opens (creating if missing) and migrates. ":memory:" for tests.
  // Errors: not a SQLite file / not a claims store / newer schema / read-only
  // / locked (after a busy timeout): kStoreError with a clear message.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();

  // Replaces everything stored for article.path (and for the same content
  // hash) in ONE transaction: a crash leaves the old version or the new one.
  Status SaveArticle(const ArticleRecord& record);
  // Batch form: several articles per transaction, each still whole.
  Status SaveArticles(const std::vector<ArticleRecord>& records);

  // What the store knows about `path` (for incremental ingest), or nullopt-like
  // record with empty hash.
  Result<ArticleRecord> FindArticleByPath(const std::string& path);
  Status ForgetPaths(const std::vector<std::string>& paths, int64_t* removed);
  Result<std::vector<std::string>> AllPaths();

  Result<std::vector<Article>> LoadArticles();
  // Claims joined with their article (path, hash, date), ordered by path, byte_start.
  Result<std::vector<StoredClaim>> LoadClaims(const ClaimFilter& filter);
  // Non-claim spans (dates, model names), as Locations with their sentence.
  Result<std::vector<std::pair<Location, Mention>>> LoadMentions(const ClaimFilter& filter);
  // Streams claims one by one (export of large stores in constant memory).
  Status ForEachClaim(const std::function<bool(const StoredClaim&)>& fn);

  // The checker's last run: replaced as a whole.
  Status SaveFindings(const std::vector<Finding>& findings, const CheckSummary& summary);
  Result<std::vector<Finding>> LoadFindings();
  Result<CheckSummary> LoadSummary();

  Result<StoreStats> Stats();
  // Builds the indexes the checker's queries use (after bulk loads).
  Status EnsureIndexes();

 private:
  Store();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_STORE_H_
