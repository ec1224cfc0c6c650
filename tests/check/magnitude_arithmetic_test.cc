// magnitude-slip, change-mismatch, share-total-mismatch and share-sum-over-100.
#include <catch2/catch.hpp>

#include "check/check_test_util.h"

namespace claims::check::testing {
namespace {

void AddQuarters(Corpus& c) {
  c.Claim("a.txt", "截至10月底的财季，英伟达营收59.31亿美元。", "59.31亿美元",
          "5931000000 USD e=英伟达 m=revenue t=FY2023Q3");
  c.Claim("a.txt", "下一个财季英伟达营收60.5亿美元，比上一季度增加2%。", "60.5亿美元",
          "6050000000 USD e=英伟达 m=revenue t=FY2023Q4");
}

TEST_CASE("magnitude-slip: a nine-month total a hundred times too small", "[check][magnitude]") {
  Corpus c;
  AddQuarters(c);
  c.Claim("b.txt", "这家公司今年前三季度总营收达到1亿美元。", "1亿美元",
          "100000000 USD e=英伟达 m=revenue");
  CheckResult r = c.Run();
  auto f = Of(r, "magnitude-slip");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].claims[0].claim.surface == "1亿美元");
  CHECK(f[0].message.find("per quarter") != std::string::npos);
  CHECK(f[0].details.at("per_quarter_a") == "3333万美元");
  CHECK(f[0].details.at("ratio") == "177.93");
}

TEST_CASE("magnitude-slip: the article's main subject stands in for a missing entity",
          "[check][magnitude]") {
  Corpus c;
  AddQuarters(c);
  c.Claim("b.txt", "英伟达股价大涨，市值超过2万亿美元。", "2万亿美元",
          "2000000000000 USD q=at_least e=英伟达 m=market_cap");
  c.Claim("b.txt", "英伟达的员工超过2万人。", "2万人", "20000 count q=at_least e=英伟达 m=headcount");
  c.Claim("b.txt", "英伟达在中国的员工约4000人。", "4000人", "4000 count q=approx e=英伟达 m=headcount s=中国");
  c.Claim("b.txt", "今年前三季度总营收达到1亿美元。", "1亿美元", "100000000 USD m=revenue");
  auto f = Of(c.Run(), "magnitude-slip");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("subject of its article") != std::string::npos);
  // Without a clear main subject nothing is said.
  Corpus d;
  AddQuarters(d);
  d.Claim("b.txt", "今年前三季度总营收达到1亿美元。", "1亿美元", "100000000 USD m=revenue");
  CHECK(Of(d.Run(), "magnitude-slip").empty());
}

TEST_CASE("magnitude-slip: a per-store figure is not the company's total", "[check][magnitude]") {
  // Found on our own article about a phone maker: the average revenue of
  // one store, in a sentence that names no company, was read as the
  // article's subject's revenue and reported as ×10000 too small. The
  // same figure without the per-store words is still a slip.
  for (const char* s : {"单个门店平均季度收入约为90万元。", "今年第三季度营收约为90万元。"}) {
    Corpus c;
    c.SetDate("b.txt", "2024-11-19");
    c.Claim("b.txt", "壬公司2024年第三季度收入为925.1亿元。", "925.1亿元",
            "92510000000 CNY e=壬公司 m=revenue t=2024Q3");
    c.Claim("b.txt", "壬公司2024年第三季度营收同比增长30.5%。", "30.5%",
            "30.5 % k=change d=+ b=yoy e=壬公司 m=revenue t=2024Q3");
    c.Claim("b.txt", "壬公司2024年第三季度净利润为62.5亿元。", "62.5亿元",
            "6250000000 CNY e=壬公司 m=net_income t=2024Q3");
    c.Claim("b.txt", s, "约为90万元", "900000 CNY q=approx m=revenue");
    INFO(s);
    CHECK(Of(c.Run(), "magnitude-slip").size() == (std::string(s).find("单个") == 0 ? 0u : 1u));
  }
}

