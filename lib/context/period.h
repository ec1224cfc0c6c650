// Periods: the time expressions in a sentence, and how each resolves to the
// period string stored with a claim.
//
//   "2023财年三季度"            -> FY2023Q3        "2024财年"      -> FY2024
//   "2023年"                    -> 2023            "2023年Q3"      -> 2023Q3
//   "今年前三季度" (2023-12-01) -> 2023Q1-Q3       "2024年上半年"  -> 2024H1
//   "去年10月" (2024-01-22)     -> 2023-10         "2019年2月2日"  -> 2019-02-02
//   "目前" (2024-01-22)         -> 2024-01-22      "2023年底"      -> 2023-12
//   "四季度" after "2023财年三季度" in the article -> FY2023Q4
// Anything that cannot be resolved with confidence resolves to "".
#ifndef CLAIMS_CONTEXT_PERIOD_H_
#define CLAIMS_CONTEXT_PERIOD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claims::context {

struct PeriodMention {
  enum class What : uint8_t {
    kCalendar,       // year / quarter / half / month / day fields below
    kNow,            // 目前 当前 如今: the article's date
    kThisPeriod,     // 该季度 本季度 当季: the period last mentioned
    kSameLastYear,   // 同期 上年同期 去年同期: a year before the period in force
    kPrevQuarter,    // 上季度 上一季度
    kPrevMonth,      // 上月 上个月
    kOpaque,         // 未来 此前 当时 2023年到2024年: a time we cannot place
  };
  enum class Role : uint8_t {
    kPeriod,  // the time a nearby number is for
    kBase,    // what a change compares with: 较上年同期, 比去年
    kSince,   // the start of a span: 自2022年末以来
    kFrom,    // 从去年同期的0.26亿 (增至…): only the number right after it
    kAside,   // "(截至2022年10月31日)" after a quarter: a remark, not the period
  };
  uint32_t begin = 0, end = 0;  // byte offsets, as given to FindPeriods
  What what = What::kCalendar;
  Role role = Role::kPeriod;
  int year = 0;          // absolute year; 0 when not stated
  int rel_year = 99;     // 去年 -1, 今年 0, 明年 +1; 99 when absent
  bool of_reported = false;  // 上年: before the year the text reports, not before today
  bool fiscal = false;   // 财年 / FY
  int quarter = 0;       // 1..4; with quarter_to: 前三季度 = 1..3
  int quarter_to = 0;
  int half = 0;          // 1 上半年, 2 下半年
  int month = 0;         // 1..12; 12 for 年底/年末
  int day = 0;
  bool quarter_ends_on_date = false;  // "截至2023年1月29日的四季度"
};

// Every time expression in text[begin, end), in order, with its role.
std::vector<PeriodMention> FindPeriods(std::string_view text, uint32_t begin, uint32_t end);
// The same into `out` (cleared first), whose capacity is reused.
void FindPeriods(std::string_view text, uint32_t begin, uint32_t end, std::vector<PeriodMention>* out);

// What resolution may use besides the mention itself.
struct PeriodContext {
  int article_year = 0, article_month = 0, article_day = 0;  // 0 when unknown
  int fiscal_year = 0;     // the last fiscal year the article named
  int fiscal_quarter = 0;  // and its quarter, 0 when none
  int anchor_year = 0;     // a calendar year stated nearby, for a bare month
  std::string previous;    // the last resolved period, for 该季度 and 同期
};

// "2024-01-22" / "2024-01" / "2024" -> fields; false on anything else.
bool ParseArticleDate(std::string_view date, PeriodContext* ctx);

// The period string for one mention, or "" when it cannot be resolved.
std::string ResolvePeriod(const PeriodMention& m, const PeriodContext& ctx);

// A bare quarter or half-year read as a calendar one ("第三季度" in an article
// dated 2024-10-31 -> 2024Q3; "前三季度" -> 2024Q1-Q3; "上半年" on 2024-08-30
// -> 2024H1): the latest such part that had ended by the end of the article's
// month, and only in this year or, for the quarter just ended, last year
// (四季度 in January -> the year before; 下半年 in January stays unsure: it
// is as often this year's outlook). "" for a part still to come, or without
// the article's month. The caller makes sure the article reads quarters as
// calendar ones (no fiscal year in it, no company that reports by fiscal
// quarters).
std::string ResolveBarePart(const PeriodMention& m, const PeriodContext& ctx);

// A bare quarter of a company whose fiscal year ends in `fy_end_month` and is
// named for the calendar year it ends in (英伟达: 1): the latest such quarter
// that had ended by `year`-`month`, if it ended at most `max_months_ago`
// months before. With the article's date and six months, "第二财季" on
// 2025-08-28 is FY2026Q2 (ended July 2025) and "第三财季" there is "" (an
// outlook); with the date a quarter is said to end on ("截至2023年1月29日的
// 四季度") and one month, FY2023Q4. "" also when `month` is unknown.
std::string ResolveBareFiscalQuarter(const PeriodMention& m, int year, int month, int max_months_ago,
                                     int fy_end_month);

// Whether `m` is only one end or the year of a span of months, which no
// period string names: "10月" in "1至10月"/"1—10月份"/"1月至10月", "1月" there,
// "今年" in "今年前10个月". The attacher treats such a mention as opaque,
// so the figure gets no period rather than the month or the whole year.
bool PartOfMonthSpan(std::string_view text, const PeriodMention& m);

// For the checker: a Mention value from the extractor ("2023-10", "--10",
// "rel:-1y") resolved against the article date ("2024-01-22"): "2023-10",
// "2023" ... or "" when it cannot be placed.
std::string ResolveDateValue(std::string_view value, std::string_view article_date);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_PERIOD_H_
