// Store::LoadForCheck returns what LoadClaims + LoadMentions return: the same
// rows, the same fields (but a mention's sentence only in its Location), the
// same order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/check.h"
#include "check/claim_table.h"
#include "ingest/temp_dir.h"
#include "store/db.h"
#include "store/store.h"

namespace claims::store {
namespace {

Claim At(uint32_t start, const std::string& surface, const char* value, const std::string& sentence) {
  Claim c;
  c.byte_start = start;
  c.byte_end = start + static_cast<uint32_t>(surface.size());
  c.line = 1 + start / 100;
  c.surface = surface;
  c.value_lo = c.value_hi = *Decimal::Parse(value);
  c.precision = *Decimal::Parse("1");
  c.unit = "%";
  c.dimension = "percent";
  c.entity = "英伟达";
  c.metric = "revenue_share";
  c.period = "2023";
  c.sentence_start = start;
  c.sentence_end = start + static_cast<uint32_t>(sentence.size());
  c.sentence = sentence;
  return c;
}

ArticleRecord Article(const std::string& path, const std::string& hash, const std::string& date,
                      std::vector<Claim> claims, std::vector<Mention> mentions) {
  ArticleRecord r;
  r.article.path = path;
  r.article.hash = hash;
  r.article.date = date;
  r.article.bytes = 1000;
  r.article.script = "Hans";
  r.extractor_version = 1;
  r.claims = std::move(claims);
  r.mentions = std::move(mentions);
  return r;
}

std::string Row(const StoredClaim& sc) {
  const Claim& c = sc.claim;
  return sc.path + "|" + sc.article_hash + "|" + sc.article_date + "|" + std::to_string(sc.id) + "|" +
         c.DebugString() + "|" + std::to_string(c.byte_start) + "|" + c.entity + "|" + c.period + "|" +
         c.sentence + "|" + std::to_string(c.sentence_start);
}

std::string Row(const std::pair<Location, Mention>& lm) {
  const auto& [l, m] = lm;
  return l.path + "|" + l.article_hash + "|" + std::to_string(l.byte_start) + "|" + l.surface + "|" +
         l.sentence + "|" + m.value + "|" + m.sentence + "|" + (m.type == Mention::Type::kModel ? "model" : "date");
}

TEST_CASE("LoadForCheck: the rows of LoadClaims and LoadMentions, in their order", "[store][check]") {
  auto opened = Store::Open(":memory:");
  REQUIRE(opened.ok());
  Store& store = **opened;
  const std::string s1 = "英伟达营收的20%来自中国。", s2 = "去年H100的份额是80%。";
  // Saved out of path order, claims out of offset order, a sentence shared
  // by two claims, a mention with its own sentence and one without any.
  REQUIRE(store
              .SaveArticles({Article("b.txt", "hb", "2024-01-22",
                                     {At(300, "80%", "80", s2), At(10, "20%", "20", s1),
                                      At(40, "5%", "5", s1)},
                                     {Mention{Mention::Type::kDate, 300, 306, 4, "去年", "rel:-1y", s2},
                                      Mention{Mention::Type::kModel, 900, 904, 9, "H100", "", ""}}),
                             Article("a.txt", "ha", "", {At(0, "1%", "1", "只有1%。")}, {})})
              .ok());
  check::ClaimTable table;
  REQUIRE(store.LoadForCheck(&table).ok());
  std::vector<StoredClaim> claims;
  for (const check::CheckClaim& c : table.claims) claims.push_back(check::ToStoredClaim(c));
  std::vector<std::pair<Location, Mention>> mentions;
  for (const check::CheckMention& cm : table.mentions) {
    Mention m;
    m.type = cm.type;
    m.value = cm.value;
    mentions.emplace_back(check::ToLocation(cm), m);
  }
  auto want_claims = store.LoadClaims({});
  auto want_mentions = store.LoadMentions({});
  REQUIRE(want_claims.ok());
  REQUIRE(want_mentions.ok());
  REQUIRE(claims.size() == 4);
  REQUIRE(claims.size() == want_claims->size());
  for (size_t i = 0; i < claims.size(); ++i) CHECK(Row(claims[i]) == Row((*want_claims)[i]));
  CHECK(claims[0].path == "a.txt");
  CHECK(claims[1].claim.surface == "20%");
  CHECK(claims[3].article_date == "2024-01-22");
  // Held once: the article's fields by its claims, a sentence by the claims
  // that stand in it (20% and 5%).
  CHECK(table.claims[1].article == table.claims[3].article);
  CHECK(table.claims[1].sentence.data() == table.claims[2].sentence.data());
  REQUIRE(mentions.size() == 2);
  REQUIRE(mentions.size() == want_mentions->size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].second.sentence = mentions[i].first.sentence;
    CHECK(Row(mentions[i]) == Row((*want_mentions)[i]));
  }

