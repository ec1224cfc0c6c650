#include <catch2/catch.hpp>
#include <string>

#include "store/store.h"

namespace claims::store {
namespace {

std::unique_ptr<Store> OpenMemory() {
  Result<std::unique_ptr<Store>> s = Store::Open(":memory:");
  REQUIRE(s.ok());
  return std::move(s).value();
}

StoredClaim MakeStored(const std::string& path, const char* value) {
  StoredClaim c;
  c.id = 7;
  c.path = path;
  c.article_hash = "hash-" + path;
  c.article_date = "2024-01-22";
  c.claim.byte_start = 4;
  c.claim.byte_end = 12;
  c.claim.line = 2;
  c.claim.surface = std::string(value) + "亿美元";
  c.claim.value_lo = c.claim.value_hi = *Decimal::Parse(value);
  c.claim.precision = *Decimal::Parse("0.1");
  c.claim.unit = "USD";
  c.claim.dimension = "currency";
  c.claim.entity = "某公司";
  c.claim.metric = "revenue";
  c.claim.sentence = "某公司营收" + c.claim.surface + "。";
  return c;
}

Finding MakeFinding(const std::string& rule) {
  Finding f;
  f.rule = rule;
  f.family = "conflict";
  f.severity = Severity::kError;
  f.message = "营收 60.5亿美元 vs 1亿美元";
  f.expected = "about 60.5亿美元";
  f.fingerprint = "fp-" + rule;
  f.claims = {MakeStored("a.txt", "60.5"), MakeStored("b.txt", "-1.25")};
  f.locations = {Location{"c.txt", "hash-c", 3, 10, 11, "A", "A、H芯片"}};
  f.details = {{"ratio", "60.5"}, {"note", "quote \" and 换行\n"}};
  return f;
}

TEST_CASE("findings and the run summary round-trip", "[store][findings]") {
  auto store = OpenMemory();
  CheckSummary empty = *store->LoadSummary();
  CHECK(empty.claims == 0);
  CHECK(store->LoadFindings()->empty());

  CheckSummary summary;
  summary.articles = 3;
  summary.claims = 412;
  summary.groups_compared = 37;
  summary.consistent = 35;
  summary.findings = 2;
  summary.by_rule = {{"value-conflict", 1}, {"magnitude-slip", 1}};
  summary.by_severity = {{"error", 2}};
  REQUIRE(store->SaveFindings({MakeFinding("value-conflict"), MakeFinding("magnitude-slip")}, summary).ok());

  auto findings = store->LoadFindings();
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 2);
  const Finding& f = (*findings)[0];
  Finding want = MakeFinding("value-conflict");
  CHECK(f.rule == want.rule);
  CHECK(f.family == want.family);
  CHECK(f.severity == Severity::kError);
  CHECK(f.message == want.message);
  CHECK(f.expected == want.expected);
  CHECK(f.fingerprint == want.fingerprint);
  CHECK(f.details == want.details);
  REQUIRE(f.claims.size() == 2);
  CHECK(f.claims[1].path == "b.txt");
  CHECK(f.claims[1].article_hash == "hash-b.txt");
  CHECK(f.claims[1].article_date == "2024-01-22");
  CHECK(f.claims[1].id == 7);
  CHECK(f.claims[1].claim.DebugString() == "claim{-1.25 USD exact level}");
  CHECK(f.claims[1].claim.sentence == want.claims[1].claim.sentence);
  CHECK(f.claims[0].claim.precision.ToString() == "0.1");
  REQUIRE(f.locations.size() == 1);
  CHECK(f.locations[0].sentence == "A、H芯片");
  CHECK(f.locations[0].line == 3);
  CHECK((*findings)[1].rule == "magnitude-slip");

  CheckSummary got = *store->LoadSummary();
  CHECK(got.claims == 412);
  CHECK(got.groups_compared == 37);
  CHECK(got.consistent == 35);
  CHECK(got.by_rule == summary.by_rule);
  CHECK(got.by_severity == summary.by_severity);
  CHECK(store->Stats()->findings == 2);

  SECTION("the next run replaces the findings as a whole") {
    CheckSummary next;
    next.claims = 500;
    REQUIRE(store->SaveFindings({MakeFinding("period-shift")}, next).ok());
    auto again = store->LoadFindings();
    REQUIRE(again->size() == 1);
    CHECK((*again)[0].rule == "period-shift");
    CHECK(store->LoadSummary()->claims == 500);
  }
}

}  // namespace
}  // namespace claims::store
