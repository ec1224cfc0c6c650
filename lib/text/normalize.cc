// Normalisation walks the UTF-8 once, copying unchanged text in bulk; each
// non-ASCII code point is looked up in the fold table. Only replacements whose
// byte length differs from the original are recorded in the OffsetMap (a
// same-length replacement keeps offsets aligned), so for typical Chinese
// text the map holds one entry per full-width punctuation mark.
#include "text/normalize.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "base/swar.h"
#include "text/decode.h"
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

void StopChars::Free::operator()(uint64_t* p) const { std::free(p); }

StopChars::StopChars(const uint64_t* chars)
    // calloc: a block this large is mapped fresh, so the words never written
    // cost no memory.
    : passed_by_bytes_(static_cast<uint64_t*>(std::calloc(0x10000, sizeof(uint64_t)))),
      marked_by_bytes_(static_cast<uint64_t*>(std::calloc(0x10000, sizeof(uint64_t)))) {
  if (passed_by_bytes_ == nullptr || marked_by_bytes_ == nullptr) throw std::bad_alloc();
  const uint64_t* folds = FoldBits();
  for (size_t w = 0; w < 1024; ++w) {
    chars_[w] = chars[w];
    chars_or_folded_[w] = chars[w] | folds[w];
    // Word w holds U+(w * 64) ... +63, whose UTF-8 is lead 0xE0 | w >> 6,
    // second byte 0x80 | (w & 63), third byte 0x80 | bit: as the low bytes
    // of a little-endian word, key (second << 8) | lead and bit third & 63.
    // Below U+0800 the lead E0 would spell an overlong form, and U+D800 to
    // U+DFFF are surrogates: neither is valid UTF-8, and leaving their words
    // zero sends them to the byte-wise check.
    if (w < 0x800 / 64 || (w >= 0xD800 / 64 && w < 0xE000 / 64)) continue;
    size_t key = ((0x80 | (w & 63)) << 8) | 0xE0 | (w >> 6);
    passed_by_bytes_[key] = ~chars_or_folded_[w];
    marked_by_bytes_[key] = chars[w] & ~folds[w];
  }
}

