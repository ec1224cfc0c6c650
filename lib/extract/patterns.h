// The RE2 patterns the extractor runs, in one place, each with examples.
#ifndef CLAIMS_EXTRACT_PATTERNS_H_
#define CLAIMS_EXTRACT_PATTERNS_H_

#include <string>
#include <string_view>

namespace claims::extract_patterns {

// What a match of ScanPattern() is. The pattern has no capture groups (so RE2
// can answer with its DFAs alone); the kind follows from the match's text.
enum class ScanKind { kIdentifier, kModel, kWord, kRelative, kCore };
ScanKind Classify(std::string_view match);

// The single pass over normalised text: identifiers and model names first (so
// their digits are never read as quantities), then special words, relative
// periods, then numeric cores.
const std::string& ScanPattern();

// The characters of Chinese numeral cores (last alternative of the pattern),
// and the first characters of its words (翻番, 一半, 去年 ...): where an
// anchored match can begin.
inline constexpr std::u32string_view kNumeralChars = U"零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几";
inline constexpr std::u32string_view kStarterChars = U"翻双减一去今明前上本下";
// Second characters of those words: a starter not followed by one is skipped.
inline constexpr std::u32string_view kWordSecondChars = U"两一番倍半年季";

}  // namespace claims::extract_patterns

#endif  // CLAIMS_EXTRACT_PATTERNS_H_
