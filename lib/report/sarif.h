// SARIF 2.1.0 output (`claims ci --format sarif`), for GitHub code scanning
// and other SARIF viewers. One result per finding: ruleId/ruleIndex, level
// (error/warning/note), message, the first claim as the location with
// physicalLocation + region (startLine, byteOffset/byteLength, snippet), the
// other claims as relatedLocations, and the finding's fingerprint as
// partialFingerprints["claimsFingerprint/v1"]. Rule metadata goes into
// tool.driver.rules. Validated against the OASIS schema by
// tests/report/sarif_validate.py.
#ifndef CLAIMS_REPORT_SARIF_H_
#define CLAIMS_REPORT_SARIF_H_

#include <span>
#include <string>
#include <string_view>

#include "report/report.h"

namespace claims::report {

struct SarifOptions {
  std::string tool_version = "0.1.0";
  // When set ("file:///home/me/corpus/", must end in '/'), written as
  // run.originalUriBaseIds.SRCROOT so viewers can resolve relative URIs.
  std::string srcroot_uri;
};

std::string RenderSarif(std::span<const Finding> findings, std::span<const RuleInfo> rules,
                        const SarifOptions& options);

// The artifactLocation members for an article path, as JSON text (without
// braces): a relative path becomes a percent-encoded relative URI with
// "uriBaseId":"SRCROOT"; an absolute one a file:// URI.
//   "新闻 稿/a.txt" -> "uri":"%E6%96%B0%E9%97%BB%20%E7%A8%BF/a.txt","uriBaseId":"SRCROOT"
//   "/srv/a b.txt"  -> "uri":"file:///srv/a%20b.txt"
std::string ArtifactLocationFields(std::string_view path);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_SARIF_H_
