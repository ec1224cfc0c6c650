#include "extract/patterns.h"

#include <array>
#include <cstdint>

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
  if (m.find('@') != std::string_view::npos || m.rfind("http", 0) == 0 || m.rfind("www.", 0) == 0 ||
      m.rfind("ICP", 0) == 0) {
    return ScanKind::kIdentifier;
  }
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return ScanKind::kModel;
  if (c < 0x80) return ScanKind::kCore;  // digits and '.'
  for (std::string_view w : kWords) if (m == w) return ScanKind::kWord;
  for (std::string_view w : kRelativeWords) if (m == w) return ScanKind::kRelative;
  return ScanKind::kCore;
}

// ScanAt() follows ScanPattern() alternative by alternative, the way RE2's
// leftmost-first matching does: the first alternative that matches at all
// wins, and each greedy repetition takes as much as it can unless what
// follows needs it back (only the e-mail domain ever does).
namespace {

bool Digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool Letter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool Alnum(unsigned char c) { return Digit(c) || Letter(c); }
bool UrlChar(unsigned char c) {
  return Alnum(c) || std::string_view("-._~:/?#@!$&'()*+,;=%").find(static_cast<char>(c)) != std::string_view::npos;
}
bool EmailLocalChar(unsigned char c) { return Alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool EmailDomainChar(unsigned char c) { return Alnum(c) || c == '.' || c == '-'; }

// A set of BMP characters, one bit each, built at compile time: membership
// is a load and a shift (a search of the 34 numeral characters cost ~100
// instructions a character).
class HanSet {
 public:
  constexpr explicit HanSet(std::u32string_view chars) {
    for (char32_t c : chars) bits_[c >> 6] |= uint64_t{1} << (c & 63);
  }
  constexpr bool Has(char32_t c) const { return c < 0x10000 && ((bits_[c >> 6] >> (c & 63)) & 1); }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

constexpr HanSet kNumerals(kNumeralChars);
constexpr HanSet kStarters(kStarterChars);  // the first characters of all words of both lists
constexpr HanSet kMagnitudes(U"十百千万亿");
constexpr HanSet kAfterMagnitude(U"零〇一二两三四五六七八九十百千万亿");
constexpr HanSet kPointDigits(U"零〇一二三四五六七八九");  // no 两 after 点
constexpr HanSet kWanYi(U"万亿");

// The text being matched, with bounds-checked byte and character access.
class Cursor {
 public:
  explicit Cursor(std::string_view t) : t_(t) {}
  unsigned char Byte(size_t i) const { return i < t_.size() ? static_cast<unsigned char>(t_[i]) : 0; }
  bool DigitAt(size_t i) const { return Digit(Byte(i)); }
  bool At(size_t i, std::string_view s) const { return i <= t_.size() && t_.substr(i, s.size()) == s; }
  // The three-byte character at t[i] (all the pattern's Chinese characters
  // are), or 0.
  char32_t Han(size_t i) const {
    unsigned char c = Byte(i);
    if (c < 0xE0 || c >= 0xF0 || i + 2 >= t_.size()) return 0;
    return ((c & 0x0F) << 12) | ((Byte(i + 1) & 0x3F) << 6) | (Byte(i + 2) & 0x3F);
  }
  // Past a run of t[i..] whose bytes satisfy `pred`.
  template <typename Pred>
  size_t SkipBytes(size_t i, Pred pred) const {
    while (i < t_.size() && pred(static_cast<unsigned char>(t_[i]))) ++i;
    return i;
  }
  // Past a run of three-byte characters in `set`.
  size_t SkipHan(size_t i, const HanSet& set) const {
    while (set.Has(Han(i))) i += 3;
    return i;
  }
  size_t SkipDigits(size_t i) const { return SkipBytes(i, Digit); }

 private:
  std::string_view t_;
};

// 1. (?:https?://|www\.)[URL chars]+
size_t Url(const Cursor& c, size_t pos) {
  size_t p = c.At(pos, "https://") ? pos + 8 : c.At(pos, "http://") ? pos + 7 : c.At(pos, "www.") ? pos + 4 : pos;
  if (p == pos) return pos;
  size_t e = c.SkipBytes(p, UrlChar);
  return e > p ? e : pos;
}

// 2. [local]+@[domain]+\.[A-Za-z]{2,}: the local part cannot hold '@', so
// it is the whole run; the domain gives back characters until a '.' with
// two letters after it (the last such '.').
size_t Email(const Cursor& c, size_t pos) {
  size_t at = c.SkipBytes(pos, EmailLocalChar);
  if (at == pos || c.Byte(at) != '@') return pos;
  size_t a = at + 1, b = c.SkipBytes(a, EmailDomainChar);
  for (size_t k = b; k-- > a + 1;) {
    if (c.Byte(k) == '.' && Letter(c.Byte(k + 1)) && Letter(c.Byte(k + 2))) return c.SkipBytes(k + 1, Letter);
  }
  return pos;
}

// [ \-]?[0-9][0-9.]*[A-Za-z0-9]* at t[p]: the digits of a model name.
size_t ModelDigits(const Cursor& c, size_t p) {
  if ((c.Byte(p) == ' ' || c.Byte(p) == '-') && c.DigitAt(p + 1)) ++p;
  if (!c.DigitAt(p)) return 0;
  p = c.SkipBytes(p + 1, [](unsigned char b) { return Digit(b) || b == '.'; });
  return c.SkipBytes(p, Alnum);
}

// 3. (?:[A-Za-z]*[A-Z][A-Za-z]*|ICP备) then the digits. The letters can only
// be the whole run: a shorter one leaves a letter where the digits must start.
size_t Model(const Cursor& c, size_t pos) {
  size_t q = c.SkipBytes(pos, Letter);
  bool capital = false;
  for (size_t i = pos; i < q; ++i) capital |= c.Byte(i) >= 'A' && c.Byte(i) <= 'Z';
  if (capital) {
    if (size_t e = ModelDigits(c, q)) return e;
  }
  constexpr std::string_view kFiling = "ICP备";
  if (c.At(pos, kFiling)) {
    if (size_t e = ModelDigits(c, pos + kFiling.size())) return e;
  }
  return pos;
}

// 4 and 5: the first word of the list that stands at t[pos].
template <size_t N>
size_t Word(const Cursor& c, size_t pos, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (c.At(pos, w)) return pos + w.size();
  }
  return pos;
}


// [0-9]+(?:\.[0-9]+)? at t[p], or p.
size_t ArabicNumber(const Cursor& c, size_t p) {
  if (!c.DigitAt(p)) return p;
  p = c.SkipDigits(p);
  return c.Byte(p) == '.' && c.DigitAt(p + 1) ? c.SkipDigits(p + 1) : p;
}

// 6. An Arabic number, then optionally Chinese magnitudes and what follows them.
size_t ArabicCore(const Cursor& c, size_t pos) {
  size_t p = pos;
  if (c.DigitAt(p)) {
    p = c.SkipDigits(p);
    while (c.Byte(p) == ',' && c.DigitAt(p + 1) && c.DigitAt(p + 2) && c.DigitAt(p + 3)) p += 4;
    if (c.Byte(p) == '.' && c.DigitAt(p + 1)) p = c.SkipDigits(p + 1);
  } else if (c.Byte(p) == '.' && c.DigitAt(p + 1)) {
    p = c.SkipDigits(p + 1);
  } else {
    return pos;
  }
  size_t m = c.Byte(p) == ' ' ? p + 1 : p;
  size_t r = c.SkipHan(m, kMagnitudes);
  if (r == m) return p;
  for (;;) {
    if (c.DigitAt(r)) {
      r = ArabicNumber(c, r);
    } else if (kAfterMagnitude.Has(c.Han(r))) {
      r += 3;
    } else {
      return r;
    }
  }
}

// 7. Chinese numerals, then optionally 点, digits and 万/亿.
size_t ChineseCore(const Cursor& c, size_t pos) {
  size_t p = c.SkipHan(pos, kNumerals);
  if (p == pos || !c.At(p, "点")) return p;
  size_t d = p + std::string_view("点").size();
  size_t e = c.SkipHan(d, kPointDigits);
  return e == d ? p : c.SkipHan(e, kWanYi);
}

}  // namespace

ScanMatch ScanAt(std::string_view t, size_t pos) {
  Cursor c(t);
  unsigned char b = c.Byte(pos);
  auto found = [&](size_t end, ScanKind kind) { return ScanMatch{end - pos, kind}; };
  if (pos >= t.size()) return {};
  if (b < 0x80) {
    if (Letter(b)) {
      if (size_t e = Url(c, pos); e > pos) return found(e, ScanKind::kIdentifier);
    }
    if (size_t e = Email(c, pos); e > pos) return found(e, ScanKind::kIdentifier);
    if (Letter(b)) {
      size_t e = Model(c, pos);
      if (e == pos) return {};
      bool identifier = c.At(pos, "http") || c.At(pos, "ICP");  // as Classify() reads the match
      return found(e, identifier ? ScanKind::kIdentifier : ScanKind::kModel);
    }
    if (size_t e = ArabicCore(c, pos); e > pos) return found(e, ScanKind::kCore);
    return {};
  }
  if (kStarters.Has(c.Han(pos))) {
    if (size_t e = Word(c, pos, kWords); e > pos) return found(e, ScanKind::kWord);
    if (size_t e = Word(c, pos, kRelativeWords); e > pos) return found(e, ScanKind::kRelative);
  }
  if (size_t e = ChineseCore(c, pos); e > pos) return found(e, ScanKind::kCore);
  return {};
}

}  // namespace claims::extract_patterns
