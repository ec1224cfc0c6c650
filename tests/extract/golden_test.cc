// Golden files: fixtures/extract/<name>.txt is an article we wrote;
// <name>.expected holds one line per claim ("line<TAB>surface<TAB>dump").
// A missing or stale .expected fails; CLAIMS_UPDATE_GOLDEN=1 rewrites them.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "units/unit_table.h"

namespace claims {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string DumpArticle(const std::string& text) {
  static const Extractor extractor(units::UnitTable::Default());
  text::NormalizedText norm = text::Normalize(text);
  Extraction ex = extractor.Extract(text, norm);
  std::string out;
  for (const ExtractedClaim& c : ex.claims) {
    out += std::to_string(c.claim.line) + "\t" + c.claim.surface + "\t" + c.claim.DebugString() + "\n";
  }
  return out;
}

TEST_CASE("Extraction matches the golden files in fixtures/extract", "[extract][golden]") {
  fs::path dir = fs::path(CLAIMS_SOURCE_DIR) / "fixtures" / "extract";
  bool update = std::getenv("CLAIMS_UPDATE_GOLDEN") != nullptr;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    std::string got = DumpArticle(ReadAll(entry.path()));
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    INFO(entry.path().filename().string());
    if (!fs::exists(expected_path)) {
      FAIL("missing " << expected_path.filename().string()
                      << ": review the output and write it with CLAIMS_UPDATE_GOLDEN=1 build/tests/claims_tests '[golden]'");
    }
    CHECK(got == ReadAll(expected_path));
    ++checked;
  }
  if (!update) CHECK(checked >= 4);
}

}  // namespace
}  // namespace claims
