// Periods: what FindPeriods sees in a sentence (with roles) and what each
// mention resolves to against an article date and the article's fiscal year.
#include "context/period.h"

#include <catch2/catch.hpp>

namespace claims::context {
namespace {

// "surface=>resolved(role)" for every period in `text`, resolved in order
// with the running fiscal year and previous period, as the attacher does.
std::string Dump(std::string_view text, std::string_view date, int fiscal_year = 0, int fiscal_quarter = 0) {
  static constexpr const char* kRoles[] = {"", "base", "since", "from"};
  PeriodContext ctx;
  ParseArticleDate(date, &ctx);
  ctx.fiscal_year = fiscal_year;
  ctx.fiscal_quarter = fiscal_quarter;
  std::string out;
  for (const PeriodMention& m : FindPeriods(text, 0, static_cast<uint32_t>(text.size()))) {
    std::string r = ResolvePeriod(m, ctx);
    if (m.fiscal && m.year) { ctx.fiscal_year = m.year; ctx.fiscal_quarter = m.quarter; }
    if (!r.empty() && m.role == PeriodMention::Role::kPeriod) ctx.previous = r;
    if (!out.empty()) out += " ";
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "=>" + r;
    if (m.role != PeriodMention::Role::kPeriod) out += std::string("(") + kRoles[static_cast<int>(m.role)] + ")";
  }
  return out;
}

TEST_CASE("FindPeriods and ResolvePeriod", "[context]") {
  struct { const char* text; const char* date; const char* want; } cases[] = {
      {"2023财年三季度营收", "", "2023财年三季度=>FY2023Q3"},
      {"截至2022年10月31日的2023财年三季度", "", "2022年10月31日=>2022-10-31 2023财年三季度=>FY2023Q3"},
      {"2024财年三季报显示", "", "2024财年三季报=>FY2024Q3"},
      {"FY2024Q3营收", "", "FY2024Q3=>FY2024Q3"},
      {"2023年Q3季度", "", "2023年Q3季度=>2023Q3"},
      {"整个2023年", "", "2023年=>2023"},
      {"2024年二季度开始", "", "2024年二季度=>2024Q2"},
      {"2024年下半年推出", "", "2024年下半年=>2024H2"},
      {"在2023年底表示", "", "2023年底=>2023-12"},
      {"截至2019年2月2日收盘", "", "2019年2月2日=>2019-02-02"},
      {"23年8月15日发布", "", "23年8月15日=>2023-08-15"},
      {"我们已经做了30年", "", ""},                             // a duration, not a year
      {"去年10月,美国更新规则", "2024-01-22", "去年10月=>2023-10"},  // 去年 in January
      {"去年5月", "2024-01-22", "去年5月=>2023-05"},
      {"去年营收", "", "去年=>"},                               // no date: unknown
      {"今年前三季度总营收", "2023-12-05", "今年前三季度=>2023Q1-Q3"},
      {"今年前三季度总营收", "2024-01-22", "今年前三季度=>"},    // not over yet in January
      {"2025财年前三财季营收", "", "2025财年前三财季=>FY2025Q1-Q3"},
      {"2024年第三季营收", "", "2024年第三季=>2024Q3"},  // Taiwan: 季 alone
      {"连续三季营收增长", "", ""},                       // a count of quarters
      {"第三季节目", "", ""},
      {"今年营收", "2024-01-22", "今年=>2024"},
      {"目前市值已达", "2024-01-22", "目前=>2024-01-22"},
      {"10 月份采购了", "2023-12-20", "10 月份=>2023-10"},      // the most recent October
      {"10月采购了", "2024-01-22", "10月=>2023-10"},
      {"未来五年这一比例", "2024-01-22", "未来=>"},
      {"2023年到2024年这个财年", "", "2023年到2024年=>"},        // a span: unknown
      {"较上年同期下降约21%", "", "上年同期=>(base)"},
      {"比去年增加了一倍", "2024-01-22", "去年=>2023(base)"},
      {"但较上一季度增长2%", "", "上一季度=>(base)"},
      {"比上月下降0.2个百分点", "", "上月=>(base)"},
      {"9月销量为50万辆,上个月为42万辆", "2024-10-15", "9月=>2024-09 上个月=>2024-08"},
      {"自2022年末以来", "", "2022年末=>2022-12(since)"},
      {"自今年4月以来", "2025-07-17", "今年4月=>2025-04(since)"},
      // 以来/开始 anywhere in the clause, however far; not past , ; ， ； 。
      {"自2022年末英伟达发布H100 GPU以来", "", "2022年末=>2022-12(since)"},
      {"从2021年起算的增幅", "", "2021年=>2021(since)"},
      {"从2021年的低点开始回升", "", "2021年=>2021(since)"},
      {"从2021年的低点,开始回升", "", "2021年=>2021(from)"},
      {"从2021年的低点;开始回升", "", "2021年=>2021(from)"},
      {"从2021年的低点，开始回升", "", "2021年=>2021(from)"},
      {"从2021年的低点。开始回升", "", "2021年=>2021(from)"},
      {"从去年同期的0.26亿暴增至11.11亿", "", "去年同期=>(from)"},
      {"2023财年三季度,该季度营收", "", "2023财年三季度=>FY2023Q3 该季度=>FY2023Q3"},
      {"公布2025财年第三财季业绩。报告期内营收", "", "2025财年第三财季=>FY2025Q3 报告期内=>FY2025Q3"},
      {"报告期末员工", "", "报告期=>"},  // nothing said before: no period
      {"2024年一季度营收,去年同期为", "", "2024年一季度=>2024Q1 去年同期=>2023Q1"},
      // A bare 同期 is the period just named unless it is a base.
      {"2024年一季度营收为221亿元,而AMD同期营收为62亿元", "", "2024年一季度=>2024Q1 同期=>2024Q1"},
      {"2024年一季度营收较同期增长5%", "", "2024年一季度=>2024Q1 同期=>2023Q1(base)"},
      {"2024年一季度营收为221亿元,同期增长5%", "", "2024年一季度=>2024Q1 同期=>2023Q1"},
      // A bare day: the latest such day up to the article's date.
      {"截至8日收盘,沪指报3498.78点", "2024-10-08", "8日=>2024-10-08"},
      {"30日的涨幅为8%", "2024-10-08", "30日=>2024-09-30"},
      {"31日的涨幅为8%", "2024-10-08", "31日=>"},               // September has no 31st: unknown
      {"8日的涨幅", "", "8日=>"},                               // no article date: unknown
      {"近8日累计上涨20%", "2024-10-08", ""},                  // spans, not days
      {"连续5日净流入", "2024-10-08", ""},
      {"8日内完成交割", "2024-10-08", ""},
      {"截至2022年100月31日", "", "2022年=>2022"},            // a month that did not parse
  };
  for (const auto& c : cases) {
    INFO(c.text << " @" << c.date);
    CHECK(Dump(c.text, c.date) == c.want);
  }
}

TEST_CASE("A bare quarter takes the article's fiscal year", "[context]") {
  // "截至2023年1月29日的四季度" after a 2023财年三季度 earlier in the article.
  CHECK(Dump("截至2023年1月29日的四季度", "", 2023, 3) == "2023年1月29日=>2023-01-29 四季度=>FY2023Q4");
  CHECK(Dump("四季度营收", "", 2024, 0) == "四季度=>FY2024Q4");
  CHECK(Dump("二季度营收", "", 2023, 3) == "二季度=>");  // earlier than the named quarter: unknown
  CHECK(Dump("四季度营收", "2024-01-22") == "四季度=>");  // no fiscal year named: unknown
  std::vector<PeriodMention> ms = FindPeriods("截至2023年1月29日的四季度", 0, 34);
  REQUIRE(ms.size() == 2);
  CHECK(ms[1].quarter_ends_on_date);
}

TEST_CASE("ResolveDateValue places the extractor's date mentions", "[context]") {
  struct { const char* value; const char* date; const char* want; } cases[] = {
      {"rel:-1y", "2024-01-22", "2023"},
      {"rel:0y", "2024-01-22", "2024"},
      {"rel:+1y", "2024-01-22", "2025"},
      {"rel:-1y", "", ""},
      {"--10", "2024-01-22", "2023-10"},
      {"--01", "2024-01-22", "2024-01"},
      {"2019-10", "2024-01-22", "2019-10"},
      {"2023-10-31", "", "2023-10-31"},
      {"FY2024", "", "FY2024"},
      {"Q3", "2024-01-22", ""},
  };
  for (const auto& c : cases) {
    INFO(c.value << " @" << c.date);
    CHECK(ResolveDateValue(c.value, c.date) == c.want);
  }
}

}  // namespace
}  // namespace claims::context

