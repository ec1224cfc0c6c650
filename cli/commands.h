// One function and one help text per subcommand; each lives in cmd_<name>.cc.
#ifndef CLAIMS_CLI_COMMANDS_H_
#define CLAIMS_CLI_COMMANDS_H_

#include <span>
#include <string>
#include <string_view>

#include "cli/cli.h"

namespace claims::cli {

#define CLAIMS_DECLARE_COMMAND(Name) \
  int Cmd##Name(std::span<const std::string> args, Env& env); \
  extern const std::string_view k##Name##Help

CLAIMS_DECLARE_COMMAND(Extract);
CLAIMS_DECLARE_COMMAND(Ingest);
CLAIMS_DECLARE_COMMAND(Import);
CLAIMS_DECLARE_COMMAND(Forget);
CLAIMS_DECLARE_COMMAND(Stats);
CLAIMS_DECLARE_COMMAND(Export);
CLAIMS_DECLARE_COMMAND(Check);
CLAIMS_DECLARE_COMMAND(Report);
CLAIMS_DECLARE_COMMAND(Ci);
CLAIMS_DECLARE_COMMAND(Baseline);

#undef CLAIMS_DECLARE_COMMAND

}  // namespace claims::cli

#endif  // CLAIMS_CLI_COMMANDS_H_