TEST_CASE("magnitude-slip: undated figures from articles years apart", "[check][magnitude]") {
  Corpus c;
  c.Claim("old1.txt", "公司市值约为300亿美元。", "300亿美元", "30000000000 USD q=approx e=庚公司 m=market_cap date=2014-05-01");
  c.Claim("old2.txt", "公司市值已有320亿美元。", "320亿美元", "32000000000 USD e=庚公司 m=market_cap date=2014-06-01");
  c.Claim("new.txt", "公司市值已达3.3万亿美元。", "3.3万亿美元", "3300000000000 USD e=庚公司 m=market_cap date=2024-06-01");
  CHECK(Of(c.Run(), "magnitude-slip").empty());
}

TEST_CASE("magnitude-slip: a decimal point moved, two figures only", "[check][magnitude]") {
  Corpus c;
  c.Claim("a.txt", "公司市值约为1.47万亿美元。", "1.47万亿美元",
          "1470000000000 USD q=approx e=丙公司 m=market_cap");
  c.Claim("b.txt", "公司市值达到1470亿美元。", "1470亿美元",
          "147000000000 USD e=丙公司 m=market_cap");
  CheckResult r = c.Run();
  auto f = Of(r, "magnitude-slip");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);  // same digits: a slip, not growth
  CHECK(f[0].message.find("same digits") != std::string::npos);
}

TEST_CASE("magnitude-slip: growth over many years and close figures are fine", "[check][magnitude]") {
  Corpus c;
  c.Claim("a.txt", "2015年公司营收为5亿美元。", "5亿美元", "500000000 USD e=丁公司 m=revenue t=2015");
  c.Claim("b.txt", "2023年公司营收为80亿美元。", "80亿美元", "8000000000 USD e=丁公司 m=revenue t=2023");
  c.Claim("c.txt", "公司市值突破1万亿美元。", "1万亿美元", "1000000000000 USD q=at_least e=丁公司 m=market_cap");
  c.Claim("d.txt", "公司市值已有1.47万亿美元。", "1.47万亿美元", "1470000000000 USD e=丁公司 m=market_cap");
  c.Claim("e.txt", "公司市值有望超过2万亿美元。", "2万亿美元", "2000000000000 USD q=at_least e=丁公司 m=market_cap");
  CheckResult r = c.Run();
  CHECK(Of(r, "magnitude-slip").empty());
}

TEST_CASE("change-mismatch: +2% quarter on quarter holds and is counted", "[check][arithmetic]") {
  Corpus c;
  AddQuarters(c);
  c.Claim("a.txt", "下一个财季英伟达营收60.5亿美元，比上一季度增加2%。", "2%",
          "2 % k=change d=+ e=英伟达 m=revenue t=FY2023Q4 b=qoq");
  CheckResult r = c.Run();
  CHECK(r.findings.empty());
  CHECK(r.summary.consistent >= 1);
}

TEST_CASE("change-mismatch: +20% over the same levels does not", "[check][arithmetic]") {
  Corpus c;
  AddQuarters(c);
  c.Claim("a.txt", "下一个财季英伟达营收60.5亿美元，比上一季度增加20%。", "20%",
          "20 % k=change d=+ e=英伟达 m=revenue t=FY2023Q4 b=qoq");
  CheckResult r = c.Run();
  auto f = Of(r, "change-mismatch");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].details.at("implied_change") == "2.01%");
  CHECK(f[0].details.at("previous_period") == "FY2023Q3");
}

