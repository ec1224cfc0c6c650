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
#include <unordered_map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

bool Finite(const Range<Rational>& r) { return !r.lo_inf && !r.hi_inf; }

std::string CanonicalPeriod(const std::string& p) {
  Period parsed = ParsePeriod(p);
  return parsed.ok ? PeriodString(parsed) : "";
}

uint64_t LevelHash(const Claim& c, std::string_view scope, std::string_view period) {
  return Mix(Mix(Mix(HashText(c.entity), HashText(c.metric)), HashText(scope)), HashText(period));
}

// Levels of entity + metric + scope stated for one canonical period. The
// index is a sorted vector of key hashes (built once, shared by both rules);
// a lookup checks the fields, so hash collisions never mix levels.
std::vector<const Item*> FindLevels(Context& ctx, const Claim& c, std::string_view scope,
                                    const std::string& period) {
  if (!ctx.levels_built) {
    ctx.levels_built = true;
    for (const Item& it : ctx.items) {
      const Claim& l = it.c();
      if (!it.Known() || it.forecast || l.kind != Kind::kLevel || it.cls != l.unit) continue;
      if (l.qualifier == Qualifier::kAtLeast || l.qualifier == Qualifier::kAtMost) continue;
      if (!it.period.ok) continue;
      ctx.levels.emplace_back(LevelHash(l, l.scope, PeriodString(it.period)), &it);
    }
    std::sort(ctx.levels.begin(), ctx.levels.end());
  }
  std::vector<const Item*> out;
  uint64_t h = LevelHash(c, scope, period);
  auto it = std::lower_bound(ctx.levels.begin(), ctx.levels.end(), std::make_pair(h, (const Item*)nullptr));
  for (; it != ctx.levels.end() && it->first == h; ++it) {
    const Claim& l = it->second->c();
    if (l.entity == c.entity && l.metric == c.metric && l.scope == scope &&
        PeriodString(it->second->period) == period) {
      out.push_back(it->second);
    }
  }
  return out;
}

}  // namespace

void CheckChangeMismatch(Context& ctx, std::vector<Finding>* out) {
  for (const Item& it : ctx.items) {
    const Claim& c = it.c();
    if (!it.Known() || c.kind != Kind::kChange || it.cls != "change") continue;
    const Period& p = it.period;
    Period prev = PreviousPeriod(p, c.base);
    if (!p.ok || !prev.ok) continue;
    std::vector<const Item*> cur_all = FindLevels(ctx, c, c.scope, PeriodString(p));
    std::vector<const Item*> prev_all = FindLevels(ctx, c, c.scope, PeriodString(prev));
    if (cur_all.empty() || prev_all.empty()) continue;
    std::vector<const Item*> cur;
    for (const Item* l : cur_all) {
      if (l->sc->article_hash == it.sc->article_hash) cur.push_back(l);
    }
    if (cur.empty()) cur = cur_all;
    auto stated = CompareRange(it, ctx.tol);
    if (!stated || !Finite(*stated)) continue;
    ++ctx.groups_compared;
    bool holds = false;
    const Item* best_cur = nullptr;
    const Item* best_prev = nullptr;
    Range<Rational> best_implied;
    Rational best_gap(-1);
    for (const Item* a : cur) {
      for (const Item* b : prev_all) {
        if (a->c().unit != b->c().unit) continue;
        auto ra = CompareRange(*a, ctx.tol);
        auto rb = CompareRange(*b, ctx.tol);
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
  // Items of one sentence, in order, to find the part right before a share.
  for (std::span<const Item* const> items : ctx.sentences) {
    for (size_t k = 1; k < items.size(); ++k) {
      const Item* share = items[k];
      const Item* part = items[k - 1];
      const Claim& s = share->c();
      const Claim& pc = part->c();
      if (s.kind != Kind::kShare || share->cls != "fraction" || !s.base_entity.empty()) continue;
      if (!part->Known() || pc.kind != Kind::kLevel || part->cls != pc.unit) continue;
      if (pc.scope.empty() || (!s.entity.empty() && s.entity != pc.entity)) continue;
      std::string period = CanonicalPeriod(pc.period);
      if (period.empty()) continue;
      std::vector<const Item*> totals = FindLevels(ctx, pc, "", period);
      if (totals.empty()) continue;
      auto rs = CompareRange(*share, ctx.tol);
      auto rp = CompareRange(*part, ctx.tol);
      if (!rs || !rp || !Finite(*rs) || !Finite(*rp) || rs->lo <= 0) continue;
      Range<Rational> implied;
      implied.lo = rp->lo / rs->hi;
      implied.hi = rp->hi / rs->lo;
      ++ctx.groups_compared;
      const Item* worst = nullptr;
      Range<Rational> worst_range;
      bool agrees = false;
      for (const Item* t : totals) {
        if (t->c().unit != pc.unit) continue;
        auto rt = CompareRange(*t, ctx.tol);
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
