// Period scanning is a hand-written left-to-right parser, not a regex: the
// forms are few (digits + 年/财年/月/日, Chinese quarter words, relative words)
// and each must be combined with its neighbours ("2023财年" + "三季度" is one
// period, "截至2023年1月29日的四季度" is a quarter ending on a date). Every
// step looks at a bounded number of bytes, so a sentence is scanned in linear
// time.
#include "context/period.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/cjk_skip.h"
#include "base/swar.h"
#include "context/text_util.h"

namespace claims::context {
namespace {

using What = PeriodMention::What;
using Role = PeriodMention::Role;

constexpr std::string_view kCnDigits[] = {"一", "二", "三", "四"};

// Reads 1..4 ASCII digits at `p`; returns how many, with the value.
size_t ReadDigits(std::string_view t, size_t p, size_t end, int* value) {
  size_t n = 0;
  int v = 0;
  while (p + n < end && n < 5 && IsDigit(t[p + n])) v = v * 10 + (t[p + n++] - '0');
  if (n == 0 || n > 4 || (p + n < end && IsDigit(t[p + n]))) return 0;
  *value = v;
  return n;
}

size_t SkipSpace(std::string_view t, size_t p, size_t end) { return (p < end && t[p] == ' ') ? p + 1 : p; }

// "第三季度" "三季度" "3季度" "一季报" "第四财季" "第三季" -> quarter.
size_t ParseQuarterWord(std::string_view t, size_t pos, size_t end, int* q) {
  size_t p = pos;
  if (At(t, p, "第")) p += 3;
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    if (At(t, p, kCnDigits[i])) {
      v = i + 1;
      p += 3;
      break;
    }
  }
  if (v == 0 && p < end && t[p] >= '1' && t[p] <= '4') v = t[p++] - '0';
  if (v == 0) return 0;
  size_t l = AtAny(t, p, {"季度", "季报", "财季"});
  // Taiwan writes 第三季 for the quarter. Without 第, 三季 is a count (连续三季).
  if (l == 0 && At(t, pos, "第") && At(t, p, "季") && !AtAny(t, p, {"季节", "季风", "季军"})) l = 3;
  if (l == 0 || p + l > end) return 0;
  *q = v;
  return p + l - pos;
}

// "Q3" "q3" "Q3季度" -> quarter; not inside a longer Latin word or number.
size_t ParseQ(std::string_view t, size_t pos, size_t end, int* q) {
  if (pos + 1 >= end || (t[pos] != 'Q' && t[pos] != 'q')) return 0;
  if (pos > 0 && ((t[pos - 1] >= 'A' && t[pos - 1] <= 'Z') || (t[pos - 1] >= 'a' && t[pos - 1] <= 'z'))) return 0;
  if (t[pos + 1] < '1' || t[pos + 1] > '4') return 0;
  if (pos + 2 < end && (IsDigit(t[pos + 2]) || (t[pos + 2] >= 'A' && t[pos + 2] <= 'z'))) return 0;
  *q = t[pos + 1] - '0';
  size_t p = pos + 2;
  p += AtAny(t, p, {"季度", "财季"});
  return p - pos;
}

// What may follow a year: a quarter, 前三季度, a half, a month (and day),
// 底/末/初. Returns the new position.
size_t ParseYearSuffix(std::string_view t, size_t p, size_t end, PeriodMention* m) {
  int q = 0;
  if (size_t l = ParseQuarterWord(t, p, end, &q)) {
    m->quarter = q;
    return p + l;
  }
  if (size_t l = ParseQ(t, p, end, &q)) {
    m->quarter = q;
    return p + l;
  }
  if (size_t l = AtAny(t, p, {"前三季度", "前3季度", "前三财季", "前3财季"})) {
    m->quarter = 1;
    m->quarter_to = 3;
    return p + l;
  }
  if (At(t, p, "上半年")) { m->half = 1; return p + 9; }
  if (At(t, p, "下半年")) { m->half = 2; return p + 9; }
  if (size_t l = AtAny(t, p, {"底", "末"})) { m->month = 12; return p + l; }
  size_t s = SkipSpace(t, p, end);
  int v = 0;
  if (size_t n = ReadDigits(t, s, end, &v); n > 0 && n <= 2 && v >= 1 && v <= 12) {
    size_t after = SkipSpace(t, s + n, end);
    if (At(t, after, "月")) {
      m->month = v;
      p = after + 3;
      if (At(t, p, "份")) p += 3;
      size_t d = SkipSpace(t, p, end);
      int day = 0;
      if (size_t dn = ReadDigits(t, d, end, &day); dn > 0 && dn <= 2 && day >= 1 && day <= 31) {
        size_t da = SkipSpace(t, d + dn, end);
        if (size_t l = AtAny(t, da, {"日", "号"})) {
          m->day = day;
          p = da + l;
        }
      }
      p += AtAny(t, p, {"底", "末", "初"});
      return p;
    }
  }
  return p;
}

// A set of Chinese characters as a bitmap over the BMP: one lookup per test.
class CharSet {
 public:
  CharSet(std::initializer_list<std::string_view> chars) {
    for (std::string_view w : chars) bits_[CodePoint(w, 0) >> 6] |= uint64_t{1} << (CodePoint(w, 0) & 63);
  }
  bool Has(std::string_view t, size_t pos) const {
    uint32_t cp = CodePoint(t, pos);
    return cp && (bits_[cp >> 6] >> (cp & 63)) & 1;
  }
  const uint64_t* bits() const { return bits_; }  // for SkipThreeByteChars

