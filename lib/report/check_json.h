// `claims check --format json`: the contract other tools read (issue 5).
//   {"summary":{"claims":N,"groups_compared":N,"consistent":N,"findings":N},
//    "findings":[{"rule","severity","message","fingerprint",
//                 "claims":[{"path","line","byte_start","byte_end","surface",
//                            "value_lo","value_hi","unit","entity","metric","period"}],
//                 "locations":[{"path","line","byte_start","byte_end","surface"}],
//                 "details":{...}}]}
// Exact values (value_lo, value_hi) are JSON strings so no reader rounds them;
// offsets and lines are numbers. summary.findings is the length of "findings".
#ifndef CLAIMS_REPORT_CHECK_JSON_H_
#define CLAIMS_REPORT_CHECK_JSON_H_

#include <span>
#include <string>
#include <string_view>

#include "check/finding.h"

namespace claims::report {

// One JSON object followed by a newline.
std::string RenderCheckJson(std::span<const Finding> findings, const CheckSummary& summary);

// The same text in pieces, for findings made and printed one at a time
// (`claims check` on a large store): CheckJsonHead, then each finding's
// AppendCheckJsonFinding (`first` for the first), then kCheckJsonTail.
std::string CheckJsonHead(const CheckSummary& summary, size_t findings);
void AppendCheckJsonFinding(const Finding& f, bool first, std::string* out);
inline constexpr std::string_view kCheckJsonTail = "]}\n";

}  // namespace claims::report

#endif  // CLAIMS_REPORT_CHECK_JSON_H_
