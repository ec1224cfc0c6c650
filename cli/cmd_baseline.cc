// claims baseline: records the current findings' fingerprints so `claims ci
// --baseline` accepts them; --prune drops entries that no longer occur.
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report_support.h"
#include "report/baseline.h"

namespace claims::cli {

extern const std::string_view kBaselineHelp =
    "usage: claims baseline [--db PATH] [-o FILE] [--prune]\n"
    "\n"
    "Writes a baseline: the fingerprint, rule and a short summary of every current finding,\n"
    "sorted by fingerprint so that accepting or fixing a finding is a one-line diff.\n"
    "`claims ci --baseline FILE` then reports only findings that are not in it.\n"
    "Fingerprints depend on the rule and the articles' content and quoted figures, not on\n"
    "paths or row ids, so they survive renames and re-ingests.\n"
    "\n"
    "The current findings are the last `claims check` run; when the store changed since,\n"
    "the checker runs first (default options).\n"
    "\n"
    "options:\n"
    "  --db PATH        the claims store (default: $CLAIMS_DB, else claims.db)\n"
    "  -o, --output F   the baseline file (default: .claims-baseline.json; - for stdout)\n"
    "  --prune          keep only the entries of the existing file F that still occur;\n"
    "                   add nothing new (use after fixing articles)\n"
    "\n"
    "format: {\"version\":1,\"findings\":[{\"fingerprint\":\"…\",\"rule\":\"…\",\"summary\":\"…\"}]}\n"
    "\n"
    "exit codes: 0 written, 2 bad option, 3 store or baseline file missing or unreadable,\n"
    "            cannot write, 4 internal error\n"
    "\n"
    "examples:\n"
    "  claims ingest corpus/ && claims baseline -o .claims-baseline.json\n"
    "  claims baseline --prune -o .claims-baseline.json\n";

namespace {
constexpr OptionSpec kSpecs[] = {{"db", 0, true}, {"output", 'o', true}, {"prune", 0, false}};
}

int CmdBaseline(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (!args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("baseline takes no paths; see 'claims help baseline'"), env);
  }
  const std::string output = args->Get("output", ".claims-baseline.json");
  const bool prune = args->Has("prune");
  if (prune && output == "-") {
    return ReportStatus(Status::InvalidArgument("--prune needs the baseline file: -o FILE"), env);
  }
  Result<std::unique_ptr<store::Store>> store = OpenExistingStore(DbPath(*args, env), /*read_only=*/true);
  if (!store.ok()) return ReportStatus(store.status(), env);
  Result<CurrentFindings> current = LoadOrCheck(**store);
  if (!current.ok()) return ReportStatus(current.status(), env);

  report::Baseline baseline;
  std::string note;
  if (prune) {
    Result<std::string> text = ReadWholeFile(output);
    if (!text.ok()) return ReportStatus(text.status(), env);
    Result<report::Baseline> old = report::ParseBaseline(*text);
    if (!old.ok()) return ReportStatus(Status::BadInput(output + ": " + old.status().message()), env);
    size_t removed = 0;
    baseline = report::PruneBaseline(*old, current->findings, &removed);
    note = fmt::format("pruned {} entries, kept {}", removed, baseline.entries.size());
  } else {
    baseline = report::BaselineFromFindings(current->findings);
    note = fmt::format("{} findings recorded", baseline.entries.size());
  }
  Status written = WriteOutput(output, report::RenderBaseline(baseline), env);
  if (!written.ok()) return ReportStatus(written, env);
  if (output != "-") fmt::print(env.err, "claims: baseline {}: {}\n", output, note);
  return kExitOk;
}

}  // namespace claims::cli
