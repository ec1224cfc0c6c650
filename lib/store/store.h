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

namespace claims::check {
class ClaimTable;
}

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
  // Optional, parallel to `mentions`: the sentence each mention stands in.
  // When empty, a mention keeps its own Mention::sentence, or when that is
  // empty too, gets the sentence of a claim that encloses it.
  std::vector<std::string> mention_sentences;

  // Filled by loads only (FindArticle*, ForEachArticle); SaveArticle sets
  // ingested_at itself.
  std::string ingested_at;  // UTC, "2024-03-19T11:57:53Z"
  int64_t claim_count = 0;
};

struct OpenOptions {
  bool read_only = false;  // export, stats, report: never write
  bool create = true;      // false: a missing file is an error, not a new store
  int busy_timeout_ms = 10000;  // how long to wait for another writer
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
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const OpenOptions& options);
  ~Store();

  // Replaces everything stored for article.path (and for the same content
  // hash) in ONE transaction: a crash leaves the old version or the new one.
  Status SaveArticle(const ArticleRecord& record);
  // Batch form: several articles per transaction, each still whole.
  Status SaveArticles(const std::vector<ArticleRecord>& records);

  // What the store knows about `path` (for incremental ingest), or nullopt-like
  // record with empty hash. Metadata only: claims and mentions are not loaded.
  Result<ArticleRecord> FindArticleByPath(const std::string& path);
  // The same for a content hash: where the same bytes are already stored.
  Result<ArticleRecord> FindArticleByHash(const std::string& hash);
  // FindArticleByHash for each of `hashes`, in order, in one read
  // transaction: each lookup on its own is a transaction of its own, which
  // takes and drops the WAL's read lock (ingest looks up every saved article).
  Result<std::vector<ArticleRecord>> FindArticlesByHash(const std::vector<std::string>& hashes);
  // Records a new size/mtime for an article whose content did not change, so
  // the next ingest skips it without reading it. No-op for unknown paths.
  Status TouchArticle(const std::string& path, int64_t size, int64_t mtime_ns);
  // The same for many articles (path, size, mtime_ns of each) in one transaction.
  Status TouchArticles(const std::vector<ArticleRecord>& records);
  Status ForgetPaths(const std::vector<std::string>& paths, int64_t* removed);
  Result<std::vector<std::string>> AllPaths();

  Result<std::vector<Article>> LoadArticles();
  // Every article with its bookkeeping and claim_count (not its claims),
  // ordered by path, one at a time; `fn` returns false to stop.
  Status ForEachArticle(const std::function<bool(const ArticleRecord&)>& fn);
  // Claims joined with their article (path, hash, date), ordered by path, byte_start.
  Result<std::vector<StoredClaim>> LoadClaims(const ClaimFilter& filter);
  // Non-claim spans (dates, model names), as Locations with their sentence.
  Result<std::vector<std::pair<Location, Mention>>> LoadMentions(const ClaimFilter& filter);
  // For the checker (store/check_load.cc, owned with lib/check): what
  // LoadClaims({}) and LoadMentions({}) return, the same rows in the same
  // order, read in one pass each without sorting the whole table, into the
  // checker's compact table (which it replaces); only Mention::sentence is
  // left empty (the Location holds the sentence).
  Status LoadForCheck(check::ClaimTable* table);
  // Streams claims one by one (export of large stores in constant memory).
  Status ForEachClaim(const std::function<bool(const StoredClaim&)>& fn);

  // The checker's last run: replaced as a whole.
  Status SaveFindings(const std::vector<Finding>& findings, const CheckSummary& summary);
  Result<std::vector<Finding>> LoadFindings();
  Result<CheckSummary> LoadSummary();

  Result<StoreStats> Stats();
  // Ends a bulk load: builds any index the load deferred and returns to
  // normal WAL checkpointing. (Schema 2 defers none: every index the
  // readers use is keyed by article id, which grows, so it costs little to
  // keep during a load.)
  Status EnsureIndexes();
  // Before a large load: checkpoints the WAL less often until
  // EnsureIndexes(). Safe to interrupt.
  Status BeginBulkLoad();
  const std::string& path() const;

 private:
  Store();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_STORE_H_
