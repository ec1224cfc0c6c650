#include "cli/args.h"

#include <catch2/catch.hpp>

namespace claims::cli {
namespace {

constexpr OptionSpec kSpecs[] = {
    {"db", 0, true}, {"output", 'o', true}, {"bom", 0, false}, {"rule", 0, true}};

Result<Args> Parse(std::vector<std::string> v) { return ParseArgs(v, kSpecs); }

TEST_CASE("ParseArgs reads options, flags and positionals", "[cli]") {
  auto a = Parse({"--db", "x.db", "-o", "out.csv", "--bom", "a.txt", "-", "--rule=r1", "--rule", "r2"});
  REQUIRE(a.ok());
  CHECK(a->Get("db") == "x.db");
  CHECK(a->Get("output") == "out.csv");
  CHECK(a->Has("bom"));
  CHECK_FALSE(a->Has("missing"));
  CHECK(a->Get("missing", "dflt") == "dflt");
  CHECK(a->GetAll("rule") == std::vector<std::string>{"r1", "r2"});
  CHECK(a->positional == std::vector<std::string>{"a.txt", "-"});
}

TEST_CASE("ParseArgs: -- ends options", "[cli]") {
  auto a = Parse({"--", "--db", "-o"});
  REQUIRE(a.ok());
  CHECK(a->positional == std::vector<std::string>{"--db", "-o"});
}

TEST_CASE("ParseArgs rejects unknown options and missing values", "[cli]") {
  CHECK(Parse({"--nope"}).status().message() == "unknown option --nope");
  CHECK(Parse({"--db"}).status().message() == "option --db needs a value");
  CHECK(Parse({"--bom=1"}).status().message() == "option --bom takes no value");
  CHECK(Parse({"--db"}).status().code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace claims::cli
