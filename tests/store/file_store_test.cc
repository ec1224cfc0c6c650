// Behaviour that needs a real file: locking between two connections,
// read-only opens, and a store left by a killed writer. These use a temp
// directory; everything else in tests/store runs on ":memory:".
#include <catch2/catch.hpp>
#include <string>

#include "ingest/temp_dir.h"
#include "store/db.h"
#include "store/store.h"

namespace claims::store {
namespace {

ArticleRecord Article1() {
  ArticleRecord r;
  r.article.path = "a.txt";
  r.article.hash = "h1";
  r.extractor_version = 1;
  return r;
}

TEST_CASE("a second writer waits for the busy timeout, then fails clearly", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  auto first = Store::Open(path);
  REQUIRE(first.ok());
  // Another process holding the write lock.
  Result<Db> holder = Db::Open(path, Db::Options());
  REQUIRE(holder.ok());
  REQUIRE(holder->Exec("BEGIN IMMEDIATE").ok());

  OpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto second = Store::Open(path, quick);
  REQUIRE(second.ok());  // opening a current store needs no write lock
  Status s = (*second)->SaveArticle(Article1());
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("locked by another process") != std::string::npos);

  REQUIRE(holder->Exec("COMMIT").ok());
  CHECK((*second)->SaveArticle(Article1()).ok());
  CHECK((*first)->FindArticleByPath("a.txt")->article.hash == "h1");
}

TEST_CASE("read-only opens never write and say why a write fails", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  OpenOptions ro;
  ro.read_only = true;
  ro.create = false;
  Status missing = Store::Open(path, ro).status();
  CHECK(missing.message().find("no claims store here") != std::string::npos);
  CHECK(!std::filesystem::exists(path));

  REQUIRE(Store::Open(path).ok());
  auto reader = Store::Open(path, ro);
  REQUIRE(reader.ok());
  CHECK((*reader)->Stats()->articles == 0);
  Status s = (*reader)->SaveArticle(Article1());
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("read-only") != std::string::npos);
}

TEST_CASE("an empty file is not a store to read, but becomes one to write", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.Write("empty.db", "");
  OpenOptions ro;
  ro.read_only = true;
  CHECK(Store::Open(path, ro).status().message().find("is empty") != std::string::npos);
  auto writer = Store::Open(path);
  REQUIRE(writer.ok());
  CHECK((*writer)->Stats()->schema_version == CurrentSchemaVersion());
}

TEST_CASE("checker indexes missing after an interrupted bulk load come back on open", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  {
    auto s = Store::Open(path);
    REQUIRE(s.ok());
    REQUIRE((*s)->BeginBulkLoad().ok());
  }  // "killed" before EnsureIndexes
  auto count = [&] {
    Result<Db> db = Db::Open(path, Db::Options());
    return *db->QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'claims_by_subject'");
  };
  CHECK(count() == 0);
  REQUIRE(Store::Open(path).ok());
  CHECK(count() == 1);
}

}  // namespace
}  // namespace claims::store
