// Period rules, over the date mentions (Mention::kDate) and their sentences.
//
// period-shift: the same event dated in different years by different
// articles ("2019年10月底, 美国启动第二轮出口管制" vs "去年10月, 美国更新出口
// 管制新规" in an article of January 2024). Dates are resolved against the
// article's date (去年 = its year - 1) or, for an undated article, against the
// latest year it names (an estimate, said so in the message). Two dates are
// "the same event" when they name the same month and their sentences share a
// four-character Han phrase without function characters (出口管制), found
// through an index (month, phrase) -> dates, never by comparing all pairs.
// An article that itself names both years for the event is not contradicted.
//
// as-of-date-far: "截至2019年2月2日收盘" in an article dated 2024: an as-of
// date three or more years from the article's own date.
#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

struct DateRef {
  const CheckMention* loc = nullptr;
  int year = 0, month = 0;
  bool relative = false, estimated = false;
  std::set<std::u32string> phrases;
};

int ParseInt(std::string_view s, size_t* i, int max_digits) {
  int v = 0, n = 0;
  while (*i < s.size() && n < max_digits && s[*i] >= '0' && s[*i] <= '9') {
    v = v * 10 + (s[(*i)++] - '0');
    ++n;
  }
  return n ? v : -1;
}

// Month from "…10月…" in the surface.
int MonthIn(std::string_view surface) {
  size_t pos = surface.find("月");
  if (pos == std::string_view::npos) return 0;
  size_t start = pos;
  while (start > 0 && surface[start - 1] >= '0' && surface[start - 1] <= '9') --start;
  if (start == pos || pos - start > 2) return 0;
  int m = std::atoi(std::string(surface.substr(start, pos - start)).c_str());
  return (m >= 1 && m <= 12) ? m : 0;
}

bool Resolve(const CheckMention& loc, const CheckMention& m, const Context& ctx, DateRef* out) {
  out->loc = &loc;
  std::string_view v = m.value;
  size_t i = 0;
  int rel = 0;
  bool relative = false;
  if (v.rfind("rel:", 0) == 0) {
    relative = true;
    i = 4;
    int sign = 1;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) sign = v[i++] == '-' ? -1 : 1;
    int n = ParseInt(v, &i, 3);
    if (n < 0 || i >= v.size() || v[i] != 'y') return false;
    rel = sign * n;
  } else if (v.empty()) {
    std::string_view s = loc.surface;
    if (Contains(s, "去年")) { relative = true; rel = -1; }
    else if (Contains(s, "前年")) { relative = true; rel = -2; }
    else if (Contains(s, "今年")) { relative = true; rel = 0; }
    else return false;
  }
  if (relative) {
    auto t = ctx.article_time.find(loc.article->hash);
    if (t == ctx.article_time.end() || t->second.year == 0) return false;
    out->year = t->second.year + rel;
    out->estimated = t->second.estimated;
    out->relative = true;
  } else {
    int y = ParseInt(v, &i, 4);
    if (y < 1900 || y > 2100) return false;
    out->year = y;
    if (i < v.size() && v[i] == '-') {
      ++i;
      int mo = ParseInt(v, &i, 2);
      if (mo >= 1 && mo <= 12) out->month = mo;
    }
  }
  if (out->month == 0) out->month = MonthIn(loc.surface);
  return true;
}

bool IsFunctionChar(char32_t c) {
  static const std::u32string kChars = U"的了在是和与及或等也都就而但从对为被把这那其之于以将已年月日";
  return kChars.find(c) != std::u32string::npos;
}

