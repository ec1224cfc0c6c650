// contradiction and period rules.
#include <catch2/catch.hpp>

#include "check/check_test_util.h"

namespace claims::check::testing {
namespace {

TEST_CASE("quantifier-contradiction: 大部分 with about 20%", "[check][contradiction]") {
  Corpus c;
  c.Claim("a.txt", "就营收而言，中国已占该公司收入的大部分，约为20%。", "20%",
          "20 % q=approx k=share e=英伟达 m=revenue_share");
  CheckResult r = c.Run();
  auto f = Of(r, "quantifier-contradiction");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].details.at("word") == "大部分");
}

TEST_CASE("quantifier-contradiction: words that do not govern the number", "[check][contradiction]") {
  Corpus c;
  c.Claim("a.txt", "大部分库存并未报废，但回收率可能达不到100%。", "100%", "100 % q=at_most k=share");
  c.Claim("b.txt", "少数几家公司合计占了35%的份额。", "35%", "35 % k=share");
  c.Claim("c.txt", "过半数受访者，即62%，表示支持。", "62%", "62 % k=share");
  c.Claim("d.txt", "只有少数用户，约8%，选择付费。", "8%", "8 % q=approx k=share");
  CheckResult r = c.Run();
  CHECK(r.findings.empty());
}

TEST_CASE("quantifier-contradiction: 少数 with a majority", "[check][contradiction]") {
  Corpus c;
  c.Claim("a.txt", "只有少数员工，约70%，参加了培训。", "70%", "70 % q=approx k=share");
  auto f = Of(c.Run(), "quantifier-contradiction");
  REQUIRE(f.size() == 1);
}

TEST_CASE("direction-contradiction: 下降 to a higher figure", "[check][contradiction]") {
  Corpus c;
  const char* s = "公司毛利率从56%下降至64%。";
  c.Claim("a.txt", s, "56%", "56 % e=己公司 m=gross_margin");
  c.Claim("a.txt", s, "64%", "64 % e=己公司 m=gross_margin");
  const char* fine = "份额从80%降至50%-60%。";
  c.Claim("b.txt", fine, "80%", "80 % k=share");
  c.Claim("b.txt", fine, "50%-60%", "50..60 % k=share");
  CheckResult r = c.Run();
  auto f = Of(r, "direction-contradiction");
  REQUIRE(f.size() == 1);
  CHECK(f[0].claims[0].path == "a.txt");
}

TEST_CASE("direction-contradiction: 从<year>的X下降至<year>的Y", "[check][contradiction]") {
  // The usual way to compare two years; found missing on our own articles.
  // The consistent fall and a 从事…的 clause stay quiet.
  Corpus c;
  const char* s = "该公司营收从2022年的6423亿元下降至2023年的7042亿元。";
  c.Claim("a.txt", s, "6423亿元", "642300000000 CNY e=辛公司 m=revenue t=2022");
  c.Claim("a.txt", s, "7042亿元", "704200000000 CNY e=辛公司 m=revenue t=2023");
  const char* fine = "毛利率从去年同期的25.6%下降至18.2%。";
  c.Claim("b.txt", fine, "25.6%", "25.6 % e=辛公司 m=gross_margin");
  c.Claim("b.txt", fine, "18.2%", "18.2 % e=辛公司 m=gross_margin");
  const char* other = "从事芯片业务的员工为1200人，下降至900人。";
  c.Claim("c.txt", other, "1200人", "1200 count");
  c.Claim("c.txt", other, "900人", "900 count");
  auto f = Of(c.Run(), "direction-contradiction");
  REQUIRE(f.size() == 1);
  CHECK(f[0].claims[0].path == "a.txt");
}

TEST_CASE("direction-contradiction: 翻番 beside a 30% rise", "[check][contradiction]") {
  Corpus c;
  c.Claim("a.txt", "今年公司营收翻番，同比增长30%。", "30%", "30 % k=change d=+ b=yoy");
  c.Claim("b.txt", "今年公司营收翻了一番，同比增长102%。", "102%", "102 % k=change d=+ b=yoy");
  auto f = Of(c.Run(), "direction-contradiction");
  REQUIRE(f.size() == 1);
  CHECK(f[0].claims[0].path == "a.txt");
}

TEST_CASE("period-shift: this year's edition of a yearly event", "[check][period]") {
  // Found on our own articles: two reports of an autumn launch, each dated
  // in its own year and naming it, were "one event dated 2 years apart".
  // A report that dates the launch in another year than its own still is.
  const char* then = "2022年9月，癸公司在秋季新品发布会上推出新一代手机，起售价为5999元。";
  for (const char* year : {"2024", "2021"}) {
    Corpus c;
    c.SetDate("old.txt", "2022-09-08");
    c.SetDate("new.txt", "2024-09-10");
    c.Date("old.txt", then, "2022年9月", "2022-09");
    c.Claim("old.txt", then, "5999元", "5999 CNY");  // articles are dated through their claims
    std::string now = std::string(year) + "年9月，癸公司在秋季新品发布会上推出又一代手机，起售价为5999元。";
    c.Date("new.txt", now, std::string(year) + "年9月", std::string(year) + "-09");
    c.Claim("new.txt", now, "5999元", "5999 CNY");
    INFO(year);
    CHECK(Of(c.Run(), "period-shift").size() == (std::string(year) == "2024" ? 0u : 1u));
  }
}

