// Baselines: the findings a corpus repository has accepted, so CI reports only
// what new articles bring. The file (.claims-baseline.json) is JSON sorted by
// fingerprint so that accepting a finding is a one-line diff:
//   {"version":1,"findings":[
//    {"fingerprint":"3f2a…","rule":"value-conflict","summary":"news/a.txt: 营收 …"}
//   ]}
// Only fingerprints matter for matching; rule and summary are for reviewers.
// The format is written to disk: keep it stable; bump "version" to change it.
#ifndef CLAIMS_REPORT_BASELINE_H_
#define CLAIMS_REPORT_BASELINE_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "check/finding.h"

namespace claims::report {

inline constexpr int kBaselineVersion = 1;

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string summary;
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by fingerprint, no repeats

  bool Contains(std::string_view fingerprint) const;
};

// One entry per distinct fingerprint, sorted. The summary is "<first path>:
// <message>", cut to about 160 bytes at a character boundary.
Baseline BaselineFromFindings(std::span<const Finding> findings);

// The file text, one entry per line, ending in a newline.
std::string RenderBaseline(const Baseline& baseline);

// Reads a baseline file. Unknown members are ignored; entries are re-sorted.
// Errors (kBadInput): not JSON, not an object, "version" missing or newer than
// kBaselineVersion, an entry without a string "fingerprint".
Result<Baseline> ParseBaseline(std::string_view text);

// The findings whose fingerprint is not in the baseline, in their order.
std::vector<Finding> NotInBaseline(std::span<const Finding> findings, const Baseline& baseline);

// The baseline without entries that no longer occur in `current`; sets
// *removed to how many were dropped.
Baseline PruneBaseline(const Baseline& baseline, std::span<const Finding> current, size_t* removed);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_BASELINE_H_
