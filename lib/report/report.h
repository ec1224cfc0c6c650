// The inputs every editor-facing renderer shares (HTML, Markdown, SARIF,
// JUnit, GitHub): findings, the run summary, the articles with their claims,
// and the rule metadata. Renderers are pure: inputs in, one std::string out.
#ifndef CLAIMS_REPORT_REPORT_H_
#define CLAIMS_REPORT_REPORT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"

namespace claims::report {

enum class Lang { kZh, kEn };
// "zh" / "en" (also "zh-CN", "en-US"); false on anything else.
bool ParseLang(std::string_view s, Lang* out);

// One rule as reports describe it. The checker's own table (check::kRules) is
// converted into these by cli/, so report/ does not depend on check/ internals.
struct RuleInfo {
  std::string id;           // "value-conflict"
  std::string family;       // "conflict"
  std::string description;  // one sentence: what it flags
  Severity severity = Severity::kWarning;  // the rule's default (SARIF defaultConfiguration)
};

// An article for the per-article view. `text` is the article's original text
// when the CLI could read it (valid UTF-8 expected; invalid bytes are shown as
// U+FFFD); with has_text false the view falls back to the claims' sentences.
struct ArticleView {
  std::string path;
  std::string title;
  bool has_text = false;
  std::string text;
  std::vector<StoredClaim> claims;  // ordered by byte_start
};

struct ReportData {
  std::span<const Finding> findings;
  CheckSummary summary;
  std::span<const ArticleView> articles;
  std::span<const RuleInfo> rules;
};

// The rule's entry in `rules`, or nullptr.
const RuleInfo* FindRule(std::span<const RuleInfo> rules, std::string_view id);

// "5931000000 USD", "25000–40000 USD", "≈16.5 %" — the exact values of a claim.
std::string FormatClaimValue(const Claim& c);

// `s` ending in a full stop ("." added unless it ends in . 。 ! ? ！ ？), so a
// rule's one-line description reads well before the family explanation.
std::string AsSentence(std::string_view s);

// The articles a finding involves, in order of first appearance (claims, then
// locations), without repeats.
std::vector<std::string> InvolvedPaths(const Finding& f);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_REPORT_H_