 private:
  // The code point of a 3-byte character at `pos`, else 0.
  static uint32_t CodePoint(std::string_view t, size_t pos) {
    auto b = [&](size_t i) { return static_cast<unsigned char>(t[pos + i]); };
    if (pos + 2 >= t.size() || (b(0) & 0xF0) != 0xE0) return 0;
    return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  }
  uint64_t bits_[1024] = {};  // the base/cjk_skip.h layout
};

// The first characters of every word ParseAt knows, so most positions are
// rejected with one lookup.
const CharSet kLeadChars({"第", "一", "二", "三", "四", "前", "上", "下", "同", "去", "今", "明", "本", "该", "当", "截",
                          "目", "如", "现", "迄", "眼", "未", "将", "此", "之", "以", "那", "次", "近", "过", "往", "报"});
// The second characters of those words (each has two at least), bar the
// digits 1-4 of 第3季度 and 前3季度: most 一, 上, 同 or 第 in a sentence
// start none of them, and this rules them out before ParseAt's word lists.
// A word added to ParseAt adds its second character here.
const CharSet kSecondChars({"一", "二", "三", "四", "季", "财", "年", "半", "个", "月", "期", "后", "告", "前", "时", "至",
                            "今", "在", "下", "来", "去"});
// The ASCII that may start a time expression: what MayStartPeriod accepts.
constexpr AsciiSet kLeadAscii("0123456789FfQq");

// Whether a time expression can start at t[pos]: a lead character with a
// second character that fits, a number that 年, 月, 财, 日 or Q follows, FY or Q.
// FindPeriods asks this first, so most positions cost a test or two.
bool MayStartPeriod(std::string_view t, size_t pos, size_t end) {
  unsigned char c = static_cast<unsigned char>(t[pos]);
  if (c >= 0x80) {
    if (!kLeadChars.Has(t, pos)) return false;
    // ParseAt reads past `end` here (At), so neither does this stop at it.
    size_t next = pos + 3;
    return kSecondChars.Has(t, next) || (next < t.size() && t[next] >= '1' && t[next] <= '4');
  }
  if (IsDigit(static_cast<char>(c))) {
    // ParseAt reads a number only from its start, and only as a year, a
    // month or a bare day: 2023年, 2023财年, 2023Q3, 23年, 10月, 8日 (a space
    // may come first).
    if (pos > 0 && (IsDigit(t[pos - 1]) || t[pos - 1] == '.' || (t[pos - 1] >= 'A' && t[pos - 1] <= 'Z') ||
                    (t[pos - 1] >= 'a' && t[pos - 1] <= 'z'))) {
      return false;
    }
    size_t after = pos;
    while (after < end && IsDigit(t[after])) ++after;
    after = SkipSpace(t, after, end);
    return AtAny(t, after, {"年", "月", "财", "日"}) || (after < t.size() && (t[after] == 'Q' || t[after] == 'q'));
  }
  return c == 'F' || c == 'f' || c == 'Q' || c == 'q';
}

// One time expression starting at `pos`, or 0.
size_t ParseAt(std::string_view t, size_t pos, size_t end, PeriodMention* m) {
  char c = t[pos];  // the caller checked MayStartPeriod(t, pos)
  bool prev_alnum = pos > 0 && (IsDigit(t[pos - 1]) || t[pos - 1] == '.' ||
                                (t[pos - 1] >= 'A' && t[pos - 1] <= 'Z') ||
                                (t[pos - 1] >= 'a' && t[pos - 1] <= 'z'));
  if (IsDigit(c) && !prev_alnum) {
    int v = 0;
    size_t n = ReadDigits(t, pos, end, &v);
    if (n == 0) return 0;
    size_t p = SkipSpace(t, pos + n, end);
    if (n == 4 && v >= 1990 && v <= 2099) {
      m->year = v;
      int q = 0;
      if (size_t l = AtAny(t, p, {"财政年度", "财年度", "财年"})) {
        m->fiscal = true;
        p += l;
      } else if (size_t l2 = AtAny(t, p, {"年度", "年"})) {
        p += l2;
      } else if (size_t l3 = ParseQ(t, p, end, &q)) {
        m->quarter = q;
        return p + l3 - pos;
      } else {
        return 0;
      }
      p = ParseYearSuffix(t, p, end, m);
      // "2023年到2024年": a span we cannot name as one period.
      if (size_t l = AtAny(t, p, {"到", "至", "-", "~"})) {
        int v2 = 0;
        size_t s = SkipSpace(t, p + l, end);
        if (ReadDigits(t, s, end, &v2) == 4 && AtAny(t, s + 4, {"年", "财年"})) {
          m->what = What::kOpaque;
          return s + 4 + AtAny(t, s + 4, {"财年", "年"}) - pos;
        }
      }
      return p - pos;
    }
    if (n == 2 && At(t, p, "年")) {
      // "23年8月15日": a two-digit year only when a month follows.
      PeriodMention probe;
      size_t after = ParseYearSuffix(t, p + 3, end, &probe);
      if (probe.month == 0 || probe.day == 0) return 0;
      *m = probe;
      m->year = 2000 + v;
      return after - pos;
    }
    if (n <= 2 && v >= 1 && v <= 12 && At(t, p, "月")) {
      PeriodMention probe;
      size_t after = ParseYearSuffix(t, pos, end, &probe);
      if (probe.month == 0) return 0;
      *m = probe;
      return after - pos;
    }
    // "截至8日收盘", "周二(8日)": a bare day, of the article's month. Not a
    // span (近8日, 连续8日, 8日内), an ordinal (第8日) or the day of a month
    // that did not parse (2022年100月31日).
    if (n <= 2 && v >= 1 && v <= 31 && At(t, p, "日") &&
        !EndsAtAny(t, pos, {"月", "年", "近", "连续", "过去", "前", "后", "每", "第", "未来", "最近", "数", "几",
                            "约", "逾", "超"}) &&
        !AtAny(t, p + 3, {"内", "间", "以来", "之内", "左右"})) {
      m->day = v;
      return p + 3 - pos;
    }
    return 0;
  }
  if ((c == 'F' || c == 'f') && pos + 1 < end && (t[pos + 1] == 'Y' || t[pos + 1] == 'y') && !prev_alnum) {
    int v = 0;
    size_t n = ReadDigits(t, pos + 2, end, &v);
    if (n != 4 && n != 2) return 0;
    m->year = n == 2 ? 2000 + v : v;
    m->fiscal = true;
    size_t p = pos + 2 + n;
    int q = 0;
    if (size_t l = ParseQ(t, p, end, &q)) {
      m->quarter = q;
      p += l;
    } else {
      p = ParseYearSuffix(t, p, end, m);
    }
    return p - pos;
  }
  if (static_cast<unsigned char>(c) < 0x80) {
    int q = 0;
    size_t l = ParseQ(t, pos, end, &q);
    m->quarter = q;
    return l;
  }
  // Dispatch on the first character: each word list is tried only where it
  // can start.
  uint32_t cp = Cp3(t, pos);
  int q = 0;
  if (cp == Cp("第") || cp == Cp("一") || cp == Cp("二") || cp == Cp("三") || cp == Cp("四")) {
    if (size_t l = ParseQuarterWord(t, pos, end, &q)) { m->quarter = q; return l; }
    return 0;
  }
  if (cp == Cp("前")) {
    if (size_t l = AtAny(t, pos, {"前三季度", "前3季度"})) { m->quarter = 1; m->quarter_to = 3; return l; }
    if (size_t l = AtAny(t, pos, {"前三财季", "前3财季"})) {
      m->quarter = 1;
      m->quarter_to = 3;
      m->fiscal = true;
      return l;
    }
    if (At(t, pos, "前年")) { m->rel_year = -2; return ParseYearSuffix(t, pos + 6, end, m) - pos; }
    if (size_t l = AtAny(t, pos, {"前一年"})) { m->what = What::kOpaque; return l; }
    return 0;
  }
  if (cp == Cp("上")) {
    if (At(t, pos, "上半年")) { m->half = 1; return 9; }
    if (At(t, pos, "上年同期")) { m->what = What::kSameLastYear; return 12; }
    if (At(t, pos, "上年")) {
      m->rel_year = -1;
      m->of_reported = true;
      return ParseYearSuffix(t, pos + 6, end, m) - pos;
    }
    if (size_t l = AtAny(t, pos, {"上一季度", "上个季度", "上季度", "上一财季", "上一个季度"})) {
      m->what = What::kPrevQuarter;
      return l;
    }
    if (size_t l = AtAny(t, pos, {"上一个月", "上个月", "上月"})) {
      m->what = What::kPrevMonth;
      return l;
    }
    return 0;
  }
  if (cp == Cp("下")) {
    if (At(t, pos, "下半年")) { m->half = 2; return 9; }
    return 0;
  }
  if (cp == Cp("去")) {
    if (At(t, pos, "去年同期")) { m->what = What::kSameLastYear; return 12; }
    if (At(t, pos, "去年")) { m->rel_year = -1; return ParseYearSuffix(t, pos + 6, end, m) - pos; }
    return 0;
  }
  if (cp == Cp("同")) {
    if (At(t, pos, "同期")) { m->what = What::kSameLastYear; return 6; }
    if (At(t, pos, "同年")) { m->what = What::kOpaque; return 6; }
    return 0;
  }
  if (cp == Cp("今") || cp == Cp("明") || cp == Cp("本")) {
    struct Rel { std::string_view word; int rel; };
    for (Rel r : {Rel{"今年", 0}, Rel{"明年", 1}, Rel{"本年", 0}}) {
      if (At(t, pos, r.word)) {
        m->rel_year = r.rel;
        return ParseYearSuffix(t, pos + r.word.size(), end, m) - pos;
      }
    }
    if (size_t l = AtAny(t, pos, {"本季度", "本财季"})) { m->what = What::kThisPeriod; return l; }
    if (size_t l = AtAny(t, pos, {"今后"})) { m->what = What::kOpaque; return l; }
    return 0;
  }
  // The rest start with common characters (之, 以, 当 …): only the words
  // that start with this one are compared.
  size_t l = 0;
  What what = What::kOpaque;
  switch (cp) {
    case Cp("该"): l = AtAny(t, pos, {"该季度", "该财季"}); what = What::kThisPeriod; break;
    case Cp("报"): l = AtAny(t, pos, {"报告期内", "报告期"}); what = What::kThisPeriod; break;
    case Cp("当"):
      if ((l = AtAny(t, pos, {"当季度", "当季"}))) what = What::kThisPeriod;
      else if ((l = AtAny(t, pos, {"当前"}))) what = What::kNow;
      else l = AtAny(t, pos, {"当时", "当年"});
      break;
    case Cp("截"): l = AtAny(t, pos, {"截至目前"}); what = What::kNow; break;
    case Cp("目"): l = AtAny(t, pos, {"目前"}); what = What::kNow; break;
    case Cp("如"): l = AtAny(t, pos, {"如今"}); what = What::kNow; break;
    case Cp("现"): l = AtAny(t, pos, {"现在"}); what = What::kNow; break;
    case Cp("迄"): l = AtAny(t, pos, {"迄今"}); what = What::kNow; break;
    case Cp("眼"): l = AtAny(t, pos, {"眼下"}); what = What::kNow; break;
    case Cp("未"): l = AtAny(t, pos, {"未来"}); break;
    case Cp("将"): l = AtAny(t, pos, {"将来"}); break;
    case Cp("此"): l = AtAny(t, pos, {"此后", "此前"}); break;
    case Cp("之"): l = AtAny(t, pos, {"之后", "之前"}); break;
    case Cp("以"): l = AtAny(t, pos, {"以后"}); break;
    case Cp("那"): l = AtAny(t, pos, {"那年"}); break;
    case Cp("次"): l = AtAny(t, pos, {"次年"}); break;
    case Cp("近"): l = AtAny(t, pos, {"近年", "近期", "近日"}); break;
    case Cp("过"): l = AtAny(t, pos, {"过去"}); break;
    case Cp("往"): l = AtAny(t, pos, {"往前一年"}); break;
    default: break;
  }
  if (l > 0) m->what = what;
  return l;
}

// Base, since and from roles, from the words around each mention.
// Whether one of , ， ; ； 。 starts at t[i] / ends just before t[i]: the
// clause edges AssignRole looks for, tested byte-wise because it walks every
// byte of the clause around each time expression.
bool ClauseMarkAt(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ',' || c == ';') return true;
  if ((c != 0xEF && c != 0xE3) || i + 3 > t.size()) return false;
  return AtAny(t, i, {"，", "；", "。"}) != 0;
}
bool ClauseMarkEndsAt(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i - 1]);
  if (c == ',' || c == ';') return true;
  if (c < 0x80 || i < 3) return false;
  return AtAny(t, i - 3, {"，", "；", "。"}) != 0;
}

