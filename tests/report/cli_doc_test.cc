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
    INFO("docs/cli.md has no section " << heading);
    REQUIRE(doc.find(heading) != std::string::npos);
    INFO("claims help " << c.name << " differs from docs/cli.md; regenerate the section");
    CHECK(doc.find("```text\n" + std::string(c.help) + "```") != std::string::npos);
  }
}

}  // namespace
}  // namespace claims::report
