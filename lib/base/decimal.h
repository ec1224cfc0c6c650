// Decimal: an exact decimal number, coefficient × 10^exponent.
//
//   Decimal::Parse("59.31")->ScaledByPow10(8).ToString()  == "5931000000"
//   Decimal::Parse("-16.5")->ToString()                    == "-16.5"
//   Decimal::Parse("1,234.50")                             -> error (no separators here;
//                                                              number/ strips them first)
// The representation is canonical (the coefficient has no trailing zeros, zero
// has exponent 0), so equal values have equal members and one text form: no
// exponent, no trailing zeros. Values are exact from parse to store to export;
// ToDouble() exists only for sort keys.
#ifndef CLAIMS_BASE_DECIMAL_H_
#define CLAIMS_BASE_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

namespace claims {

class Decimal {
 public:
  using Int = boost::multiprecision::cpp_int;
  using Rational = boost::multiprecision::cpp_rational;

  // Parse() refuses more significant digits than this, and exponents beyond
  // ±kMaxExponent: such "numbers" are identifiers or noise, never quantities,
  // and refusing them keeps every operation bounded.
  static constexpr int kMaxDigits = 40;
  static constexpr int kMaxExponent = 60;

  Decimal() = default;  // zero
  Decimal(int64_t v) : small_(v) { Normalize(); }  // NOLINT: integers convert exactly
  Decimal(Int coefficient, int exponent);
  // Copies own their big coefficient; a moved-from Decimal is zero.
  Decimal(const Decimal& o) : small_(o.small_), exp_(o.exp_), big_(o.big_ ? std::make_unique<Int>(*o.big_) : nullptr) {}
  Decimal(Decimal&& o) noexcept : small_(o.small_), exp_(o.exp_), big_(std::move(o.big_)) { o.small_ = 0, o.exp_ = 0; }
  Decimal& operator=(const Decimal& o) {
    if (this != &o) *this = Decimal(o);
    return *this;
  }
  Decimal& operator=(Decimal&& o) noexcept {
    small_ = o.small_;
    exp_ = o.exp_;
    big_ = std::move(o.big_);
    o.small_ = 0, o.exp_ = 0;
    return *this;
  }

  // Plain decimal text: optional sign, digits, optional '.' and digits, optional
  // e/E exponent ("1e7"). No separators, no spaces. nullopt on anything else.
  static std::optional<Decimal> Parse(std::string_view text);
  // 10^k.
  static Decimal Pow10(int k);

  Int coefficient() const { return big_ ? *big_ : Int(small_); }
  int exponent() const { return exp_; }
  bool is_zero() const { return !big_ && small_ == 0; }
  int sign() const { return big_ ? big_->sign() : (small_ > 0) - (small_ < 0); }
  // Number of significant digits in the coefficient (1 for zero).
  int digits() const;
  // Within Parse()'s limits (kMaxDigits, kMaxExponent), so ToString() parses
  // back to this value. Arithmetic can leave them ("1/3" to 12 places of a
  // 40-digit number); such a value cannot be stored or read back.
  bool WithinLimits() const {
    // An int64 coefficient has at most 19 digits: only a big one is counted
    // (extract/ asks this three times for every claim).
    static_assert(kMaxDigits >= 19);
    return (!big_ || digits() <= kMaxDigits) && exp_ <= kMaxExponent && exp_ >= -kMaxExponent - kMaxDigits;
  }

  Decimal ScaledByPow10(int k) const;
  Decimal operator-() const;
  Decimal Abs() const { return sign() < 0 ? -*this : *this; }
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }
  friend Decimal operator*(const Decimal& a, const Decimal& b);

  friend bool operator==(const Decimal& a, const Decimal& b) {
    if (a.exp_ != b.exp_ || !a.big_ != !b.big_) return false;
    return a.big_ ? *a.big_ == *b.big_ : a.small_ == b.small_;
  }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  // "5931000000", "0.04", "-16.5", "0".
  std::string ToString() const;
  // ToString() appended to *out, without a string of its own (JSON writers).
  void AppendTo(std::string* out) const;
  // For writers that reserve room and fill it through a pointer: at least
  // the size of ToString(), and Write() puts ToString() at p, returning its
  // end. A 64-bit coefficient needs no allocation on either path.
  size_t MaxTextSize() const {
    size_t e = static_cast<size_t>(exp_ < 0 ? -static_cast<int64_t>(exp_) : exp_);
    return (big_ ? static_cast<size_t>(digits()) : 20) + e + 3;  // sign, "0."
  }
  char* Write(char* p) const;
  Rational ToRational() const;
  double ToDouble() const;

  // The exact decimal nearest to r with at most `max_fraction_digits` digits
  // after the point (round half away from zero). For messages and reports.
  static Decimal FromRational(const Rational& r, int max_fraction_digits);

 private:
  void Normalize();
  char* WriteSmall(char* p) const;  // Write() without big_
  // value = coefficient × 10^exp_. The coefficient lives in small_ whenever
  // it fits in an int64 (nearly always: arithmetic stays in registers) and
  // in *big_ otherwise. Canonical: no trailing zeros, small_ when it fits
  // (big_ null, small_ 0 otherwise), zero has exp_ 0. The rare big
  // coefficient sits behind a pointer so that the common Decimal is 24
  // bytes that copy, move and destroy without touching cpp_int: a Claim
  // carries three and every parse makes several (cpp_int inline cost ~10M
  // instructions on a 2 MB extract run).
  int64_t small_ = 0;
  int exp_ = 0;
  std::unique_ptr<Int> big_;
};

}  // namespace claims

#endif  // CLAIMS_BASE_DECIMAL_H_
