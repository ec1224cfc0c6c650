// Chinese numerals are parsed with the usual two-level accumulator: small
// units (十百千) build a section, big units (万, 亿) close it. 亿 multiplies
// everything before it so that 1万亿 = 10^12. A vague placeholder (数, 几)
// is evaluated twice, at its low and high digit, giving a range. Precision
// tracks the unit of the last stated digit: 1.47万亿 is precise to 0.01万亿.
#include "number/numeral.h"

#include <optional>
#include <utility>
#include <vector>

namespace claims::number {
namespace {

struct Token {
  enum Type { kNum, kSmall, kBig, kVague, kPair } type;
  Decimal value;      // kNum: the digit or Arabic number; kSmall/kBig: the unit; kPair: the lower digit
  Decimal precision;  // kNum and kPair
  bool chinese_digit = false;
  bool after_zero = false;  // 一千零五: the 5 is units, not the colloquial 500
  Decimal upper = Decimal(); // kPair: the higher digit
  int64_t unit = 0;           // kSmall/kBig: `value` as an integer (10 ... 10^8)
};

// 两三, 七八, 三五, 三两: two digits that together mean "about this many",
// the usual way to write an approximate count (两三百亿, 七八成, 十一二岁,
// 三两天).
bool ApproximatePair(int a, int b) { return a >= 1 && (b == a + 1 || (a == 3 && b == 5) || (a == 3 && b == 2)); }

// The value of a single-digit token, 0-9.
int DigitOf(const Token& t) {
  for (int d = 1; d <= 9; ++d) {
    if (t.value == Decimal(d)) return d;
  }
  return 0;
}

// Turns each such pair of single Chinese digits into one kPair token. Only a
// pair standing alone between units qualifies: 二〇二三 is a year written
// digit by digit, and 一二三四 a positional number.
bool MergeApproximatePairs(std::vector<Token>* toks) {
  bool merged = false;
  auto digit = [](const Token& t) { return t.type == Token::kNum && t.chinese_digit && !t.after_zero; };
  auto unit_or_edge = [&](size_t i) {
    return i >= toks->size() || (*toks)[i].type == Token::kSmall || (*toks)[i].type == Token::kBig;
  };
  for (size_t i = 0; i + 1 < toks->size(); ++i) {
    Token& a = (*toks)[i];
    const Token& b = (*toks)[i + 1];
    if (!digit(a) || !digit(b) || (i > 0 && !unit_or_edge(i - 1)) || !unit_or_edge(i + 2)) continue;
    if (!ApproximatePair(DigitOf(a), DigitOf(b))) continue;
    a.type = Token::kPair;
    a.upper = b.value;
    if (b.value < a.value) std::swap(a.value, a.upper);  // 三两: 2..3
    toks->erase(toks->begin() + static_cast<std::ptrdiff_t>(i) + 1);
    merged = true;
  }
  return merged;
}

// Decodes one UTF-8 code point from s at i (valid UTF-8 assumed).
char32_t Next(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) { ++*i; return c; }
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && *i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

int SmallUnit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}

int BigUnitExp(char32_t c) {
  if (c == U'万') return 4;
  if (c == U'亿') return 8;
  return 0;
}

struct Eval {
  Decimal value;
  Decimal precision;
};

// Evaluates tokens with vague placeholders set to `vague_digit` and each
// pair of neighbouring digits (两三) at its lower or, with `upper`, its
// higher digit.
std::optional<Eval> Evaluate(const std::vector<Token>& toks, const Decimal& vague_digit, bool upper) {
  Decimal total, section;
  std::optional<Decimal> cur;
  Decimal cur_prec(1), last_prec(1);
  int last_small = 0;       // the small unit applied last in this section
  int64_t unit_before = 0;  // the unit token right before the current digit, if any
  bool cur_is_single_cn = false;
  bool after_fraction = false;  // a unit has consumed a number with a fraction
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    switch (t.type) {
      case Token::kNum:
      case Token::kVague:
      case Token::kPair:
        if (cur) return std::nullopt;  // two numbers in a row: not a numeral
        // Digits after a fraction's unit (1.5万3千, 0.00005佰0) would be finer
        // than the fraction itself: not a numeral.
        if (after_fraction) return std::nullopt;
        cur = t.type == Token::kVague ? vague_digit
              : t.type == Token::kPair && upper ? t.upper
                                                : t.value;
        cur_prec = t.type == Token::kVague ? Decimal(1) : t.precision;
        cur_is_single_cn = t.chinese_digit && !t.after_zero;
        unit_before = 0;
        if (i > 0 && (toks[i - 1].type == Token::kSmall || toks[i - 1].type == Token::kBig)) unit_before = toks[i - 1].unit;
        break;
      case Token::kSmall: {
        int u = t.value == Decimal(10) ? 10 : t.value == Decimal(100) ? 100 : 1000;
        if (last_small != 0 && u >= last_small) return std::nullopt;  // 十百, 百百
        Decimal c = cur.value_or(Decimal(1));
        if (c.is_zero()) return std::nullopt;  // 0十, 万0十万: a unit of nothing
        after_fraction |= c.exponent() < 0;
        section = section + c * t.value;
        last_prec = cur_prec * t.value;
        last_small = u;
        cur.reset();
        break;
      }
      case Token::kBig: {
        // A magnitude right after another: 万亿 (10^12) and 亿亿 (10^16, as in
        // 亿亿次) are numerals; 万万 (an adverb: "by no means"), 亿万 (vague
        // "hundreds of millions") and runs of three 亿 are not.
        if (i > 0 && toks[i - 1].type == Token::kBig &&
            (t.value != Decimal::Pow10(8) || (i > 1 && toks[i - 2].type == Token::kBig))) {
          return std::nullopt;
        }
        Decimal x = section + cur.value_or(Decimal(0));
        after_fraction |= x.exponent() < 0;
        if (cur) last_prec = cur_prec;
        if (t.value == Decimal::Pow10(8)) {
          if (x.is_zero() && total.is_zero()) x = Decimal(1);
          total = (total + x) * t.value;
        } else {
          if (x.is_zero()) x = Decimal(1);
          total = total + x * t.value;
        }
        last_prec = last_prec * t.value;
        section = Decimal();
        cur.reset();
        last_small = 0;
        break;
      }
    }
  }
  if (cur) {
    // Colloquial omitted unit: 一千二 = 1200, 三万五 = 35000 (Chinese digit
    // right after 百/千/万 with no 零 between).
    if (cur_is_single_cn && unit_before >= 100 &&
        (toks.back().type == Token::kNum || toks.back().type == Token::kPair)) {
      Decimal unit = Decimal(unit_before / 10);
      section = section + *cur * unit;
      last_prec = unit;
    } else {
      section = section + *cur;
      last_prec = cur_prec;
    }
  }
  return Eval{total + section, last_prec};
}

}  // namespace

