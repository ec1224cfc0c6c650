#include "text/decode.h"

#include <catch2/catch.hpp>

namespace claims::text {
namespace {

TEST_CASE("FindInvalidUtf8 finds the first bad byte in every class", "[text]") {
  struct { std::string in; size_t want; } cases[] = {
      {"plain 中文", std::string::npos},
      {"ab\x80", 2},                 // stray continuation byte
      {"a\xC0\xAF", 1},              // overlong '/'
      {"a\xE0\x80\xAF", 1},          // overlong 3-byte
      {"a\xED\xA0\x80", 1},          // UTF-16 surrogate encoded in UTF-8
      {"a\xF4\x90\x80\x80", 1},      // past U+10FFFF
      {"中\xE4\xB8", 3},              // truncated at the end
      {"\xF0\x9F\x98\x80 ok", std::string::npos},  // 4-byte emoji is fine
  };
  for (const auto& c : cases) CHECK(FindInvalidUtf8(c.in) == c.want);
}

TEST_CASE("FindInvalidUtf8's three-byte fast path still checks both continuation bytes", "[text]") {
  // 中 is E4 B8 AD; break either continuation byte, after runs of good text.
  for (size_t before = 0; before < 4; ++before) {
    std::string good;
    for (size_t k = 0; k < before; ++k) good += "中";
    CHECK(FindInvalidUtf8(good + "\xE4\x41\xAD") == good.size());
    CHECK(FindInvalidUtf8(good + "\xE4\xB8\x41") == good.size());
    CHECK(FindInvalidUtf8(good + "\xE4\xB8\xC0") == good.size());
    CHECK(FindInvalidUtf8(good + "\xEF\xBC\x8C" + "ok") == std::string::npos);  // ，
  }
}

TEST_CASE("FindInvalidUtf8's eight-byte steps find a bad byte at every alignment", "[text]") {
  // Good text with every kind of character the word test sees: ASCII, CJK,
  // the E0 and ED leads it leaves to the byte loop (U+0800, U+D7FF), a
  // two-byte and a four-byte character.
  const std::string good = "a中一\xE0\xA0\x80" "b，\xED\x9F\xBF\xC3\xA9\xF0\x9F\x98\x80 文字";
  const std::string bad[] = {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xE4\x41\xAD", "\xE4\xB8\xC0", "\xFF"};
  for (size_t cut = 0; cut <= good.size(); ++cut) {
    std::string prefix = good.substr(0, cut);
    if (FindInvalidUtf8(prefix) != std::string::npos) continue;  // cut inside a character
    for (const std::string& b : bad) {
      INFO(cut);
      CHECK(FindInvalidUtf8(prefix + b + good + good) == prefix.size());
    }
    CHECK(FindInvalidUtf8(prefix + good + good) == std::string::npos);
  }
}

TEST_CASE("CheckUtf8Text explains what it refuses", "[text]") {
  size_t bom = 0;
  CHECK(CheckUtf8Text("\xEF\xBB\xBF正文", &bom).ok());
  CHECK(bom == 3);
  CHECK(CheckUtf8Text("", &bom).ok());
  CHECK(CheckUtf8Text(std::string("ab\0cd", 5), &bom).message() == "binary data (NUL byte at byte 2)");
  CHECK(CheckUtf8Text(std::string("\xFF\xFEh\0i\0", 6), &bom).message().find("UTF-16") != std::string::npos);
  // GB18030 bytes for a Chinese sentence: refused with the likely encoding named.
  std::string gb = "\xD3\xA2\xCE\xB0\xB4\xEF\xB5\xC4\xD3\xAA\xCA\xD5\xB4\xEF\xB5\xBD\x36\x30\x2E\x35\xD2\xDA\xC3\xC0\xD4\xAA\xA3\xAC"
                   "\xCD\xAC\xB1\xC8\xCF\xC2\xBD\xB5\xD4\xBC\x32\x31\x25\xA1\xA3\xD6\xD0\xB9\xFA\xCA\xD0\xB3\xA1\xD5\xBC\xD3\xA2"
                   "\xCE\xB0\xB4\xEF\xCF\xFA\xCA\xDB\xB6\xEE\xB5\xC4\xB4\xF3\xD4\xBC\x32\x30\x25\xA1\xA3";
  Status st = CheckUtf8Text(gb, &bom);
  CHECK(st.code() == Status::Code::kBadInput);
  CHECK(st.message().rfind("invalid UTF-8 at byte 4", 0) == 0);  // the first 4 bytes happen to be valid UTF-8
  CHECK(st.message().find("GB18030") != std::string::npos);
}

TEST_CASE("CheckUtf8Text on bytes already known to be UTF-8 still refuses NUL and skips a BOM", "[text]") {
  size_t bom = 0;
  CHECK(CheckUtf8Text("\xEF\xBB\xBF正文", &bom, /*known_valid=*/true).ok());
  CHECK(bom == 3);
  // A JSON string's "\u0000" is valid UTF-8, but binary data to the analyzer.
  CHECK(CheckUtf8Text(std::string("a\0b", 3), &bom, true).message() == "binary data (NUL byte at byte 1)");
}

TEST_CASE("CountLineEnds: LF, CRLF and a lone CR end one line each", "[text]") {
  struct { std::string_view in; size_t want; } cases[] = {
      {"", 0}, {"a\nb", 1}, {"a\r\nb", 1}, {"a\rb", 1}, {"a\r\r\nb\n\rc", 4}, {"\r", 1}, {"\n\n", 2},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(CountLineEnds(c.in, 0, c.in.size()) == c.want);
  }
  // A range ending between "\r" and "\n" does not count the "\r" alone.
  CHECK(CountLineEnds("a\r\nb", 0, 2) == 0);
  CHECK(CountLineEnds("a\r\nb", 2, 5) == 1);
}

}  // namespace
}  // namespace claims::text
