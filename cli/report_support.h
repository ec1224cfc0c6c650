// Shared by `claims report`, `claims ci` and `claims baseline`: where the
// store is, the current findings (the last `claims check` run, or a fresh
// in-memory run when the store changed since), the rule table for reports,
// and writing an output file whole or not at all.
#ifndef CLAIMS_CLI_REPORT_SUPPORT_H_
#define CLAIMS_CLI_REPORT_SUPPORT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "check/finding.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/store_cli.h"  // DbPath
#include "report/report.h"
#include "store/store.h"

namespace claims::cli {

// Opens an existing store (never creates one: a typo in --db must not report
// on an empty store). read_only for commands that only read.
Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& path, bool read_only);

struct CurrentFindings {
  std::vector<Finding> findings;
  CheckSummary summary;
  std::vector<StoredClaim> claims;  // every claim in the store, by path, byte_start
  bool ran_checker = false;         // true: the store's last run was missing or stale
};

// The store's last check run when it matches the store's current content
// (same article and claim counts); otherwise runs the checker with default
// options over all claims and mentions (not saved: the store may be read-only).
Result<CurrentFindings> LoadOrCheck(store::Store& store);

// Runs the checker over the whole store and saves the run, as `claims check` does.
Result<CurrentFindings> CheckAndSave(store::Store& store);

// The checker's rule table as report::RuleInfo.
std::vector<report::RuleInfo> ReportRules();

// Writes `text` to `path`, or to env.out for "" and "-". Files are written to
// a temporary name in the same directory and renamed, so a reader never sees
// half a report.
Status WriteOutput(const std::string& path, std::string_view text, Env& env);

// The whole file, or kIoError naming it.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_REPORT_SUPPORT_H_
