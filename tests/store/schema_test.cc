#include "store/schema.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>

#include "ingest/temp_dir.h"
#include "store/db.h"
#include "store/store.h"

namespace claims::store {
namespace {

Db MemoryDb() {
  Result<Db> db = Db::Open(":memory:", Db::Options());
  REQUIRE(db.ok());
  return std::move(db).value();
}

std::string Dump(Db* db) {
  Result<std::string> d = DumpSchema(db);
  REQUIRE(d.ok());
  return *d;
}

TEST_CASE("schema.sql equals the result of every migration applied to an empty store", "[store][schema]") {
  Db migrated = MemoryDb();
  REQUIRE(Migrate(&migrated, FreshStore::kMigrationsOnly).ok());
  Db from_schema = MemoryDb();
  REQUIRE(from_schema.Exec(SchemaSql()).ok());
  std::string want = Dump(&from_schema);
  CHECK(want.find("table claims:") != std::string::npos);  // the dump is not trivially empty
  CHECK(Dump(&migrated) == want);
  CHECK(*migrated.QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
}

// A new store is made from schema.sql in one go (Migrate's default), not by
// the migrations: it must be the same store, version and mark included.
TEST_CASE("a fresh store is made from schema.sql and equals a migrated one", "[store][schema]") {
  Db fresh = MemoryDb();
  REQUIRE(Migrate(&fresh).ok());
  Db migrated = MemoryDb();
  REQUIRE(Migrate(&migrated, FreshStore::kMigrationsOnly).ok());
  CHECK(Dump(&fresh) == Dump(&migrated));
  CHECK(*fresh.QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
  CHECK(*fresh.QueryInt("PRAGMA application_id") == kApplicationId);
  // And it is current: migrating again changes nothing.
  const std::string once = Dump(&fresh);
  REQUIRE(Migrate(&fresh).ok());
  CHECK(Dump(&fresh) == once);
}

TEST_CASE("migrations are numbered 0001, 0002, ... without gaps", "[store][schema]") {
  REQUIRE(!Migrations().empty());
  CHECK(CurrentSchemaVersion() == static_cast<int>(Migrations().size()));
  for (size_t i = 0; i < Migrations().size(); ++i) {
    std::string_view name = Migrations()[i].name;
    size_t slash = name.rfind('/');
    std::string_view file = name.substr(slash + 1);
    INFO(name);
    CHECK(name.substr(0, slash) == "claims.db/migrations");
    CHECK(std::stoi(std::string(file.substr(0, 4))) == static_cast<int>(i + 1));
    CHECK(file.substr(4, 1) == "_");
  }
}

TEST_CASE("migrating twice is a no-op", "[store][schema]") {
  Db db = MemoryDb();
  REQUIRE(Migrate(&db).ok());
  std::string once = Dump(&db);
  REQUIRE(Migrate(&db).ok());
  CHECK(Dump(&db) == once);
  CHECK(*db.QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
  CHECK(*db.QueryInt("PRAGMA application_id") == kApplicationId);
}

TEST_CASE("a store newer than this binary is refused, naming both versions", "[store][schema]") {
  Db db = MemoryDb();
  REQUIRE(Migrate(&db).ok());
  REQUIRE(db.Exec("PRAGMA user_version = 99").ok());
  Status s = Migrate(&db);
  REQUIRE(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("schema version 99") != std::string::npos);
  CHECK(s.message().find("up to " + std::to_string(CurrentSchemaVersion())) != std::string::npos);
}

TEST_CASE("a SQLite database that is not a claims store is refused and left alone", "[store][schema]") {
  struct Case {
    const char* setup;
  } cases[] = {
      {"CREATE TABLE recipes (name TEXT)"},                    // someone else's tables
      {"PRAGMA user_version = 1"},                             // a version but not our application id
      {"CREATE TABLE t (x); PRAGMA application_id = 42"},      // another application
  };
  for (const Case& c : cases) {
    INFO(c.setup);
    Db db = MemoryDb();
    REQUIRE(db.Exec(c.setup).ok());
    std::string before = Dump(&db);
    Status s = Migrate(&db);
    CHECK(s.code() == Status::Code::kStoreError);
    CHECK(s.message().find("not a claims store") != std::string::npos);
    CHECK(Dump(&db) == before);
  }
}

// Two ingests that start together on a new file: one creates the store, the
// other must see either an empty file or the whole store, never the store's
// tables beside version 0 ("not a claims store"). The race is timing: many
// rounds give it a chance (it showed about once in a hundred ingest pairs).
TEST_CASE("two connections creating one new store at once both get a claims store", "[store][schema]") {
  testing::TempDir dir;
  const std::string path = dir / "race.db";
  for (int round = 0; round < 60; ++round) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    Status results[2];
    auto open_and_migrate = [&](int i) {
      Result<Db> db = Db::Open(path, Db::Options());
      results[i] = db.ok() ? Migrate(&*db) : db.status();
    };
    std::thread other(open_and_migrate, 1);
    open_and_migrate(0);
    other.join();
    INFO("round " << round);
    CHECK(results[0].ok());
    CHECK(results[1].ok());
    if (!results[0].ok() || !results[1].ok()) break;
  }
}

TEST_CASE("NormalizeSql ignores comments and white space but not content", "[store][schema]") {
  CHECK(NormalizeSql("CREATE TABLE t (\n  a TEXT, -- note\n  b INTEGER\n)") == "CREATE TABLE t(a TEXT,b INTEGER)");
  CHECK(NormalizeSql("CREATE INDEX IF NOT EXISTS i ON t (a)") == "CREATE INDEX i ON t(a)");
  CHECK(NormalizeSql("CHECK (x IN ('a  b', 'c'))") == "CHECK(x IN('a  b','c'))");
  CHECK(NormalizeSql("a TEXT") != NormalizeSql("a INTEGER"));
  // A table renamed by a migration is stored as CREATE TABLE "name".
  CHECK(NormalizeSql("CREATE TABLE \"articles\" (a)") == "CREATE TABLE articles(a)");
  CHECK(NormalizeSql("CHECK (x = '\"')") == "CHECK(x = '\"')");
}

}  // namespace
}  // namespace claims::store
