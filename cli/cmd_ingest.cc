// claims ingest: files, directories and JSONL streams into the claims store.
// Argument handling and output only; the pipeline is ingest::Run.
#include <fmt/format.h>

#include <cstdlib>

#include "analyze/analyzer.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_cli.h"
#include "ingest/ingest.h"
#include "ingest/metadata.h"

namespace claims::cli {

extern const std::string_view kIngestHelp =
    "usage: claims ingest [--db PATH] [--jobs N] [--glob PATTERN]... [--date YYYY-MM-DD]\n"
    "                     [--prune] [--lexicon FILE]... [--quiet] PATH...\n"
    "\n"
    "Extracts every numeric claim from articles into the claims store (SQLite).\n"
    "PATH is a file, a directory (walked recursively; hidden entries skipped), a JSONL\n"
    "article stream (*.jsonl, one {\"id\",\"title\",\"date\",\"url\",\"text\"} object per line),\n"
    "or '-' for a JSONL stream on standard input.\n"
    "\n"
    "Ingest is incremental and idempotent: files whose size and mtime match the store are\n"
    "skipped unread, files whose content hash matches are skipped unanalysed, an edited file\n"
    "replaces its old claims in one transaction, and the same content under two paths is\n"
    "stored once (under the smaller path). A file that disappeared stays in the store until\n"
    "'claims forget PATH' or 'claims ingest --prune DIR'. Killing ingest at any moment leaves\n"
    "whole articles only; running it again finishes the job.\n"
    "\n"
    "options:\n"
    "  --db PATH        the store (default: $CLAIMS_DB, else claims.db here); created if missing\n"
    "  --jobs N         extraction threads (default: one per core); one thread writes\n"
    "  --glob PATTERN   file names to take from directories (repeatable; default *.txt *.md);\n"
    "                   files named on the command line are always taken\n"
    "  --date D         publication date for articles that name none (JSONL \"date\",\n"
    "                   Markdown front matter or a byline date near the top win)\n"
    "  --prune          forget stored articles under the given directories whose files are gone\n"
    "  --lexicon FILE   extra entity/metric/scope words for the analyzer\n"
    "  --quiet          no summary line\n"
    "\n"
    "output (stderr): a progress bar when stderr is a terminal; then one summary line:\n"
    "  ingested 1,204 articles (35.1 MB), 48,210 claims, 3 unchanged, 2 skipped: see above\n"
    "Each input that could not be used is named first: 'claims: PATH: reason (byte N)'.\n"
    "\n"
    "exit codes: 0 every input ingested or unchanged; 2 usage; 3 some input could not be\n"
    "read or decoded (the rest were ingested), or the store failed (locked by another\n"
    "writer past the busy timeout, read-only, not a claims store, newer schema); 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims ingest corpus/\n"
    "  claims ingest --db news.db --jobs 2 --glob '*.txt' corpus/ extra/article.md\n"
    "  zcat dump.jsonl.gz | claims ingest -\n"
    "  claims ingest --prune corpus/\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"db", 0, true},     {"jobs", 'j', true},    {"glob", 0, true},
                                 {"date", 0, true},   {"prune", 0, false},    {"lexicon", 0, true},
                                 {"quiet", 'q', false}};

std::string SummaryLine(const ingest::Summary& s) {
  std::string line = fmt::format("ingested {} article{} ({}), {} claim{}, {} unchanged", FormatCount(s.articles),
                                 s.articles == 1 ? "" : "s", FormatBytes(s.bytes), FormatCount(s.claims),
                                 s.claims == 1 ? "" : "s", FormatCount(s.unchanged));
  if (s.duplicates > 0) line += fmt::format(", {} duplicate{}", FormatCount(s.duplicates), s.duplicates == 1 ? "" : "s");
  if (s.pruned > 0) line += fmt::format(", {} pruned", FormatCount(s.pruned));
  if (s.failed > 0) line += fmt::format(", {} skipped: see above", FormatCount(s.failed));
  return line;
}

}  // namespace

int CmdIngest(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("ingest needs at least one PATH (a file, a directory or '-')"), env);
  }
  ingest::Options options;
  if (args->Has("jobs")) {
    char* end = nullptr;
    std::string jobs = args->Get("jobs");
    long n = std::strtol(jobs.c_str(), &end, 10);
    if (jobs.empty() || *end != '\0' || n < 1 || n > 256) {
      return ReportStatus(Status::InvalidArgument("--jobs must be a number from 1 to 256, not '" + jobs + "'"), env);
    }
    options.jobs = static_cast<int>(n);
  }
  options.globs = args->GetAll("glob");
  if (args->Has("date")) {
    std::string date = args->Get("date");
    options.date = ingest::FindDate(date);
    if (options.date.empty() || options.date.size() != date.size()) {
      return ReportStatus(Status::InvalidArgument("--date must look like 2024-03-19, not '" + date + "'"), env);
    }
  }
  options.prune = args->Has("prune");
  options.stdin_file = env.in;

  AnalyzerOptions analyzer_options;
  analyzer_options.lexicon_files = args->GetAll("lexicon");
  Result<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create(analyzer_options);
  if (!analyzer.ok()) return ReportStatus(analyzer.status(), env);
  const Analyzer* a = analyzer->get();
  ingest::AnalyzeFn analyze = [a](std::string_view bytes, const ArticleInput& input) {
    return a->Analyze(bytes, input);
  };

  Result<std::unique_ptr<store::Store>> store = OpenStore(DbPath(*args, env), store::OpenOptions());
  if (!store.ok()) return ReportStatus(store.status(), env);

  ProgressBar bar(env.err, env.err_is_tty);
  ingest::Callbacks callbacks;
  callbacks.on_problem = [&](const ingest::Problem& p) {
    bar.Clear();
    if (p.offset >= 0 && p.reason.find("at byte") == std::string::npos) {
      fmt::print(env.err, "claims: {}: {} (byte {})\n", p.path, p.reason, p.offset);
    } else {
      fmt::print(env.err, "claims: {}: {}\n", p.path, p.reason);
    }
  };
  callbacks.on_progress = [&](const ingest::Progress& p) { bar.Update(p); };
  Result<ingest::Summary> summary = ingest::Run(store->get(), args->positional, options, analyze, callbacks);
  bar.Clear();
  if (!summary.ok()) return ReportStatus(summary.status(), env);
  if (!args->Has("quiet")) fmt::print(env.err, "{}\n", SummaryLine(*summary));
  return summary->failed > 0 ? kExitInput : kExitOk;
}

}  // namespace claims::cli
