#include "report/claims_table.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "base/json.h"

namespace claims::report {
namespace {

constexpr std::string_view kFields[] = {
    "byte_start", "byte_end", "line", "surface", "value_lo", "value_hi", "precision", "unit",
    "dimension", "counted", "qualifier", "kind", "direction", "entity", "metric", "metric_word",
    "period", "scope", "base", "base_entity", "sentence"};

// Terminal columns of a UTF-8 string: East Asian wide characters take two.
size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += (len >= 3) ? 2 : 1;  // CJK, full-width forms and emoji are wide
    i += len;
  }
  return w;
}

std::string Flatten(std::string s) {
  for (char& c : s) if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::span<const std::string_view> ClaimFieldNames() { return kFields; }

std::string ClaimField(const Claim& c, std::string_view name) {
  if (name == "byte_start") return std::to_string(c.byte_start);
  if (name == "byte_end") return std::to_string(c.byte_end);
  if (name == "line") return std::to_string(c.line);
  if (name == "surface") return c.surface;
  if (name == "value_lo") return c.value_lo.ToString();
  if (name == "value_hi") return c.value_hi.ToString();
  if (name == "precision") return c.precision.ToString();
  if (name == "unit") return c.unit;
  if (name == "dimension") return c.dimension;
  if (name == "counted") return c.counted;
  if (name == "qualifier") return std::string(QualifierName(c.qualifier));
  if (name == "kind") return std::string(KindName(c.kind));
  if (name == "direction") return std::string(DirectionName(c.direction));
  if (name == "entity") return c.entity;
  if (name == "metric") return c.metric;
  if (name == "metric_word") return c.metric_word;
  if (name == "period") return c.period;
  if (name == "scope") return c.scope;
  if (name == "base") return c.base;
  if (name == "base_entity") return c.base_entity;
  if (name == "sentence") return c.sentence;
  return "";
}

namespace {

// Room for n more bytes at the end of *out, to be filled through the
// returned pointer and trimmed by Trim(). A claim's line is some twenty
// short pieces; one resize and plain stores cost a fraction of twenty
// appends, each checking capacity and calling memcpy.
char* Reserve(std::string* out, size_t n) {
  size_t at = out->size();
  out->resize(at + n);
  return out->data() + at;
}
void Trim(std::string* out, const char* end) { out->resize(static_cast<size_t>(end - out->data())); }

template <size_t N>
char* Put(char* p, const char (&literal)[N]) {
  std::memcpy(p, literal, N - 1);  // a constant size: a few stores
  return p + N - 1;
}
char* Put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}
constexpr size_t kMaxKey = 16;  // the longest ',"name":' below, with room to spare

// The most bytes WriteClaimFields writes for `c`.
size_t FieldsRoom(const Claim& c) {
  // Twenty-one keys; three numbers of up to ten digits; three enum names
  // and three decimals, quoted; eleven strings, quoted or "null".
  size_t room = 21 * kMaxKey + 3 * 10 + QualifierName(c.qualifier).size() + KindName(c.kind).size() +
                DirectionName(c.direction).size() + 3 * 4 + c.value_lo.MaxTextSize() + c.value_hi.MaxTextSize() +
                c.precision.MaxTextSize() + 3 * 2;
  for (const std::string* v : {&c.surface, &c.unit, &c.dimension, &c.counted, &c.entity, &c.metric, &c.metric_word,
                               &c.period, &c.scope, &c.base, &c.base_entity}) {
    room += json::MaxQuotedSize(v->size()) + 2;
  }
  return room;
}

// The fields of a claim's JSON object after "path" and before "sentence",
// each with its leading comma, written at p; returns the end.
char* WriteClaimFields(char* p, const Claim& c) {
  auto number = [](char* p, uint32_t v) {
    fmt::format_int digits(v);
    return Put(p, std::string_view(digits.data(), digits.size()));
  };
  // Unknown values are null, not "".
  auto nullable = [](char* p, std::string_view v) { return v.empty() ? Put(p, "null") : json::WriteString(p, v); };
  // The names of enum values are plain ASCII: quoted as they are.
  auto name = [](char* p, std::string_view v) {
    *p++ = '"';
    p = Put(p, v);
    *p++ = '"';
    return p;
  };
  // A decimal's text needs no JSON escaping: quoted as it is written.
  auto decimal = [](char* p, const Decimal& d) {
    *p++ = '"';
    p = d.Write(p);
    *p++ = '"';
    return p;
  };
  p = number(Put(p, ",\"byte_start\":"), c.byte_start);
  p = number(Put(p, ",\"byte_end\":"), c.byte_end);
  p = number(Put(p, ",\"line\":"), c.line);
  p = json::WriteString(Put(p, ",\"surface\":"), c.surface);
  p = Put(p, ",\"value_lo\":");
  char* lo = p;
  p = decimal(p, c.value_lo);
  // Most claims are one value (lo == hi): its text is written once and copied.
  std::string_view lo_text(lo, static_cast<size_t>(p - lo));
  p = Put(p, ",\"value_hi\":");
  p = c.value_hi == c.value_lo ? Put(p, lo_text) : decimal(p, c.value_hi);
  p = decimal(Put(p, ",\"precision\":"), c.precision);
  std::string_view direction = DirectionName(c.direction);
  p = json::WriteString(Put(p, ",\"unit\":"), c.unit);
  p = json::WriteString(Put(p, ",\"dimension\":"), c.dimension);
  p = nullable(Put(p, ",\"counted\":"), c.counted);
  p = name(Put(p, ",\"qualifier\":"), QualifierName(c.qualifier));
  p = name(Put(p, ",\"kind\":"), KindName(c.kind));
  p = direction.empty() ? Put(p, ",\"direction\":null") : name(Put(p, ",\"direction\":"), direction);
  p = nullable(Put(p, ",\"entity\":"), c.entity);
  p = nullable(Put(p, ",\"metric\":"), c.metric);
  p = nullable(Put(p, ",\"metric_word\":"), c.metric_word);
  p = nullable(Put(p, ",\"period\":"), c.period);
  p = nullable(Put(p, ",\"scope\":"), c.scope);
  p = nullable(Put(p, ",\"base\":"), c.base);
  p = nullable(Put(p, ",\"base_entity\":"), c.base_entity);
  return Put(p, ",\"sentence\":");
}

}  // namespace