Numeral ParseArabic(std::string_view s) {
  Numeral n;
  if (s.empty()) { n.error = NumeralError::kEmpty; return n; }
  // Up to 18 digits the value is summed as it is read (an int64 cannot
  // overflow), which is what Decimal::Parse of the digits would give; longer
  // numbers go through the digit string.
  constexpr size_t kInt64Digits = 18;
  int64_t value = 0;
  size_t digits = 0;
  std::string plain;  // only for more than kInt64Digits digits
  size_t group = 0;
  bool seen_comma = false, seen_point = false;
  int frac = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++digits <= kInt64Digits) value = value * 10 + (c - '0');
      if (seen_point) ++frac; else ++group;
      if (seen_comma && !seen_point && group > 3) { n.error = NumeralError::kMalformed; return n; }
    } else if (c == ',' && !seen_point) {
      if (group == 0 || (seen_comma && group != 3) || (!seen_comma && group > 3)) {
        n.error = NumeralError::kMalformed;
        return n;
      }
      seen_comma = true;
      group = 0;
    } else if (c == '.' && !seen_point) {
      if (seen_comma && group != 3) { n.error = NumeralError::kMalformed; return n; }
      seen_point = true;
    } else {
      n.error = c == '.' ? NumeralError::kMalformed : NumeralError::kBadDigit;
      return n;
    }
  }
  if (seen_comma && !seen_point && group != 3) { n.error = NumeralError::kMalformed; return n; }
  if (digits == 0) { n.error = NumeralError::kOverflow; return n; }  // ".": as Decimal::Parse refuses it
  if (digits <= kInt64Digits) {
    n.lo = Decimal(value);
    if (frac != 0) n.lo = n.lo.ScaledByPow10(-frac);  // most numbers are whole: no second Decimal
  } else {
    for (char c : s) {
      if (c != ',') plain.push_back(c);
    }
    auto d = Decimal::Parse(plain);
    if (!d) { n.error = NumeralError::kOverflow; return n; }
    n.lo = *d;
  }
  n.hi = n.lo;
  n.precision = Decimal::Pow10(-frac);
  // Trailing zeros in a long fraction: the value parses, its precision would not.
  if (!n.precision.WithinLimits()) { n.error = NumeralError::kOverflow; return n; }
  n.has_digit = true;
  return n;
}

