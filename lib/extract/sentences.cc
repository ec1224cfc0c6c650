#include "extract/sentences.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "base/simd.h"

namespace claims {

namespace {

// A "sentence" longer than this (a line of figures with no full stop, a
// table flattened to one line) is narrowed to a window around the claim:
// every claim copies its sentence and context reads it, so an unbounded
// sentence would make a long line quadratic.
constexpr size_t kMaxSentenceBytes = 600;
constexpr size_t kWindowBytes = 240;  // each side of the claim
constexpr size_t kClaimBytes = 48;    // room for the claim's own text

// How far Around() looks for a boundary on each side: past this the sentence
// is long whatever its exact extent, and only a window around the claim is used.
constexpr size_t kScanLimit = kMaxSentenceBytes + 1;

// Whether a boundary mark ends just before t[i]: one of \n ! ? ; or 。 ｡.
inline bool MarkEndsAt(std::string_view t, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(t[k]); };
  unsigned char c = at(i - 1);
  if (c < 0x80) return c == '\n' || c == '!' || c == '?' || c == ';';
  if (i < 3 || (c != 0x82 && c != 0xA1)) return false;
  return (at(i - 3) == 0xE3 && at(i - 2) == 0x80 && c == 0x82) ||  // 。 U+3002
         (at(i - 3) == 0xEF && at(i - 2) == 0xBD && c == 0xA1);    // ｡ U+FF61
}

// The last byte of every mark: a mark can end just after a byte only if the
// byte is one of these (0x82 and 0xA1 also end or sit inside many other
// characters, so each hit is confirmed with MarkEndsAt).
#ifdef CLAIMS_HAVE_SSE2
uint32_t MarkByteMask(const char* p) {
  __m128i v = simd::Load16(p);
  return simd::Eq(v, '\n') | simd::Eq(v, '!') | simd::Eq(v, '?') | simd::Eq(v, ';') | simd::Eq(v, 0x82) |
         simd::Eq(v, 0xA1);
}
#endif

// The first e in [from + 1, limit] at which a mark ends, or limit + 1.
size_t NextMarkEnd(std::string_view t, size_t from, size_t limit) {
  size_t j = from;  // the mark's last byte is t[j]
#ifdef CLAIMS_HAVE_SSE2
  for (; j + 16 <= limit; j += 16) {
    for (uint32_t m = MarkByteMask(t.data() + j); m != 0; m &= m - 1) {
      size_t e = j + static_cast<size_t>(std::countr_zero(m)) + 1;
      if (MarkEndsAt(t, e)) return e;
    }
  }
#endif
  for (; j < limit; ++j) {
    if (MarkEndsAt(t, j + 1)) return j + 1;
  }
  return limit + 1;
}

// The last b in (floor, to] at which a mark ends, or floor.
size_t PrevMarkEnd(std::string_view t, size_t floor, size_t to) {
  size_t j = to;  // t[j - 1] is the next byte to look at
#ifdef CLAIMS_HAVE_SSE2
  for (; j >= floor + 16; j -= 16) {
    for (uint32_t m = MarkByteMask(t.data() + j - 16); m != 0;) {
      int top = 31 - std::countl_zero(m);
      size_t b = j - 16 + static_cast<size_t>(top) + 1;
      if (MarkEndsAt(t, b)) return b;
      m &= ~(uint32_t{1} << top);
    }
  }
#endif
  for (; j > floor; --j) {
    if (MarkEndsAt(t, j)) return j;
  }
  return floor;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Moves `p` forward to a character boundary.
size_t AlignForward(std::string_view t, size_t p) {
  while (p < t.size() && IsContinuation(static_cast<unsigned char>(t[p]))) ++p;
  return p;
}

// Within [lo, hi), the position just after the last clause mark, or lo.
size_t LastClauseEnd(std::string_view t, size_t lo, size_t hi) {
  for (size_t i = hi; i > lo; --i) {
    char c = t[i - 1];
    if (c == ',' || c == ' ') return i;
    if (i >= lo + 3 && t.substr(i - 3, 3) == "、") return i;
  }
  return lo;
}

// Within [lo, hi), the position of the first clause mark, or hi.
size_t FirstClauseMark(std::string_view t, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; ++i) {
    char c = t[i];
    if (c == ',' || c == ' ') return i;
    if (t.substr(i, 3) == "、") return i;
  }
  return hi;
}

}  // namespace

NormSpan SentenceIndex::Around(size_t pos) const {
  // begin: just past the last mark ending at or before pos; end: just past
  // the first mark ending after it. A side with no mark within kScanLimit is
  // set that far out: the sentence is long either way, and a long sentence
  // is cut to a window below that does not depend on its exact extent.
  size_t begin, end;
  // The last known sentence starting at or before pos.
  auto known = std::upper_bound(known_.begin(), known_.end(), pos,
                                [](size_t p, const std::pair<size_t, size_t>& k) { return p < k.first; });
  if (known != known_.begin() && pos < (known - 1)->second) {
    begin = (known - 1)->first;
    end = (known - 1)->second;
  } else {
    size_t floor = pos > kScanLimit ? pos - kScanLimit : 0;
    begin = PrevMarkEnd(text_, floor, pos);
    size_t ceiling = std::min(text_.size(), pos + kScanLimit);
    end = std::min(NextMarkEnd(text_, pos, ceiling), ceiling);
    bool exact = (begin > floor || floor == 0 || MarkEndsAt(text_, begin)) &&
                 (end < ceiling || ceiling == text_.size() || MarkEndsAt(text_, end));
    if (exact) known_.insert(known, {begin, end});
  }
  if (end - begin > kMaxSentenceBytes) {
    size_t lo = pos > begin + kWindowBytes ? AlignForward(text_, pos - kWindowBytes) : begin;
    size_t hi = end > pos + kWindowBytes ? AlignForward(text_, pos + kWindowBytes) : end;
    // Prefer whole clauses: cut after a clause mark on the left, before one on the right.
    if (lo > begin) lo = std::max(lo, std::min(LastClauseEnd(text_, lo, pos), pos));
    // On the right, look past the claim itself (a number may hold a comma: 1,234).
    size_t from = std::min(pos + kClaimBytes, hi);
    if (hi < end) hi = FirstClauseMark(text_, from, hi);
    begin = lo;
    end = hi;
  }
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (begin < end && space(text_[begin])) ++begin;
  while (end > begin && space(text_[end - 1])) --end;
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

}  // namespace claims
