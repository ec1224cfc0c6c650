// Store: reading articles, claims and mentions back, and the store's stats.
// Claims stream through a callback so exports of large stores run in
// constant memory; the vector forms are for the checker and tests.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "store/rows.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claims::store {
namespace {

// SELECT ... FROM claims joined with articles; {where} is "" or "WHERE ...".
std::string ClaimQuery(std::string_view where) {
  return fmt::format(
      "SELECT a.path, a.hash, a.date, c.id, {}, coalesce(s.text, '') FROM articles a "
      "JOIN claims c ON {} LEFT JOIN sentences s ON s.id = c.sentence_id {} "
      "ORDER BY a.path, c.byte_start, c.id",
      ClaimColumnsOf("c"), RowOfArticle("c.id", "a.id"), where);
}

// Steps `st` to the end, reading one StoredClaim per row into fn.
Status StreamClaims(Statement* st, const std::function<bool(const StoredClaim&)>& fn) {
  StoredClaim sc;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    sc.path = st->Text(0);
    sc.article_hash = st->Text(1);
    sc.article_date = st->Text(2);
    sc.id = st->Int(3);
    Status s = ReadClaim(*st, 4, &sc.claim);
    if (!s.ok()) return Status::StoreError(fmt::format("{}: claim {}: {}", sc.path, sc.id, s.message()));
    if (!fn(sc)) return Status::Ok();
  }
}

// The filter's paths, sorted and unique, so per-path queries come out in
// the same order as an unfiltered load.
std::vector<std::string> SortedPaths(const ClaimFilter& filter) {
  std::set<std::string> unique(filter.paths.begin(), filter.paths.end());
  return std::vector<std::string>(unique.begin(), unique.end());
}

}  // namespace

Result<std::vector<std::string>> Store::AllPaths() {
  Result<Statement> st = impl_->db.Prepare("SELECT path FROM articles ORDER BY path");
  if (!st.ok()) return st.status();
  std::vector<std::string> out;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(st->Text(0));
  }
  return out;
}

Status Store::ForEachArticle(const std::function<bool(const ArticleRecord&)>& fn) {
  Result<Statement> st = impl_->db.Prepare(fmt::format(
      "SELECT {}, (SELECT count(*) FROM claims WHERE {}) FROM articles ORDER BY path", kArticleColumns,
      RowOfArticle("claims.id", "articles.id")));
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    ArticleRecord r;
    ReadArticleRow(*st, &r);
    r.claim_count = st->Int(13);
    if (!fn(r)) return Status::Ok();
  }
}

Result<std::vector<Article>> Store::LoadArticles() {
  std::vector<Article> out;
  Status s = ForEachArticle([&](const ArticleRecord& r) {
    out.push_back(r.article);
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<StoredClaim>> Store::LoadClaims(const ClaimFilter& filter) {
  std::vector<StoredClaim> out;
  auto collect = [&](const StoredClaim& c) {
    out.push_back(c);
    return true;
  };
  if (filter.paths.empty()) {
    Status s = ForEachClaim(collect);
    if (!s.ok()) return s;
    return out;
  }
  Result<Statement> st = impl_->db.Prepare(ClaimQuery("WHERE a.path = ?"));
  if (!st.ok()) return st.status();
  for (const std::string& p : SortedPaths(filter)) {
    st->Bind(1, p);
    Status s = StreamClaims(&st.value(), collect);
    st->Reset();
    if (!s.ok()) return s;
  }
  return out;
}

Status Store::ForEachClaim(const std::function<bool(const StoredClaim&)>& fn) {
  Result<Statement> st = impl_->db.Prepare(ClaimQuery(""));
  if (!st.ok()) return st.status();
  return StreamClaims(&st.value(), fn);
}

Result<std::vector<std::pair<Location, Mention>>> Store::LoadMentions(const ClaimFilter& filter) {
  std::string sql =
      "SELECT a.path, a.hash, {} "
      "FROM articles a JOIN mentions m ON {} LEFT JOIN sentences s ON s.id = m.sentence_id {} "
      "ORDER BY a.path, m.byte_start, m.id";
  Result<Statement> st = impl_->db.Prepare(fmt::format(fmt::runtime(sql), kMentionColumns, RowOfArticle("m.id", "a.id"),
                                                       filter.paths.empty() ? "" : "WHERE a.path = ?"));
  if (!st.ok()) return st.status();
  std::vector<std::pair<Location, Mention>> out;
  std::vector<std::string> paths = SortedPaths(filter);
  if (paths.empty()) paths.push_back("");  // one unfiltered pass
  for (const std::string& p : paths) {
    if (!filter.paths.empty()) st->Bind(1, p);
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      Location loc;
      Mention m;
      loc.path = st->Text(0);
      loc.article_hash = st->Text(1);
      ReadMention(*st, 2, &loc, &m);
      out.emplace_back(std::move(loc), std::move(m));
    }
    st->Reset();
  }
  return out;
}

Result<StoreStats> Store::Stats() {
  StoreStats stats;
  Db& db = impl_->db;
  struct {
    int64_t* out;
    const char* sql;
  } counts[] = {
      {&stats.articles, "SELECT count(*) FROM articles"},
      {&stats.claims, "SELECT count(*) FROM claims"},
      {&stats.mentions, "SELECT count(*) FROM mentions"},
      {&stats.findings, "SELECT count(*) FROM findings"},
      {&stats.file_bytes, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"},
  };
  for (const auto& c : counts) {
    Result<int64_t> v = db.QueryInt(c.sql);
    if (!v.ok()) return v.status();
    *c.out = *v;
  }
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  stats.schema_version = static_cast<int>(*version);

  Result<Statement> last = db.Prepare("SELECT max(ingested_at) FROM articles");
  if (!last.ok()) return last.status();
  Result<bool> row = last->Step();
  if (!row.ok()) return row.status();
  if (*row && !last->IsNull(0)) stats.last_ingest = last->Text(0);

  struct {
    std::vector<std::pair<std::string, int64_t>>* out;
    const char* column;
  } groups[] = {{&stats.claims_by_unit, "unit"}, {&stats.claims_by_dimension, "dimension"}};
  for (const auto& g : groups) {
    Result<Statement> st =
        db.Prepare(fmt::format("SELECT {0}, count(*) FROM claims GROUP BY {0} ORDER BY 2 DESC, 1", g.column));
    if (!st.ok()) return st.status();
    for (;;) {
      Result<bool> r = st->Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      g.out->emplace_back(st->Text(0), st->Int(1));
    }
  }
  return stats;
}

}  // namespace claims::store
