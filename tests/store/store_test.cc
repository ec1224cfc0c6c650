#include "store/store.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <string>
#include <vector>

namespace claims::store {
namespace {

std::unique_ptr<Store> OpenMemory() {
  Result<std::unique_ptr<Store>> s = Store::Open(":memory:");
  REQUIRE(s.ok());
  return std::move(s).value();
}

Decimal D(const char* text) { return *Decimal::Parse(text); }

Claim MakeClaim(uint32_t start, const char* surface, const char* lo, const char* hi, const char* unit) {
  Claim c;
  c.byte_start = start;
  c.byte_end = start + static_cast<uint32_t>(std::string_view(surface).size());
  c.line = 1;
  c.surface = surface;
  c.value_lo = D(lo);
  c.value_hi = D(hi);
  c.precision = D("1");
  c.unit = unit;
  c.dimension = unit == std::string("%") ? "percent" : "currency";
  c.sentence_start = 0;
  c.sentence_end = start + 40;
  c.sentence = std::string("句子里有") + surface + "。";
  return c;
}

ArticleRecord MakeArticle(const std::string& path, const std::string& hash, std::vector<Claim> claims) {
  ArticleRecord r;
  r.article.path = path;
  r.article.hash = hash;
  r.article.bytes = 1000;
  r.article.title = "标题 " + path;
  r.article.script = "Hans";
  r.extractor_version = 1;
  r.claims = std::move(claims);
  return r;
}

std::vector<std::string> Dumps(Store* store) {
  Result<std::vector<StoredClaim>> claims = store->LoadClaims(ClaimFilter());
  REQUIRE(claims.ok());
  std::vector<std::string> out;
  for (const StoredClaim& c : *claims) out.push_back(c.path + " " + c.claim.DebugString());
  return out;
}

TEST_CASE("claims round-trip with every field and exact values", "[store]") {
  auto store = OpenMemory();
  Claim c = MakeClaim(12, "59.31亿美元", "5931000000", "5931000000", "USD");
  c.precision = D("1000000");
  c.line = 16;
  c.counted = "个";
  c.qualifier = Qualifier::kApprox;
  c.kind = Kind::kChange;
  c.direction = Direction::kDown;
  c.entity = "英伟达";
  c.metric = "revenue";
  c.metric_word = "营收";
  c.period = "FY2023Q4";
  c.scope = "全球";
  c.base = "yoy";
  c.base_entity = "H100";
  c.sentence_start = 3;
  c.sentence_end = 90;
  REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h1", {c})).ok());
  auto loaded = store->LoadClaims(ClaimFilter());
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 1);
  const StoredClaim& got = loaded->front();
  CHECK(got.path == "a.txt");
  CHECK(got.article_hash == "h1");
  const Claim& g = got.claim;
  CHECK(g.byte_start == c.byte_start);
  CHECK(g.byte_end == c.byte_end);
  CHECK(g.line == 16);
  CHECK(g.surface == c.surface);
  CHECK(g.value_lo == c.value_lo);
  CHECK(g.precision.ToString() == "1000000");
  CHECK(g.counted == "个");
  CHECK(g.qualifier == Qualifier::kApprox);
  CHECK(g.kind == Kind::kChange);
  CHECK(g.direction == Direction::kDown);
  CHECK(g.entity == "英伟达");
  CHECK(g.metric == "revenue");
  CHECK(g.metric_word == "营收");
  CHECK(g.period == "FY2023Q4");
  CHECK(g.scope == "全球");
  CHECK(g.base == "yoy");
  CHECK(g.base_entity == "H100");
  CHECK(g.sentence_start == 3);
  CHECK(g.sentence_end == 90);
  CHECK(g.sentence == c.sentence);
}

TEST_CASE("values too precise for a double survive unchanged", "[store]") {
  const char* values[] = {"-16.5", "0.04", "123456789012345678901234567890", "0.000000000000000000000001",
                          "1200000000000", "99999999999999999.99", "0"};
  auto store = OpenMemory();
  std::vector<Claim> claims;
  uint32_t offset = 0;
  for (const char* v : values) claims.push_back(MakeClaim(offset += 10, "x", v, v, "USD"));
  REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h1", claims)).ok());
  auto loaded = store->LoadClaims(ClaimFilter());
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == std::size(values));
  for (size_t i = 0; i < std::size(values); ++i) CHECK((*loaded)[i].claim.value_lo.ToString() == values[i]);
}

