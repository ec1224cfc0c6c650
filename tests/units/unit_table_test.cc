#include "units/unit_table.h"

#include <map>

#include <catch2/catch.hpp>

namespace claims::units {
namespace {

TEST_CASE("The embedded unit data loads and every row is valid", "[units]") {
  const UnitTable& t = UnitTable::Default();
  REQUIRE(t.units().size() > 50);
  for (const UnitInfo& u : t.units()) {
    INFO(u.alias);
    CHECK_FALSE(u.alias.empty());
    CHECK_FALSE(u.canonical.empty());
    CHECK_FALSE(u.dimension.empty());
    CHECK(u.factor.sign() > 0);
  }
  // Every canonical code belongs to exactly one dimension.
  std::map<std::string, std::string> dim;
  for (const UnitInfo& u : t.units()) {
    auto [it, inserted] = dim.emplace(u.canonical, u.dimension);
    INFO(u.alias << " " << u.canonical);
    CHECK(it->second == u.dimension);
  }
}

TEST_CASE("Unit and magnitude lookups", "[units]") {
  const UnitTable& t = UnitTable::Default();
  struct { const char* alias; const char* canonical; const char* factor; } cases[] = {
      {"美元", "USD", "1"}, {"美分", "USD", "0.01"}, {"TB/s", "B/s", "1000000000000"},
      {"TB/秒", "B/s", "1000000000000"}, {"teraFLOPS", "FLOPS", "1000000000000"},
      {"纳米", "m", "0.000000001"}, {"个百分点", "pp", "1"}, {"GiB", "B", "1073741824"},
  };
  for (const auto& c : cases) {
    INFO(c.alias);
    const UnitInfo* u = t.FindUnit(c.alias);
    REQUIRE(u != nullptr);
    CHECK(u->canonical == c.canonical);
    CHECK(u->factor.ToString() == c.factor);
  }
  CHECK(t.FindUnit("不是单位") == nullptr);
  REQUIRE(t.FindMagnitude("万亿") != nullptr);
  CHECK(t.FindMagnitude("万亿")->ToString() == "1000000000000");
}

TEST_CASE("FromTsv reports bad rows with file and line", "[units]") {
  CHECK(UnitTable::FromTsv("# c\n美元\tUSD\tcurrency\tabc\n", "").status().message() ==
        "units.tsv:2: factor 'abc' is not an exact positive decimal");
  CHECK(UnitTable::FromTsv("美元\tUSD\tcurrency\t1\n美元\tUSD\tcurrency\t1\n", "").status().message() ==
        "units.tsv:2: alias '美元' appears twice");
  CHECK(UnitTable::FromTsv("美元\tUSD\n", "").status().message() == "units.tsv:1: expected 4 columns, found 2");
  CHECK(UnitTable::FromTsv("", "万\t0\n").status().message() == "magnitudes.tsv:1: factor '0' is not an exact positive decimal");
}

}  // namespace
}  // namespace claims::units
