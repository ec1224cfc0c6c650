// Decimal arithmetic with an int64 fast path. Values in articles have a few
// significant digits, so sums, products and comparisons almost always stay
// in 64-bit registers, checked with the compiler's overflow builtins; on
// overflow the same operation is redone on cpp_int. Every result is
// renormalised so the representation stays canonical.
#include "base/decimal.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace claims {
namespace {

using Int = Decimal::Int;

constexpr int64_t kPow10[] = {1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
                              100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
                              1000000000000LL, 10000000000000LL, 100000000000000LL,
                              1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
                              1000000000000000000LL};

Int Pow10Int(int k) {
  Int r = 1;
  while (k >= 18) { r *= kPow10[18]; k -= 18; }
  r *= kPow10[k];
  return r;
}

// v × 10^k without overflow, or false.
bool ScaleSmall(int64_t v, int k, int64_t* out) {
  if (k > 18) return v == 0 ? (*out = 0, true) : false;
  return !__builtin_mul_overflow(v, kPow10[k], out);
}

}  // namespace

Decimal::Decimal(Int coefficient, int exponent) : exp_(exponent), big_(std::make_unique<Int>(std::move(coefficient))) {
  Normalize();
}

void Decimal::Normalize() {
  if (big_) {
    Int& c = *big_;
    // Strip trailing zeros one digit at a time (big values are rare) until
    // the coefficient fits in small_.
    while (c < Int(INT64_MIN) || c > Int(INT64_MAX)) {
      Int q, r;
      divide_qr(c, Int(10), q, r);
      if (!r.is_zero()) return;
      c = std::move(q);
      ++exp_;
    }
    small_ = static_cast<int64_t>(c);
    big_.reset();
  }
  if (small_ == 0) { exp_ = 0; return; }
  while (small_ % 10 == 0) { small_ /= 10; ++exp_; }
}

Decimal Decimal::Pow10(int k) {
  Decimal d;
  d.small_ = 1;
  d.exp_ = k;
  return d;
}

Decimal Decimal::operator-() const {
  if (!big_ && small_ != INT64_MIN) {
    Decimal d = *this;
    d.small_ = -small_;
    return d;
  }
  return Decimal(-coefficient(), exp_);
}

int Decimal::digits() const {
  if (is_zero()) return 1;
  if (!big_) {
    uint64_t v = small_ < 0 ? 0 - static_cast<uint64_t>(small_) : static_cast<uint64_t>(small_);
    int d = 0;
    while (v != 0) { v /= 10; ++d; }
    return d;
  }
  return static_cast<int>(Int(abs(*big_)).str().size());
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
  // Move the trailing zeros into the exponent before converting.
  long exponent = exp10 - frac + static_cast<long>(digits.size() - sig);
  digits.resize(sig);
  if (exponent > kMaxExponent || exponent < -kMaxExponent - kMaxDigits) return std::nullopt;
  Decimal d;
  if (digits.size() <= 18) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    d.small_ = negative ? -v : v;
    d.exp_ = static_cast<int>(exponent);
    d.Normalize();
    return d;
  }
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
  if (!a.big_ && !b.big_) {
    int64_t ca, cb, sum;
    if (ScaleSmall(a.small_, a.exp_ - e, &ca) && ScaleSmall(b.small_, b.exp_ - e, &cb) &&
        !__builtin_add_overflow(ca, cb, &sum)) {
      Decimal d;
      d.small_ = sum;
      d.exp_ = e;
      d.Normalize();
      return d;
    }
  }
  return Decimal(a.coefficient() * Pow10Int(a.exp_ - e) + b.coefficient() * Pow10Int(b.exp_ - e), e);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  if (!a.big_ && !b.big_) {
    int64_t p;
    if (!__builtin_mul_overflow(a.small_, b.small_, &p)) {
      Decimal d;
      d.small_ = p;
      d.exp_ = p == 0 ? 0 : a.exp_ + b.exp_;
      d.Normalize();
      return d;
    }
  }
  return Decimal(a.coefficient() * b.coefficient(), a.exp_ + b.exp_);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.sign() != b.sign()) return a.sign() <=> b.sign();
  if (a.is_zero()) return std::strong_ordering::equal;
  int e = std::min(a.exp_, b.exp_);
  if (!a.big_ && !b.big_) {
    int64_t ca, cb;
    if (ScaleSmall(a.small_, a.exp_ - e, &ca) && ScaleSmall(b.small_, b.exp_ - e, &cb)) return ca <=> cb;
  }
  Int ca = a.coefficient() * Pow10Int(a.exp_ - e);
  Int cb = b.coefficient() * Pow10Int(b.exp_ - e);
  if (ca < cb) return std::strong_ordering::less;
  if (ca > cb) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::string Decimal::ToString() const {
  std::string out;
  AppendTo(&out);
  return out;
}

