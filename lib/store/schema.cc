// Migrations follow ninja's build log: a version number in the file
// (PRAGMA user_version), the oldest and newest versions this binary knows,
// and a clear refusal for anything newer. Migrations are plain SQL files,
// embedded at build time and applied in order inside one transaction, so a
// crash mid-migration leaves the old version intact.
#include "store/schema.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "store/store.h"
#include "store_migrations.inc"
#include "store_schema.inc"

namespace claims::store {
std::span<const EmbeddedFile> Migrations() { return embedded::kMigrations; }

std::string_view SchemaSql() { return embedded::kSchemaSql[0].contents; }

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

// Applies the migrations after the store's version, in one transaction. An
// empty database gets schema.sql instead (with `fresh` kFromSchema): the same
// tables, made once, where the migrations create and then rebuild them (40
// million instructions, a tenth of the CPU of a 10 MB first ingest outside
// extraction and the writer).
static Status ApplyMigrations(Db* db, int current, FreshStore fresh) {
  const std::string& name = db->path();
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status();
  // Another process may have migrated while we waited for the lock.
  Result<int64_t> version = db->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version == 0 && fresh == FreshStore::kFromSchema) {
    // Migrate refused a version-0 database holding anything (not a store).
    Status s = db->Exec(SchemaSql());
    if (!s.ok()) return Status::StoreError(fmt::format("{}: creating the store failed: {}", name, s.message()));
    return tx->Commit();
  }
  for (int v = static_cast<int>(*version); v < current; ++v) {
    Status s = db->Exec(Migrations()[v].contents);
    if (!s.ok()) {
      return Status::StoreError(fmt::format("{}: migration {} failed: {}", name, Migrations()[v].name, s.message()));
    }
    s = db->Exec(fmt::format("PRAGMA user_version = {}", v + 1));
    if (!s.ok()) return s;
  }
  return tx->Commit();
}

Status Migrate(Db* db, FreshStore fresh) {
  const std::string& name = db->path();
  // The three reads share one snapshot: another ingest may create the store
  // between them, and its version 0 read before beside its tables read after
  // would look like a foreign database.
  Result<Transaction> snapshot = Transaction::BeginRead(db);
  if (!snapshot.ok()) return snapshot.status();
  Result<int64_t> version = db->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  Result<int64_t> app_id = db->QueryInt("PRAGMA application_id");
  if (!app_id.ok()) return app_id.status();
  Result<int64_t> objects = db->QueryInt("SELECT count(*) FROM sqlite_master");
  if (!objects.ok()) return objects.status();
  if (Status s = snapshot->Commit(); !s.ok()) return s;
  const int current = CurrentSchemaVersion();

  if (*version > current) {
    return Status::StoreError(fmt::format(
        "{} has schema version {}; this claims understands versions up to {}: use a newer claims", name, *version,
        current));
  }
  if ((*version == 0 && *objects > 0) || (*version > 0 && *app_id != kApplicationId)) {
    return Status::StoreError(fmt::format(
        "{} is a SQLite database but not a claims store; pass --db with another file", name));
  }
  if (*version == current) return Status::Ok();
  if (db->IsReadOnly()) {
    return Status::StoreError(fmt::format(
        "{} has schema version {}; this claims needs version {} and cannot migrate a read-only store", name,
        *version, current));
  }

  // WAL before the first write: readers (export, report) never block the
  // writer and a killed writer leaves the last committed state.
  Status s = db->ExecWaitingForLock("PRAGMA journal_mode = WAL");
  if (!s.ok()) return s;
  // Foreign keys off while migrating (the pragma is a no-op inside a
  // transaction, so around it): a migration that rebuilds a table drops the
  // old one, and with foreign keys on that would delete every claim
  // (ON DELETE CASCADE). 0003 rebuilds `articles`.
  Result<int64_t> foreign_keys = db->QueryInt("PRAGMA foreign_keys");
  if (!foreign_keys.ok()) return foreign_keys.status();
  if (*foreign_keys != 0) {
    s = db->Exec("PRAGMA foreign_keys = OFF");
    if (!s.ok()) return s;
  }
  s = ApplyMigrations(db, current, fresh);
  if (*foreign_keys != 0) {
    Status on = db->Exec("PRAGMA foreign_keys = ON");
    if (s.ok()) s = on;
  }
  return s;
}

std::string NormalizeSql(std::string_view sql) {
  std::string out;
  bool in_string = false;
  bool pending_space = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (!in_string && c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
      pending_space = true;
      continue;
    }
    if (!in_string && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      pending_space = true;
      continue;
    }
    if (c == '\'') in_string = !in_string;
    // A rebuilt table's CREATE reads `CREATE TABLE "articles"` after its
    // rename (0003): a quoted identifier is the same identifier.
    if (!in_string && c == '"') continue;
    bool punct = c == '(' || c == ')' || c == ',';
    bool prev_punct = !out.empty() && (out.back() == '(' || out.back() == ',');
    if (pending_space && !out.empty() && !punct && !prev_punct) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  // sqlite_master drops "IF NOT EXISTS"; so do we.
  for (std::string_view w : {"IF NOT EXISTS ", "if not exists "}) {
    size_t p = out.find(w);
    if (p != std::string::npos) out.erase(p, w.size());
  }
  return out;
}

Result<std::string> DumpSchema(Db* db) {
  Result<Statement> st = db->Prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
      "ORDER BY type, name");
  if (!st.ok()) return st.status();
  std::vector<std::string> lines;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    lines.push_back(fmt::format("{} {}: {}", st->Text(0), st->Text(1), NormalizeSql(st->Text(2))));
  }
  std::sort(lines.begin(), lines.end());
  Result<int64_t> version = db->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  Result<int64_t> app_id = db->QueryInt("PRAGMA application_id");
  if (!app_id.ok()) return app_id.status();
  std::string out = fmt::format("application_id {}\nuser_version {}\n", *app_id, *version);
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

}  // namespace claims::store
