// The fast paths of rule_util: double filters that must give the exact
// answer. Each case is decided both ways, the fast one against plain
// rational arithmetic.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/check_test_util.h"
#include "check/rule_util.h"

namespace claims::check::internal {
namespace {

Rational R(const std::string& text) { return Decimal::Parse(text)->ToRational(); }

Range<Rational> Closed(const std::string& lo, const std::string& hi) {
  Range<Rational> r;
  r.lo = R(lo);
  r.hi = R(hi);
  return r;
}

bool ExactOverlap(const Range<Rational>& a, const Range<Rational>& b, const Range<Rational>& stated) {
  return Overlaps(ImpliedChange(a, b), stated);
}

TEST_CASE("CertainOrder: clear orders only", "[check][fast]") {
  CHECK(CertainOrder(1.0, 2.0, 2.0) == -1);
  CHECK(CertainOrder(2.0, 1.0, 2.0) == 1);
  CHECK(CertainOrder(1.0, 1.0, 1.0) == 0);
  CHECK(CertainOrder(0.02, 0.02 + 1e-17, 1.0) == 0);  // too close to call
  CHECK(CertainOrder(0.0, 1e-20, 1.0) == 0);          // cancellation could hide this
  CHECK(CertainOrder(HUGE_VAL, 1.0, 1.0) == 0);
}

struct ChangeCase {
  const char* name;
  const char* a_lo; const char* a_hi;  // current level
  const char* b_lo; const char* b_hi;  // previous level
  const char* s_lo; const char* s_hi;  // stated change (fraction)
  bool overlaps;
};

TEST_CASE("ImpliedChangeOverlaps agrees with exact rationals", "[check][fast]") {
  const ChangeCase kCases[] = {
      // 60.5亿 over 59.31亿 as +2%: holds.
      {"60.5亿 over 59.31亿", "6045000000", "6055000000", "5930500000", "5931500000", "0.015", "0.025", true},
      {"+20% over the same levels", "6045000000", "6055000000", "5930500000", "5931500000", "0.195", "0.205", false},
      // implied.hi == stated.lo exactly: closed ranges touch.
      {"touching upper end", "102", "102", "100", "100", "0.02", "0.03", true},
      {"touching lower end", "103", "103", "100", "100", "0.01", "0.03", true},
      // One part in 10^17 beyond the touching point: a double cannot see it.
      {"just above the implied range", "102", "102", "100", "100", "0.02000000000000001", "0.03", false},
      {"just below the implied range", "103", "103", "100", "100", "0.01", "0.02999999999999999", false},
      {"inside by 10^-18", "102", "102", "100", "100", "0.019999999999999999", "0.03", true},
      // Beyond int64 and beyond a double's 53 bits.
      {"huge, equal", "123456789012345678901234567890", "123456789012345678901234567890",
       "123456789012345678901234567890", "123456789012345678901234567890", "0", "0", true},
      {"huge, off by one unit", "123456789012345678901234567891", "123456789012345678901234567891",
       "123456789012345678901234567890", "123456789012345678901234567890", "0", "0", false},
      {"huge, off by one unit, stated covers it", "123456789012345678901234567891",
       "123456789012345678901234567891", "123456789012345678901234567890",
       "123456789012345678901234567890", "0", "0.00000000000000000000000000001", true},
      // Negative levels (losses) and falls.
      {"loss deepening", "-120", "-120", "100", "100", "-2.2", "-2.2", true},
      {"fall of 80%", "19.5", "20.5", "99.5", "100.5", "-0.81", "-0.79", true},
      {"fall stated as 90%", "19.5", "20.5", "99.5", "100.5", "-0.91", "-0.89", false},
      // Wide ranges (范围), and a tiny previous level.
      {"ranges overlap", "24500", "40500", "19500", "20500", "0.5", "0.6", true},
      {"tiny previous level", "1", "1", "0.000000000000000000001", "0.000000000000000000001",
       "999999999999999999999", "999999999999999999999", true},
      {"tiny previous level, one off", "1", "1", "0.000000000000000000001", "0.000000000000000000001",
       "999999999999999999998", "999999999999999999998", false},
  };
  for (const ChangeCase& c : kCases) {
    INFO(c.name);
    Range<Rational> a = Closed(c.a_lo, c.a_hi), b = Closed(c.b_lo, c.b_hi), s = Closed(c.s_lo, c.s_hi);
    CHECK(ExactOverlap(a, b, s) == c.overlaps);
    CHECK(ImpliedChangeOverlaps(MakeBounds(a), MakeBounds(b), MakeBounds(s)) == c.overlaps);
  }
}

TEST_CASE("ImpliedChangeOverlaps: a sweep around the touching points", "[check][fast]") {
  // Levels of 100 ± k units of the last digit, stated ranges whose ends sit
  // on, just inside and just outside the implied range: every answer exact.
  const std::vector<std::string> levels = {"99.99", "100", "100.01", "59.315", "60.45", "0.003"};
  const std::vector<std::string> nudges = {"0", "0.0000000000000000001", "-0.0000000000000000001",
                                           "0.000001", "-0.000001"};
  int checked = 0;
  for (const std::string& x : levels) {
    for (const std::string& y : levels) {
      Range<Rational> a = Closed(x, x), b = Closed(y, y);
      Rational q = R(x) / R(y) - 1;
      for (const std::string& n1 : nudges) {
        for (const std::string& n2 : nudges) {
          Range<Rational> s;
          s.lo = q + R(n1);
          s.hi = q + R(n2) + R("0.01");
          if (s.hi < s.lo) continue;
          CHECK(ImpliedChangeOverlaps(MakeBounds(a), MakeBounds(b), MakeBounds(s)) ==
                ExactOverlap(a, b, s));
          Range<Rational> t;  // stated range ending at the implied point
          t.lo = q - R("0.01") + R(n1);
          t.hi = q + R(n2);
          if (t.hi < t.lo) continue;
          CHECK(ImpliedChangeOverlaps(MakeBounds(a), MakeBounds(b), MakeBounds(t)) ==
                ExactOverlap(a, b, t));
          checked += 2;
        }
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("FiguresOf: copies with other figures are twins, other sentences are not", "[check][fast]") {
  const Figures a = FiguresOf("营收60.5亿美元，环比增长2%。");
  CHECK(a.spans.size() == 2);
  CHECK(FiguresOf("营收6.05亿美元，环比增长12%。").twin == a.twin);         // digits garbled
  CHECK(FiguresOf("營收６０．５億美元，環比增長2%。").twin == a.twin);       // Traditional, full-width
  CHECK(FiguresOf("营收60.5万美元，环比增长2%。").twin == a.twin);          // 亿 slipped to 万
  CHECK(FiguresOf("營收60.5萬美元，環比增長2%。").twin == a.twin);          // 萬 is part of the figure
  CHECK(FiguresOf("净利60.5亿美元，环比增长2%。").twin != a.twin);          // another sentence
  CHECK(FiguresOf("营收60.5亿美元，环比增长2%，好于预期。").twin != a.twin);
  CHECK(FiguresOf("1,000.5亿").spans.size() == 1);
  CHECK(FiguresOf("1,").spans.size() == 1);
  CHECK(FiguresOf("").spans.empty());
  CHECK(FiguresOf("").twin != 0);
}

TEST_CASE("TwinSlot: the figure a claim holds, or the gap it sits in", "[check][fast]") {
  const std::string s = "股价上涨五倍，营收增长2.5万到3万美元，超过4万美元。";
  const Figures f = FiguresOf(s);
  REQUIRE(f.spans.size() == 3);
  auto slot = [&](std::string_view surface) { return TwinSlot(f, s.find(surface), surface.size()); };
  CHECK(slot("五倍") == 1);              // no digits, before figure 0
  CHECK(slot("2.5万到3万美元") == 0);    // holds figure 0 (and 1)
  CHECK(slot("3万美元") == 2);
  CHECK(slot("超过4万美元") == 4);
}

}  // namespace
}  // namespace claims::check::internal

namespace claims::check::testing {
namespace {

TEST_CASE("change-mismatch: repeated levels are compared once, the earliest one named",
          "[check][arithmetic]") {
  Corpus c;
  // The same previous-quarter figure in three articles (different sentences),
  // then a change that the levels do not reproduce.
  for (const char* path : {"b.txt", "a.txt", "c.txt"}) {
    c.Claim(path, std::string("截至10月底的财季，英伟达营收59.31亿美元，") + path + "报道。",
            "59.31亿美元", "5931000000 USD e=英伟达 m=revenue t=FY2023Q3");
  }
  c.Claim("d.txt", "下一个财季英伟达营收60.5亿美元。", "60.5亿美元",
          "6050000000 USD e=英伟达 m=revenue t=FY2023Q4");
  c.Claim("d.txt", "英伟达营收比上一季度增加20%。", "增加20%",
          "20 % k=change d=+ e=英伟达 m=revenue t=FY2023Q4 b=qoq");
  auto f = Of(c.Run(), "change-mismatch");
  REQUIRE(f.size() == 1);
  REQUIRE(f[0].claims.size() == 3);
  CHECK(f[0].claims[1].path == "d.txt");
  CHECK(f[0].claims[2].path == "a.txt");
  CHECK(f[0].details.at("implied_change") == "2.01%");
}

}  // namespace
}  // namespace claims::check::testing