void AppendClaimJson(std::string* out, std::string_view path, const Claim& c) {
  out->append("{\"path\":");
  json::AppendString(out, path);
  Trim(out, WriteClaimFields(Reserve(out, FieldsRoom(c)), c));
  json::AppendString(out, c.sentence);
  out->push_back('}');
}

ClaimJsonlWriter::ClaimJsonlWriter(std::string_view path) { json::AppendString(&path_json_, path); }

void ClaimJsonlWriter::Append(std::string* out, const Claim& c) {
  if (!has_sentence_ || c.sentence != sentence_) {
    sentence_ = c.sentence;
    sentence_json_.clear();
    json::AppendString(&sentence_json_, c.sentence);
    has_sentence_ = true;
  }
  // The whole line through one pointer: the path and the sentence are
  // copied as they were escaped.
  char* p = Reserve(out, kMaxKey + path_json_.size() + FieldsRoom(c) + sentence_json_.size() + 2);
  p = Put(Put(p, "{\"path\":"), path_json_);
  p = Put(WriteClaimFields(p, c), sentence_json_);
  Trim(out, Put(p, "}\n"));
}

std::string ClaimTsvHeader() {
  std::string h = "path";
  for (std::string_view name : kFields) { h += '\t'; h += name; }
  return h;
}

std::string ClaimTsvRow(std::string_view path, const Claim& c) {
  std::string row = Flatten(std::string(path));
  for (std::string_view name : kFields) {
    row += '\t';
    row += Flatten(ClaimField(c, name));
  }
  return row;
}

std::string ClaimTable(std::span<const std::pair<std::string, Claim>> rows) {
  static constexpr std::string_view kCols[] = {"path:line", "surface", "value", "unit", "qualifier", "kind",
                                               "entity", "metric", "period", "scope"};
  std::vector<std::vector<std::string>> cells;
  for (const auto& [path, c] : rows) {
    std::string value = c.value_lo == c.value_hi ? c.value_lo.ToString() : c.value_lo.ToString() + ".." + c.value_hi.ToString();
    std::string unit = c.counted.empty() ? c.unit : c.unit + "[" + c.counted + "]";
    std::string kind = std::string(KindName(c.kind)) + std::string(DirectionName(c.direction));
    cells.push_back({fmt::format("{}:{}", path, c.line), Flatten(c.surface), value, unit,
                     std::string(QualifierName(c.qualifier)), kind, c.entity, c.metric, c.period, c.scope});
  }
  std::vector<size_t> width(std::size(kCols));
  for (size_t i = 0; i < width.size(); ++i) width[i] = DisplayWidth(kCols[i]);
  for (const auto& row : cells)
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], DisplayWidth(row[i]));
  std::string out;
  auto emit = [&](auto get) {
    for (size_t i = 0; i < width.size(); ++i) {
      std::string cell(get(i));
      out += cell;
      if (i + 1 < width.size()) out.append(width[i] - DisplayWidth(cell) + 2, ' ');
    }
    out += '\n';
  };
  emit([&](size_t i) { return std::string(kCols[i]); });
  for (const auto& row : cells) emit([&](size_t i) { return row[i]; });
  return out;
}

}  // namespace claims::report
