// Small UTF-8 helpers shared by the context heuristics. Positions are byte
// offsets into the normalised text; every helper stays inside [0, size).
#ifndef CLAIMS_CONTEXT_TEXT_UTIL_H_
#define CLAIMS_CONTEXT_TEXT_UTIL_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "base/cjk_skip.h"

namespace claims::context {

// Length of the UTF-8 sequence that starts with byte `b` (1 for stray bytes).
inline size_t Utf8Len(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// Start of the character before `pos` (0 when pos is 0).
inline size_t PrevCharStart(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

// A byte loop, not memcmp: almost every call fails on the first byte, and
// these run at every character of a sentence. So that byte is tested first,
// before the length.
inline bool At(std::string_view s, size_t pos, std::string_view word) {
  if (word.empty() || pos >= s.size()) return word.empty() && pos <= s.size();
  if (s[pos] != word[0] || s.size() - pos < word.size()) return false;
  for (size_t i = 1; i < word.size(); ++i) {
    if (s[pos + i] != word[i]) return false;
  }
  return true;
}

// True when s[..pos) ends with `word`.
inline bool EndsAt(std::string_view s, size_t pos, std::string_view word) {
  return pos >= word.size() && pos <= s.size() && At(s, pos - word.size(), word);
}

// The first of `words` found at `pos`; its length, or 0.
inline size_t AtAny(std::string_view s, size_t pos, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (At(s, pos, w)) return w.size();
  }
  return 0;
}

// The first of `words` that s[..pos) ends with; its length, or 0.
inline size_t EndsAtAny(std::string_view s, size_t pos,
                        std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (EndsAt(s, pos, w)) return w.size();
  }
  return 0;
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The code point of a 3-byte UTF-8 character at s[pos] (all of CJK), else 0.
inline uint32_t Cp3(std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return 0;
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[pos + i]); };
  if ((b(0) & 0xF0) != 0xE0) return 0;
  return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

// The code point of a literal 3-byte character, for comparisons with Cp3.
constexpr uint32_t Cp(const char (&c)[4]) {
  return ((static_cast<unsigned char>(c[0]) & 0x0F) << 12) |
         ((static_cast<unsigned char>(c[1]) & 0x3F) << 6) | (static_cast<unsigned char>(c[2]) & 0x3F);
}

// SkipThreeByteChars that also steps over the ASCII bytes missing from
// `ascii` (bit b & 63 of word b >> 6). A third of the characters of a claim
// sentence are ASCII (digits, '.', '%', Latin names), and each of them would
// otherwise stop the skip only for the scan to pass over it.
inline size_t SkipUnwanted(std::string_view t, size_t pos, size_t end, const uint64_t* cjk, const uint64_t ascii[2]) {
  while (true) {
    pos = SkipThreeByteChars(t, pos, end, cjk);
    auto unwanted = [&](unsigned char b) { return b < 0x80 && !((ascii[b >> 6] >> (b & 63)) & 1); };
    if (pos >= end || !unwanted(static_cast<unsigned char>(t[pos]))) return pos;
    do {
      ++pos;
    } while (pos < end && unwanted(static_cast<unsigned char>(t[pos])));
  }
}

// An ASCII set for SkipUnwanted: the bytes of `chars`.
struct AsciiSet {
  uint64_t bits[2] = {};
  constexpr explicit AsciiSet(std::string_view chars) {
    for (char c : chars) bits[static_cast<unsigned char>(c) >> 6] |= uint64_t{1} << (c & 63);
  }
};

// Whether `gap` alone joins two items of a list: 和, 、, 及, 与, 以及.
inline bool IsListJoiner(std::string_view gap) {
  return gap == "和" || gap == "、" || gap == "及" || gap == "与" || gap == "以及";
}

// Whether [begin, end) contains any of `words`.
inline bool ContainsAny(std::string_view s, size_t begin, size_t end,
                        std::initializer_list<std::string_view> words) {
  std::string_view part = s.substr(begin, end > begin ? end - begin : 0);
  for (std::string_view w : words) {
    if (part.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_TEXT_UTIL_H_
