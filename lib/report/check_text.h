// `claims check` for a terminal: findings grouped by family, each with its
// message, every quote with the number highlighted, the computed figures, and
// a summary line ("412 claims, 37 groups compared, 35 consistent, 2 conflicts,
// 3 garbled"). Pure: findings in, text out.
#ifndef CLAIMS_REPORT_CHECK_TEXT_H_
#define CLAIMS_REPORT_CHECK_TEXT_H_

#include <span>
#include <string>
#include <string_view>

#include "check/finding.h"

namespace claims::report {

struct CheckTextOptions {
  bool color = false;    // ANSI colours (only when stdout is a terminal)
  bool explain = false;  // add each rule's description and every computed detail
  // rule id -> one-sentence description, for --explain; may be empty.
  std::span<const std::pair<std::string_view, std::string_view>> rule_descriptions;
};

// "412 claims, 37 groups compared, 35 consistent, 2 conflicts, 3 garbled".
// Family counts come from summary.by_family; families with no finding are left out.
std::string CheckSummaryLine(const CheckSummary& summary);

// `sentence` cut to about `context` characters either side of [begin, end),
// with the span wrapped in **…** (or ANSI bold red when `color`). Offsets are
// bytes into `sentence`; cuts fall on UTF-8 character boundaries.
std::string QuoteWithHighlight(std::string_view sentence, size_t begin, size_t end, bool color,
                               size_t context = 40);

std::string RenderCheckText(std::span<const Finding> findings, const CheckSummary& summary,
                            const CheckTextOptions& options);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_CHECK_TEXT_H_
