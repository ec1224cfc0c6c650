// Dispatch: `claims COMMAND ...`, `claims help COMMAND`, `claims --help`,
// `claims --version`. The command table is explicit, like ninja's kTools[].
#include "cli/cli.h"

#include <fmt/format.h>

#include "cli/commands.h"

namespace claims::cli {
namespace {

const Command kCommands[] = {
    {"extract", "print every numeric claim in articles (no database)", kExtractHelp, &CmdExtract},
    {"ingest", "extract articles into the claims store", kIngestHelp, &CmdIngest},
    {"import", "load records from extract --format records into the store", kImportHelp, &CmdImport},
    {"forget", "remove articles from the store", kForgetHelp, &CmdForget},
    {"stats", "summarise the store", kStatsHelp, &CmdStats},
    {"export", "write claims, articles or findings as CSV or JSONL", kExportHelp, &CmdExport},
    {"check", "flag conflicting and garbled figures across the store", kCheckHelp, &CmdCheck},
    {"report", "write the editors' consistency report (HTML or Markdown)", kReportHelp, &CmdReport},
    {"ci", "ingest new articles and report only what they bring", kCiHelp, &CmdCi},
    {"baseline", "record current findings so CI accepts them", kBaselineHelp, &CmdBaseline},
};

constexpr std::string_view kVersion = "0.1.0";

void PrintUsage(std::FILE* f) {
  fmt::print(f, "usage: claims COMMAND [OPTIONS] [ARGS]\n\n"
                "Pull numeric claims out of Chinese news articles and check them for conflicts.\n\n"
                "commands:\n");
  for (const Command& c : kCommands) fmt::print(f, "  {:<10} {}\n", c.name, c.summary);
  fmt::print(f, "\n  help COMMAND   show a command's options, output and exit codes\n"
                "  --version      print the version\n\n"
                "exit codes: 0 ok, 1 findings (check, ci), 2 usage, 3 input or store error, 4 internal error\n");
}

const Command* Find(std::string_view name) {
  for (const Command& c : kCommands) if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

std::span<const Command> Commands() { return kCommands; }

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kBadInput:
    case Status::Code::kIoError:
    case Status::Code::kStoreError: return kExitInput;
    case Status::Code::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int ReportStatus(const Status& status, Env& env) {
  fmt::print(env.err, "claims: {}\n", status.ToString());
  return ExitCodeFor(status);
}

int Main(std::span<const std::string> argv, Env& env) {
  if (argv.size() < 2 || argv[1] == "--help" || argv[1] == "-h") {
    PrintUsage(argv.size() < 2 ? env.err : env.out);
    return argv.size() < 2 ? kExitUsage : kExitOk;
  }
  if (argv[1] == "--version") {
    fmt::print(env.out, "claims {}\n", kVersion);
    return kExitOk;
  }
  if (argv[1] == "help") {
    if (argv.size() < 3) { PrintUsage(env.out); return kExitOk; }
    const Command* c = Find(argv[2]);
    if (c == nullptr) return ReportStatus(Status::InvalidArgument("no command '" + argv[2] + "'"), env);
    fmt::print(env.out, "{}", c->help);
    return kExitOk;
  }
  const Command* c = Find(argv[1]);
  if (c == nullptr) {
    fmt::print(env.err, "claims: no command '{}'; see 'claims --help'\n", argv[1]);
    return kExitUsage;
  }
  std::span<const std::string> rest = argv.subspan(2);
  for (const std::string& a : rest) {
    if (a == "--help" || a == "-h") { fmt::print(env.out, "{}", c->help); return kExitOk; }
  }
  try {
    return c->run(rest, env);
  } catch (const std::exception& e) {
    // Library code returns Status; an exception here is a bug.
    return ReportStatus(Status::Internal(e.what()), env);
  }
}

}  // namespace claims::cli
