// claims stats: what the store holds.
#include <fmt/format.h>

#include "base/json.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/store_cli.h"

namespace claims::cli {

extern const std::string_view kStatsHelp =
    "usage: claims stats [--db PATH] [--format text|json]\n"
    "\n"
    "Summarises the store: articles, claims, mentions, findings of the last check, claims\n"
    "by unit and by dimension, the store's size, its schema version and the last ingest.\n"
    "The store is opened read-only.\n"
    "\n"
    "options:\n"
    "  --db PATH       the store (default: $CLAIMS_DB, else claims.db here)\n"
    "  --format text   aligned lines for people (default)\n"
    "  --format json   one JSON object: articles claims mentions findings schema_version\n"
    "                  file_bytes last_ingest claims_by_unit claims_by_dimension\n"
    "\n"
    "exit codes: 0 ok; 2 usage; 3 no store, not a claims store, or a newer schema; 4 internal.\n"
    "\n"
    "examples:\n"
    "  claims stats\n"
    "  claims stats --db news.db --format json\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"db", 0, true}, {"format", 0, true}};

std::string Json(const std::string& path, const store::StoreStats& s) {
  std::string out = "{\"store\":";
  json::AppendString(&out, path);
  out += fmt::format(",\"articles\":{},\"claims\":{},\"mentions\":{},\"findings\":{},\"schema_version\":{},"
                     "\"file_bytes\":{},\"last_ingest\":",
                     s.articles, s.claims, s.mentions, s.findings, s.schema_version, s.file_bytes);
  if (s.last_ingest.empty()) out += "null"; else json::AppendString(&out, s.last_ingest);
  for (const auto& [name, rows] : {std::pair{"claims_by_unit", &s.claims_by_unit},
                                   std::pair{"claims_by_dimension", &s.claims_by_dimension}}) {
    out += fmt::format(",\"{}\":{{", name);
    bool first = true;
    for (const auto& [key, n] : *rows) {
      if (!first) out += ",";
      first = false;
      json::AppendString(&out, key);
      out += fmt::format(":{}", n);
    }
    out += "}";
  }
  return out + "}\n";
}

std::string Text(const std::string& path, const store::StoreStats& s) {
  std::string out = fmt::format("store           {} ({}, schema version {})\n", path, FormatBytes(s.file_bytes),
                                s.schema_version);
  out += fmt::format("articles        {}\n", FormatCount(s.articles));
  out += fmt::format("claims          {}\n", FormatCount(s.claims));
  out += fmt::format("mentions        {}\n", FormatCount(s.mentions));
  out += fmt::format("findings        {}\n", FormatCount(s.findings));
  out += fmt::format("last ingest     {}\n", s.last_ingest.empty() ? "never" : s.last_ingest);
  for (const auto& [title, rows] : {std::pair{"claims by unit", &s.claims_by_unit},
                                    std::pair{"claims by dimension", &s.claims_by_dimension}}) {
    out += fmt::format("{}:\n", title);
    for (const auto& [key, n] : *rows) {
      out += fmt::format("  {:<14} {:>10}\n", key.empty() ? "(none)" : key, FormatCount(n));
    }
  }
  return out;
}

}  // namespace

int CmdStats(std::span<const std::string> argv, Env& env) {
  Result<Args> args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  if (!args->positional.empty()) {
    return ReportStatus(Status::InvalidArgument("stats takes no arguments; use --db PATH"), env);
  }
  std::string format = args->Get("format", "text");
  if (format != "text" && format != "json") {
    return ReportStatus(Status::InvalidArgument("--format must be text or json, not '" + format + "'"), env);
  }
  const std::string path = DbPath(*args, env);
  store::OpenOptions open;
  open.read_only = true;
  open.create = false;
  Result<std::unique_ptr<store::Store>> store = OpenStore(path, open);
  if (!store.ok()) return ReportStatus(store.status(), env);
  Result<store::StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return ReportStatus(stats.status(), env);
  fmt::print(env.out, "{}", format == "json" ? Json(path, *stats) : Text(path, *stats));
  return kExitOk;
}

}  // namespace claims::cli
