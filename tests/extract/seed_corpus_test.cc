// Reads the real articles in ../shared/corpus/seeds when they are there (CI
// and developer machines) and skips cleanly when not. Nothing from them is
// copied here: the expectations are surfaces and values the issue names.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "units/unit_table.h"

namespace claims {
namespace {

namespace fs = std::filesystem;

std::vector<Claim> ExtractSeed(const std::string& prefix) {
  fs::path dir = fs::path(CLAIMS_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds";
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    static const Extractor extractor(units::UnitTable::Default());
    text::NormalizedText norm = text::Normalize(text);
    std::vector<Claim> out;
    for (auto& c : extractor.Extract(text, norm).claims) out.push_back(std::move(c.claim));
    return out;
  }
  return {};
}

bool SeedsPresent() {
  return fs::is_directory(fs::path(CLAIMS_SOURCE_DIR) / ".." / "shared" / "corpus" / "seeds");
}

TEST_CASE("Seed articles: the figures the issue names come out exact", "[extract][seeds]") {
  if (!SeedsPresent()) {
    WARN("skipped: ../shared/corpus/seeds is not beside the repository");
    return;
  }
  struct { const char* file; const char* surface; const char* dump; } cases[] = {
      {"000", "59.31亿美元", "claim{5931000000 USD exact level}"},
      {"000", "1.47万亿美元", "claim{1470000000000 USD exact level}"},
      {"000", "4TB/s", "claim{4000000000000 B/s exact level}"},
      {"000", "296 teraFLOPS", "claim{296000000000000 FLOPS exact level}"},
      {"000", "近240%", "claim{240 % approx level}"},
      {"001", "2.5万至4万美元", "claim{25000..40000 USD range level}"},
      {"001", "20 petaflops", "claim{20000000000000000 FLOPS exact level}"},
      {"001", "25分之一", "claim{0.04 fraction exact share}"},
      {"001", "2080亿个", "claim{208000000000 count[个] exact level}"},
      {"001", "4美分", "claim{0.04 USD exact level}"},
      {"002", "45億美元", "claim{4500000000 USD exact level}"},
      {"002", "100萬名", "claim{1000000 count[名] exact level}"},
      {"003", "1亿美元", "claim{100000000 USD exact level}"},
      {"003", "突破1美元/股", "claim{1 USD/share at_least level}"},
      {"003", "约为20%", "claim{20 % approx level}"},
      {"004", "大约五分之一", "claim{0.2 fraction approx share}"},
      {"004", "50%-60%", "claim{50..60 % range level}"},
      {"004", "约 3.9 亿美元", "claim{390000000 USD approx level}"},
  };
  for (const auto& c : cases) {
    INFO(c.file << " " << c.surface);
    std::vector<Claim> claims = ExtractSeed(c.file);
    std::string found;
    for (const Claim& cl : claims) if (cl.surface == c.surface) found = cl.DebugString();
    CHECK(found == c.dump);
  }
}

TEST_CASE("Seed articles: identifiers, dates and model names never become claims", "[extract][seeds]") {
  if (!SeedsPresent()) {
    WARN("skipped: ../shared/corpus/seeds is not beside the repository");
    return;
  }
  const char* never[] = {"2022006215", "1349", "H100", "5880", "11.6", "2024", "2019", "1803", "385", "72 ", "910"};
  for (const char* file : {"000", "001", "002", "003", "004"}) {
    for (const Claim& c : ExtractSeed(file)) {
      for (const char* n : never) {
        INFO(file << ": " << c.surface);
        CHECK(c.surface.find(n) == std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace claims