TEST_CASE("period-shift: a phrase one article dates in two years recurs", "[check][period]") {
  // A monthly release: one article compares this October with an earlier
  // one, so another article's October of a third year is a third edition.
  Corpus c;
  c.SetDate("a.txt", "2024-11-16");
  c.SetDate("b.txt", "2022-11-10");
  const char* s1 = "2024年10月，统计部门发布的数据显示，全国居民消费价格同比上涨0.3%。";
  const char* s2 = "2021年10月，统计部门发布的数据显示，全国居民消费价格同比上涨1.5%。";
  const char* s3 = "2023年10月，统计部门发布的数据显示，全国居民消费价格同比下降0.2%。";
  c.Date("a.txt", s1, "2024年10月", "2024-10");
  c.Claim("a.txt", s1, "0.3%", "0.3 % k=change d=+ b=yoy");
  c.Date("a.txt", s2, "2021年10月", "2021-10");
  c.Claim("a.txt", s2, "1.5%", "1.5 % k=change d=+ b=yoy");
  c.Date("b.txt", s3, "2023年10月", "2023-10");
  c.Claim("b.txt", s3, "0.2%", "0.2 % k=change d=- b=yoy");
  CHECK(Of(c.Run(), "period-shift").empty());
}

TEST_CASE("period-shift: the same export rule dated four years apart", "[check][period]") {
  Corpus c;
  c.SetDate("new.txt", "2024-01-22");
  c.Claim("new.txt", "营收占比约为20%。", "20%", "20 % q=approx k=share");
  c.Date("new.txt", "去年10月，美国再次收紧芯片出口管制规则。", "去年10月", "rel:-1y");
  c.Date("old.txt", "2019年10月底，美国开始了第二轮AI芯片出口管制。", "2019年10月底", "2019-10");
  CheckResult r = c.Run();
  auto f = Of(r, "period-shift");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].details.at("years") == "2023 vs 2019");
  CHECK(f[0].details.at("shared_phrase") == "出口管制");
  CHECK(f[0].locations.size() == 2);
}

TEST_CASE("period-shift: a relative year and its month given as two mentions", "[check][period]") {
  Corpus c;
  c.SetDate("new.txt", "2024-01-22");
  c.Claim("new.txt", "营收占比约为20%。", "20%", "20 % q=approx k=share");
  const char* s = "去年10月，美国再次收紧芯片出口管制规则。";
  c.Date("new.txt", s, "去年", "rel:-1y");
  c.Date("new.txt", s, "10月", "--10");
  c.Date("old.txt", "2019年10月底，美国开始了第二轮AI芯片出口管制。", "2019年10月", "2019-10");
  auto f = Of(c.Run(), "period-shift");
  REQUIRE(f.size() == 1);
  CHECK(f[0].locations[0].surface == "去年10月");
}

TEST_CASE("period-shift: agreeing dates, and an article naming both years", "[check][period]") {
  Corpus c;
  c.SetDate("new.txt", "2024-01-22");
  c.Claim("new.txt", "营收占比约为20%。", "20%", "20 % q=approx k=share");
  c.Date("new.txt", "去年10月，美国再次收紧芯片出口管制规则。", "去年10月", "rel:-1y");
  c.Date("b.txt", "2023年10月，美国更新了芯片出口管制规则。", "2023年10月", "2023-10");
  c.Date("c.txt", "2022年10月，美国首次发布芯片出口管制规则。", "2022年10月", "2022-10");
  c.Date("c.txt", "2023年10月，美国又升级了芯片出口管制规则。", "2023年10月", "2023-10");
  CheckResult r = c.Run();
  CHECK(Serious(r).empty());
  CHECK(r.summary.consistent >= 1);
}

TEST_CASE("period-shift: an undated article's 去年 is an estimate, so a note", "[check][period]") {
  Corpus c;
  c.Date("new.txt", "公司计划于2024年二季度量产。", "2024年", "2024");
  c.Date("new.txt", "去年10月，美国再次收紧芯片出口管制规则。", "去年10月", "rel:-1y");
  c.Date("old.txt", "2019年10月底，美国开始了第二轮AI芯片出口管制。", "2019年10月底", "2019-10");
  auto f = Of(c.Run(), "period-shift");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kInfo);
  CHECK(f[0].message.find("undated") != std::string::npos);
}

TEST_CASE("period-shift: a copy of a sentence with its year changed", "[check][period]") {
  Corpus c;
  const char* good = "2023年，这家公司在国内的出货量首次超过了主要竞争对手。";
  const char* bad = "2013年，这家公司在国内的出货量首次超过了主要竞争对手。";
  c.Date("a.txt", good, "2023年", "2023");
  c.Date("b.txt", good, "2023年", "2023");
  c.Date("c.txt", bad, "2013年", "2013");
  auto f = Of(c.Run(), "period-shift");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].locations[0].path == "c.txt");
  CHECK(f[0].details.at("years") == "2013 vs 2023");
}

TEST_CASE("as-of-date-far: an as-of date five years before the article", "[check][period]") {
  Corpus c;
  c.SetDate("a.txt", "2024-02-05");
  c.Claim("a.txt", "公司市值约2万亿美元。", "2万亿美元", "2000000000000 USD q=approx");
  c.Date("a.txt", "截至2019年2月2日收盘，公司股价再创新高。", "2019年2月2日", "2019-02-02");
  c.Date("a.txt", "截至2023年底，公司员工超过2万人。", "2023年底", "2023");
  // A year-end figure from history (found on our own market report) is not
  // the article's own moment.
  c.Date("a.txt", "截至2019年底，港股通累计净流入超过1万亿港元。", "2019年底", "2019");
  auto f = Of(c.Run(), "as-of-date-far");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kInfo);
  CHECK(f[0].details.at("as_of_year") == "2019");
}

}  // namespace
}  // namespace claims::check::testing
