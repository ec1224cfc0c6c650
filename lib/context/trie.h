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
  // The same for a caller that has decoded the first character: `c` is the
  // code point (ASCII folded, below 0x10000) of the well-formed character
  // text[pos, pos + len). Inline, since the sentence scan asks at every
  // character that starts some word, and most walks end after a character.
  size_t LongestMatchChar(std::string_view text, size_t pos, uint32_t c, size_t len, int32_t* value) const {
    if (split_root_) return LongestMatch(text, pos, value);
    int16_t page = page_of_[c >> 6];
    if (page < 0) return 0;
    int32_t node = pages_[static_cast<size_t>(page) * 64 + (c & 63)];
    if (node < 0) return 0;
    size_t best = 0;
    if (nodes_[node].value >= 0) {
      best = len;
      *value = nodes_[node].value;
    }
    return Walk(text, pos, pos + len, node, best, value);
  }
  size_t size() const { return keys_; }

 private:
  struct BuildNode {
    int32_t value = -1;
    std::vector<std::pair<uint8_t, int32_t>> edges;  // sorted by byte
  };
  int32_t BuildChild(int32_t node, uint8_t byte) const;
  int32_t Child(int32_t node, uint8_t byte) const;
  // Continues a match from `node` at text[i]; `best` is the longest match so far.
  size_t Walk(std::string_view text, size_t pos, size_t i, int32_t node, size_t best, int32_t* value) const;

  std::vector<BuildNode> build_;  // what Insert edits
  size_t keys_ = 0;

  // The frozen layout. Per node its value, a run of byte edges and a run of
  // character edges: whole 3-byte UTF-8 characters (all of CJK) as one step,
  // keyed by their three bytes. The first character of a word is a direct
  // lookup: root_ by byte, and for a 3-byte character page_of_ and pages_.
  struct Node {
    int32_t value = -1;
    uint32_t first_edge = 0, first_char = 0;
    uint16_t edge_count = 0, char_count = 0;
    // Some key ends inside a 3-byte character below this node: only byte
    // steps find it, so the character edges are not used here.
    bool split = false;
  };
  std::vector<Node> nodes_;
  std::vector<uint8_t> edge_byte_;
  std::vector<int32_t> edge_child_;
  std::vector<uint32_t> char_key_;  // bytes b0 | b1 << 8 | b2 << 16
  std::vector<int32_t> char_child_;
  int32_t root_[256];
  int32_t lead3_[16][64];  // [lead byte 0xE0..0xEF][second byte & 0x3F]
  // The node after a whole first character, by code point c below 0x10000
  // (ASCII folded): page_of_[c >> 6] names a run of 64 nodes in pages_, by
  // c & 63, or is -1 when no key starts with a character of that run.
  int16_t page_of_[1024];
  std::vector<int32_t> pages_;
  // Some key ends inside its first character (a stray byte of one): only
  // the byte walk finds it, so the pages are not used.
  bool split_root_ = false;
};

inline uint8_t FoldAscii(uint8_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_TRIE_H_
