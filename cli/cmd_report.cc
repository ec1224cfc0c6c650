// claims report: placeholder until its issue lands; says so and exits 4.
#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {

extern const std::string_view kReportHelp = "usage: claims report ...\n\nnot built yet\n";

int CmdReport(std::span<const std::string>, Env& env) {
  fmt::print(env.err, "claims: 'report' is not built yet\n");
  return kExitInternal;
}

}  // namespace claims::cli
