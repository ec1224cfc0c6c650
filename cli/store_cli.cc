#include "cli/store_cli.h"

#include <filesystem>

#include <fmt/format.h>

namespace claims::cli {

std::string DbPath(const Args& args, const Env& env) {
  if (args.Has("db")) return args.Get("db");
  if (env.getenv != nullptr) {
    std::string from_env = env.getenv("CLAIMS_DB");
    if (!from_env.empty()) return from_env;
  }
  return std::string(kDefaultDb);
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, const store::OpenOptions& options) {
  std::error_code ec;
  if (path != ":memory:" && std::filesystem::is_directory(path, ec)) {
    return Status::StoreError(fmt::format(
        "{} is a directory, not a store file (in the repository root, claims.db/ holds the schema); "
        "pass --db FILE or set CLAIMS_DB",
        path));
  }
  return store::Store::Open(path, options);
}

std::string FormatCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string FormatBytes(int64_t n) {
  if (n >= (int64_t{1} << 30)) return fmt::format("{:.1f} GB", static_cast<double>(n) / (1 << 30));
  if (n >= (1 << 20)) return fmt::format("{:.1f} MB", static_cast<double>(n) / (1 << 20));
  if (n >= (1 << 10)) return fmt::format("{} KB", n >> 10);
  return fmt::format("{} bytes", n);
}

}  // namespace claims::cli
