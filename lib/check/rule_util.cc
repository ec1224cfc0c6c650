// Shared helpers for the rule families. Intervals are computed twice from the
// same template: in exact rationals (every decision) and in doubles (only to
// order candidates, never to decide).
#include "check/rule_util.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "text/normalize.h"

namespace claims::check::internal {
namespace {

bool IsPercentUnit(const CheckClaim& c) {
  return c.fields->unit == "%" || c.fields->unit == "fraction" || c.fields->unit == "‰" ||
         (c.fields->dimension == "percent" && c.fields->unit != "pp");
}

// Percent -> fraction.
std::optional<Rational> UnitScale(const CheckClaim& c) {
  if (c.fields->unit == "%" || (c.fields->dimension == "percent" && c.fields->unit.empty())) return Rational(1, 100);
  if (c.fields->unit == "‰") return Rational(1, 1000);
  return Rational(1);
}

Rational ToN(const CompactDecimal& d, Rational*) { return d.ToRational(); }
double ToN(const CompactDecimal& d, double*) { return d.ToD(); }
Rational ToN(const Rational& r, Rational*) { return r; }
double ToN(const Rational& r, double*) { return static_cast<double>(r); }

template <class N>
N Abs(const N& v) { return v < N(0) ? N(-v) : v; }

template <class N>
std::optional<Range<N>> CompareRangeT(const CheckClaim& c, std::string_view cls, const N& tol) {
  if (cls.empty()) return std::nullopt;
  N* tag = nullptr;
  N half = ToN(c.precision, tag) / N(2);
  N lo = ToN(c.value_lo, tag), hi = ToN(c.value_hi, tag);
  Range<N> r;
  r.lo = lo - half;
  r.hi = hi + half;
  if (c.qualifier == Qualifier::kAtLeast) r.hi_inf = true;
  if (c.qualifier == Qualifier::kAtMost) r.lo_inf = true;
  const bool pct = IsPercentUnit(c);
  const bool mult = c.fields->unit == "x";
  if (pct) {
    N s = ToN(*UnitScale(c), tag);
    r.lo = r.lo * s;
    r.hi = r.hi * s;
  }
  // 比H100快20% / 比H100下降80%: a ratio stated as a difference.
  const bool relative = c.kind == Kind::kChange || (c.kind == Kind::kRatio && c.direction != Direction::kNone);
  if (relative && (pct || mult)) {
    if (mult) {
      // 增长2倍 is +200% to careful writers and ×2 to others: cover both.
      if (c.direction == Direction::kDown) return std::nullopt;
      r.lo = r.lo - N(1);
    }
    if (c.direction == Direction::kDown) {
      Range<N> d;
      d.lo = -r.hi;
      d.hi = -r.lo;
      d.lo_inf = r.hi_inf;
      d.hi_inf = r.lo_inf;
      r = d;
    }
    if (cls.rfind("ratio:", 0) == 0) {
      r.lo = r.lo + N(1);
      r.hi = r.hi + N(1);
    }
  }
  // "五分之一", "1/5": a simple fraction in prose is a round figure, not an
  // exact one ("a fifth" of revenue may be 18% or 22%).
  bool fraction_words = pct && (Contains(c.surface, "分之") || Contains(c.surface, "/"));
  if (c.qualifier == Qualifier::kApprox || fraction_words) {
    r.lo = r.lo - tol * Abs(r.lo);
    r.hi = r.hi + tol * Abs(r.hi);
  }
  if (cls == "fraction") {
    // A share lies in [0, 1] whatever its qualifier says.
    if (r.lo_inf || r.lo < N(0)) { r.lo = N(0); r.lo_inf = false; }
    if (r.hi_inf || r.hi > N(1)) {
      if (!(r.lo > N(1))) { r.hi = N(1); r.hi_inf = false; }
    }
  }
  return r;
}

bool IsClauseBreak(std::string_view s, size_t i, size_t* len) {
  // Every break starts with one of these bytes; most bytes are not breaks.
  unsigned char b = s[i];
  if (b != 0xEF && b != 0xE3 && b != ',' && b != ';' && b != '!' && b != '?' && b != ':' &&
      b != '\n') {
    return false;
  }
  static constexpr std::string_view kBreaks[] = {"，", "。", "；", "！", "？", "：",
                                                 ",", ";", "!", "?", ":", "\n"};
  for (std::string_view b : kBreaks) {
    if (s.compare(i, b.size(), b) == 0) { *len = b.size(); return true; }
  }
  return false;
}

}  // namespace

std::string BaseEntity(const CheckClaim& c) {
  if (!c.fields->base_entity.empty() || c.kind == Kind::kLevel) return std::string(c.fields->base_entity);
  // "仅为NVIDIA H的15%": the context found no base because the model name
  // lost its digits; the letter right before 的 is what is left of it.
  std::string_view before = ClauseBefore(c);
  static constexpr std::string_view kOf = "的";
  if (before.size() < kOf.size() + 1 || before.substr(before.size() - kOf.size()) != kOf) return "";
  size_t i = before.size() - kOf.size() - 1;
  char l = before[i];
  if (l < 'A' || l > 'Z') return "";
  if (i > 0) {
    char p = before[i - 1];
    if ((p >= '0' && p <= '9') || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '-') return "";
  }
  return std::string(1, l);
}

std::string CompareClass(const CheckClaim& c) {
  const bool pct = IsPercentUnit(c);
  const bool mult = c.fields->unit == "x";
  switch (c.kind) {
    case Kind::kRatio:
      if (pct || mult) return "ratio:" + BaseEntity(c);
      return "";
    case Kind::kChange:
      if (!BaseEntity(c).empty() && (pct || mult)) return "ratio:" + BaseEntity(c);
      if (pct || mult) return "change";
      if (c.fields->unit.empty()) return "";
      return fmt::format("change:{}", c.fields->unit);
    case Kind::kShare:
      if (!pct) return "";
      if (!BaseEntity(c).empty()) return "ratio:" + BaseEntity(c);
      return "fraction";
    case Kind::kLevel:
      if (pct) return "fraction";
      return std::string(c.fields->unit);
  }
  return "";
}

std::optional<Range<Rational>> CompareRange(const CheckClaim& c, const Rational& tol) {
  return CompareRangeT<Rational>(c, CompareClass(c), tol);
}
std::optional<Range<double>> CompareRangeD(const CheckClaim& c, double tol) {
  return CompareRangeT<double>(c, CompareClass(c), tol);
}
std::optional<Range<Rational>> CompareRange(const Item& it, const Rational& tol) {
  return CompareRangeT<Rational>(it.c(), it.cls, tol);
}
std::optional<Range<double>> CompareRangeD(const Item& it, double tol) {
  return CompareRangeT<double>(it.c(), it.cls, tol);
}

double ToD(const Decimal& d) { return SortDouble(d); }

namespace {
bool ProseFraction(const CheckClaim& c) {
  return IsPercentUnit(c) && (Contains(c.surface, "分之") || Contains(c.surface, "/"));
}
}  // namespace

uint64_t RangeInputsHash(const Item& it) {
  const CheckClaim& c = it.c();
  uint64_t h = HashText(it.cls);
  for (const CompactDecimal* d : {&c.value_lo, &c.value_hi, &c.precision}) {
    // Equal decimals have equal doubles: the bits are a hash, equality decides.
    h = Mix(h, std::bit_cast<uint64_t>(ToD(*d)));
  }
  h = Mix(h, HashText(c.fields->unit));
  h = Mix(h, HashText(c.fields->dimension));
  h = Mix(h, static_cast<uint64_t>(c.qualifier) * 64 + static_cast<uint64_t>(c.kind) * 8 +
                 static_cast<uint64_t>(c.direction) * 2 + (ProseFraction(c) ? 1 : 0));
  return h;
}

bool SameRangeInputs(const Item& a, const Item& b) {
  const CheckClaim& x = a.c();
  const CheckClaim& y = b.c();
  return a.cls == b.cls && x.value_lo == y.value_lo && x.value_hi == y.value_hi &&
         x.precision == y.precision && x.fields->unit == y.fields->unit && x.fields->dimension == y.fields->dimension &&
         x.qualifier == y.qualifier && x.kind == y.kind && x.direction == y.direction &&
         ProseFraction(x) == ProseFraction(y);
}

Bounds MakeBounds(const Range<Rational>& exact) {
  Bounds b;
  b.exact = exact;
  b.d.lo = exact.lo_inf ? -HUGE_VAL : static_cast<double>(exact.lo);
  b.d.hi = exact.hi_inf ? HUGE_VAL : static_cast<double>(exact.hi);
  b.d.lo_inf = exact.lo_inf;
  b.d.hi_inf = exact.hi_inf;
  return b;
}

int CertainOrder(double a, double b, double scale) {
  double margin = 1e-9 * scale;
  if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(margin)) return 0;
  if (a < b - margin) return -1;
  if (a > b + margin) return 1;
  return 0;
}

