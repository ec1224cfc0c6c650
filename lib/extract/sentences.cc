#include "extract/sentences.h"

#include <algorithm>
#include <cstring>

#include "base/swar.h"

namespace claims {

SentenceIndex::SentenceIndex(std::string_view t) : text_(t) {
  using namespace swar;
  for (size_t i = 0; i < t.size(); ++i) {
    // Skip eight bytes at a time while none can start a boundary mark.
    while (i + 8 <= t.size()) {
      uint64_t w = Load(t.data() + i);
      if ((HasByte(w, '\n') | HasByte(w, '!') | HasByte(w, '?') | HasByte(w, ';') | HasByte(w, 0xE3) |
           HasByte(w, 0xEF)) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= t.size()) break;
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n' || c == '!' || c == '?' || c == ';') {
      ends_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
               static_cast<unsigned char>(t[i + 2]) == 0x82) {  // 。 U+3002
      ends_.push_back(static_cast<uint32_t>(i + 3));
      i += 2;
    } else if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBD &&
               static_cast<unsigned char>(t[i + 2]) == 0xA1) {  // ｡ halfwidth ideographic full stop
      ends_.push_back(static_cast<uint32_t>(i + 3));
      i += 2;
    }
  }
}

namespace {

// A "sentence" longer than this (a line of figures with no full stop, a
// table flattened to one line) is narrowed to a window around the claim:
// every claim copies its sentence and context reads it, so an unbounded
// sentence would make a long line quadratic.
constexpr size_t kMaxSentenceBytes = 600;
constexpr size_t kWindowBytes = 240;  // each side of the claim
constexpr size_t kClaimBytes = 48;    // room for the claim's own text

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
  auto it = std::upper_bound(ends_.begin(), ends_.end(), static_cast<uint32_t>(pos));
  size_t begin = it == ends_.begin() ? 0 : *(it - 1);
  size_t end = it == ends_.end() ? text_.size() : *it;
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
