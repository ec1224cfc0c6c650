// Behaviour that needs a real file: locking between two connections,
// read-only opens, and a store left by a killed writer. These use a temp
// directory; everything else in tests/store runs on ":memory:".
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ingest/temp_dir.h"
#include "store/db.h"
#include "store/schema.h"
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

// A version-1 store as 0001_init.sql left it: sentences copied into every
// claim and mention. Two articles; article 1 quotes one sentence three times
// (two claims and a date) and has a claim without a sentence.
void WriteVersion1Store(const std::string& path) {
  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  REQUIRE(db->Exec(Migrations()[0].contents).ok());
  REQUIRE(db->Exec(R"sql(
    PRAGMA user_version = 1;
    INSERT INTO articles (id, path, hash, bytes, ingested_at, extractor_version)
      VALUES (1, 'a.txt', 'h1', 100, '2024-01-01T00:00:00Z', 1), (2, 'b.txt', 'h2', 100, '2024-01-01T00:00:00Z', 1);
    INSERT INTO claims (article_id, byte_start, byte_end, line, surface, value_lo, value_hi, precision, unit,
                        dimension, qualifier, kind, sentence_start, sentence_end, sentence) VALUES
      (1, 10, 12, 1, '5%', '5', '5', '1', '%', 'percent', 'exact', 'level', 0, 40, '营收增长5%，利润增长7%。'),
      (1, 20, 22, 1, '7%', '7', '7', '1', '%', 'percent', 'exact', 'level', 0, 40, '营收增长5%，利润增长7%。'),
      (1, 60, 62, 2, '9%', '9', '9', '1', '%', 'percent', 'exact', 'level', 0, 0, ''),
      (2, 10, 12, 1, '5%', '5', '5', '1', '%', 'percent', 'exact', 'level', 0, 40, '营收增长5%，利润增长7%。');
    INSERT INTO mentions (article_id, type, byte_start, byte_end, line, surface, value, sentence) VALUES
      (1, 'date', 0, 6, 1, '去年', 'rel:-1y', '营收增长5%，利润增长7%。'),
      (1, 'model', 80, 84, 3, 'H100', '', 'H100单独成句。');
    DROP INDEX claims_by_subject;  -- as a version-1 bulk load killed midway left it
  )sql").ok());
}

TEST_CASE("a version-1 store is migrated in place: each sentence stored once, nothing lost", "[store][schema]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  WriteVersion1Store(path);
  // A reading command (stats, export, check) migrates it as well.
  OpenOptions ro;
  ro.read_only = true;
  ro.create = false;
  auto store = Store::Open(path, ro);
  REQUIRE(store.ok());
  auto claims = (*store)->LoadClaims(ClaimFilter());
  REQUIRE(claims.ok());
  std::vector<std::string> got;
  for (const StoredClaim& c : *claims) got.push_back(c.path + " " + c.claim.surface + " " + c.claim.sentence);
  CHECK(got == std::vector<std::string>{"a.txt 5% 营收增长5%，利润增长7%。", "a.txt 7% 营收增长5%，利润增长7%。",
                                        "a.txt 9% ", "b.txt 5% 营收增长5%，利润增长7%。"});
  auto mentions = (*store)->LoadMentions(ClaimFilter());
  REQUIRE(mentions.ok());
  REQUIRE(mentions->size() == 2);
  CHECK((*mentions)[0].first.sentence == "营收增长5%，利润增长7%。");
  CHECK((*mentions)[1].second.sentence == "H100单独成句。");

  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  CHECK(*db->QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
  CHECK(*db->QueryInt("SELECT count(*) FROM sentences") == 3);  // two in a.txt, one in b.txt
  CHECK(*db->QueryInt("SELECT count(*) FROM claims WHERE sentence_id IS NULL") == 1);
  // Schema 4: row ids are (article id << 32) + the row's place in its
  // article, in the order the rows had.
  auto ids = [&](const char* sql) {
    Result<Statement> st = db->Prepare(sql);
    std::vector<int64_t> out;
    while (*st->Step()) out.push_back(st->Int(0));
    return out;
  };
  const int64_t a1 = int64_t{1} << 32, a2 = int64_t{2} << 32;
  CHECK(ids("SELECT id FROM claims ORDER BY byte_start, id") == std::vector<int64_t>{a1, a2, a1 + 1, a1 + 2});
  CHECK(ids("SELECT id FROM mentions ORDER BY id") == std::vector<int64_t>{a1, a1 + 1});
  Result<Db> fresh = Db::Open(":memory:", Db::Options());
  REQUIRE(Migrate(&fresh.value()).ok());
  CHECK(*DumpSchema(&db.value()) == *DumpSchema(&fresh.value()));
}

TEST_CASE("migration 3 rebuilds articles without deleting claims, even on a connection with foreign keys on",
          "[store][schema]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  WriteVersion1Store(path);
  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  // Up to version 2 only, then on to the current version with foreign keys
  // on: dropping the old articles table must not cascade to the claims.
  REQUIRE(db->Exec("BEGIN").ok());
  REQUIRE(db->Exec(Migrations()[1].contents).ok());
  REQUIRE(db->Exec("PRAGMA user_version = 2; COMMIT").ok());
  REQUIRE(db->Exec("PRAGMA foreign_keys = ON").ok());
  REQUIRE(Migrate(&db.value()).ok());
  CHECK(*db->QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
  CHECK(*db->QueryInt("PRAGMA foreign_keys") == 1);  // restored
  CHECK(*db->QueryInt("SELECT count(*) FROM claims") == 4);
  CHECK(*db->QueryInt("SELECT count(*) FROM mentions") == 2);
  CHECK(*db->QueryInt("SELECT count(*) FROM articles WHERE path IN ('a.txt', 'b.txt')") == 2);
  // The rewritten CHECK still refuses what the old one did.
  CHECK(!db->Exec("UPDATE articles SET script = 'Latn' WHERE id = 1").ok());
  CHECK(db->Exec("UPDATE articles SET script = 'Hant' WHERE id = 1").ok());
  // The claims still belong to their articles (schema 4: by row id range).
  CHECK(*db->QueryInt("SELECT count(*) FROM claims WHERE id >> 32 = 2") == 1);
  Result<Db> fresh = Db::Open(":memory:", Db::Options());
  REQUIRE(Migrate(&fresh.value()).ok());
  CHECK(*DumpSchema(&db.value()) == *DumpSchema(&fresh.value()));
}

TEST_CASE("migration 5 drops value_sort and stores value_hi as NULL where it equals value_lo; reads are unchanged",
          "[store][schema]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  {
    Result<Db> db = Db::Open(path, Db::Options());
    REQUIRE(db.ok());
    REQUIRE(db->Exec("BEGIN").ok());
    for (size_t v = 0; v < 4; ++v) REQUIRE(db->Exec(Migrations()[v].contents).ok());
    // A version-4 store: one article, a one-value claim, a range claim, and
    // a finding citing the range claim.
    REQUIRE(db->Exec(R"sql(
      PRAGMA user_version = 4;
      INSERT INTO articles (id, path, hash, bytes, ingested_at, extractor_version)
        VALUES (1, 'a.txt', 'h1', 100, '2024-01-01T00:00:00Z', 1);
      INSERT INTO sentences (id, article_id, text) VALUES (1, 1, '营收增长5%，利润增长7%至9%。');
      INSERT INTO claims (id, byte_start, byte_end, line, surface, value_lo, value_hi, precision, value_sort, unit,
                          dimension, qualifier, kind, sentence_start, sentence_end, sentence_id) VALUES
        ((1 << 32), 12, 14, 1, '5%', '5', '5', '1', 5.0, '%', 'percent', 'exact', 'level', 0, 40, 1),
        ((1 << 32) + 1, 30, 37, 1, '7%至9%', '7', '9', '1', 7.0, '%', 'percent', 'range', 'level', 0, 40, 1);
      INSERT INTO check_runs (id, ran_at, articles, claims, groups_compared, consistent, findings)
        VALUES (1, '2024-01-01T00:00:00Z', 1, 2, 1, 0, 1);
      INSERT INTO findings (id, run_id, rule, family, severity, message, fingerprint)
        VALUES (1, 1, 'r', 'f', 'info', 'm', 'fp');
      INSERT INTO finding_claims (finding_id, ord, claim_id, path, article_hash, byte_start, byte_end, line, surface,
                                  value_lo, value_hi, precision, value_sort, unit, dimension, qualifier, kind)
        VALUES (1, 0, (1 << 32) + 1, 'a.txt', 'h1', 30, 37, 1, '7%至9%', '7', '9', '1', 7.0, '%', 'percent',
                'range', 'level');
      COMMIT;
    )sql").ok());
  }
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto claims = (*store)->LoadClaims(ClaimFilter());
  REQUIRE(claims.ok());
  REQUIRE(claims->size() == 2);
  CHECK((*claims)[0].claim.value_lo.ToString() == "5");
  CHECK((*claims)[0].claim.value_hi.ToString() == "5");
  CHECK((*claims)[1].claim.value_lo.ToString() == "7");
  CHECK((*claims)[1].claim.value_hi.ToString() == "9");
  CHECK((*claims)[1].claim.qualifier == Qualifier::kRange);
  CHECK((*claims)[1].claim.sentence == "营收增长5%，利润增长7%至9%。");
  auto findings = (*store)->LoadFindings();
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  REQUIRE((*findings)[0].claims.size() == 1);
  CHECK((*findings)[0].claims[0].claim.value_hi.ToString() == "9");
  CHECK((*findings)[0].claims[0].claim.surface == "7%至9%");

  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  CHECK(*db->QueryInt("PRAGMA user_version") == CurrentSchemaVersion());
  CHECK(*db->QueryInt("SELECT count(*) FROM claims WHERE value_hi IS NULL") == 1);
  CHECK(*db->QueryInt("SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'value_sort'") == 0);
  CHECK(*db->QueryInt("SELECT count(*) FROM pragma_table_info('finding_claims') WHERE name = 'value_sort'") == 0);
  Result<Db> fresh = Db::Open(":memory:", Db::Options());
  REQUIRE(Migrate(&fresh.value()).ok());
  CHECK(*DumpSchema(&db.value()) == *DumpSchema(&fresh.value()));

  // New saves write the same layout: NULL for a one-value claim only.
  ArticleRecord b = Article1();
  b.article.path = "b.txt";
  b.article.hash = "h2";
  for (const char* hi : {"5", "9", "5"}) {
    Claim c;
    c.surface = "x";
    c.value_lo = *Decimal::Parse("5");
    c.value_hi = *Decimal::Parse(hi);
    c.precision = *Decimal::Parse("1");
    b.claims.push_back(c);
  }
  REQUIRE((*store)->SaveArticle(b).ok());
  Result<Statement> st = db->Prepare("SELECT group_concat(coalesce(value_hi, 'NULL'), ' ') FROM claims "
                                     "WHERE id >> 32 = (SELECT id FROM articles WHERE path = 'b.txt')");
  REQUIRE(st.ok());
  REQUIRE(*st->Step());
  CHECK(st->Text(0) == "NULL 9 NULL");
}

TEST_CASE("a migration that fails leaves the store at its old version, untouched", "[store][schema]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  WriteVersion1Store(path);
  {
    Result<Db> db = Db::Open(path, Db::Options());
    REQUIRE(db->Exec("CREATE TABLE sentences (x)").ok());  // in the way of migration 2
  }
  Status s = Store::Open(path).status();
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("migration claims.db/migrations/0002") != std::string::npos);
  Result<Db> db = Db::Open(path, Db::Options());
  CHECK(*db->QueryInt("PRAGMA user_version") == 1);
  CHECK(*db->QueryInt("SELECT count(*) FROM claims WHERE sentence <> ''") == 3);
}

// Counts rows of the file store at `path` with `sql`.
int64_t Count(const std::string& path, const char* sql) {
  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  Result<int64_t> n = db->QueryInt(sql);
  REQUIRE(n.ok());
  return *n;
}

TEST_CASE("sentences are stored once per article and go with their article", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto claim = [](uint32_t start, const char* sentence) {
    Claim c;
    c.byte_start = start;
    c.byte_end = start + 2;
    c.surface = "5%";
    c.value_lo = c.value_hi = *Decimal::Parse("5");
    c.precision = *Decimal::Parse("1");
    c.unit = "%";
    c.sentence = sentence;
    return c;
  };
  ArticleRecord a = Article1();
  a.claims = {claim(0, "甲句。"), claim(3, "甲句。"), claim(9, "乙句。"), claim(20, "")};
  a.mentions = {Mention{Mention::Type::kDate, 1, 2, 1, "今年", "rel:0y", "甲句。"},
                Mention{Mention::Type::kModel, 30, 34, 1, "H100", "", "丙句。"}};
  ArticleRecord b = Article1();
  b.article.path = "b.txt";
  b.article.hash = "h2";
  b.claims = {claim(0, "甲句。")};
  REQUIRE((*store)->SaveArticles({a, b}).ok());
  CHECK(Count(path, "SELECT count(*) FROM sentences") == 4);  // 甲 乙 丙 in a.txt, 甲 in b.txt
  auto loaded = (*store)->LoadClaims(ClaimFilter{{"a.txt"}});
  REQUIRE(loaded->size() == 4);
  CHECK((*loaded)[1].claim.sentence == "甲句。");
  CHECK((*loaded)[2].claim.sentence == "乙句。");
  CHECK((*loaded)[3].claim.sentence.empty());
  CHECK((*store)->LoadMentions(ClaimFilter())->back().first.sentence == "丙句。");

  a.article.hash = "h3";  // edited: its sentences are replaced with its claims
  a.claims = {claim(0, "丁句。")};
  a.mentions.clear();
  REQUIRE((*store)->SaveArticle(a).ok());
  CHECK(Count(path, "SELECT count(*) FROM sentences WHERE article_id = (SELECT id FROM articles "
                    "WHERE path = 'a.txt')") == 1);
  int64_t removed = 0;
  REQUIRE((*store)->ForgetPaths({"a.txt", "b.txt"}, &removed).ok());
  CHECK(removed == 2);
  CHECK(Count(path, "SELECT count(*) FROM sentences") == 0);
}


TEST_CASE("forgetting an article deletes its own sentences only, even where its ids interleave with another's",
          "[store]") {
  // The writer gives an article's sentences consecutive ids; a store whose
  // ids interleave (written by hand here) must still lose only its own.
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
  }
  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  REQUIRE(db->Exec(R"sql(
    INSERT INTO articles (id, path, hash, bytes, ingested_at, extractor_version)
      VALUES (1, 'a.txt', 'h1', 9, '2024-01-01T00:00:00Z', 1), (2, 'b.txt', 'h2', 9, '2024-01-01T00:00:00Z', 1);
    INSERT INTO sentences (id, article_id, text) VALUES (1, 1, '甲'), (2, 2, '乙'), (3, 1, '丙');
    INSERT INTO claims (id, byte_start, byte_end, line, surface, value_lo, value_hi, precision, unit, dimension,
                        qualifier, kind, sentence_id) VALUES
      ((1 << 32), 0, 1, 1, '5', '5', '5', '1', '', '', 'exact', 'level', 1),
      ((2 << 32), 0, 1, 1, '6', '6', '6', '1', '', '', 'exact', 'level', 2);
    INSERT INTO mentions (id, type, byte_start, byte_end, line, surface, sentence_id) VALUES
      ((1 << 32), 'model', 3, 4, 1, 'H100', 3);
  )sql").ok());
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->ForgetPaths({"a.txt"}, nullptr).ok());
  CHECK(*db->QueryInt("SELECT group_concat(id) FROM sentences") == 2);
  CHECK(*db->QueryInt("SELECT count(*) FROM claims") == 1);
  CHECK(*db->QueryInt("SELECT count(*) FROM mentions") == 0);
  auto claims = (*store)->LoadClaims(ClaimFilter());
  REQUIRE(claims->size() == 1);
  CHECK((*claims)[0].claim.sentence == "乙");
}

TEST_CASE("an article id too large for row id ranges is refused, and nothing is saved", "[store]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  Result<Db> db = Db::Open(path, Db::Options());
  REQUIRE(db.ok());
  // The next article would get id 2^31: its rows would need ids past 2^63.
  REQUIRE(db->Exec("INSERT INTO articles (id, path, hash, bytes, ingested_at, extractor_version) "
                   "VALUES (2147483647, 'old.txt', 'h0', 1, '2024-01-01T00:00:00Z', 1)").ok());
  Status s = (*store)->SaveArticle(Article1());
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("too large") != std::string::npos);
  CHECK(*(*store)->AllPaths() == std::vector<std::string>{"old.txt"});
}

