// Resolving a PeriodMention to the stored period string. The rule throughout
// is "unknown is better than wrong": a bare quarter is only placed when the
// article named a fiscal year before it (companies such as Nvidia report
// fiscal quarters that do not match calendar ones), a relative period only
// with the article's date, and a relative sub-year period that would end after
// the article was written ("今年前三季度" in a January article) not at all.
#include <charconv>

#include <fmt/format.h>

#include "context/period.h"
#include "context/text_util.h"

namespace claims::context {
namespace {

using What = PeriodMention::What;

int ToInt(std::string_view s, bool* ok) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  *ok = ec == std::errc() && p == s.data() + s.size() && !s.empty();
  return v;
}

// Last month of a period, for the "would end after the article" test.
int EndMonth(const PeriodMention& m) {
  if (m.month) return m.month;
  if (m.quarter) return 3 * (m.quarter_to ? m.quarter_to : m.quarter);
  if (m.half) return 6 * m.half;
  return 12;
}

// Appends `v` in decimal, zero-padded to `width` digits.
void AppendInt(std::string* out, int v, int width = 0) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;  // an int always fits
  for (int n = static_cast<int>(end - buf); n < width; ++n) out->push_back('0');
  out->append(buf, end);
}

// "2024-01-22", "2024-01" (day 0), "2024" (month 0 too).
std::string Date(int year, int month, int day) {
  std::string out;
  AppendInt(&out, year);
  if (month) {
    out.push_back('-');
    AppendInt(&out, month, 2);
  }
  if (month && day) {
    out.push_back('-');
    AppendInt(&out, day, 2);
  }
  return out;
}

// Every claim sentence's periods come here: written by hand, as a format
// call per period showed in the profile.
std::string Format(bool fiscal, int year, const PeriodMention& m) {
  if (!m.quarter && !m.half && !fiscal) return Date(year, m.month, m.month ? m.day : 0);
  std::string out = fiscal ? "FY" : "";
  AppendInt(&out, year);
  if (m.quarter) {
    out.push_back('Q');
    AppendInt(&out, m.quarter);
    if (m.quarter_to) {
      out += "-Q";
      AppendInt(&out, m.quarter_to);
    }
  } else if (m.half) {
    out.push_back('H');
    AppendInt(&out, m.half);
  }
  return out;
}

// "FY2023Q3" -> fields; false for anything ShiftYear/PrevQuarter cannot shift.
bool Split(std::string_view p, bool* fiscal, int* year, std::string_view* rest) {
  *fiscal = p.starts_with("FY");
  if (*fiscal) p.remove_prefix(2);
  if (p.size() < 4) return false;
  bool ok = false;
  *year = ToInt(p.substr(0, 4), &ok);
  *rest = p.substr(4);
  return ok;
}

std::string ShiftYear(std::string_view previous, int delta) {
  bool fiscal = false;
  int year = 0;
  std::string_view rest;
  if (!Split(previous, &fiscal, &year, &rest)) return "";
  return fmt::format("{}{}{}", fiscal ? "FY" : "", year + delta, rest);
}

std::string PrevQuarter(std::string_view previous) {
  bool fiscal = false;
  int year = 0;
  std::string_view rest;
  if (!Split(previous, &fiscal, &year, &rest) || rest.size() != 2 || rest[0] != 'Q') return "";
  int q = rest[1] - '0';
  if (q < 1 || q > 4) return "";
  if (q == 1) return fmt::format("{}{}Q4", fiscal ? "FY" : "", year - 1);
  return fmt::format("{}{}Q{}", fiscal ? "FY" : "", year, q - 1);
}

// "2024-09" -> "2024-08", "2024-01" -> "2023-12"; "" for anything else.
std::string PrevMonth(std::string_view previous) {
  bool fiscal = false;
  int year = 0;
  std::string_view rest;
  if (!Split(previous, &fiscal, &year, &rest) || fiscal || rest.size() != 3 || rest[0] != '-') return "";
  bool ok = false;
  int month = ToInt(rest.substr(1), &ok);
  if (!ok || month < 1 || month > 12) return "";
  return month == 1 ? fmt::format("{}-12", year - 1) : fmt::format("{}-{:02}", year, month - 1);
}

