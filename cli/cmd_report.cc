// claims report: the editors' consistency report, HTML or Markdown, from the
// store's last check run (or a fresh in-memory run when the store changed).
// Article texts come from the files when they still match what was ingested;
// otherwise the per-article view falls back to the stored sentences.
#include <fmt/format.h>

#include <ctime>
#include <map>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/report_support.h"
#include "report/escape.h"
#include "report/html.h"
#include "report/markdown.h"

namespace claims::cli {

extern const std::string_view kReportHelp =
    "usage: claims report [--db PATH] [-o FILE] [--format html|md] [--lang zh|en] [--articles auto|all|flagged|none]\n"
    "\n"
    "Writes the editors' consistency report: a summary (articles, claims, groups compared,\n"
    "consistent, findings by rule and severity), one card per finding with the quotes from\n"
    "each article side by side and the numbers highlighted, the computed figures and why the\n"
    "rule fired, filters by severity, rule and article, and a per-article view with every\n"
    "claim highlighted and a sortable claims table.\n"
    "\n"
    "It reports the last `claims check` run; when the store changed since (or was never\n"
    "checked) it runs the checker with default options first, without saving the run.\n"
    "\n"
    "options:\n"
    "  --db PATH        the claims store (default: $CLAIMS_DB, else claims.db)\n"
    "  -o, --output F   write to F (default: standard output)\n"
    "  --format FMT     html (default): one self-contained file, no network needed;\n"
    "                   md: the same content as Markdown, for a ticket or wiki\n"
    "  --lang L         zh (default) or en: the language of the interface text\n"
    "  --articles WHICH which articles get a per-article view: all, flagged (those in a\n"
    "                   finding), none; auto (default) is all up to 500 articles, else flagged\n"
    "\n"
    "The HTML page reads an initial filter from its URL: report.html?severity=error,\n"
    "report.html?rule=value-conflict, report.html#filter:article=news/a.txt\n"
    "\n"
    "exit codes: 0 written, 2 bad option, 3 store missing or unreadable, cannot write output,\n"
    "            4 internal error\n"
    "\n"
    "examples:\n"
    "  claims ingest corpus/ && claims report -o report.html\n"
    "  claims report --lang en --format md -o report.md\n";

namespace {

constexpr OptionSpec kSpecs[] = {
    {"db", 0, true}, {"output", 'o', true}, {"format", 0, true}, {"lang", 0, true}, {"articles", 0, true},
};
constexpr size_t kAutoArticleLimit = 500;
constexpr size_t kMaxTextBytes = 4 << 20;  // larger files: sentences only

// The article's text if the file still holds what was ingested: valid UTF-8
// and every claim's surface at its offsets. Otherwise has_text stays false.
void AttachText(report::ArticleView* view) {
  Result<std::string> text = ReadWholeFile(view->path);
  if (!text.ok() || text->size() > kMaxTextBytes || report::ValidUtf8(*text) != *text) return;
  for (const StoredClaim& c : view->claims) {
    const Claim& cl = c.claim;
    if (cl.byte_end > text->size() || cl.byte_end < cl.byte_start ||
        std::string_view(*text).substr(cl.byte_start, cl.byte_end - cl.byte_start) != cl.surface) {
      return;
    }
  }
  view->text = std::move(*text);
  view->has_text = true;
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

}  // namespace

int CmdReport(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (!args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("report takes no paths; ingest them first"), env);
  }
  report::Lang lang = report::Lang::kZh;
  if (!report::ParseLang(args->Get("lang", "zh"), &lang)) {
    return ReportStatus(Status::InvalidArgument("--lang must be zh or en"), env);
  }
  std::string format = args->Get("format", "html");
  if (format != "html" && format != "md" && format != "markdown") {
    return ReportStatus(Status::InvalidArgument("--format must be html or md"), env);
  }
  std::string which = args->Get("articles", "auto");
  if (which != "auto" && which != "all" && which != "flagged" && which != "none") {
    return ReportStatus(Status::InvalidArgument("--articles must be auto, all, flagged or none"), env);
  }

  Result<std::unique_ptr<store::Store>> store = OpenExistingStore(DbPath(*args, env), /*read_only=*/true);
  if (!store.ok()) return ReportStatus(store.status(), env);
  Result<CurrentFindings> current = LoadOrCheck(**store);
  if (!current.ok()) return ReportStatus(current.status(), env);
  Result<std::vector<Article>> articles = (*store)->LoadArticles();
  if (!articles.ok()) return ReportStatus(articles.status(), env);

  std::set<std::string> flagged;
  for (const Finding& f : current->findings) {
    for (const std::string& p : report::InvolvedPaths(f)) flagged.insert(p);
  }
  if (which == "auto") which = articles->size() <= kAutoArticleLimit ? "all" : "flagged";
  std::map<std::string, std::vector<StoredClaim>> claims_by_path;
  for (StoredClaim& c : current->claims) claims_by_path[c.path].push_back(std::move(c));
  std::vector<report::ArticleView> views;
  if (which != "none") {
    for (const Article& a : *articles) {
      if (which == "flagged" && flagged.count(a.path) == 0) continue;
      report::ArticleView v;
      v.path = a.path;
      v.title = a.title;
      v.claims = std::move(claims_by_path[a.path]);
      if (format == "html") AttachText(&v);
      views.push_back(std::move(v));
    }
  }

  std::vector<report::RuleInfo> rules = ReportRules();
  report::ReportData data{current->findings, current->summary, views, rules};
  std::string out;
  if (format == "html") {
    report::HtmlOptions options;
    options.lang = lang;
    options.generated = Now();
    out = report::RenderHtml(data, options);
  } else {
    out = report::RenderMarkdown(data, lang);
  }
  Status written = WriteOutput(args->Get("output"), out, env);
  if (!written.ok()) return ReportStatus(written, env);
  if (args->Has("output") && args->Get("output") != "-") {
    fmt::print(env.err, "claims: report with {} findings written to {}\n", current->findings.size(),
               args->Get("output"));
  }
  return kExitOk;
}

}  // namespace claims::cli