// The first clause mark (ClauseMarkAt) at or after t[i], else `end`. Eight
// bytes at a time: most words hold none of , ; and the lead bytes 0xE3 0xEF
// of the full-width marks, and the walk reaches across whole clauses for
// each time expression.
size_t ClauseMarkFrom(std::string_view t, size_t i, size_t end) {
  while (i < end) {
    while (i + 8 <= end) {
      uint64_t w = swar::Load(t.data() + i);
      if (swar::HasByte(w, ',') | swar::HasByte(w, ';') | swar::HasByte(w, 0xE3) | swar::HasByte(w, 0xEF)) break;
      i += 8;
    }
    for (size_t stop = std::min(i + 8, end); i < stop; ++i) {
      if (ClauseMarkAt(t, i)) return i;
    }
  }
  return end;
}

// Whether 以来 or 开始 lies in the clause after t[e, end): up to the clause
// mark. Neither word holds a byte of a mark, so a word that starts before
// the mark ends before it.
bool SinceWordAfter(std::string_view t, size_t e, size_t end) {
  if (e >= end) return false;
  std::string_view clause = t.substr(e, ClauseMarkFrom(t, e, end) - e);
  return clause.find("以来") != std::string_view::npos || clause.find("开始") != std::string_view::npos;
}

// Every role word before a mention ends in one of 较 比 于 与 跟: one test of
// the character before it rules most mentions out.
bool MayEndBaseWord(std::string_view t, size_t b) {
  if (b < 3) return false;
  uint32_t c = Cp3(t, b - 3);
  return c == Cp("较") || c == Cp("比") || c == Cp("于") || c == Cp("与") || c == Cp("跟");
}

