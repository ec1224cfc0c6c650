// Page layout: header + summary, filter bar, finding cards, article views,
// then the inline CSS/JS from lib/report/assets/ (embedded at build time).
// Cards carry data-severity / data-rule / data-articles attributes; the JS
// only toggles the `hidden` attribute, so the page reads fine without JS.
#include "report/html.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "base/json.h"
#include "report/escape.h"
#include "report/strings.h"
#include "report_assets.inc"

namespace claims::report {
namespace internal {

PathIndex::PathIndex(const ReportData& data) {
  std::set<std::string> seen;
  for (const ArticleView& a : data.articles) {
    if (seen.insert(a.path).second) paths_.push_back(a.path);
  }
  views_ = static_cast<int>(paths_.size());
  for (const Finding& f : data.findings) {
    for (const std::string& p : InvolvedPaths(f)) {
      if (seen.insert(p).second) paths_.push_back(p);
    }
  }
}

int PathIndex::Of(const std::string& path) const {
  for (size_t i = 0; i < paths_.size(); ++i) {
    if (paths_[i] == path) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace internal

namespace {

using internal::PathIndex;

std::string_view Asset(std::string_view name) {
  for (const EmbeddedFile& f : embedded::kReportAssets) {
    if (f.name == name) return f.contents;
  }
  return {};
}

std::string SourceLink(const PathIndex& index, const std::string& path, uint32_t line, Lang lang) {
  int i = index.Of(path);
  std::string out;
  if (index.HasView(i)) {
    out += fmt::format("<a class=\"alink\" href=\"#article-{}\">{}</a>", i, Html(path));
  } else {
    out += fmt::format("<span class=\"alink\">{}</span>", Html(path));
  }
  if (line > 0) out += " · " + Html(fmt::format(fmt::runtime(Text(lang, S::kLine)), line));
  return out;
}

std::string Quote(const std::string& sentence, std::optional<std::pair<size_t, size_t>> at,
                  const std::string& fallback, const char* mark_class) {
  const std::string& text = sentence.empty() ? fallback : sentence;
  if (sentence.empty()) at = std::make_pair(size_t{0}, fallback.size());
  std::vector<Mark> marks;
  if (at) marks.push_back({at->first, at->second, mark_class, "", ""});
  return HighlightHtml(text, marks);
}

std::string ClaimFacts(const Claim& c, Lang lang) {
  std::string out = fmt::format("<span class=\"surface\">{}</span> = <b>{}</b> · {} · {}", Html(c.surface),
                                Html(FormatClaimValue(c)), QualifierLabel(lang, c.qualifier), KindLabel(lang, c.kind));
  std::string about;
  for (const std::string* part : {&c.entity, &c.metric_word, &c.period, &c.scope}) {
    if (part->empty()) continue;
    if (!about.empty()) about += " / ";
    about += *part;
  }
  if (about.empty() && !c.metric.empty()) about = c.metric;
  if (!about.empty()) out += " · " + Html(about);
  return out;
}

std::string RenderCard(const Finding& f, int n, const PathIndex& index, const ReportData& data, Lang lang) {
  std::string articles = "|";
  for (const std::string& p : InvolvedPaths(f)) articles += fmt::format("{}|", index.Of(p));
  std::string_view sev = SeverityName(f.severity);
  std::string out = fmt::format(
      "<article class=\"finding sev-{0}\" id=\"finding-{1}\" data-severity=\"{0}\" data-rule=\"{2}\" "
      "data-articles=\"{3}\">\n<header><span class=\"num\">#{1}</span> <span class=\"badge sev-{0}\">{4}</span> "
      "<code class=\"rule\">{2}</code>",
      sev, n, Html(f.rule), articles, SeverityLabel(lang, f.severity));
  if (!f.family.empty()) out += fmt::format(" <span class=\"family\">{}</span>", Html(f.family));
  out += fmt::format("</header>\n<p class=\"message\">{}</p>\n<div class=\"quotes\">\n", Html(f.message));
  for (const StoredClaim& sc : f.claims) {
    out += fmt::format(
        "<div class=\"quote\"><div class=\"src\">{}</div><blockquote>{}</blockquote>"
        "<div class=\"facts\">{}</div></div>\n",
        SourceLink(index, sc.path, sc.claim.line, lang),
        Quote(sc.claim.sentence, LocateInSentence(sc.claim), sc.claim.surface, "claim"), ClaimFacts(sc.claim, lang));
  }
  for (const Location& l : f.locations) {
    out += fmt::format(
        "<div class=\"quote\"><div class=\"src\">{}</div><blockquote>{}</blockquote></div>\n",
        SourceLink(index, l.path, l.line, lang), Quote(l.sentence, LocateInSentence(l), l.surface, "span"));
  }
  out += "</div>\n";
  if (!f.details.empty() || !f.expected.empty()) {
    out += fmt::format("<div class=\"computed\"><h4>{}</h4><dl>", Text(lang, S::kComputed));
    for (const auto& [k, v] : f.details) out += fmt::format("<dt>{}</dt><dd>{}</dd>", Html(k), Html(v));
    if (!f.expected.empty()) {
      out += fmt::format("<dt>{}</dt><dd>{}</dd>", Text(lang, S::kExpected), Html(f.expected));
    }
    out += "</dl></div>\n";
  }
  out += fmt::format("<p class=\"why\"><strong>{}:</strong> ", Text(lang, S::kWhy));
  const RuleInfo* rule = FindRule(data.rules, f.rule);
  if (rule != nullptr && !rule->description.empty()) out += Html(AsSentence(rule->description)) + " ";
  std::string_view family = f.family;
  if (family.empty() && rule != nullptr) family = rule->family;
  out += Html(FamilyExplanation(lang, family));
  out += fmt::format("</p>\n<footer class=\"fp\">{} <code>{}</code></footer>\n</article>\n",
                     Text(lang, S::kFingerprint), Html(f.fingerprint));
  return out;
}

std::string CountTable(const std::map<std::string, int64_t>& counts, std::string_view heading, bool severity,
                       Lang lang) {
  std::string out = fmt::format("<table class=\"counts\"><caption>{}</caption><tbody>", heading);
  for (const auto& [k, v] : counts) {
    std::string label = Html(k);
    Severity s;
    if (severity && ParseSeverity(k, &s)) {
      label = fmt::format("<span class=\"badge sev-{}\">{}</span>", Html(k), SeverityLabel(lang, s));
    } else {
      label = "<code>" + label + "</code>";
    }
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>", label, v);
  }
  return out + "</tbody></table>";
}

std::string RenderSummary(const ReportData& data, Lang lang) {
  const CheckSummary& s = data.summary;
  std::map<std::string, int64_t> by_rule = s.by_rule, by_sev = s.by_severity;
  if (by_rule.empty()) for (const Finding& f : data.findings) ++by_rule[f.rule];
  if (by_sev.empty()) for (const Finding& f : data.findings) ++by_sev[std::string(SeverityName(f.severity))];
  int64_t findings = s.findings > 0 ? s.findings : static_cast<int64_t>(data.findings.size());
  std::string out = fmt::format("<section id=\"summary\"><h2>{}</h2><div class=\"tiles\">", Text(lang, S::kSummary));
  const std::pair<S, int64_t> tiles[] = {{S::kArticles, s.articles},         {S::kClaims, s.claims},
                                         {S::kGroupsCompared, s.groups_compared}, {S::kConsistent, s.consistent},
                                         {S::kFindings, findings}};
  for (const auto& [label, value] : tiles) {
    out += fmt::format("<div class=\"tile\"><div class=\"v\">{}</div><div class=\"k\">{}</div></div>", value,
                       Text(lang, label));
  }
  out += "</div><div class=\"breakdown\">";
  if (!by_rule.empty()) out += CountTable(by_rule, Text(lang, S::kByRule), false, lang);
  if (!by_sev.empty()) out += CountTable(by_sev, Text(lang, S::kBySeverity), true, lang);
  return out + "</div></section>\n";
}

std::string RenderFilters(const ReportData& data, const PathIndex& index, Lang lang) {
  std::set<std::string> rules;
  std::set<int> articles;
  for (const Finding& f : data.findings) {
    rules.insert(f.rule);
    for (const std::string& p : InvolvedPaths(f)) articles.insert(index.Of(p));
  }
  std::string out = fmt::format(
      "<nav id=\"filters\"><label>{} <select id=\"f-severity\"><option value=\"\">{}</option>", Text(lang, S::kSeverity),
      Text(lang, S::kAll));
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    out += fmt::format("<option value=\"{}\">{}</option>", SeverityName(s), SeverityLabel(lang, s));
  }
  out += fmt::format("</select></label> <label>{} <select id=\"f-rule\"><option value=\"\">{}</option>",
                     Text(lang, S::kRule), Text(lang, S::kAll));
  for (const std::string& r : rules) out += fmt::format("<option value=\"{0}\">{0}</option>", Html(r));
  out += fmt::format("</select></label> <label>{} <select id=\"f-article\"><option value=\"\">{}</option>",
                     Text(lang, S::kArticle), Text(lang, S::kAll));
  for (int i : articles) {
    out += fmt::format("<option value=\"{}\">{}</option>", i, Html(index.paths()[i]));
  }
  out += fmt::format("</select></label> <span class=\"shown\">{} <span id=\"shown\">{}</span> / {}</span></nav>\n",
                     Text(lang, S::kShowing), data.findings.size(), data.findings.size());
  return out;
}

// Data the page's JS needs: the path list (so "?article=news/a.txt" maps to
// an index). Escaped for <script> by JsonForScript.
std::string RenderData(const PathIndex& index) {
  std::string json = "{\"articles\":[";
  for (size_t i = 0; i < index.paths().size(); ++i) {
    if (i > 0) json += ',';
    json::AppendString(&json, ValidUtf8(index.paths()[i]));
  }
  json += "]}";
  return "<script type=\"application/json\" id=\"claims-data\">" + JsonForScript(json) + "</script>\n";
}

}  // namespace

std::string RenderHtml(const ReportData& data, const HtmlOptions& options) {
  const Lang lang = options.lang;
  PathIndex index(data);
  const std::string title = options.title.empty() ? std::string(Text(lang, S::kTitle)) : options.title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n"
      "<header id=\"top\"><h1>{}</h1>",
      HtmlLang(lang), Html(title), Asset("lib/report/assets/report.css"), Html(title));
  if (!options.generated.empty()) out += fmt::format("<p class=\"generated\">{}</p>", Html(options.generated));
  out += "</header>\n<main>\n" + RenderSummary(data, lang);
  out += fmt::format("<section id=\"findings\"><h2>{}</h2>\n", Text(lang, S::kFindings));
  if (data.findings.empty()) {
    out += fmt::format("<p class=\"empty\">{}</p>\n", Text(lang, S::kNoFindings));
  } else {
    out += RenderFilters(data, index, lang);
    int n = 0;
    for (const Finding& f : data.findings) out += RenderCard(f, ++n, index, data, lang);
  }
  out += "</section>\n" + internal::RenderArticleViews(data, index, lang) + "</main>\n";
  out += RenderData(index);
  out += fmt::format("<script>\n{}</script>\n</body>\n</html>\n", Asset("lib/report/assets/report.js"));
  return out;
}

}  // namespace claims::report
