// Store::LoadForCheck: the checker's read of the whole store, the same rows
// in the same order as LoadClaims + LoadMentions, but cheaper at a million
// claims. Articles are walked by path (their unique index) and each
// article's rows fetched as its range of row ids (store_impl.h) in row id order, which
// needs no sort in SQLite at all (CROSS JOIN pins that loop order). The
// writer inserts an article's rows in offset order, so its rows nearly
// always arrive sorted by (byte_start, id) already; an article whose rows do
// not is put in that order here (a stable sort by offset of rows that came
// in id order). The vectors are sized from a count first and filled in
// place. Claims go into the checker's compact table (check/claim_table.h):
// an article's path, hash and date once per article, a sentence's text once
// per run of claims that share its sentence_id (interned, so copies in other
// articles share it too), short repeated strings interned, column text read
// in place without a copy. Mentions go into the same table as CheckMentions
// (Location and Mention in one, the sentence interned like the claims'). A
// mention's sentence start, which the store does not keep, is taken from a
// claim of the same sentence row (PlaceMentions).
#include <algorithm>
#include <exception>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "check/claim_table.h"
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

// One column of repeated short strings (unit, entity, period ...): the
// previous row's value is reused without a lookup when it repeats, as it
// mostly does within an article.
class InternedColumn {
 public:
  check::Text Read(const Statement& st, int col, check::ClaimTable* table) {
    std::string_view text = st.TextView(col);
    if (text != last_.view()) last_ = table->InternText(text);
    return last_;
  }

 private:
  check::Text last_;
};

// The mentions, in the same order as LoadMentions, into `table` (its own
// strings: a second thread may be filling another table with the claims).
Status ReadMentions(Db& db, check::ClaimTable* table) {
  Result<Statement> ms = db.Prepare(
      fmt::format("SELECT a.id, a.path, a.hash, m.type, m.byte_start, m.byte_end, m.line, m.surface, m.value, "
                  "m.sentence_id, coalesce(s.text, '') FROM articles a CROSS JOIN mentions m ON {} "
                  "LEFT JOIN sentences s ON s.id = m.sentence_id ORDER BY a.path, m.id",
                  RowOfArticle("m.id", "a.id")));
  if (!ms.ok()) return ms.status();
  std::vector<check::CheckMention>& mentions = table->mentions;
  auto mention_offset = [](const check::CheckMention& m) { return m.byte_start; };
  int64_t last_article = -1;
  const check::ArticleRef* article = nullptr;
  size_t article_begin = 0;
  InternedColumn value;
  int64_t sentence_id = -1;
  check::Text sentence;
  for (;;) {
    Result<bool> row = ms->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t article_id = ms->Int(0);
    if (article_id != last_article) {
      SortArticle(&mentions, article_begin, mention_offset);
      article_begin = mentions.size();
      // Mentions carry no article date (LoadMentions' Locations have none).
      article = table->AddArticle(ms->TextView(1), ms->TextView(2), "");
      last_article = article_id;
    }
    check::CheckMention& m = mentions.emplace_back();
    m.article = article;
    m.type = ms->TextView(3) == "model" ? Mention::Type::kModel : Mention::Type::kDate;
    m.byte_start = static_cast<uint32_t>(ms->Int(4));
    m.byte_end = static_cast<uint32_t>(ms->Int(5));
    m.line = static_cast<uint32_t>(ms->Int(6));
    m.surface = table->Intern(ms->TextView(7));
    m.value = value.Read(*ms, 8, table).view();
    const int64_t sid = ms->IsNull(9) ? -1 : ms->Int(9);
    if (sid != sentence_id || sid < 0) {
      sentence_id = sid;
      sentence = table->InternText(ms->TextView(10));
    }
    m.sentence = sentence;
    m.sentence_id = static_cast<uint32_t>(std::max<int64_t>(sid, 0));
  }
  SortArticle(&mentions, article_begin, mention_offset);
  return Status::Ok();
}

Status ParseDecimal(std::string_view text, std::string_view what, Decimal* out) {
  std::optional<Decimal> d = Decimal::Parse(text);
  if (!d) return Status::StoreError(fmt::format("stored {} '{}' is not an exact decimal", what, text));
  *out = *d;
  return Status::Ok();
}

