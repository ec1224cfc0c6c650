#include "store/rows.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

namespace claims::store {
namespace {

TEST_CASE("SortKey is strtod of the canonical text, with or without the fast path", "[store]") {
  const char* values[] = {
      "0", "1", "-1", "5931000000", "-16.5", "0.04", "0.1", "0.3", "2.675", "123456789012345",  // fast path
      "-999999999999999", "1e22", "1e-22", "7e-23", "3e23",                                      // its edges
      "1234567890123456", "9007199254740993", "0.1234567890123456789", "1e-40", "5e30",         // strtod
      "12345678901234567890123456789012345678",
  };
  for (const char* v : values) {
    INFO(v);
    std::optional<Decimal> d = Decimal::Parse(v);
    REQUIRE(d.has_value());
    const std::string text = d->ToString();
    const double want = std::strtod(text.c_str(), nullptr);
    CHECK(SortKey(*d, text) == want);
    CHECK(std::signbit(SortKey(*d, text)) == std::signbit(want));
  }
}

}  // namespace
}  // namespace claims::store
