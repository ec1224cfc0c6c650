// Bytes -> UTF-8 text. Valid UTF-8 passes through unchanged (offsets stay
// those of the file). GB18030/GBK and Big5 are detected with ICU and refused
// with a message naming the likely encoding; binary data and invalid UTF-8 are
// refused with the byte offset of the first bad byte.
#ifndef CLAIMS_TEXT_DECODE_H_
#define CLAIMS_TEXT_DECODE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claims::text {

// Offset of the first byte that is not part of valid UTF-8 (overlongs,
// surrogates and code points past U+10FFFF are invalid), or npos.
size_t FindInvalidUtf8(std::string_view bytes);

// The pieces of FindInvalidUtf8, for scanners that check UTF-8 as they go
// (json.cc reads a string's end and checks its bytes in one pass).
//
// Whether the low three bytes of `v` (bytes in little-endian order) are a
// three-byte character whose lead puts no extra limit on the second byte
// (E1-EF but ED), the common case in Chinese text: valid without more tests.
inline bool PlainThreeByte(uint64_t v) {
  return (v & 0xC0C0F0) == 0x8080E0 && (v & 0x0F) != 0x00 && (v & 0x0F) != 0x0D;
}
// The length (1-4) of the valid UTF-8 sequence at bytes[i], or 0 when the
// sequence there is invalid or cut off by the end of `bytes`.
size_t ValidSequenceLength(std::string_view bytes, size_t i);

// Checks that `bytes` are UTF-8 text. On failure the Status message names the
// byte offset and, where ICU recognises it, the likely encoding:
//   "invalid UTF-8 at byte 17 (looks like GB18030; convert with iconv -f GB18030 -t UTF-8)"
//   "binary data (NUL byte at 1024)"
// A leading UTF-8 BOM is allowed; `*bom_len` says how many bytes to skip.
// `known_valid` is for bytes a reader has already checked as UTF-8 (a JSON
// string: json::Parse refuses invalid UTF-8): only the BOM and NUL checks run,
// since "\u0000" in a JSON string is valid UTF-8 but still binary data here.
Status CheckUtf8Text(std::string_view bytes, size_t* bom_len, bool known_valid = false);

// Line ends in text[begin, end): "\n", "\r\n" (one end) and a lone "\r"
// (old Mac files), so line numbers match what an editor shows. A "\r" at
// end - 1 is judged by the byte after it, even past `end`.
size_t CountLineEnds(std::string_view text, size_t begin, size_t end);

}  // namespace claims::text

#endif  // CLAIMS_TEXT_DECODE_H_
