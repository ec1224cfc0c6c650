// The lexicon: embedded data validity, longest-match lookup with Latin word
// boundaries, and users' --lexicon files (good rows, bad rows, overrides).
#include "context/lexicon.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

namespace claims::context {
namespace {

// "entity:英伟达" / "metric:revenue" / "scope:中国" / "cue" / "" for the
// longest word at `pos`, and its byte length.
std::string Lookup(const Lexicon& lex, std::string_view text, size_t pos = 0) {
  LexEntry e;
  size_t len = lex.Match(text, pos, &e);
  if (len == 0) return "";
  std::string word(text.substr(pos, len));
  switch (e.table) {
    case LexEntry::Table::kEntity: return word + "=entity:" + lex.entity(e.index).canonical;
    case LexEntry::Table::kMetric: return word + "=metric:" + lex.metric(e.index).id;
    case LexEntry::Table::kScope: return word + "=scope:" + lex.scope(e.index);
    case LexEntry::Table::kCue: return word + "=cue";
  }
  return "";
}

TEST_CASE("Embedded lexicon files parse and their aliases are unique", "[context]") {
  std::map<std::string, std::string> seen;  // alias -> file
  REQUIRE(Lexicon::EmbeddedFiles().size() == 3);
  for (const EmbeddedFile& f : Lexicon::EmbeddedFiles()) {
    Lexicon lex;
    Status s = f.name.ends_with("entities.tsv") ? lex.AddEntities(f.name, f.contents)
               : f.name.ends_with("metrics.tsv") ? lex.AddMetrics(f.name, f.contents)
                                                 : lex.AddScopes(f.name, f.contents);
    INFO(s.ToString());
    CHECK(s.ok());
    std::string_view text = f.contents;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      if (line.empty() || line[0] == '#') continue;
      std::string alias(line.substr(0, line.find('\t')));
      auto [it, fresh] = seen.emplace(alias, std::string(f.name));
      INFO(f.name << ": " << alias << " also in " << it->second);
      CHECK(fresh);
    }
  }
  CHECK(seen.size() > 150);
}

TEST_CASE("Default lexicon lookups", "[context]") {
  const Lexicon& lex = Lexicon::Default();
  struct { const char* text; const char* want; } cases[] = {
      {"英伟达营收", "英伟达=entity:英伟达"},
      {"NVIDIA的营收", "NVIDIA=entity:英伟达"},
      {"Nvidia GPU", "Nvidia=entity:英伟达"},
      {"nvidia GPU", "nvidia=entity:英伟达"},
      {"H20芯片", "H20=entity:H20"},
      {"H200芯片", "H200=entity:H200"},
      {"H2000芯片", ""},                       // a longer model number is not H200
      {"GH20", ""},                            // no match inside a Latin word
      {"中国电信采购", "中国电信=entity:中国电信"},  // the company hides the scope
      {"中国大陆地区", "中国大陆地区=scope:中国"},
      {"市场占有率超过", "市场占有率=metric:market_share"},
      {"内存带宽", "内存带宽=metric:bandwidth"},
      {"净利润为", "净利润=metric:net_income"},
      {"其他公司", "其他=cue"},                // a blocker, so 其 is no anaphor
      {"比例", "比例=cue"},
      {"黄仁勋说", "黄仁勋=entity:黄仁勋"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Lookup(lex, c.text) == c.want);
  }
}

TEST_CASE("User lexicon files add, override and reject rows", "[context]") {
  Lexicon lex = Lexicon::Default();
  Status s = lex.AddText("user.tsv",
                         "# my words\n"
                         "entity\t摩尔线程科技\t摩尔线程\tcompany\n"
                         "entity\t辉达\tNVIDIA Corp\tcompany\n"  // overrides the default canonical
                         "metric\t出货额\tshipment_value\tcurrency\t-\t-\n"
                         "scope\t东南亚\t东南亚\r\n");
  INFO(s.ToString());
  REQUIRE(s.ok());
  CHECK(Lookup(lex, "摩尔线程科技的") == "摩尔线程科技=entity:摩尔线程");
  CHECK(Lookup(lex, "辉达") == "辉达=entity:NVIDIA Corp");
  CHECK(Lookup(lex, "出货额") == "出货额=metric:shipment_value");
  CHECK(Lookup(lex, "东南亚") == "东南亚=scope:东南亚");
  CHECK(Lookup(Lexicon::Default(), "辉达") == "辉达=entity:英伟达");  // the default is untouched
  // Fiscal quarters are data: the defaults flag 英伟达, a user file another company.
  CHECK(Lexicon::Default().ReportsFiscalQuarters("英伟达"));
  CHECK_FALSE(Lexicon::Default().ReportsFiscalQuarters("华为"));
  CHECK_FALSE(lex.ReportsFiscalQuarters("摩尔线程"));
  REQUIRE(lex.AddText("fiscal.tsv", "entity\t戴尔科技\t戴尔\tcompany\tfiscal\n").ok());
  CHECK(lex.ReportsFiscalQuarters("戴尔"));
  CHECK(lex.FiscalYearEnd("戴尔") == 0);  // a fiscal reporter, year end not said
  REQUIRE(lex.AddText("fiscal.tsv", "entity\t戴尔\t戴尔\tcompany\tfiscal:1\n").ok());
  CHECK(lex.FiscalYearEnd("戴尔") == 1);
  CHECK(Lexicon::Default().FiscalYearEnd("英伟达") == 1);
  CHECK(Lexicon::Default().FiscalYearEnd("苹果") == 9);
  CHECK(Lexicon::Default().FiscalYearEnd("华为") == 0);

  struct { const char* text; const char* want; } bad[] = {
      {"entity\tX\tY\n", "bad.tsv:1: want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]"},
      {"# ok\nentity\tX\tY\tplanet\n", "bad.tsv:2: want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]"},
      {"entity\tX\tY\tcompany\tfiscal:13\n", "bad.tsv:1: want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]"},
      {"entity\tX\tY\tcompany\tfiscal:\n", "bad.tsv:1: want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]"},
      {"entity\tX\tY\tcompany\tcalendar\n", "bad.tsv:1: want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]"},
      {"metric\t收益\tRevenue\n", "bad.tsv:1: want: cue TAB metric_id [TAB dimensions [TAB share_id [TAB change_id]]]"},
      {"metric\t收益\trevenue\tcur rency\n", "bad.tsv:1: bad dimension 'cur rency'"},
      {"region\t东南亚\t东南亚\n", "bad.tsv:1: a row must start with entity, metric or scope, then a TAB"},
      {"scope\t\t东南亚\n", "bad.tsv:1: empty alias"},
  };
  for (const auto& b : bad) {
    Lexicon copy = Lexicon::Default();
    size_t before = copy.word_count();
    Status st = copy.AddText("bad.tsv", b.text);
    INFO(b.text);
    CHECK(st.code() == Status::Code::kBadInput);
    CHECK(st.message() == b.want);
    CHECK(copy.word_count() == before);  // nothing half-added
  }
  // MayNamePerson: any alias ever added as a person's, ASCII case folded.
  CHECK(Lexicon::Default().MayNamePerson("据悉老黄表示"));
  CHECK(Lexicon::Default().MayNamePerson("said jensen HUANG"));
  CHECK_FALSE(Lexicon::Default().MayNamePerson("英伟达营收增长"));
  CHECK_FALSE(Lexicon::Default().MayNamePerson("Jensen"));
  CHECK_FALSE(lex.MayNamePerson("张三说"));
  REQUIRE(lex.AddText("people.tsv", "entity\t张三\t张三\tperson\n").ok());
  CHECK(lex.MayNamePerson("张三说"));
  Lexicon missing;
  CHECK(missing.AddFile("no/such/lexicon.tsv").code() == Status::Code::kIoError);
}

}  // namespace
}  // namespace claims::context
