#include "extract/patterns.h"

#include <re2/re2.h>

namespace claims::extract_patterns {

const std::string& ScanPattern() {
  static const std::string kPattern =
      // 1. URLs: "https://www.example.com/a/4586475.html?f=x", "www.example.cn"
      R"((?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+)"
      // 2. E-mail addresses.
      R"(|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})"
      // 3. Product, model and version names: a Latin word with a capital
      //    letter, then (after at most a space or hyphen) digits: H100, GB200,
      //    RTX 5880, CUDA 11.6, GPT-3, NVL 72, CloudMatrix384, X86, FP8, Q3.
      R"(|(?:[A-Za-z]*[A-Z][A-Za-z]*|ICP备)[ \-]?[0-9][0-9.]*[A-Za-z0-9]*)"
      // 4. Words that are quantities without digits: 翻番 (x2), 翻了两番 (x4), 减半, 一半.
      R"(|翻了两番|翻了一番|翻了一倍|翻两番|翻一番|翻番|翻倍|双倍|减半|一半)"
      // 5. Relative periods for context: 去年, 今年, 上季度 ...
      R"(|去年|今年|明年|前年|上一季度|上季度|本季度|上半年|下半年)"
      // 6. Numeric cores: Arabic numbers with separators and decimals, Chinese
      //    numerals (financial forms too), Arabic followed by Chinese
      //    magnitudes (2.5万, 1.47万亿, 3万5千, and with a space: 3.9 亿), vague
      //    数十/十几.
      R"(|(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+)(?: ?[十百千万亿]+(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿])*)?)"
      //    A decimal point may be written 点: 零点五, 三点五亿.
      R"(|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟数几]+(?:点[零〇一二三四五六七八九]+[万亿]*)?)";
  return kPattern;
}

ScanKind Classify(std::string_view m) {
  unsigned char c = static_cast<unsigned char>(m[0]);
  if (c >= 0x80) {
    // Chinese: a word (alternatives 4 and 5) is matched whole, so it is the
    // match itself; a numeral core may begin like one (一半 / 一百).
    for (std::string_view w : kWords) if (m == w) return ScanKind::kWord;
    for (std::string_view w : kRelativeWords) if (m == w) return ScanKind::kRelative;
    return ScanKind::kCore;
  }
  if (m.find('@') != std::string_view::npos || m.starts_with("http") || m.starts_with("www.") ||
      m.starts_with("ICP")) {
    return ScanKind::kIdentifier;
  }
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return ScanKind::kModel;
  return ScanKind::kCore;  // digits and '.'
}

ScanMatch ScanAt(std::string_view t, size_t pos) {
  // Compiled once, on first use; RE2 objects may be matched from many threads.
  static const RE2 scan(ScanPattern());
  re2::StringPiece m;
  if (pos >= t.size() || !scan.Match(t, pos, t.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) return {};
  return ScanMatch{m.size(), Classify(std::string_view(m.data(), m.size()))};
}

}  // namespace claims::extract_patterns