// Rows go in 32 to an INSERT whose bindings stay between runs, the rest one
// by one: a field left over from an earlier row or batch would show here.
TEST_CASE("many rows over several batches: no field carries over from another row", "[store]") {
  auto store = OpenMemory();
  auto claim = [](int i, bool filled) {
    const std::string v = std::to_string(i * 7) + "." + std::to_string(i % 10 + 1);
    Claim c = MakeClaim(static_cast<uint32_t>(i * 20), "x", v.c_str(), v.c_str(), "%");
    // Enum names and empty texts are bound once per parameter and kept while
    // the next run's row has the same (Statement::BindStatic): these change
    // at other strides than the 32-row runs, so some slots keep and some not.
    c.qualifier = static_cast<Qualifier>(i / 7 % 5);
    c.kind = static_cast<Kind>(i / 11 % 4);
    c.direction = static_cast<Direction>(i / 5 % 3);
    if (i % 3 == 0) c.counted = "家";
    // Powers of ten within 10^±18 are bound as static texts made once
    // (rows.cc), the others as text made per row.
    const char* precisions[] = {"1", "0.01", "100000000", "5", "1e19", "1e-19", "0.25", "1e18", "1e-18"};
    c.precision = D(precisions[i % std::size(precisions)]);
    if (filled) {
      c.value_hi = D(std::to_string(i * 7 + 100).c_str());
      c.entity = "E" + std::to_string(i);
      c.period = "2023";
      c.sentence = "S" + std::to_string(i / 3);
      c.scope = "境内";
    }
    return c;
  };
  std::vector<std::string> want;
  for (int batch = 0; batch < 2; ++batch) {
    std::vector<ArticleRecord> records;
    for (int a = 0; a < 2; ++a) {
      std::vector<Claim> claims;
      // 70 then 33 claims an article: full INSERTs, then a tail of single rows.
      for (int i = 0; i < (batch == 0 ? 70 : 33); ++i) claims.push_back(claim(i + 100 * a, (i + batch) % 2 == 0));
      const std::string path = "b" + std::to_string(batch) + "a" + std::to_string(a) + ".txt";
      for (const Claim& c : claims) {
        want.push_back(path + " " + c.DebugString() + " " + c.entity + "|" + c.period + "|" + c.scope + "|" + c.sentence +
                       "|" + c.precision.ToString());
      }
      records.push_back(MakeArticle(path, "h" + path, claims));
    }
    REQUIRE(store->SaveArticles(records).ok());
  }
  auto loaded = store->LoadClaims(ClaimFilter());
  REQUIRE(loaded.ok());
  std::vector<std::string> got;
  for (const StoredClaim& c : *loaded) {
    got.push_back(c.path + " " + c.claim.DebugString() + " " + c.claim.entity + "|" + c.claim.period + "|" +
                  c.claim.scope + "|" + c.claim.sentence + "|" + c.claim.precision.ToString());
  }
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  CHECK(got == want);
}

