#include "report/escape.h"

#include <catch2/catch.hpp>

namespace claims::report {
namespace {

TEST_CASE("Html escapes markup and quotes", "[report]") {
  CHECK(Html("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(Html("a&b \"c\"") == "a&amp;b &quot;c&quot;");
  CHECK(Html("营收60.5亿元") == "营收60.5亿元");
}

TEST_CASE("ValidUtf8 replaces invalid sequences and controls", "[report]") {
  CHECK(ValidUtf8("ok 中文") == "ok 中文");
  CHECK(ValidUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(ValidUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // overlong '/'
  CHECK(ValidUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(ValidUtf8("\xE4\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD");              // truncated
  CHECK(ValidUtf8(std::string_view("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(ValidUtf8("tab\tline\r\n") == "tab\tline\r\n");
}

TEST_CASE("JsonForScript cannot close the script element", "[report]") {
  CHECK(JsonForScript(R"({"p":"</script><!--"})") == R"({"p":"\u003c/script\u003e\u003c!--"})");
  CHECK(JsonForScript("\"a\xE2\x80\xA8" "b\xE2\x80\xA9\"") == "\"a\\u2028b\\u2029\"");
  CHECK(JsonForScript("\"x&y\"") == "\"x\\u0026y\"");
}

TEST_CASE("HighlightHtml marks byte ranges and escapes around them", "[report]") {
  std::string text = "<b>营收60.5亿元</b>";
  size_t at = text.find("60.5亿元");
  std::vector<Mark> marks = {{at, at + std::string("60.5亿元").size(), "claim", "c-0-0", "6050000000 CNY"}};
  CHECK(HighlightHtml(text, marks) ==
        "&lt;b&gt;营收<mark class=\"claim\" id=\"c-0-0\" title=\"6050000000 CNY\">60.5亿元</mark>&lt;/b&gt;");
}

TEST_CASE("HighlightHtml drops marks that overlap, overrun or cut a character", "[report]") {
  std::string text = "营收60亿";  // 营 is bytes 0..3
  std::vector<Mark> cut = {{1, 3, "claim", "", ""}};
  CHECK(HighlightHtml(text, cut) == "营收60亿");
  std::vector<Mark> overrun = {{6, 99, "claim", "", ""}};
  CHECK(HighlightHtml(text, overrun) == "营收60亿");
  std::vector<Mark> overlap = {{6, 8, "a", "", ""}, {7, 11, "b", "", ""}};
  CHECK(HighlightHtml(text, overlap) == "营收<mark class=\"a\">60</mark>亿");
}

TEST_CASE("LocateInSentence uses offsets, else searches the surface", "[report]") {
  Claim c;
  c.sentence = "去年营收为59.31亿美元。";
  c.surface = "59.31亿美元";
  c.sentence_start = 100;
  c.byte_start = 100 + 15;
  auto at = LocateInSentence(c);
  REQUIRE(at);
  CHECK(c.sentence.substr(at->first, at->second - at->first) == c.surface);
  c.byte_start = 3;  // offsets from a re-encoded file: disagree with the text
  at = LocateInSentence(c);
  REQUIRE(at);
  CHECK(at->first == 15);
  c.surface = "不在句中";
  CHECK_FALSE(LocateInSentence(c));
}

TEST_CASE("PercentEncodePath encodes spaces and non-ASCII bytes", "[report]") {
  CHECK(PercentEncodePath("新闻 稿/a.txt") == "%E6%96%B0%E9%97%BB%20%E7%A8%BF/a.txt");
  CHECK(PercentEncodePath("a#b?c%d.txt") == "a%23b%3Fc%25d.txt");
  CHECK(PercentEncodePath("dir/file-1_x~.md") == "dir/file-1_x~.md");
}

}  // namespace
}  // namespace claims::report

namespace claims::report {
namespace {

TEST_CASE("LocateInSentence for a Location prefers its sentence offset", "[report]") {
  Location loc;
  loc.sentence = "A芯片和A系列";
  loc.surface = "A";
  loc.sentence_start = 50;
  loc.byte_start = 50 + std::string("A芯片和").size();
  auto at = LocateInSentence(loc);
  REQUIRE(at);
  CHECK(at->first == std::string("A芯片和").size());
  loc.sentence_start = 0;  // unknown: the first occurrence
  CHECK(LocateInSentence(loc)->first == 0);
}

}  // namespace
}  // namespace claims::report
