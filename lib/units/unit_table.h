// The unit and magnitude tables (units/*.tsv), embedded at build time.
//
//   const UnitTable& t = UnitTable::Default();
//   t.FindUnit("TB/s")  -> {canonical "B/s", dimension "data_rate", factor 1000000000000}
//   t.FindMagnitude("亿") -> 100000000
#ifndef CLAIMS_UNITS_UNIT_TABLE_H_
#define CLAIMS_UNITS_UNIT_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/decimal.h"
#include "base/status.h"

namespace claims::units {

struct UnitInfo {
  std::string alias;
  std::string canonical;
  std::string dimension;
  Decimal factor;
};

class UnitTable {
 public:
  // Parses units.tsv and magnitudes.tsv text. Errors name the file and line:
  //   "units.tsv:12: factor 'abc' is not an exact decimal"
  //   "units.tsv:40: alias '个' appears twice (first at line 31)"
  static Result<UnitTable> FromTsv(std::string_view units_tsv, std::string_view magnitudes_tsv);
  // The embedded tables; built once, immutable, shared by all threads.
  static const UnitTable& Default();

  const UnitInfo* FindUnit(std::string_view alias) const;
  const Decimal* FindMagnitude(std::string_view alias) const;
  const std::vector<UnitInfo>& units() const { return units_; }
  const std::vector<std::pair<std::string, Decimal>>& magnitudes() const { return magnitudes_; }

 private:
  std::vector<UnitInfo> units_;
  std::vector<std::pair<std::string, Decimal>> magnitudes_;
  std::unordered_map<std::string, size_t> unit_index_;
  std::unordered_map<std::string, size_t> magnitude_index_;
};

// Splits TSV text into rows of fields, skipping blank and '#' lines. Each row
// carries its 1-based line number for error messages. Shared by units/ and
// context/ lexicon loaders.
struct TsvRow {
  int line = 0;
  std::vector<std::string_view> fields;
};
std::vector<TsvRow> ParseTsv(std::string_view text);

}  // namespace claims::units

#endif  // CLAIMS_UNITS_UNIT_TABLE_H_
