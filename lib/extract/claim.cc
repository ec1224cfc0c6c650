#include "extract/claim.h"

#include <fmt/format.h>

namespace claims {
namespace {

constexpr std::string_view kQualifierNames[] = {"exact", "approx", "at_least", "at_most", "range"};
constexpr std::string_view kKindNames[] = {"level", "change", "ratio", "share"};
constexpr std::string_view kDirectionNames[] = {"", "+", "-"};

template <typename E, size_t N>
bool ParseName(const std::string_view (&names)[N], std::string_view s, E* out) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) { *out = static_cast<E>(i); return true; }
  }
  return false;
}

}  // namespace

std::string_view QualifierName(Qualifier q) { return kQualifierNames[static_cast<int>(q)]; }
std::string_view KindName(Kind k) { return kKindNames[static_cast<int>(k)]; }
std::string_view DirectionName(Direction d) { return kDirectionNames[static_cast<int>(d)]; }
bool ParseQualifier(std::string_view s, Qualifier* out) { return ParseName(kQualifierNames, s, out); }
bool ParseKind(std::string_view s, Kind* out) { return ParseName(kKindNames, s, out); }
bool ParseDirection(std::string_view s, Direction* out) {
  if (s.empty()) { *out = Direction::kNone; return true; }
  return ParseName(kDirectionNames, s, out);
}

std::string Claim::DebugString() const {
  std::string value = value_lo == value_hi ? value_lo.ToString()
                                           : value_lo.ToString() + ".." + value_hi.ToString();
  std::string out = fmt::format("claim{{{} {}", value, unit);
  if (!counted.empty()) out += fmt::format("[{}]", counted);
  out += fmt::format(" {} {}", QualifierName(qualifier), KindName(kind));
  if (direction != Direction::kNone) out += fmt::format(" {}", DirectionName(direction));
  out += "}";
  return out;
}

}  // namespace claims
