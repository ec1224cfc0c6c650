// Builders for checker tests: a claim from a compact description, placed
// inside its sentence so offsets and sentence text are real.
//
//   Corpus c;
//   c.Claim("a.txt", "英伟达营收59.31亿美元。", "59.31亿美元",
//           "5931000000 USD e=英伟达 m=revenue t=FY2023Q3");
//
// Description tokens: the value ("5931000000" or "25000..40000"), the unit,
// then key=value: q=approx|at_least|at_most|range  k=level|change|ratio|share
// d=+|-  e=entity  m=metric  t=period  s=scope  b=base  be=base_entity
// p=precision (default: from the surface's decimals and 万/亿)  date=article date
// hash=article hash (default "h:" + path).
#ifndef CLAIMS_TESTS_CHECK_CHECK_TEST_UTIL_H_
#define CLAIMS_TESTS_CHECK_CHECK_TEST_UTIL_H_

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/check.h"
#include "check/finding.h"

namespace claims::check::testing {

// The unit of the last digit written in `surface`: "59.31亿" -> 1e6,
// "20%" -> 1, "2.5万" -> 1000. Surfaces without Arabic digits -> 0 (exact).
Decimal PrecisionOf(std::string_view surface);

class Corpus {
 public:
  // Adds a claim; returns it for further tweaks.
  StoredClaim& Claim(std::string_view path, std::string_view sentence, std::string_view surface,
                     std::string_view desc);
  void Date(std::string_view path, std::string_view sentence, std::string_view surface,
            std::string_view value, std::string_view hash = "");
  void Model(std::string_view path, std::string_view sentence, std::string_view surface);
  // Article date for every claim of `path` (set before adding its claims).
  void SetDate(std::string_view path, std::string_view date) { dates_[std::string(path)] = date; }

  CheckResult Run(const CheckOptions& opts = {}) const;

  std::vector<StoredClaim> claims;
  std::vector<std::pair<Location, Mention>> mentions;

 private:
  uint32_t SentenceStart(const std::string& path, std::string_view sentence);
  std::map<std::string, std::string> dates_;
  std::map<std::pair<std::string, std::string>, uint32_t> sentence_starts_;
  std::map<std::string, uint32_t> next_offset_;
  std::map<std::string, uint32_t> next_line_;
};

// Findings of `rule` (all severities).
std::vector<Finding> Of(const CheckResult& r, std::string_view rule);
// Findings at warning or above, any rule.
std::vector<Finding> Serious(const CheckResult& r);
// "rule severity" for each finding, for compact assertions.
std::vector<std::string> Brief(const CheckResult& r);

}  // namespace claims::check::testing

#endif  // CLAIMS_TESTS_CHECK_CHECK_TEST_UTIL_H_
