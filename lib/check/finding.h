// A finding: what the checker says about one or more claims. A value, not an
// error. Rule ids are stable kebab-case strings once released.
#ifndef CLAIMS_CHECK_FINDING_H_
#define CLAIMS_CHECK_FINDING_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/claim.h"

namespace claims {

namespace check {
struct CheckClaim;
}

enum class Severity { kInfo, kWarning, kError };
std::string_view SeverityName(Severity s);  // "info" "warning" "error"
bool ParseSeverity(std::string_view s, Severity* out);

// A claim as the checker and the reports see it: the claim plus the article
// it came from.
struct StoredClaim {
  int64_t id = 0;            // row id in the store (not stable across stores)
  std::string path;          // article path
  std::string article_hash;  // article content hash: stable across re-ingests
  std::string article_date;  // "2024-01-22" when known
  Claim claim;
};

// A span that is not a claim (a model name cut to a letter, a date).
struct Location {
  std::string path;
  std::string article_hash;
  uint32_t line = 0;
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  std::string surface;
  std::string sentence;
  // Byte offset of `sentence` in the article, when the store knows it; the
  // checker otherwise finds `surface` inside `sentence`.
  uint32_t sentence_start = 0;
};

struct Finding {
  std::string rule;      // "value-conflict", "magnitude-slip" ...
  std::string family;    // "conflict" "arithmetic" "magnitude" "garbled" "contradiction" "period"
  Severity severity = Severity::kWarning;
  std::string message;   // one line an editor understands, numbers included
  std::string expected;  // what the other figures imply, if anything ("about 59.31亿美元")
  std::string fingerprint;  // stable across re-runs: rule + article hashes + surfaces
  std::vector<StoredClaim> claims;
  // The claims as the checker's table holds them, before check::Materialize
  // turns them into `claims`: 8 bytes each instead of a StoredClaim with its
  // sentence (about a kilobyte), so a run with tens of thousands of findings
  // holds them compact until each is saved and printed. Valid while the
  // table lives; empty once materialized.
  std::vector<const check::CheckClaim*> claim_refs;
  std::vector<Location> locations;
  // Computed figures, for JSON "details" and the report: {"ratio": "59.31"}.
  std::map<std::string, std::string> details;
};

// What a run looked at, so a report can say "412 claims, 37 groups compared,
// 35 consistent, 2 conflicts".
struct CheckSummary {
  int64_t articles = 0;
  int64_t claims = 0;
  int64_t groups_compared = 0;
  int64_t consistent = 0;
  int64_t findings = 0;
  std::map<std::string, int64_t> by_rule;
  std::map<std::string, int64_t> by_severity;
  std::map<std::string, int64_t> by_family;  // "conflict" -> 2, "garbled" -> 3
};

}  // namespace claims

#endif  // CLAIMS_CHECK_FINDING_H_
