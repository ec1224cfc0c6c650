#include "base/decimal.h"

#include <climits>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

namespace claims {
namespace {

std::string Canon(const char* s) {
  auto d = Decimal::Parse(s);
  return d ? d->ToString() : "<none>";
}

TEST_CASE("Decimal parses and prints canonical text", "[decimal]") {
  struct { const char* in; const char* want; } cases[] = {
      {"59.31", "59.31"}, {"0", "0"}, {"-0", "0"}, {"000.500", "0.5"}, {"-16.5", "-16.5"},
      {"1e7", "10000000"}, {"1.5e-3", "0.0015"}, {"1200000000000", "1200000000000"},
      {"+3", "3"}, {".5", "0.5"}, {"5.", "5"},
      {"-1234567890123456789012.345", "-1234567890123456789012.345"},  // past int64
      {"", "<none>"}, {"1,000", "<none>"}, {"abc", "<none>"}, {"1.2.3", "<none>"},
      {"1e", "<none>"}, {"1e999", "<none>"},
      // More significant digits than any quantity has: refused, not crashed.
      {"12345678901234567890123456789012345678901", "<none>"},
      // Trailing zeros are not significant digits.
      {"100000000000000000000000000000000000000000000000000", "100000000000000000000000000000000000000000000000000"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Canon(c.in) == c.want);
    // AppendTo writes the same text after what is already there.
    if (auto d = Decimal::Parse(c.in)) {
      std::string out = "{\"v\":";
      d->AppendTo(&out);
      CHECK(out == std::string("{\"v\":") + c.want);
    }
  }
}

TEST_CASE("Decimal::Write puts ToString() down within MaxTextSize()", "[decimal]") {
  // Digits placed right to left around the point, signs, leading zeros of
  // a fraction, trailing zeros of a power of ten, the int64 extremes and a
  // coefficient past int64.
  std::vector<Decimal> values = {Decimal(0), Decimal(7), Decimal(-7), Decimal(INT64_MAX), Decimal(INT64_MIN),
                                 Decimal(INT64_MIN).ScaledByPow10(-25), Decimal(48).ScaledByPow10(9)};
  for (const char* s : {"16.5", "-16.5", "0.005", "-0.005", "0.5", "12345.6789", "1e60", "-9.87654321e-30",
                        "-1234567890123456789012.345"}) {
    values.push_back(*Decimal::Parse(s));
  }
  for (const Decimal& d : values) {
    std::string want = d.ToString();
    INFO(want);
    std::string room(d.MaxTextSize(), '#');
    char* end = d.Write(room.data());
    REQUIRE(end <= room.data() + room.size());
    CHECK(std::string(room.data(), end) == want);
    CHECK(Decimal::Parse(want) == d);
  }
  CHECK(Decimal(INT64_MIN).ToString() == "-9223372036854775808");
  CHECK(Decimal(-5).ScaledByPow10(-3).ToString() == "-0.005");
}

TEST_CASE("Decimal arithmetic is exact", "[decimal]") {
  Decimal a = *Decimal::Parse("59.31");
  CHECK(a.ScaledByPow10(8).ToString() == "5931000000");
  CHECK((*Decimal::Parse("0.1") + *Decimal::Parse("0.2")).ToString() == "0.3");
  CHECK((*Decimal::Parse("2.5") * Decimal(10000)).ToString() == "25000");
  CHECK((*Decimal::Parse("1.47") * Decimal::Pow10(12)).ToString() == "1470000000000");
  CHECK((Decimal(4) * *Decimal::Parse("0.01")).ToString() == "0.04");
  CHECK((Decimal(1) - *Decimal::Parse("0.001")).ToString() == "0.999");
  CHECK(Decimal::Pow10(-2).ToString() == "0.01");
}

TEST_CASE("Decimal compares by value across exponents", "[decimal]") {
  CHECK(*Decimal::Parse("60.5") > *Decimal::Parse("59.31"));
  CHECK(*Decimal::Parse("1.50") == *Decimal::Parse("1.5"));
  CHECK(*Decimal::Parse("-2") < *Decimal::Parse("0.001"));
  CHECK(*Decimal::Parse("100") == Decimal(100));
  CHECK(Decimal(0) == *Decimal::Parse("0.000"));
}

TEST_CASE("Decimal rounds rationals for display", "[decimal]") {
  Decimal::Rational r = Decimal::Rational(6050, 5931);  // 60.5 / 59.31 ≈ 1.02006
  CHECK(Decimal::FromRational(r, 4).ToString() == "1.0201");
  CHECK(Decimal::FromRational(Decimal::Rational(-1, 3), 2).ToString() == "-0.33");
  CHECK(Decimal::FromRational(Decimal::Rational(1, 2), 0).ToString() == "1");
}

}  // namespace
}  // namespace claims

namespace claims {
namespace {

TEST_CASE("Decimal falls back to big integers past int64 exactly", "[decimal]") {
  Decimal big = *Decimal::Parse("123456789012345678901234567");  // 27 digits
  CHECK(big.ToString() == "123456789012345678901234567");
  CHECK((big + Decimal(1)).ToString() == "123456789012345678901234568");
  CHECK((big - big).ToString() == "0");
  Decimal nine = *Decimal::Parse("9223372036854775807");  // INT64_MAX
  CHECK((nine + Decimal(1)).ToString() == "9223372036854775808");
  CHECK((nine * Decimal(10)).ToString() == "92233720368547758070");
  CHECK((nine * nine).ToString() == "85070591730234615847396907784232501249");
  CHECK(-(*Decimal::Parse("-9223372036854775808")) == *Decimal::Parse("9223372036854775808"));
  CHECK(*Decimal::Parse("1e30") > nine);
  CHECK(*Decimal::Parse("-1e30") < -nine);
  // Scaling that overflows int64 during alignment still compares exactly.
  CHECK(*Decimal::Parse("1e25") + *Decimal::Parse("0.5") == *Decimal::Parse("10000000000000000000000000.5"));
  CHECK(Decimal::Parse("1e25")->digits() == 1);
  CHECK(big.digits() == 27);
}

}  // namespace
}  // namespace claims

namespace claims {
namespace {

// The big coefficient lives behind a pointer: copies must not share it, and
// a moved-from Decimal is zero.
TEST_CASE("Decimal copies and moves big values", "[decimal]") {
  const std::string text = "-123456789012345678901234567.5";
  Decimal big = *Decimal::Parse(text);
  Decimal copy = big;
  CHECK(copy == big);
  copy = copy + Decimal(1);
  CHECK(big.ToString() == text);
  CHECK(copy.ToString() == "-123456789012345678901234566.5");
  Decimal moved = std::move(copy);
  CHECK(moved.ToString() == "-123456789012345678901234566.5");
  CHECK(copy.is_zero());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  Decimal small(7);
  small = big;
  CHECK(small == big);
  small = Decimal(7);
  CHECK(small.ToString() == "7");
  CHECK(big.ToString() == text);
  // A big sum that shrinks back into int64 compares equal to the small form.
  CHECK(big - *Decimal::Parse("-123456789012345678901234560") == *Decimal::Parse("-7.5"));
  CHECK(big.coefficient() == Decimal::Int("-1234567890123456789012345675"));
}

}  // namespace
}  // namespace claims
