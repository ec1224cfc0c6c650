// The editors' report as Markdown (`claims report --format md`), for a ticket
// or a wiki: the HTML report's content without the scripts. Numbers are in
// **bold** inside the quotes; every article- or file-supplied string is
// escaped so it renders as text (no raw HTML, no links, no tables broken by
// '|').
#ifndef CLAIMS_REPORT_MARKDOWN_H_
#define CLAIMS_REPORT_MARKDOWN_H_

#include <string>
#include <string_view>

#include "report/report.h"

namespace claims::report {

std::string RenderMarkdown(const ReportData& data, Lang lang);

// Markdown-safe inline text: ASCII punctuation that Markdown or GFM gives a
// meaning to is backslash-escaped, '<' '>' '&' become entities, line breaks
// become spaces. "a|b <script>" -> "a\|b &lt;script&gt;".
std::string MarkdownText(std::string_view s);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_MARKDOWN_H_
