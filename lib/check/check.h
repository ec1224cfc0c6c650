// The checker: rules over the claims store that flag figures which conflict
// across articles or look garbled. check::Run is pure and deterministic: the
// same claims and mentions give the same findings, in the same order, with the
// same fingerprints. docs/rules.md describes every rule id.
//
//   check::CheckOptions opts;                       // defaults: ±10% for 约/近
//   check::CheckResult r = check::Run(claims, mentions, opts);
//   for (const Finding& f : r.findings) ...         // sorted, fingerprinted
#ifndef CLAIMS_CHECK_CHECK_H_
#define CLAIMS_CHECK_CHECK_H_

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/status.h"
#include "check/claim_table.h"
#include "check/finding.h"
#include "extract/claim.h"

namespace claims::check {

struct CheckOptions {
  // 约/近/左右 widen a compared figure by this fraction of its value.
  Decimal approx_tolerance = Decimal(10, -2);
  // Rule ids that do not run.
  std::set<std::string> disabled;
  // When non-empty, only these rule ids run (`claims check --rule ID`).
  std::set<std::string> only;
  // Severity overrides by rule id.
  std::map<std::string, Severity> severity;
};

struct CheckResult {
  std::vector<Finding> findings;
  CheckSummary summary;
};

// One rule as the CLI and reports list it. Ids are stable once released.
struct RuleInfo {
  std::string_view id;           // "value-conflict"
  std::string_view family;       // "conflict"
  std::string_view description;  // one sentence: what it flags
  Severity severity;             // the default; a finding may be lowered to info
};

// Every rule, in the order they run.
std::span<const RuleInfo> Rules();
// nullptr when `id` is not a rule.
const RuleInfo* FindRule(std::string_view id);

// Runs every enabled rule. `claims` may come in any order; identical copies
// (same surface in the same sentence text, any article) are merged before
// comparing, so an article and its verbatim copy never conflict. Claims with
// an empty entity or metric are never compared with other claims.
CheckResult Run(std::span<const StoredClaim> claims,
                std::span<const std::pair<Location, Mention>> mentions,
                const CheckOptions& options);
// The same over a table (Store::LoadForCheck fills one).
CheckResult Run(const ClaimTable& table, const CheckOptions& options);
// What `claims check` runs at scale: the same findings in the same order,
// but each finding's claims are left as claim_refs into `table` (a finding
// is then about a kilobyte lighter per claim); Materialize each one, while
// the table lives, before it is saved or printed.
CheckResult RunCompact(const ClaimTable& table, const CheckOptions& options);
// Fills f->claims from f->claim_refs and clears them (nothing when done).
void Materialize(Finding* f);

// "rule" + the sorted (article_hash, surface) pairs of the finding's claims
// and locations, hashed (FNV-1a 64, hex). Row ids and paths play no part, so
// the fingerprint survives re-ingests, renames and re-runs.
std::string Fingerprint(const Finding& finding);

// One finding per block, for golden files and tests:
//   value-conflict warning 9f2c…
//     claim a.txt:3 「约20%」 0.2 % …
std::string DumpFindings(std::span<const Finding> findings);

// Reads a claims.toml (a small TOML subset, see docs/rules.md):
//   [tolerance]
//   approx = 0.10
//   [rules]
//   disable = ["as-of-date-far", "bare-model-letter"]
//   [severity]
//   value-conflict = "error"
// Unknown sections, keys or rule ids, and malformed lines, are
// kInvalidArgument naming the line.
Result<CheckOptions> ParseConfig(std::string_view text);

}  // namespace claims::check

#endif  // CLAIMS_CHECK_CHECK_H_
