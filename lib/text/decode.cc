// UTF-8 validation follows the Unicode Standard's table 3-7 of well-formed
// byte sequences (no overlongs, no surrogates, nothing past U+10FFFF). When the
// bytes are not UTF-8, ICU's charset detector names the likely encoding so the
// message can say how to convert the file.
#include "text/decode.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>
#include <unicode/ucsdet.h>

#include "base/swar.h"

namespace claims::text {

size_t ValidSequenceLength(std::string_view bytes, size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  // The common case in Chinese text first: a three-byte sequence whose lead
  // byte puts no extra limit on the second byte (not E0, not ED).
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 3 <= n &&
      (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
    return 3;
  }
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) { len = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) len = 3;
  else if (c == 0xED) { len = 3; hi = 0x9F; }  // no surrogates
  else if (c >= 0xEE && c <= 0xEF) len = 3;
  else if (c == 0xF0) { len = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  if (i + len > n) return 0;
  if (s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
  }
  return len;
}

size_t FindInvalidUtf8(std::string_view bytes) {
  size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (std::endian::native == std::endian::little && i + 8 <= n) {
      // Eight bytes at a time: eight ASCII bytes, or one or two plain
      // three-byte characters.
      uint64_t w = swar::Load(bytes.data() + i);
      if ((w & swar::kHighs) == 0) { i += 8; continue; }
      if (PlainThreeByte(w)) {
        i += PlainThreeByte(w >> 24) ? 6 : 3;
        continue;
      }
    }
    size_t len = ValidSequenceLength(bytes, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

namespace {

// ICU's best guess among encodings a news article plausibly comes in, or "".
// (On short Chinese samples ICU's overall first choice is sometimes an EBCDIC
// code page; those are never what a user has.)
std::string GuessEncoding(std::string_view bytes) {
  static constexpr std::string_view kPlausible[] = {
      "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "Shift_JIS", "EUC-JP",
      "EUC-KR", "ISO-2022-CN", "ISO-2022-JP", "ISO-2022-KR", "windows-1252", "ISO-8859-1"};
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  // A sample is enough for a guess and keeps huge files cheap.
  int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 64 * 1024));
  ucsdet_setText(det, bytes.data(), len, &err);
  int32_t count = 0;
  const UCharsetMatch** matches = U_SUCCESS(err) ? ucsdet_detectAll(det, &count, &err) : nullptr;
  std::string name;
  for (int32_t i = 0; matches != nullptr && U_SUCCESS(err) && i < count && name.empty(); ++i) {
    const char* n = ucsdet_getName(matches[i], &err);
    if (U_FAILURE(err) || n == nullptr) break;
    for (std::string_view p : kPlausible) if (p == n) name = n;
  }
  ucsdet_close(det);
  return name;
}

}  // namespace

Status CheckUtf8Text(std::string_view bytes, size_t* bom_len, bool known_valid) {
  *bom_len = 0;
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) *bom_len = 3;
  std::string_view body = bytes.substr(*bom_len);
  if (const void* nul = std::memchr(body.data(), 0, body.size())) {
    size_t at = static_cast<const char*>(nul) - body.data() + *bom_len;
    // UTF-16 text is full of NULs; say so rather than "binary".
    if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                              (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF))) {
      return Status::BadInput("UTF-16 text (byte-order mark at byte 0); convert with iconv -f UTF-16 -t UTF-8");
    }
    return Status::BadInput(fmt::format("binary data (NUL byte at byte {})", at));
  }
  if (known_valid) return Status::Ok();
  size_t bad = FindInvalidUtf8(body);
  if (bad == std::string_view::npos) return Status::Ok();
  bad += *bom_len;
  // A UTF-8 file with a damaged spot is not in another encoding; a guess
  // would only mislead. Text in another encoding is invalid UTF-8 all over:
  // guess only when bad sequences are frequent in a sample.
  std::string_view sample = bytes.substr(0, 64 * 1024);
  size_t invalid = 0;
  for (size_t at = bad; at < sample.size();) {
    ++invalid;
    size_t next = FindInvalidUtf8(sample.substr(at + 1));
    if (next == std::string_view::npos) break;
    at += 1 + next;
  }
  std::string guess = invalid >= 4 && invalid * 50 > sample.size() ? GuessEncoding(bytes) : "";
  if (!guess.empty() && guess != "UTF-8") {
    return Status::BadInput(fmt::format("invalid UTF-8 at byte {} (looks like {}; convert with iconv -f {} -t UTF-8)",
                                        bad, guess, guess));
  }
  return Status::BadInput(fmt::format("invalid UTF-8 at byte {}", bad));
}

size_t CountLineEnds(std::string_view text, size_t begin, size_t end) {
  // memchr jumps from line end to line end; lines are long, so this beats
  // looking at every byte. "\r" is rare: a second pass finds the lone ones.
  size_t n = 0;
  const char* const stop = text.data() + end;
  for (const char* p = text.data() + begin; (p = static_cast<const char*>(std::memchr(p, '\n', stop - p))); ++p) ++n;
  for (const char* p = text.data() + begin; (p = static_cast<const char*>(std::memchr(p, '\r', stop - p))); ++p)
    if (p + 1 == text.data() + text.size() || p[1] != '\n') ++n;
  return n;
}

}  // namespace claims::text
