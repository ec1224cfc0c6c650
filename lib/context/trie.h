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
  void Insert(std::string_view key, int32_t value);
  // The longest key that starts at text[pos]: returns its length in bytes and
  // sets *value, or returns 0 when no key starts there.
  size_t LongestMatch(std::string_view text, size_t pos, int32_t* value) const;
  size_t size() const { return keys_; }

 private:
  struct Edge {
    uint8_t byte;
    int32_t child;
  };
  struct Node {
    int32_t value = -1;
    std::vector<Edge> edges;  // sorted by byte
  };
  int32_t Child(int32_t node, uint8_t byte) const;

  std::vector<Node> nodes_;
  int32_t root_table_[256];  // direct index for the first byte
  size_t keys_ = 0;
};

inline uint8_t FoldAscii(uint8_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_TRIE_H_
