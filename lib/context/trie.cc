// A plain pointer-free trie: nodes in one vector, each with a small sorted
// edge list, plus a 256-entry table for the root because every CJK word starts
// with one of a handful of lead bytes and the root is hit once per position.
// Lexicons are a few hundred words, so insertion cost does not matter; lookup
// is a walk of at most the longest key's length.
#include "context/trie.h"

#include <algorithm>

namespace claims::context {

Trie::Trie() : nodes_(1) { std::fill(std::begin(root_table_), std::end(root_table_), -1); }

int32_t Trie::Child(int32_t node, uint8_t byte) const {
  if (node == 0) return root_table_[byte];
  const std::vector<Edge>& edges = nodes_[node].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                             [](const Edge& e, uint8_t b) { return e.byte < b; });
  return (it != edges.end() && it->byte == byte) ? it->child : -1;
}

void Trie::Insert(std::string_view key, int32_t value) {
  if (key.empty()) return;
  int32_t node = 0;
  for (char ch : key) {
    uint8_t b = FoldAscii(static_cast<uint8_t>(ch));
    int32_t next = Child(node, b);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_table_[b] = next;
      } else {
        std::vector<Edge>& edges = nodes_[node].edges;
        auto it = std::lower_bound(edges.begin(), edges.end(), b,
                                   [](const Edge& e, uint8_t x) { return e.byte < x; });
        edges.insert(it, Edge{b, next});
      }
    }
    node = next;
  }
  if (nodes_[node].value < 0) ++keys_;
  nodes_[node].value = value;
}

size_t Trie::LongestMatch(std::string_view text, size_t pos, int32_t* value) const {
  size_t best = 0;
  int32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = Child(node, FoldAscii(static_cast<uint8_t>(text[i])));
    if (node < 0) break;
    if (nodes_[node].value >= 0) {
      best = i + 1 - pos;
      *value = nodes_[node].value;
    }
  }
  return best;
}

}  // namespace claims::context
