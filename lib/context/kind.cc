// Kind is read from the words between the number and the start of its
// clause: a comparison marker and what follows it (an entity makes a ratio, a
// period a change), 同比/环比, share markers (占, 占比, 份额, "1/5收入",
// "来自"), and a change verb next to the number. Only numbers written as a
// percent, multiple, fraction or points can be changes, ratios or shares
// without a verb; an amount is a change only right after a change verb
// ("增加了10亿美元"), never after "增至" (that is the new level).
#include "context/kind.h"

#include "context/text_util.h"

namespace claims::context {
namespace {

bool IsVerb(const Token& t) { return t.is_cue(Cue::kUp) || t.is_cue(Cue::kDown); }

// An English verb moves the number only when the number follows it at once:
// "rose 4%", "fell by 2%", "was up 14%"; not "set up a 5% discount" or "grew
// its 3% stake". A Chinese verb may stand further off (同比增长了约4%).
bool VerbReaches(std::string_view text, const Token& verb, size_t target_begin) {
  if (static_cast<unsigned char>(text[verb.begin]) >= 0x80) return target_begin - verb.end <= 18;
  std::string_view gap = text.substr(verb.end, target_begin - verb.end);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap.empty() || gap == "by";
}

// "fell 2% from a year earlier", "up 3% sequentially": English names the base
// after the number, in the same piece of the sentence, with no other figure
// between. A Chinese 同比 after a number belongs to the next one.
std::string EnglishBaseAfter(std::string_view text, const Sentence& s, const Target& target) {
  uint32_t piece_end = s.clauses[ClauseAt(s.clauses, target.begin)].end;
  for (const Token& t : s.tokens) {
    if (t.begin < target.end || t.end > piece_end || t.begin > target.end + 12) continue;
    if (static_cast<unsigned char>(text[t.begin]) >= 0x80 || ClaimBetween(s, target.end, t.begin)) continue;
    if (t.is_cue(Cue::kYoy)) return "yoy";
    if (t.is_cue(Cue::kQoq)) return "qoq";
  }
  return "";
}
bool IsEntityLike(const Token& t) {
  return t.is(LexEntry::Table::kEntity) || t.is_cue(Cue::kAnaphor) || t.is_cue(Cue::kLatter) ||
         t.is_cue(Cue::kFormer);
}

// "80%的芯片来自英伟达": a share of a market only when 来自 names who supplies
// it. "三成来自游戏业务", "一半来自中国市场" split the subject's own revenue.
bool NamesSupplier(std::string_view text, const Sentence& s, const Token& from) {
  size_t at = from.end;
  while (at < text.size() && text[at] == ' ') ++at;
  for (const Token& t : s.tokens) {
    if (t.begin == at) return IsEntityLike(t);
  }
  return false;
}

struct Comparison {
  enum { kNone, kEntity, kPeriod, kUnknown } what = kNone;
  std::string value;
};

// A base period: a year ago is yoy, a quarter ago qoq, else the period named.
// 上年 is the year before the one reported, which a year named earlier in
// the sentence states: "截至2023年末…比上年末增长13%" is against 2022年末,
// though the article appeared in 2024. Without one it stays unknown: an
// annual report's news in March 2024 means 2022年末, a mid-year one 2023年末.
std::string BaseOf(const PeriodMention& p, const Sentence& s, const PeriodContext& ctx) {
  using What = PeriodMention::What;
  if (p.what == What::kSameLastYear) return "yoy";
  if (p.what == What::kPrevQuarter) return "qoq";
  if (p.what == What::kPrevMonth) return "mom";
  if (p.what == What::kCalendar && p.rel_year == -1 && !p.quarter && !p.half && !p.month) return "yoy";
  if (p.of_reported) {
    const PeriodMention* named = nullptr;
    for (const PeriodMention& q : s.periods) {
      if (q.end <= p.begin && q.what == What::kCalendar && q.year && !q.fiscal) named = &q;
    }
    if (named) {
      PeriodContext reported = ctx;
      reported.article_year = named->year;
      reported.article_month = 0;
      reported.article_day = 0;
      return ResolvePeriod(p, reported);
    }
    return "";
  }
  return ResolvePeriod(p, ctx);
}

// Taiwan's compact forms: 年增62% (year on year), 季增25%, 月減11%. The verb
// is one character right after 年/季/月, which itself follows no word that
// makes it a period of its own (全年增, 今年增, 本季增, 上月减, 3月增).
std::string CompactBase(std::string_view text, const Token& verb) {
  if (verb.end - verb.begin != 3 || !(At(text, verb.begin, "增") || At(text, verb.begin, "减"))) return "";
  struct Form { std::string_view unit, base; };
  for (Form f : {Form{"年", "yoy"}, Form{"季", "qoq"}, Form{"月", "mom"}}) {
    if (!EndsAt(text, verb.begin, f.unit)) continue;
    size_t before = verb.begin - f.unit.size();
    if (before > 0 && (IsDigit(text[before - 1]) ||
                       EndsAtAny(text, before, {"全", "今", "去", "明", "前", "每", "当", "本", "该", "同", "上",
                                                "下", "个", "一", "二", "三", "四", "第", "首", "近"}))) {
      return "";
    }
    return std::string(f.base);
  }
  return "";
}

// Whether every claim in [begin, end) is a base's level, right after a 的
// and after no change verb: the claims "较<base>的N" holds.
bool OnlyBaseLevelsBetween(std::string_view text, const Sentence& s, uint32_t begin, uint32_t end) {
  uint32_t first = end;
  for (const Target& t : s.targets) {
    if (t.begin < begin || t.end > end) continue;
    if (!EndsAt(text, t.begin, "的")) return false;
    first = std::min(first, t.begin);
  }
  for (const Token& t : s.tokens) {
    if (t.begin >= begin && t.end <= first && (t.is_cue(Cue::kUp) || t.is_cue(Cue::kDown))) return false;
  }
  return true;
}

Comparison FindComparison(std::string_view text, const Sentence& s, const Target& target, Range eff,
                          const PeriodContext& ctx) {
  Comparison c;
  // Only these cues end the walk with an answer.
  bool cues = s.has_any(Cue::kYoy, Cue::kQoq, Cue::kUp, Cue::kDown, Cue::kCompare);
  for (size_t k = cues ? s.tokens.size() : 0; k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end > target.begin) continue;
    // A cue before another claim belongs to that claim, except a 较 whose
    // base's own level stands between ("较上年同期的1492亿元增长8%").
    if (ClaimBetween(s, t.end, target.begin) &&
        !(t.is_cue(Cue::kCompare) && OnlyBaseLevelsBetween(text, s, t.end, target.begin))) {
      break;
    }
    bool inside = t.begin >= eff.begin;
    if (inside && t.is_cue(Cue::kYoy)) return Comparison{Comparison::kPeriod, "yoy"};
    if (inside && t.is_cue(Cue::kQoq)) return Comparison{Comparison::kPeriod, "qoq"};
    if (inside && (t.is_cue(Cue::kUp) || t.is_cue(Cue::kDown))) {
      if (std::string base = CompactBase(text, t); !base.empty()) return Comparison{Comparison::kPeriod, base};
    }
    if (!t.is_cue(Cue::kCompare)) continue;
    // What follows the marker: the last compared entity (the head of
    // "英伟达H100 GPU"), else a base period.
    for (size_t j = s.tokens.size(); j-- > k + 1;) {
      const Token& e = s.tokens[j];
      if (e.end > target.begin || !IsEntityLike(e) || !e.compared) continue;
      if (e.resolved.empty()) return Comparison{Comparison::kUnknown, ""};
      return Comparison{Comparison::kEntity, e.resolved};
    }
    if (!inside) return c;  // an earlier clause's marker only lends an entity
    // 较年初下降0.02个百分点: a change since the start of the year, not a
    // ratio against nothing.
    if (At(text, t.end, "年初")) return Comparison{Comparison::kPeriod, "ytd"};
    for (const PeriodMention& p : s.periods) {
      if (p.begin >= t.end && p.end <= target.begin && p.role == PeriodMention::Role::kBase) {
        // A period we cannot place is still a period: a change, base unknown
        // (较上年末下降 in an undated copy is no ratio against nothing).
        return Comparison{Comparison::kPeriod, BaseOf(p, s, ctx)};
      }
    }
    return Comparison{Comparison::kUnknown, ""};
  }
  // "与去年同期相比": a base period with no marker token before it.
  for (const PeriodMention& p : s.periods) {
    if (p.role == PeriodMention::Role::kBase && p.begin >= eff.begin && p.end <= target.begin &&
        !ClaimBetween(s, p.end, target.begin)) {
      std::string base = BaseOf(p, s, ctx);
      if (!base.empty()) c = Comparison{Comparison::kPeriod, base};
    }
  }
  if (c.what == Comparison::kNone) {
    if (std::string base = EnglishBaseAfter(text, s, target); !base.empty()) c = Comparison{Comparison::kPeriod, base};
  }
  return c;
}

}  // namespace

