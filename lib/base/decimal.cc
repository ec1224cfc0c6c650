// Decimal arithmetic on a cpp_int coefficient. Every operation renormalises so
// that the representation stays canonical; values in this program have at most
// a few dozen digits, so the cost is a handful of limb operations.
#include "base/decimal.h"

#include <algorithm>

namespace claims {
namespace {

using Int = Decimal::Int;

Int Pow10Int(int k) {
  Int r = 1;
  static const Int kTen19 = Int("10000000000000000000");
  while (k >= 19) { r *= kTen19; k -= 19; }
  static constexpr uint64_t kSmall[] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL,
      1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
      100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
      1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
      1000000000000000000ULL};
  r *= kSmall[k];
  return r;
}

}  // namespace

Decimal::Decimal(Int coefficient, int exponent) : coef_(std::move(coefficient)), exp_(exponent) {
  Normalize();
}

void Decimal::Normalize() {
  if (coef_.is_zero()) { exp_ = 0; return; }
  // Strip trailing zeros; divide by 10^k in one step where possible.
  while (true) {
    Int q, r;
    divide_qr(coef_, Int(10), q, r);
    if (!r.is_zero()) break;
    coef_ = std::move(q);
    ++exp_;
  }
}

Decimal Decimal::Pow10(int k) { return Decimal(Int(1), k); }

int Decimal::digits() const {
  if (coef_.is_zero()) return 1;
  return static_cast<int>(Int(abs(coef_)).str().size());
}

std::optional<Decimal> Decimal::Parse(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = (s[i++] == '-');
  std::string digits;
  int frac = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (digits.empty() && c == '0') { if (seen_point) ++frac; continue; }  // leading zeros
      digits.push_back(c);
      if (seen_point) ++frac;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  long exp10 = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = (s[i++] == '-');
    if (i >= s.size()) return std::nullopt;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      exp10 = exp10 * 10 + (s[i] - '0');
      if (exp10 > kMaxExponent * 4) return std::nullopt;
    }
    if (eneg) exp10 = -exp10;
  }
  if (i != s.size()) return std::nullopt;
  // Trailing zeros of the coefficient do not count as significant digits here.
  size_t sig = digits.size();
  while (sig > 0 && digits[sig - 1] == '0') --sig;
  if (static_cast<int>(sig) > kMaxDigits) return std::nullopt;
  if (digits.empty()) return Decimal();
  long exponent = exp10 - frac;
  if (exponent > kMaxExponent || exponent < -kMaxExponent - kMaxDigits) return std::nullopt;
  Int coef(digits);
  if (negative) coef = -coef;
  return Decimal(std::move(coef), static_cast<int>(exponent));
}

Decimal Decimal::ScaledByPow10(int k) const {
  if (is_zero()) return *this;
  Decimal d = *this;
  d.exp_ += k;
  return d;
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  if (a.is_zero()) return b;
  if (b.is_zero()) return a;
  int e = std::min(a.exp_, b.exp_);
  Int ca = a.coef_ * Pow10Int(a.exp_ - e);
  Int cb = b.coef_ * Pow10Int(b.exp_ - e);
  return Decimal(ca + cb, e);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  return Decimal(a.coef_ * b.coef_, a.exp_ + b.exp_);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.sign() != b.sign()) return a.sign() <=> b.sign();
  if (a.is_zero()) return std::strong_ordering::equal;
  int e = std::min(a.exp_, b.exp_);
  Int ca = a.coef_ * Pow10Int(a.exp_ - e);
  Int cb = b.coef_ * Pow10Int(b.exp_ - e);
  if (ca < cb) return std::strong_ordering::less;
  if (ca > cb) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::string Decimal::ToString() const {
  if (coef_.is_zero()) return "0";
  std::string digits = Int(abs(coef_)).str();
  std::string out = coef_.sign() < 0 ? "-" : "";
  if (exp_ >= 0) {
    out += digits;
    out.append(static_cast<size_t>(exp_), '0');
    return out;
  }
  size_t frac = static_cast<size_t>(-exp_);
  if (digits.size() > frac) {
    out += digits.substr(0, digits.size() - frac);
    out += '.';
    out += digits.substr(digits.size() - frac);
  } else {
    out += "0.";
    out.append(frac - digits.size(), '0');
    out += digits;
  }
  return out;
}

Decimal::Rational Decimal::ToRational() const {
  if (exp_ >= 0) return Rational(coef_ * Pow10Int(exp_));
  return Rational(coef_, Pow10Int(-exp_));
}

double Decimal::ToDouble() const { return std::stod(ToString()); }

Decimal Decimal::FromRational(const Rational& r, int max_fraction_digits) {
  Int scale = Pow10Int(max_fraction_digits);
  Int num = numerator(r) * scale;
  Int den = denominator(r);
  Int q, rem;
  divide_qr(num, den, q, rem);
  // Round half away from zero.
  if (abs(rem) * 2 >= abs(den)) q += (num.sign() < 0 ? -1 : 1);
  return Decimal(q, -max_fraction_digits);
}

}  // namespace claims
