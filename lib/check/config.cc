// claims.toml: a small TOML subset read line by line. Sections [tolerance],
// [rules] and [severity]; values are decimals, "strings" and one-line arrays of
// strings; # starts a comment outside strings. Everything else is an error
// naming the line, so a typo never silently changes what the checker does.
#include <fmt/format.h>

#include "check/check.h"

namespace claims::check {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Drops a # comment that is not inside a string.
std::string_view StripComment(std::string_view s) {
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"' && (i == 0 || s[i - 1] != '\\')) in_string = !in_string;
    if (s[i] == '#' && !in_string) return s.substr(0, i);
  }
  return s;
}

bool ParseString(std::string_view v, std::string* out) {
  v = Trim(v);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return false;
  v = v.substr(1, v.size() - 2);
  if (v.find('"') != std::string_view::npos || v.find('\\') != std::string_view::npos) return false;
  *out = std::string(v);
  return true;
}

bool ParseStringArray(std::string_view v, std::vector<std::string>* out) {
  v = Trim(v);
  if (v.size() < 2 || v.front() != '[' || v.back() != ']') return false;
  v = Trim(v.substr(1, v.size() - 2));
  while (!v.empty()) {
    size_t comma = v.find(',');
    std::string item;
    if (!ParseString(v.substr(0, comma), &item)) return false;
    out->push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    v = Trim(v.substr(comma + 1));  // a trailing comma is allowed
  }
  return true;
}

Status LineError(int line, std::string_view what) {
  return Status::InvalidArgument(fmt::format("config line {}: {}", line, what));
}

}  // namespace

Result<CheckOptions> ParseConfig(std::string_view text) {
  CheckOptions opts;
  std::string section;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = Trim(StripComment(line));
    if (line.empty()) continue;
    if (line.front() == '[') {
      if (line.back() != ']') return LineError(line_no, "unterminated section header");
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      if (section != "tolerance" && section != "rules" && section != "severity") {
        return LineError(line_no, fmt::format("unknown section [{}]", section));
      }
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return LineError(line_no, "expected key = value");
    std::string key(Trim(line.substr(0, eq)));
    std::string_view value = Trim(line.substr(eq + 1));
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
    if (section.empty()) return LineError(line_no, fmt::format("'{}' outside a section", key));
    if (section == "tolerance") {
      if (key != "approx") return LineError(line_no, fmt::format("unknown key '{}' in [tolerance]", key));
      auto d = Decimal::Parse(value);
      if (!d || d->sign() < 0 || *d >= Decimal(1)) {
        return LineError(line_no, "approx must be a decimal in [0, 1), e.g. 0.10");
      }
      opts.approx_tolerance = *d;
    } else if (section == "rules") {
      std::vector<std::string> ids;
      if (key != "disable" && key != "only") {
        return LineError(line_no, fmt::format("unknown key '{}' in [rules]", key));
      }
      if (!ParseStringArray(value, &ids)) {
        return LineError(line_no, "expected an array of strings: [\"rule-id\", ...]");
      }
      for (const std::string& id : ids) {
        if (!FindRule(id)) return LineError(line_no, fmt::format("unknown rule '{}'", id));
        (key == "disable" ? opts.disabled : opts.only).insert(id);
      }
    } else {
      if (!FindRule(key)) return LineError(line_no, fmt::format("unknown rule '{}'", key));
      std::string name;
      Severity sev;
      if (!ParseString(value, &name) || !ParseSeverity(name, &sev)) {
        return LineError(line_no, "severity must be \"info\", \"warning\" or \"error\"");
      }
      opts.severity[key] = sev;
    }
  }
  return opts;
}

}  // namespace claims::check