TEST_CASE("share-total-mismatch: part / share vs the stated total", "[check][arithmetic]") {
  const char* s = "该季度来自中国大陆的收入为40亿美元，占总收入22.4%。";
  Corpus ok;
  ok.Claim("a.txt", s, "40亿美元", "4000000000 USD e=英伟达 m=revenue t=FY2024Q3 s=中国");
  ok.Claim("a.txt", s, "22.4%", "22.4 % k=share e=英伟达 m=revenue_share t=FY2024Q3 s=中国");
  ok.Claim("b.txt", "该季度英伟达总营收181.2亿美元。", "181.2亿美元",
           "18120000000 USD e=英伟达 m=revenue t=FY2024Q3");
  CheckResult r = ok.Run();
  CHECK(r.findings.empty());
  CHECK(r.summary.consistent >= 1);

  Corpus bad = ok;
  bad.claims.back().claim.value_lo = bad.claims.back().claim.value_hi = Decimal(30000000000);
  r = bad.Run();
  auto f = Of(r, "share-total-mismatch");
  REQUIRE(f.size() == 1);
  CHECK(f[0].expected == "178.6亿美元");
}

}  // namespace
}  // namespace claims::check::testing

namespace claims::check::testing {
namespace {

TEST_CASE("share-sum-over-100: the players of one market add up to more than the market",
          "[check][arithmetic]") {
  Corpus c;
  c.Claim("a.txt", "在中国AI芯片市场，英伟达的份额为80%，华为为30%。", "80%",
          "80 % k=share e=英伟达 m=market_share s=中国");
  c.Claim("a.txt", "在中国AI芯片市场，英伟达的份额为80%，华为为30%。", "30%",
          "30 % k=share e=华为 m=market_share s=中国");
  auto f = Of(c.Run(), "share-sum-over-100");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].details.at("sum_at_least") == "109%");  // 79.5% + 29.5%
  REQUIRE(f[0].claims.size() == 2);
  CHECK(f[0].claims[0].claim.surface == "80%");
  CHECK(f[0].message.find("cannot exceed 100%") != std::string::npos);
}

TEST_CASE("share-sum-over-100: what is not one market, or fits within it", "[check][arithmetic]") {
  struct Row {
    const char* path;
    const char* surface;
    const char* desc;
  };
  struct Case {
    const char* name;
    std::vector<Row> rows;
    size_t findings;
  };
  const std::vector<Case> kCases = {
      {"no period, two articles: maybe two markets or two years",
       {{"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国"},
        {"b.txt", "30%", "30 % k=share e=华为 m=market_share s=中国"}},
       0},
      {"the same period, two articles: one market",
       {{"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国 t=2023"},
        {"b.txt", "30%", "30 % k=share e=华为 m=market_share s=中国 t=2023"}},
       1},
      {"different scopes",
       {{"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "30%", "30 % k=share e=华为 m=market_share s=全球"}},
       0},
      {"rounding brings it back to 100%",
       {{"a.txt", "70%", "70 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "30.4%", "30.4 % k=share e=华为 m=market_share s=中国"}},
       0},
      {"approximate figures may be lower",
       {{"a.txt", "约60%", "60 % q=approx k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "约50%", "50 % q=approx k=share e=华为 m=market_share s=中国"}},
       0},
      {"one company twice counts with its lowest figure",
       {{"a.txt", "85%", "85 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "20%", "20 % k=share e=AMD m=market_share s=中国"}},
       0},
      {"one company alone is share-over-100's business",
       {{"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "70%", "70 % k=share e=英伟达 m=market_share s=中国"}},
       0},
      {"an at-most figure may be near zero",
       {{"a.txt", "80%", "80 % k=share e=英伟达 m=market_share s=中国"},
        {"a.txt", "不到30%", "30 % q=at_most k=share e=华为 m=market_share s=中国"}},
       0},
  };
  for (const Case& k : kCases) {
    INFO(k.name);
    Corpus c;
    int n = 0;
    for (const Row& r : k.rows) {
      // One sentence per figure, so no two figures share a sentence.
      c.Claim(r.path, std::string("第") + std::to_string(++n) + "句，份额为" + r.surface + "。", r.surface, r.desc);
    }
    CHECK(Of(c.Run(), "share-sum-over-100").size() == k.findings);
  }
}

}  // namespace
}  // namespace claims::check::testing
