// Text normalisation for matching: full-width -> half-width and other NFKC
// compatibility folds, Traditional -> Simplified, applied one code point at a
// time so that every normalised byte maps back to the original bytes.
//
//   Normalize("營收５．２％") -> utf8 "营收5.2%", offsets back into the input.
#ifndef CLAIMS_TEXT_NORMALIZE_H_
#define CLAIMS_TEXT_NORMALIZE_H_

#include <bit>
#include <cstdint>
#include <memory>
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
  void Reserve(size_t pieces) { pieces_.reserve(pieces); }

 private:
  struct Piece { uint32_t norm, norm_len, orig, orig_len; };
  std::vector<Piece> pieces_;  // only runs whose lengths differ or are remapped
};

// The characters a later scan of the normalised text must look at, besides
// everything that is not a three-byte character: a set of BMP code points in
// the base/cjk_skip.h layout (bit c & 63 of word c >> 6). Normalize() then
// finds them during its own pass, so that scan need not read every character
// again (extract/ uses it for its candidate filter).
class StopChars {
 public:
  explicit StopChars(const uint64_t* chars);  // 1024 words, copied
  const uint64_t* chars() const { return chars_; }
  const uint64_t* chars_or_folded() const { return chars_or_folded_; }  // chars plus every folded character
  // The three-byte characters Normalize() passes over, neither wanted nor
  // folded, keyed by their bytes as a little-endian word v holds them: bit
  // (v >> 16) & 63 of word v & 0xFFFF (lead byte and second byte). That
  // costs a load and a shift where the code point's own bits take seven
  // operations to assemble. 512 KiB of address space, of which only the
  // 1024 words that can be nonzero (16 lead bytes x 64 second bytes) are
  // written, 128 KiB of pages; the rest stays untouched zero pages.
  const uint64_t* passed_by_bytes() const { return passed_by_bytes_.get(); }
  // The same for the characters in `chars` that do not fold: the stops
  // Normalize() marks without leaving its run.
  const uint64_t* marked_by_bytes() const { return marked_by_bytes_.get(); }

 private:
  struct Free {
    void operator()(uint64_t* p) const;
  };
  uint64_t chars_[1024];
  uint64_t chars_or_folded_[1024];
  std::unique_ptr<uint64_t[], Free> passed_by_bytes_, marked_by_bytes_;
};

struct NormalizedText {
  std::string utf8;
  OffsetMap map;
  bool had_traditional = false;  // some character was Traditional-only
  // Only when Normalize() was given StopChars: bit i (word i / 64) is set
  // when utf8[i] starts a character that is not a three-byte character
  // missing from the set, i.e. where SkipThreeByteChars(utf8, i, size,
  // stop.chars()) would stop. Empty otherwise.
  std::vector<uint64_t> stops;
  const StopChars* stopped_by = nullptr;  // the set `stops` was made for
  // The offset of the first byte of the input that is not valid UTF-8
  // (text/decode.h's FindInvalidUtf8 would name the same byte), or npos.
  // Normalising stops there: the rest is copied as is, its stops unmarked.
  size_t invalid_utf8 = std::string_view::npos;
  // The first position at or after `pos` whose stops bit is set; utf8.size()
  // when none is. Needs `stops`.
  size_t NextStop(size_t pos) const {
    size_t w = pos >> 6;
    if (w >= stops.size()) return utf8.size();
    if (uint64_t bits = stops[w] >> (pos & 63)) return pos + static_cast<size_t>(std::countr_zero(bits));
    for (++w; w < stops.size(); ++w) {
      if (stops[w] != 0) return w * 64 + static_cast<size_t>(std::countr_zero(stops[w]));
    }
    return utf8.size();
  }
};

// Checks that `utf8` is valid UTF-8 as it goes (see invalid_utf8), so a
// caller need not check it first. Pure; thread-safe.
NormalizedText Normalize(std::string_view utf8, const StopChars* stop = nullptr);

}  // namespace claims::text

#endif  // CLAIMS_TEXT_NORMALIZE_H_
