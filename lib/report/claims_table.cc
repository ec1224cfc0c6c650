#include "report/claims_table.h"

#include <algorithm>
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

// The fields of a claim's JSON object after "path" and before "sentence",
// each with its leading comma. Written field by field straight into `out`:
// this runs once per claim on the extract hot path, so no per-field strings
// are built.
void AppendClaimFields(std::string* out, const Claim& c) {
  // `key` is the whole ',"name":' so that each key is one append.
  auto number = [out](std::string_view key, uint32_t v) {
    out->append(key);
    fmt::format_int digits(v);
    out->append(digits.data(), digits.size());
  };
  auto text = [out](std::string_view key, std::string_view v) {
    out->append(key);
    json::AppendString(out, v);
  };
  auto nullable = [out](std::string_view key, std::string_view v) {
    out->append(key);
    if (v.empty()) out->append("null");  // unknown, not the empty string
    else json::AppendString(out, v);
  };
  number(",\"byte_start\":", c.byte_start);
  number(",\"byte_end\":", c.byte_end);
  number(",\"line\":", c.line);
  text(",\"surface\":", c.surface);
  // A decimal's text needs no JSON escaping: quoted as it is written.
  auto decimal = [out](std::string_view key, const Decimal& v) {
    out->append(key);
    out->push_back('"');
    v.AppendTo(out);
    out->push_back('"');
  };
  decimal(",\"value_lo\":", c.value_lo);
  decimal(",\"value_hi\":", c.value_hi);
  decimal(",\"precision\":", c.precision);
  text(",\"unit\":", c.unit);
  text(",\"dimension\":", c.dimension);
  nullable(",\"counted\":", c.counted);
  text(",\"qualifier\":", QualifierName(c.qualifier));
  text(",\"kind\":", KindName(c.kind));
  nullable(",\"direction\":", DirectionName(c.direction));
  nullable(",\"entity\":", c.entity);
  nullable(",\"metric\":", c.metric);
  nullable(",\"metric_word\":", c.metric_word);
  nullable(",\"period\":", c.period);
  nullable(",\"scope\":", c.scope);
  nullable(",\"base\":", c.base);
  nullable(",\"base_entity\":", c.base_entity);
  out->append(",\"sentence\":");
}

}  // namespace

void AppendClaimJson(std::string* out, std::string_view path, const Claim& c) {
  out->append("{\"path\":");
  json::AppendString(out, path);
  AppendClaimFields(out, c);
  json::AppendString(out, c.sentence);
  out->push_back('}');
}

ClaimJsonlWriter::ClaimJsonlWriter(std::string_view path) { json::AppendString(&path_json_, path); }

void ClaimJsonlWriter::Append(std::string* out, const Claim& c) {
  out->append("{\"path\":");
  out->append(path_json_);
  AppendClaimFields(out, c);
  if (!has_sentence_ || c.sentence != sentence_) {
    sentence_ = c.sentence;
    sentence_json_.clear();
    json::AppendString(&sentence_json_, c.sentence);
    has_sentence_ = true;
  }
  out->append(sentence_json_);
  out->append("}\n");
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
