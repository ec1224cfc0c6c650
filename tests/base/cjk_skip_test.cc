// SkipThreeByteChars must stop exactly where a character-by-character scan
// would first find something to do: at every alignment of its eight-byte
// steps, at ASCII, at other lengths, at a wanted character and at `end`.
#include "base/cjk_skip.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace claims {
namespace {

// The reference: one character at a time, decoding as the scans do.
size_t SkipSlowly(std::string_view t, size_t pos, size_t end, const uint64_t* wanted) {
  while (pos + 3 <= end) {
    auto b = [&](size_t i) { return static_cast<unsigned char>(t[pos + i]); };
    if ((b(0) & 0xF0) != 0xE0) break;
    uint32_t c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if ((wanted[c >> 6] >> (c & 63)) & 1) break;
    pos += 3;
  }
  return pos;
}

TEST_CASE("SkipThreeByteChars stops where a character-by-character scan stops", "[cjk_skip]") {
  std::vector<uint64_t> wanted(1024, 0);
  for (char32_t c : {U'万', U'亿', U'\uFFFF', U'\u0800'}) wanted[c >> 6] |= uint64_t{1} << (c & 63);
  // 营收 are skipped; the stops: a wanted character, ASCII, a two-byte and a
  // four-byte character, and the edges of the three-byte range.
  const std::string stops[] = {"万", "亿", "5", " ", "é", "😀", "\uFFFF", "\u0800", "\uFFFE"};
  for (const std::string& stop : stops) {
    for (size_t lead = 0; lead < 12; ++lead) {
      std::string t;
      for (size_t k = 0; k < lead; ++k) t += k % 2 ? "收" : "营";
      t += stop;
      t += "增长";
      for (size_t end = 0; end <= t.size(); ++end) {
        INFO("stop " << stop << " lead " << lead << " end " << end);
        CHECK(SkipThreeByteChars(t, 0, end, wanted.data()) == SkipSlowly(t, 0, end, wanted.data()));
      }
    }
  }
}

TEST_CASE("SkipThreeByteChars skips a whole run of unwanted characters", "[cjk_skip]") {
  std::vector<uint64_t> none(1024, 0);
  std::string t = "营业收入同比增长";  // 8 characters, 24 bytes
  CHECK(SkipThreeByteChars(t, 0, t.size(), none.data()) == t.size());
  CHECK(SkipThreeByteChars(t, 3, t.size(), none.data()) == t.size());
  CHECK(SkipThreeByteChars(t, 0, 10, none.data()) == 9);  // never past `end`
}

}  // namespace
}  // namespace claims
