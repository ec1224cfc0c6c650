// The checker's compact copy of a store: what check::Run reads. A store of a
// million claims held as StoredClaims took 1.6 GB (each claim with its own
// path, hash, date, sentence and three 64-byte Decimals); here an article's
// fields are held once, repeated strings and sentence texts once per
// distinct text, and exact values in 16 bytes.
//
//   ClaimTable t;
//   for (const StoredClaim& sc : claims) t.Add(sc);   // or Store::LoadForCheck(&t)
//   check::Run(t, options);
//   StoredClaim full = ToStoredClaim(t.claims[0]);    // for a finding
#ifndef CLAIMS_CHECK_CLAIM_TABLE_H_
#define CLAIMS_CHECK_CLAIM_TABLE_H_

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/decimal.h"
#include "check/finding.h"
#include "extract/claim.h"

namespace claims::check {

// One article's fields, held once for all its claims.
struct ArticleRef {
  std::string path;
  std::string hash;
  std::string date;
};

// A fast, inexact double of `d`, for ordering only (sort keys, filters
// whose answers exact arithmetic confirms).
double SortDouble(const Decimal& d);

// An exact decimal in 12 bytes: the coefficient in an int64 when it fits
// (nearly always), else a pointer to a Decimal the table keeps, and the
// exponent (kBig: the pointer). Both are kept as two 4-byte halves, so the
// three of a CheckClaim take 36 bytes, not 48 with an int64's alignment.
// Values are exact; ToD() is for ordering only.
class CompactDecimal {
 public:
  CompactDecimal() = default;
  Decimal Get() const;
  Decimal::Rational ToRational() const { return Get().ToRational(); }
  std::string ToString() const { return Get().ToString(); }
  int sign() const;
  // SortDouble(Get()), without building the Decimal.
  double ToD() const;
  // Decimals are canonical, so equal values have equal representations.
  friend bool operator==(const CompactDecimal& a, const CompactDecimal& b);
  friend bool operator<(const CompactDecimal& a, const CompactDecimal& b) { return a.Get() < b.Get(); }

 private:
  friend class ClaimTable;
  static constexpr int32_t kBig = INT32_MIN;  // no Decimal has this exponent in a claim
  bool is_big() const { return exp_ == kBig; }
  int64_t small() const {
    int64_t v;
    std::memcpy(&v, bits_, sizeof(v));
    return v;
  }
  const Decimal* big() const {
    const Decimal* p;
    std::memcpy(&p, bits_, sizeof(p));
    return p;
  }
  void SetSmall(int64_t v, int32_t exp) {
    std::memcpy(bits_, &v, sizeof(v));
    exp_ = exp;
  }
  void SetBig(const Decimal* p) {
    static_assert(sizeof(p) <= sizeof(bits_));
    std::memcpy(bits_, &p, sizeof(p));
    exp_ = kBig;
  }
  uint32_t bits_[2] = {0, 0};
  int32_t exp_ = 0;
};

// An interned text in 8 bytes: a pointer to its bytes, with its length in
// the 4 bytes before them (ClaimTable::Intern lays them out so). Reads as a
// std::string_view; ClaimFields has ten of these, so half a view each saves 80
// bytes a claim.
class Text {
 public:
  Text() = default;
  operator std::string_view() const {  // NOLINT: reads as a view everywhere
    if (!p_) return {};
    uint32_t n;
    std::memcpy(&n, p_ - sizeof(n), sizeof(n));
    return std::string_view(p_, n);
  }
  std::string_view view() const { return *this; }
  bool empty() const { return p_ == nullptr; }
  size_t size() const { return view().size(); }
  const char* data() const { return view().data(); }
  size_t find(std::string_view s, size_t pos = 0) const { return view().find(s, pos); }
  size_t rfind(std::string_view s, size_t pos = std::string_view::npos) const { return view().rfind(s, pos); }
  std::string_view substr(size_t pos, size_t n = std::string_view::npos) const { return view().substr(pos, n); }
  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }

 private:
  friend class ClaimTable;
  explicit Text(const char* p) : p_(p) {}
  const char* p_ = nullptr;  // null: the empty text
};

// A claim's short descriptive fields, interned. The 1.33M claims of the
// bench store have 2,648 distinct combinations of them, so a claim points
// at one shared copy (ClaimTable::InternFields): 8 bytes instead of 80.
struct ClaimFields {
  Text unit, dimension, counted, entity, metric, metric_word, period, scope, base, base_entity;
  // The metric as the article words it (营收), else its id (revenue): for messages.
  Text MetricName() const { return metric_word.empty() ? metric : metric_word; }
  friend bool operator==(const ClaimFields&, const ClaimFields&) = default;
};
// What a claim made without a table points at: every field empty.
inline const ClaimFields kNoFields{};

