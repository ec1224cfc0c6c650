// Text and JSON renderings of a check run.
#include <catch2/catch.hpp>

#include "base/json.h"
#include "report/check_json.h"
#include "report/check_text.h"

namespace claims::report {
namespace {

Finding Sample() {
  Finding f;
  f.rule = "value-conflict";
  f.family = "conflict";
  f.severity = Severity::kWarning;
  f.message = "H20 算力: 「15%」 vs 「80%」";
  f.fingerprint = "0123456789abcdef";
  StoredClaim sc;
  sc.path = "b.txt";
  sc.article_hash = "hb";
  sc.claim.sentence = "测算显示H20的算力只有H100的15%。";
  sc.claim.surface = "15%";
  sc.claim.sentence_start = 100;
  sc.claim.byte_start = 100 + static_cast<uint32_t>(sc.claim.sentence.find("15%"));
  sc.claim.byte_end = sc.claim.byte_start + 3;
  sc.claim.line = 7;
  sc.claim.value_lo = sc.claim.value_hi = Decimal(15);
  sc.claim.unit = "%";
  sc.claim.entity = "H20";
  sc.claim.metric = "compute";
  f.claims.push_back(sc);
  Location loc;
  loc.path = "c.txt";
  loc.line = 3;
  loc.sentence = "被禁的A、H芯片";
  loc.sentence_start = 0;
  loc.byte_start = static_cast<uint32_t>(loc.sentence.find("A"));
  loc.byte_end = loc.byte_start + 1;
  loc.surface = "A";
  f.locations.push_back(loc);
  f.details["ratio"] = "1.13";
  return f;
}

CheckSummary Summary() {
  CheckSummary s;
  s.claims = 412;
  s.groups_compared = 37;
  s.consistent = 35;
  s.findings = 5;
  s.by_family = {{"conflict", 2}, {"garbled", 3}};
  return s;
}

TEST_CASE("check text: summary line", "[check][report]") {
  CHECK(CheckSummaryLine(Summary()) ==
        "412 claims, 37 groups compared, 35 consistent, 2 conflicts, 3 garbled");
  CheckSummary none;
  none.claims = 3;
  CHECK(CheckSummaryLine(none) == "3 claims, 0 groups compared, 0 consistent, no findings");
}

TEST_CASE("check text: quotes with the number marked, colour only on request", "[check][report]") {
  std::vector<Finding> fs = {Sample()};
  CheckTextOptions plain;
  std::string text = RenderCheckText(fs, Summary(), plain);
  CHECK(text.find("== conflict (1) ==") != std::string::npos);
  CHECK(text.find("warning value-conflict [0123456789abcdef]") != std::string::npos);
  CHECK(text.find("b.txt:7  测算显示H20的算力只有H100的**15%**。") != std::string::npos);
  CHECK(text.find("c.txt:3  被禁的**A**、H芯片") != std::string::npos);
  CHECK(text.find('\033') == std::string::npos);
  CHECK(text.find("ratio: 1.13") == std::string::npos);
  CheckTextOptions rich;
  rich.color = true;
  rich.explain = true;
  text = RenderCheckText(fs, Summary(), rich);
  CHECK(text.find("\033[1;31m15%\033[0m") != std::string::npos);
  CHECK(text.find("ratio: 1.13") != std::string::npos);
}

TEST_CASE("check text: two letters in one sentence make one quote", "[check][report]") {
  Finding f = Sample();
  f.claims.clear();
  Location h = f.locations[0];
  h.byte_start = static_cast<uint32_t>(h.sentence.find("H"));
  h.byte_end = h.byte_start + 1;
  h.surface = "H";
  f.locations.push_back(h);
  Location other = h;  // the same letter in another line: a line of its own
  other.line = 9;
  other.sentence = "H芯片也在名单上";
  other.byte_start = 0;
  other.byte_end = 1;
  f.locations.push_back(other);
  std::vector<Finding> fs = {f};
  std::string text = RenderCheckText(fs, Summary(), CheckTextOptions{});
  CHECK(text.find("c.txt:3  被禁的**A**、**H**芯片\n") != std::string::npos);
  CHECK(text.find("被禁的") == text.rfind("被禁的"));  // the sentence is printed once
  CHECK(text.find("c.txt:9  **H**芯片也在名单上\n") != std::string::npos);
}

TEST_CASE("check text: long sentences are cut on character boundaries", "[check][report]") {
  std::string s;
  for (int i = 0; i < 60; ++i) s += "字";
  s += "42%";
  for (int i = 0; i < 60; ++i) s += "字";
  size_t at = s.find("42%");
  std::string q = QuoteWithHighlight(s, at, at + 3, false, 5);
  CHECK(q == "…字字字字字**42%**字字字字字…");
}

TEST_CASE("check json: the contract", "[check][report]") {
  std::vector<Finding> fs = {Sample()};
  std::string out = RenderCheckJson(fs, Summary());
  REQUIRE(out.back() == '\n');
  auto v = json::Parse(out);
  REQUIRE(v.ok());
  const json::Value* summary = v->Find("summary");
  REQUIRE(summary);
  CHECK(summary->GetString("claims") == "412");
  CHECK(summary->GetString("groups_compared") == "37");
  CHECK(summary->GetString("consistent") == "35");
  CHECK(summary->GetString("findings") == "1");  // what is listed
  const json::Value* findings = v->Find("findings");
  REQUIRE(findings);
  REQUIRE(findings->items.size() == 1);
  const json::Value& f = findings->items[0];
  CHECK(f.GetString("rule") == "value-conflict");
  CHECK(f.GetString("severity") == "warning");
  CHECK(f.GetString("fingerprint") == "0123456789abcdef");
  const json::Value& c = f.Find("claims")->items.at(0);
  CHECK(c.GetString("path") == "b.txt");
  CHECK(c.Find("line")->type == json::Value::Type::kNumber);
  CHECK(c.GetString("value_lo") == "15");
  CHECK(c.Find("value_lo")->type == json::Value::Type::kString);
  for (const char* key : {"byte_start", "byte_end", "surface", "value_hi", "unit", "entity",
                          "metric", "period"}) {
    CHECK(c.Find(key) != nullptr);
  }
  const json::Value& l = f.Find("locations")->items.at(0);
  CHECK(l.GetString("surface") == "A");
  CHECK(f.Find("details")->GetString("ratio") == "1.13");
}

}  // namespace
}  // namespace claims::report
