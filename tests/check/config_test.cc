// claims.toml reader.
#include <catch2/catch.hpp>

#include "check/check.h"

namespace claims::check {
namespace {

TEST_CASE("config: every section", "[check][config]") {
  auto r = ParseConfig(
      "# checker settings\n"
      "[tolerance]\n"
      "approx = 0.15   # 约 means ±15%\n"
      "\n"
      "[rules]\n"
      "disable = [\"as-of-date-far\", \"bare-model-letter\",]\n"
      "[severity]\n"
      "value-conflict = \"error\"\n"
      "\"period-shift\" = \"info\"\n");
  REQUIRE(r.ok());
  CHECK(r->approx_tolerance == *Decimal::Parse("0.15"));
  CHECK(r->disabled == std::set<std::string>{"as-of-date-far", "bare-model-letter"});
  CHECK(r->severity.at("value-conflict") == Severity::kError);
  CHECK(r->severity.at("period-shift") == Severity::kInfo);
}

TEST_CASE("config: defaults from an empty file", "[check][config]") {
  auto r = ParseConfig("");
  REQUIRE(r.ok());
  CHECK(r->approx_tolerance == *Decimal::Parse("0.1"));
  CHECK(r->disabled.empty());
}

TEST_CASE("config: errors name the line", "[check][config]") {
  struct Case { const char* text; const char* message; };
  const Case cases[] = {
      {"[tolerance]\napprox = lots\n", "config line 2: approx must be a decimal in [0, 1), e.g. 0.10"},
      {"[tolerance]\napprox = 1.5\n", "config line 2: approx must be a decimal in [0, 1), e.g. 0.10"},
      {"[toleranse]\n", "config line 1: unknown section [toleranse]"},
      {"approx = 0.1\n", "config line 1: 'approx' outside a section"},
      {"[rules]\ndisable = [\"no-such-rule\"]\n", "config line 2: unknown rule 'no-such-rule'"},
      {"[rules]\ndisable = \"value-conflict\"\n",
       "config line 2: expected an array of strings: [\"rule-id\", ...]"},
      {"[severity]\nvalue-conflict = \"fatal\"\n",
       "config line 2: severity must be \"info\", \"warning\" or \"error\""},
      {"[severity]\nvalue-conflict\n", "config line 2: expected key = value"},
      {"[rules\n", "config line 1: unterminated section header"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = ParseConfig(c.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
    CHECK(r.status().message() == c.message);
  }
}

TEST_CASE("config: options change what runs", "[check][config]") {
  std::vector<StoredClaim> claims(1);
  Claim& c = claims[0].claim;
  c.surface = "120%";
  c.sentence = "份额为120%。";
  c.byte_start = 9;
  c.value_lo = c.value_hi = Decimal(120);
  c.unit = "%";
  c.dimension = "percent";
  c.kind = Kind::kShare;
  claims[0].article_hash = "h";
  CheckOptions opts;
  CHECK(Run(claims, {}, opts).findings.size() == 1);
  opts.severity["share-over-100"] = Severity::kInfo;
  auto r = Run(claims, {}, opts);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].severity == Severity::kInfo);
  CHECK(r.summary.by_severity.at("info") == 1);
  opts.disabled.insert("share-over-100");
  CHECK(Run(claims, {}, opts).findings.empty());
  CheckOptions only;
  only.only.insert("value-conflict");
  CHECK(Run(claims, {}, only).findings.empty());
}

TEST_CASE("rules: ids are unique kebab-case and findable", "[check][config]") {
  std::set<std::string_view> ids;
  for (const RuleInfo& r : Rules()) {
    CHECK(ids.insert(r.id).second);
    for (char ch : r.id) CHECK(((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'));
    CHECK(FindRule(r.id) == &r);
    CHECK(!r.description.empty());
  }
  CHECK(FindRule("nope") == nullptr);
}

}  // namespace
}  // namespace claims::check
