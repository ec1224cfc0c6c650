// Built as a plain node vector, then frozen into flat arrays: nodes, runs of
// (byte, child) edges and runs of (3-byte character, child) edges, plus
// direct tables for a word's first character. The scan does one lookup per
// character of every sentence it reads and most fail on the first or second
// character, so a CJK character costs one table read (first) or one search
// of a short run (later) instead of three byte steps. A character step is
// taken only where no key ends inside a character, so it finds exactly what
// the byte steps would.
#include "context/trie.h"

#include <algorithm>
#include <bit>
#include <cstring>

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
  nodes_.assign(n, Node{});
  edge_byte_.clear();
  edge_child_.clear();
  char_key_.clear();
  char_child_.clear();
  auto is_cont = [](uint8_t b) { return (b & 0xC0) == 0x80; };
  for (size_t i = 0; i < n; ++i) {
    Node& node = nodes_[i];
    node.value = build_[i].value;
    node.first_edge = static_cast<uint32_t>(edge_byte_.size());
    node.edge_count = static_cast<uint16_t>(build_[i].edges.size());
    for (const auto& [b, child] : build_[i].edges) {
      edge_byte_.push_back(b);
      edge_child_.push_back(child);
    }
    // The 3-byte characters below this node, each as one edge.
    node.first_char = static_cast<uint32_t>(char_key_.size());
    for (const auto& [b0, n1] : build_[i].edges) {
      if ((b0 & 0xF0) != 0xE0) continue;
      if (build_[n1].value >= 0) node.split = true;
      for (const auto& [b1, n2] : build_[n1].edges) {
        if (!is_cont(b1)) continue;
        if (build_[n2].value >= 0) node.split = true;
        for (const auto& [b2, n3] : build_[n2].edges) {
          if (!is_cont(b2)) continue;
          char_key_.push_back(b0 | (uint32_t{b1} << 8) | (uint32_t{b2} << 16));
          char_child_.push_back(n3);
        }
      }
    }
    node.char_count = static_cast<uint16_t>(char_key_.size() - node.first_char);
  }
  std::fill(std::begin(root_), std::end(root_), -1);
  for (const auto& [b, child] : build_[0].edges) root_[b] = child;
  for (int lead = 0; lead < 16; ++lead) {
    int32_t node = root_[0xE0 + lead];
    for (int second = 0; second < 64; ++second) {
      lead3_[lead][second] = node < 0 ? -1 : BuildChild(node, static_cast<uint8_t>(0x80 + second));
    }
  }
  // The pages: every well-formed first character of 1 to 3 bytes.
  pages_.clear();
  std::fill(std::begin(page_of_), std::end(page_of_), -1);
  split_root_ = false;
  auto put = [&](uint32_t c, int32_t node) {
    if (page_of_[c >> 6] < 0) {
      page_of_[c >> 6] = static_cast<int16_t>(pages_.size() / 64);
      pages_.resize(pages_.size() + 64, -1);
    }
    pages_[static_cast<size_t>(page_of_[c >> 6]) * 64 + (c & 63)] = node;
  };
  for (const auto& [b0, n1] : build_[0].edges) {
    if (b0 < 0x80) {
      put(b0, n1);
    } else if ((b0 & 0xE0) == 0xC0) {
      if (build_[n1].value >= 0) split_root_ = true;
      for (const auto& [b1, n2] : build_[n1].edges) {
        if (is_cont(b1)) put(((b0 & 0x1F) << 6) | (b1 & 0x3F), n2);
      }
    } else if ((b0 & 0xF0) == 0xE0) {
      if (build_[n1].value >= 0) split_root_ = true;
      for (const auto& [b1, n2] : build_[n1].edges) {
        if (!is_cont(b1)) continue;
        if (build_[n2].value >= 0) split_root_ = true;
        for (const auto& [b2, n3] : build_[n2].edges) {
          if (is_cont(b2)) put(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F), n3);
        }
      }
    }
  }
}

int32_t Trie::Child(int32_t node, uint8_t byte) const {
  const Node& n = nodes_[node];
  const uint8_t* bytes = edge_byte_.data() + n.first_edge;
  for (uint16_t i = 0; i < n.edge_count; ++i) {  // runs are short below the top two levels
    if (bytes[i] == byte) return edge_child_[n.first_edge + i];
    if (bytes[i] > byte) break;
  }
  return -1;
}

size_t Trie::LongestMatch(std::string_view text, size_t pos, int32_t* value) const {
  size_t i = pos;
  uint8_t b0 = FoldAscii(static_cast<uint8_t>(text[i]));
  int32_t node;
  if ((b0 & 0xF0) == 0xE0 && i + 1 < text.size() && (static_cast<uint8_t>(text[i + 1]) & 0xC0) == 0x80) {
    node = lead3_[b0 & 0x0F][static_cast<uint8_t>(text[i + 1]) & 0x3F];
    i += 2;
  } else {
    node = root_[b0];
    i += 1;
  }
  size_t best = 0;
  if (node < 0) return 0;
  if (nodes_[node].value >= 0) {
    best = i - pos;
    *value = nodes_[node].value;
  }
  return Walk(text, pos, i, node, best, value);
}

size_t Trie::Walk(std::string_view text, size_t pos, size_t i, int32_t node, size_t best, int32_t* value) const {
  while (i < text.size()) {
    const Node& n = nodes_[node];
    uint32_t word = 0;
    if (i + 4 <= text.size()) std::memcpy(&word, text.data() + i, 4);
    // A well-formed 3-byte character (lead 1110xxxx, two 10xxxxxx), read as
    // one little-endian word; no key ends inside it below this node.
    if constexpr (std::endian::native == std::endian::little) {
      if ((word & 0xC0C0F0) == 0x8080E0 && !n.split) {
        uint32_t key = word & 0xFFFFFF;
        const uint32_t* keys = char_key_.data() + n.first_char;
        node = -1;
        for (uint16_t k = 0; k < n.char_count; ++k) {
          if (keys[k] == key) {
            node = char_child_[n.first_char + k];
            break;
          }
        }
        i += 3;
        if (node < 0) break;
        if (nodes_[node].value >= 0) {
          best = i - pos;
          *value = nodes_[node].value;
        }
        continue;
      }
    }
    node = Child(node, FoldAscii(static_cast<uint8_t>(text[i])));
    ++i;
    if (node < 0) break;
    if (nodes_[node].value >= 0) {
      best = i - pos;
      *value = nodes_[node].value;
    }
  }
  return best;
}

}  // namespace claims::context
