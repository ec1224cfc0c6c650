// Extractor: finds every numeric claim in normalised text. Patterns are
// compiled once; Extract() is const and thread-safe.
//
//   "营收59.31亿美元,同比下降16.5%" -> claim{5931000000 USD exact level}
//                                      claim{16.5 % exact level}  (context/ makes it a change)
// Dates, years, identifiers and model names are not claims; dates and model
// names come back as Mentions.
#ifndef CLAIMS_EXTRACT_EXTRACTOR_H_
#define CLAIMS_EXTRACT_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "extract/claim.h"
#include "text/normalize.h"

namespace claims {
namespace units { class UnitTable; }

struct NormSpan {
  uint32_t begin = 0;  // byte offsets into the NORMALISED text
  uint32_t end = 0;
};

// A claim plus where it sits in the normalised text, for context/.
struct ExtractedClaim {
  Claim claim;
  NormSpan span;      // the number with its unit and adjacent qualifiers
  NormSpan sentence;  // the sentence containing it
};

struct ExtractedMention {
  Mention mention;
  NormSpan span;
  NormSpan sentence;
};

struct Extraction {
  std::vector<ExtractedClaim> claims;      // in text order
  std::vector<ExtractedMention> mentions;  // in text order
};

class Extractor {
 public:
  explicit Extractor(const units::UnitTable& units);  // `units` must outlive this
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // `original` is the article's text as read (valid UTF-8), `norm` its
  // normalisation. `line_base`/`byte_base` offset the results when the text is
  // one block of a larger stream. Normalising with &stop_chars() makes this
  // faster; the result is the same either way.
  Extraction Extract(std::string_view original, const text::NormalizedText& norm,
                     uint32_t byte_base = 0, uint32_t line_base = 0) const;
  // What to pass to text::Normalize() for the text given to Extract().
  const text::StopChars& stop_chars() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claims

#endif  // CLAIMS_EXTRACT_EXTRACTOR_H_
