#include "base/json.h"

#include <catch2/catch.hpp>

namespace claims::json {
namespace {

TEST_CASE("Quote escapes quotes, backslashes, controls and line separators", "[json]") {
  struct { std::string in, want; } cases[] = {
      {"plain 英伟达", "\"plain 英伟达\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"l1\nl2\r\t", "\"l1\\nl2\\r\\t\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x1f\x7f", "\"\\u001f\\u007f\""},
      {"a\u2028b\u2029c", "\"a\\u2028b\\u2029c\""},
      {"</script>", "\"</script>\""},  // HTML escaping is the HTML writer's job
  };
  for (const auto& c : cases) CHECK(Quote(c.in) == c.want);
}

TEST_CASE("Parse reads JSONL article objects", "[json]") {
  auto v = Parse(R"( {"id":"a1","title":"标题","date":"2024-01-22","n":-1.5e3,"ok":true,
                      "tags":["x",null],"text":"第一行\n第二行 \u82f1\ud83d\ude00"} )");
  REQUIRE(v.ok());
  CHECK(v->GetString("id") == "a1");
  CHECK(v->GetString("title") == "标题");
  CHECK(v->GetString("n") == "-1.5e3");
  CHECK(v->Find("ok")->boolean);
  CHECK(v->Find("tags")->items.size() == 2);
  CHECK(v->GetString("text") == "第一行\n第二行 英\xF0\x9F\x98\x80");
  CHECK(v->GetString("missing").empty());
}

TEST_CASE("Parse names the byte offset of errors", "[json]") {
  struct { const char* in; const char* want; } cases[] = {
      {"{\"a\" 1}", "expected ':' at byte 5"},
      {"{\"a\":1,}", "expected a member name at byte 7"},
      {"[1 2]", "expected ',' or ']' at byte 3"},
      {"\"abc", "unterminated string at byte 4"},
      {"\"\\ud800\"", "lone surrogate in \\u escape at byte 7"},
      {"{\"id\":\"ab\xff\"}", "invalid UTF-8 at byte 9"},          // found by fuzz_article
      {"[\"\xe4\xb8\x8d\xe4\xb8\"]", "invalid UTF-8 at byte 5"},  // a character cut short
      {"{} x", "unexpected text after the value at byte 3"},
      {"-", "bad number at byte 1"},
      {"", "unexpected end of JSON at byte 0"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Parse(c.in).status().message() == c.want);
  }
}

TEST_CASE("Parse finds a bad byte in a long Chinese string at every offset", "[json]") {
  // The string's end and its UTF-8 are checked in one pass, eight bytes at a
  // step: the first bad byte wins, also over a control character after it,
  // and a character cut short by the closing quote is bad at its lead byte.
  const std::string text = "英伟达第三季度营收为351亿美元,同比增长94%。";
  for (size_t at = 0; at <= text.size(); ++at) {
    bool inside = at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    if (inside) continue;
    std::string head = "{\"text\":\"" + text.substr(0, at);
    std::string tail = text.substr(at) + "\"}";
    INFO("at " << at);
    CHECK(Parse(head + "\xff" + tail).status().message() ==
          "invalid UTF-8 at byte " + std::to_string(head.size()));
    CHECK(Parse(head + "\xe4\xb8\"}").status().message() ==
          "invalid UTF-8 at byte " + std::to_string(head.size()));
    CHECK(Parse(head + "\xc0\x01" + tail).status().message() ==
          "invalid UTF-8 at byte " + std::to_string(head.size()));
    CHECK(Parse(head + "\x01\xff" + tail).status().message() ==
          "control character in string at byte " + std::to_string(head.size()));
    CHECK(Parse(head + tail).ok());
  }
}

TEST_CASE("Parse limits nesting depth", "[json]") {
  std::string deep(100, '[');
  deep += std::string(100, ']');
  CHECK(Parse(deep).status().message().rfind("nesting too deep", 0) == 0);
  std::string ok(60, '[');
  ok += std::string(60, ']');
  CHECK(Parse(ok).ok());
}

}  // namespace
}  // namespace claims::json