// A bare day (截至8日收盘): the most recent such day up to the article's
// date, in its month or the month before; "" without the article's day or
// for a day the month does not have.
std::string BareDay(int day, const PeriodContext& ctx) {
  if (!ctx.article_day) return "";
  int year = ctx.article_year, month = ctx.article_month;
  if (day > ctx.article_day && --month == 0) {
    month = 12;
    --year;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return "";
  return Date(year, month, day);
}

}  // namespace

bool ParseArticleDate(std::string_view date, PeriodContext* ctx) {
  bool ok = false;
  if (date.size() < 4) return false;
  int y = ToInt(date.substr(0, 4), &ok);
  if (!ok || y < 1900 || y > 2200) return false;
  int mo = 0, d = 0;
  if (date.size() >= 7) {
    if (date[4] != '-' && date[4] != '/') return false;
    mo = ToInt(date.substr(5, 2), &ok);
    if (!ok || mo < 1 || mo > 12) return false;
  }
  if (date.size() >= 10) {
    if (date[7] != '-' && date[7] != '/') return false;
    d = ToInt(date.substr(8, 2), &ok);
    if (!ok || d < 1 || d > 31) return false;
  }
  ctx->article_year = y;
  ctx->article_month = mo;
  ctx->article_day = d;
  return true;
}

std::string ResolvePeriod(const PeriodMention& m, const PeriodContext& ctx) {
  switch (m.what) {
    case What::kOpaque:
      return "";
    case What::kNow:
      if (ctx.article_year && ctx.article_month && ctx.article_day) {
        return Date(ctx.article_year, ctx.article_month, ctx.article_day);
      }
      return "";
    case What::kThisPeriod:
      return ctx.previous;
    case What::kSameLastYear:
      return ShiftYear(ctx.previous, -1);
    case What::kPrevQuarter:
      return PrevQuarter(ctx.previous);
    case What::kPrevMonth:
      return PrevMonth(ctx.previous);
    case What::kCalendar:
      break;
  }
  int year = m.year;
  if (year == 0 && m.rel_year != 99) {
    if (ctx.article_year == 0) return "";
    year = ctx.article_year + m.rel_year;
    bool sub_year = m.quarter || m.half || m.month;
    if (sub_year && m.rel_year >= 0 && ctx.article_month &&
        (year > ctx.article_year || (year == ctx.article_year && EndMonth(m) > ctx.article_month))) {
      return "";  // a period that had not ended when the article was written
    }
  }
  if (year == 0) {
    if (m.quarter && !m.quarter_to && ctx.fiscal_year &&
        (ctx.fiscal_quarter == 0 || m.quarter > ctx.fiscal_quarter)) {
      return fmt::format("FY{}Q{}", ctx.fiscal_year, m.quarter);
    }
    if (m.day && !m.month) return BareDay(m.day, ctx);
    if (m.month && !m.quarter && !m.half) {
      year = ctx.anchor_year;
      if (year == 0 && ctx.article_year && ctx.article_month) {
        // The most recent such month up to the article's date.
        year = m.month <= ctx.article_month ? ctx.article_year : ctx.article_year - 1;
      }
    }
    if (year == 0) return "";
  }
  return Format(m.fiscal, year, m);
}

std::string ResolveBarePart(const PeriodMention& m, const PeriodContext& ctx) {
  if (m.what != What::kCalendar || m.year || m.rel_year != 99 || !(m.quarter || m.half) || m.fiscal ||
      m.month || m.quarter_ends_on_date || !ctx.article_year || !ctx.article_month) {
    return "";
  }
  int end_month = EndMonth(m);
  int year = ctx.article_year;
  if (end_month > ctx.article_month) {
    // Not over this year: only the quarter that has just ended, last year's
    // fourth, is the plain reading (a January article's 四季度).
    bool just_ended = !m.quarter_to && m.quarter == 4 && ctx.article_month <= 3;
    if (!just_ended) return "";
    year -= 1;
  }
  return Format(false, year, m);
}

