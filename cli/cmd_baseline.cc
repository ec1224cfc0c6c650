// claims baseline: placeholder until its issue lands; says so and exits 4.
#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {

extern const std::string_view kBaselineHelp = "usage: claims baseline ...\n\nnot built yet\n";

int CmdBaseline(std::span<const std::string>, Env& env) {
  fmt::print(env.err, "claims: 'baseline' is not built yet\n");
  return kExitInternal;
}

}  // namespace claims::cli
