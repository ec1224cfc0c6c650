#include "report/select.h"

#include <algorithm>
#include <set>

namespace claims::report {

std::vector<Finding> InvolvingPaths(std::span<const Finding> findings, std::span<const std::string> paths) {
  std::set<std::string, std::less<>> wanted(paths.begin(), paths.end());
  auto in = [&](const std::string& p) { return wanted.count(p) > 0; };
  std::vector<Finding> out;
  for (const Finding& f : findings) {
    bool claims_hit = std::any_of(f.claims.begin(), f.claims.end(), [&](const StoredClaim& c) { return in(c.path); });
    bool locs_hit =
        std::any_of(f.locations.begin(), f.locations.end(), [&](const Location& l) { return in(l.path); });
    if (!claims_hit && !locs_hit) continue;
    Finding g = f;
    // Stable: the reviewed articles' claims first, the rest in their order.
    std::stable_partition(g.claims.begin(), g.claims.end(), [&](const StoredClaim& c) { return in(c.path); });
    std::stable_partition(g.locations.begin(), g.locations.end(), [&](const Location& l) { return in(l.path); });
    out.push_back(std::move(g));
  }
  return out;
}

size_t CountAtOrAbove(std::span<const Finding> findings, Severity threshold) {
  return static_cast<size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity >= threshold; }));
}

}  // namespace claims::report
