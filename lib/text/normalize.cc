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

StopChars::StopChars(const uint64_t* chars) {
  const uint64_t* folds = FoldBits();
  for (size_t w = 0; w < 1024; ++w) {
    chars_[w] = chars[w];
    chars_or_folded_[w] = chars[w] | folds[w];
  }
}

namespace {

// Marks utf8[pos] as a stop; `stops` already covers pos.
inline void MarkStop(std::vector<uint64_t>* stops, size_t pos) { (*stops)[pos >> 6] |= uint64_t{1} << (pos & 63); }

// Marks utf8[pos, pos + count) as stops; `stops` already covers them.
void MarkStops(std::vector<uint64_t>* stops, size_t pos, size_t count) {
  for (size_t end = pos + count; pos < end;) {
    size_t k = std::min<size_t>(64 - (pos & 63), end - pos);
    uint64_t bits = k == 64 ? ~uint64_t{0} : (uint64_t{1} << k) - 1;
    (*stops)[pos >> 6] |= bits << (pos & 63);
    pos += k;
  }
}

// Marks the characters of a fold's output the scan must look at.
void MarkFolded(std::string_view to, size_t at, const StopChars& stop, std::vector<uint64_t>* stops) {
  for (size_t k = 0; k < to.size();) {
    auto b = [&](size_t j) { return static_cast<unsigned char>(to[k + j]); };
    size_t len = b(0) < 0x80 ? 1 : b(0) < 0xE0 ? 2 : b(0) < 0xF0 ? 3 : 4;
    bool skipped = false;
    if (len == 3 && k + 3 <= to.size()) {
      uint32_t cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      skipped = !((stop.chars()[cp >> 6] >> (cp & 63)) & 1);
    }
    if (!skipped) MarkStop(stops, at + k);
    k += len;
  }
}

}  // namespace

NormalizedText Normalize(std::string_view in, const StopChars* stop) {
  NormalizedText out;
  out.utf8.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  size_t i = 0;
  size_t run = 0;  // start of the bytes not yet copied: unchanged text is copied in bulk
  const uint16_t* fold_index = FoldIndex();
  const uint64_t* fold_bits = FoldBits();
  // With stops wanted, the pass halts at their characters too; where a stop
  // lands in the output is out.utf8.size() + (i - run), the copy still owed.
  const uint64_t* halt_bits = stop != nullptr ? stop->chars_or_folded() : fold_bits;
  std::vector<uint64_t>* stops = stop != nullptr ? &out.stops : nullptr;
  // One bit per output byte; a fold that lengthens the text (㍻ -> 平成)
  // widens it below, so marking never checks the size.
  if (stops != nullptr) stops->assign(n / 64 + 1, 0);
  out.stopped_by = stop;
  auto at = [&](size_t k) { return out.utf8.size() + (k - run); };
  while (i < n) {
    // Most text folds nothing: runs of three-byte characters (all of CJK)
    // tested against the bitmap two at a time, and ASCII in runs.
    i = SkipThreeByteChars(in, i, n, halt_bits);
    if (i >= n) break;
    if (s[i] < 0x80) {  // a run of ASCII, eight bytes at a time where it is long
      size_t j = i + 1;
      while (j + 8 <= n && (swar::Load(in.data() + j) & swar::kHighs) == 0) j += 8;
      while (j < n && s[j] < 0x80) ++j;
      if (stops != nullptr) MarkStops(stops, at(i), j - i);
      i = j;
      continue;
    }
    if (stops != nullptr && s[i] < 0xF0 && i + 3 <= n) {
      // Past the skip, a three-byte character that does not fold is one the
      // scan wants: the commonest stop, marked without the fold lookup.
      uint32_t cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if (s[i] >= 0xE0 && !((fold_bits[cp >> 6] >> (cp & 63)) & 1)) {
        MarkStop(stops, at(i));
        i += 3;
        continue;
      }
    }
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
      if (stops != nullptr) {
        size_t widest = out.utf8.size() + f.to.size() + (n - i - len);  // every later output byte
        if (widest / 64 + 1 >= stops->size()) stops->resize(widest / 64 + 2, 0);
        MarkFolded(f.to, out.utf8.size(), *stop, stops);
      }
      out.utf8.append(f.to);
      out.had_traditional |= f.traditional;
      run = i + len;
    } else if (stops != nullptr) {
      MarkStop(stops, at(i));  // a wanted character, or not three bytes long
    }
    i += len;
  }
  out.utf8.append(in.data() + run, n - run);
  return out;
}

}  // namespace claims::text