std::set<std::u32string> Phrases(const CheckMention& loc) {
  std::string text(loc.sentence);
  size_t at = OffsetInSentence(loc);
  if (at != std::string::npos) text.erase(at, loc.surface.size());
  std::vector<char32_t> cps = CodePoints(text);
  std::set<std::u32string> out;
  for (size_t i = 0; i + 4 <= cps.size(); ++i) {
    bool ok = true;
    for (size_t k = i; k < i + 4 && ok; ++k) ok = IsHan(cps[k]) && !IsFunctionChar(cps[k]);
    if (ok) out.insert(std::u32string(cps.begin() + i, cps.begin() + i + 4));
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) { out += static_cast<char>(c); }
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string DateNote(const DateRef& d, const Context& ctx) {
  std::string resolved = d.month ? fmt::format("{}-{:02}", d.year, d.month) : std::to_string(d.year);
  if (!d.relative) return fmt::format("「{}」 ({}:{})", d.loc->surface, d.loc->article->path, d.loc->line);
  auto t = ctx.article_time.at(d.loc->article->hash);
  return fmt::format("「{}」 ({}:{}, {} → {})", d.loc->surface, d.loc->article->path, d.loc->line,
                     t.estimated ? fmt::format("undated article naming years up to {}", t.year)
                                 : fmt::format("article dated {}", t.year),
                     resolved);
}

bool IsYearValue(std::string_view v) {
  if (v.rfind("rel:", 0) == 0) return !v.empty() && v.back() == 'y';
  return v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Date mentions, with a year directly followed by a month merged into one
// ("去年" + "10月" -> "去年10月", "2019年" + "10月" -> 2019-10): the extractor
// may report them as two spans.
// Built once per run (both period rules read it).
using DateList = std::vector<const CheckMention*>;

const DateList& DateMentions(Context& ctx) {
  if (ctx.date_mentions) return *ctx.date_mentions;
  // By (article hash, offset); the hash as its rank, a pair of integers.
  const std::vector<uint32_t> rank = ArticleRanksByHash(ctx);
  struct Keyed {
    uint32_t article, start;
    const CheckMention* lm;
  };
  std::vector<Keyed> keyed;
  for (size_t k = 0; k < ctx.mentions.size(); ++k) {
    const auto& lm = ctx.mentions[k];
    if (lm.type == Mention::Type::kDate) {
      keyed.push_back({rank[ctx.mention_article[k]], lm.byte_start, &lm});
    }
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.article, a.start) < std::tie(b.article, b.start);
  });
  std::vector<const CheckMention*> dates;
  dates.reserve(keyed.size());
  for (const Keyed& k : keyed) dates.push_back(k.lm);
  DateList out;
  out.reserve(dates.size());
  for (size_t i = 0; i < dates.size(); ++i) {
    const CheckMention& first = *dates[i];
    if (i + 1 < dates.size()) {
      const auto& next = *dates[i + 1];
      if (next.article->hash == first.article->hash &&
          next.byte_start == first.byte_end && IsYearValue(first.value) &&
          next.value.rfind("--", 0) == 0 && next.value.size() >= 4) {
        CheckMention& cur = ctx.date_merged.emplace_back(first);
        cur.surface = ctx.date_text.emplace_back(fmt::format("{}{}", cur.surface, next.surface));
        cur.byte_end = next.byte_end;
        if (cur.value.rfind("rel:", 0) != 0) {
          cur.value = ctx.date_text.emplace_back(fmt::format("{}{}", cur.value, next.value.substr(1, 3)));
        }
        out.push_back(&cur);  // a deque's elements stay put as it grows
        ++i;
        continue;
      }
    }
    out.push_back(&first);
  }
  // The store keeps no sentence start for a mention. LoadForCheck takes it
  // from a claim of the same sentence row; in a sentence without claims the
  // rules would find a mention at the first occurrence of its text. Where
  // such a sentence names the same date twice (始于2022年末、2022年初), the
  // k-th mention of an article with that sentence and surface is its k-th
  // occurrence: such a mention (rare) is copied with its sentence start set.
  // A sentence's mentions are consecutive in offset order: `run` counts the
  // surfaces of the current one.
  std::vector<std::pair<std::string_view, size_t>> run;
  for (size_t i = 0; i < out.size(); ++i) {
    const CheckMention& loc = *out[i];
    if (i == 0 || loc.article->hash != out[i - 1]->article->hash || loc.sentence != out[i - 1]->sentence) {
      run.clear();
    }
    if (loc.sentence.empty() || loc.sentence_start != 0) continue;
    auto same = std::find_if(run.begin(), run.end(), [&](const auto& r) { return r.first == loc.surface; });
    size_t k = same == run.end() ? 0 : same->second++;
    if (same == run.end()) run.emplace_back(loc.surface, 1);
    if (k == 0) continue;  // the first occurrence is where the rules look
    std::vector<size_t> at;
    for (size_t p = loc.sentence.find(loc.surface); p != std::string::npos; p = loc.sentence.find(loc.surface, p + 1)) {
      at.push_back(p);
    }
    size_t pos = at.empty() ? std::string::npos : at[k % at.size()];
    if (pos == std::string::npos || pos == 0 || pos > loc.byte_start) continue;
    CheckMention& fixed = ctx.date_merged.emplace_back(*out[i]);
    fixed.sentence_start = static_cast<uint32_t>(loc.byte_start - pos);
    out[i] = &fixed;
  }
  ctx.date_mentions = std::move(out);
  return *ctx.date_mentions;
}

// The date's sentence with the date masked ("" when it is not in its
// sentence or the sentence is too short to say two texts are copies).
std::string MaskedSentence(const CheckMention& loc) {
  if (loc.sentence.size() < 24) return "";
  size_t at = OffsetInSentence(loc);  // the surface stands there, or npos
  if (at == std::string::npos) return "";
  std::string_view s = loc.sentence;
  return FoldText(s.substr(0, at)) + '\x01' + FoldText(s.substr(at + loc.surface.size()));
}

