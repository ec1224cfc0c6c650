// Arithmetic rules: stated figures that other stated figures reproduce, or
// not. Interval arithmetic on rounding-aware ranges, so "60.5亿 is +2% over
// 59.31亿" holds (60.45/59.315 - 1 .. 60.55/59.305 - 1 covers [1.5%, 2.5%]).
//
// change-mismatch: a change with base qoq/yoy and a period P, against the
// levels of the same entity + metric + scope + unit stated for P and for the
// period before (P-1 quarter, or P-1 year). Levels from the change's own
// article are preferred for P.
//
// share-total-mismatch: "40亿美元, 占总收入22.4%" — a part (a level with a
// scope, right before the share in the sentence) divided by its share
// implies a total; compare with the stated total (same entity, metric and
// period, no scope).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

bool Finite(const Range<Rational>& r) { return !r.lo_inf && !r.hi_inf; }

std::string CanonicalPeriod(const std::string& p) {
  Period parsed = ParsePeriod(p);
  return parsed.ok ? PeriodString(parsed) : "";
}

using LevelIndex = std::map<std::string, std::vector<const Item*>>;  // key|period -> levels

std::string LevelKey(const Claim& c, const std::string& period) {
  return c.entity + '\x1f' + c.metric + '\x1f' + c.scope + '\x1f' + period;
}

LevelIndex IndexLevels(const Context& ctx) {
  LevelIndex index;
  for (const Item& it : ctx.items) {
    const Claim& c = it.c();
    if (!it.Known() || it.forecast || c.kind != Kind::kLevel || CompareClass(c) != c.unit) continue;
    if (c.qualifier == Qualifier::kAtLeast || c.qualifier == Qualifier::kAtMost) continue;
    std::string p = CanonicalPeriod(c.period);
    if (p.empty()) continue;
    index[LevelKey(c, p)].push_back(&it);
  }
  return index;
}

}  // namespace

void CheckChangeMismatch(Context& ctx, std::vector<Finding>* out) {
  LevelIndex levels = IndexLevels(ctx);
  for (const Item& it : ctx.items) {
    const Claim& c = it.c();
    if (!it.Known() || c.kind != Kind::kChange || CompareClass(c) != "change") continue;
    Period p = ParsePeriod(c.period);
    Period prev = PreviousPeriod(p, c.base);
    if (!p.ok || !prev.ok) continue;
    auto cur_it = levels.find(LevelKey(c, PeriodString(p)));
    auto prev_it = levels.find(LevelKey(c, PeriodString(prev)));
    if (cur_it == levels.end() || prev_it == levels.end()) continue;
    std::vector<const Item*> cur;
    for (const Item* l : cur_it->second) {
      if (l->sc->article_hash == it.sc->article_hash) cur.push_back(l);
    }
    if (cur.empty()) cur = cur_it->second;
    auto stated = CompareRange(c, ctx.tol);
    if (!stated || !Finite(*stated)) continue;
    ++ctx.groups_compared;
    bool holds = false;
    const Item* best_cur = nullptr;
    const Item* best_prev = nullptr;
    Range<Rational> best_implied;
    Rational best_gap(-1);
    for (const Item* a : cur) {
      for (const Item* b : prev_it->second) {
        if (a->c().unit != b->c().unit) continue;
        auto ra = CompareRange(a->c(), ctx.tol);
        auto rb = CompareRange(b->c(), ctx.tol);
        if (!ra || !rb || !Finite(*ra) || !Finite(*rb) || rb->lo <= 0) continue;
        Range<Rational> implied;
        implied.lo = ra->lo / rb->hi - 1;
        implied.hi = ra->hi / rb->lo - 1;
        if (Overlaps(implied, *stated)) { holds = true; break; }
        Rational gap = RelativeGap(implied, *stated);
        if (best_gap < 0 || gap < best_gap) {
          best_gap = gap;
          best_cur = a;
          best_prev = b;
          best_implied = implied;
        }
      }
      if (holds) break;
    }
    if (holds) { ++ctx.consistent; continue; }
    if (!best_cur) { --ctx.groups_compared; continue; }
    Rational exact = best_cur->c().value_lo.ToRational() / best_prev->c().value_lo.ToRational() - 1;
    std::string msg = fmt::format(
        "{} {}: {} over {} is a change of {} ({} allowing for rounding), but {} says {} {}",
        c.entity, c.metric_word.empty() ? c.metric : c.metric_word, Quote(*best_cur->sc),
        Quote(*best_prev->sc), FormatValue(exact, "change", ""),
        FormatRange(best_implied, "change", ""), Quote(*it.sc), c.base,
        FormatRange(*stated, "change", ""));
    Severity sev = best_gap < Rational(5, 100) ? Severity::kInfo : Severity::kWarning;
    Finding f = MakeFinding("change-mismatch", sev, std::move(msg), {&it, best_cur, best_prev});
    f.expected = FormatValue(exact, "change", "");
    f.details["implied_change"] = DecimalText(exact * 100, 2) + "%";
    f.details["stated_change"] = FormatRange(*stated, "change", "");
    f.details["period"] = PeriodString(p);
    f.details["previous_period"] = PeriodString(prev);
    out->push_back(std::move(f));
  }
}

