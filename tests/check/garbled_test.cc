// garbled: price vs market value, bare model letters, malformed numbers,
// shares above 100%.
#include <catch2/catch.hpp>

#include "check/check_test_util.h"

namespace claims::check::testing {
namespace {

TEST_CASE("price-vs-market-cap: a one-dollar price beside a two-trillion value", "[check][garbled]") {
  Corpus c;
  const char* s = "收盘时该公司股价已突破1美元/股，市值有望超过2万亿美元。";
  c.Claim("a.txt", s, "1美元/股", "1 USD/share q=at_least e=英伟达 m=stock_price");
  c.Claim("a.txt", s, "2万亿美元", "2000000000000 USD q=at_least e=英伟达 m=market_cap");
  CheckResult r = c.Run();
  auto f = Of(r, "price-vs-market-cap");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].details.at("implied_shares") == "2000000000000");
}

TEST_CASE("price-vs-market-cap: a plausible price is fine", "[check][garbled]") {
  Corpus c;
  const char* s = "收盘时该公司股价已突破700美元/股，市值超过1.7万亿美元。";
  c.Claim("a.txt", s, "700美元/股", "700 USD/share q=at_least e=英伟达 m=stock_price");
  c.Claim("a.txt", s, "1.7万亿美元", "1700000000000 USD q=at_least e=英伟达 m=market_cap");
  CheckResult r = c.Run();
  CHECK(r.findings.empty());
  CHECK(r.summary.consistent == 1);
}

TEST_CASE("bare-model-letter: A and H where the corpus knows A100 and H100", "[check][garbled]") {
  Corpus c;
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "A100");
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "H100");
  c.Model("x.txt", "新推出的H20面向中国市场。", "H20");
  c.Claim("x.txt", "此前被禁的A、H芯片之外，又有约3款产品被限制。", "3款",
          "3 count q=approx");
  c.Claim("x.txt", "新推出的H20的算力只有英伟达 H的15%。", "15%", "15 % k=ratio e=H20 m=compute be=H");
  // Not model names: share classes, an anonymised company, a card nickname.
  c.Claim("y.txt", "该行A股和H股分别上涨2%。", "2%", "2 % k=change d=+");
  c.Claim("y.txt", "A公司去年营收增长30%。", "30%", "30 % k=change d=+");
  c.Claim("y.txt", "越南的Hông Phát超市开了第4家店，营收增长8%。", "8%", "8 % k=change d=+");
  CheckResult r = c.Run();
  auto f = Of(r, "bare-model-letter");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  REQUIRE(f[0].locations.size() == 3);
  CHECK(f[0].locations[0].surface == "A");
  CHECK(f[0].locations[1].surface == "H");
  CHECK(f[0].locations[2].surface == "H");
  CHECK(f[0].details.at("letters") == "AH");
  CHECK(f[0].message.find("H100") != std::string::npos);
  // The offsets point at the letter itself.
  const Location& l = f[0].locations[0];
  CHECK(l.sentence.substr(l.byte_start - l.sentence_start, 1) == "A");
}

TEST_CASE("bare-model-letter: a model written with full-width digits is no bare letter", "[check][garbled]") {
  // A copy typeset in full width: "H１００" and "Ａ１００" name H100 and
  // A100, the letters are not alone.
  Corpus c;
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "A100");
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "H100");
  c.Claim("y.txt", "美国禁止向中国出口A１００和H１００，约３款产品受限。", "约３款", "3 count q=approx");
  c.Claim("y.txt", "ＮＶＩＤＩＡ H１００的售价约为２.５万美元。", "约为２.５万美元", "25000 USD q=approx");
  CHECK(Of(c.Run(), "bare-model-letter").empty());
}

TEST_CASE("bare-model-letter: copies of an article make one finding", "[check][garbled]") {
  // z.txt is x.txt republished with another figure changed: its lone letters
  // stand in the same sentences, so one finding names both.
  Corpus c;
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "A100");
  c.Model("m.txt", "美国禁止向中国出口A100和H100。", "H100");
  for (const char* path : {"x.txt", "z.txt"}) {
    c.Claim(path, "此前被禁的A、H芯片之外，又有约3款产品被限制。", "3款", "3 count q=approx");
  }
  c.Claim("x.txt", "新品的出货量预计为100万片。", "100万片", "1000000 count");
  c.Claim("z.txt", "新品的出货量预计为10万片。", "10万片", "100000 count");
  c.Claim("w.txt", "此前被禁的A、H芯片之外，还有别的。A卡也不行，约5款。", "5款", "5 count q=approx");
  auto f = Of(c.Run(), "bare-model-letter");
  REQUIRE(f.size() == 2);  // x.txt with its copy z.txt; w.txt (other sentences) on its own
  const Finding& copied = f[0].details.count("copies") ? f[0] : f[1];
  CHECK(copied.details.at("copies") == "2");
  CHECK(copied.message.find("the same in 1 other copy:") != std::string::npos);
  CHECK(copied.locations.size() == 2);
}

TEST_CASE("malformed-number: misplaced separators and two decimal points", "[check][garbled]") {
  Corpus c;
  c.Claim("a.txt", "公司营收为1,00亿元，利润增长5%。", "5%", "5 % k=change d=+");
  c.Claim("b.txt", "营收59.31.5亿美元，市占率为12%。", "12%", "12 % k=share");
  c.Claim("c.txt", "CUDA 11.6.1版本发布，营收1,000亿元，下载量增长40%。", "40%", "40 % k=change d=+");
  CheckResult r = c.Run();
  auto f = Of(r, "malformed-number");
  REQUIRE(f.size() == 2);
  CHECK(f[0].locations[0].surface == "1,00亿");
  CHECK(f[1].locations[0].surface == "59.31.5亿");
}

TEST_CASE("share-over-100: a market share of 120%", "[check][garbled]") {
  Corpus c;
  c.Claim("a.txt", "该公司的市场份额达到120%。", "120%", "120 % k=share e=戊公司 m=market_share");
  c.Claim("b.txt", "该公司营收增长120%。", "120%", "120 % k=change d=+ e=戊公司 m=revenue");
  CheckResult r = c.Run();
  auto f = Of(r, "share-over-100");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].claims[0].path == "a.txt");
}

}  // namespace
}  // namespace claims::check::testing
