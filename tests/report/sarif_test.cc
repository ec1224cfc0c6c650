#include "report/sarif.h"

#include <catch2/catch.hpp>

#include "base/json.h"
#include "sample_report.h"

namespace claims::report {
namespace {

json::Value ParseSarif(const testing::Sample& s, const SarifOptions& options = {}) {
  auto parsed = json::Parse(RenderSarif(s.findings, s.rules, options));
  REQUIRE(parsed.ok());
  return *parsed;
}

TEST_CASE("SARIF: version, driver and rule metadata", "[report]") {
  testing::Sample s = testing::MakeSample();
  json::Value root = ParseSarif(s);
  CHECK(root.GetString("version") == "2.1.0");
  const json::Value& run = root.Find("runs")->items.at(0);
  const json::Value* driver = run.Find("tool")->Find("driver");
  CHECK(driver->GetString("name") == "claims");
  const json::Value& rules = *driver->Find("rules");
  REQUIRE(rules.items.size() == 3);
  CHECK(rules.items[0].GetString("id") == "magnitude-slip");
  CHECK(rules.items[0].GetString("name") == "MagnitudeSlip");
  CHECK(rules.items[1].Find("shortDescription")->GetString("text") == "A share of a whole above 100%.");
  CHECK(rules.items[1].Find("properties")->GetString("family") == "garbled");
  CHECK(rules.items[1].Find("defaultConfiguration")->GetString("level") == "error");
  CHECK(rules.items[0].Find("defaultConfiguration")->GetString("level") == "warning");
}

TEST_CASE("SARIF: results carry level, location, related locations, fingerprints", "[report]") {
  testing::Sample s = testing::MakeSample();
  json::Value root = ParseSarif(s);
  const json::Value& results = *root.Find("runs")->items.at(0).Find("results");
  REQUIRE(results.items.size() == 3);
  const json::Value& slip = results.items[0];
  CHECK(slip.GetString("ruleId") == "magnitude-slip");
  CHECK(slip.GetString("ruleIndex") == "0");
  CHECK(slip.GetString("level") == "warning");
  CHECK(slip.Find("message")->GetString("text") == "甲公司2023年营收：6.05亿元是60.5亿元的1/10 (约60.5亿元)");
  const json::Value* phys = slip.Find("locations")->items.at(0).Find("physicalLocation");
  CHECK(phys->Find("artifactLocation")->GetString("uri") == "%E6%96%B0%E9%97%BB/%E7%94%B2%20%E5%85%AC%E5%8F%B8.txt");
  CHECK(phys->Find("artifactLocation")->GetString("uriBaseId") == "SRCROOT");
  const json::Value* region = phys->Find("region");
  CHECK(region->GetString("startLine") == "1");
  CHECK(region->GetString("byteOffset") == std::to_string(s.findings[0].claims[0].claim.byte_start));
  CHECK(region->GetString("byteLength") == std::to_string(std::string("60.5亿元").size()));
  CHECK(region->Find("snippet")->GetString("text") == "60.5亿元");
  const json::Value& related = *slip.Find("relatedLocations");
  REQUIRE(related.items.size() == 1);
  CHECK(related.items[0].GetString("id") == "1");
  CHECK(related.items[0].Find("physicalLocation")->Find("artifactLocation")->GetString("uri") ==
        "news/b%3C/script%3E%3Cscript%3Ex%28%29%3C/script%3E.txt");
  CHECK(slip.Find("partialFingerprints")->GetString("claimsFingerprint/v1") == "f0a1b2c3d4e5f60718293a4b5c6d7e8f");
  CHECK(results.items[1].GetString("level") == "error");
  CHECK(results.items[2].GetString("level") == "note");
  CHECK(results.items[2].Find("relatedLocations") == nullptr);
}

TEST_CASE("SARIF: absolute paths become file URIs; unknown rules are added", "[report]") {
  testing::Sample s = testing::MakeSample();
  s.findings[2].rule = "new-rule";
  s.findings[2].claims[0].path = "/srv/语料 库/a.txt";
  SarifOptions options;
  options.srcroot_uri = "file:///srv/corpus/";
  json::Value root = ParseSarif(s, options);
  const json::Value& run = root.Find("runs")->items.at(0);
  CHECK(run.Find("originalUriBaseIds")->Find("SRCROOT")->GetString("uri") == "file:///srv/corpus/");
  CHECK(run.Find("tool")->Find("driver")->Find("rules")->items.size() == 4);
  const json::Value& r = run.Find("results")->items.at(2);
  CHECK(r.GetString("ruleIndex") == "3");
  const json::Value* art = r.Find("locations")->items.at(0).Find("physicalLocation")->Find("artifactLocation");
  CHECK(art->GetString("uri") == "file:///srv/%E8%AF%AD%E6%96%99%20%E5%BA%93/a.txt");
  CHECK(art->Find("uriBaseId") == nullptr);
}

TEST_CASE("SARIF: ./ prefixes are dropped from relative URIs", "[report]") {
  CHECK(ArtifactLocationFields("./a b.txt") == R"("uri":"a%20b.txt","uriBaseId":"SRCROOT")");
}

}  // namespace
}  // namespace claims::report