// The columns of ClaimColumnsOf from `first`, then
// sentence_id and the sentence's text, into `c`.
struct ClaimReader {
  InternedColumn unit, dimension, counted, entity, metric, metric_word, period, scope, base, base_entity;
  check::ClaimFields fields;  // the row's, as read
  const check::ClaimFields* last_fields = nullptr;  // interned, the previous row's
  int64_t sentence_id = -1;
  check::Text sentence;

  Status Read(const Statement& st, int first, check::ClaimTable* table, check::CheckClaim* c) {
    int i = first;
    c->byte_start = static_cast<uint32_t>(st.Int(i++));
    c->byte_end = static_cast<uint32_t>(st.Int(i++));
    c->line = static_cast<uint32_t>(st.Int(i++));
    const int surface_col = i++;
    // Most claims are one value (value_hi == value_lo): parsed once.
    Decimal lo, hi, precision;
    // (A column's text stays valid while other columns are read.)
    // value_hi reads as value_lo where the store keeps it NULL (ClaimColumnsOf).
    std::string_view lo_text = st.TextView(i++), hi_text = st.TextView(i++);
    Status s = ParseDecimal(lo_text, "value_lo", &lo);
    if (s.ok()) {
      if (hi_text == lo_text) hi = lo;
      else s = ParseDecimal(hi_text, "value_hi", &hi);
    }
    if (s.ok()) s = ParseDecimal(st.TextView(i++), "precision", &precision);
    if (!s.ok()) return s;
    c->value_lo = table->Compact(lo);
    c->value_hi = table->Compact(hi);
    c->precision = table->Compact(precision);
    fields.unit = unit.Read(st, i++, table);
    fields.dimension = dimension.Read(st, i++, table);
    fields.counted = counted.Read(st, i++, table);
    std::string_view qualifier = st.TextView(i++), kind = st.TextView(i++), direction = st.TextView(i++);
    Qualifier q;
    Kind k;
    Direction d;
    if (!ParseQualifier(qualifier, &q) || !ParseKind(kind, &k) || !ParseDirection(direction, &d)) {
      return Status::StoreError(fmt::format("stored claim has unknown qualifier/kind/direction '{}'/'{}'/'{}'",
                                            qualifier, kind, direction));
    }
    c->qualifier = q;  // (bit-fields: no address to parse into)
    c->kind = k;
    c->direction = d;
    fields.entity = entity.Read(st, i++, table);
    fields.metric = metric.Read(st, i++, table);
    fields.metric_word = metric_word.Read(st, i++, table);
    fields.period = period.Read(st, i++, table);
    fields.scope = scope.Read(st, i++, table);
    fields.base = base.Read(st, i++, table);
    fields.base_entity = base_entity.Read(st, i++, table);
    // An article's claims mostly repeat the previous row's fields: no lookup.
    if (!last_fields || !(*last_fields == fields)) last_fields = table->InternFields(fields);
    c->fields = last_fields;
    c->sentence_start = static_cast<uint32_t>(st.Int(i++));
    c->sentence_end = static_cast<uint32_t>(st.Int(i++));
    // A sentence's claims come together: its text is interned once per run
    // of them (and copies of it in other articles share that text).
    const int sentence_col = i + 1;
    if (st.IsNull(i) || st.Int(i) != sentence_id) {
      sentence_id = st.IsNull(i) ? -1 : st.Int(i);
      sentence = table->InternText(st.TextView(sentence_col));
    }
    c->sentence = sentence;
    // The surface is nearly always the sentence's own text at its offset.
    std::string_view surface = st.TextView(surface_col);
    size_t off = c->byte_start - c->sentence_start;
    if (c->byte_start >= c->sentence_start && off + surface.size() <= sentence.size() &&
        sentence.substr(off, surface.size()) == surface) {
      c->surface = sentence.substr(off, surface.size());
    } else {
      c->surface = table->Intern(surface);
    }
    return Status::Ok();
  }
};

// Where a sentences row stands in its article, as its claims say: a row may
// stand for several places with the same text.
struct SentenceSpan {
  uint32_t id = 0, start = 0, end = 0;
  friend auto operator<=>(const SentenceSpan&, const SentenceSpan&) = default;
};

