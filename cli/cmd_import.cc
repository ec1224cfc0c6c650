// claims import: records streams (claims extract --format records) into the
// store. Argument handling and output only; the rules are records::Importer.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "records/import.h"

namespace claims::cli {

extern const std::string_view kImportHelp =
    "usage: claims import [--db PATH] [--quiet] FILE...\n"
    "\n"
    "Loads the records 'claims extract --format records' writes into the claims store, so\n"
    "articles can be extracted elsewhere (in shards, on other machines) and checked here.\n"
    "FILE is a records stream; '-' reads standard input. Shards may simply be concatenated.\n"
    "The store ends up as 'claims ingest' of the same articles leaves it: the same content\n"
    "is stored once, under the smaller path; the first article under a path wins; content\n"
    "the store already holds under its path is left alone. Whole articles are committed in\n"
    "batches, so a killed import leaves whole articles only. docs/scale.md shows the path.\n"
    "\n"
    "options:\n"
    "  --db PATH   the store (default: $CLAIMS_DB, else claims.db here); created if missing\n"
    "  --quiet     no summary line\n"
    "\n"
    "output (stderr): one summary line:\n"
    "  imported 1,204 articles, 48,210 claims, 3 unchanged, 2 duplicates\n"
    "A stream with a malformed line is named with the line; what came before it is imported.\n"
    "\n"
    "exit codes: 0 every stream imported; 2 usage; 3 a stream could not be read or has a\n"
    "malformed line (the other streams are imported), or a store error; 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims extract --format records < shard1.jsonl > shard1.records\n"
    "  cat shard*.records | claims import --db news.db -\n"
    "  claims import --db news.db shard1.records shard2.records && claims check --db news.db\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"db", 0, true}, {"quiet", 'q', false}};

std::string SummaryLine(const records::ImportSummary& s) {
  std::string line = fmt::format("imported {} article{}, {} claim{}, {} unchanged", FormatCount(s.articles),
                                 s.articles == 1 ? "" : "s", FormatCount(s.claims), s.claims == 1 ? "" : "s",
                                 FormatCount(s.unchanged));
  if (s.duplicates > 0) line += fmt::format(", {} duplicate{}", FormatCount(s.duplicates), s.duplicates == 1 ? "" : "s");
  if (s.repeated > 0) line += fmt::format(", {} repeated path{} (the first kept)", FormatCount(s.repeated),
                                          s.repeated == 1 ? "" : "s");
  return line;
}

}  // namespace

int CmdImport(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (args->positional.empty()) return ReportStatus(Status::InvalidArgument("import needs FILE... ('-' for stdin)"), env);
  Result<std::unique_ptr<store::Store>> store = OpenStore(DbPath(*args, env), store::OpenOptions());
  if (!store.ok()) return ReportStatus(store.status(), env);

  records::Importer importer(store->get());
  bool failed = false;
  for (const std::string& path : args->positional) {
    std::FILE* f = path == "-" ? env.in : std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      fmt::print(env.err, "claims: {}: cannot read: {}\n", path, std::strerror(errno));
      failed = true;
      continue;
    }
    Status s = importer.Add(f);
    if (path != "-") std::fclose(f);
    if (s.code() == Status::Code::kBadInput) {
      fmt::print(env.err, "claims: {}: {}\n", path, s.message());
      failed = true;
    } else if (!s.ok()) {
      return ReportStatus(s, env);
    }
  }
  Status s = importer.Finish();
  if (!s.ok()) return ReportStatus(s, env);
  if (!args->Has("quiet")) fmt::print(env.err, "{}\n", SummaryLine(importer.summary()));
  return failed ? kExitInput : kExitOk;
}

}  // namespace claims::cli