namespace {

// 万 -> 4, 亿 -> 8, 万亿 -> 12; 0 for anything else.
int MagnitudeExponent(std::string_view word) {
  return word == "万" ? 4 : word == "亿" ? 8 : word == "万亿" ? 12 : 0;
}

// The length of the leading run of s that ParseArabic() reads: digits,
// '.' and ','. (A loop: find_first_not_of with a set cost ~15 instructions
// a character.)
size_t ArabicPrefixLength(std::string_view s) {
  size_t j = 0;
  while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.' || s[j] == ',')) ++j;
  return j;
}

// Arabic digits followed by 万, 亿 or 万亿 and nothing else ("3.5亿", "120万"),
// the commonest mixed form, read without the token list and the accumulator's
// Decimal arithmetic; nullopt for any other form. The result is the
// accumulator's, including its reading of a bare 0 before the magnitude as 1.
// `j` is ArabicPrefixLength(s), less than s.size().
std::optional<Numeral> ParseArabicMagnitude(std::string_view s, size_t j) {
  if (j == 0 || s[0] == ',') return std::nullopt;
  std::string_view magnitude = s.substr(j);
  int e = MagnitudeExponent(magnitude);
  if (e == 0) return std::nullopt;
  Numeral n;
  Numeral a = ParseArabic(s.substr(0, j));
  if (!a.ok()) { n.error = a.error; return n; }
  n.has_digit = n.chinese = n.has_big_unit = true;
  Decimal value = a.lo.is_zero() ? Decimal::Pow10(e) : a.lo.ScaledByPow10(e);
  Decimal precision = a.precision.ScaledByPow10(e);
  if (!value.WithinLimits() || !precision.WithinLimits()) { n.error = NumeralError::kOverflow; return n; }
  n.lo = n.hi = value;
  n.precision = precision;
  return n;
}

}  // namespace

// 三点五亿, 零点五, 十二点三四: a decimal point written 点. The part before
// it is a whole Chinese numeral, the part after single digits, then at most
// a magnitude (万, 亿, 万亿).
Numeral ParseChineseDecimal(std::string_view s, size_t dot) {
  Numeral n;
  Numeral whole = ParseNumeral(s.substr(0, dot));
  if (!whole.ok() || whole.vague || whole.has_big_unit || whole.lo.exponent() < 0 || !whole.chinese) {
    n.error = NumeralError::kMalformed;
    return n;
  }
  std::string digits = whole.lo.ToString() + ".";
  size_t i = dot + std::string_view("点").size();
  int places = 0;
  while (i < s.size()) {
    size_t j = i;
    char32_t cp = Next(s, &j);
    int d = ChineseDigit(cp);
    if (d < 0 || cp == U'两' || j > s.size()) break;  // j past the end: a cut-off sequence
    digits += static_cast<char>('0' + d);
    ++places;
    i = j;
  }
  std::string_view rest = s.substr(i);
  int e = rest.empty() ? 0 : MagnitudeExponent(rest) != 0 ? MagnitudeExponent(rest) : -1;
  if (places == 0 || e < 0) { n.error = NumeralError::kMalformed; return n; }
  auto d = Decimal::Parse(digits);
  if (!d || places > 30) { n.error = NumeralError::kOverflow; return n; }
  n.lo = n.hi = d->ScaledByPow10(e);
  n.precision = Decimal::Pow10(e - places);
  n.has_digit = n.chinese = true;
  n.has_big_unit = e > 0;
  return n;
}

