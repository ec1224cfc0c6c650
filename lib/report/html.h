// The editors' report as ONE self-contained HTML file: CSS and JS inline, no
// network. Summary, one card per finding with the quotes side by side and the
// numbers in <mark>, filters (severity, rule, article), and a per-article view
// with every claim highlighted and a sortable claims table.
//
// Everything that comes from articles or file names is escaped: text through
// Html(), the embedded JSON through JsonForScript(). The page's JS reads an
// initial filter from the URL: "report.html?severity=error&rule=value-conflict"
// or "report.html#filter:article=news/a.txt".
#ifndef CLAIMS_REPORT_HTML_H_
#define CLAIMS_REPORT_HTML_H_

#include <string>

#include "report/report.h"

namespace claims::report {

struct HtmlOptions {
  Lang lang = Lang::kZh;
  std::string title;      // empty: the default title in `lang`
  std::string generated;  // shown under the title, e.g. a timestamp; may be empty
};

std::string RenderHtml(const ReportData& data, const HtmlOptions& options);

// Pieces shared by html.cc and html_article.cc.
namespace internal {

// Index of each path in the report (articles first, then paths that only
// findings mention); "article-<i>" is the element id of its view.
class PathIndex {
 public:
  explicit PathIndex(const ReportData& data);
  int Of(const std::string& path) const;  // -1 when unknown
  const std::vector<std::string>& paths() const { return paths_; }
  bool HasView(int i) const { return i >= 0 && i < views_; }

 private:
  std::vector<std::string> paths_;
  int views_ = 0;
};

// The <section id="articles"> with one <details> per article.
std::string RenderArticleViews(const ReportData& data, const PathIndex& index, Lang lang);

}  // namespace internal
}  // namespace claims::report

#endif  // CLAIMS_REPORT_HTML_H_
