// Sentence boundaries in normalised text: 。！？!?；; and line ends. ASCII
// '.' is not a boundary (decimal points). Built once per text; Around() is a
// binary search, so many claims on one huge line stay cheap.
#ifndef CLAIMS_EXTRACT_SENTENCES_H_
#define CLAIMS_EXTRACT_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/extractor.h"

namespace claims {

class SentenceIndex {
 public:
  explicit SentenceIndex(std::string_view text);
  // The sentence containing `pos`: from after the previous boundary to the
  // end of the next boundary mark (inclusive), trimmed of white space.
  NormSpan Around(size_t pos) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> ends_;  // offset just past each boundary mark
};

}  // namespace claims

#endif  // CLAIMS_EXTRACT_SENTENCES_H_
