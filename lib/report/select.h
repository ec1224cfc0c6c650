// Choosing what `claims ci` reports: the findings that involve at least one of
// the articles under review, each re-ordered so that its first claim (the
// primary location in SARIF, the annotated line on GitHub) lies in one of
// those articles. Also the severity threshold for the exit code.
#ifndef CLAIMS_REPORT_SELECT_H_
#define CLAIMS_REPORT_SELECT_H_

#include <span>
#include <string>
#include <vector>

#include "check/finding.h"

namespace claims::report {

std::vector<Finding> InvolvingPaths(std::span<const Finding> findings, std::span<const std::string> paths);

// How many findings are at or above `threshold`.
size_t CountAtOrAbove(std::span<const Finding> findings, Severity threshold);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_SELECT_H_
