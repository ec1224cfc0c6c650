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

// Where a claim or a location stands: the fields both have, first in their object.
void Place(std::string* out, std::string_view path, uint32_t line, uint32_t byte_start, uint32_t byte_end,
           std::string_view surface) {
  Field(out, "path", path, true);
  Number(out, "line", line);
  Number(out, "byte_start", byte_start);
  Number(out, "byte_end", byte_end);
  Field(out, "surface", surface);
}

}  // namespace

std::string CheckJsonHead(const CheckSummary& summary, size_t findings) {
  return fmt::format(
      "{{\"summary\":{{\"claims\":{},\"groups_compared\":{},\"consistent\":{},\"findings\":{}}},"
      "\"findings\":[",
      summary.claims, summary.groups_compared, summary.consistent, findings);
}

void AppendCheckJsonFinding(const Finding& f, bool first, std::string* out_ptr) {
  std::string& out = *out_ptr;
  if (!first) out += ',';
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
    Place(&out, sc.path, c.line, c.byte_start, c.byte_end, c.surface);
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
    Place(&out, l.path, l.line, l.byte_start, l.byte_end, l.surface);
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

std::string RenderCheckJson(std::span<const Finding> findings, const CheckSummary& summary) {
  std::string out = CheckJsonHead(summary, findings.size());
  for (size_t i = 0; i < findings.size(); ++i) AppendCheckJsonFinding(findings[i], i == 0, &out);
  out += kCheckJsonTail;
  return out;
}

}  // namespace claims::report
