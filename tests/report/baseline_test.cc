#include "report/baseline.h"

#include <catch2/catch.hpp>

#include "sample_report.h"

namespace claims::report {
namespace {

TEST_CASE("Baseline: written sorted by fingerprint, one entry per line", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::string text = RenderBaseline(BaselineFromFindings(s.findings));
  CHECK(text ==
        "{\"version\":1,\"findings\":[\n"
        "{\"fingerprint\":\"0badc0ffee0000000000000000000001\",\"rule\":\"share-over-100\","
        "\"summary\":\"news/c.txt: 市场份额120%超过100%\"},\n"
        "{\"fingerprint\":\"77777777777777777777777777777777\",\"rule\":\"change-mismatch\","
        "\"summary\":\"新闻/甲 公司.txt: 同比增长2%无法由文中数字复核 <i>示例</i>\"},\n"
        "{\"fingerprint\":\"f0a1b2c3d4e5f60718293a4b5c6d7e8f\",\"rule\":\"magnitude-slip\","
        "\"summary\":\"新闻/甲 公司.txt: 甲公司2023年营收：6.05亿元是60.5亿元的1/10\"}\n"
        "]}\n");
  CHECK(RenderBaseline({}) == "{\"version\":1,\"findings\":[]}\n");
}

TEST_CASE("Baseline: round trip, filter and prune", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::vector<Finding> accepted = {s.findings[0], s.findings[2]};
  auto parsed = ParseBaseline(RenderBaseline(BaselineFromFindings(accepted)));
  REQUIRE(parsed.ok());
  CHECK(parsed->entries.size() == 2);
  CHECK(parsed->Contains("f0a1b2c3d4e5f60718293a4b5c6d7e8f"));
  std::vector<Finding> fresh = NotInBaseline(s.findings, *parsed);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].rule == "share-over-100");

  size_t removed = 0;
  std::vector<Finding> now = {s.findings[1], s.findings[2]};
  Baseline pruned = PruneBaseline(*parsed, now, &removed);
  CHECK(removed == 1);
  REQUIRE(pruned.entries.size() == 1);
  CHECK(pruned.entries[0].fingerprint == "77777777777777777777777777777777");
}

TEST_CASE("Baseline: long summaries are cut at a character boundary", "[report]") {
  testing::Sample s = testing::MakeSample();
  s.findings[0].message = std::string(300, 'x') + "营收";
  s.findings[0].message.insert(150, "营收营收营收");
  Baseline b = BaselineFromFindings(std::span<const Finding>(s.findings.data(), 1));
  REQUIRE(b.entries.size() == 1);
  CHECK(b.entries[0].summary.size() <= 160 + 3);
  CHECK(b.entries[0].summary.substr(b.entries[0].summary.size() - 3) == "…");
}

TEST_CASE("Baseline: bad files are refused with a reason", "[report]") {
  CHECK(ParseBaseline("not json").status().code() == Status::Code::kBadInput);
  CHECK(ParseBaseline("[]").status().message() == "baseline: not a JSON object");
  CHECK(ParseBaseline("{\"findings\":[]}").status().message() == "baseline: no \"version\"");
  CHECK(ParseBaseline("{\"version\":2,\"findings\":[]}").status().message().find("version 2 is not supported") !=
        std::string::npos);
  CHECK(ParseBaseline("{\"version\":1,\"findings\":[{\"rule\":\"x\"}]}").status().message() ==
        "baseline: entry 1 has no \"fingerprint\"");
  auto ok = ParseBaseline("{\"version\":1,\"findings\":[{\"fingerprint\":\"b\"},{\"fingerprint\":\"a\",\"x\":1}]}");
  REQUIRE(ok.ok());
  CHECK(ok->entries[0].fingerprint == "a");
}

}  // namespace
}  // namespace claims::report
