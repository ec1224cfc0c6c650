// The per-article view of the HTML report: the article text with every claim
// in <mark> (claims that take part in a finding are also "flagged" and link
// back to their cards), then a sortable table of the claims. Without the
// text (file gone or unreadable) the view shows the claims' sentences.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "report/escape.h"
#include "report/html.h"
#include "report/strings.h"

namespace claims::report::internal {
namespace {

using ClaimKey = std::tuple<std::string, uint32_t, uint32_t>;  // path, byte_start, byte_end

struct FindingRefs {
  std::map<ClaimKey, std::vector<int>> by_claim;      // finding numbers per claim
  std::map<std::string, std::vector<int>> by_path;    // finding numbers per article
};

FindingRefs CollectRefs(const ReportData& data) {
  FindingRefs refs;
  int n = 0;
  for (const Finding& f : data.findings) {
    ++n;
    for (const StoredClaim& c : f.claims) {
      refs.by_claim[{c.path, c.claim.byte_start, c.claim.byte_end}].push_back(n);
    }
    for (const std::string& p : InvolvedPaths(f)) refs.by_path[p].push_back(n);
  }
  return refs;
}

std::string FindingLinks(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) out += fmt::format(" <a href=\"#finding-{0}\">#{0}</a>", n);
  return out;
}

std::string TextWithMarks(const ArticleView& a, int ai, const FindingRefs& refs) {
  std::vector<Mark> marks;
  for (size_t k = 0; k < a.claims.size(); ++k) {
    const Claim& c = a.claims[k].claim;
    if (c.byte_end <= c.byte_start || c.byte_end > a.text.size()) continue;
    if (std::string_view(a.text).substr(c.byte_start, c.byte_end - c.byte_start) != c.surface) continue;
    bool flagged = refs.by_claim.count({a.path, c.byte_start, c.byte_end}) > 0;
    marks.push_back({c.byte_start, c.byte_end, flagged ? "claim flagged" : "claim", fmt::format("c-{}-{}", ai, k),
                     FormatClaimValue(c)});
  }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
  return "<div class=\"text\">" + HighlightHtml(a.text, marks) + "</div>\n";
}

std::string SentencesWithMarks(const ArticleView& a, int ai, Lang lang, const FindingRefs& refs) {
  // Claims that share a sentence are highlighted together in one quote.
  std::map<std::pair<uint32_t, std::string>, std::vector<size_t>> sentences;
  for (size_t k = 0; k < a.claims.size(); ++k) {
    const Claim& c = a.claims[k].claim;
    sentences[{c.sentence_start, c.sentence.empty() ? c.surface : c.sentence}].push_back(k);
  }
  std::string out = fmt::format("<p class=\"note\">{}</p>\n<ol class=\"sentences\">\n", Text(lang, S::kNoText));
  for (const auto& [key, ks] : sentences) {
    std::vector<Mark> marks;
    for (size_t k : ks) {
      const Claim& c = a.claims[k].claim;
      auto at = c.sentence.empty() ? std::make_optional(std::make_pair(size_t{0}, c.surface.size()))
                                   : LocateInSentence(c);
      if (!at) continue;
      bool flagged = refs.by_claim.count({a.path, c.byte_start, c.byte_end}) > 0;
      marks.push_back({at->first, at->second, flagged ? "claim flagged" : "claim", fmt::format("c-{}-{}", ai, k),
                       FormatClaimValue(c)});
    }
    std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
    out += "<li>" + HighlightHtml(key.second, marks) + "</li>\n";
  }
  return out + "</ol>\n";
}

std::string ClaimsTable(const ArticleView& a, int ai, Lang lang, const FindingRefs& refs) {
  std::string out = fmt::format("<table class=\"claims sortable\" title=\"{}\"><thead><tr>", Text(lang, S::kSortHint));
  const std::pair<S, const char*> cols[] = {
      {S::kColLine, "num"},      {S::kColText, "text"},   {S::kColValue, "num"},  {S::kColUnit, "text"},
      {S::kColKind, "text"},     {S::kColQualifier, "text"}, {S::kColEntity, "text"}, {S::kColMetric, "text"},
      {S::kColPeriod, "text"},   {S::kColScope, "text"},  {S::kFindings, "text"}};
  for (const auto& [label, type] : cols) {
    out += fmt::format("<th data-type=\"{}\" tabindex=\"0\">{}</th>", type, Text(lang, label));
  }
  out += "</tr></thead><tbody>\n";
  for (size_t k = 0; k < a.claims.size(); ++k) {
    const Claim& c = a.claims[k].claim;
    auto it = refs.by_claim.find({a.path, c.byte_start, c.byte_end});
    bool flagged = it != refs.by_claim.end();
    std::string unit = c.unit == "count" && !c.counted.empty() ? c.counted : c.unit;
    out += fmt::format(
        "<tr{}><td data-v=\"{}\">{}</td><td><a href=\"#c-{}-{}\">{}</a></td><td data-v=\"{}\">{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        flagged ? " class=\"flagged\"" : "", c.line, c.line, ai, k, Html(c.surface), c.value_lo.ToDouble(),
        Html(FormatClaimValue(c)), Html(unit), KindLabel(lang, c.kind), QualifierLabel(lang, c.qualifier),
        Html(c.entity), Html(c.metric_word.empty() ? c.metric : c.metric_word), Html(c.period), Html(c.scope),
        flagged ? FindingLinks(it->second) : "");
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string RenderArticleViews(const ReportData& data, const PathIndex& index, Lang lang) {
  if (data.articles.empty()) return "";
  FindingRefs refs = CollectRefs(data);
  std::string out = fmt::format("<section id=\"articles\"><h2>{}</h2>\n", Text(lang, S::kArticleView));
  for (const ArticleView& a : data.articles) {
    int ai = index.Of(a.path);
    auto here = refs.by_path.find(a.path);
    size_t nfind = here == refs.by_path.end() ? 0 : here->second.size();
    out += fmt::format(
        "<details class=\"article{}\" id=\"article-{}\"><summary><span class=\"path\">{}</span>{} "
        "<span class=\"meta\">{} {} · {} {}</span></summary>\n",
        nfind > 0 ? " has-findings" : "", ai, Html(a.path),
        a.title.empty() ? "" : " — " + Html(a.title), a.claims.size(), Text(lang, S::kClaims), nfind,
        Text(lang, S::kFindings));
    if (nfind > 0) {
      out += fmt::format("<p class=\"findings-here\">{}:{}</p>\n", Text(lang, S::kFindingsHere),
                         FindingLinks(here->second));
    }
    out += a.has_text ? TextWithMarks(a, ai, refs) : SentencesWithMarks(a, ai, lang, refs);
    if (!a.claims.empty()) out += ClaimsTable(a, ai, lang, refs);
    out += "</details>\n";
  }
  return out + "</section>\n";
}

}  // namespace claims::report::internal
