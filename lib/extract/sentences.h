// Sentence boundaries in normalised text: 。！？!?；; and line ends. ASCII
// '.' is not a boundary (decimal points). Nothing is computed up front: most
// sentences hold no claim, so Around() looks only at the text near the claim
// it is asked about, and never further than a long sentence's window, so
// many claims on one huge line stay cheap.
#ifndef CLAIMS_EXTRACT_SENTENCES_H_
#define CLAIMS_EXTRACT_SENTENCES_H_

#include <cstdint>
#include <string_view>

#include "extract/extractor.h"

namespace claims {

class SentenceIndex {
 public:
  explicit SentenceIndex(std::string_view text) : text_(text) {}
  // The sentence containing `pos`: from after the previous boundary to the
  // end of the next boundary mark (inclusive), trimmed of white space.
  NormSpan Around(size_t pos) const;

 private:
  std::string_view text_;
  // The last sentence found, for the next claim in it: [begin, end) when
  // both ends were found (a claim inside it has the same sentence).
  mutable size_t last_begin_ = 0, last_end_ = 0;
};

}  // namespace claims

#endif  // CLAIMS_EXTRACT_SENTENCES_H_
