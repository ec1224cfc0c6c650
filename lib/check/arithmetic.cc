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
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

bool Finite(const Range<Rational>& r) { return !r.lo_inf && !r.hi_inf; }

std::string CanonicalPeriod(std::string_view p) {
  Period parsed = ParsePeriod(p);
  return parsed.ok ? PeriodString(parsed) : "";
}

uint64_t LevelHash(const CheckClaim& c, std::string_view scope, std::string_view period) {
  return Mix(Mix(Mix(HashText(c.fields->entity), HashText(c.fields->metric)), HashText(scope)), HashText(period));
}

// Levels of entity + metric + scope stated for one canonical period. The
// index is a sorted vector of key hashes (built once, shared by both rules);
// a lookup checks the fields, so hash collisions never mix levels.
std::vector<const Item*> FindLevels(Context& ctx, const CheckClaim& c, std::string_view scope,
                                    const std::string& period) {
  if (!ctx.levels_built) {
    ctx.levels_built = true;
    for (const Item& it : ctx.items) {
      const CheckClaim& l = it.c();
      if (!it.Known() || it.forecast || l.kind != Kind::kLevel || it.cls != l.fields->unit) continue;
      if (l.qualifier == Qualifier::kAtLeast || l.qualifier == Qualifier::kAtMost) continue;
      if (!it.period.ok) continue;
      ctx.levels.emplace_back(LevelHash(l, l.fields->scope, PeriodString(it.period)), &it);
    }
    std::sort(ctx.levels.begin(), ctx.levels.end());
  }
  std::vector<const Item*> out;
  uint64_t h = LevelHash(c, scope, period);
  auto it = std::lower_bound(ctx.levels.begin(), ctx.levels.end(), std::make_pair(h, (const Item*)nullptr));
  for (; it != ctx.levels.end() && it->first == h; ++it) {
    const CheckClaim& l = it->second->c();
    if (l.fields->entity == c.fields->entity && l.fields->metric == c.fields->metric && l.fields->scope == scope &&
        PeriodString(it->second->period) == period) {
      out.push_back(it->second);
    }
  }
  return out;
}

}  // namespace

namespace {

// The levels of one entity + metric + scope + period, in FindLevels order,
// with what change-mismatch asks of each computed once. Levels with equal
// range inputs form a class; only a class's first level is compared. That
// changes no answer: a pair of later members gives the same implied range
// as the pair of first members, which comes earlier, and ties go to the
// earliest pair.
struct LevelSet {
  std::vector<const Item*> items;
  std::vector<uint32_t> rep;     // index of the first item with the same range inputs
  std::vector<uint32_t> firsts;  // indices k with rep[k] == k, ascending
  // At first indices: the finite range, else nullopt; and whether lo > 0.
  std::vector<std::optional<Bounds>> bounds;
  std::vector<bool> positive;
  std::vector<std::pair<std::string_view, uint32_t>> by_article;  // (article hash, k), sorted
};

LevelSet MakeLevelSet(const Context& ctx, std::vector<const Item*> items) {
  LevelSet s;
  s.items = std::move(items);
  const uint32_t n = static_cast<uint32_t>(s.items.size());
  s.rep.resize(n);
  s.bounds.resize(n);
  s.positive.resize(n, false);
  std::vector<std::pair<uint64_t, uint32_t>> keyed(n);
  for (uint32_t k = 0; k < n; ++k) keyed[k] = {RangeInputsHash(*s.items[k]), k};
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint32_t> leaders;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && keyed[j].first == keyed[i].first) ++j;
    leaders.clear();
    for (size_t x = i; x < j; ++x) {  // ascending k within a run of equal hashes
      uint32_t k = keyed[x].second;
      s.rep[k] = k;
      for (uint32_t l : leaders) {
        if (SameRangeInputs(*s.items[l], *s.items[k])) { s.rep[k] = l; break; }
      }
      if (s.rep[k] == k) leaders.push_back(k);
    }
    i = j;
  }
  for (uint32_t k = 0; k < n; ++k) {
    s.by_article.emplace_back(s.items[k]->sc->article->hash, k);
    if (s.rep[k] != k) continue;
    s.firsts.push_back(k);
    auto r = CompareRange(*s.items[k], ctx.tol);
    if (!r || !Finite(*r)) continue;
    s.positive[k] = r->lo > 0;
    s.bounds[k] = MakeBounds(*r);
  }
  std::sort(s.by_article.begin(), s.by_article.end());
  return s;
}

}  // namespace