// Copies of one sentence that differ only in a date's year: the strongest
// evidence of a shifted year (a garbled syndicated copy).
void CopiedDates(Context& ctx, const DateList& mentions, std::vector<Finding>* out) {
  struct Dated {
    const CheckMention* loc;
    int year;
  };
  std::map<std::string, std::vector<Dated>> by_mask;
  for (const auto* lm : mentions) {
    const CheckMention& loc = *lm;
    const CheckMention& m = loc;
    std::string mask = MaskedSentence(loc);
    if (mask.empty()) continue;
    DateRef d;
    if (!Resolve(loc, m, ctx, &d)) continue;
    by_mask[std::move(mask)].push_back({&loc, d.year});
  }
  for (auto& [mask, dated] : by_mask) {
    if (dated.size() < 2) continue;
    ++ctx.groups_compared;
    // The copies' words for the date, each with the years they were read as.
    // The same words read as other years only because the copies carry
    // different dates of their own (a later reprint): the sentence itself
    // was not changed, so the words, not the years, say which copy is odd.
    struct Said {
      std::vector<Dated> dated;
      std::set<int> years;
    };
    std::map<std::string, Said> by_words;
    for (const Dated& d : dated) {
      Said& said = by_words[FoldText(d.loc->surface)];
      said.dated.push_back(d);
      said.years.insert(d.year);
    }
    std::vector<const Said*> ranked;
    for (const auto& [words, said] : by_words) ranked.push_back(&said);
    // The words most copies use first; each other wording that names none of
    // their years is one finding against them.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Said* a, const Said* b) { return a->dated.size() > b->dated.size(); });
    const Said& common_said = *ranked[0];
    bool consistent = true;
    for (size_t r = 1; r < ranked.size(); ++r) {
      const Said& odd_said = *ranked[r];
      bool shared = std::any_of(odd_said.years.begin(), odd_said.years.end(),
                                [&](int y) { return common_said.years.count(y) > 0; });
      if (shared) continue;
      const CheckMention* odd = odd_said.dated[0].loc;
      const CheckMention* common = common_said.dated[0].loc;
      if (odd->article->hash == common->article->hash) continue;
      consistent = false;
      const int odd_year = odd_said.dated[0].year, common_year = common_said.dated[0].year;
      Finding f;
      f.rule = "period-shift";
      f.severity = Severity::kWarning;
      f.message = fmt::format(
          "the same sentence dates it 「{}」 ({}:{}, {}) in one copy and 「{}」 ({}:{}, {}) in another",
          odd->surface, odd->article->path, odd->line, odd_year, common->surface, common->article->path,
          common->line, common_year);
      f.locations = {ToLocation(*odd), ToLocation(*common)};
      f.details["years"] = fmt::format("{} vs {}", odd_year, common_year);
      f.details["copies"] = std::to_string(dated.size());
      out->push_back(std::move(f));
    }
    if (consistent) ++ctx.consistent;
  }
}

}  // namespace

