// Numerals -> exact values. Input is normalised text (half-width digits,
// Simplified characters).
//
//   ParseArabic("1,234.5")          -> 1234.5, precision 0.1
//   ParseNumeral("一千二百三十四万")   -> 12340000, precision 10000
//   ParseNumeral("1.47万亿")          -> 1470000000000, precision 10000000000
//   ParseNumeral("3万5千")            -> 35000
//   ParseNumeral("十几")              -> 11..19 (vague)
//   ParseNumeral("数十亿")            -> 1000000000..10000000000 (vague)
//   ParseNumeral("两三百")            -> 200..300 (vague: an approximate pair)
//   ParseNumeral("三点五亿")          -> 350000000, precision 10000000
#ifndef CLAIMS_NUMBER_NUMERAL_H_
#define CLAIMS_NUMBER_NUMERAL_H_

#include <string_view>

#include "base/decimal.h"

namespace claims::number {

enum class NumeralError {
  kNone,
  kEmpty,      // nothing to parse
  kBadDigit,   // a character that is not part of a numeral
  kMalformed,  // digits in an impossible order: "1,00", "十百", "59.31.5"
  kOverflow,   // more digits or magnitude than any quantity has
};

struct Numeral {
  Decimal lo;         // equal to hi unless vague
  Decimal hi;
  Decimal precision;  // the unit of the last stated digit
  bool vague = false;           // 数十, 十几, 几百, 两三百
  bool pair = false;            // vague by two neighbouring digits: 两三百, 七八成
  bool has_big_unit = false;    // contains 万 or 亿 (a magnitude, not just digits)
  bool has_digit = false;       // contains a digit (not only 十/百/千/万/亿)
  bool chinese = false;         // written with Chinese numerals at all
  NumeralError error = NumeralError::kNone;
  bool ok() const { return error == NumeralError::kNone; }
};

// Arabic digits with optional thousands separators (groups of exactly three)
// and an optional fraction.
Numeral ParseArabic(std::string_view text);

// Chinese numerals, financial forms (壹贰叁…拾佰仟), Arabic digits mixed
// with Chinese magnitudes, the vague forms 数/几 + unit and unit + 几, and a
// decimal point written 点 (零点五, 三点五亿).
Numeral ParseNumeral(std::string_view text);

}  // namespace claims::number

#endif  // CLAIMS_NUMBER_NUMERAL_H_
