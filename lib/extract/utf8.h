// Small UTF-8 helpers for the extractor's grammar (input is valid UTF-8).
#ifndef CLAIMS_EXTRACT_UTF8_H_
#define CLAIMS_EXTRACT_UTF8_H_

#include <string_view>

namespace claims {

// The code point that ends right before `pos`, or 0 at the start.
inline char32_t PrevCodePoint(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  unsigned char c = static_cast<unsigned char>(s[b]);
  if (c < 0x80) return c;
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t k = b + 1; k < pos; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

// Decodes the code point at *pos and advances past it.
inline char32_t NextCodePoint(std::string_view s, size_t* pos) {
  unsigned char c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) { ++*pos; return c; }
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && *pos + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + k]) & 0x3F);
  *pos += len;
  return cp;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace claims

#endif  // CLAIMS_EXTRACT_UTF8_H_
