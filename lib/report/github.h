// GitHub Actions workflow commands (`claims ci --format github`): one
// annotation per finding on its first claim,
//   ::error file=news/a.txt,line=16,title=value-conflict::营收 60.5亿 vs 59.31亿 …
// (error / warning / notice by severity), capped at `max_annotations` with one
// summary line for the rest (GitHub shows only the first few per step anyway).
#ifndef CLAIMS_REPORT_GITHUB_H_
#define CLAIMS_REPORT_GITHUB_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "check/finding.h"

namespace claims::report {

struct GithubOptions {
  size_t max_annotations = 50;
};

std::string RenderGithub(std::span<const Finding> findings, const GithubOptions& options);

// GitHub's escaping: in the message '%' '\r' '\n' become %25 %0D %0A; in a
// property value additionally ':' and ',' become %3A and %2C.
std::string GithubEscapeData(std::string_view s);
std::string GithubEscapeProperty(std::string_view s);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_GITHUB_H_
