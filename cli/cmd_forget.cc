// claims forget: removes articles (and their claims) from the store.
#include <fmt/format.h>

#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "ingest/sources.h"

namespace claims::cli {

extern const std::string_view kForgetHelp =
    "usage: claims forget [--db PATH] [--missing-ok] PATH...\n"
    "\n"
    "Removes articles and their claims from the store, in one transaction. PATH is an\n"
    "article's path as it was ingested (or its JSONL id); a directory forgets every article\n"
    "stored under it. The files themselves are not touched, and need not exist. Findings of\n"
    "the last check keep their own copy of the claims they cite until the next check.\n"
    "\n"
    "options:\n"
    "  --db PATH      the store (default: $CLAIMS_DB, else claims.db here)\n"
    "  --missing-ok   a PATH with nothing stored under it is not an error\n"
    "\n"
    "output (stderr): 'forgot N articles'; each PATH that matched nothing is named.\n"
    "\n"
    "exit codes: 0 done; 2 usage; 3 some PATH matched nothing (unless --missing-ok), or a\n"
    "store error (no store, locked, read-only); 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims forget corpus/2023/old.txt\n"
    "  claims forget --db news.db corpus/withdrawn/\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"db", 0, true}, {"missing-ok", 0, false}};

bool Under(const std::string& stored, const std::string& target) {
  if (stored == target) return true;
  if (target == ".") return !stored.empty() && stored[0] != '/' && stored.rfind("../", 0) != 0;
  return stored.size() > target.size() && stored.compare(0, target.size(), target) == 0 &&
         stored[target.size()] == '/';
}

}  // namespace

int CmdForget(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (args->positional.empty()) return ReportStatus(Status::InvalidArgument("forget needs at least one PATH"), env);
  store::OpenOptions open;
  open.create = false;
  Result<std::unique_ptr<store::Store>> store = OpenStore(DbPath(*args, env), open);
  if (!store.ok()) return ReportStatus(store.status(), env);
  Result<std::vector<std::string>> stored = (*store)->AllPaths();
  if (!stored.ok()) return ReportStatus(stored.status(), env);

  std::set<std::string> doomed;
  std::vector<std::string> unmatched;
  for (const std::string& raw : args->positional) {
    // Stored paths are normalised the way ingest wrote them; JSONL ids are
    // taken as given too, in case they are not path-like.
    const std::string target = ingest::NormalizePath(raw);
    bool any = false;
    for (const std::string& p : *stored) {
      if (Under(p, target) || p == raw) {
        doomed.insert(p);
        any = true;
      }
    }
    if (!any) unmatched.push_back(raw);
  }
  int64_t removed = 0;
  Status s = (*store)->ForgetPaths(std::vector<std::string>(doomed.begin(), doomed.end()), &removed);
  if (!s.ok()) return ReportStatus(s, env);
  for (const std::string& u : unmatched) fmt::print(env.err, "claims: {}: nothing stored under this path\n", u);
  fmt::print(env.err, "forgot {} article{}\n", FormatCount(removed), removed == 1 ? "" : "s");
  return unmatched.empty() || args->Has("missing-ok") ? kExitOk : kExitInput;
}

}  // namespace claims::cli
