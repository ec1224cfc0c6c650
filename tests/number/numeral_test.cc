#include "number/numeral.h"

#include <catch2/catch.hpp>

namespace claims::number {
namespace {

// "lo[..hi] ~precision" or "error".
std::string Dump(const Numeral& n) {
  if (!n.ok()) return "error";
  std::string s = n.lo.ToString();
  if (!(n.lo == n.hi)) s += ".." + n.hi.ToString();
  return s + " ~" + n.precision.ToString();
}

TEST_CASE("ParseNumeral reads Chinese, financial, mixed and vague numerals", "[number]") {
  struct { const char* in; const char* want; } cases[] = {
      {"一千二百三十四万", "12340000 ~10000"},
      {"3万5千", "35000 ~1000"},
      {"1.47万亿", "1470000000000 ~10000000000"},
      {"59.31亿", "5931000000 ~1000000"},
      {"2080亿", "208000000000 ~100000000"},
      {"壹仟贰佰", "1200 ~100"},
      {"两", "2 ~1"},
      {"十二", "12 ~1"},
      {"二十", "20 ~10"},
      {"一千零五", "1005 ~1"},
      {"一千二", "1200 ~100"},   // colloquial: the unit after 千 is 百
      {"三万五", "35000 ~1000"},
      {"三亿五千万", "350000000 ~10000000"},
      {"1万亿", "1000000000000 ~1000000000000"},
      {"二〇二四", "2024 ~1"},     // positional digits
      {"十几", "11..19 ~1"},
      {"数十亿", "1000000000..10000000000 ~1000000000"},
      {"数百万", "1000000..10000000 ~1000000"},
      {"几十", "10..100 ~10"},
      {"两三百", "200..300 ~100"},   // an approximate pair
      {"七八", "7..8 ~1"},
      {"三五", "3..5 ~1"},
      {"三两", "2..3 ~1"},           // written high to low, still two or three
      {"一二十亿", "1000000000..2000000000 ~1000000000"},
      {"十一二", "11..12 ~1"},
      {"一百二三", "120..130 ~10"},   // colloquial, as 一百二
      {"二四", "24 ~1"},             // not neighbours: positional
      {"二〇二三", "2023 ~1"},       // a year digit by digit, not 二〇 + 二三
      {"一二三四", "1234 ~1"},
      {"零点五", "0.5 ~0.1"},          // a decimal point written 点
      {"三点五亿", "350000000 ~10000000"},
      {"十二点三四", "12.34 ~0.01"},
      {"三点", "error"},
      {"数点五", "error"},
      {"十百", "error"},
      {"百百", "error"},
      {"", "error"},
      {"abc", "error"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(ParseNumeral(c.in)) == c.want);
  }
}

TEST_CASE("ParseArabic validates separators and keeps precision", "[number]") {
  struct { const char* in; const char* want; } cases[] = {
      {"1,234.5", "1234.5 ~0.1"}, {"4500", "4500 ~1"}, {"59.31", "59.31 ~0.01"},
      {"1.50", "1.5 ~0.01"},      {"0.04", "0.04 ~0.01"}, {"1,000,000", "1000000 ~1"},
      {"1,00", "error"},          {"1,0000", "error"},   {"59.31.5", "error"},
      {",5", "error"},            {"12a", "error"},
      // Around the 18 digits summed in an int64, and the longer path.
      {"123456789012345678", "123456789012345678 ~1"},
      {"1234567890123456789", "1234567890123456789 ~1"},
      {"12,345,678,901,234,567.89", "12345678901234567.89 ~0.01"},
      {"0.000000000000000001", "0.000000000000000001 ~0.000000000000000001"},
      {"000.000", "0 ~0.001"},    {"5.", "5 ~1"},        {".", "error"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(ParseArabic(c.in)) == c.want);
  }
}

TEST_CASE("Absurd numerals are refused, not computed", "[number]") {
  std::string digits(10000, '7');
  CHECK_FALSE(ParseArabic(digits).ok());
  std::string yi;
  for (int i = 0; i < 200; ++i) yi += "亿";
  CHECK_FALSE(ParseNumeral("1" + yi).ok());
  CHECK_FALSE(ParseNumeral("一亿亿亿亿亿亿亿亿亿").ok());  // 10^72: past any quantity
  // Magnitudes in a row (found by the fuzz/hostile runs: 万万 was 20000 with
  // precision 10^8, 亿亿亿亿亿亿 a claim of 10^48).
  CHECK(ParseNumeral("亿亿").lo == Decimal::Pow10(16));
  CHECK(ParseNumeral("3万亿").lo == Decimal(3) * Decimal::Pow10(12));
  // Digits finer than a fraction before them (fuzz_number: precision 1 on a
  // value of 0.005).
  CHECK(ParseNumeral("1.5万亿").lo == Decimal(15) * Decimal::Pow10(11));
  for (const char* s : {"万万", "3万万", "亿万", "亿亿亿", "5亿亿亿亿亿亿", "万亿亿亿", "1.5万3千", "0.00005佰0", "万0十万"}) {
    INFO(s);
    CHECK(ParseNumeral(s).error == NumeralError::kMalformed);
  }
}

TEST_CASE("Arabic digits with 万, 亿 or 万亿 read as the accumulator reads them", "[number]") {
  // "3.5亿" takes a shortcut past the token list; "3.5 亿" (a space) does
  // not, so the two must agree on every field, errors included.
  const char* numbers[] = {"3.5", "120", "0", "0.0", "1,000", "1,234.56", "0.00005", ".5", "5.", "1,00",
                           "1.2.3", "59.31", "99999999999999999999",
                           "1234567890123456789012345678901234567890",
                           "0.000000000000000000000000000000000000000000000000000001"};
  for (const char* number : numbers) {
    for (const char* magnitude : {"万", "亿", "万亿"}) {
      std::string quick = std::string(number) + magnitude;
      std::string slow = std::string(number) + " " + magnitude;
      INFO(quick);
      Numeral a = ParseNumeral(quick), b = ParseNumeral(slow);
      CHECK(Dump(a) == Dump(b));
      CHECK(a.error == b.error);
      CHECK(a.has_digit == b.has_digit);
      CHECK(a.chinese == b.chinese);
      CHECK(a.has_big_unit == b.has_big_unit);
      CHECK(a.vague == b.vague);
    }
  }
  CHECK(Dump(ParseNumeral("3.5亿")) == "350000000 ~10000000");
  CHECK(Dump(ParseNumeral("0万")) == "10000 ~10000");  // the accumulator's reading of a bare 0
  CHECK(ParseNumeral(",5万").error == NumeralError::kBadDigit);
}

}  // namespace
}  // namespace claims::number
