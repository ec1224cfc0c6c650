// JUnit XML (`claims ci --format junit`) for CI systems that show test
// reports (GitLab, Jenkins): one <testcase> per article checked, with one
// <failure> listing the findings at or above `fail_on` that involve it;
// findings below the threshold go to the test case's <system-out>.
#ifndef CLAIMS_REPORT_JUNIT_H_
#define CLAIMS_REPORT_JUNIT_H_

#include <span>
#include <string>

#include "report/report.h"

namespace claims::report {

struct JunitOptions {
  Severity fail_on = Severity::kWarning;
  std::string suite_name = "claims";
};

// `articles`: the paths to report on, in order (each becomes a test case even
// without findings). Findings are attached to every listed article they involve.
std::string RenderJunit(std::span<const std::string> articles, std::span<const Finding> findings,
                        const JunitOptions& options);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_JUNIT_H_
