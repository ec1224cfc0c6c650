// Store::Impl, shared by store.cc (articles and claims) and findings.cc.
// Internal to store/.
#ifndef CLAIMS_STORE_STORE_IMPL_H_
#define CLAIMS_STORE_STORE_IMPL_H_

#include <string_view>

#include "store/db.h"
#include "store/store.h"

namespace claims::store {

// The state behind Store. A separate struct so free functions in store/*.cc
// can take it (Store::Impl itself is private).
struct StoreImpl {
  Db db;
  // Prepared once, reused for every article of a bulk load.
  Statement find_ids, delete_claims, delete_mentions, delete_article;
  Statement insert_article, insert_claim, insert_mention;
  Statement insert_claims, insert_mentions;  // several rows per statement (store.cc)
  Statement find_by_path, find_by_hash;

  // Prepares `sql` into `*slot` the first time; returns the statement.
  Result<Statement*> Cached(Statement* slot, std::string_view sql) {
    if (!slot->valid()) {
      Result<Statement> st = db.Prepare(sql);
      if (!st.ok()) return st.status();
      *slot = std::move(st).value();
    }
    return slot;
  }
};

struct Store::Impl : StoreImpl {};

// Reads a row selected with kArticleColumns (columns 0..12, id first).
void ReadArticleRow(const Statement& st, ArticleRecord* r);
inline constexpr std::string_view kArticleColumns =
    "id, path, hash, bytes, size, mtime_ns, title, date, date_source, url, script, ingested_at, "
    "extractor_version";

}  // namespace claims::store

#endif  // CLAIMS_STORE_STORE_IMPL_H_
