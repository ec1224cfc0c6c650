// Skipping runs of ordinary Chinese text. The sentence scans (lexicon words,
// time expressions, clause marks, number candidates) each care about a few
// hundred characters and otherwise step over one CJK character at a time;
// this steps over two per eight-byte load.
#ifndef CLAIMS_BASE_CJK_SKIP_H_
#define CLAIMS_BASE_CJK_SKIP_H_

#include <bit>
#include <cstdint>
#include <string_view>

#include "base/swar.h"

namespace claims {

// The first position at or after `pos` that does not start a three-byte UTF-8
// character (lead 1110xxxx: U+0800..U+FFFF, all of CJK) that lies wholly
// before `end` and is missing from `wanted`. So the scan stops at ASCII, at
// other lengths, at a wanted character, and where fewer than three bytes are
// left. Continuation bytes are read as the scans themselves decode them (low
// six bits, unchecked): a skipped character is one the scan's own
// per-character test would have passed over. `wanted` is a set of BMP code
// points, bit (c & 63) of word c >> 6 (1024 words): the layout follows a
// three-byte character's UTF-8, so the bit is found without assembling c.
//
//   SkipThreeByteChars("营收增长5%", 0, 14, no_cjk_wanted) -> 12 (the '5')
inline size_t SkipThreeByteChars(std::string_view t, size_t pos, size_t end, const uint64_t* wanted) {
  const char* s = t.data();
  // v's low three bytes: one character. Byte k sits at bits 8k..8k+7.
  auto skip = [wanted](uint64_t v) {
    return (v & 0xF0) == 0xE0 && !((wanted[((v & 0x0F) << 6) | ((v >> 8) & 0x3F)] >> ((v >> 16) & 0x3F)) & 1);
  };
  if constexpr (std::endian::native == std::endian::little) {
    while (pos + 8 <= end) {
      uint64_t w = swar::Load(s + pos);
      if (!skip(w)) return pos;
      if (!skip(w >> 24)) return pos + 3;
      pos += 6;
    }
  }
  while (pos + 3 <= end) {
    auto b = [&](size_t i) { return uint64_t{static_cast<unsigned char>(s[pos + i])}; };
    if (!skip(b(0) | (b(1) << 8) | (b(2) << 16))) return pos;
    pos += 3;
  }
  return pos;
}

}  // namespace claims

#endif  // CLAIMS_BASE_CJK_SKIP_H_
