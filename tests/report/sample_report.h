// Hand-made findings and articles for the report tests (our own sentences,
// with hostile file names and text on purpose): three articles, three
// findings of three severities. Shared by claims_tests and report_sample.
#ifndef CLAIMS_TESTS_REPORT_SAMPLE_REPORT_H_
#define CLAIMS_TESTS_REPORT_SAMPLE_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "check/finding.h"
#include "report/report.h"

namespace claims::report::testing {

// Article paths: a Chinese name with a space, a name with markup and a
// </script>, and a plain one.
inline constexpr std::string_view kPathA = "新闻/甲 公司.txt";
inline constexpr std::string_view kPathB = "news/b</script><script>x()</script>.txt";
inline constexpr std::string_view kPathC = "news/c.txt";

struct Sample {
  std::vector<ArticleView> articles;
  std::vector<Finding> findings;  // warning (A+B), error (C), info (A)
  std::vector<RuleInfo> rules;
  CheckSummary summary;

  ReportData Data() const { return {findings, summary, articles, rules}; }
};

Sample MakeSample();

// A claim for the first occurrence of `surface` in `text` (after `from`), with
// line, byte and sentence offsets computed from the text ('。' and '\n' end
// sentences). The value is given in base units.
StoredClaim MakeClaim(std::string_view path, std::string_view text, std::string_view surface,
                      std::string_view value, std::string_view unit, size_t from = 0);

}  // namespace claims::report::testing

#endif  // CLAIMS_TESTS_REPORT_SAMPLE_REPORT_H_
