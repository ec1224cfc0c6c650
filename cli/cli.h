// The command-line front end: argv in, library calls, text out, exit codes.
// Only this folder prints or exits.
#ifndef CLAIMS_CLI_CLI_H_
#define CLAIMS_CLI_CLI_H_

#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claims::cli {

// Exit codes. Stable once released; documented in docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,        // success, nothing at or above --fail-on
  kExitFindings = 1,  // check/ci: findings at or above --fail-on
  kExitUsage = 2,     // bad command line
  kExitInput = 3,     // some input could not be read or decoded, or a store error
  kExitInternal = 4,  // a bug
};

// Where a command reads and writes. Tests pass memory streams.
struct Env {
  std::FILE* in = stdin;
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool err_is_tty = false;
  bool out_is_tty = false;
  // Environment lookups (CLAIMS_DB) go through here so tests control them.
  std::string (*getenv)(const char* name) = nullptr;
};

using CommandFn = int (*)(std::span<const std::string> args, Env& env);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `claims --help`
  std::string_view help;     // the full text for `claims help NAME`
  CommandFn run;
};

std::span<const Command> Commands();

// Entry point: argv[0] is the program name.
int Main(std::span<const std::string> argv, Env& env);

// Prints "claims: <status>" on env.err and returns the matching exit code.
int ReportStatus(const Status& status, Env& env);
int ExitCodeFor(const Status& status);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_CLI_H_
