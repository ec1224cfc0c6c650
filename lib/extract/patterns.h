// What the extractor's scan looks for, in one place, each with examples:
// ScanPattern() is the RE2 pattern, ScanAt() runs it anchored where the
// extractor's candidate filter stops.
#ifndef CLAIMS_EXTRACT_PATTERNS_H_
#define CLAIMS_EXTRACT_PATTERNS_H_

#include <cstddef>
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

// The anchored RE2 match of ScanPattern() at t[pos] (leftmost-first), and
// Classify() of it; len 0 when there is none. About 850 instructions a call:
// the candidate filter (extractor.cc) keeps the calls few.
struct ScanMatch {
  size_t len = 0;
  ScanKind kind = ScanKind::kCore;
};
ScanMatch ScanAt(std::string_view t, size_t pos);

// The words of alternatives 4 and 5, in the pattern's order.
inline constexpr std::string_view kWords[] = {"翻了两番", "翻了一番", "翻了一倍", "翻两番", "翻一番",
                                              "翻番",     "翻倍",     "双倍",     "减半",   "一半"};
inline constexpr std::string_view kRelativeWords[] = {"去年",   "今年",   "明年",   "前年",  "上一季度",
                                                      "上季度", "本季度", "上半年", "下半年"};

// The characters of Chinese numeral cores (last alternative of the pattern):
// where an anchored match of one can begin. (Where a word can begin, the
// extractor learns from the first two characters of kWords and
// kRelativeWords.)
inline constexpr std::u32string_view kNumeralChars = U"零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几";

}  // namespace claims::extract_patterns

#endif  // CLAIMS_EXTRACT_PATTERNS_H_