Range<Rational> ImpliedChange(const Range<Rational>& a, const Range<Rational>& b) {
  Range<Rational> implied;
  implied.lo = a.lo / b.hi - 1;
  implied.hi = a.hi / b.lo - 1;
  return implied;
}

bool ImpliedChangeOverlaps(const Bounds& a, const Bounds& b, const Bounds& stated) {
  // Overlap: implied.hi >= stated.lo and stated.hi >= implied.lo.
  const double qlo = a.d.lo / b.d.hi, qhi = a.d.hi / b.d.lo;
  const double scale = 1 + std::fabs(qlo) + std::fabs(qhi) + std::fabs(stated.d.lo) +
                       std::fabs(stated.d.hi);
  int upper = CertainOrder(qhi - 1, stated.d.lo, scale);
  int lower = CertainOrder(stated.d.hi, qlo - 1, scale);
  if (upper < 0 || lower < 0) return false;
  if (upper > 0 && lower > 0) return true;
  return Overlaps(ImpliedChange(a.exact, b.exact), stated.exact);
}

Rational RelativeGap(const Range<Rational>& a, const Range<Rational>& b) {
  if (Overlaps(a, b)) return Rational(0);
  const Range<Rational>& low = (!a.hi_inf && !b.lo_inf && a.hi < b.lo) ? a : b;
  const Range<Rational>& high = (&low == &a) ? b : a;
  Rational scale = std::max(Abs(low.hi), Abs(high.lo));
  if (scale == 0) return Rational(1);
  return (high.lo - low.hi) / scale;
}