// A claim as the rules read it: the fields of Claim, with views into the
// table's storage instead of strings of its own.
struct CheckClaim {
  int64_t id = 0;  // row id in the store
  const ArticleRef* article = nullptr;
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  uint32_t line = 0;
  uint32_t sentence_start = 0;
  uint32_t sentence_end = 0;
  // A byte each (bit-fields), not an int: a claim is held per row of the store.
  Qualifier qualifier : 8 = Qualifier::kExact;
  Kind kind : 8 = Kind::kLevel;
  Direction direction : 8 = Direction::kNone;
  const ClaimFields* fields = &kNoFields;  // owned by the table
  std::string_view surface;  // mostly a view into the sentence
  Text sentence;             // interned (ClaimTable::InternText)
  CompactDecimal value_lo, value_hi, precision;
};
// Held per row of the store (docs/rules.md "Cost"): 136 bytes before the
// sentence became a Text, the decimals 12 bytes and the enums a byte each.
static_assert(sizeof(CheckClaim) <= 112);

// Gives the heap's free pages back to the system (glibc's malloc_trim; a
// no-op elsewhere). Freed memory otherwise stays resident: the loader's and
// Run's temporaries (tens of megabytes at a million claims, between live
// blocks so the heap cannot shrink from its top) stayed in the peak RSS.
void ReleaseFreedHeap();

// The full claim, for a finding and the reports.
StoredClaim ToStoredClaim(const CheckClaim& c);

// A mention as the rules read it: the fields of Location and Mention in one,
// with views into the table's storage.
struct CheckMention {
  const ArticleRef* article = nullptr;
  Mention::Type type : 8 = Mention::Type::kDate;  // a byte: a mention is held per row
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  uint32_t line = 0;
  // Byte offset of `sentence` in the article when known, else 0 (the rules
  // then find `surface` inside `sentence`). The store keeps none for a
  // mention: LoadForCheck takes it from a claim in the same sentence row.
  uint32_t sentence_start = 0;
  // The store's sentences row (0: none), for finding that claim.
  uint32_t sentence_id = 0;
  std::string_view surface, value;
  Text sentence;  // interned (ClaimTable::InternText)
};
static_assert(sizeof(CheckMention) <= 72);  // 80 with the sentence a view and the type an int

// Where `m` stands in its sentence: at byte_start - sentence_start when the
// start is known and the surface is there, else at the first occurrence of
// the surface (npos when absent).
size_t OffsetInSentence(const CheckMention& m);

// The Location a finding names.
Location ToLocation(const CheckMention& m);

// Owns every view and pointer in its claims: not copyable; moving keeps them
// valid.
class ClaimTable {
 public:
  ClaimTable() = default;
  ClaimTable(const ClaimTable&) = delete;
  ClaimTable& operator=(const ClaimTable&) = delete;
  ClaimTable(ClaimTable&&) = default;
  ClaimTable& operator=(ClaimTable&&) = default;

  // A new article (the caller reads each article once).
  const ArticleRef* AddArticle(std::string_view path, std::string_view hash, std::string_view date);
  // Intern() as a Text.
  Text InternText(std::string_view s);
  // A stable view of `s`; equal texts get the same view (and the empty text
  // a null one). Every claim's sentence is interned: check::Run takes a
  // sentence's address for its text.
  std::string_view Intern(std::string_view s);
  CompactDecimal Compact(const Decimal& d);
  // A stable copy of `f`, shared by every claim with the same fields (the
  // Texts must come from this table: they are compared by address).
  const ClaimFields* InternFields(const ClaimFields& f);
  // Copies a claim or a mention in (tests and small callers); its article
  // is found or added by (path, hash, date).
  void Add(const StoredClaim& sc);
  void Add(const Location& loc, const Mention& m);
  // Takes over `other`'s storage and appends its mentions: a second thread
  // reads mentions into a table of its own, since the table is not
  // thread-safe. Its claims are not taken.
  void AdoptMentions(ClaimTable&& other);
  // Frees what only adding needs (the index of interned texts, a node per
  // distinct sentence: tens of megabytes at a million claims, held through
  // the rules) once the table is complete; every view and pointer stays
  // valid. Interning afterwards would give a text a second address, and
  // the rules compare interned texts by address, so it throws
  // std::logic_error instead. Store::LoadForCheck seals what it fills.
  void Seal();

  std::vector<CheckClaim> claims;
  std::vector<CheckMention> mentions;

 private:
  // Throws std::logic_error once sealed.
  void RequireUnsealed() const;
  // `prefix` then `s` into the chunks, not interned.
  std::string_view Copy(std::string_view prefix, std::string_view s);
  const ArticleRef* FindArticle(const std::string& path, const std::string& hash, const std::string& date);
  std::deque<ArticleRef> articles_;
  std::unordered_map<std::string, const ArticleRef*> article_index_;  // for Add
  std::unordered_set<std::string_view> interned_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_left_ = 0;
  char* chunk_next_ = nullptr;
  std::deque<Decimal> big_;
  struct FieldsHash {
    size_t operator()(const ClaimFields& f) const;
  };
  std::unordered_set<ClaimFields, FieldsHash> fields_;
  std::vector<std::unique_ptr<ClaimTable>> adopted_;
  bool sealed_ = false;
};

}  // namespace claims::check

template <>
struct fmt::formatter<claims::check::Text> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const claims::check::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};

#endif  // CLAIMS_CHECK_CLAIM_TABLE_H_