namespace claims::context {
namespace {

TEST_CASE("PartOfMonthSpan: one end or the year of a span of months", "[context]") {
  // "surface:yes/no" for every period mention of `text`.
  auto spans = [](std::string_view text) {
    std::string out;
    for (const PeriodMention& m : FindPeriods(text, 0, static_cast<uint32_t>(text.size()))) {
      if (!out.empty()) out += " ";
      out += std::string(text.substr(m.begin, m.end - m.begin)) + (PartOfMonthSpan(text, m) ? ":span" : ":no");
    }
    return out;
  };
  CHECK(spans("1至10月,比亚迪累计销量为325万辆") == "10月:span");
  CHECK(spans("1—10月份,社会消费品零售总额") == "10月份:span");
  CHECK(spans("今年1-8月装机量") == "今年:no 8月:span");
  CHECK(spans("1月至10月累计") == "1月:span 10月:span");
  CHECK(spans("今年前10个月,进出口总值") == "今年:span");
  CHECK(spans("2024年前三个月") == "2024年:span");
  CHECK(spans("累计今年前10月营收") == "今年:span 10月:span");  // Taiwan's 前10月
  CHECK(spans("10月份,社会消费品零售总额") == "10月份:no");
  CHECK(spans("2024年10月,出口增长") == "2024年10月:no");
  CHECK(spans("今年前三季度") == "今年前三季度:no");  // a quarter span has its own name
}

}  // namespace
}  // namespace claims::context

