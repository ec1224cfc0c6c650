// claims check: loads claims and mentions from the store, runs the checker,
// saves the run (findings + summary) to the store, prints text or JSON.
#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "check/check.h"
#include "check/claim_table.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report_support.h"
#include "cli/store_cli.h"
#include "report/check_json.h"
#include "report/check_text.h"

namespace claims::cli {

extern const std::string_view kCheckHelp =
    "usage: claims check [--db PATH] [--format text|json] [--min-severity S] [--fail-on S]\n"
    "                    [--rule ID]... [--explain] [--config FILE]\n"
    "\n"
    "Checks every claim in the store for figures that conflict across articles or look\n"
    "garbled, saves the findings to the store (for `claims report` and `claims export\n"
    "--what findings`) and prints them. Rules and their ids: docs/rules.md.\n"
    "\n"
    "options:\n"
    "  --db PATH          the store (default: $CLAIMS_DB, else claims.db here)\n"
    "  --format text      findings grouped by family, quotes with the numbers marked (default)\n"
    "  --format json      {\"summary\":{...},\"findings\":[...]} for other tools\n"
    "  --min-severity S   print only findings at S or above: info (default), warning, error\n"
    "  --fail-on S        exit 1 when a finding is at S or above (default: warning)\n"
    "  --rule ID          run only this rule; repeat for several\n"
    "  --explain          add each rule's description and every computed figure\n"
    "  --config FILE      tolerances, disabled rules and severities (claims.toml format)\n"
    "\n"
    "exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage (bad option,\n"
    "unknown rule, bad config); 3 no store, unreadable config, or a store error; 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims check\n"
    "  claims check --format json --min-severity warning > findings.json\n"
    "  claims check --rule value-conflict --rule magnitude-slip --explain\n";

namespace {

constexpr OptionSpec kSpecs[] = {
    {"db", 0, true},       {"format", 0, true}, {"min-severity", 0, true}, {"fail-on", 0, true},
    {"rule", 0, true},     {"explain", 0, false}, {"config", 0, true},
};

Status ParseSeverityOption(const Args& args, std::string_view name, Severity fallback, Severity* out) {
  *out = fallback;
  if (!args.Has(name)) return Status::Ok();
  std::string value = args.Get(name);
  if (!ParseSeverity(value, out)) {
    return Status::InvalidArgument(
        fmt::format("--{} must be info, warning or error, not '{}'", name, value));
  }
  return Status::Ok();
}

// Options from --config, then --rule.
Result<check::CheckOptions> BuildOptions(const Args& args) {
  check::CheckOptions opts;
  if (args.Has("config")) {
    std::string path = args.Get("config");
    Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return text.status();
    Result<check::CheckOptions> parsed = check::ParseConfig(*text);
    if (!parsed.ok()) return Status::InvalidArgument(path + ": " + parsed.status().message());
    opts = std::move(*parsed);
  }
  for (const std::string& id : args.GetAll("rule")) {
    if (!check::FindRule(id)) {
      return Status::InvalidArgument(
          fmt::format("no rule '{}'; see docs/rules.md or 'claims help check'", id));
    }
    opts.only.insert(id);
  }
  return opts;
}

}  // namespace

int CmdCheck(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (!args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("check takes no arguments; use --db PATH"), env);
  }
  std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    return ReportStatus(Status::InvalidArgument("--format must be text or json, not '" + format + "'"), env);
  }
  Severity min_severity, fail_on;
  Status s = ParseSeverityOption(*args, "min-severity", Severity::kInfo, &min_severity);
  if (s.ok()) s = ParseSeverityOption(*args, "fail-on", Severity::kWarning, &fail_on);
  if (!s.ok()) return ReportStatus(s, env);
  Result<check::CheckOptions> options = BuildOptions(*args);
  if (!options.ok()) return ReportStatus(options.status(), env);

  store::OpenOptions open;
  open.create = false;
  Result<std::unique_ptr<store::Store>> store = OpenStore(DbPath(*args, env), open);
  if (!store.ok()) return ReportStatus(store.status(), env);
  // Articles without claims or mentions count too: the report compares this
  // number with the store to know the saved run is current. Counted before
  // the claims are read, whose loader gives SQLite's page cache back before
  // the rules run (reading the articles after it filled 20 MB of cache again).
  int64_t article_count = 0;
  {
    Result<std::vector<Article>> articles = (*store)->LoadArticles();
    if (!articles.ok()) return ReportStatus(articles.status(), env);
    article_count = static_cast<int64_t>(articles->size());
  }
  // While the rules run, findings hold their claims as references into the
  // table (check::RunCompact); they are materialized (claims copied out,
  // sentences and all) once the prepared corpus is gone, and the table
  // (every claim and mention of the store) right after, before they are
  // saved and printed. Keeping the table to materialize each finding only
  // while it is saved or printed cost more than it saved on every bench
  // store: the table outweighs the findings' claims even on the spread
  // store's 70,000 findings, and SQLite's cache filled beside it.
  check::CheckResult run;
  {
    check::ClaimTable table;
    Status loaded = (*store)->LoadForCheck(&table);
    if (!loaded.ok()) return ReportStatus(loaded, env);
    run = check::RunCompact(table, *options);
    for (Finding& f : run.findings) check::Materialize(&f);
  }
  run.summary.articles = article_count;
  Status saved = (*store)->SaveFindings(run.findings, run.summary);
  if (!saved.ok()) return ReportStatus(saved, env);

  bool fail = false;
  for (const Finding& f : run.findings) fail = fail || f.severity >= fail_on;
  // Those below --min-severity are dropped in place (they are saved): a copy
  // of the ones shown was a second copy of every finding by default.
  const size_t found = run.findings.size();
  std::erase_if(run.findings, [&](const Finding& f) { return f.severity < min_severity; });
  const std::vector<Finding>& shown = run.findings;
  if (format == "json") {
    // Written a buffer at a time: the whole text was 53 MB on the spread
    // bench store, held beside every finding.
    constexpr size_t kFlushAt = 1 << 16;
    std::string out = report::CheckJsonHead(run.summary, shown.size());
    for (size_t i = 0; i < shown.size(); ++i) {
      report::AppendCheckJsonFinding(shown[i], i == 0, &out);
      if (out.size() >= kFlushAt) {
        std::fwrite(out.data(), 1, out.size(), env.out);
        out.clear();
      }
    }
    out += report::kCheckJsonTail;
    std::fwrite(out.data(), 1, out.size(), env.out);
  } else {
    std::vector<std::pair<std::string_view, std::string_view>> descriptions;
    for (const check::RuleInfo& r : check::Rules()) descriptions.emplace_back(r.id, r.description);
    report::CheckTextOptions text;
    text.color = env.out_is_tty;
    text.explain = args->Has("explain");
    text.rule_descriptions = descriptions;
    std::string out = report::RenderCheckText(shown, run.summary, text);
    if (shown.size() < found) {
      out += fmt::format("({} finding{} below --min-severity {} not shown)\n", found - shown.size(),
                         found - shown.size() == 1 ? "" : "s",
                         SeverityName(min_severity));
    }
    fmt::print(env.out, "{}", out);
  }
  std::fflush(env.out);
  return fail ? kExitFindings : kExitOk;
}

}  // namespace claims::cli
