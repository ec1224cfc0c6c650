#include "base/json.h"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "text/decode.h"

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
  // The string's end and its UTF-8 are checked in one pass, a block at a
  // time: the first bad byte wins, also over a control character after it,
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

// Strings built from pieces that sit on every branch of the string scanners
// (16- and 64-byte blocks, the eight-byte words and the byte loop): ASCII,
// common Chinese, characters whose lead limits the next byte, four-byte
// characters, and broken sequences.
std::string RandomPieces(std::mt19937* rng, const std::vector<std::string>& pieces, size_t max_pieces) {
  std::string s;
  size_t n = (*rng)() % (max_pieces + 1);
  for (size_t k = 0; k < n; ++k) s += pieces[(*rng)() % pieces.size()];
  return s;
}

TEST_CASE("Parse checks UTF-8 in strings exactly as FindInvalidUtf8 does", "[json]") {
  const std::vector<std::string> pieces = {
      "a", "0123456789", "营收增长", "，", "\xC2\xB7", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80",
      "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD", "\xE2\x80\xA8",
      // invalid: overlongs, a surrogate, past U+10FFFF, stray and cut-short bytes
      "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
      "\xF5", "\xFF", "\x80", "\xE4\xB8", "\xC3"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 3000; ++round) {
    // Mostly valid text with now and then one bad piece, so the bad byte
    // falls at every offset of a block.
    std::string t = RandomPieces(&rng, std::vector<std::string>(pieces.begin(), pieces.begin() + 11), 60);
    if (round % 2 == 0) {
      t.insert(rng() % (t.size() + 1), pieces[11 + rng() % (pieces.size() - 11)]);
    }
    std::string doc = "{\"t\":\"" + t + "\"}";
    size_t bad = text::FindInvalidUtf8(t);
    auto v = Parse(doc);
    INFO("round " << round);
    if (bad == std::string::npos) {
      REQUIRE(v.ok());
      CHECK(v->GetString("t") == t);
    } else {
      CHECK(v.status().message() == "invalid UTF-8 at byte " + std::to_string(6 + bad));
    }
  }
}

