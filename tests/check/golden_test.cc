// Golden files: fixtures/check/<name>.claims.tsv (claim and mention rows we
// wrote by hand) -> check::Run -> DumpFindings, compared with
// fixtures/check/<name>.expected.
//
// Row formats (TAB-separated, "-" for empty, '#' comments):
//   claim  path date surface value unit qualifier kind direction entity metric
//          period scope base base_entity precision sentence
//   (direction is + - or 0)
//   date   path date surface value sentence
//   model  path date surface -     sentence
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "check/check_test_util.h"

namespace claims::check::testing {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, '\t')) out.push_back(cell == "-" ? "" : cell);
  return out;
}

Corpus LoadTsv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  Corpus c;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    INFO(path << ":" << n);
    REQUIRE(f.size() >= 6);
    if (!f[2].empty()) c.SetDate(f[1], f[2]);
    if (f[0] == "date") { c.Date(f[1], f[5], f[3], f[4]); continue; }
    if (f[0] == "model") { c.Model(f[1], f[5], f[3]); continue; }
    REQUIRE(f[0] == "claim");
    REQUIRE(f.size() == 17);
    StoredClaim& sc = c.Claim(f[1], f[16], f[3], f[4] + " " + f[5]);
    Claim& cl = sc.claim;
    if (!f[6].empty()) REQUIRE(ParseQualifier(f[6], &cl.qualifier));
    if (!f[7].empty()) REQUIRE(ParseKind(f[7], &cl.kind));
    // The direction column is "+", "-" or "0" (none): "-" is not "empty" here.
    REQUIRE(ParseDirection(f[8] == "0" ? "" : f[8].empty() ? "-" : f[8], &cl.direction));
    cl.entity = f[9];
    cl.metric = f[10];
    cl.period = f[11];
    cl.scope = f[12];
    cl.base = f[13];
    cl.base_entity = f[14];
    if (!f[15].empty()) cl.precision = *Decimal::Parse(f[15]);
  }
  return c;
}

void CheckGolden(const std::string& name) {
  std::string dir = std::string(CLAIMS_SOURCE_DIR) + "/fixtures/check/";
  Corpus c = LoadTsv(dir + name + ".claims.tsv");
  CheckResult r = c.Run();
  std::string actual = DumpFindings(r.findings);
  actual += "summary: " + std::to_string(r.summary.claims) + " claims, " +
            std::to_string(r.summary.groups_compared) + " groups compared, " +
            std::to_string(r.summary.consistent) + " consistent, " +
            std::to_string(r.summary.findings) + " findings\n";
  // What `claims check` runs: the same findings, their claims left in the
  // table until each is materialized.
  ClaimTable table;
  for (const StoredClaim& sc : c.claims) table.Add(sc);
  for (const auto& [loc, m] : c.mentions) table.Add(loc, m);
  CheckResult compact = RunCompact(table, CheckOptions{});
  REQUIRE(compact.findings.size() == r.findings.size());
  for (Finding& f : compact.findings) {
    CHECK(f.claims.empty());
    Materialize(&f);
    CHECK(f.claim_refs.empty());
  }
  CHECK(DumpFindings(compact.findings) == DumpFindings(r.findings));
  std::ifstream in(dir + name + ".expected");
  if (!in.good()) {
    std::cout << "----8<----\n" << actual << "----8<----\n";
    FAIL("fixtures/check/" << name << ".expected is missing. Check the findings below by hand, "
         "then save them (printed above, between the ----8<---- markers) as that file.");
  }
  std::stringstream expected;
  expected << in.rdbuf();
  INFO("actual findings:\n" << actual);
  CHECK(expected.str() == actual);
}

TEST_CASE("golden: newsroom corpus", "[check][golden]") { CheckGolden("newsroom"); }
TEST_CASE("golden: market shares of one market", "[check][golden]") { CheckGolden("market_shares"); }

}  // namespace
}  // namespace claims::check::testing
