// Same sections as the HTML page: summary, findings (quotes with the number in
// bold, computed figures, why), then one claims table per article.
#include "report/markdown.h"

#include <fmt/format.h>

#include <map>

#include "report/escape.h"
#include "report/strings.h"

namespace claims::report {

std::string MarkdownText(std::string_view s) {
  const std::string valid = ValidUtf8(s);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      // '.', '-', '+' only mean something at the start of a line, and no
      // escaped text starts a line; '$' starts math on GitHub.
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~': case '$':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string Code(std::string_view s) {
  std::string out = "`";
  for (char c : ValidUtf8(s)) {
    if (c != '`' && c != '\n' && c != '\r' && c != '|') out += c;
  }
  return out + "`";
}

// The sentence with [at.first, at.second) in bold.
std::string BoldQuote(const std::string& sentence, std::optional<std::pair<size_t, size_t>> at,
                      const std::string& surface) {
  if (sentence.empty()) return "**" + MarkdownText(surface) + "**";
  if (!at) return MarkdownText(sentence);
  std::string_view s = sentence;
  return MarkdownText(s.substr(0, at->first)) + "**" + MarkdownText(s.substr(at->first, at->second - at->first)) +
         "**" + MarkdownText(s.substr(at->second));
}

std::string Source(const std::string& path, uint32_t line, const std::map<std::string, int>& views, Lang lang) {
  std::string out;
  auto it = views.find(path);
  if (it != views.end()) {
    out = fmt::format("[{}](#article-{})", MarkdownText(path), it->second);
  } else {
    out = MarkdownText(path);
  }
  if (line > 0) out += " · " + fmt::format(fmt::runtime(Text(lang, S::kLine)), line);
  return out;
}

void AppendSummary(std::string* out, const ReportData& data, Lang lang) {
  const CheckSummary& s = data.summary;
  int64_t findings = s.findings > 0 ? s.findings : static_cast<int64_t>(data.findings.size());
  *out += fmt::format("## {}\n\n| {} | {} | {} | {} | {} |\n|---:|---:|---:|---:|---:|\n| {} | {} | {} | {} | {} |\n\n",
                      Text(lang, S::kSummary), Text(lang, S::kArticles), Text(lang, S::kClaims),
                      Text(lang, S::kGroupsCompared), Text(lang, S::kConsistent), Text(lang, S::kFindings),
                      s.articles, s.claims, s.groups_compared, s.consistent, findings);
  std::map<std::string, int64_t> by_rule = s.by_rule, by_sev = s.by_severity;
  if (by_rule.empty()) for (const Finding& f : data.findings) ++by_rule[f.rule];
  if (by_sev.empty()) for (const Finding& f : data.findings) ++by_sev[std::string(SeverityName(f.severity))];
  if (!by_rule.empty()) {
    *out += fmt::format("| {} | {} |\n|---|---:|\n", Text(lang, S::kByRule), Text(lang, S::kCount));
    for (const auto& [k, v] : by_rule) *out += fmt::format("| {} | {} |\n", Code(k), v);
    *out += "\n";
  }
  if (!by_sev.empty()) {
    *out += fmt::format("| {} | {} |\n|---|---:|\n", Text(lang, S::kBySeverity), Text(lang, S::kCount));
    for (const auto& [k, v] : by_sev) {
      Severity sev;
      *out += fmt::format("| {} | {} |\n", ParseSeverity(k, &sev) ? std::string(SeverityLabel(lang, sev))
                                                                   : MarkdownText(k), v);
    }
    *out += "\n";
  }
}

void AppendFinding(std::string* out, const Finding& f, int n, const ReportData& data,
                   const std::map<std::string, int>& views, Lang lang) {
  *out += fmt::format("<a id=\"finding-{0}\"></a>\n### #{0} {1} · {2}\n\n**{3}**\n\n", n,
                      SeverityLabel(lang, f.severity), Code(f.rule), MarkdownText(f.message));
  for (const StoredClaim& sc : f.claims) {
    const Claim& c = sc.claim;
    *out += fmt::format("> {} — {}\n>\n> {} = {} · {} · {}\n\n", Source(sc.path, c.line, views, lang),
                        BoldQuote(c.sentence, LocateInSentence(c), c.surface), MarkdownText(c.surface),
                        MarkdownText(FormatClaimValue(c)), QualifierLabel(lang, c.qualifier), KindLabel(lang, c.kind));
  }
  for (const Location& l : f.locations) {
    *out += fmt::format("> {} — {}\n\n", Source(l.path, l.line, views, lang),
                        BoldQuote(l.sentence, LocateInSentence(l), l.surface));
  }
  if (!f.details.empty() || !f.expected.empty()) {
    *out += fmt::format("{}:\n\n", Text(lang, S::kComputed));
    for (const auto& [k, v] : f.details) *out += fmt::format("- {}: {}\n", MarkdownText(k), MarkdownText(v));
    if (!f.expected.empty()) *out += fmt::format("- {}: {}\n", Text(lang, S::kExpected), MarkdownText(f.expected));
    *out += "\n";
  }
  const RuleInfo* rule = FindRule(data.rules, f.rule);
  std::string why = rule != nullptr && !rule->description.empty() ? MarkdownText(AsSentence(rule->description)) + " " : "";
  std::string_view family = f.family;
  if (family.empty() && rule != nullptr) family = rule->family;
  *out += fmt::format("**{}:** {}{}\n\n{} {}\n\n", Text(lang, S::kWhy), why,
                      MarkdownText(FamilyExplanation(lang, family)), Text(lang, S::kFingerprint), Code(f.fingerprint));
}

void AppendArticle(std::string* out, const ArticleView& a, int ai, const std::vector<int>& findings, Lang lang) {
  *out += fmt::format("<a id=\"article-{}\"></a>\n### {}\n\n", ai, MarkdownText(a.path));
  if (!a.title.empty()) *out += "**" + MarkdownText(a.title) + "**\n\n";
  if (!findings.empty()) {
    *out += std::string(Text(lang, S::kFindingsHere)) + ":";
    for (int n : findings) *out += fmt::format(" [#{0}](#finding-{0})", n);
    *out += "\n\n";
  }
  if (a.claims.empty()) return;
  *out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n|---:|---|---|---|---|---|---|---|\n",
                      Text(lang, S::kColLine), Text(lang, S::kColText), Text(lang, S::kColValue),
                      Text(lang, S::kColKind), Text(lang, S::kColQualifier), Text(lang, S::kColEntity),
                      Text(lang, S::kColMetric), Text(lang, S::kColPeriod));
  for (const StoredClaim& sc : a.claims) {
    const Claim& c = sc.claim;
    *out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", c.line, MarkdownText(c.surface),
                        MarkdownText(FormatClaimValue(c)), KindLabel(lang, c.kind), QualifierLabel(lang, c.qualifier),
                        MarkdownText(c.entity), MarkdownText(c.metric_word.empty() ? c.metric : c.metric_word),
                        MarkdownText(c.period));
  }
  *out += "\n";
}

}  // namespace

std::string RenderMarkdown(const ReportData& data, Lang lang) {
  std::map<std::string, int> views;
  for (const ArticleView& a : data.articles) views.emplace(a.path, static_cast<int>(views.size()));
  std::string out = fmt::format("# {}\n\n", Text(lang, S::kTitle));
  AppendSummary(&out, data, lang);
  out += fmt::format("## {}\n\n", Text(lang, S::kFindings));
  if (data.findings.empty()) out += std::string(Text(lang, S::kNoFindings)) + "\n\n";
  std::map<std::string, std::vector<int>> by_path;
  int n = 0;
  for (const Finding& f : data.findings) {
    AppendFinding(&out, f, ++n, data, views, lang);
    for (const std::string& p : InvolvedPaths(f)) by_path[p].push_back(n);
  }
  if (!data.articles.empty()) {
    out += fmt::format("## {}\n\n", Text(lang, S::kArticleView));
    for (const ArticleView& a : data.articles) {
      auto it = views.find(a.path);
      if (it == views.end()) continue;
      AppendArticle(&out, a, it->second, by_path[a.path], lang);
    }
  }
  return out;
}

}  // namespace claims::report