void CheckShareTotal(Context& ctx, std::vector<Finding>* out) {
  LevelIndex levels = IndexLevels(ctx);
  // Items of one sentence, in order, to find the part right before a share.
  std::map<std::string_view, std::vector<const Item*>> by_sentence;
  for (const Item& it : ctx.items) {
    if (!it.c().sentence.empty()) by_sentence[it.c().sentence].push_back(&it);
  }
  for (auto& [sentence, items] : by_sentence) {
    std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
      return OffsetInSentence(a->c()) < OffsetInSentence(b->c());
    });
    for (size_t k = 1; k < items.size(); ++k) {
      const Item* share = items[k];
      const Item* part = items[k - 1];
      const Claim& s = share->c();
      const Claim& pc = part->c();
      if (s.kind != Kind::kShare || CompareClass(s) != "fraction" || !s.base_entity.empty()) continue;
      if (!part->Known() || pc.kind != Kind::kLevel || CompareClass(pc) != pc.unit) continue;
      if (pc.scope.empty() || (!s.entity.empty() && s.entity != pc.entity)) continue;
      std::string period = CanonicalPeriod(pc.period);
      if (period.empty()) continue;
      Claim total_key = pc;
      total_key.scope.clear();
      auto totals = levels.find(LevelKey(total_key, period));
      if (totals == levels.end()) continue;
      auto rs = CompareRange(s, ctx.tol);
      auto rp = CompareRange(pc, ctx.tol);
      if (!rs || !rp || !Finite(*rs) || !Finite(*rp) || rs->lo <= 0) continue;
      Range<Rational> implied;
      implied.lo = rp->lo / rs->hi;
      implied.hi = rp->hi / rs->lo;
      ++ctx.groups_compared;
      const Item* worst = nullptr;
      Range<Rational> worst_range;
      bool agrees = false;
      for (const Item* t : totals->second) {
        if (t->c().unit != pc.unit) continue;
        auto rt = CompareRange(t->c(), ctx.tol);
        if (!rt || !Finite(*rt)) continue;
        if (Overlaps(*rt, implied)) { agrees = true; break; }
        if (!worst) { worst = t; worst_range = *rt; }
      }
      if (agrees || !worst) { ++ctx.consistent; continue; }
      Rational mid = pc.value_lo.ToRational() / s.value_lo.ToRational() * 100;
      if (s.unit != "%") mid = pc.value_lo.ToRational() / s.value_lo.ToRational();
      Rational gap = RelativeGap(implied, worst_range);
      std::string msg = fmt::format(
          "{} {} ({}): {} being {} of the total implies a total of about {} ({}), but {} "
          "states the total",
          pc.entity, pc.metric_word.empty() ? pc.metric : pc.metric_word, period, Quote(*part->sc),
          Quote(*share->sc), FormatValue(mid, pc.unit, pc.unit),
          FormatRange(implied, pc.unit, pc.unit), Quote(*worst->sc));
      Severity sev = gap < Rational(5, 100) ? Severity::kInfo : Severity::kWarning;
      Finding f = MakeFinding("share-total-mismatch", sev, std::move(msg), {part, share, worst});
      f.expected = FormatValue(mid, pc.unit, pc.unit);
      f.details["implied_total"] = FormatRange(implied, pc.unit, pc.unit);
      f.details["stated_total"] = FormatRange(worst_range, pc.unit, pc.unit);
      out->push_back(std::move(f));
    }
  }
}

}  // namespace claims::check::internal