std::vector<uint32_t> ArticleRanksByHash(const Context& ctx) {
  const std::vector<std::string_view>& hashes = ctx.article_hashes;
  std::vector<uint32_t> by_hash(hashes.size()), rank(hashes.size());
  for (uint32_t k = 0; k < by_hash.size(); ++k) by_hash[k] = k;
  std::sort(by_hash.begin(), by_hash.end(), [&](uint32_t a, uint32_t b) { return hashes[a] < hashes[b]; });
  for (uint32_t r = 0; r < by_hash.size(); ++r) rank[by_hash[r]] = r;
  return rank;
}

int ArticleDay(const CheckClaim& sc) {
  const std::string& d = sc.article->date;
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return 0;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) if (d[i] < '0' || d[i] > '9') return 0;
  // Digits checked above: read them in place (copy-mismatch asks this of
  // every copy of every compared figure, so no substrings here).
  auto num = [&d](int at, int len) {
    int v = 0;
    for (int i = at; i < at + len; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  int y = num(0, 4), m = num(5, 2), day = num(8, 2);
  return y * 372 + (m - 1) * 31 + day;
}

// --- periods ----------------------------------------------------------------

int Period::Months() const {
  switch (unit) {
    case 'Y': return 12;
    case 'H': return 6 * (to - from + 1);
    case 'Q': return 3 * (to - from + 1);
    case 'M': return to - from + 1;
  }
  return 0;
}

Period ParsePeriod(std::string_view s) {
  Period p;
  if (s.rfind("FY", 0) == 0) { p.fiscal = true; s.remove_prefix(2); }
  if (s.size() < 4) return p;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return p;
    p.year = p.year * 10 + (s[i] - '0');
  }
  s.remove_prefix(4);
  auto read_int = [&](int* out) {
    size_t i = 0;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 2) v = v * 10 + (s[i++] - '0');
    if (i == 0) return false;
    s.remove_prefix(i);
    *out = v;
    return true;
  };
  if (s.empty()) { p.unit = 'Y'; p.from = p.to = 1; p.ok = true; return p; }
  if (s[0] == 'Q' || s[0] == 'H') {
    p.unit = s[0];
    s.remove_prefix(1);
    if (!read_int(&p.from)) return p;
    p.to = p.from;
    if (s.rfind("..", 0) == 0) s.remove_prefix(2);
    else if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    if (!s.empty()) {
      if (s.size() > 4 && s.substr(0, 4) == std::to_string(p.year)) s.remove_prefix(4);
      if (s.empty() || s[0] != p.unit) return p;
      s.remove_prefix(1);
      if (!read_int(&p.to)) return p;
    }
    int max = p.unit == 'Q' ? 4 : 2;
    p.ok = s.empty() && p.from >= 1 && p.to <= max && p.from <= p.to;
    return p;
  }
  if (s[0] == '-' && !p.fiscal) {
    s.remove_prefix(1);
    p.unit = 'M';
    if (!read_int(&p.from)) return p;
    p.to = p.from;
    p.ok = s.empty() && p.from >= 1 && p.from <= 12;  // a day ("-31") is not a flow period
  }
  return p;
}

