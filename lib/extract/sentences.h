// Sentence boundaries in normalised text: 。！？!?；; and line ends. ASCII
// '.' is not a boundary (decimal points). Nothing is computed up front: most
// sentences hold no claim, so Around() looks only at the text near the claim
// it is asked about, and never further than a long sentence's window, so
// many claims on one huge line stay cheap.
#ifndef CLAIMS_EXTRACT_SENTENCES_H_
#define CLAIMS_EXTRACT_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

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
  // The sentences found so far whose both ends were found, [begin, end) in
  // text order: a later claim or mention inside one has the same sentence.
  // Claims ask in text order and mentions after them, again in text order.
  mutable std::vector<std::pair<size_t, size_t>> known_;
};

}  // namespace claims

#endif  // CLAIMS_EXTRACT_SENTENCES_H_
