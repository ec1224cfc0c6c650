// Helpers shared by the store commands (ingest, forget, stats, export):
// where the store is (--db, CLAIMS_DB, claims.db), opening it with a message
// a user can act on, and human-readable numbers.
#ifndef CLAIMS_CLI_STORE_CLI_H_
#define CLAIMS_CLI_STORE_CLI_H_

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "store/store.h"

namespace claims::cli {

inline constexpr std::string_view kDefaultDb = "claims.db";

// --db PATH, else $CLAIMS_DB, else claims.db in the current directory.
std::string DbPath(const Args& args, const Env& env);

// Store::Open with a clearer message when the path is a directory (the
// repository's claims.db/ schema folder, for one).
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, const store::OpenOptions& options);

// 48210 -> "48,210".
std::string FormatCount(int64_t n);
// 36805017 -> "35.1 MB" (binary megabytes, one decimal); below 1 MB: "812 KB" / "12 bytes".
std::string FormatBytes(int64_t n);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_STORE_CLI_H_
