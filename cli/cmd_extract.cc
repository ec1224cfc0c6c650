#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {

extern const std::string_view kExtractHelp = "usage: claims extract [--format jsonl|tsv|table] FILE...\n";

int CmdExtract(std::span<const std::string>, Env& env) {
  fmt::print(env.err, "claims: 'extract' is not built yet\n");
  return kExitInternal;
}

}  // namespace claims::cli