std::string ResolveBareFiscalQuarter(const PeriodMention& m, int year, int month, int max_months_ago,
                                     int fy_end_month) {
  if (m.what != What::kCalendar || m.year || m.rel_year != 99 || !m.quarter || m.quarter_to || m.half ||
      m.month || !year || month < 1 || month > 12 || fy_end_month < 1 || fy_end_month > 12) {
    return "";
  }
  const int when = year * 12 + month - 1;  // months since year 0
  for (int fy = year + 1; fy >= year - 1; --fy) {
    int end = fy * 12 + fy_end_month - 1 - 3 * (4 - m.quarter);
    if (end <= when) return when - end <= max_months_ago ? Format(true, fy, m) : "";
  }
  return "";
}

bool PartOfMonthSpan(std::string_view text, const PeriodMention& m) {
  if (m.what != What::kCalendar || m.quarter || m.half || m.day) return false;
  auto digit_before = [&](size_t pos) { return pos > 0 && IsDigit(text[pos - 1]); };
  auto digit_at = [&](size_t pos) { return pos < text.size() && IsDigit(text[pos]); };
  if (m.month) {
    // The end: "1至10月", "1月至10月". The start: "1月至10月", "1月-10月".
    // "前10月" (as Taiwan writes 前10个月) is the first ten months.
    size_t before = m.begin;
    if (EndsAt(text, before, "前")) return true;
    if (size_t l = EndsAtAny(text, before, {"至", "到", "-", "—", "~", "–"})) {
      before -= l;
      before -= EndsAt(text, before, "月") ? std::string_view("月").size() : 0;
      if (digit_before(before)) return true;
    }
    size_t l = AtAny(text, m.end, {"至", "到", "-", "—", "~", "–"});
    return l && digit_at(m.end + l);
  }
  // The year of "今年前10个月", "2024年前三个月", "今年1至8月".
  size_t p = m.end;
  if (At(text, p, "前")) {
    p += std::string_view("前").size();
    size_t q = p;
    while (q < text.size() && (IsDigit(text[q]) || AtAny(text, q, {"一", "二", "两", "三", "四", "五", "六",
                                                                    "七", "八", "九", "十"}))) {
      q += IsDigit(text[q]) ? 1 : 3;
    }
    return q > p && AtAny(text, q, {"个月", "月"});
  }
  return false;
}

std::string ResolveDateValue(std::string_view value, std::string_view article_date) {
  PeriodContext ctx;
  bool have_date = ParseArticleDate(article_date, &ctx);
  if (value.starts_with("rel:")) {
    // "rel:-1y" / "rel:0y", optionally followed by "-MM".
    std::string_view rest = value.substr(4);
    if (rest.starts_with('+')) rest.remove_prefix(1);
    size_t y = rest.find('y');
    bool ok = false;
    int delta = y == std::string_view::npos ? 0 : ToInt(rest.substr(0, y), &ok);
    if (!ok || !have_date) return "";
    std::string out = fmt::format("{}", ctx.article_year + delta);
    return out + std::string(rest.substr(y + 1));
  }
  if (value.starts_with("--")) {
    bool ok = false;
    int month = ToInt(value.substr(2, 2), &ok);
    if (!ok || !have_date || !ctx.article_month || month < 1 || month > 12) return "";
    int year = month <= ctx.article_month ? ctx.article_year : ctx.article_year - 1;
    return fmt::format("{}-{:02}", year, month);
  }
  if (value.starts_with("FY")) return std::string(value);
  PeriodContext probe;
  return ParseArticleDate(value, &probe) ? std::string(value) : "";
}

}  // namespace claims::context
