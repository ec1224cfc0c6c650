// claims ci: for a corpus repository's CI. Ingests the given new or changed
// articles, checks the whole store, and reports only the findings that
// involve at least one of them and are not in the baseline. Exit 1 when any
// reported finding is at or above --fail-on.
#include <fmt/format.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report_support.h"
#include "analyze/analyzer.h"
#include "base/json.h"
#include "ingest/ingest.h"
#include "report/baseline.h"
#include "report/check_json.h"
#include "report/check_text.h"
#include "report/escape.h"
#include "report/github.h"
#include "report/junit.h"
#include "report/sarif.h"
#include "report/select.h"

namespace claims::cli {

extern const std::string_view kCiHelp =
    "usage: claims ci [--db PATH] [--baseline FILE] [--format text|json|sarif|github|junit]\n"
    "                 [--fail-on error|warning|info] [-o FILE] PATH...\n"
    "\n"
    "Ingests the given articles (files or directories, as `claims ingest` does) into the\n"
    "store, runs the checker over the whole store and saves the run, then reports only the\n"
    "findings that involve at least one of the given articles and whose fingerprint is not\n"
    "in the baseline. The store should hold the corpus already (restore it from a CI cache\n"
    "or run `claims ingest corpus/` first) so new articles are checked against it.\n"
    "\n"
    "options:\n"
    "  --db PATH        the claims store (default: $CLAIMS_DB, else claims.db; created if missing)\n"
    "  --baseline FILE  accepted findings, written by `claims baseline` (a missing file is an error)\n"
    "  --format FMT     text (default) one block per finding, for people\n"
    "                   json     {\"findings\":[…],\"summary\":{…}}\n"
    "                   sarif    SARIF 2.1.0 for GitHub code scanning and SARIF viewers\n"
    "                   github   ::error/::warning/::notice workflow commands (annotations),\n"
    "                            at most --max-annotations (default 50), then one summary line\n"
    "                   junit    JUnit XML: one test case per given article, a failure listing\n"
    "                            its findings at or above --fail-on (GitLab, Jenkins)\n"
    "  --fail-on S      error, warning (default) or info: the lowest severity that fails\n"
    "  --max-annotations N   cap for --format github (default 50)\n"
    "  -o, --output F   write the report to F instead of standard output\n"
    "\n"
    "exit codes: 0 nothing new at or above --fail-on, 1 new findings at or above --fail-on,\n"
    "            2 bad option, 3 an article, the store or the baseline could not be read,\n"
    "            4 internal error\n"
    "\n"
    "examples:\n"
    "  claims ci --baseline .claims-baseline.json articles/2024-05/\n"
    "  claims ci --format sarif -o claims.sarif $(git diff --name-only origin/main -- '*.md')\n"
    "  claims ci --format github --fail-on error new/*.txt\n";

namespace {

constexpr OptionSpec kSpecs[] = {
    {"db", 0, true},      {"baseline", 0, true}, {"format", 0, true},          {"fail-on", 0, true},
    {"output", 'o', true}, {"max-annotations", 0, true},
};

// Ingests `inputs` (files and directories) and returns the store paths of
// the articles they name, for selecting findings. Unreadable or undecodable
// articles are printed to env.err and counted in *failed.
Result<std::vector<std::string>> IngestForCi(store::Store& store, std::span<const std::string> inputs, Env& env,
                                             int64_t* failed) {
  std::vector<std::string> globs;
  for (std::string_view g : ingest::DefaultGlobs()) globs.emplace_back(g);
  std::vector<std::string> reviewed;
  for (const ingest::FileEntry& f : ingest::ExpandInputs(inputs, globs, [](const ingest::Problem&) {})) {
    if (!f.jsonl) reviewed.push_back(f.path);
  }
  Result<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create({});
  if (!analyzer.ok()) return analyzer.status();
  const Analyzer& a = **analyzer;
  ingest::Callbacks callbacks;
  callbacks.on_problem = [&env](const ingest::Problem& p) {
    if (p.offset >= 0) {
      fmt::print(env.err, "claims: {}: {} (byte {})\n", p.path, p.reason, p.offset);
    } else {
      fmt::print(env.err, "claims: {}: {}\n", p.path, p.reason);
    }
  };
  ingest::Options options;
  Result<ingest::Summary> summary = ingest::Run(
      &store, inputs, options,
      [&a](std::string_view bytes, const ArticleInput& input) { return a.Analyze(bytes, input); }, callbacks);
  if (!summary.ok()) return summary.status();
  *failed = summary->failed;
  return reviewed;
}

// The store-wide summary with its finding counts narrowed to what `claims
// ci` reports: the findings that involve the given articles and are new.
CheckSummary SummaryOf(const CheckSummary& store_wide, std::span<const Finding> reported) {
  CheckSummary s = store_wide;
  s.findings = static_cast<int64_t>(reported.size());
  s.by_rule.clear();
  s.by_severity.clear();
  s.by_family.clear();
  for (const Finding& f : reported) {
    ++s.by_rule[f.rule];
    ++s.by_severity[std::string(SeverityName(f.severity))];
    ++s.by_family[f.family];
  }
  return s;
}

}  // namespace

int CmdCi(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("ci needs the articles to check: claims ci PATH..."), env);
  }
  const std::string format = args->Get("format", "text");
  if (format != "text" && format != "json" && format != "sarif" && format != "github" && format != "junit") {
    return ReportStatus(Status::InvalidArgument("--format must be text, json, sarif, github or junit"), env);
  }
  Severity fail_on = Severity::kWarning;
  if (!ParseSeverity(args->Get("fail-on", "warning"), &fail_on)) {
    return ReportStatus(Status::InvalidArgument("--fail-on must be error, warning or info"), env);
  }
  report::GithubOptions github;
  if (args->Has("max-annotations")) {
    const std::string n = args->Get("max-annotations");
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos) {
      return ReportStatus(Status::InvalidArgument("--max-annotations must be a number"), env);
    }
    github.max_annotations = std::stoul(n);
  }
  // Read the baseline before any work: a typo should fail fast.
  report::Baseline baseline;
  if (args->Has("baseline")) {
    Result<std::string> text = ReadWholeFile(args->Get("baseline"));
    if (!text.ok()) return ReportStatus(text.status(), env);
    Result<report::Baseline> parsed = report::ParseBaseline(*text);
    if (!parsed.ok()) return ReportStatus(Status::BadInput(args->Get("baseline") + ": " + parsed.status().message()), env);
    baseline = std::move(*parsed);
  }

  Result<std::unique_ptr<store::Store>> store = store::Store::Open(DbPath(*args, env));
  if (!store.ok()) return ReportStatus(store.status(), env);
  int64_t failed = 0;
  Result<std::vector<std::string>> reviewed = IngestForCi(**store, args->positional, env, &failed);
  if (!reviewed.ok()) return ReportStatus(reviewed.status(), env);
  Result<CurrentFindings> current = CheckAndSave(**store);
  if (!current.ok()) return ReportStatus(current.status(), env);

  std::vector<Finding> involved = report::InvolvingPaths(current->findings, *reviewed);
  std::vector<Finding> fresh = report::NotInBaseline(involved, baseline);
  const size_t failing = report::CountAtOrAbove(fresh, fail_on);

  std::string out;
  if (format == "sarif") {
    std::vector<report::RuleInfo> rules = ReportRules();
    out = report::RenderSarif(fresh, rules, {});
  } else if (format == "github") {
    out = report::RenderGithub(fresh, github);
  } else if (format == "junit") {
    report::JunitOptions junit;
    junit.fail_on = fail_on;
    out = report::RenderJunit(*reviewed, fresh, junit);
  } else {
    // The same text and JSON as `claims check`, over what ci reports.
    CheckSummary summary = SummaryOf(current->summary, fresh);
    if (format == "json") {
      out = report::RenderCheckJson(fresh, summary);
    } else {
      report::CheckTextOptions text;
      text.color = env.out_is_tty && args->Get("output").empty();
      out = report::RenderCheckText(fresh, summary, text);
    }
  }
  Status written = WriteOutput(args->Get("output"), out, env);
  if (!written.ok()) return ReportStatus(written, env);
  fmt::print(env.err, "claims ci: {} articles checked, {} findings involve them, {} in the baseline, {} new ({} at or above {})\n",
             reviewed->size(), involved.size(), involved.size() - fresh.size(), fresh.size(), failing,
             SeverityName(fail_on));
  // An article that could not be read was not checked: that must not pass.
  if (failed > 0) {
    fmt::print(env.err, "claims ci: {} articles could not be read\n", failed);
    return kExitInput;
  }
  return failing > 0 ? kExitFindings : kExitOk;
}

}  // namespace claims::cli