void AssignRole(std::string_view t, size_t begin, size_t end, PeriodMention* m) {
  size_t b = m->begin;
  if (b > begin && t[b - 1] == ' ') --b;
  size_t e = m->end;
  if ((MayEndBaseWord(t, b) &&
       EndsAtAny(t, b, {"较", "比", "相比", "相比于", "相较", "相较于", "同比", "环比", "对比", "与", "跟"})) ||
      AtAny(t, e, {"相比", "相较", "比较"})) {
    m->role = Role::kBase;
    return;
  }
  size_t open = b - EndsAtAny(t, b, {"截至", "截止"});
  if (EndsAtAny(t, open, {"(", "（"})) {
    m->role = Role::kAside;
    return;
  }
  // 自/从 … 以来/起 within the clause: the start of a span. The clause
  // before the mention is read only for a mention that may start one.
  bool later_since = AtAny(t, e, {"起"}) || SinceWordAfter(t, e, end);
  auto earlier_from = [&] {
    size_t start = b;
    while (start > begin && !ClauseMarkEndsAt(t, start)) --start;
    return ContainsAny(t, start, b, {"自", "从"});
  };
  if (later_since && (AtAny(t, e, {"以来", "起"}) || earlier_from())) {
    m->role = Role::kSince;
  } else if (EndsAt(t, b, "从")) {
    m->role = Role::kFrom;
  }
  // A bare 同期 that no 较/比/从 makes a base and no verb follows is the
  // period just named, not last year's: "英伟达上季度营收为221亿美元,而AMD
  // 同期营收为62亿美元".
  if (m->role == Role::kPeriod && m->what == What::kSameLastYear && e - m->begin == std::string_view("同期").size() &&
      At(t, m->begin, "同期") && !AtAny(t, e, {"增", "减", "下", "上", "提", "降", "相", "的"})) {
    m->what = What::kThisPeriod;
  }
}

}  // namespace