TEST_CASE("rows saved around replaced records keep their ids, sentences and mentions", "[store]") {
  // The writer binds an id that runs on from the table's largest as NULL
  // (SQLite then assigns it): a record replaced later in the same batch
  // leaves a gap in the sentence ids, and an article replaced in a later
  // batch may give its article id to the new one.
  auto store = OpenMemory();
  auto article = [](const std::string& path, const std::string& hash, int n, const std::string& tag) {
    std::vector<Claim> claims;
    for (int i = 0; i < n; ++i) {
      Claim c = MakeClaim(static_cast<uint32_t>(i * 10), "1%", "1", "1", "%");
      c.sentence = tag + std::to_string(i / 2);
      claims.push_back(c);
    }
    ArticleRecord r = MakeArticle(path, hash, claims);
    r.mentions = {Mention{Mention::Type::kModel, 5, 9, 1, "H100", "", tag + "-m"}};
    return r;
  };
  auto dump = [&] {
    std::vector<std::string> out;
    auto claims = store->LoadClaims(ClaimFilter());
    auto mentions = store->LoadMentions(ClaimFilter());
    REQUIRE((claims.ok() && mentions.ok()));
    for (const StoredClaim& c : *claims) {
      out.push_back(c.path + " " + std::to_string(c.id & 0xFFFFFFFF) + " " + c.claim.sentence);
    }
    for (const auto& [loc, m] : *mentions) out.push_back(loc.path + " " + m.sentence);
    return out;
  };
  REQUIRE(store->SaveArticles({article("a.txt", "h1", 3, "A"), article("b.txt", "h2", 2, "B"),
                               article("a.txt", "h3", 4, "C"), article("d.txt", "h4", 1, "D")}).ok());
  const std::vector<std::string> first = {"a.txt 0 C0", "a.txt 1 C0", "a.txt 2 C1", "a.txt 3 C1", "b.txt 0 B0",
                                          "b.txt 1 B0", "d.txt 0 D0", "a.txt C-m", "b.txt B-m", "d.txt D-m"};
  CHECK(dump() == first);
  // d.txt has the largest article id: its replacement may take the same id.
  REQUIRE(store->SaveArticles({article("d.txt", "h5", 3, "E"), article("e.txt", "h6", 1, "F")}).ok());
  CHECK(dump() == std::vector<std::string>{"a.txt 0 C0", "a.txt 1 C0", "a.txt 2 C1", "a.txt 3 C1", "b.txt 0 B0",
                                           "b.txt 1 B0", "d.txt 0 E0", "d.txt 1 E0", "d.txt 2 E1", "e.txt 0 F0",
                                           "a.txt C-m", "b.txt B-m", "d.txt E-m", "e.txt F-m"});
}

TEST_CASE("saving replaces by path and by content hash", "[store]") {
  auto store = OpenMemory();
  REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h1", {MakeClaim(0, "1%", "1", "1", "%")})).ok());
  REQUIRE(store->SaveArticle(MakeArticle("b.txt", "h2", {MakeClaim(0, "2%", "2", "2", "%")})).ok());

  SECTION("same content again changes nothing") {
    REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h1", {MakeClaim(0, "1%", "1", "1", "%")})).ok());
    CHECK(Dumps(store.get()) == std::vector<std::string>{"a.txt claim{1 % exact level}", "b.txt claim{2 % exact level}"});
  }
  SECTION("an edited file replaces its old claims") {
    REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h3", {MakeClaim(0, "3%", "3", "3", "%"),
                                                           MakeClaim(9, "4%", "4", "4", "%")})).ok());
    CHECK(Dumps(store.get()) == std::vector<std::string>{"a.txt claim{3 % exact level}", "a.txt claim{4 % exact level}",
                                                         "b.txt claim{2 % exact level}"});
  }
  SECTION("a moved file keeps one row, under its new path") {
    REQUIRE(store->SaveArticle(MakeArticle("c.txt", "h1", {MakeClaim(0, "1%", "1", "1", "%")})).ok());
    CHECK(*store->AllPaths() == std::vector<std::string>{"b.txt", "c.txt"});
    CHECK(store->FindArticleByHash("h1")->article.path == "c.txt");
  }
  SECTION("one article taking a's path and b's content replaces both") {
    REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h2", {MakeClaim(0, "5%", "5", "5", "%")})).ok());
    CHECK(Dumps(store.get()) == std::vector<std::string>{"a.txt claim{5 % exact level}"});
    CHECK(store->FindArticleByHash("h2")->article.path == "a.txt");
  }
}

