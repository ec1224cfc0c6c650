// The trie: its character steps (whole 3-byte characters, a direct table for
// the first one) must find exactly what a plain byte-by-byte longest match
// finds, also for keys and text that are not well-formed UTF-8.
#include "context/trie.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claims::context {
namespace {

// The reference: the longest key that text[pos..] starts with, ASCII folded.
size_t SlowMatch(const std::vector<std::string>& keys, std::string_view text, size_t pos, int32_t* value) {
  size_t best = 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::string& key = keys[k];
    if (key.size() <= best || text.size() - pos < key.size()) continue;
    bool same = true;
    for (size_t i = 0; i < key.size() && same; ++i) {
      same = FoldAscii(static_cast<uint8_t>(text[pos + i])) == FoldAscii(static_cast<uint8_t>(key[i]));
    }
    if (same) {
      best = key.size();
      *value = static_cast<int32_t>(k);
    }
  }
  return best;
}

// The code point of the well-formed character at text[pos] and its length,
// as Lexicon hands it to LongestMatchChar; 0 when there is none.
size_t DecodeFirst(std::string_view text, size_t pos, uint32_t* c) {
  auto b = [&](size_t i) { return static_cast<uint8_t>(text[pos + i]); };
  auto cont = [&](size_t i) { return pos + i < text.size() && (b(i) & 0xC0) == 0x80; };
  if (b(0) < 0x80) { *c = FoldAscii(b(0)); return 1; }
  if ((b(0) & 0xE0) == 0xC0 && cont(1)) { *c = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); return 2; }
  if ((b(0) & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    *c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    return 3;
  }
  return 0;
}

void CheckAgainstReference(const std::vector<std::string>& keys, const std::vector<std::string>& texts) {
  Trie trie;
  for (size_t k = 0; k < keys.size(); ++k) trie.Insert(keys[k], static_cast<int32_t>(k));
  trie.Freeze();
  for (const std::string& text : texts) {
    for (size_t pos = 0; pos < text.size(); ++pos) {
      INFO("text " << text << " pos " << pos);
      int32_t want_value = -1, value = -1;
      size_t want = SlowMatch(keys, text, pos, &want_value);
      CHECK(trie.LongestMatch(text, pos, &value) == want);
      if (want) CHECK(value == want_value);
      uint32_t c = 0;
      if (size_t n = DecodeFirst(text, pos, &c)) {
        value = -1;
        CHECK(trie.LongestMatchChar(text, pos, c, n, &value) == want);
        if (want) CHECK(value == want_value);
      }
    }
  }
}

TEST_CASE("Trie finds the longest key as a byte-by-byte match would", "[context]") {
  std::vector<std::string> keys = {"中", "中国", "中国移动", "中国移动游戏", "为", "为了", "h20", "H200",
                                   "nvidia", "英伟达", "英伟达h20", "é", "éa"};
  CheckAgainstReference(keys, {"中国移动游戏市场", "中国的移动", "为了中国", "H20与h200", "NVIDIA英伟达H20芯片",
                               "éA", "中", "中国移", "\xE4\xB8", "中\xE5\x9B"});
}

TEST_CASE("Trie keys that end inside a character still match", "[context]") {
  // "\xE4\xB8" is two bytes of 中 (and of 上, 下 …); "中\xE5" ends inside 国.
  std::vector<std::string> keys = {"\xE4\xB8", "中\xE5", "中国", "上海", "\xE5\x9B"};
  CheckAgainstReference(keys, {"中国上海", "上下", "中\xE5", "国中\xE5\x9B\xBD", "\xE4\xB8\xAD\xE5"});
}

}  // namespace
}  // namespace claims::context