// The claims, in the same order as LoadClaims, and their sentences' spans.
Status ReadClaims(Db& db, check::ClaimTable* table, std::vector<SentenceSpan>* spans) {
  Result<Statement> st = db.Prepare(fmt::format(
      "SELECT a.id, a.path, a.hash, a.date, c.id, {}, c.sentence_id, coalesce(s.text, '') FROM articles a "
      "CROSS JOIN claims c ON {} LEFT JOIN sentences s ON s.id = c.sentence_id "
      "ORDER BY a.path, c.id",
      ClaimColumnsOf("c"), RowOfArticle("c.id", "a.id")));
  if (!st.ok()) return st.status();
  std::vector<check::CheckClaim>& claims = table->claims;
  auto claim_offset = [](const check::CheckClaim& c) { return c.byte_start; };
  int64_t last_article = -1;
  const check::ArticleRef* article = nullptr;
  size_t article_begin = 0;
  ClaimReader reader;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t article_id = st->Int(0);
    if (article_id != last_article) {
      SortArticle(&claims, article_begin, claim_offset);
      article_begin = claims.size();
      article = table->AddArticle(st->TextView(1), st->TextView(2), st->TextView(3));
      last_article = article_id;
    }
    check::CheckClaim& c = claims.emplace_back();
    c.article = article;
    c.id = st->Int(4);
    Status s = reader.Read(*st, 5, table, &c);
    if (!s.ok()) return Status::StoreError(fmt::format("{}: claim {}: {}", article->path, c.id, s.message()));
    const SentenceSpan span{static_cast<uint32_t>(std::max<int64_t>(reader.sentence_id, 0)), c.sentence_start,
                            c.sentence_end};
    if (span.id != 0 && (spans->empty() || spans->back() != span)) spans->push_back(span);
  }
  SortArticle(&claims, article_begin, claim_offset);
  return Status::Ok();
}

// A mention's sentence start, from a claim of its sentence row whose span
// holds it (the store keeps none for mentions): without it the rules find
// a mention at the first occurrence of its text, the wrong place when the
// sentence names it twice (A100和A100…, 2019年2月…截至2019年2月).
void PlaceMentions(std::vector<SentenceSpan> spans, std::vector<check::CheckMention>* mentions) {
  std::sort(spans.begin(), spans.end());
  for (check::CheckMention& m : *mentions) {
    if (m.sentence_id == 0 || m.sentence_start != 0) continue;
    auto at = std::lower_bound(spans.begin(), spans.end(), SentenceSpan{m.sentence_id, 0, 0});
    for (; at != spans.end() && at->id == m.sentence_id; ++at) {
      if (at->start <= m.byte_start && m.byte_start < at->end) {
        size_t off = m.byte_start - at->start;
        if (off < m.sentence.size() && m.sentence.substr(off, m.surface.size()) == m.surface) {
          m.sentence_start = at->start;
        }
        break;
      }
    }
  }
}

// The page cache (up to 32 MB, store.cc) helps the writer; the checker
// has read every row it needs by now and the rules' peak comes next, so the
// pages go back before it (and, with the interning index Seal frees, to the
// system: check::ReleaseFreedHeap). The next statement refills what it reads.
Status ReleaseCache(Db& db) { return db.Exec("PRAGMA shrink_memory"); }

}  // namespace

Status Store::LoadForCheck(check::ClaimTable* table) {
  Db& db = impl_->db;
  *table = check::ClaimTable();
  std::vector<check::CheckClaim>* claims = &table->claims;
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
  std::vector<SentenceSpan> spans;
  if (!second) {
    table->mentions.reserve(static_cast<size_t>(*mention_count));
    Status s = ReadClaims(db, table, &spans);
    if (s.ok()) s = ReadMentions(db, table);
    if (s.ok()) PlaceMentions(std::move(spans), &table->mentions);
    if (s.ok()) s = ReleaseCache(db);
    table->Seal();
    check::ReleaseFreedHeap();
    return s;
  }
  check::ClaimTable mention_table;
  mention_table.mentions.reserve(static_cast<size_t>(*mention_count));
  Status mentions_read = Status::Ok();
  std::exception_ptr failed;
  std::thread reader([&] {
    try {
      mentions_read = ReadMentions(*second, &mention_table);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  Status claims_read = Status::Ok();
  try {
    claims_read = ReadClaims(db, table, &spans);
  } catch (...) {
    reader.join();
    throw;
  }
  reader.join();
  if (failed) std::rethrow_exception(failed);
  table->AdoptMentions(std::move(mention_table));
  if (!claims_read.ok()) return claims_read;
  if (!mentions_read.ok()) return mentions_read;
  PlaceMentions(std::move(spans), &table->mentions);
  table->Seal();
  Status released = ReleaseCache(db);
  check::ReleaseFreedHeap();
  return released;
}

}  // namespace claims::store
