// Store::LoadForCheck: the checker's read of the whole store, the same rows
// in the same order as LoadClaims + LoadMentions, but cheaper at a million
// claims. Articles are walked by path (their unique index) and each
// article's rows fetched through its article_id index in row id order, which
// needs no sort in SQLite at all (CROSS JOIN pins that loop order). The
// writer inserts an article's rows in offset order, so its rows nearly
// always arrive sorted by (byte_start, id) already; an article whose rows do
// not is put in that order here (a stable sort by offset of rows that came
// in id order). The vectors are sized from a count first and filled in
// place, and an article's path, hash and date are read once per article. A
// mention's sentence is kept once, in its Location (Mention::sentence stays
// empty).
#include <algorithm>
#include <exception>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "store/rows.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claims::store {
namespace {

// Rows [begin, end) of one article came in id order: make it (offset, id).
template <class T, class Offset>
void SortArticle(std::vector<T>* rows, size_t begin, Offset offset) {
  auto first = rows->begin() + static_cast<std::ptrdiff_t>(begin);
  auto by_offset = [&offset](const T& a, const T& b) { return offset(a) < offset(b); };
  if (!std::is_sorted(first, rows->end(), by_offset)) std::stable_sort(first, rows->end(), by_offset);
}

// The mentions, in the same order as LoadMentions.
Status ReadMentions(Db& db, std::vector<std::pair<Location, Mention>>* mentions) {
  Result<Statement> ms = db.Prepare(
      fmt::format("SELECT a.id, a.path, a.hash, {} FROM articles a CROSS JOIN mentions m ON m.article_id = a.id "
      "LEFT JOIN sentences s ON s.id = m.sentence_id "
      "ORDER BY a.path, m.id", kMentionColumns));
  if (!ms.ok()) return ms.status();
  auto mention_offset = [](const std::pair<Location, Mention>& lm) { return lm.first.byte_start; };
  int64_t last_article = -1;
  size_t article_begin = 0;
  for (;;) {
    Result<bool> row = ms->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t article = ms->Int(0);
    if (article != last_article) {
      SortArticle(mentions, article_begin, mention_offset);
      article_begin = mentions->size();
    }
    auto& [loc, m] = mentions->emplace_back();
    if (article == last_article) {
      const Location& prev = (*mentions)[mentions->size() - 2].first;
      loc.path = prev.path;
      loc.article_hash = prev.article_hash;
    } else {
      loc.path = ms->Text(1);
      loc.article_hash = ms->Text(2);
      last_article = article;
    }
    // The checker reads a mention's sentence from its Location: a second
    // copy in the Mention was a quarter of the memory mentions took.
    ReadMention(*ms, 3, &loc, &m, /*mention_sentence=*/false);
  }
  SortArticle(mentions, article_begin, mention_offset);
  return Status::Ok();
}

// The claims, in the same order as LoadClaims.
Status ReadClaims(Db& db, std::vector<StoredClaim>* claims) {
  Result<Statement> st = db.Prepare(fmt::format(
      "SELECT a.id, a.path, a.hash, a.date, c.id, {}, coalesce(s.text, '') FROM articles a CROSS JOIN claims c "
      "ON c.article_id = a.id LEFT JOIN sentences s ON s.id = c.sentence_id ORDER BY a.path, c.id",
      Prefixed(kClaimColumns, "c")));
  if (!st.ok()) return st.status();
  auto claim_offset = [](const StoredClaim& sc) { return sc.claim.byte_start; };
  int64_t last_article = -1;
  size_t article_begin = 0;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t article = st->Int(0);
    if (article != last_article) {
      SortArticle(claims, article_begin, claim_offset);
      article_begin = claims->size();
    }
    StoredClaim& sc = claims->emplace_back();
    if (article == last_article) {
      const StoredClaim& prev = (*claims)[claims->size() - 2];
      sc.path = prev.path;
      sc.article_hash = prev.article_hash;
      sc.article_date = prev.article_date;
    } else {
      sc.path = st->Text(1);
      sc.article_hash = st->Text(2);
      sc.article_date = st->Text(3);
      last_article = article;
    }
    sc.id = st->Int(4);
    Status s = ReadClaim(*st, 5, &sc.claim);
    if (!s.ok()) return Status::StoreError(fmt::format("{}: claim {}: {}", sc.path, sc.id, s.message()));
  }
  SortArticle(claims, article_begin, claim_offset);
  return Status::Ok();
}

}  // namespace

Status Store::LoadForCheck(std::vector<StoredClaim>* claims,
                           std::vector<std::pair<Location, Mention>>* mentions) {
  Db& db = impl_->db;
  claims->clear();
  mentions->clear();
  // Mentions are nearly as many rows as claims, so they are read on a
  // second connection, on a second thread, while this one reads the claims.
  // This connection holds the write lock meanwhile (BEGIN IMMEDIATE), so no
  // writer can commit between the two reads: both see the same store. A
  // store that cannot be opened twice (":memory:"), is opened read-only, or
  // stays locked by a writer past the busy timeout is read on this
  // connection alone, claims first.
  std::optional<Transaction> lock;
  std::optional<Db> second;
  if (db.path() != ":memory:" && !db.IsReadOnly()) {
    Result<Transaction> tx = Transaction::Begin(&db);
    if (tx.ok()) {
      lock.emplace(std::move(tx).value());
      Db::Options read_only;
      read_only.read_only = true;
      read_only.create = false;
      Result<Db> other = Db::Open(db.path(), read_only);
      if (other.ok()) second.emplace(std::move(other).value());
    }
  }
  Result<int64_t> claim_count = db.QueryInt("SELECT count(*) FROM claims");
  if (!claim_count.ok()) return claim_count.status();
  Result<int64_t> mention_count = db.QueryInt("SELECT count(*) FROM mentions");
  if (!mention_count.ok()) return mention_count.status();
  claims->reserve(static_cast<size_t>(*claim_count));
  mentions->reserve(static_cast<size_t>(*mention_count));
  if (!second) {
    Status s = ReadClaims(db, claims);
    return s.ok() ? ReadMentions(db, mentions) : s;
  }
  Status mentions_read = Status::Ok();
  std::exception_ptr failed;
  std::thread reader([&] {
    try {
      mentions_read = ReadMentions(*second, mentions);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  Status claims_read = Status::Ok();
  try {
    claims_read = ReadClaims(db, claims);
  } catch (...) {
    reader.join();
    throw;
  }
  reader.join();
  if (failed) std::rethrow_exception(failed);
  return claims_read.ok() ? mentions_read : claims_read;
}

}  // namespace claims::store
