#include "store/rows.h"

#include <catch2/catch.hpp>
#include <string>

namespace claims::store {
namespace {

TEST_CASE("ClaimColumnsOf reads value_hi as value_lo where it is NULL, in kClaimColumns' order", "[store]") {
  const std::string plain = ClaimColumnsOf("");
  CHECK(plain.find("value_lo, coalesce(value_hi, value_lo), precision") != std::string::npos);
  CHECK(plain.rfind("byte_start, ", 0) == 0);
  const std::string prefixed = ClaimColumnsOf("c");
  CHECK(prefixed.find("c.value_lo, coalesce(c.value_hi, c.value_lo), c.precision") != std::string::npos);
  CHECK(prefixed.rfind("c.byte_start, ", 0) == 0);
  CHECK(prefixed.find("c.sentence_end") + 14 == prefixed.size());
}

}  // namespace
}  // namespace claims::store
