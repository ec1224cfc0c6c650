// Store::Impl, shared by store.cc (articles and claims) and findings.cc.
// Internal to store/.
#ifndef CLAIMS_STORE_STORE_IMPL_H_
#define CLAIMS_STORE_STORE_IMPL_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/db.h"
#include "store/store.h"

namespace claims::store {

// The state behind Store. A separate struct so free functions in store/*.cc
// can take it (Store::Impl itself is private).
struct StoreImpl {
  Db db;
  // Prepared once, reused for every article of a bulk load.
  Statement find_id_by_path, find_id_by_hash, delete_claims, delete_mentions, delete_sentences, delete_article;
  Statement insert_new_article, insert_article, insert_claim, insert_mention, insert_sentence;
  Statement insert_claims, insert_mentions, insert_sentences;  // several rows per statement (store.cc)
  Statement find_by_path, find_by_hash;
  Statement now;  // the time for ingested_at

  // The rows of one SaveArticles transaction, queued so they go in many at
  // a time whatever the size of each article (store.cc). `record` indexes
  // the batch's records; the strings they point to belong to the records.
  struct Batch {
    struct Sentence {
      uint32_t record;
      int64_t id, article_id;
      std::string_view text;
    };
    struct Child {  // a claim or mention: records[record].claims[index]
      uint32_t record, index;
      int64_t article_id, sentence_id;  // sentence_id 0: none
    };
    // Assigned here, from the table's largest id when the transaction began.
    int64_t next_sentence_id = 1;
    std::string ingested_at;  // for every article of the batch
    std::vector<Sentence> sentences;
    std::vector<Child> claims, mentions;
    std::unordered_map<std::string_view, int64_t> sentence_ids;  // of the article being queued
    std::unordered_map<int64_t, uint32_t> record_of_article;     // articles inserted in this batch
    std::vector<uint32_t> void_records;  // replaced later in the batch: their rows are not inserted
    std::vector<int64_t> deleted;        // scratch
    void Clear() {
      sentences.clear();
      claims.clear();
      mentions.clear();
      record_of_article.clear();
      void_records.clear();
    }
  } batch;

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

// A claim's or mention's row id is (article id << 32) + its place in the
// article (schema 4), so an article's rows are one range of row ids and no
// index by article is needed. Article ids stay below kMaxArticleId so row
// ids fit SQLite's signed 64 bits.
inline constexpr int64_t kMaxArticleId = int64_t{1} << 31;
inline int64_t FirstRowOf(int64_t article_id) { return article_id << 32; }
inline int64_t LastRowOf(int64_t article_id) { return FirstRowOf(article_id) + 0xFFFFFFFF; }
// SQL saying that row id `row` ("c.id") is one of article `article`'s
// ("a.id"): a range SQLite answers from the table's own B-tree.
inline std::string RowOfArticle(std::string_view row, std::string_view article) {
  return fmt::format("{0} BETWEEN {1} << 32 AND ({1} << 32) + 4294967295", row, article);
}

// Reads a row selected with kArticleColumns (columns 0..12, id first).
void ReadArticleRow(const Statement& st, ArticleRecord* r);
inline constexpr std::string_view kArticleColumns =
    "id, path, hash, bytes, size, mtime_ns, title, date, date_source, url, script, ingested_at, "
    "extractor_version";

}  // namespace claims::store

#endif  // CLAIMS_STORE_STORE_IMPL_H_
