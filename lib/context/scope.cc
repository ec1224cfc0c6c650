// Scope and period selection share one idea: the closest qualifying phrase
// before the number in its sentence, because Chinese news states where and
// when before what ("2023财年三季度,英伟达在中国的营收…").
#include "context/scope.h"

#include <cctype>

#include "context/text_util.h"

namespace claims::context {

bool MetricTakesScope(std::string_view id) {
  for (std::string_view spec : {"memory", "bandwidth", "compute", "transistors", "process_node",
                                "speed", "efficiency", "power"}) {
    if (id == spec) return false;
  }
  return true;
}

std::string FindScope(std::string_view text, const Sentence& s, const Target& target,
                      const Lexicon& lexicon, Kind kind, std::string_view metric_id) {
  if (metric_id.empty() || !MetricTakesScope(metric_id)) return "";
  Range eff = EffectiveClause(s, target);
  for (size_t k = s.tokens.size(); k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end > target.begin || !t.is(LexEntry::Table::kScope)) continue;
    if (kind == Kind::kLevel && ClaimBetween(s, t.end, target.begin)) break;
    // Outside its clause, a level takes only a place phrase ("在中国市场,…";
    // not "据美国CNBC报道,…").
    bool place = EndsAtAny(text, t.begin, {"在", "于", "从", "来自"}) ||
                 AtAny(text, t.end, {"市场", "地区", "大陆"});
    if (kind == Kind::kLevel && t.begin < eff.begin && !place) continue;
    return lexicon.scope(t.entry.index);
  }
  size_t after = target.end;
  Range own = MergedClause(s.clauses, ClauseAt(s.clauses, target.begin), true);
  while (after < own.end && text[after] == ' ') ++after;
  after += AtAny(text, after, {"以上", "左右", "之多"});
  if (!At(text, after, "的")) return "";
  for (const Token& t : s.tokens) {
    if (t.begin < after || t.end > own.end) continue;
    if (t.is(LexEntry::Table::kScope)) return lexicon.scope(t.entry.index);
    if (!t.is(LexEntry::Table::kEntity)) break;
  }
  return "";
}

namespace {

// Where the words right before `pos` start: at most `max_chars` characters
// back, not before `floor`, stopping at ASCII punctuation or a space and
// after any of `stops`.
size_t WordsBefore(std::string_view text, size_t pos, size_t floor, int max_chars,
                   std::initializer_list<std::string_view> stops) {
  size_t begin = pos;
  for (int chars = 0; begin > floor && chars < max_chars; ++chars) {
    if (EndsAtAny(text, begin, stops)) break;
    size_t prev = PrevCharStart(text, begin);
    unsigned char c = static_cast<unsigned char>(text[prev]);
    if (c < 0x80 && !std::isalnum(c)) break;  // ASCII punctuation or a space
    begin = prev;
  }
  return begin;
}

}  // namespace

std::string SegmentOf(std::string_view text, const Sentence& s, size_t metric_begin) {
  size_t end = metric_begin - (EndsAt(text, metric_begin, "的") ? std::string_view("的").size() : 0);
  size_t unit = EndsAtAny(text, end, {"业务", "部门", "板块"});
  if (unit == 0 || EndsAt(text, end - unit, "主营")) return "";
  size_t floor = 0;  // the name does not reach into an entity (英伟达数据中心业务)
  for (const Token& t : s.tokens) {
    if (t.is(LexEntry::Table::kEntity) && t.end <= end - unit && t.end > floor) floor = t.end;
  }
  const size_t name_end = end - unit;
  size_t begin = WordsBefore(text, name_end, floor, 8, {"的", "其中", "来自", "，", "、", "：", "；", "（"});
  if (begin == name_end) return "";
  return std::string(text.substr(begin, end - begin));
}

std::string AverageOf(std::string_view text, size_t metric_begin) {
  size_t from = WordsBefore(text, metric_begin, 0, 5, {"、"});  // the metric word's clause
  std::string_view before = text.substr(from, metric_begin - from);
  for (std::string_view w : {"人均", "户均", "平均"}) {
    if (before.find(w) != std::string_view::npos) return std::string(w);
  }
  return "";
}

int SelectPeriod(std::string_view text, const Sentence& s, const Target& target) {
  using Role = PeriodMention::Role;
  int best = -1;
  for (size_t k = 0; k < s.periods.size(); ++k) {
    const PeriodMention& p = s.periods[k];
    if (p.end > target.begin) break;
    if (p.role == Role::kBase || p.role == Role::kSince || p.role == Role::kAside) continue;
    if (p.role == Role::kFrom &&
        (ClaimBetween(s, p.end, target.begin) || ContainsAny(text, p.end, target.begin, {"至", "到"}))) {
      continue;
    }
    best = static_cast<int>(k);
  }
  return best;
}

}  // namespace claims::context
