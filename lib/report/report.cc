#include "report/report.h"

#include <fmt/format.h>

namespace claims::report {

bool ParseLang(std::string_view s, Lang* out) {
  if (s == "zh" || s == "zh-CN" || s == "zh-Hans") { *out = Lang::kZh; return true; }
  if (s == "en" || s == "en-US" || s == "en-GB") { *out = Lang::kEn; return true; }
  return false;
}

const RuleInfo* FindRule(std::span<const RuleInfo> rules, std::string_view id) {
  for (const RuleInfo& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string FormatClaimValue(const Claim& c) {
  std::string prefix;
  switch (c.qualifier) {
    case Qualifier::kApprox: prefix = "≈"; break;
    case Qualifier::kAtLeast: prefix = "≥"; break;
    case Qualifier::kAtMost: prefix = "≤"; break;
    default: break;
  }
  if (c.kind == Kind::kChange && c.direction != Direction::kNone) prefix += DirectionName(c.direction);
  std::string value = c.value_lo == c.value_hi ? c.value_lo.ToString()
                                               : fmt::format("{}–{}", c.value_lo.ToString(), c.value_hi.ToString());
  std::string unit = c.unit;
  if (unit == "count" && !c.counted.empty()) unit = c.counted;
  return unit.empty() ? prefix + value : fmt::format("{}{} {}", prefix, value, unit);
}

std::string AsSentence(std::string_view s) {
  std::string out(s);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  if (out.empty()) return out;
  for (std::string_view end : {".", "。", "!", "?", "！", "？"}) {
    if (out.size() >= end.size() && out.compare(out.size() - end.size(), end.size(), end) == 0) return out;
  }
  return out + ".";
}

std::vector<std::string> InvolvedPaths(const Finding& f) {
  std::vector<std::string> paths;
  auto add = [&](const std::string& p) {
    for (const std::string& q : paths) {
      if (q == p) return;
    }
    paths.push_back(p);
  };
  for (const StoredClaim& c : f.claims) add(c.path);
  for (const Location& l : f.locations) add(l.path);
  return paths;
}

}  // namespace claims::report
