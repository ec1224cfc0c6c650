// The eight-bytes-at-once tests must agree with a byte-by-byte look for every
// byte value in every lane: a miss would let a quote or a sentence mark slip
// through the fast loops unescaped or unseen.
#include "base/swar.h"

#include <catch2/catch.hpp>

#include <string>

#include "base/json.h"

namespace claims {
namespace {

uint64_t WordWith(uint8_t fill, int lane, uint8_t byte) {
  uint64_t w = swar::kOnes * fill;
  w &= ~(uint64_t{0xFF} << (8 * lane));
  return w | (uint64_t{byte} << (8 * lane));
}

TEST_CASE("HasByte and HasLess agree with a byte-by-byte look in every lane", "[swar]") {
  // Fillers: a plain ASCII letter and a UTF-8 continuation byte (Chinese text).
  for (uint8_t fill : {uint8_t{'a'}, uint8_t{0x80}, uint8_t{0xBF}}) {
    for (int lane = 0; lane < 8; ++lane) {
      for (int v = 0; v < 256; ++v) {
        uint64_t w = WordWith(fill, lane, static_cast<uint8_t>(v));
        INFO("fill " << int(fill) << " lane " << lane << " byte " << v);
        CHECK((swar::HasByte(w, '"') != 0) == (v == '"' || fill == '"'));
        CHECK((swar::HasByte(w, 0xE2) != 0) == (v == 0xE2));
        CHECK((swar::HasLess(w, 0x20) != 0) == (v < 0x20));
      }
    }
  }
}

TEST_CASE("JSON strings escape and read back a special byte at any offset", "[swar][json]") {
  // Offsets around the 8-byte words the fast loops step by.
  const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x7f", "\xE2\x80\xA8"};
  for (const std::string& sp : specials) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s = std::string(at, 'x') + sp + "营收59.31亿美元" + std::string(at % 7, 'y');
      std::string q = json::Quote(s);
      INFO("special " << int(static_cast<unsigned char>(sp[0])) << " at " << at);
      if (sp != "\"" && sp != "\\") CHECK(q.find(sp) == std::string::npos);  // escaped, never raw
      auto back = json::Parse(q);
      REQUIRE(back.ok());
      CHECK(back->text == s);
    }
  }
}

}  // namespace
}  // namespace claims
