#include "cli/report_support.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

#include "check/check.h"

namespace claims::cli {

Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& path, bool read_only) {
  store::OpenOptions options;
  options.read_only = read_only;
  options.create = false;
  return store::Store::Open(path, options);
}

namespace {

Result<CurrentFindings> RunChecker(store::Store& store, std::vector<StoredClaim> claims) {
  Result<std::vector<std::pair<Location, Mention>>> mentions = store.LoadMentions({});
  if (!mentions.ok()) return mentions.status();
  check::CheckResult run = check::Run(claims, *mentions, check::CheckOptions{});
  CurrentFindings out;
  out.findings = std::move(run.findings);
  out.summary = std::move(run.summary);
  out.claims = std::move(claims);
  out.ran_checker = true;
  return out;
}

}  // namespace

Result<CurrentFindings> LoadOrCheck(store::Store& store) {
  Result<std::vector<StoredClaim>> claims = store.LoadClaims({});
  if (!claims.ok()) return claims.status();
  Result<std::vector<Article>> articles = store.LoadArticles();
  if (!articles.ok()) return articles.status();
  Result<CheckSummary> summary = store.LoadSummary();
  if (!summary.ok()) return summary.status();
  // A run over other content (or none: all zero) would show stale quotes.
  bool current = summary->articles == static_cast<int64_t>(articles->size()) &&
                 summary->claims == static_cast<int64_t>(claims->size()) && !articles->empty();
  if (!current) return RunChecker(store, std::move(*claims));
  Result<std::vector<Finding>> findings = store.LoadFindings();
  if (!findings.ok()) return findings.status();
  CurrentFindings out;
  out.findings = std::move(*findings);
  out.summary = std::move(*summary);
  out.claims = std::move(*claims);
  return out;
}

Result<CurrentFindings> CheckAndSave(store::Store& store) {
  Result<std::vector<StoredClaim>> claims = store.LoadClaims({});
  if (!claims.ok()) return claims.status();
  Result<CurrentFindings> run = RunChecker(store, std::move(*claims));
  if (!run.ok()) return run;
  Status saved = store.SaveFindings(run->findings, run->summary);
  if (!saved.ok()) return saved;
  return run;
}

std::vector<report::RuleInfo> ReportRules() {
  std::vector<report::RuleInfo> rules;
  for (const check::RuleInfo& r : check::Rules()) {
    rules.push_back({std::string(r.id), std::string(r.family), std::string(r.description), r.severity});
  }
  return rules;
}

Status WriteOutput(const std::string& path, std::string_view text, Env& env) {
  if (path.empty() || path == "-") {
    if (std::fwrite(text.data(), 1, text.size(), env.out) != text.size() || std::fflush(env.out) != 0) {
      return Status::IoError("cannot write to standard output");
    }
    return Status::Ok();
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path tmp = target;
  tmp += fmt::format(".tmp.{}", static_cast<long>(getpid()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return Status::IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IoError(fmt::format("cannot write {}: {}", path, ec.message()));
  }
  return Status::Ok();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(fmt::format("cannot read {}", path));
  return ss.str();
}

}  // namespace claims::cli
