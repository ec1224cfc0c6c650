// claims ci: placeholder until its issue lands; says so and exits 4.
#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {

extern const std::string_view kCiHelp = "usage: claims ci ...\n\nnot built yet\n";

int CmdCi(std::span<const std::string>, Env& env) {
  fmt::print(env.err, "claims: 'ci' is not built yet\n");
  return kExitInternal;
}

}  // namespace claims::cli