TEST_CASE("a row refused in the middle of a bulk insert rolls back the whole batch; the next save goes through",
          "[store]") {
  // The bulk inserts say OR ROLLBACK (no statement journal): SQLite itself
  // ends the transaction at the refused row. What the batch deleted and
  // inserted before it must be gone, and the store must take the next save.
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  auto claims = [](int n, int repeat_at) {
    std::vector<Claim> out;
    for (int i = 0; i < n; ++i) {
      Claim c;
      c.byte_start = static_cast<uint32_t>(i * 3);
      c.byte_end = c.byte_start + 2;
      c.surface = "s" + std::to_string(i == repeat_at ? 1 : i);
      c.value_lo = c.value_hi = *Decimal::Parse("5");
      c.precision = *Decimal::Parse("1");
      c.unit = "%";
      c.sentence = "句" + std::to_string(i / 4);
      out.push_back(c);
    }
    return out;
  };
  ArticleRecord a = Article1();
  a.claims = claims(1, -1);
  REQUIRE((*store)->SaveArticle(a).ok());
  Result<Db> other = Db::Open(path, Db::Options());
  REQUIRE(other.ok());
  // A test-only index makes a repeated surface a constraint failure.
  REQUIRE(other->Exec("CREATE UNIQUE INDEX test_surface ON claims (surface)").ok());
  ArticleRecord replaced = Article1();
  replaced.article.hash = "h9";
  ArticleRecord b = Article1();
  b.article.path = "b.txt";
  b.article.hash = "h2";
  b.claims = claims(70, 40);  // rows 32..63 are the second 32-row run; row 40 repeats "s1"
  Status s = (*store)->SaveArticles({replaced, b});
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(s.message().find("UNIQUE") != std::string::npos);
  CHECK(*(*store)->AllPaths() == std::vector<std::string>{"a.txt"});
  CHECK((*store)->FindArticleByPath("a.txt")->article.hash == "h1");
  CHECK(Count(path, "SELECT count(*) FROM claims") == 1);
  CHECK(Count(path, "SELECT count(*) FROM sentences") == 1);

  REQUIRE(other->Exec("DROP INDEX test_surface").ok());
  REQUIRE((*store)->SaveArticles({replaced, b}).ok());
  CHECK(*(*store)->AllPaths() == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(Count(path, "SELECT count(*) FROM claims") == 70);
  CHECK(Count(path, "SELECT count(*) FROM sentences") == 18);
}

}  // namespace
}  // namespace claims::store