Period PreviousPeriod(const Period& p, std::string_view base) {
  Period q = p;
  if (!p.ok || p.from != p.to) { q.ok = false; return q; }
  if (base == "yoy") { q.year -= 1; return q; }
  if (base != "qoq" && base != "mom" && base != "hoh") { q.ok = false; return q; }
  int n = p.unit == 'Q' ? 4 : p.unit == 'H' ? 2 : p.unit == 'M' ? 12 : 0;
  if (n == 0) { q.ok = false; return q; }
  if (p.from == 1) { q.year -= 1; q.from = q.to = n; } else { q.from = q.to = p.from - 1; }
  return q;
}

std::string PeriodString(const Period& p) {
  std::string out = p.fiscal ? "FY" : "";
  out += std::to_string(p.year);
  if (p.unit == 'Q' || p.unit == 'H') {
    out += p.unit;
    out += std::to_string(p.from);
    if (p.to != p.from) { out += '-'; out += p.unit; out += std::to_string(p.to); }
  } else if (p.unit == 'M') {
    out += '-';
    if (p.from < 10) out += '0';
    out += std::to_string(p.from);
  }
  return out;
}

bool IsFlowMetric(std::string_view metric) {
  static constexpr std::string_view kFlows[] = {
      "revenue", "net_income", "net_profit", "profit", "operating_income", "gross_profit", "total_profit",
      "sales", "shipments", "deliveries", "orders", "loss", "cost", "expenses", "capex", "rd_spending"};
  for (std::string_view f : kFlows) if (metric == f) return true;
  return false;
}

int DurationMonths(const CheckClaim& c) { return DurationMonths(c, ClauseBefore(c)); }

int DurationMonths(const CheckClaim& c, std::string_view before) {
  Period p = ParsePeriod(c.fields->period);
  // Words next to the number say more than a period the context inferred.
  struct Word { std::string_view w; int months; };
  static constexpr Word kWords[] = {
      {"前三季度", 9}, {"前三个季度", 9}, {"前两季度", 6}, {"前两个季度", 6},
      {"上半年", 6}, {"下半年", 6}, {"上半财年", 6}, {"单季", 3}, {"季度", 3},
      {"季报", 3}, {"全年", 12}, {"年度", 12}, {"财年", 12}};
  for (const Word& w : kWords) {
    if (Contains(before, w.w)) return w.months;
  }
  if (p.ok) return p.Months();
  return 0;
}

// --- sentence text ----------------------------------------------------------

size_t OffsetInSentence(const CheckClaim& c) {
  if (c.byte_start >= c.sentence_start) {
    size_t off = c.byte_start - c.sentence_start;
    if (off + c.surface.size() <= c.sentence.size() &&
        c.sentence.view().compare(off, c.surface.size(), c.surface) == 0) {
      return off;
    }
  }
  return c.sentence.find(c.surface);
}

std::string_view TextBefore(const CheckClaim& c) {
  size_t off = OffsetInSentence(c);
  if (off == std::string::npos) return {};
  return std::string_view(c.sentence).substr(0, off);
}

std::string_view ClauseBefore(const CheckClaim& c) {
  std::string_view s = TextBefore(c);
  size_t start = 0, len = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsClauseBreak(s, i, &len)) start = i + len;
  }
  return s.substr(start);
}

std::string_view ClauseAfter(const CheckClaim& c) {
  size_t off = OffsetInSentence(c);
  if (off == std::string::npos) return {};
  std::string_view s = std::string_view(c.sentence).substr(off + c.surface.size());
  size_t len = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsClauseBreak(s, i, &len)) return s.substr(0, i);
  }
  return s;
}

std::string FoldText(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return text::Normalize(text).utf8;
  }
  return std::string(text);
}

namespace {

// The length of a digit at s[i]: 1 (ASCII), 3 (full-width ０-９), else 0.
size_t DigitAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') return 1;
  if (i + 2 < s.size() && s.compare(i, 2, "\xEF\xBC") == 0) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0x99) return 3;
  }
  return 0;
}

// The length of the first of `words` that s[i..] starts with, else 0.
size_t WordAt(std::string_view s, size_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.substr(i).starts_with(w)) return w.size();
  }
  return 0;
}

}  // namespace

