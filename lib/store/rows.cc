#include "store/rows.h"

#include <cstdlib>
#include <utility>

#include <fmt/format.h>

namespace claims::store {
namespace {

// `same_as`: a column read before whose text equals this one's parses to the
// same value (most claims are one value: value_hi == value_lo).
Status ReadDecimal(const Statement& st, int col, std::string_view what, Decimal* out,
                   std::string* text_out = nullptr,
                   std::pair<const std::string*, const Decimal*> same_as = {}) {
  std::string text = st.Text(col);
  if (same_as.first && *same_as.first == text) {
    *out = *same_as.second;
    return Status::Ok();
  }
  std::optional<Decimal> d = Decimal::Parse(text);
  if (!d) return Status::StoreError(fmt::format("stored {} '{}' is not an exact decimal", what, text));
  *out = *d;
  if (text_out) *text_out = std::move(text);
  return Status::Ok();
}

uint32_t U32(const Statement& st, int col) { return static_cast<uint32_t>(st.Int(col)); }

}  // namespace

std::string Placeholders(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::string Prefixed(std::string_view columns, std::string_view prefix) {
  std::string out;
  size_t start = 0;
  while (start < columns.size()) {
    size_t comma = columns.find(',', start);
    if (comma == std::string_view::npos) comma = columns.size();
    std::string_view col = columns.substr(start, comma - start);
    while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out += fmt::format("{}.{}", prefix, col);
    start = comma + 1;
  }
  return out;
}

double SortKey(const Decimal& d, const std::string& text) {
  // Clinger's fast path: a coefficient below 2^53 and a power of ten up to
  // 10^22 are both exact doubles, and one multiplication or division rounds
  // correctly, so this is strtod's answer without parsing (strtod was 5% of
  // a save). Anything else goes through strtod.
  constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const int e = d.exponent();
  if (d.digits() <= 15 && e >= -22 && e <= 22) {
    const double m = static_cast<double>(d.coefficient().convert_to<int64_t>());
    return e >= 0 ? m * kPow10[e] : m / kPow10[-e];
  }
  return std::strtod(text.c_str(), nullptr);
}

void BindClaim(Statement* st, int first, const Claim& c, ClaimText* text) {
  // The claim's own strings are bound without a copy (it outlives the step);
  // the decimals' text is made here, and copied by SQLite unless `text`
  // keeps it.
  ClaimText local;
  ClaimText& t = text != nullptr ? *text : local;
  int i = first;
  st->Bind(i++, int64_t{c.byte_start});
  st->Bind(i++, int64_t{c.byte_end});
  st->Bind(i++, int64_t{c.line});
  st->BindNoCopy(i++, c.surface);
  // Most claims are one value (lo == hi): format it once.
  t.lo = c.value_lo.ToString();
  const bool one_value = c.value_hi == c.value_lo;
  if (!one_value) t.hi = c.value_hi.ToString();
  t.precision = c.precision.ToString();
  const std::string& hi = one_value ? t.lo : t.hi;
  const std::string* decimals[] = {&t.lo, &hi, &t.precision};
  for (const std::string* d : decimals) {
    if (text != nullptr) {
      st->BindNoCopy(i++, *d);
    } else {
      st->Bind(i++, *d);
    }
  }
  st->BindDouble(i++, SortKey(c.value_lo, t.lo));
  st->BindNoCopy(i++, c.unit);
  st->BindNoCopy(i++, c.dimension);
  st->BindNoCopy(i++, c.counted);
  st->BindStatic(i++, QualifierName(c.qualifier));
  st->BindStatic(i++, KindName(c.kind));
  st->BindStatic(i++, DirectionName(c.direction));
  st->BindNoCopy(i++, c.entity);
  st->BindNoCopy(i++, c.metric);
  st->BindNoCopy(i++, c.metric_word);
  st->BindNoCopy(i++, c.period);
  st->BindNoCopy(i++, c.scope);
  st->BindNoCopy(i++, c.base);
  st->BindNoCopy(i++, c.base_entity);
  st->Bind(i++, int64_t{c.sentence_start});
  st->Bind(i++, int64_t{c.sentence_end});
}

Status ReadClaim(const Statement& st, int first, Claim* c) {
  int i = first;
  c->byte_start = U32(st, i++);
  c->byte_end = U32(st, i++);
  c->line = U32(st, i++);
  c->surface = st.Text(i++);
  std::string lo_text;
  Status s = ReadDecimal(st, i++, "value_lo", &c->value_lo, &lo_text);
  if (s.ok()) s = ReadDecimal(st, i++, "value_hi", &c->value_hi, nullptr, {&lo_text, &c->value_lo});
  if (s.ok()) s = ReadDecimal(st, i++, "precision", &c->precision);
  if (!s.ok()) return s;
  ++i;  // value_sort: derived, not read back
  c->unit = st.Text(i++);
  c->dimension = st.Text(i++);
  c->counted = st.Text(i++);
  std::string qualifier = st.Text(i++), kind = st.Text(i++), direction = st.Text(i++);
  if (!ParseQualifier(qualifier, &c->qualifier) || !ParseKind(kind, &c->kind) ||
      !ParseDirection(direction, &c->direction)) {
    return Status::StoreError(
        fmt::format("stored claim has unknown qualifier/kind/direction '{}'/'{}'/'{}'", qualifier, kind, direction));
  }
  c->entity = st.Text(i++);
  c->metric = st.Text(i++);
  c->metric_word = st.Text(i++);
  c->period = st.Text(i++);
  c->scope = st.Text(i++);
  c->base = st.Text(i++);
  c->base_entity = st.Text(i++);
  c->sentence_start = U32(st, i++);
  c->sentence_end = U32(st, i++);
  c->sentence = st.Text(i++);
  return Status::Ok();
}

void ReadMention(const Statement& st, int first, Location* loc, Mention* m, bool mention_sentence) {
  int i = first;
  m->type = st.Text(i++) == "model" ? Mention::Type::kModel : Mention::Type::kDate;
  m->byte_start = loc->byte_start = U32(st, i++);
  m->byte_end = loc->byte_end = U32(st, i++);
  m->line = loc->line = U32(st, i++);
  m->surface = loc->surface = st.Text(i++);
  m->value = st.Text(i++);
  loc->sentence = st.Text(i++);
  if (mention_sentence) m->sentence = loc->sentence;
}

}  // namespace claims::store
