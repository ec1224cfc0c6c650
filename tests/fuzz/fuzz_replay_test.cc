// The fuzz targets' entries on their regression inputs (fixtures/fuzz/<target>/,
// every crash the fuzzers found), on the fixtures they are seeded from, and on
// generated hostile inputs. An entry throws FuzzFailure naming the invariant
// that broke, so a regression fails here without Clang or libFuzzer.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fuzz/fuzz_entries.h"
#include "number/numeral.h"

namespace claims::fuzz {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  void (*entry)(std::string_view);
};
constexpr Target kTargets[] = {
    {"number", &FuzzNumber}, {"extract", &FuzzExtract}, {"article", &FuzzArticle}, {"store", &FuzzStore}};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> FilesUnder(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && (ext.empty() || e.path().extension() == ext)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs `entry` on `data`; a FuzzFailure (or any exception) fails the test
// with the input's name.
void Replay(const Target& t, const std::string& label, std::string_view data) {
  INFO(t.name << " on " << label << " (" << data.size() << " bytes)");
  try {
    t.entry(data);
    SUCCEED();
  } catch (const std::exception& e) {
    FAIL(e.what());
  }
}

const fs::path kFixtures = fs::path(CLAIMS_SOURCE_DIR) / "fixtures";

}  // namespace

TEST_CASE("every input a fuzzer crashed on stays fixed", "[fuzz]") {
  int replayed = 0;
  for (const Target& t : kTargets) {
    for (const fs::path& p : FilesUnder(kFixtures / "fuzz" / t.name, "")) {
      if (p.filename() == "README.md") continue;
      Replay(t, p.filename().string(), ReadFile(p));
      ++replayed;
    }
  }
  CHECK(replayed > 0);  // the regression folders exist and are read
}

TEST_CASE("the fuzz entries hold on every fixture article", "[fuzz]") {
  std::vector<fs::path> articles = FilesUnder(kFixtures / "extract", ".txt");
  for (const fs::path& p : FilesUnder(kFixtures / "corpus", ".txt")) articles.push_back(p);
  REQUIRE(articles.size() >= 8);
  for (const fs::path& p : articles) {
    std::string data = ReadFile(p);
    for (const Target& t : kTargets) Replay(t, p.filename().string(), data);
  }
}

// Inputs no fixture holds: each is run through every entry (so every
// invariant is checked on it), with what it must produce checked here.
TEST_CASE("hostile inputs keep every invariant", "[fuzz][hostile]") {
  std::string digits(100000, '7');
  std::string yi_run;
  for (int i = 0; i < 20000; ++i) yi_run += "亿";
  struct Case {
    std::string label, data;
  } cases[] = {
      {"100,000 digits", digits},
      {"100,000 digits with a fraction", digits + "." + digits},
      {"100,000 digits then 亿元", "营收" + digits + "亿元。"},
      {"20,000 亿 in a row", "5" + yi_run + "元"},
      {"亿 runs between numbers", "1亿亿亿亿2亿亿亿亿3万万万万4"},
      {"a run of separators", "1" + std::string(5000, ',') + "000"},
      {"exponent overflow", "1e999999999999999999"},
      {"lone CR line ends", "第一行\r营收5亿美元\r\r增长3%\r"},
      {"CRLF line ends", "第一行\r\n营收5亿美元\r\n\r\n增长3%\r\n"},
      {"BOM then text", "\xEF\xBB\xBF营收5亿美元"},
      {"deep JSON nesting", std::string(10000, '[') + std::string(10000, ']')},
      {"JSON lone surrogate", R"({"text":"\ud800 营收5亿美元"})"},
      {"JSON escaped NUL", R"({"text":"a\u0000b","id":"x"})"},
      {"dates at the edge", "2199-12-31 0000-00-00 1900年1月1日 2024/13/45"},
      {"path dots", "./a/../../b//./c/.."},
  };
  for (const Case& c : cases)
    for (const Target& t : kTargets) Replay(t, c.label, c.data);

  // And what the parsers make of them.
  CHECK(number::ParseArabic(digits).error == number::NumeralError::kOverflow);
  CHECK(number::ParseNumeral(digits).error == number::NumeralError::kOverflow);
  CHECK(number::ParseNumeral("5" + yi_run).error == number::NumeralError::kOverflow);
  CHECK_FALSE(Decimal::Parse("1e999999999999999999").has_value());
}

}  // namespace claims::fuzz