std::vector<PeriodMention> FindPeriods(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<PeriodMention> out;
  FindPeriods(text, begin, end, &out);
  return out;
}

void FindPeriods(std::string_view text, uint32_t begin, uint32_t end, std::vector<PeriodMention>* mentions) {
  std::vector<PeriodMention>& out = *mentions;
  out.clear();
  size_t pos = begin;
  while (pos < end) {
    pos = SkipUnwanted(text, pos, end, kLeadChars.bits(), kLeadAscii.bits);
    if (pos >= end) break;
    PeriodMention m;
    size_t len = MayStartPeriod(text, pos, end) ? ParseAt(text, pos, end, &m) : 0;
    if (len > 0) {
      m.begin = static_cast<uint32_t>(pos);
      m.end = static_cast<uint32_t>(pos + len);
      // "截至2023年1月29日的四季度": the quarter ending on that date.
      if (!out.empty() && m.what == What::kCalendar && m.quarter && !m.year && m.rel_year == 99 &&
          out.back().day && out.back().end + 3 == m.begin && At(text, out.back().end, "的")) {
        m.quarter_ends_on_date = true;
      }
      out.push_back(m);
      pos += len;
    } else if (IsDigit(text[pos])) {
      // No time expression starts at a digit after a digit or '.' (ParseAt
      // reads a number only from its start): skip the rest of the number.
      ++pos;
      while (pos < end && (IsDigit(text[pos]) || text[pos] == '.')) ++pos;
    } else {
      pos += Utf8Len(static_cast<unsigned char>(text[pos]));
    }
  }
  for (PeriodMention& m : out) AssignRole(text, begin, end, &m);
}

}  // namespace claims::context
