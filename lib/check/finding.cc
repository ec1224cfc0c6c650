#include "check/finding.h"

namespace claims {

namespace {
constexpr std::string_view kSeverityNames[] = {"info", "warning", "error"};
}

std::string_view SeverityName(Severity s) { return kSeverityNames[static_cast<int>(s)]; }

bool ParseSeverity(std::string_view s, Severity* out) {
  for (int i = 0; i < 3; ++i) {
    if (kSeverityNames[i] == s) { *out = static_cast<Severity>(i); return true; }
  }
  return false;
}

}  // namespace claims