char* Decimal::WriteSmall(char* p) const {
  // Each digit straight to its place, right to left: a claim's three
  // decimals are short, and library calls (to_chars, memcpy) cost more
  // than the digits.
  uint64_t v = small_ < 0 ? 0 - static_cast<uint64_t>(small_) : static_cast<uint64_t>(small_);
  size_t n = 1;
  for (uint64_t rest = v / 10; rest != 0; rest /= 10) ++n;
  // Writes the lowest `count` digits of *rest to end before `end`.
  auto digits = [](char* end, uint64_t* rest, size_t count) {
    for (size_t k = 0; k < count; ++k, *rest /= 10) *--end = static_cast<char>('0' + *rest % 10);
    return end;
  };
  auto zeros = [&p](size_t count) {
    for (size_t k = 0; k < count; ++k) *p++ = '0';
  };
  if (small_ < 0) *p++ = '-';
  size_t frac = exp_ < 0 ? static_cast<size_t>(-static_cast<int64_t>(exp_)) : 0;
  if (exp_ >= 0) {
    p += n;
    digits(p, &v, n);
    zeros(static_cast<size_t>(exp_));
  } else if (n > frac) {  // "165" with exp -1: "16.5"
    p += n + 1;
    char* point = digits(p, &v, frac) - 1;
    *point = '.';
    digits(point, &v, n - frac);
  } else {  // "5" with exp -3: "0.005"
    *p++ = '0';
    *p++ = '.';
    zeros(frac - n);
    p += n;
    digits(p, &v, n);
  }
  return p;
}

void Decimal::AppendTo(std::string* out) const {
  size_t at = out->size();
  out->resize(at + MaxTextSize());
  out->resize(static_cast<size_t>(Write(out->data() + at) - out->data()));
}

char* Decimal::Write(char* p) const {
  if (is_zero()) {
    *p = '0';
    return p + 1;
  }
  if (!big_) return WriteSmall(p);
  // The coefficient's digits: in a stack buffer unless the value is big.
  char buf[24];
  std::string big;
  std::string_view digits;
  if (big_) {
    big = Int(abs(*big_)).str();
    digits = big;
  } else {
    uint64_t v = small_ < 0 ? 0 - static_cast<uint64_t>(small_) : static_cast<uint64_t>(small_);
    digits = std::string_view(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf));
  }
  auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  auto zeros = [&p](size_t n) {
    std::memset(p, '0', n);
    p += n;
  };
  if (sign() < 0) *p++ = '-';
  if (exp_ >= 0) {
    put(digits);
    zeros(static_cast<size_t>(exp_));
    return p;
  }
  size_t frac = static_cast<size_t>(-exp_);
  if (digits.size() > frac) {
    put(digits.substr(0, digits.size() - frac));
    *p++ = '.';
    put(digits.substr(digits.size() - frac));
  } else {
    put("0.");
    zeros(frac - digits.size());
    put(digits);
  }
  return p;
}

Decimal::Rational Decimal::ToRational() const {
  if (exp_ >= 0) return Rational(coefficient() * Pow10Int(exp_));
  return Rational(coefficient(), Pow10Int(-exp_));
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
