// Built as a plain node vector, then frozen into flat arrays: node values,
// runs of (byte, child) edges, and two direct tables — one for the first byte
// of a word and one for the second byte under a 3-byte UTF-8 lead — because a
// CJK character costs two table reads to reach instead of two searches, and
// the scan does one lookup per character of every sentence it reads.
#include "context/trie.h"

#include <algorithm>

namespace claims::context {

Trie::Trie() : build_(1) { Freeze(); }

int32_t Trie::BuildChild(int32_t node, uint8_t byte) const {
  for (const auto& [b, child] : build_[node].edges) {
    if (b == byte) return child;
  }
  return -1;
}

void Trie::Insert(std::string_view key, int32_t value) {
  if (key.empty()) return;
  int32_t node = 0;
  for (char ch : key) {
    uint8_t b = FoldAscii(static_cast<uint8_t>(ch));
    int32_t next = BuildChild(node, b);
    if (next < 0) {
      next = static_cast<int32_t>(build_.size());
      build_.emplace_back();
      auto& edges = build_[node].edges;
      edges.insert(std::lower_bound(edges.begin(), edges.end(), std::make_pair(b, int32_t{-1})),
                   {b, next});
    }
    node = next;
  }
  if (build_[node].value < 0) ++keys_;
  build_[node].value = value;
}

void Trie::Freeze() {
  size_t n = build_.size();
  value_.assign(n, -1);
  first_edge_.assign(n, 0);
  edge_count_.assign(n, 0);
  edge_byte_.clear();
  edge_child_.clear();
  for (size_t i = 0; i < n; ++i) {
    value_[i] = build_[i].value;
    first_edge_[i] = static_cast<uint32_t>(edge_byte_.size());
    edge_count_[i] = static_cast<uint16_t>(build_[i].edges.size());
    for (const auto& [b, child] : build_[i].edges) {
      edge_byte_.push_back(b);
      edge_child_.push_back(child);
    }
  }
  std::fill(std::begin(root_), std::end(root_), -1);
  for (const auto& [b, child] : build_[0].edges) root_[b] = child;
  for (int lead = 0; lead < 16; ++lead) {
    int32_t node = root_[0xE0 + lead];
    for (int second = 0; second < 64; ++second) {
      lead3_[lead][second] = node < 0 ? -1 : BuildChild(node, static_cast<uint8_t>(0x80 + second));
    }
  }
}

int32_t Trie::Child(int32_t node, uint8_t byte) const {
  const uint8_t* bytes = edge_byte_.data() + first_edge_[node];
  uint16_t count = edge_count_[node];
  for (uint16_t i = 0; i < count; ++i) {  // runs are short below the top two levels
    if (bytes[i] == byte) return edge_child_[first_edge_[node] + i];
    if (bytes[i] > byte) break;
  }
  return -1;
}

size_t Trie::LongestMatch(std::string_view text, size_t pos, int32_t* value) const {
  size_t best = 0;
  size_t i = pos;
  uint8_t b0 = FoldAscii(static_cast<uint8_t>(text[i]));
  int32_t node;
  if ((b0 & 0xF0) == 0xE0 && i + 1 < text.size() && (static_cast<uint8_t>(text[i + 1]) & 0xC0) == 0x80) {
    node = lead3_[b0 & 0x0F][static_cast<uint8_t>(text[i + 1]) & 0x3F];
    i += 2;
    if (node >= 0 && value_[node] >= 0) {  // a 2-byte key inside a 3-byte character never ends a word
      best = 2;
      *value = value_[node];
    }
  } else {
    node = root_[b0];
    i += 1;
    if (node >= 0 && value_[node] >= 0) {
      best = 1;
      *value = value_[node];
    }
  }
  while (node >= 0 && i < text.size()) {
    node = Child(node, FoldAscii(static_cast<uint8_t>(text[i])));
    ++i;
    if (node < 0) break;
    if (value_[node] >= 0) {
      best = i - pos;
      *value = value_[node];
    }
  }
  return best;
}

}  // namespace claims::context