TEST_CASE("FindArticlesByHash answers each hash in order, empty for a hash not stored", "[store]") {
  auto store = OpenMemory();
  REQUIRE(store->SaveArticles({MakeArticle("a.txt", "h1", {MakeClaim(0, "1%", "1", "1", "%")}),
                               MakeArticle("b.txt", "h2", {})}).ok());
  auto found = store->FindArticlesByHash({"h2", "h9", "h1", "h2"});
  REQUIRE(found.ok());
  std::vector<std::string> paths;
  for (const ArticleRecord& r : *found) paths.push_back(r.article.path + ":" + std::to_string(r.claim_count));
  CHECK(paths == std::vector<std::string>{"b.txt:0", ":0", "a.txt:1", "b.txt:0"});
  CHECK(store->FindArticlesByHash({})->empty());
  // The read transaction is over: the store takes a save.
  REQUIRE(store->SaveArticle(MakeArticle("c.txt", "h3", {})).ok());
}

TEST_CASE("a batch is one transaction: one bad article rolls back the batch", "[store]") {
  auto store = OpenMemory();
  REQUIRE(store->SaveArticle(MakeArticle("a.txt", "h1", {MakeClaim(0, "1%", "1", "1", "%")})).ok());
  ArticleRecord replaced = MakeArticle("a.txt", "h9", {});
  ArticleRecord bad = MakeArticle("b.txt", "h2", {});
  bad.article.script = "Latn";  // violates the CHECK constraint on insert
  Status s = store->SaveArticles({replaced, bad});
  CHECK(s.code() == Status::Code::kStoreError);
  CHECK(Dumps(store.get()) == std::vector<std::string>{"a.txt claim{1 % exact level}"});
  CHECK(store->FindArticleByPath("a.txt")->article.hash == "h1");

  bad.article.script = "Hant";
  REQUIRE(store->SaveArticles({replaced, bad}).ok());
  CHECK(*store->AllPaths() == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(store->FindArticleByPath("a.txt")->claim_count == 0);
}

TEST_CASE("records that break the contract are refused before writing", "[store]") {
  auto store = OpenMemory();
  ArticleRecord no_path = MakeArticle("", "h1", {});
  ArticleRecord no_hash = MakeArticle("a.txt", "", {});
  Claim backwards = MakeClaim(10, "x", "1", "1", "%");
  backwards.byte_end = 5;
  ArticleRecord bad_claim = MakeArticle("a.txt", "h1", {backwards});
  CHECK(store->SaveArticle(no_path).code() == Status::Code::kInvalidArgument);
  CHECK(store->SaveArticle(no_hash).code() == Status::Code::kInvalidArgument);
  CHECK(store->SaveArticles({MakeArticle("b.txt", "h2", {}), bad_claim}).code() == Status::Code::kInternal);
  CHECK(store->AllPaths()->empty());
}

TEST_CASE("article metadata, touch and forget", "[store]") {
  auto store = OpenMemory();
  ArticleRecord r = MakeArticle("dir/a.md", "abc", {MakeClaim(0, "5%", "5", "5", "%")});
  r.size = 1234;
  r.mtime_ns = 1700000000123456789;
  r.article.date = "2024-03-19";
  r.article.date_source = "front-matter";
  r.article.url = "https://example.com/a";
  REQUIRE(store->SaveArticle(r).ok());

  auto found = store->FindArticleByPath("dir/a.md");
  REQUIRE(found.ok());
  CHECK(found->article.hash == "abc");
  CHECK(found->article.title == "标题 dir/a.md");
  CHECK(found->article.date == "2024-03-19");
  CHECK(found->article.date_source == "front-matter");
  CHECK(found->article.url == "https://example.com/a");
  CHECK(found->article.script == "Hans");
  CHECK(found->size == 1234);
  CHECK(found->mtime_ns == 1700000000123456789);
  CHECK(found->extractor_version == 1);
  CHECK(found->claim_count == 1);
  CHECK(found->ingested_at.size() == 20);  // 2024-03-19T11:57:53Z
  CHECK(store->FindArticleByPath("missing.md")->article.hash.empty());

  REQUIRE(store->TouchArticle("dir/a.md", 99, 42).ok());
  CHECK(store->FindArticleByPath("dir/a.md")->mtime_ns == 42);
  CHECK(store->FindArticleByPath("dir/a.md")->size == 99);

  int64_t removed = -1;
  REQUIRE(store->ForgetPaths({"dir/a.md", "never-stored.md"}, &removed).ok());
  CHECK(removed == 1);
  CHECK(store->AllPaths()->empty());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->claims == 0);
  CHECK(stats->mentions == 0);
}

