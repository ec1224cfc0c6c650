#include "store/rows.h"

#include <cstdlib>
#include <utility>
#include <vector>

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

// The text of `d` when it is 10^k, |k| <= 18, else "". Claims' precisions
// nearly all are ("1", "0.01", "100000000"): their text is made once here,
// not per row, and is static, so a bulk insert's parameter that already
// holds it is not bound again (Statement::BindStatic).
std::string_view PowerOfTenText(const Decimal& d) {
  constexpr int kSpan = 18;
  static const std::vector<std::pair<Decimal, std::string>> kPowers = [] {
    std::vector<std::pair<Decimal, std::string>> powers;
    for (int k = -kSpan; k <= kSpan; ++k) {
      Decimal p = Decimal::Pow10(k);
      std::string text = p.ToString();
      powers.emplace_back(std::move(p), std::move(text));
    }
    return powers;
  }();
  const int k = d.exponent();
  if (k < -kSpan || k > kSpan) return {};
  const auto& [power, text] = kPowers[static_cast<size_t>(k + kSpan)];
  return d == power ? std::string_view(text) : std::string_view();
}

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

std::string ClaimColumnsOf(std::string_view table) {
  std::string columns = table.empty() ? std::string(kClaimColumns) : Prefixed(kClaimColumns, table);
  const std::string dot = table.empty() ? "" : std::string(table) + ".";
  const std::string hi = dot + "value_hi";
  columns.replace(columns.find(hi), hi.size(), fmt::format("coalesce({0}value_hi, {0}value_lo)", dot));
  return columns;
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
  // Most claims are one value (lo == hi): value_hi is NULL then, which a
  // parameter of the bulk insert mostly holds already (BindNull).
  const bool one_value = c.value_hi == c.value_lo;
  t.lo = c.value_lo.ToString();
  if (!one_value) t.hi = c.value_hi.ToString();
  const std::string_view power_of_ten = PowerOfTenText(c.precision);
  if (power_of_ten.empty()) t.precision = c.precision.ToString();
  auto bind_decimal = [&](const std::string& d) {
    if (text != nullptr) {
      st->BindNoCopy(i++, d);
    } else {
      st->Bind(i++, d);
    }
  };
  bind_decimal(t.lo);
  if (one_value) {
    st->BindNull(i++);
  } else {
    bind_decimal(t.hi);
  }
  if (!power_of_ten.empty()) {
    st->BindStatic(i++, power_of_ten);
  } else {
    bind_decimal(t.precision);
  }
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
