// Records out and back in (records.h), and the importer's rules for what a
// store keeps (import.h), against an in-memory store.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "analyze/analyzer.h"
#include "records/import.h"
#include "records/records.h"

namespace claims::records {
namespace {

// A FILE* over `text` (fmemopen), closed by the caller.
std::FILE* Open(const std::string& text) { return fmemopen(const_cast<char*>(text.data()), text.size(), "r"); }

std::string RecordsOf(const std::string& path, const std::string& text) {
  auto analyzer = Analyzer::Create({});
  REQUIRE(analyzer.ok());
  ArticleInput input;
  input.path = path;
  auto a = (*analyzer)->Analyze(text, input);
  REQUIRE(a.ok());
  a->article.hash = "hash-of-" + text;
  std::string out;
  AppendArticleRecords(&out, a->article, Analyzer::kExtractorVersion, a->claims, a->mentions);
  return out;
}

constexpr const char* kArticle =
    "示例公司简报\n2024-03-19 10:00:00\n\n示例公司第三季度营收60.5亿元，比去年同期下降约12.5%，"
    "是H100的15%。\n2023年10月，公司员工约3200人。\n";

TEST_CASE("records: an analysed article comes back whole", "[records]") {
  auto analyzer = Analyzer::Create({});
  REQUIRE(analyzer.ok());
  ArticleInput input;
  input.path = "a.txt";
  auto a = (*analyzer)->Analyze(kArticle, input);
  REQUIRE(a.ok());
  REQUIRE(a->claims.size() >= 3);
  REQUIRE(!a->mentions.empty());
  a->article.hash = "h1";
  std::string text;
  AppendArticleRecords(&text, a->article, 7, a->claims, a->mentions);

  std::FILE* f = Open(text);
  Reader reader(f);
  store::ArticleRecord r;
  REQUIRE(reader.Next(&r));
  CHECK(r.article.path == "a.txt");
  CHECK(r.article.hash == "h1");
  CHECK(r.article.date == "2024-03-19");
  CHECK(r.article.date_source == a->article.date_source);
  CHECK(r.article.title == "示例公司简报");
  CHECK(r.article.bytes == a->article.bytes);
  CHECK(r.extractor_version == 7);
  REQUIRE(r.claims.size() == a->claims.size());
  for (size_t i = 0; i < r.claims.size(); ++i) {
    const Claim& x = r.claims[i];
    const Claim& y = a->claims[i];
    CHECK(x.DebugString() == y.DebugString());
    CHECK(x.precision == y.precision);
    CHECK((x.byte_start == y.byte_start && x.byte_end == y.byte_end && x.line == y.line));
    CHECK((x.sentence_start == y.sentence_start && x.sentence_end == y.sentence_end));
    CHECK((x.surface == y.surface && x.sentence == y.sentence && x.counted == y.counted));
    CHECK((x.entity == y.entity && x.metric == y.metric && x.metric_word == y.metric_word));
    CHECK((x.period == y.period && x.scope == y.scope && x.base == y.base && x.base_entity == y.base_entity));
  }
  REQUIRE(r.mentions.size() == a->mentions.size());
  for (size_t i = 0; i < r.mentions.size(); ++i) {
    CHECK(r.mentions[i].type == a->mentions[i].type);
    CHECK(r.mentions[i].value == a->mentions[i].value);
    CHECK(r.mentions[i].surface == a->mentions[i].surface);
    CHECK(r.mentions[i].byte_start == a->mentions[i].byte_start);
    CHECK(r.mentions[i].sentence == a->mentions[i].sentence);
  }
  CHECK_FALSE(reader.Next(&r));
  CHECK(reader.status().ok());
  std::fclose(f);
}

TEST_CASE("records: malformed streams are named by line", "[records]") {
  const std::string article = R"({"record":"article","path":"a","hash":"h","bytes":3,"extractor_version":1})";
  const std::string claim =
      R"({"record":"claim","path":"a","byte_start":0,"byte_end":3,"line":1,"surface":"5亿","value_lo":"500000000",)"
      R"("value_hi":"500000000","precision":"100000000","unit":"number","dimension":"number","qualifier":"exact",)"
      R"("kind":"level","direction":null,"sentence_start":0,"sentence_end":3})";
  struct Case {
    std::string stream, error;
  } cases[] = {
      {article + "\n" + claim + "\n", ""},
      {claim + "\n", "line 1: claim before any article line"},
      {article + "\n" + R"({"record":"claim","path":"b"})" + "\n", "line 2: claim names path \"b\" after article \"a\""},
      {article + "\n" + R"({"record":"note","path":"a"})" + "\n",
       "line 2: unknown record \"note\" (article, claim or mention)"},
      {R"({"record":"article","path":"a","bytes":3,"extractor_version":1})" "\n",
       "line 1: article: missing or bad \"hash\""},
      {article + "\n" + [&] { std::string c = claim; c.replace(c.find("\"500000000\""), 11, "\"5e8x\""); return c; }() + "\n",
       "line 2: claim: missing or bad \"value_lo\""},
      {article + "\n{\"record\":\n", "line 2: "},
  };
  for (const Case& c : cases) {
    INFO(c.stream);
    std::FILE* f = Open(c.stream);
    Reader reader(f);
    store::ArticleRecord r;
    while (reader.Next(&r)) {}
    if (c.error.empty()) {
      CHECK(reader.status().ok());
    } else {
      CHECK(reader.status().code() == Status::Code::kBadInput);
      CHECK(reader.status().message().rfind(c.error, 0) == 0);
    }
    std::fclose(f);
  }
}

TEST_CASE("import: content once under the smaller path; first path wins; re-import unchanged", "[records]") {
  auto store = store::Store::Open(":memory:");
  REQUIRE(store.ok());
  // "b" and "a" carry the same content; "c" appears twice with different content.
  const std::string stream = RecordsOf("b", kArticle) + RecordsOf("a", kArticle) + RecordsOf("c", "营收5亿元。\n") +
                             RecordsOf("c", "营收6亿元。\n");
  {
    Importer importer(store->get(), 1);
    std::FILE* f = Open(stream);
    REQUIRE(importer.Add(f).ok());
    std::fclose(f);
    REQUIRE(importer.Finish().ok());
    CHECK(importer.summary().articles == 3);  // b, then a replacing it, then c
    CHECK(importer.summary().repeated == 1);
  }
  auto paths = (*store)->AllPaths();
  REQUIRE(paths.ok());
  CHECK(*paths == std::vector<std::string>{"a", "c"});
  auto claims = (*store)->LoadClaims({});
  REQUIRE(claims.ok());
  bool five = false;
  for (const StoredClaim& c : *claims) five = five || (c.path == "c" && c.claim.surface == "5亿元");
  CHECK(five);

  Importer again(store->get());
  std::FILE* f = Open(stream);
  REQUIRE(again.Add(f).ok());
  std::fclose(f);
  REQUIRE(again.Finish().ok());
  CHECK(again.summary().articles == 0);
  CHECK(again.summary().unchanged == 2);   // a, c
  CHECK(again.summary().duplicates == 1);  // b: stored under a
}

}  // namespace
}  // namespace claims::records
