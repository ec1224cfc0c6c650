#include "extract/sentences.h"

#include <algorithm>
#include <cstring>

namespace claims {

SentenceIndex::SentenceIndex(std::string_view t) : text_(t) {
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n' || c == '!' || c == '?' || c == ';') {
      ends_.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == 0xE3 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
               static_cast<unsigned char>(t[i + 2]) == 0x82) {  // 。 U+3002
      ends_.push_back(static_cast<uint32_t>(i + 3));
      i += 2;
    } else if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBD &&
               static_cast<unsigned char>(t[i + 2]) == 0xA1) {  // ｡ halfwidth ideographic full stop
      ends_.push_back(static_cast<uint32_t>(i + 3));
      i += 2;
    }
  }
}

NormSpan SentenceIndex::Around(size_t pos) const {
  auto it = std::upper_bound(ends_.begin(), ends_.end(), static_cast<uint32_t>(pos));
  size_t begin = it == ends_.begin() ? 0 : *(it - 1);
  size_t end = it == ends_.end() ? text_.size() : *it;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (begin < end && space(text_[begin])) ++begin;
  while (end > begin && space(text_[end - 1])) --end;
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

}  // namespace claims