KindChoice FindKind(std::string_view text, const Sentence& s, size_t i, const Lexicon& lexicon,
                    const MetricChoice& metric, const PeriodContext& ctx,
                    const std::vector<KindChoice>& earlier) {
  const Target& target = s.targets[i];
  Range eff = EffectiveClause(s, target);
  Range own = MergedClause(s.clauses, ClauseAt(s.clauses, target.begin), true);
  bool relative = target.form != ValueForm::kOther;
  KindChoice out;

  // The change verb nearest before the number, else (below) the word itself
  // or a verb right after a multiple.
  const Token* verb = nullptr;
  bool verbs = s.has_any(Cue::kUp, Cue::kDown);
  for (size_t k = verbs ? s.tokens.size() : 0; k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end > target.begin || t.begin < eff.begin) continue;
    if (IsVerb(t) && VerbReaches(text, t, target.begin) && !ClaimBetween(s, t.end, target.begin)) verb = &t;
    if (IsVerb(t) || t.is_cue(Cue::kCompare)) break;
  }
  // 翻番, 翻了两番, 减半: the word is its own verb, a change up or down.
  std::string_view surface = text.substr(target.begin, target.end - target.begin);
  bool doubling = target.form == ValueForm::kMultiple && surface.find("翻") != std::string_view::npos;
  bool halving = surface.ends_with("减半");
  // A multiple's verb may follow it ("30倍性能提升"), but only in its own
  // piece: in "营收翻了两番，成本下降20%" (or "、营收下降两成") the 下降 is
  // the other figure's.
  if (!verb && verbs && !doubling && !halving && target.form == ValueForm::kMultiple) {
    uint32_t piece_end = s.clauses[ClauseAt(s.clauses, target.begin)].end;
    for (const Token& t : s.tokens) {
      if (t.begin >= target.end && t.begin <= target.end + 15 && t.end <= piece_end && IsVerb(t)) {
        verb = &t;
        break;
      }
    }
  }
  bool amplitude = verb && text.substr(verb->begin, verb->end - verb->begin).find("幅") != std::string_view::npos;
  size_t after_verb = verb ? verb->end + (At(text, verb->end, "了") ? 3 : 0) : 0;
  bool verb_to = verb && !amplitude && verb->end <= target.begin && AtAny(text, after_verb, {"至", "到"});
  Direction dir = !verb || verb_to ? Direction::kNone : verb->is_cue(Cue::kUp) ? Direction::kUp : Direction::kDown;
  if (!verb && (doubling || halving)) dir = doubling ? Direction::kUp : Direction::kDown;

  Comparison cmp = FindComparison(text, s, target, eff, ctx);

  // "是/为/到 <E>的 N": MarkEntityRoles marked E compared; find it before 的.
  bool is_of = false;
  std::string is_of_entity;
  {
    size_t p = target.begin;
    while (p > eff.begin && text[p - 1] == ' ') --p;
    p -= EndsAtAny(text, p, {"大约", "将近", "约", "近"});
    if (relative && EndsAt(text, p, "的")) {
      for (size_t k = s.tokens.size(); k-- > 0;) {
        const Token& t = s.tokens[k];
        if (t.end > p - 3 || t.begin < eff.begin) continue;
        if (t.is_cue(Cue::kShare) || t.is_cue(Cue::kShareOf)) break;
        if (IsEntityLike(t) && t.compared && is_of_entity.empty() && (t.end == p - 3 || t.end + 1 == p - 3)) {
          is_of_entity = t.resolved;
        }
        if (t.is_cue(Cue::kIs) || t.is_cue(Cue::kReach) || IsVerb(t)) { is_of = true; break; }
      }
    }
  }

  // Share signals.
  bool share = false;
  bool share_cues = s.has_any(Cue::kShare, Cue::kShareOf, Cue::kContribute, Cue::kThisRatio, Cue::kFrom);
  for (size_t k = 0; share_cues && k < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    bool before = t.begin >= eff.begin && t.end <= target.begin && !ClaimBetween(s, t.end, target.begin);
    if (before && (t.is_cue(Cue::kShare) || t.is_cue(Cue::kShareOf) || t.is_cue(Cue::kContribute) ||
                   t.is_cue(Cue::kThisRatio))) {
      share = true;
    }
    if (t.is_cue(Cue::kFrom) && t.begin >= target.end && t.end <= own.end && !ClaimBetween(s, target.end, t.begin)) {
      share = true;
      out.from_supplier = NamesSupplier(text, s, t);
    }
  }
  if (metric.found()) {
    const MetricInfo& m = lexicon.metric(metric.metric);
    if (m.id.ends_with("_share")) share = true;
    if (metric.after && !m.share_metric.empty() &&
        (target.form == ValueForm::kFraction || target.form == ValueForm::kPercent)) {
      share = true;
    }
  }

  // 分别增长34.4%和35.5%, 下降2.1%、3.5%和1.2%: a figure listed right after
  // one of the same form is read the same way; the verb stands before the
  // first only.
  if (i > 0 && s.targets[i - 1].form == target.form && s.targets[i - 1].end <= target.begin) {
    if (IsListJoiner(text.substr(s.targets[i - 1].end, target.begin - s.targets[i - 1].end))) return earlier[i - 1];
  }

  auto inherited_ratio = [&]() -> const KindChoice* {
    if (i == 0 || earlier[i - 1].kind != Kind::kRatio || earlier[i - 1].base_entity.empty()) return nullptr;
    for (const Token& t : s.tokens) {
      if (t.begin >= s.targets[i - 1].end && t.end <= target.begin && t.is(LexEntry::Table::kEntity) && !t.compared) {
        return nullptr;
      }
    }
    return &earlier[i - 1];
  };

  if (!relative) {
    // An amount is a change only with a unit ("增加了10亿美元", not "提高数万亿
    // 参数的性能") and with the verb in its own piece ("速度太慢,只有3 QPS").
    bool unit = !target.dimension.empty() && target.dimension != "number";
    if (unit && verb && !verb_to && verb->end <= target.begin && target.begin - after_verb <= 9 &&
        ClauseAt(s.clauses, verb->end) == ClauseAt(s.clauses, target.begin)) {
      out.kind = Kind::kChange;
      out.direction = dir;
      if (cmp.what == Comparison::kPeriod) out.base = cmp.value;
    }
    return out;
  }
  if (cmp.what == Comparison::kEntity) {
    out.kind = Kind::kRatio;
    out.direction = dir;
    out.base_entity = cmp.value;
  } else if (cmp.what == Comparison::kPeriod) {
    out.kind = Kind::kChange;
    out.direction = dir;
    out.base = cmp.value;
  } else if (share) {
    out.kind = Kind::kShare;
  } else if (is_of) {
    out.kind = Kind::kRatio;
    out.base_entity = is_of_entity;
  } else if (cmp.what == Comparison::kUnknown) {
    out.kind = Kind::kRatio;
    out.direction = dir;
  } else if ((verb && !verb_to) || doubling || halving) {
    if (const KindChoice* prev = inherited_ratio()) {
      out.kind = Kind::kRatio;
      out.base_entity = prev->base_entity;
    } else {
      out.kind = Kind::kChange;
      for (const PeriodMention& p : s.periods) {
        if (p.role == PeriodMention::Role::kSince && p.end <= target.begin) out.base = ResolvePeriod(p, ctx);
      }
    }
    out.direction = dir;
  } else if (target.form == ValueForm::kFraction || target.form == ValueForm::kMultiple) {
    out.kind = Kind::kRatio;
    if (const KindChoice* prev = inherited_ratio()) out.base_entity = prev->base_entity;
  }
  return out;
}

}  // namespace claims::context
