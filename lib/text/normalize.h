// Text normalisation for matching: full-width -> half-width and other NFKC
// compatibility folds, Traditional -> Simplified, applied one code point at a
// time so that every normalised byte maps back to the original bytes.
//
//   Normalize("營收５．２％") -> utf8 "营收5.2%", offsets back into the input.
#ifndef CLAIMS_TEXT_NORMALIZE_H_
#define CLAIMS_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claims::text {

// Maps byte offsets in normalised text back to offsets in the original text.
// Sparse: one breakpoint where the two drift apart, so memory grows with the
// number of changed characters, not with the text.
class OffsetMap {
 public:
  // Original offset of normalised offset `n`. Offsets inside a replaced
  // character map to the start of the original character; n == size maps to
  // the end of the original text.
  uint32_t ToOriginal(uint32_t n) const;
  // For an end-exclusive span end: maps to the end of the original character.
  uint32_t ToOriginalEnd(uint32_t n) const;

  // Builder interface (normalize.cc): a normalised run [norm, norm+norm_len)
  // produced from the original run [orig, orig+orig_len).
  void Add(uint32_t norm, uint32_t norm_len, uint32_t orig, uint32_t orig_len);

 private:
  struct Piece { uint32_t norm, norm_len, orig, orig_len; };
  std::vector<Piece> pieces_;  // only runs whose lengths differ or are remapped
};

struct NormalizedText {
  std::string utf8;
  OffsetMap map;
  bool had_traditional = false;  // some character was Traditional-only
};

// `utf8` must be valid UTF-8 (text/decode.h checks). Pure; thread-safe.
NormalizedText Normalize(std::string_view utf8);

}  // namespace claims::text

#endif  // CLAIMS_TEXT_NORMALIZE_H_
