#include "report/check_json.h"

#include <fmt/format.h>

#include "base/json.h"
#include "report/escape.h"

namespace claims::report {
namespace {

void Field(std::string* out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) *out += ',';
  json::AppendString(out, key);
  *out += ':';
  json::AppendString(out, ValidUtf8(value));
}

void Number(std::string* out, std::string_view key, int64_t value) {
  *out += ',';
  json::AppendString(out, key);
  *out += fmt::format(":{}", value);
}

}  // namespace

std::string RenderCheckJson(std::span<const Finding> findings, const CheckSummary& summary) {
  std::string out = fmt::format(
      "{{\"summary\":{{\"claims\":{},\"groups_compared\":{},\"consistent\":{},\"findings\":{}}},"
      "\"findings\":[",
      summary.claims, summary.groups_compared, summary.consistent, findings.size());
  bool first_finding = true;
  for (const Finding& f : findings) {
    if (!first_finding) out += ',';
    first_finding = false;
    out += '{';
    Field(&out, "rule", f.rule, true);
    Field(&out, "severity", SeverityName(f.severity));
    Field(&out, "message", f.message);
    Field(&out, "fingerprint", f.fingerprint);
    out += ",\"claims\":[";
    for (size_t i = 0; i < f.claims.size(); ++i) {
      const StoredClaim& sc = f.claims[i];
      const Claim& c = sc.claim;
      out += i ? ",{" : "{";
      Field(&out, "path", sc.path, true);
      Number(&out, "line", c.line);
      Number(&out, "byte_start", c.byte_start);
      Number(&out, "byte_end", c.byte_end);
      Field(&out, "surface", c.surface);
      Field(&out, "value_lo", c.value_lo.ToString());
      Field(&out, "value_hi", c.value_hi.ToString());
      Field(&out, "unit", c.unit);
      Field(&out, "entity", c.entity);
      Field(&out, "metric", c.metric);
      Field(&out, "period", c.period);
      out += '}';
    }
    out += "],\"locations\":[";
    for (size_t i = 0; i < f.locations.size(); ++i) {
      const Location& l = f.locations[i];
      out += i ? ",{" : "{";
      Field(&out, "path", l.path, true);
      Number(&out, "line", l.line);
      Number(&out, "byte_start", l.byte_start);
      Number(&out, "byte_end", l.byte_end);
      Field(&out, "surface", l.surface);
      out += '}';
    }
    out += "],\"details\":{";
    bool first_detail = true;
    for (const auto& [k, v] : f.details) {
      Field(&out, k, v, first_detail);
      first_detail = false;
    }
    out += "}}";
  }
  out += "]}\n";
  return out;
}

}  // namespace claims::report
