// claims export: the store's claims, articles or findings as CSV or JSONL.
#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include <unistd.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/export_rows.h"
#include "cli/store_cli.h"
#include "report/csv.h"

namespace claims::cli {

extern const std::string_view kExportHelp =
    "usage: claims export [--db PATH] --what claims|articles|findings [--format csv|jsonl]\n"
    "                     [--bom | --excel] [-o FILE]\n"
    "\n"
    "Writes what the store holds, one row per claim, article or finding, with stable\n"
    "columns (docs/export.md). Exact values are written as stored (\"5931000000\", \"-16.5\").\n"
    "The store is opened read-only and streamed, so any size exports in constant memory.\n"
    "\n"
    "options:\n"
    "  --db PATH        the store (default: $CLAIMS_DB, else claims.db here)\n"
    "  --what W         claims: path, byte_start, byte_end, line, surface, value_lo, value_hi,\n"
    "                     precision, unit, dimension, counted, qualifier, kind, direction, entity,\n"
    "                     metric, metric_word, period, scope, base, base_entity, sentence,\n"
    "                     article_date, article_hash (JSONL: the objects of 'claims extract')\n"
    "                   articles: path, hash, bytes, title, date, date_source, url, script,\n"
    "                     ingested_at, extractor_version, claims\n"
    "                   findings (of the last 'claims check'): rule, family, severity, message,\n"
    "                     expected, fingerprint, claims, locations\n"
    "  --format csv     RFC 4180, UTF-8, CRLF rows, a header row (default). Text cells starting\n"
    "                   with = + - @ TAB or CR get a leading ' so spreadsheets never run them;\n"
    "                   numbers stay numbers (-16.5)\n"
    "  --format jsonl   one JSON object per line\n"
    "  --bom            start the CSV with a UTF-8 byte order mark\n"
    "  --excel          CSV for Excel: implies --bom so Chinese text opens intact\n"
    "  -o, --output F   write to F (replaced atomically when complete) instead of stdout\n"
    "\n"
    "exit codes: 0 ok; 2 usage; 3 no store, not a claims store, or the output could not be\n"
    "written; 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims export --what claims --format csv --excel -o claims.csv\n"
    "  claims export --what findings --format jsonl | jq .rule\n"
    "  claims export --db news.db --what articles -o articles.csv\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"db", 0, true},   {"what", 0, true},   {"format", 0, true},
                                 {"bom", 0, false}, {"excel", 0, false}, {"output", 'o', true}};

}  // namespace

int CmdExport(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (!args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("export takes no arguments; use --what and -o"), env);
  }
  const std::string what = args->Get("what");
  if (what != "claims" && what != "articles" && what != "findings") {
    return ReportStatus(Status::InvalidArgument(what.empty() ? "export needs --what claims|articles|findings"
                                                             : "--what must be claims, articles or findings, not '" +
                                                                   what + "'"),
                        env);
  }
  const std::string format_name = args->Get("format", "csv");
  if (format_name != "csv" && format_name != "jsonl") {
    return ReportStatus(Status::InvalidArgument("--format must be csv or jsonl, not '" + format_name + "'"), env);
  }
  const ExportFormat format = format_name == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl;
  const bool bom = args->Has("bom") || args->Has("excel");
  if (bom && format != ExportFormat::kCsv) {
    return ReportStatus(Status::InvalidArgument("--bom and --excel apply to --format csv only"), env);
  }

  store::OpenOptions open;
  open.read_only = true;
  open.create = false;
  Result<std::unique_ptr<store::Store>> store = OpenStore(DbPath(*args, env), open);
  if (!store.ok()) return ReportStatus(store.status(), env);

  // -o FILE: write beside it and rename when complete, so a failed export
  // never leaves a truncated file where a good one was.
  const std::string output = args->Get("output");
  const std::string temp = output.empty() ? "" : fmt::format("{}.tmp-{}", output, ::getpid());
  std::FILE* file = env.out;
  if (!output.empty() && output != "-") {
    file = std::fopen(temp.c_str(), "wb");
    if (file == nullptr) {
      return ReportStatus(Status::IoError(fmt::format("{}: cannot write: {}", output, std::strerror(errno))), env);
    }
  }
  RowSink sink(file);
  if (bom) sink.buffer()->append(report::kUtf8Bom);
  Status s = what == "claims"     ? ExportClaims(store->get(), format, &sink)
             : what == "articles" ? ExportArticles(store->get(), format, &sink)
                                  : ExportFindings(store->get(), format, &sink);
  if (s.ok()) s = sink.Flush(/*force=*/true);
  if (file != env.out) {
    if (std::fclose(file) != 0 && s.ok()) s = Status::IoError(output + ": cannot finish writing");
    std::error_code ec;
    if (s.ok()) std::filesystem::rename(temp, output, ec);
    if (s.ok() && ec) s = Status::IoError(fmt::format("{}: {}", output, ec.message()));
    if (!s.ok()) std::filesystem::remove(temp, ec);
  } else if (std::fflush(file) != 0 && s.ok()) {
    s = Status::IoError("cannot write to standard output");
  }
  if (!s.ok()) return ReportStatus(s, env);
  return kExitOk;
}

}  // namespace claims::cli
