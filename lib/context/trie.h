// Trie: longest-match lookup of lexicon words in UTF-8 text, one walk per
// start position. ASCII letters match case-insensitively ("nvidia" finds
// "NVIDIA"); everything else byte for byte.
#ifndef CLAIMS_CONTEXT_TRIE_H_
#define CLAIMS_CONTEXT_TRIE_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace claims::context {

class Trie {
 public:
  Trie();
  // Maps `key` to `value` (>= 0); a repeated key keeps the last value.
  // Lookups see new keys after the next Freeze().
  void Insert(std::string_view key, int32_t value);
  // Lays the trie out for lookup. Call after a batch of inserts.
  void Freeze();
  // The longest key that starts at text[pos]: returns its length in bytes and
  // sets *value, or returns 0 when no key starts there.
  size_t LongestMatch(std::string_view text, size_t pos, int32_t* value) const;
  size_t size() const { return keys_; }

 private:
  struct BuildNode {
    int32_t value = -1;
    std::vector<std::pair<uint8_t, int32_t>> edges;  // sorted by byte
  };
  int32_t BuildChild(int32_t node, uint8_t byte) const;
  int32_t Child(int32_t node, uint8_t byte) const;

  std::vector<BuildNode> build_;  // what Insert edits
  size_t keys_ = 0;

  // The frozen layout: per node its value and a run of edges; the first two
  // bytes of a 3-byte UTF-8 character (all of CJK) are direct table lookups.
  std::vector<int32_t> value_;
  std::vector<uint32_t> first_edge_;
  std::vector<uint16_t> edge_count_;
  std::vector<uint8_t> edge_byte_;
  std::vector<int32_t> edge_child_;
  int32_t root_[256];
  int32_t lead3_[16][64];  // [lead byte 0xE0..0xEF][second byte & 0x3F]
};

inline uint8_t FoldAscii(uint8_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_TRIE_H_