Numeral ParseNumeral(std::string_view s) {
  // Most cores are plain Arabic numbers: no token list needed.
  size_t arabic = ArabicPrefixLength(s);
  if (arabic == s.size() && !s.empty()) return ParseArabic(s);
  Numeral n;
  if (s.empty()) { n.error = NumeralError::kEmpty; return n; }
  if (std::optional<Numeral> quick = ParseArabicMagnitude(s, arabic)) return std::move(*quick);
  if (size_t dot = s.find("点"); dot != std::string_view::npos) return ParseChineseDecimal(s, dot);
  std::vector<Token> toks;
  bool vague_leading = false;
  bool pending_zero = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ') { ++i; continue; }  // 3.9 亿: a space before the magnitude
    if ((c >= '0' && c <= '9') || c == '.') {
      size_t j = i;
      while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.' || s[j] == ',')) ++j;
      Numeral a = ParseArabic(s.substr(i, j - i));
      if (!a.ok()) { n.error = a.error; return n; }
      toks.push_back({Token::kNum, a.lo, a.precision, false});
      n.has_digit = true;
      i = j;
      continue;
    }
    char32_t cp = Next(s, &i);
    int d = ChineseDigit(cp);
    if (d >= 0) {
      n.chinese = true;
      n.has_digit = true;
      if (d == 0 && !toks.empty() && toks.back().type != Token::kNum) {  // 一千零五: 零 holds a place
        pending_zero = true;
        continue;
      }
      toks.push_back({Token::kNum, Decimal(d), Decimal(1), true, pending_zero});
      pending_zero = false;
    } else if (int u = SmallUnit(cp)) {
      n.chinese = true;
      toks.push_back({Token::kSmall, Decimal(u), Decimal(), false, false, Decimal(), u});
    } else if (int e = BigUnitExp(cp)) {
      n.chinese = true;
      n.has_big_unit = true;
      // 万亿 is one magnitude (10^12) only when nothing stands between them;
      // the accumulator's 亿 rule already multiplies the 万 total.
      toks.push_back({Token::kBig, Decimal::Pow10(e), Decimal(), false, false, Decimal(), e == 4 ? 10000 : 100000000});
    } else if (cp == U'数' || cp == U'几') {
      n.chinese = true;
      n.vague = true;
      if (toks.empty()) vague_leading = true;
      toks.push_back({Token::kVague, Decimal(), Decimal(), false});
    } else {
      n.error = NumeralError::kBadDigit;
      return n;
    }
    if (toks.size() > 64) { n.error = NumeralError::kOverflow; return n; }
  }
  if (toks.empty()) { n.error = NumeralError::kEmpty; return n; }
  if (MergeApproximatePairs(&toks)) n.vague = n.pair = true;
  // Runs of single Chinese digits with no units are positional: 二〇二四.
  bool all_digits = toks.size() > 1;
  for (const Token& t : toks) all_digits &= (t.type == Token::kNum && t.chinese_digit);
  if (all_digits) {
    std::string digits;
    for (const Token& t : toks) digits += t.value.ToString();
    auto d = Decimal::Parse(digits);
    if (!d) { n.error = NumeralError::kOverflow; return n; }
    n.lo = n.hi = *d;
    n.precision = Decimal(1);
    return n;
  }
  // A leading placeholder (数十, 几百) spans one to ten of the next unit;
  // a trailing one (十几) adds one to nine of the last unit's tenth.
  Decimal lo_digit(1);
  Decimal hi_digit = vague_leading ? Decimal(10) : Decimal(9);
  auto lo = Evaluate(toks, lo_digit, false);
  auto hi = n.vague ? Evaluate(toks, hi_digit, true) : lo;
  if (!lo || !hi) { n.error = NumeralError::kMalformed; return n; }
  // hi too: 数亿几亿.2300… had a 42-digit upper bound (fuzz_number).
  if (!lo->value.WithinLimits() || !hi->value.WithinLimits() || !lo->precision.WithinLimits()) {
    n.error = NumeralError::kOverflow;
    return n;
  }
  n.lo = lo->value;
  n.hi = hi->value;
  n.precision = lo->precision;
  return n;
}

}  // namespace claims::number
