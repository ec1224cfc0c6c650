// The RE2 patterns the extractor runs, in one place, each with examples.
#ifndef CLAIMS_EXTRACT_PATTERNS_H_
#define CLAIMS_EXTRACT_PATTERNS_H_

#include <string>

namespace claims::extract_patterns {

// Capture groups of kScan, in order. Exactly one is set per match.
enum ScanGroup { kUrl = 1, kEmail, kModel, kWord, kRelative, kCore, kNumGroups = kCore };

// The single pass over normalised text: identifiers and model names first (so
// their digits are never read as quantities), then special words, relative
// periods, then numeric cores.
const std::string& ScanPattern();

}  // namespace claims::extract_patterns

#endif  // CLAIMS_EXTRACT_PATTERNS_H_
