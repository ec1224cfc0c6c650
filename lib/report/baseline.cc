#include "report/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/json.h"
#include "report/escape.h"
#include "report/report.h"

namespace claims::report {
namespace {

constexpr size_t kSummaryBytes = 160;

std::string Summary(const Finding& f) {
  std::vector<std::string> paths = InvolvedPaths(f);
  std::string s = ValidUtf8(paths.empty() ? f.message : paths[0] + ": " + f.message);
  for (char& c : s) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() > kSummaryBytes) {
    size_t cut = kSummaryBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

void SortUnique(std::vector<BaselineEntry>* entries) {
  std::stable_sort(entries->begin(), entries->end(),
                   [](const BaselineEntry& a, const BaselineEntry& b) { return a.fingerprint < b.fingerprint; });
  entries->erase(std::unique(entries->begin(), entries->end(),
                             [](const BaselineEntry& a, const BaselineEntry& b) { return a.fingerprint == b.fingerprint; }),
                 entries->end());
}

}  // namespace

bool Baseline::Contains(std::string_view fingerprint) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), fingerprint,
                             [](const BaselineEntry& e, std::string_view fp) { return e.fingerprint < fp; });
  return it != entries.end() && it->fingerprint == fingerprint;
}

Baseline BaselineFromFindings(std::span<const Finding> findings) {
  Baseline b;
  for (const Finding& f : findings) b.entries.push_back({f.fingerprint, f.rule, Summary(f)});
  SortUnique(&b.entries);
  return b;
}

std::string RenderBaseline(const Baseline& baseline) {
  std::string out = fmt::format("{{\"version\":{},\"findings\":[", kBaselineVersion);
  for (size_t i = 0; i < baseline.entries.size(); ++i) {
    const BaselineEntry& e = baseline.entries[i];
    out += i == 0 ? "\n" : ",\n";
    out += "{\"fingerprint\":" + json::Quote(ValidUtf8(e.fingerprint)) + ",\"rule\":" + json::Quote(ValidUtf8(e.rule)) +
           ",\"summary\":" + json::Quote(ValidUtf8(e.summary)) + "}";
  }
  out += baseline.entries.empty() ? "]}\n" : "\n]}\n";
  return out;
}

Result<Baseline> ParseBaseline(std::string_view text) {
  Result<json::Value> parsed = json::Parse(text);
  if (!parsed.ok()) return Status::BadInput("baseline: " + parsed.status().message());
  const json::Value& root = *parsed;
  if (root.type != json::Value::Type::kObject) return Status::BadInput("baseline: not a JSON object");
  const json::Value* version = root.Find("version");
  if (version == nullptr || version->type != json::Value::Type::kNumber) {
    return Status::BadInput("baseline: no \"version\"");
  }
  if (version->text != "1") {
    return Status::BadInput(fmt::format("baseline: version {} is not supported (this claims reads version {})",
                                        version->text, kBaselineVersion));
  }
  Baseline b;
  const json::Value* list = root.Find("findings");
  if (list == nullptr) return b;
  if (list->type != json::Value::Type::kArray) return Status::BadInput("baseline: \"findings\" is not an array");
  for (size_t i = 0; i < list->items.size(); ++i) {
    const json::Value& item = list->items[i];
    const json::Value* fp = item.Find("fingerprint");
    if (item.type != json::Value::Type::kObject || fp == nullptr || fp->type != json::Value::Type::kString) {
      return Status::BadInput(fmt::format("baseline: entry {} has no \"fingerprint\"", i + 1));
    }
    b.entries.push_back({fp->text, item.GetString("rule"), item.GetString("summary")});
  }
  SortUnique(&b.entries);
  return b;
}

std::vector<Finding> NotInBaseline(std::span<const Finding> findings, const Baseline& baseline) {
  std::vector<Finding> out;
  for (const Finding& f : findings) {
    if (!baseline.Contains(f.fingerprint)) out.push_back(f);
  }
  return out;
}

Baseline PruneBaseline(const Baseline& baseline, std::span<const Finding> current, size_t* removed) {
  std::set<std::string, std::less<>> live;
  for (const Finding& f : current) live.insert(f.fingerprint);
  Baseline out;
  for (const BaselineEntry& e : baseline.entries) {
    if (live.count(e.fingerprint) > 0) out.entries.push_back(e);
  }
  if (removed != nullptr) *removed = baseline.entries.size() - out.entries.size();
  return out;
}

}  // namespace claims::report
