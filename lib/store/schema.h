// The store's schema: the migrations embedded from claims.db/migrations/, the
// readable claims.db/schema.sql, and the code that brings a database to the
// current version (or refuses it). Used by Store::Open and the schema tests.
#ifndef CLAIMS_STORE_SCHEMA_H_
#define CLAIMS_STORE_SCHEMA_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/embedded.h"
#include "base/status.h"
#include "store/db.h"

namespace claims::store {

// PRAGMA application_id of every claims store: "Clms". Written to disk; never
// change it.
inline constexpr int64_t kApplicationId = 0x436C6D73;

// The embedded migrations in order: Migrations()[i] takes user_version i to i+1.
std::span<const EmbeddedFile> Migrations();
// claims.db/schema.sql as embedded at build time.
std::string_view SchemaSql();

// Brings `db` to CurrentSchemaVersion() inside one transaction. Refuses, with
// a message naming the file and both versions, a database newer than this
// binary; refuses SQLite files that are not claims stores. An empty database
// becomes a fresh store: by running schema.sql, which a test keeps equal to
// what the migrations make (kMigrationsOnly runs them instead, for that
// test). A read-only database must already be current.
enum class FreshStore { kFromSchema, kMigrationsOnly };
Status Migrate(Db* db, FreshStore fresh = FreshStore::kFromSchema);

// sqlite_master in a comparable form: one line per table/index/trigger/view,
// sorted, "index claims_by_article: CREATE INDEX claims_by_article ON
// claims(article_id)", with comments, white space and identifiers' double
// quotes dropped.
Result<std::string> DumpSchema(Db* db);
// The normalisation DumpSchema applies to each statement (exposed for tests).
std::string NormalizeSql(std::string_view sql);

}  // namespace claims::store

#endif  // CLAIMS_STORE_SCHEMA_H_
