// Normalisation walks the UTF-8 once, copying unchanged text in bulk; each
// non-ASCII code point is looked up in the fold table. Only replacements whose
// byte length differs from the original are recorded in the OffsetMap (a
// same-length replacement keeps offsets aligned), so for typical Chinese
// text the map holds one entry per full-width punctuation mark.
#include "text/normalize.h"

#include <algorithm>
#include <cstdint>

#include "base/cjk_skip.h"
#include "base/swar.h"
#include "text/fold_table.h"

namespace claims::text {

void OffsetMap::Add(uint32_t norm, uint32_t norm_len, uint32_t orig, uint32_t orig_len) {
  pieces_.push_back({norm, norm_len, orig, orig_len});
}

uint32_t OffsetMap::ToOriginal(uint32_t n) const {
  // Last piece starting at or before n.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), n,
                             [](uint32_t v, const Piece& p) { return v < p.norm; });
  if (it == pieces_.begin()) return n;
  const Piece& p = *(it - 1);
  if (n < p.norm + p.norm_len) return p.orig;
  return p.orig + p.orig_len + (n - (p.norm + p.norm_len));
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t n) const {
  // Last piece starting strictly before n: an end offset at a piece's far
  // edge belongs to that piece.
  auto it = std::lower_bound(pieces_.begin(), pieces_.end(), n,
                             [](const Piece& p, uint32_t v) { return p.norm < v; });
  if (it == pieces_.begin()) return n;
  const Piece& p = *(it - 1);
  if (n <= p.norm + p.norm_len) return p.orig + p.orig_len;
  return p.orig + p.orig_len + (n - (p.norm + p.norm_len));
}

NormalizedText Normalize(std::string_view in) {
  NormalizedText out;
  out.utf8.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  size_t i = 0;
  size_t run = 0;  // start of the bytes not yet copied: unchanged text is copied in bulk
  const uint16_t* fold_index = FoldIndex();
  const uint64_t* fold_bits = FoldBits();
  while (i < n) {
    // Most text folds nothing: runs of three-byte characters (all of CJK)
    // tested against the bitmap two at a time, and eight ASCII bytes at once.
    i = SkipThreeByteChars(in, i, n, fold_bits);
    if (i >= n) break;
    if (i + 8 <= n && (swar::Load(in.data() + i) & swar::kHighs) == 0) {
      i += 8;
      continue;
    }
    if (s[i] < 0x80) { ++i; continue; }
    // Decode one code point; the input is valid UTF-8 (decode.h checked).
    uint32_t cp;
    size_t len;
    if (s[i] < 0xE0) { cp = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F); len = 2; }
    else if (s[i] < 0xF0) { cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F); len = 3; }
    else { cp = 0x10000; len = 4; }  // beyond the BMP: never folded
    if (i + len > n) len = n - i;    // defensive: truncated input stays as is
    uint16_t row = cp < 0x10000 && ((fold_bits[cp >> 6] >> (cp & 63)) & 1) ? fold_index[cp] : 0;
    if (row != 0) {
      Fold f = FoldRow(row);
      out.utf8.append(in.data() + run, i - run);
      // A fold to several characters needs a piece even at the same length
      // (U+FE74 -> " \u064D": 3 bytes either way), else an offset between
      // them would map into the middle of the original character.
      if (f.to.size() != len ||
          std::count_if(f.to.begin(), f.to.end(), [](char c) { return (c & 0xC0) != 0x80; }) > 1) {
        out.map.Add(static_cast<uint32_t>(out.utf8.size()), static_cast<uint32_t>(f.to.size()),
                    static_cast<uint32_t>(i), static_cast<uint32_t>(len));
      }
      out.utf8.append(f.to);
      out.had_traditional |= f.traditional;
      run = i + len;
    }
    i += len;
  }
  out.utf8.append(in.data() + run, n - run);
  return out;
}

}  // namespace claims::text
