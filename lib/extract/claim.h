// The claim: one quantity stated in one article, with what it is about.
// Field names are the contract shared by `claims extract` JSONL, the store's
// `claims` table and every export (docs/fields.md). Keep them stable.
#ifndef CLAIMS_EXTRACT_CLAIM_H_
#define CLAIMS_EXTRACT_CLAIM_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/decimal.h"

namespace claims {

// These names are written to disk and to exports; do not rename.
enum class Qualifier { kExact, kApprox, kAtLeast, kAtMost, kRange };
enum class Kind { kLevel, kChange, kRatio, kShare };
enum class Direction { kNone, kUp, kDown };

std::string_view QualifierName(Qualifier q);  // "exact" "approx" "at_least" "at_most" "range"
std::string_view KindName(Kind k);            // "level" "change" "ratio" "share"
std::string_view DirectionName(Direction d);  // "" "+" "-"
bool ParseQualifier(std::string_view s, Qualifier* out);
bool ParseKind(std::string_view s, Kind* out);
bool ParseDirection(std::string_view s, Direction* out);

struct Claim {
  // Where: offsets into the ORIGINAL bytes of the article, end exclusive.
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  uint32_t line = 0;  // 1-based
  std::string surface;  // the original text of [byte_start, byte_end)

  // What: exact values in base units ("59.31亿美元" -> 5931000000 USD).
  Decimal value_lo;
  Decimal value_hi;
  // The unit of the last stated digit, in base units: 59.31亿 -> 1000000.
  // Rounding-aware comparison treats the value as value ± precision/2.
  Decimal precision;
  std::string unit;       // canonical code: "USD", "%", "pp", "B/s", "count" ...
  std::string dimension;  // "currency", "percent", "data_rate" ...
  std::string counted;    // for unit "count": the measure word or noun, "个" "晶体管"
  Qualifier qualifier = Qualifier::kExact;
  Kind kind = Kind::kLevel;
  Direction direction = Direction::kNone;

  // About what (context/): empty means unknown, never a guess.
  std::string entity;       // "英伟达"
  std::string metric;       // "revenue"
  std::string metric_word;  // the word as written: "营收"
  std::string period;       // "FY2023Q3", "2023", "2023-10"
  std::string scope;        // "中国", "全球"
  std::string base;         // for changes: "yoy" "qoq" or a period
  std::string base_entity;  // for ratios: the compared entity, "H100"

  // The sentence the claim stands in (original text) and its offsets.
  uint32_t sentence_start = 0;
  uint32_t sentence_end = 0;
  std::string sentence;

  // Compact one-line form for table-driven tests:
  //   claim{5931000000 USD exact level}
  //   claim{25000..40000 USD range level}
  //   claim{16.5 % exact change -}
  std::string DebugString() const;
};

// A span that is not a quantity but that later stages need: dates and years
// (periods for context, shifted years for the checker) and product/model
// names (the checker's "model name cut to a letter" rule).
struct Mention {
  enum class Type { kDate, kModel };
  Type type = Type::kDate;
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  uint32_t line = 0;
  std::string surface;
  // For kDate: the normalised period it names: "2023", "2023-10", "2023-10-31",
  // "--10" (month without a year), "rel:-1y" (去年), "rel:0y" (今年).
  std::string value;
  // The sentence it stands in (original text), for quoting: a date or a
  // model name often stands in a sentence without any claim.
  std::string sentence;
};

// One article's metadata, as the store keys it.
struct Article {
  std::string path;         // as given on the command line, or the JSONL id
  std::string hash;         // content hash of the original bytes (hex)
  uint64_t bytes = 0;
  std::string title;
  std::string date;         // "2024-03-19" when known
  std::string date_source;  // "jsonl" "front-matter" "text" "flag" ""
  std::string url;
  std::string script;       // "Hans" or "Hant"
};

}  // namespace claims

#endif  // CLAIMS_EXTRACT_CLAIM_H_