void CheckChangeMismatch(Context& ctx, std::vector<Finding>* out) {
  // Level sets by key, built on first use: a key is looked up by every
  // change of its entity, metric, scope and period.
  std::unordered_map<std::string, LevelSet> sets;
  auto levels = [&](const CheckClaim& c, const std::string& period) -> const LevelSet& {
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", c.fields->entity, c.fields->metric, c.fields->scope, period);
    auto found = sets.find(key);
    if (found == sets.end()) {
      LevelSet s = MakeLevelSet(ctx, FindLevels(ctx, c, c.fields->scope, period));
      found = sets.emplace(std::move(key), std::move(s)).first;
    }
    return found->second;  // unordered_map nodes stay put when it grows
  };
  // Stated ranges by range inputs: changes repeat the same few figures.
  std::unordered_map<uint64_t, std::vector<std::pair<const Item*, std::optional<Bounds>>>> stated_of;
  auto stated_bounds = [&](const Item& it) -> const std::optional<Bounds>& {
    auto& slot = stated_of[RangeInputsHash(it)];
    for (const auto& [other, b] : slot) {
      if (SameRangeInputs(*other, it)) return b;
    }
    auto r = CompareRange(it, ctx.tol);
    std::optional<Bounds> b;
    if (r && Finite(*r)) b = MakeBounds(*r);
    slot.emplace_back(&it, std::move(b));
    return slot.back().second;  // stable until the next lookup of this hash
  };
  std::vector<uint32_t> cur;
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    if (!it.Known() || c.kind != Kind::kChange || it.cls != "change") continue;
    const Period& p = it.period;
    Period prev = PreviousPeriod(p, c.fields->base);
    if (!p.ok || !prev.ok) continue;
    const LevelSet& cur_set = levels(c, PeriodString(p));
    const LevelSet& prev_set = levels(c, PeriodString(prev));
    if (cur_set.items.empty() || prev_set.items.empty()) continue;
    // Levels for P from the change's own article when it states any, else all.
    cur.clear();
    auto own = std::equal_range(cur_set.by_article.begin(), cur_set.by_article.end(),
                                std::make_pair(std::string_view(it.sc->article->hash), uint32_t{0}),
                                [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto o = own.first; o != own.second; ++o) {
      uint32_t rep = cur_set.rep[o->second];
      bool seen = false;
      for (uint32_t k : cur) seen = seen || cur_set.rep[k] == rep;
      if (!seen) cur.push_back(o->second);
    }
    if (cur.empty()) cur = cur_set.firsts;
    const std::optional<Bounds> stated = stated_bounds(it);
    if (!stated) continue;
    ++ctx.groups_compared;
    auto usable = [&](uint32_t ka, uint32_t kb) -> std::pair<const Bounds*, const Bounds*> {
      const Item* a = cur_set.items[ka];
      const Item* b = prev_set.items[kb];
      if (a->c().fields->unit != b->c().fields->unit) return {nullptr, nullptr};
      const auto& ra = cur_set.bounds[cur_set.rep[ka]];
      const auto& rb = prev_set.bounds[kb];
      if (!ra || !rb || !prev_set.positive[kb]) return {nullptr, nullptr};
      return {&*ra, &*rb};
    };
    // Most changes hold; doubles settle nearly every pair.
    bool holds = false;
    for (uint32_t ka : cur) {
      for (uint32_t kb : prev_set.firsts) {
        auto [ra, rb] = usable(ka, kb);
        if (ra && ImpliedChangeOverlaps(*ra, *rb, *stated)) { holds = true; break; }
      }
      if (holds) break;
    }
    if (holds) { ++ctx.consistent; continue; }
    // None holds: the closest pair, in exact rationals.
    const Item* best_cur = nullptr;
    const Item* best_prev = nullptr;
    Range<Rational> best_implied;
    Rational best_gap(-1);
    for (uint32_t ka : cur) {
      for (uint32_t kb : prev_set.firsts) {
        auto [ra, rb] = usable(ka, kb);
        if (!ra) continue;
        Range<Rational> implied = ImpliedChange(ra->exact, rb->exact);
        Rational gap = RelativeGap(implied, stated->exact);
        if (best_gap < 0 || gap < best_gap) {
          best_gap = gap;
          best_cur = cur_set.items[ka];
          best_prev = prev_set.items[kb];
          best_implied = implied;
        }
      }
    }
    if (!best_cur) { --ctx.groups_compared; continue; }
    Rational exact = best_cur->c().value_lo.ToRational() / best_prev->c().value_lo.ToRational() - 1;
    std::string msg = fmt::format(
        "{} {}: {} over {} is a change of {} ({} allowing for rounding), but {} says {} {}",
        c.fields->entity, c.fields->MetricName(), Quote(*best_cur->sc),
        Quote(*best_prev->sc), FormatValue(exact, "change", ""),
        FormatRange(best_implied, "change", ""), Quote(*it.sc), c.fields->base,
        FormatRange(stated->exact, "change", ""));
    Severity sev = best_gap < Rational(5, 100) ? Severity::kInfo : Severity::kWarning;
    Finding f = MakeFinding("change-mismatch", sev, std::move(msg), {&it, best_cur, best_prev});
    f.expected = FormatValue(exact, "change", "");
    f.details["implied_change"] = DecimalText(exact * 100, 2) + "%";
    f.details["stated_change"] = FormatRange(stated->exact, "change", "");
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
      const CheckClaim& s = share->c();
      const CheckClaim& pc = part->c();
      if (s.kind != Kind::kShare || share->cls != "fraction" || !s.fields->base_entity.empty()) continue;
      if (!part->Known() || pc.kind != Kind::kLevel || part->cls != pc.fields->unit) continue;
      if (pc.fields->scope.empty() || (!s.fields->entity.empty() && s.fields->entity != pc.fields->entity)) continue;
      std::string period = CanonicalPeriod(pc.fields->period);
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
        if (t->c().fields->unit != pc.fields->unit) continue;
        auto rt = CompareRange(*t, ctx.tol);
        if (!rt || !Finite(*rt)) continue;
        if (Overlaps(*rt, implied)) { agrees = true; break; }
        if (!worst) { worst = t; worst_range = *rt; }
      }
      if (agrees || !worst) { ++ctx.consistent; continue; }
      Rational mid = pc.value_lo.ToRational() / s.value_lo.ToRational() * 100;
      if (s.fields->unit != "%") mid = pc.value_lo.ToRational() / s.value_lo.ToRational();
      Rational gap = RelativeGap(implied, worst_range);
      std::string msg = fmt::format(
          "{} {} ({}): {} being {} of the total implies a total of about {} ({}), but {} "
          "states the total",
          pc.fields->entity, pc.fields->MetricName(), period, Quote(*part->sc),
          Quote(*share->sc), FormatValue(mid, pc.fields->unit, pc.fields->unit),
          FormatRange(implied, pc.fields->unit, pc.fields->unit), Quote(*worst->sc));
      Severity sev = gap < Rational(5, 100) ? Severity::kInfo : Severity::kWarning;
      Finding f = MakeFinding("share-total-mismatch", sev, std::move(msg), {part, share, worst});
      f.expected = FormatValue(mid, pc.fields->unit, pc.fields->unit);
      f.details["implied_total"] = FormatRange(implied, pc.fields->unit, pc.fields->unit);
      f.details["stated_total"] = FormatRange(worst_range, pc.fields->unit, pc.fields->unit);
      out->push_back(std::move(f));
    }
  }
}

}  // namespace claims::check::internal

