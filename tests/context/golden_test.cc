// Golden fixtures: fixtures/context/<name>.txt run through the real pipeline
// (normalise -> extract -> attach) and compared with <name>.expected, one line
// per claim: "<surface>\t<ContextDebugString>", then one per date mention. A first line "date: 2024-01-22"
// gives the article's date and is not part of the text. A missing or
// different .expected fails and prints the actual output to review and save.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "context/context.h"
#include "context/lexicon.h"
#include "context/period.h"
#include "extract/extractor.h"
#include "text/normalize.h"
#include "units/unit_table.h"

namespace claims::context {
namespace {

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Run(std::string text) {
  std::string date;
  if (text.starts_with("date: ")) {
    size_t nl = text.find('\n');
    date = text.substr(6, nl - 6);
    text.erase(0, nl + 1);
  }
  static const Extractor extractor(units::UnitTable::Default());
  static const Attacher attacher(Lexicon::Default());
  text::NormalizedText norm = text::Normalize(text);
  Extraction ex = extractor.Extract(text, norm);
  attacher.Attach(ArticleContext{date}, norm.utf8, &ex);
  std::string out;
  for (const ExtractedClaim& c : ex.claims) {
    out += c.claim.surface + "\t" + ContextDebugString(c.claim) + "\n";
  }
  // Dates the extractor found, resolved the way the checker resolves them.
  for (const ExtractedMention& m : ex.mentions) {
    if (m.mention.type != Mention::Type::kDate) continue;
    out += "date " + m.mention.surface + "\t" + m.mention.value + " => " +
           ResolveDateValue(m.mention.value, date) + "\n";
  }
  return out;
}

TEST_CASE("Context golden fixtures", "[context][golden]") {
  std::filesystem::path dir = std::filesystem::path(CLAIMS_SOURCE_DIR) / "fixtures" / "context";
  std::vector<std::filesystem::path> inputs;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 8);
  for (const auto& in : inputs) {
    std::filesystem::path expected_path = in;
    expected_path.replace_extension(".expected");
    std::string got = Run(ReadFile(in));
    INFO(in.filename().string() << ": actual output follows; review it and save it as "
                                << expected_path.filename().string() << "\n" << got);
    REQUIRE(std::filesystem::exists(expected_path));
    CHECK(ReadFile(expected_path) == got);
  }
}

}  // namespace
}  // namespace claims::context
