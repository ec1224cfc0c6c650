// Byte tests on sixteen bytes at once with SSE2, which every x86-64 CPU has,
// for the passes that read every byte of an article (JSON strings in and
// out). Each test returns a mask with bit k set for byte k. Elsewhere
// CLAIMS_HAVE_SSE2 is undefined and callers keep their eight-byte swar.h
// loops, so the results never depend on which path ran.
#ifndef CLAIMS_BASE_SIMD_H_
#define CLAIMS_BASE_SIMD_H_

#if defined(__SSE2__)
#define CLAIMS_HAVE_SSE2 1

#include <emmintrin.h>

#include <cstdint>

namespace claims::simd {

inline __m128i Load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

inline uint32_t Mask(__m128i bytes) { return static_cast<uint32_t>(_mm_movemask_epi8(bytes)); }

// Bytes equal to b.
inline uint32_t Eq(__m128i v, uint8_t b) { return Mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)))); }

// Bytes whose bits under `mask` equal `want`: MaskedEq(v, 0xC0, 0x80) finds
// UTF-8 continuation bytes.
inline uint32_t MaskedEq(__m128i v, uint8_t mask, uint8_t want) {
  __m128i m = _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(mask)));
  return Mask(_mm_cmpeq_epi8(m, _mm_set1_epi8(static_cast<char>(want))));
}

// Bytes below n (unsigned, 1 <= n <= 255).
inline uint32_t Below(__m128i v, uint8_t n) {
  __m128i limit = _mm_set1_epi8(static_cast<char>(n - 1));
  return Mask(_mm_cmpeq_epi8(_mm_min_epu8(v, limit), v));
}

// Bytes >= 0x80.
inline uint32_t High(__m128i v) { return Mask(v); }

// Bytes a written JSON string must look at: quote, backslash, control
// characters, DEL and 0xE2 (the lead byte of U+2028/9).
inline uint32_t JsonSpecial(__m128i v) {
  auto eq = [v](uint8_t b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  return Mask(_mm_or_si128(_mm_or_si128(_mm_or_si128(eq('"'), eq('\\')), _mm_or_si128(eq(0x7F), eq(0xE2))), control));
}

}  // namespace claims::simd

#endif  // __SSE2__

#endif  // CLAIMS_BASE_SIMD_H_