void CheckPeriodShift(Context& ctx, std::vector<Finding>* out) {
  const DateList& mentions = DateMentions(ctx);
  std::vector<DateRef> dates;
  // Verbatim copies of one dated sentence count once (the smallest hash).
  std::map<std::tuple<std::string_view, std::string_view, int>, size_t> copies;
  CopiedDates(ctx, mentions, out);
  for (const auto* lm : mentions) {
    const CheckMention& loc = *lm;
    const CheckMention& m = loc;
    DateRef d;
    if (!Resolve(loc, m, ctx, &d) || d.month == 0) continue;
    auto [slot, fresh] = copies.try_emplace({loc.sentence, loc.surface, d.year}, dates.size());
    if (!fresh) {
      if (loc.article->hash < dates[slot->second].loc->article->hash) dates[slot->second].loc = &loc;
      continue;
    }
    d.phrases = Phrases(loc);
    dates.push_back(std::move(d));  // even without phrases: `copies` points here
  }
  std::map<std::pair<int, std::u32string>, std::vector<size_t>> index;
  for (size_t i = 0; i < dates.size(); ++i) {
    for (const auto& p : dates[i].phrases) index[{dates[i].month, p}].push_back(i);
  }
  // article hash -> (month, phrase) -> years it names
  std::map<std::string, std::map<std::pair<int, std::u32string>, std::set<int>>> named;
  for (const DateRef& d : dates) {
    for (const auto& p : d.phrases) named[d.loc->article->hash][{d.month, p}].insert(d.year);
  }
  // An article that dates the phrase in two years of one month shows it
  // recurs (消费价格同比 every October): no pair on it is one event.
  std::set<std::pair<int, std::u32string>> recurring;
  for (const auto& [hash, keys] : named) {
    for (const auto& [key, years] : keys) {
      if (years.size() >= 2) recurring.insert(key);
    }
  }
  auto current = [&ctx](const DateRef& d) {
    auto t = ctx.article_time.find(d.loc->article->hash);
    return t != ctx.article_time.end() && !t->second.estimated && t->second.year == d.year;
  };
  std::set<std::pair<size_t, size_t>> seen;
  for (const auto& [key, members] : index) {
    if (members.size() < 2 || members.size() > 64) continue;  // too common a phrase
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const DateRef& a = dates[members[x]];
        const DateRef& b = dates[members[y]];
        if (a.loc->article->hash == b.loc->article->hash) continue;
        if (a.loc->sentence == b.loc->sentence && a.loc->surface == b.loc->surface) continue;
        // Copies of one sentence are CopiedDates' to judge, by their words.
        std::string mask = MaskedSentence(*a.loc);
        if (!mask.empty() && mask == MaskedSentence(*b.loc)) continue;
        auto pair = std::minmax(members[x], members[y]);
        if (!seen.insert(pair).second) continue;
        ++ctx.groups_compared;
        if (a.year == b.year) { ++ctx.consistent; continue; }
        if (named[a.loc->article->hash][key].count(b.year) ||
            named[b.loc->article->hash][key].count(a.year)) {
          ++ctx.consistent;
          continue;
        }
        // Each article dates the event in its own year: both report this
        // year's edition of something that recurs (a September launch, a
        // monthly release), not one event dated twice.
        if (current(a) && current(b)) { ++ctx.consistent; continue; }
        if (recurring.count(key)) { ++ctx.consistent; continue; }
        std::vector<std::string> shared;
        for (const auto& p : a.phrases) if (b.phrases.count(p)) shared.push_back(Utf8(p));
        const DateRef& first = a.loc->article->path <= b.loc->article->path ? a : b;
        const DateRef& second = &first == &a ? b : a;
        int years = std::abs(a.year - b.year);
        bool estimated = a.estimated || b.estimated;
        // One shared phrase may be a coincidence (人工智能); a warning needs
        // two, known dates, and years that are not simply consecutive
        // editions of a yearly event.
        Severity sev = (years >= 2 && !estimated && shared.size() >= 2) ? Severity::kWarning
                                                                        : Severity::kInfo;
        std::string msg = fmt::format(
            "{} and {} seem to date the same event (both: \"{}\") {} year{} apart: {} vs {}",
            DateNote(first, ctx), DateNote(second, ctx), shared.empty() ? "" : shared[0], years,
            years == 1 ? "" : "s", first.year, second.year);
        Finding f;
        f.rule = "period-shift";
        f.severity = sev;
        f.message = std::move(msg);
        f.locations = {ToLocation(*first.loc), ToLocation(*second.loc)};
        f.details["years"] = fmt::format("{} vs {}", first.year, second.year);
        f.details["shared_phrase"] = shared.empty() ? "" : shared[0];
        f.details["month"] = std::to_string(first.month);
        if (estimated) f.details["estimated_year"] = "true";
        out->push_back(std::move(f));
      }
    }
  }
}

void CheckAsOfDateFar(Context& ctx, std::vector<Finding>* out) {
  const DateList& mentions = DateMentions(ctx);
  for (const auto* lm : mentions) {
    const CheckMention& loc = *lm;
    const CheckMention& m = loc;
    size_t at = OffsetInSentence(loc);
    if (at == std::string::npos) continue;
    std::string_view before = std::string_view(loc.sentence).substr(0, at);
    bool as_of = false;
    for (std::string_view w : {"截至", "截止", "截至到", "截止到"}) {
      as_of = as_of || (before.size() >= w.size() && before.substr(before.size() - w.size()) == w);
    }
    if (!as_of) continue;
    // "截至2019年底" in a 2024 article is a figure from history; "截至2019年
    // 2月2日收盘" reads as the article's own moment with its year garbled.
    // Only an as-of date that names its month (or day) is judged.
    if (m.value.find('-') == std::string_view::npos && MonthIn(loc.surface) == 0) continue;
    DateRef d;
    if (!Resolve(loc, m, ctx, &d) || d.relative) continue;
    auto t = ctx.article_time.find(loc.article->hash);
    if (t == ctx.article_time.end() || t->second.estimated) continue;
    ++ctx.groups_compared;
    int years = std::abs(d.year - t->second.year);
    if (years < 3) { ++ctx.consistent; continue; }
    Finding f;
    f.rule = "as-of-date-far";
    f.severity = Severity::kInfo;
    f.message = fmt::format("「截至{}」 ({}:{}) is {} years from the article's own date ({}): check the year",
                            loc.surface, loc.article->path, loc.line, years, t->second.year);
    f.locations = {ToLocation(loc)};
    f.details["article_year"] = std::to_string(t->second.year);
    f.details["as_of_year"] = std::to_string(d.year);
    out->push_back(std::move(f));
  }
}

}  // namespace claims::check::internal
