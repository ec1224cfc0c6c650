// Written by hand with json::AppendString rather than through a DOM: the
// structure is fixed, and every string passes ValidUtf8 first so the output is
// valid JSON whatever bytes an article held. One result per line keeps diffs
// of SARIF files readable.
#include "report/sarif.h"

#include <fmt/format.h>

#include "base/json.h"
#include "report/escape.h"
#include "report/strings.h"

namespace claims::report {
namespace {

std::string Str(std::string_view s) { return json::Quote(ValidUtf8(s)); }

std::string_view Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "warning";
}

// "value-conflict" -> "ValueConflict": SARIF's rule "name" is an identifier.
std::string RuleName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == ' ') { upper = true; continue; }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string Region(uint32_t line, uint32_t byte_start, uint32_t byte_end, std::string_view surface) {
  std::string out = "{";
  if (line > 0) out += fmt::format("\"startLine\":{},", line);
  out += fmt::format("\"byteOffset\":{},\"byteLength\":{}", byte_start, byte_end >= byte_start ? byte_end - byte_start : 0);
  if (!surface.empty()) out += ",\"snippet\":{\"text\":" + Str(surface) + "}";
  return out + "}";
}

std::string LocationJson(int id, std::string_view path, const std::string& region, std::string_view message) {
  std::string out = "{";
  if (id >= 0) out += fmt::format("\"id\":{},", id);
  out += "\"physicalLocation\":{\"artifactLocation\":{" + ArtifactLocationFields(path) + "},\"region\":" + region + "}";
  if (!message.empty()) out += ",\"message\":{\"text\":" + Str(message) + "}";
  return out + "}";
}

std::vector<std::string> AllLocations(const Finding& f) {
  std::vector<std::string> locs;
  int id = 0;
  for (const StoredClaim& c : f.claims) {
    const Claim& cl = c.claim;
    locs.push_back(LocationJson(id++, c.path, Region(cl.line, cl.byte_start, cl.byte_end, cl.surface),
                                cl.sentence.empty() ? cl.surface : cl.sentence));
  }
  for (const Location& l : f.locations) {
    locs.push_back(LocationJson(id++, l.path, Region(l.line, l.byte_start, l.byte_end, l.surface),
                                l.sentence.empty() ? l.surface : l.sentence));
  }
  return locs;
}

std::string ResultJson(const Finding& f, size_t rule_index) {
  std::string message = f.message.empty() ? f.rule : f.message;
  if (!f.expected.empty()) message += " (" + f.expected + ")";
  std::string out = fmt::format("{{\"ruleId\":{},\"ruleIndex\":{},\"level\":\"{}\",\"message\":{{\"text\":{}}}",
                                Str(f.rule), rule_index, Level(f.severity), Str(message));
  std::vector<std::string> locs = AllLocations(f);
  if (!locs.empty()) {
    out += ",\"locations\":[" + locs[0] + "]";
    if (locs.size() > 1) {
      out += ",\"relatedLocations\":[";
      for (size_t i = 1; i < locs.size(); ++i) out += (i > 1 ? "," : "") + locs[i];
      out += "]";
    }
  }
  if (!f.fingerprint.empty()) out += ",\"partialFingerprints\":{\"claimsFingerprint/v1\":" + Str(f.fingerprint) + "}";
  out += ",\"properties\":{\"family\":" + Str(f.family);
  if (!f.expected.empty()) out += ",\"expected\":" + Str(f.expected);
  if (!f.details.empty()) {
    out += ",\"details\":{";
    bool first = true;
    for (const auto& [k, v] : f.details) {
      out += (first ? "" : ",") + Str(k) + ":" + Str(v);
      first = false;
    }
    out += "}";
  }
  return out + "}}";
}

std::string RuleJson(const RuleInfo& r) {
  std::string description = r.description.empty() ? r.id : r.description;
  return fmt::format(
      "{{\"id\":{},\"name\":{},\"shortDescription\":{{\"text\":{}}},\"fullDescription\":{{\"text\":{}}},"
      "\"defaultConfiguration\":{{\"level\":\"{}\"}},\"properties\":{{\"family\":{},\"tags\":[{}]}}}}",
      Str(r.id), Str(RuleName(r.id)), Str(description), Str(FamilyExplanation(Lang::kEn, r.family)),
      Level(r.severity), Str(r.family),
      r.family.empty() ? "" : Str(r.family));
}

}  // namespace

std::string ArtifactLocationFields(std::string_view path) {
  std::string p(path);
  for (char& c : p) if (c == '\\') c = '/';
  if (!p.empty() && p[0] == '/') return "\"uri\":" + Str("file://" + PercentEncodePath(p));
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  return "\"uri\":" + Str(PercentEncodePath(p)) + ",\"uriBaseId\":\"SRCROOT\"";
}

std::string RenderSarif(std::span<const Finding> findings, std::span<const RuleInfo> rules,
                        const SarifOptions& options) {
  // The driver's rules: the given table, plus any rule a finding names that
  // the table lacks (a store written by a newer checker).
  std::vector<RuleInfo> all(rules.begin(), rules.end());
  for (const Finding& f : findings) {
    if (FindRule(all, f.rule) == nullptr) all.push_back({f.rule, f.family, "", f.severity});
  }
  std::string out =
      "{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\n"
      "\"tool\":{\"driver\":{\"name\":\"claims\",\"version\":" + Str(options.tool_version) +
      ",\"semanticVersion\":" + Str(options.tool_version) + ",\"rules\":[\n";
  for (size_t i = 0; i < all.size(); ++i) out += (i > 0 ? ",\n" : "") + RuleJson(all[i]);
  out += "\n]}},\n";
  if (!options.srcroot_uri.empty()) {
    out += "\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":" + Str(options.srcroot_uri) + "}},\n";
  }
  out += "\"invocations\":[{\"executionSuccessful\":true}],\n\"results\":[\n";
  for (size_t i = 0; i < findings.size(); ++i) {
    size_t index = 0;
    while (index < all.size() && all[index].id != findings[i].rule) ++index;
    out += (i > 0 ? ",\n" : "") + ResultJson(findings[i], index);
  }
  out += "\n]}]}\n";
  return out;
}

}  // namespace claims::report