namespace claims::context {
namespace {

TEST_CASE("ResolveBarePart: a bare quarter or half-year that has ended", "[context]") {
  auto resolve = [](std::string_view text, std::string_view date) {
    PeriodContext ctx;
    ParseArticleDate(date, &ctx);
    std::vector<PeriodMention> m = FindPeriods(text, 0, static_cast<uint32_t>(text.size()));
    return m.empty() ? std::string("?") : ResolveBarePart(m.front(), ctx);
  };
  CHECK(resolve("第三季度营收", "2024-10-31") == "2024Q3");
  CHECK(resolve("三季度营收", "2024-10-31") == "2024Q3");
  CHECK(resolve("第一季度为", "2024-10-31") == "2024Q1");
  CHECK(resolve("前三季度", "2024-10-12") == "2024Q1-Q3");
  CHECK(resolve("第三季度", "2024-09-30") == "2024Q3");  // ends this month: around the date
  CHECK(resolve("第四季度", "2024-10-31") == "");        // still to come
  CHECK(resolve("第四季度", "2024-01-17") == "2023Q4");  // the quarter just ended
  CHECK(resolve("第三季度", "2024-01-17") == "");        // last year's, or this year's plan: unsure
  CHECK(resolve("前三季度", "2024-01-17") == "");
  CHECK(resolve("第三季度", "2024") == "");              // no month: unsure
  CHECK(resolve("2023年第三季度", "2024-10-31") == "");  // not bare: ResolvePeriod's
  CHECK(resolve("上半年营收", "2024-08-30") == "2024H1");
  CHECK(resolve("上半年", "2024-06-30") == "2024H1");    // ends this month: around the date
  CHECK(resolve("上半年", "2024-05-20") == "");          // still running
  CHECK(resolve("下半年", "2024-12-31") == "2024H2");
  CHECK(resolve("下半年", "2024-08-30") == "");          // still to come
  CHECK(resolve("下半年", "2024-01-17") == "");          // last year's, or this year's outlook
  CHECK(resolve("上半年", "2024") == "");                // no month: unsure
}

TEST_CASE("ResolveBareFiscalQuarter: the quarter a fiscal reporter last reported", "[context]") {
  auto resolve = [](std::string_view text, int year, int month, int max_months_ago, int fy_end) {
    std::vector<PeriodMention> m = FindPeriods(text, 0, static_cast<uint32_t>(text.size()));
    return m.empty() ? std::string("?") : ResolveBareFiscalQuarter(m.back(), year, month, max_months_ago, fy_end);
  };
  // 英伟达: its fiscal year ends in January; FY2026 runs Feb 2025..Jan 2026.
  CHECK(resolve("第二财季营收", 2025, 8, 6, 1) == "FY2026Q2");   // ended July 2025
  CHECK(resolve("第一财季", 2025, 8, 6, 1) == "FY2026Q1");       // ended April 2025
  CHECK(resolve("第二季度", 2025, 8, 6, 1) == "FY2026Q2");       // 季度 of a fiscal reporter
  CHECK(resolve("第三财季营收预计", 2025, 8, 6, 1) == "");       // October 2025: an outlook
  CHECK(resolve("第四财季", 2025, 8, 6, 1) == "");               // January 2025: too far back
  CHECK(resolve("第四财季", 2025, 2, 6, 1) == "FY2025Q4");       // just ended
  CHECK(resolve("第三财季", 2024, 11, 6, 1) == "FY2025Q3");
  // 苹果: its fiscal year ends in September.
  CHECK(resolve("第四财季", 2025, 10, 6, 9) == "FY2025Q4");
  CHECK(resolve("第一财季", 2025, 1, 6, 9) == "FY2025Q1");       // Oct..Dec 2024
  // The date a quarter is said to end on, with a month's slack.
  CHECK(resolve("截至2023年1月29日的四季度", 2023, 1, 1, 1) == "FY2023Q4");
  CHECK(resolve("截至2022年10月30日的第三财季", 2022, 10, 1, 1) == "FY2023Q3");
  CHECK(resolve("截至2023年1月29日的第三财季", 2023, 1, 1, 1) == "");  // Q3 ended in October: no
  // Not bare, or nothing to place it by.
  CHECK(resolve("2025财年第二财季", 2025, 8, 6, 1) == "");
  CHECK(resolve("前三财季", 2025, 12, 6, 1) == "");
  CHECK(resolve("第二财季", 2025, 0, 6, 1) == "");
  CHECK(resolve("第二财季", 2025, 8, 6, 0) == "");
}

}  // namespace
}  // namespace claims::context