// The escaping AppendString must do, one byte at a time.
std::string QuoteByteByByte(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else if (s.substr(i, 3) == "\xE2\x80\xA8" || s.substr(i, 3) == "\xE2\x80\xA9") {
      out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

TEST_CASE("Quote and WriteString escape exactly the bytes they must, at every offset", "[json]") {
  const std::vector<std::string> pieces = {"a", "营收增长", "，", "\"", "\\", "\n", "\x01", "\x7F", "\xE2\x80\xA8",
                                           "\xE2\x80\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "0123456789"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string t = RandomPieces(&rng, pieces, 50);
    INFO("round " << round);
    CHECK(Quote(t) == QuoteByteByByte(t));
    // WriteString writes the same, within the room it asks for.
    std::string room(MaxQuotedSize(t.size()), '\0');
    char* end = WriteString(room.data(), t);
    REQUIRE(end <= room.data() + room.size());
    CHECK(std::string_view(room.data(), static_cast<size_t>(end - room.data())) == QuoteByteByByte(t));
    auto back = Parse(Quote(t));
    REQUIRE(back.ok());
    CHECK(back->text == t);
  }
}

TEST_CASE("WriteString escapes short values at every offset", "[json]") {
  // Values of 4 to 16 bytes (units, names) take two overlapping loads: a
  // special byte must be seen wherever it stands, in either half.
  for (std::string_view special : {"\"", "\\", "\n", "\x01", "\x1F", "\x7F", "\xE2\x80\xA8", "\xE2\x80\x9C"}) {
    for (size_t len = 1; len <= 18; ++len) {
      for (size_t at = 0; at + special.size() <= len; ++at) {
        std::string t(len, 'a');
        t.replace(at, special.size(), special);
        INFO("len " << len << " at " << at);
        std::string room(MaxQuotedSize(t.size()), '\0');
        char* end = WriteString(room.data(), t);
        REQUIRE(end <= room.data() + room.size());
        CHECK(std::string_view(room.data(), static_cast<size_t>(end - room.data())) == QuoteByteByByte(t));
      }
    }
  }
  for (std::string t : {"营收", "营收增长", "英伟达H20", "count", "%", "B/s"}) {
    CHECK(Quote(t) == QuoteByteByByte(t));
  }
}

TEST_CASE("WriteString fits the room MaxQuotedSize gives, escapes at their worst", "[json]") {
  for (std::string t : {std::string(20, '\x01'), std::string(1, '\x7F'), std::string()}) {
    std::string room(MaxQuotedSize(t.size()), '\0');
    char* end = WriteString(room.data(), t);
    CHECK(static_cast<size_t>(end - room.data()) == room.size());
    CHECK(room == Quote(t));
  }
}

// ParseMembers must read exactly what Parse reads: the same errors at the
// same bytes for every cut of a line, and for a valid object the first
// member of each name, as Value::Find gives it.
TEST_CASE("ParseMembers keeps Parse's errors and its first member of each name", "[json]") {
  const std::string_view names[] = {"text", "id", "x"};
  const std::string lines[] = {
      R"( {"id":"a1","text":"正文\n第二行 \u82f1","tags":["x",null,{"k":[1,2]}],"n":-1.5e3} )",
      R"({"id":7,"text":"a","id":"second","te\u0078t":"escaped name","x":{"deep":true}})",
      R"({"x":null,"text":["not","a","string"],"text":"later"})",
      R"({})", R"([1,2])", R"("just a string")", R"({"text":"a"} trailing)", R"({"text" "a"})",
      R"({"text":"a",})", R"({"text":"\ud800"})", "{\"text\":\"\xE4\xB8\"}", R"({"a":01})",
      "{\"a\":" + std::string(70, '[') + std::string(70, ']') + "}",  // too deep
  };
  for (const std::string& line : lines) {
    for (size_t cut = 0; cut <= line.size(); ++cut) {
      std::string_view t = std::string_view(line).substr(0, cut);
      INFO(t);
      Result<Value> tree = Parse(t);
      Value found[std::size(names)];
      Result<bool> members = ParseMembers(t, names, found);
      REQUIRE(members.ok() == tree.ok());
      if (!tree.ok()) {
        CHECK(members.status().message() == tree.status().message());
        continue;
      }
      CHECK(*members == (tree->type == Value::Type::kObject));
      for (size_t k = 0; k < std::size(names) && *members; ++k) {
        const Value* want = tree->Find(names[k]);
        CHECK(found[k].type == (want != nullptr ? want->type : Value::Type::kNull));
        CHECK(found[k].text == (want != nullptr ? want->text : ""));
        CHECK(found[k].items.size() == (want != nullptr ? want->items.size() : 0));
        CHECK(found[k].fields.size() == (want != nullptr ? want->fields.size() : 0));
      }
    }
  }
}

// ParseJsonlLine leaves an article's text to Normalize() to check; every
// other string, and every other error, is still the parser's.
TEST_CASE("ParseMembers leaves the UTF-8 of the members it is told to the caller", "[json]") {
  static constexpr std::string_view kNames[] = {"text", "id"};
  struct { std::string doc, error; } cases[] = {
      {"{\"text\":\"ab\xff\xe4\xb8\",\"id\":\"x\"}", ""},
      {"{\"id\":\"x\",\"text\":\"\xed\xa0\x80\\n\xc0\"}", ""},
      {"{\"text\":\"ok\",\"id\":\"a\xff\"}", "invalid UTF-8 at byte 20"},
      {"{\"text\":\"ok\",\"other\":\"a\xff\"}", "invalid UTF-8 at byte 23"},
      {"{\"text\":\"\xff\x01\"}", "control character in string at byte 10"},
      {"{\"text\":\"\xff", "unterminated string at byte 10"},
  };
  for (const auto& c : cases) {
    INFO(c.doc);
    Value found[2];
    auto r = ParseMembers(c.doc, kNames, found, /*unchecked_utf8=*/1);
    if (c.error.empty()) {
      REQUIRE(r.ok());
      CHECK(text::FindInvalidUtf8(found[0].text) != std::string::npos);
    } else {
      REQUIRE(!r.ok());
      CHECK(r.status().message() == c.error);
    }
    Value checked[2];
    CHECK(!ParseMembers(c.doc, kNames, checked).ok());  // the full parse refuses them all
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
