// Internal to check/: what every rule family shares. The prepared corpus
// (deduplicated claims, article dates), rounding-aware intervals, periods,
// sentence-text helpers and number formatting for messages.
#ifndef CLAIMS_CHECK_RULE_UTIL_H_
#define CLAIMS_CHECK_RULE_UTIL_H_

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "check/check.h"
#include "check/claim_table.h"
#include "check/finding.h"

namespace claims::check::internal {

using Rational = Decimal::Rational;

// A closed interval; lo_inf/hi_inf make it one-sided. N is Rational for
// decisions and double only for ordering (sort keys).
template <class N>
struct Range {
  N lo{}, hi{};
  bool lo_inf = false, hi_inf = false;
};

template <class N>
bool Overlaps(const Range<N>& a, const Range<N>& b) {
  if (!a.hi_inf && !b.lo_inf && a.hi < b.lo) return false;
  if (!b.hi_inf && !a.lo_inf && b.hi < a.lo) return false;
  return true;
}

// "FY2023Q3", "2023Q3", "2023Q1-Q3", "2023H1", "2023", "FY2023", "2023-10".
struct Period {
  bool ok = false;
  bool fiscal = false;
  int year = 0;
  char unit = 0;  // 'Y' 'H' 'Q' 'M'
  int from = 0, to = 0;
  int Months() const;
  friend bool operator==(const Period&, const Period&) = default;
};
// One deduplicated claim: the representative (smallest article hash, then
// offset) and every identical copy (same surface in the same sentence text).
//
// There is one per distinct claim of the store, so the fields are ordered
// to leave no padding (112 bytes; 128 with the class as a std::string).
struct Item {
  const CheckClaim* sc = nullptr;
  std::span<const CheckClaim* const> copies;  // includes sc (storage: Context)
  // Computed once by Run (every rule needs them):
  std::string_view cls;            // CompareClass(c()), held once per class (Context::classes)
  size_t offset = std::string::npos;  // OffsetInSentence(c())
  // TwinHash of the sentence and this claim's place among its figures
  // (TwinSlot): copies of one sentence whose figures differ (a garbled copy)
  // share `twin`. 0: not in a sentence.
  uint64_t twin = 0;
  std::string_view clause;         // ClauseBefore(c())
  uint32_t sid = 0;                // id of the sentence text: same id, same sentence
  uint32_t slot = 0;
  Period period;                   // ParsePeriod(c().fields->period)
  int article_year = 0;            // from the article's known date (0: undated)
  bool forecast = false;           // 预计/未来/有望 … before the number
  const CheckClaim& c() const { return *sc; }
  bool Known() const { return !c().fields->entity.empty() && !c().fields->metric.empty(); }
};

// Days since year 0 (months of 31 days: only differences matter) of a
// "YYYY-MM-DD" article date; 0 when the date is unknown.
int ArticleDay(const CheckClaim& sc);

// Two figures of one sentence: the same sentence, or different places of two
// copies of it (a garbled copy's 2.5亿到3万美元 and the original's 超过4万美元
// are two figures of one sentence, not two reports). The same place of two
// copies is what copy-mismatch compares.
inline bool SameSentence(const Item& a, const Item& b) {
  if (a.c().sentence.empty()) return false;
  return a.sid == b.sid || (a.twin != 0 && a.twin == b.twin && a.slot != b.slot);
}

// The figures of a sentence as written, for telling copies apart from
// different sentences: runs of digits (ASCII or full-width, a decimal point
// or comma between digits) with the 万/亿/千/百 right after them.
struct Figures {
  uint64_t twin = 0;  // FNV-1a of the folded text with every figure masked; never 0
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // byte ranges, in order
};
Figures FiguresOf(std::string_view sentence);
// A claim's place among the figures: 2k for the one holding figure k, 2k+1
// for a claim without digits (五倍) after k figures.
uint32_t TwinSlot(const Figures& f, size_t offset, size_t size);

// What an article's time frame is: its date, or (estimated) the latest year
// it names when it has no date.
struct ArticleTime {
  int year = 0;
  int month = 0;
  bool estimated = false;
};

struct Context {
  const CheckOptions* opts = nullptr;
  Rational tol;
  double tol_d = 0.1;
  std::vector<Item> items;  // sorted by (path, byte_start)
  // The texts behind Item::cls: a few hundred distinct classes for a
  // million items (a node set, so the views stay valid as it grows).
  std::unordered_set<std::string> classes;
  // Items by sentence id, each list in order of offset.
  std::vector<std::span<const Item* const>> sentences;
  // Storage behind Item::copies and `sentences`.
  std::vector<const CheckClaim*> copy_storage;
  std::vector<const Item*> sentence_storage;
  // Levels by entity, metric, scope and canonical period (arithmetic rules),
  // built on first use.
  std::vector<std::pair<uint64_t, const Item*>> levels;  // sorted by key hash
  bool levels_built = false;
  std::span<const CheckMention> mentions;
  // Articles numbered once (by hash, in order of first appearance), so rules
  // that relate articles need no string-keyed tables: ArticleOf(ctx, sc),
  // mention_article[k] for mentions[k], article_hashes[id].
  std::span<const CheckClaim> claims;
  std::vector<uint32_t> claim_article, mention_article;
  std::vector<std::string_view> article_hashes;
  // Date mentions with a year and the month right after it merged (period.cc),
  // built on first use: pointers into `mentions`, or into date_merged for a
  // merged pair (copying every date with its sentence held a second copy of
  // half the mentions until the end of the run).
  std::optional<std::vector<const CheckMention*>> date_mentions;
  std::deque<CheckMention> date_merged;
  std::deque<std::string> date_text;  // the text of merged surfaces and values
  std::map<std::string, ArticleTime> article_time;  // by article hash
  // Counted by rules on both of Run's threads.
  std::atomic<int64_t> groups_compared = 0;
  std::atomic<int64_t> consistent = 0;
};

using RuleFn = void (*)(Context&, std::vector<Finding>*);

// rank[id]: the place of article `id` (ctx.article_hashes) in hash order, so
// a sort by article hash compares integers instead of 40-character strings.
std::vector<uint32_t> ArticleRanksByHash(const Context& ctx);

// The number of `sc`'s article; `sc` points into ctx.claims.
inline uint32_t ArticleOf(const Context& ctx, const CheckClaim* sc) {
  return ctx.claim_article[static_cast<size_t>(sc - ctx.claims.data())];
}

// --- grouping ---------------------------------------------------------------

// Grouping without hash-table nodes or key strings: elements are sorted by a
// 64-bit key hash, and each run of equal hashes is split by `eq` (so a hash
// collision never merges two groups). fn(std::span<const T>) is called once
// per group with the group's elements in their original order. n log n.
inline uint64_t HashText(std::string_view s) { return std::hash<std::string_view>()(s); }
inline uint64_t Mix(uint64_t h, uint64_t v) {
  return (h ^ (v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdull;
}

template <class T, class KeyHash, class KeyEq, class Fn>
void ForEachGroup(std::span<const T> elems, KeyHash key_hash, KeyEq eq, Fn fn) {
  std::vector<std::pair<uint64_t, uint32_t>> keyed(elems.size());
  for (size_t i = 0; i < elems.size(); ++i) keyed[i] = {key_hash(elems[i]), static_cast<uint32_t>(i)};
  std::sort(keyed.begin(), keyed.end());
  std::vector<T> group;
  std::vector<bool> taken;
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    taken.assign(j - i, false);
    for (size_t a = i; a < j; ++a) {
      if (taken[a - i]) continue;
      group.clear();
      for (size_t b = a; b < j; ++b) {
        if (taken[b - i] || !eq(elems[keyed[a].second], elems[keyed[b].second])) continue;
        taken[b - i] = true;
        group.push_back(elems[keyed[b].second]);
      }
      fn(std::span<const T>(group));
    }
    i = j;
  }
}

// --- intervals --------------------------------------------------------------

// How a claim's value is compared: the class names the domain and is part of
// every grouping key ("fraction" for 20% and 五分之一 alike, "ratio:H100" for
// 是H100的7倍 and 比H100下降80%, "change" for 同比增长2%, else the unit).
std::string CompareClass(const CheckClaim& c);
// The claim's base entity, or for a ratio without one, a lone capital right
// before 的 ("NVIDIA H的15%" -> "H"); "" when there is none.
std::string BaseEntity(const CheckClaim& c);

// The claim's value in its compare class, rounding-aware (value ± precision/2),
// one-sided for at_least/at_most, widened by ±tol of the value for approx.
// Percentages become fractions, a change against another entity becomes a
// ratio (下降80% -> 0.2), 增长N倍 covers both readings [N-1, N]. nullopt when
// the claim has no comparable value.
std::optional<Range<Rational>> CompareRange(const CheckClaim& c, const Rational& tol);
std::optional<Range<double>> CompareRangeD(const CheckClaim& c, double tol);
// The same with the class already known (it.cls): no string work.
std::optional<Range<Rational>> CompareRange(const Item& it, const Rational& tol);
std::optional<Range<double>> CompareRangeD(const Item& it, double tol);
// A fast, inexact conversion for ordering only.
double ToD(const Decimal& d);
inline double ToD(const CompactDecimal& d) { return d.ToD(); }

// The inputs CompareRange reads from an item (value, precision, unit,
// dimension, qualifier, kind, direction, class, prose fraction): items with
// equal inputs have equal ranges, so one exact computation serves them all.
uint64_t RangeInputsHash(const Item& it);
bool SameRangeInputs(const Item& a, const Item& b);

// A range in both forms: exact for decisions, double (converted from the
// exact one) for fast filters.
struct Bounds {
  Range<Rational> exact;
  Range<double> d;
};
Bounds MakeBounds(const Range<Rational>& exact);

// -1 when a < b for certain, +1 when a > b for certain, 0 when the doubles
// are too close to call: within 1e-9 of `scale`, the size of the largest
// term a and b were computed from. A few double operations err by about
// 1e-16 of that, so a nonzero answer is the exact one; on 0 the caller
// decides with exact rationals. Not finite: 0.
int CertainOrder(double a, double b, double scale);

// The change from level b to level a, rounding-aware:
// [a.lo / b.hi - 1, a.hi / b.lo - 1]. Finite ranges, b.lo > 0.
Range<Rational> ImpliedChange(const Range<Rational>& a, const Range<Rational>& b);
// Overlaps(ImpliedChange(a, b), stated), deciding with doubles when they are
// clear and with exact rationals when they are not: always the exact answer.
// `stated` finite.
bool ImpliedChangeOverlaps(const Bounds& a, const Bounds& b, const Bounds& stated);

// (b.lo - a.hi) / max(|a.hi|, |b.lo|) for a below b: how far apart two
// disjoint ranges are, relative to their size. 0 when they overlap.
Rational RelativeGap(const Range<Rational>& a, const Range<Rational>& b);

// --- periods ----------------------------------------------------------------

Period ParsePeriod(std::string_view s);
// The period a "qoq" / "yoy" change is measured against; !ok when unknown.
Period PreviousPeriod(const Period& p, std::string_view base);
std::string PeriodString(const Period& p);

// Months a flow figure covers: from the period, else from words before the
// number (前三季度 9, 上半年 6, 全年 12, 单季/季度 3); 0 when unknown.
int DurationMonths(const CheckClaim& c);
int DurationMonths(const CheckClaim& c, std::string_view clause_before);
// Revenue-like metrics whose values add up over time.
bool IsFlowMetric(std::string_view metric);

// --- sentence text ----------------------------------------------------------

// Byte offset of the claim's surface inside its sentence (npos if absent).
size_t OffsetInSentence(const CheckClaim& c);
// The clause before / after the number: back to the previous (up to the next)
// ，。；！？,;!?： or line break.
std::string_view ClauseBefore(const CheckClaim& c);
std::string_view ClauseAfter(const CheckClaim& c);
// The whole text before the number inside the sentence.
std::string_view TextBefore(const CheckClaim& c);
bool Contains(std::string_view haystack, std::string_view needle);
// Folded the way the extractor folds text (full-width forms, Traditional ->
// Simplified), so a copy in the other script or width still matches.
std::string FoldText(std::string_view text);
bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles);
// Splits UTF-8 into code points (invalid bytes become U+FFFD).
std::vector<char32_t> CodePoints(std::string_view s);
bool IsHan(char32_t c);

// --- messages ---------------------------------------------------------------

// 5931000000 USD -> "59.31亿美元"; 0.224 fraction -> "22.4%"; 7 x -> "7倍".
std::string FormatValue(const Rational& v, std::string_view compare_class,
                        std::string_view unit);
std::string FormatRange(const Range<Rational>& r, std::string_view compare_class,
                        std::string_view unit);
// "×59", "×1.33".
std::string FormatRatio(const Rational& r);
// 「surface」 (path:line)
std::string Quote(const CheckClaim& sc);
std::string DecimalText(const Rational& r, int fraction_digits = 4);

// A finding with its claims (representatives of the given items) as
// claim_refs: only the findings kept are materialized, one at a time.
Finding MakeFinding(std::string_view rule, Severity severity, std::string message,
                    std::initializer_list<const Item*> items);

}  // namespace claims::check::internal

#endif  // CLAIMS_CHECK_RULE_UTIL_H_
