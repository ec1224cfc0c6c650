// claims check: placeholder until its issue lands; says so and exits 4.
#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {

extern const std::string_view kCheckHelp = "usage: claims check ...\n\nnot built yet\n";

int CmdCheck(std::span<const std::string>, Env& env) {
  fmt::print(env.err, "claims: 'check' is not built yet\n");
  return kExitInternal;
}

}  // namespace claims::cli