  // Loading again replaces, never appends.
  REQUIRE(store.LoadForCheck(&table).ok());
  CHECK(table.claims.size() == 4);
  CHECK(table.mentions.size() == 2);
}

// A sentence naming the same date and the same model twice, with a claim in
// it: the store keeps no sentence start for the mentions, and the rules used
// to place each at the first occurrence of its text. Placed from the claim,
// the second 截至 date is found years from the article's date, and the lone
// H is one letter at one place (not a second copy at a wrong offset).
TEST_CASE("LoadForCheck: a mention's sentence start comes from a claim of its sentence", "[store][check]") {
  auto opened = Store::Open(":memory:");
  REQUIRE(opened.ok());
  Store& store = **opened;
  const std::string s = "2019年2月发布的H100，截至2019年2月H100和H的份额为20%。";
  const uint32_t start = 12;  // after a first sentence of 12 bytes
  auto at = [&](const std::string& text, size_t from = 0) {
    return start + static_cast<uint32_t>(s.find(text, from));
  };
  auto mention = [&](Mention::Type type, uint32_t pos, const std::string& surface, const std::string& value) {
    return Mention{type, pos, pos + static_cast<uint32_t>(surface.size()), 2, surface, value, s};
  };
  const uint32_t date2 = at("2019年2月", 1), model2 = at("H100", s.find("H100") + 1);
  Claim c = At(at("20%"), "20%", "20", s);
  c.sentence_start = start;
  c.sentence_end = start + static_cast<uint32_t>(s.size());
  REQUIRE(store
              .SaveArticles({Article("a.txt", "ha", "2024-03-01", {c},
                                     {mention(Mention::Type::kDate, at("2019年2月"), "2019年2月", "2019-02"),
                                      mention(Mention::Type::kModel, at("H100"), "H100", ""),
                                      mention(Mention::Type::kDate, date2, "2019年2月", "2019-02"),
                                      mention(Mention::Type::kModel, model2, "H100", "")})})
              .ok());
  check::ClaimTable table;
  REQUIRE(store.LoadForCheck(&table).ok());
  REQUIRE(table.mentions.size() == 4);
  for (const check::CheckMention& m : table.mentions) {
    CHECK(m.sentence_start == start);
    CHECK(check::OffsetInSentence(m) == m.byte_start - start);
  }

  check::CheckResult r = check::Run(table, check::CheckOptions{});
  std::vector<std::string> found;
  for (const Finding& f : r.findings) {
    std::string where;
    for (const Location& l : f.locations) where += " " + l.surface + "@" + std::to_string(l.byte_start);
    found.push_back(f.rule + where);
  }
  const uint32_t letter = at("和H") + static_cast<uint32_t>(std::string("和").size());
  CHECK(found == std::vector<std::string>{"bare-model-letter H@" + std::to_string(letter),
                                          "as-of-date-far 2019年2月@" + std::to_string(date2)});
}

// Schema 5 keeps value_hi NULL where it equals value_lo; the checker reads
// it back as value_lo, and a range as stored.
TEST_CASE("LoadForCheck: a value_hi stored as NULL reads as value_lo", "[store][check]") {
  testing::TempDir dir;
  const std::string path = dir / "claims.db";
  Claim range = At(40, "5%-7%", "5", "份额在5%-7%之间。");
  range.value_hi = *Decimal::Parse("7");
  {
    auto opened = Store::Open(path);
    REQUIRE(opened.ok());
    REQUIRE((*opened)
                ->SaveArticles({Article("a.txt", "ha", "2024-01-22",
                                        {At(10, "20%", "20", "英伟达营收的20%来自中国。"), range}, {})})
                .ok());
  }
  {
    Result<Db> db = Db::Open(path, Db::Options());
    REQUIRE(db.ok());
    CHECK(*db->QueryInt("SELECT count(*) FROM claims WHERE value_hi IS NULL") == 1);
  }
  auto opened = Store::Open(path);
  REQUIRE(opened.ok());
  check::ClaimTable table;
  Status loaded = (*opened)->LoadForCheck(&table);
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  REQUIRE(table.claims.size() == 2);
  CHECK(table.claims[0].value_lo.ToString() == "20");
  CHECK(table.claims[0].value_hi.ToString() == "20");
  CHECK(table.claims[1].value_lo.ToString() == "5");
  CHECK(table.claims[1].value_hi.ToString() == "7");
  CHECK(table.claims[1].surface == "5%-7%");
}

}  // namespace
}  // namespace claims::store