TEST_CASE("mentions keep their sentence, or borrow the enclosing claim's", "[store]") {
  auto store = OpenMemory();
  ArticleRecord r = MakeArticle("a.txt", "h1", {MakeClaim(10, "5%", "5", "5", "%")});
  Mention date{Mention::Type::kDate, 2, 8, 1, "去年", "rel:-1y", ""};
  Mention model{Mention::Type::kModel, 200, 204, 3, "H100", "", ""};
  r.mentions = {date, model};
  REQUIRE(store->SaveArticle(r).ok());
  auto mentions = store->LoadMentions(ClaimFilter());
  REQUIRE(mentions.ok());
  REQUIRE(mentions->size() == 2);
  CHECK((*mentions)[0].second.value == "rel:-1y");
  CHECK((*mentions)[0].first.sentence == r.claims[0].sentence);  // 2..8 lies inside the claim's 0..50
  CHECK((*mentions)[1].second.type == Mention::Type::kModel);
  CHECK((*mentions)[1].first.sentence.empty());

  // A mention's own sentence (the analyzer's) wins over the enclosing claim's.
  r.mentions[0].sentence = "去年的句子。";
  r.mentions[1].sentence = "H100所在的句子，没有数字。";
  REQUIRE(store->SaveArticle(r).ok());
  mentions = store->LoadMentions(ClaimFilter());
  REQUIRE(mentions->size() == 2);
  CHECK((*mentions)[0].first.sentence == "去年的句子。");
  CHECK((*mentions)[1].first.sentence == "H100所在的句子，没有数字。");
  CHECK((*mentions)[1].second.sentence == "H100所在的句子，没有数字。");

  r.mention_sentences = {"一", "二"};
  REQUIRE(store->SaveArticle(r).ok());
  mentions = store->LoadMentions(ClaimFilter{{"a.txt"}});
  REQUIRE(mentions->size() == 2);
  CHECK((*mentions)[1].first.sentence == "二");
  CHECK(store->LoadMentions(ClaimFilter{{"b.txt"}})->empty());
}

TEST_CASE("claims load ordered by path and offset, filtered, and streamed", "[store]") {
  auto store = OpenMemory();
  REQUIRE(store->SaveArticles({MakeArticle("b.txt", "h2", {MakeClaim(30, "3%", "3", "3", "%"),
                                                           MakeClaim(5, "2%", "2", "2", "%")}),
                               MakeArticle("a.txt", "h1", {MakeClaim(0, "1美元", "1", "1", "USD")})}).ok());
  CHECK(Dumps(store.get()) == std::vector<std::string>{"a.txt claim{1 USD exact level}", "b.txt claim{2 % exact level}",
                                                       "b.txt claim{3 % exact level}"});
  auto only_b = store->LoadClaims(ClaimFilter{{"b.txt", "b.txt", "zzz.txt"}});
  REQUIRE(only_b.ok());
  CHECK(only_b->size() == 2);
  int seen = 0;
  REQUIRE(store->ForEachClaim([&](const StoredClaim&) { return ++seen < 2; }).ok());
  CHECK(seen == 2);

  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->articles == 2);
  CHECK(stats->claims == 3);
  CHECK(stats->schema_version == CurrentSchemaVersion());
  CHECK(stats->file_bytes > 0);
  CHECK(stats->claims_by_unit == std::vector<std::pair<std::string, int64_t>>{{"%", 2}, {"USD", 1}});
  CHECK(stats->claims_by_dimension ==
        std::vector<std::pair<std::string, int64_t>>{{"percent", 2}, {"currency", 1}});
  CHECK(!stats->last_ingest.empty());
}

}  // namespace
}  // namespace claims::store