namespace {

// The three bytes at p as the low bytes of a little-endian word.
uint64_t Char3At(const char* p) {
  auto b = [p](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return b(0) | (b(1) << 8) | (b(2) << 16);
}

// The tables key a character by its lead and second byte, and hold nothing
// for pairs that cannot start a valid three-byte character; the third byte
// is checked apart: whether it is a continuation byte (10xxxxxx), in the
// character in v's low three bytes, or in both of the two characters in v's
// low six bytes.
constexpr uint64_t kThird = 0xC00000, kThirds = 0xC00000C00000;
constexpr uint64_t kThirdOk = 0x800000, kThirdsOk = 0x800000800000;

// Steps over three-byte characters, two per eight-byte load, from `pos`
// while each is valid UTF-8 and passed over or a stop that does not fold,
// marking those stops; returns where it halts: at any other character
// (invalid ones included), or where fewer than three bytes are left. A stop
// at input offset k lands at output offset k + shift (unsigned arithmetic:
// the output may have shrunk).
size_t ScanThreeByteChars(std::string_view t, size_t pos, size_t end, const StopChars& tables, uint64_t* stops,
                          size_t shift) {
  const char* s = t.data();
  const uint64_t* passed = tables.passed_by_bytes();
  const uint64_t* marked = tables.marked_by_bytes();  // all zero without stops
  // Whether the character in v's low three bytes is in `set`.
  auto in = [](const uint64_t* set, uint64_t v) { return (set[v & 0xFFFF] >> ((v >> 16) & 63)) & 1; };
  auto mark = [&](size_t at) {
    size_t o = at + shift;
    stops[o >> 6] |= uint64_t{1} << (o & 63);
  };
  while (pos + 3 <= end) {
    if constexpr (std::endian::native == std::endian::little) {
      // Two characters a load while both third bytes are continuation
      // bytes (one test for the two), which is all of a run of Chinese.
      for (uint64_t w; pos + 8 <= end && ((w = swar::Load(s + pos)) & kThirds) == kThirdsOk;) {
        if (in(passed, w)) {
          if (in(passed, w >> 24)) {
            pos += 6;
            continue;
          }
          pos += 3;
        }
        // Not passed over: a stop to mark (about one character in seven),
        // or where the scan ends. Its bytes are read again rather than kept
        // from the load above, which keeps the common path above short.
        uint64_t v = Char3At(s + pos);
        if (!in(marked, v)) return pos;
        mark(pos);
        pos += 3;
      }
    }
    // One character: near the end, or where this character or the next
    // does not end in a continuation byte (most often, the next is ASCII).
    if (pos + 3 > end) break;
    uint64_t v = Char3At(s + pos);
    if ((v & kThird) != kThirdOk) return pos;
    if (!in(passed, v)) {
      if (!in(marked, v)) return pos;
      mark(pos);
    }
    pos += 3;
  }
  return pos;
}

// The tables for Normalize() without stops: only folded characters halt it.
const StopChars& FoldsOnly() {
  static const StopChars* folds_only = [] {
    static const uint64_t kNone[1024] = {};
    return new StopChars(kNone);
  }();
  return *folds_only;
}

}  // namespace

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
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  size_t i = 0;
  size_t run = 0;  // start of the bytes not yet copied: unchanged text is copied in bulk
  out.utf8.reserve(n);
  // Chinese news has a full-width comma (a piece: 3 bytes -> 1) about every
  // 60 bytes; room for that many saves the vector's doublings, up to a cap
  // so that a huge file does not reserve much it may not use.
  out.map.Reserve(std::min<size_t>(n / 48, 1 << 16));
  const uint16_t* fold_index = FoldIndex();
  const uint64_t* fold_bits = FoldBits();
  const StopChars& tables = stop != nullptr ? *stop : FoldsOnly();
  std::vector<uint64_t>* stops = stop != nullptr ? &out.stops : nullptr;
  // One bit per output byte; a lengthening fold widens it below, so marking
  // never checks the size.
  if (stops != nullptr) stops->assign(n / 64 + 1, 0);
  out.stopped_by = stop;
  // Where input byte k, not yet copied, lands in the output.
  auto at = [&](size_t k) { return out.utf8.size() + (k - run); };
  while (i < n) {
    // Most text folds nothing: runs of three-byte characters (all of CJK)
    // looked up by their bytes, the wanted ones marked on the way, and ASCII
    // in runs.
    i = ScanThreeByteChars(in, i, n, tables, stops != nullptr ? stops->data() : nullptr,
                           out.utf8.size() - run);
    if (i >= n) break;
    if (s[i] < 0x80) {  // a run of ASCII, eight bytes at a time where it is long
      size_t j = i + 1;
      while (j + 8 <= n && (swar::Load(in.data() + j) & swar::kHighs) == 0) j += 8;
      while (j < n && s[j] < 0x80) ++j;
      if (stops != nullptr) MarkStops(stops, at(i), j - i);
      i = j;
      continue;
    }
    // Check and decode one code point. This is the only UTF-8 check most
    // text gets: the scan above passes valid three-byte characters only.
    // Folded characters are most often plain three-byte ones (full-width
    // punctuation, Traditional characters): tested here without a call.
    size_t len = i + 3 <= n && PlainThreeByte(Char3At(in.data() + i)) ? 3 : ValidSequenceLength(in, i);
    if (len == 0) {
      out.invalid_utf8 = i;
      break;
    }
    uint32_t cp;
    if (len == 2) cp = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
    else if (len == 3) cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    else cp = 0x10000;  // beyond the BMP: never folded
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
        if (f.to.size() > len) {  // only a lengthening fold can outgrow `stops`
          size_t widest = out.utf8.size() + f.to.size() + (n - i - len);  // every later output byte
          if (widest / 64 + 1 >= stops->size()) stops->resize(widest / 64 + 2, 0);
        }
        // Most folds are full-width punctuation to one ASCII byte (，-> ,),
        // always a stop.
        if (f.to.size() == 1) MarkStop(stops, out.utf8.size());
        else MarkFolded(f.to, out.utf8.size(), *stop, stops);
      }
      if (f.to.size() == 1) out.utf8.push_back(f.to[0]);
      else out.utf8.append(f.to);
      out.had_traditional |= f.traditional;
      run = i + len;
    } else if (stops != nullptr) {
      MarkStop(stops, at(i));  // not three bytes long
    }
    i += len;
  }
  out.utf8.append(in.data() + run, n - run);
  return out;
}

}  // namespace claims::text
