// ClaimTable: the compact values and strings the rules read must be exactly
// what a StoredClaim holds.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "check/claim_table.h"
#include "check/rule_util.h"

namespace claims::check {
namespace {

TEST_CASE("CompactDecimal: exact, the same double, equal when equal", "[check][table]") {
  ClaimTable t;
  const char* values[] = {"0", "1", "-16.5", "5931000000", "0.0001", "9007199254740993",
                          "123456789012345678901234567890", "-9223372036854775808",
                          "9223372036854775808", "1e40", "1.5e-30"};
  for (const char* text : values) {
    INFO(text);
    Decimal d = *Decimal::Parse(text);
    CompactDecimal c = t.Compact(d);
    CHECK(c.Get() == d);
    CHECK(c.ToString() == d.ToString());
    CHECK(c.sign() == d.sign());
    CHECK(c.ToD() == internal::ToD(d));
    CHECK(c == t.Compact(*Decimal::Parse(text)));
  }
  CHECK_FALSE(t.Compact(*Decimal::Parse("1.5")) == t.Compact(*Decimal::Parse("15")));
  CHECK(t.Compact(*Decimal::Parse("1.5")) < t.Compact(*Decimal::Parse("15")));
}

TEST_CASE("ClaimTable: one view per text, one article per (path, hash, date)", "[check][table]") {
  ClaimTable t;
  std::string a = "营收", b = "营收";
  CHECK(t.Intern(a).data() == t.Intern(b).data());
  CHECK(t.Intern("").empty());
  // A Text reads back the interned text from its address alone.
  Text unit = t.InternText("USD/share"), same = t.InternText(std::string("USD/") + "share");
  CHECK(unit.view() == "USD/share");
  CHECK(unit.size() == 9);
  CHECK(unit == same);
  CHECK(unit.data() == same.data());
  CHECK(unit.find("/share") == 3);
  CHECK(fmt::format("[{}]", unit) == "[USD/share]");
  CHECK(t.InternText("").empty());
  CHECK(t.InternText("").view().empty());
  CHECK_FALSE(unit == t.InternText("USD"));
  StoredClaim sc;
  sc.path = "a.txt";
  sc.article_hash = "ha";
  sc.claim.surface = "20%";
  sc.claim.sentence = "占20%。";
  sc.claim.value_lo = sc.claim.value_hi = Decimal(20);
  t.Add(sc);
  sc.claim.surface = "30%";
  t.Add(sc);
  REQUIRE(t.claims.size() == 2);
  CHECK(t.claims[0].article == t.claims[1].article);
  CHECK(t.claims[0].sentence.data() == t.claims[1].sentence.data());
  StoredClaim back = ToStoredClaim(t.claims[1]);
  CHECK(back.path == "a.txt");
  CHECK(back.claim.surface == "30%");
  CHECK(back.claim.value_lo == Decimal(20));
}

TEST_CASE("ClaimTable: a sealed table keeps its views and interns nothing more", "[check][table]") {
  ClaimTable t, mentions;
  Claim c;
  c.surface = "20%";
  c.sentence = "占20%。";
  c.entity = "英伟达";
  const StoredClaim sc{1, "a.txt", "ha", "", c};
  t.Add(sc);
  Location loc;
  loc.path = "a.txt";
  loc.surface = "2024年";
  loc.sentence = "2024年占20%。";
  mentions.Add(loc, Mention{});
  t.AdoptMentions(std::move(mentions));
  t.Seal();
  CHECK(t.claims[0].sentence == "占20%。");
  CHECK(t.claims[0].fields->entity == "英伟达");
  CHECK(t.mentions[0].sentence == "2024年占20%。");
  // A second address for a text already held would break the rules'
  // comparisons by address: refused, whether the text is new or not.
  CHECK_THROWS_AS(t.Intern("占20%。"), std::logic_error);
  CHECK_THROWS_AS(t.InternText("新"), std::logic_error);
  CHECK_THROWS_AS(t.Add(sc), std::logic_error);
  CHECK(t.claims.size() == 1);
  CHECK(t.Intern("").empty());  // the empty text has no address to duplicate
}

}  // namespace
}  // namespace claims::check
