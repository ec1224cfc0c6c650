// A small argv parser shared by every subcommand: long options ("--db PATH",
// "--db=PATH"), short aliases ("-o FILE"), flags, repeated options, "-" and
// "--" handling. Tested as a library (tests/cli/args_test.cc).
#ifndef CLAIMS_CLI_ARGS_H_
#define CLAIMS_CLI_ARGS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claims::cli {

struct OptionSpec {
  std::string_view name;     // "db" for --db
  char short_name = 0;       // 'o' for -o, 0 for none
  bool takes_value = false;  // --db PATH vs --bom
};

struct Args {
  std::map<std::string, std::vector<std::string>, std::less<>> values;  // flags hold ""
  std::vector<std::string> positional;

  bool Has(std::string_view name) const { return values.find(name) != values.end(); }
  // The last value given, or `fallback`.
  std::string Get(std::string_view name, std::string_view fallback = "") const;
  std::vector<std::string> GetAll(std::string_view name) const;
};

// Unknown options and missing values are kInvalidArgument with a message that
// names the option. A lone "-" is a positional (stdin); "--" ends options.
Result<Args> ParseArgs(std::span<const std::string> args, std::span<const OptionSpec> specs);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_ARGS_H_