Figures FiguresOf(std::string_view s) {
  Figures f;
  std::string masked;
  size_t from = 0;
  for (size_t i = 0; i < s.size();) {
    if (!DigitAt(s, i)) { ++i; continue; }
    size_t b = i;
    for (;;) {
      while (size_t n = DigitAt(s, i)) i += n;
      size_t sep = WordAt(s, i, {".", ",", "\xEF\xBC\x8E", "\xEF\xBC\x8C"});  // . , ． ，
      if (sep && DigitAt(s, i + sep)) { i += sep; continue; }
      break;
    }
    while (size_t n = WordAt(s, i, {"万", "亿", "萬", "億", "千", "百"})) i += n;
    masked.append(s.substr(from, b - from));
    masked += '\x01';
    from = i;
    f.spans.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(i));
  }
  masked.append(s.substr(from));
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : FoldText(masked)) { h ^= c; h *= 1099511628211ull; }
  f.twin = h | 1;
  return f;
}

uint32_t TwinSlot(const Figures& f, size_t offset, size_t size) {
  uint32_t k = 0;
  while (k < f.spans.size() && f.spans[k].second <= offset) ++k;
  bool holds = k < f.spans.size() && f.spans[k].first < offset + size;
  return 2 * k + (holds ? 0 : 1);
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) if (Contains(haystack, n)) return true;
  return false;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = s[i];
    int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) { out.push_back(0xFFFD); ++i; continue; }
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// --- messages ---------------------------------------------------------------

std::string DecimalText(const Rational& r, int fraction_digits) {
  return Decimal::FromRational(r, fraction_digits).ToString();
}

namespace {

std::string UnitWord(std::string_view unit) {
  if (unit == "USD") return "美元";
  if (unit == "CNY") return "元";
  if (unit == "HKD") return "港元";
  if (unit == "EUR") return "欧元";
  if (unit == "JPY") return "日元";
  if (unit == "USD/share") return "美元/股";
  if (unit == "CNY/share") return "元/股";
  if (unit == "HKD/share") return "港元/股";
  if (unit == "count") return "";
  return std::string(unit);
}

// Up to 4 significant digits, trailing zeros dropped.
std::string Significant(const Rational& v, int sig) {
  Rational a = Abs(v);
  int digits_before = 1;
  Rational ten(10);
  for (Rational t = ten; a >= t && digits_before < 40; t *= ten) ++digits_before;
  int frac = std::max(0, sig - digits_before);
  if (a < 1 && a != 0) {
    // 0.0042 -> keep `sig` digits after the leading zeros.
    int zeros = 0;
    for (Rational t = a * ten; t < 1 && zeros < 30; t *= ten) ++zeros;
    frac = zeros + sig;
  }
  return DecimalText(v, frac);
}

}  // namespace

std::string FormatValue(const Rational& v, std::string_view cls, std::string_view unit) {
  if (cls == "fraction" || cls == "change") return Significant(v * 100, 4) + "%";
  if (cls.rfind("ratio:", 0) == 0) {
    if (Abs(v) < 1) return Significant(v * 100, 4) + "%";
    return Significant(v, 4) + "倍";
  }
  std::string word = UnitWord(unit);
  Rational a = Abs(v);
  if (a >= Rational(1000000000000)) return Significant(v / Rational(1000000000000), 4) + "万亿" + word;
  if (a >= Rational(100000000)) return Significant(v / Rational(100000000), 4) + "亿" + word;
  if (a >= Rational(10000)) return Significant(v / Rational(10000), 4) + "万" + word;
  std::string text = Significant(v, 4);
  if (!word.empty() && !(word[0] & 0x80)) text += " ";
  return text + word;
}

std::string FormatRange(const Range<Rational>& r, std::string_view cls, std::string_view unit) {
  if (r.lo_inf && r.hi_inf) return "any value";
  if (r.hi_inf) return "≥" + FormatValue(r.lo, cls, unit);
  if (r.lo_inf) return "≤" + FormatValue(r.hi, cls, unit);
  std::string lo = FormatValue(r.lo, cls, unit), hi = FormatValue(r.hi, cls, unit);
  if (lo == hi) return lo;
  return lo + "–" + hi;
}

std::string FormatRatio(const Rational& r) {
  if (r >= 10) return "×" + DecimalText(r, 0);
  return "×" + Significant(r, 3);
}

std::string Quote(const CheckClaim& c) {
  return fmt::format("「{}」 ({}:{})", c.surface, c.article->path, c.line);
}

Finding MakeFinding(std::string_view rule, Severity severity, std::string message,
                    std::initializer_list<const Item*> items) {
  Finding f;
  f.rule = std::string(rule);
  f.severity = severity;
  f.message = std::move(message);
  for (const Item* it : items) f.claim_refs.push_back(it->sc);
  return f;
}

}  // namespace claims::check::internal
