// Byte tests on eight bytes at once ("SIMD within a register"), for the
// loops that skip long runs of ordinary text: JSON strings, sentence marks.
// Each test is exact as a yes/no answer for the word; which byte fired is
// left to a byte-by-byte look at that word.
#ifndef CLAIMS_BASE_SWAR_H_
#define CLAIMS_BASE_SWAR_H_

#include <cstdint>
#include <cstring>

namespace claims::swar {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t Load(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Nonzero when some byte of `w` equals `b`.
constexpr uint64_t HasByte(uint64_t w, uint8_t b) {
  uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighs;
}

// Nonzero when some byte of `w` is below `n` (n <= 128).
constexpr uint64_t HasLess(uint64_t w, uint8_t n) { return (w - kOnes * n) & ~w & kHighs; }

}  // namespace claims::swar

#endif  // CLAIMS_BASE_SWAR_H_
