#include "ingest/sha1.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

namespace claims::ingest {
namespace {

TEST_CASE("SHA-1 of the standard test vectors", "[ingest][sha1]") {
  struct {
    std::string in, want;
  } cases[] = {
      {"", "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
      {"abc", "a9993e364706816aba3e25717850c26c9cd0d89d"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
      {std::string(1000000, 'a'), "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
  };
  for (const auto& c : cases) {
    CHECK(Sha1Hex(c.in) == c.want);
    CHECK(Sha1HexPortable(c.in) == c.want);
  }
}

// Every tail length (padding in one block or two) and a few large inputs,
// so the accelerated path can never drift from the portable one: stored
// hashes would stop matching and every article would be re-extracted.
TEST_CASE("SHA-1 accelerated and portable agree on every length", "[ingest][sha1]") {
  INFO("accelerated: " << Sha1Accelerated());
  std::mt19937 rng(7);
  std::string bytes;
  for (size_t n = 0; n <= 300; ++n) {
    bytes.resize(n);
    for (char& c : bytes) c = static_cast<char>(rng());
    REQUIRE(Sha1Hex(bytes) == Sha1HexPortable(bytes));
  }
  for (size_t n : {4095u, 4096u, 65537u, 1u << 20}) {
    bytes.resize(n);
    for (char& c : bytes) c = static_cast<char>(rng());
    REQUIRE(Sha1Hex(bytes) == Sha1HexPortable(bytes));
  }
}

}  // namespace
}  // namespace claims::ingest
