// docs/cli.md holds every command's help text verbatim; this keeps them in sync.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/cli.h"

namespace claims::report {
namespace {

TEST_CASE("docs/cli.md carries each documented command's help text", "[report]") {
  std::ifstream in(std::string(CLAIMS_SOURCE_DIR) + "/docs/cli.md", std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  for (const cli::Command& c : cli::Commands()) {
    const std::string heading = "### claims " + std::string(c.name) + "\n";
    if (doc.find(heading) == std::string::npos) {
      // Commands not yet collected into the doc; report, ci and baseline must be there.
      CHECK(c.name != "report");
      CHECK(c.name != "ci");
      CHECK(c.name != "baseline");
      continue;
    }
    INFO("claims help " << c.name << " differs from docs/cli.md; regenerate the section");
    CHECK(doc.find("```text\n" + std::string(c.help) + "```") != std::string::npos);
  }
}

}  // namespace
}  // namespace claims::report