namespace claims::check::internal {

// share-sum-over-100: shares of one market (market_share with the same scope
// and period, one figure per entity) whose lower bounds add up to more than
// the whole. Without a period, only the figures of one article are summed:
// an article listing the players of a market speaks of one market and one
// time, while two articles' "中国" may be different markets or years. Each
// entity counts with its lowest figure, so only a sum that no reading of
// the figures can bring down to 100% is flagged. Grouped by key, never by
// pairs; doubles pick each entity's lowest figure, rationals decide.
void CheckShareSum(Context& ctx, std::vector<Finding>* out) {
  struct Share {
    const Item* item;
    double lo;
  };
  std::vector<Share> shares;
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    if (!it.Known() || it.forecast || c.fields->metric != "market_share" || it.cls != "fraction") continue;
    if (c.fields->scope.empty() || !c.fields->base_entity.empty()) continue;
    auto d = CompareRangeD(it, ctx.tol_d);
    if (!d || d->lo_inf) continue;
    shares.push_back({&it, d->lo});
  }
  auto fields = [&ctx](const Share& s) {
    const CheckClaim& c = s.item->c();
    uint32_t article = c.fields->period.empty() ? ArticleOf(ctx, s.item->sc) : UINT32_MAX;
    return std::make_tuple(std::string_view(c.fields->scope), std::string_view(c.fields->period), article);
  };
  auto hash = [&](const Share& s) {
    auto [scope, period, article] = fields(s);
    return Mix(Mix(HashText(scope), HashText(period)), article);
  };
  auto eq = [&](const Share& a, const Share& b) { return fields(a) == fields(b); };
  ForEachGroup<Share>(shares, hash, eq, [&](std::span<const Share> group) {
    // Each entity's lowest figure: doubles order them, exact bounds break
    // near ties.
    std::map<std::string_view, std::pair<const Item*, Rational>> lowest;
    std::map<std::string_view, double> lowest_d;
    for (const Share& s : group) {
      std::string_view entity = s.item->c().fields->entity;
      auto d = lowest_d.find(entity);
      if (d != lowest_d.end() && s.lo > d->second + 1e-9 * (1 + std::fabs(d->second))) continue;
      Rational lo = CompareRange(*s.item, ctx.tol)->lo;
      auto [slot, fresh] = lowest.try_emplace(entity, s.item, lo);
      if (!fresh && lo < slot->second.second) slot->second = {s.item, lo};
      lowest_d[entity] = fresh ? s.lo : std::min(d->second, s.lo);
    }
    if (lowest.size() < 2) return;
    ++ctx.groups_compared;
    Rational sum(0);
    for (const auto& [entity, low] : lowest) sum += low.second;
    if (!(sum > 1)) { ++ctx.consistent; return; }
    std::vector<std::pair<std::string_view, std::pair<const Item*, Rational>>> parts(lowest.begin(), lowest.end());
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.second.second > b.second.second; });
    const CheckClaim& first = parts[0].second.first->c();
    std::string subject = fmt::format("{} [{}]", first.fields->MetricName(),
                                      first.fields->scope);
    if (!first.fields->period.empty()) subject += fmt::format(" ({})", first.fields->period);
    std::string listed;
    Finding f;
    f.rule = "share-sum-over-100";
    f.severity = Severity::kWarning;
    for (const auto& [entity, low] : parts) {
      listed += fmt::format("{}{} {} (at least {})", listed.empty() ? "" : ", ", entity,
                            Quote(*low.first->sc), FormatValue(low.second, "fraction", ""));
      f.claim_refs.push_back(low.first->sc);
    }
    f.message = fmt::format("{}: {} add up to at least {}: the shares of one market cannot exceed 100%",
                            subject, listed, FormatValue(sum, "fraction", ""));
    f.details["sum_at_least"] = FormatValue(sum, "fraction", "");
    f.details["entities"] = std::to_string(parts.size());
    out->push_back(std::move(f));
  });
}

}  // namespace claims::check::internal
