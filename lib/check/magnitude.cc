// magnitude-slip: a level 10^k away from every other level of its entity +
// metric + scope + unit is the signature of a dropped digit, a moved decimal
// point or a 万/亿 slip. Flows (revenue, profit …) are put on one footing
// first: a value is divided by the months it covers and shown per quarter, so
// a three-quarter total compares with one quarter; a flow whose span is
// unknown may cover 1 to 12 months, and only a gap beyond all of those counts.
//
// Cost: items sorted by their lower bound; each item looks only at the items
// whose ranges reach within ×9 of its own (binary search), and stops at the
// first eligible neighbour. An outlier is reported when the figure nearest to
// it has company (a cluster it is off from), or when the two share their
// digits (59.31 vs 5.931); figures merely spread out are left alone.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

constexpr double kSlip = 9.0;     // "10×" with room for rounding and growth
constexpr double kCluster = 3.0;  // figures within ×3 agree in magnitude

struct Point {
  const Item* item;
  double lo, hi;  // per-quarter rate (flows) or value
  int months;     // 0: unknown span (flows) or not a flow
  int year;
  std::string entity;  // the claim's, or its article's main subject
  bool inferred = false;
};

// An article's main subject: the entity of a clear majority of its claims
// (at least 3). Used only when a claim's own entity is unknown, and only by
// this rule, where a tenfold gap is needed before anything is said.
std::unordered_map<std::string_view, std::string_view> MainSubjects(const Context& ctx) {
  // Articles that need one: those with a claim that has a metric but no entity.
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, int>> counts;
  for (const Item& it : ctx.items) {
    if (it.c().fields->entity.empty() && !it.c().fields->metric.empty()) counts[it.sc->article->hash];
  }
  if (counts.empty()) return {};
  std::unordered_map<std::string_view, int> totals;
  for (const CheckClaim* sc : ctx.copy_storage) {
    if (sc->fields->entity.empty()) continue;
    auto c = counts.find(sc->article->hash);
    if (c == counts.end()) continue;
    ++c->second[sc->fields->entity];
    ++totals[sc->article->hash];
  }
  std::unordered_map<std::string_view, std::string_view> out;
  for (const auto& [hash, by_entity] : counts) {
    for (const auto& [entity, n] : by_entity) {
      if (n >= 3 && n * 5 >= totals[hash] * 3) out[hash] = entity;
    }
  }
  return out;
}

// "单个门店平均季度收入约为90万元", "人均年薪": a figure per store, per person
// or per car is not the company's total, and is thousands of times smaller
// by nature.
bool PerUnit(std::string_view clause) {
  return ContainsAny(clause, {"平均", "人均", "户均", "店均", "单店", "单个", "单家", "单车",
                              "单台", "每家", "每个", "每人", "每台", "每辆", "均价"});
}

Rational Mid(const CheckClaim& c) { return (c.value_lo.ToRational() + c.value_hi.ToRational()) / 2; }

double Ratio(const Point& a, const Point& b) {
  if (a.hi < b.lo) return b.lo / a.hi;
  if (b.hi < a.lo) return a.lo / b.hi;
  return 1.0;
}

bool Eligible(const Point& a, const Point& b) {
  if (a.item == b.item) return false;
  if (!a.item->c().sentence.empty() && a.item->c().sentence == b.item->c().sentence) return false;
  // Levels years apart may legitimately differ tenfold (growth).
  if (a.year && b.year && std::abs(a.year - b.year) > 2) return false;
  return true;
}

std::string Describe(const Point& p, bool flow) {
  const CheckClaim& c = p.item->c();
  std::string out = Quote(*p.item->sc);
  std::vector<std::string> notes;
  if (!c.fields->period.empty()) notes.push_back(std::string(c.fields->period));
  if (flow) {
    if (p.months > 0 && p.months != 3) {
      Rational rate = Mid(c) * 3 / p.months;
      notes.push_back(fmt::format("{} months → {} per quarter", p.months,
                                  FormatValue(rate, c.fields->unit, c.fields->unit)));
    } else if (p.months == 0) {
      notes.push_back("span unknown");
    }
  }
  if (!notes.empty()) {
    out += " [";
    for (size_t i = 0; i < notes.size(); ++i) out += (i ? ", " : "") + notes[i];
    out += "]";
  }
  return out;
}

bool SameDigits(const CheckClaim& a, const CheckClaim& b) {
  auto digits = [](const CompactDecimal& d) {
    std::string s = d.Get().coefficient().str();
    if (!s.empty() && s[0] == '-') s.erase(0, 1);
    return s;
  };
  return digits(a.value_lo) == digits(b.value_lo);
}

void CheckGroup(Context& ctx, std::vector<Point>& pts, bool flow, std::vector<Finding>* out) {
  std::sort(pts.begin(), pts.end(), [](const Point& a, const Point& b) {
    return std::tie(a.lo, a.hi) < std::tie(b.lo, b.hi);
  });
  std::vector<double> los;
  los.reserve(pts.size());
  for (const Point& p : pts) los.push_back(p.lo);
  const double max_width = flow ? 12.0 : 1.0;  // widest range a point may have
  std::vector<size_t> outliers;
  bool compared = false;
  for (size_t i = 0; i < pts.size(); ++i) {
    const Point& x = pts[i];
    double from = x.lo / kSlip / max_width / 1.0001, to = x.hi * kSlip;
    auto it = std::lower_bound(los.begin(), los.end(), from);
    bool has_other = false, near = false;
    for (size_t k = it - los.begin(); k < pts.size() && pts[k].lo <= to; ++k) {
      if (!Eligible(x, pts[k])) continue;
      has_other = true;
      if (Ratio(x, pts[k]) < kSlip) { near = true; break; }
    }
    if (!has_other) {
      for (const Point& p : pts) if (Eligible(x, p)) { has_other = true; break; }
    }
    if (!has_other) continue;
    compared = true;
    if (!near) outliers.push_back(i);
  }
  if (!compared) return;
  ++ctx.groups_compared;
  if (outliers.empty()) { ++ctx.consistent; return; }
  // Two figures far apart are one disagreement, not two.
  if (outliers.size() == 2 && pts.size() == 2) outliers.pop_back();
  std::vector<bool> is_outlier(pts.size(), false);
  for (size_t i : outliers) is_outlier[i] = true;
  for (size_t i : outliers) {
    const Point& x = pts[i];
    // Compare with the nearest figure that is not itself an outlier.
    const Point* nearest = nullptr;
    double best = HUGE_VAL;
    int cluster = 0;  // eligible figures that are not outliers: what x is off from
    for (int pass = 0; pass < 2 && !nearest; ++pass) {
      for (size_t k = 0; k < pts.size(); ++k) {
        if (!Eligible(x, pts[k]) || (pass == 0 && is_outlier[k])) continue;
        double r = Ratio(x, pts[k]);
        if (r < best) { best = r; nearest = &pts[k]; }
        if (pass == 0) ++cluster;
      }
    }
    if (!nearest) continue;
    const CheckClaim& cx = x.item->c();
    const CheckClaim& cn = nearest->item->c();
    bool digits = SameDigits(cx, cn);
    // Figures spread over orders of magnitude with no cluster are just
    // spread out (a metric over many years); only a pair may stand alone.
    if (cluster < 2 && !digits && pts.size() > 2) continue;
    Severity sev = (cluster >= 2 || digits) ? Severity::kWarning : Severity::kInfo;
    // Exact ratio on the reported pair, on the same footing as the search.
    Rational vx = Mid(cx), vn = Mid(cn);
    if (flow && x.months > 0) vx = vx * 3 / x.months;
    if (flow && nearest->months > 0) vn = vn * 3 / nearest->months;
    Rational ratio = vx > vn ? vx / vn : vn / vx;
    std::string subject = fmt::format("{} {}", x.entity, cx.fields->MetricName());
    if (!cx.fields->scope.empty()) subject += fmt::format(" [{}]", cx.fields->scope);
    std::string msg = fmt::format(
        "{}: {} is {} away from the nearest other figure {}{}{}", subject, Describe(x, flow),
        FormatRatio(ratio), Describe(*nearest, flow),
        cluster >= 2 ? fmt::format(" (and {} more figure{} of that size)", cluster - 1,
                                   cluster == 2 ? "" : "s")
                     : "",
        digits ? "; same digits, so a decimal point or 万/亿 slipped" : "; a digit may be missing");
    if (flow && (x.months == 0 || nearest->months == 0)) {
      msg += fmt::format("; even allowing 1–12 months for the unknown span they are at least {} apart",
                         FormatRatio(Rational(static_cast<int64_t>(std::floor(best)))));
    }
    if (x.inferred || nearest->inferred) {
      msg += fmt::format("; {} is the subject of its article, the sentence does not name it", x.entity);
    }
    Finding f = MakeFinding("magnitude-slip", sev, std::move(msg), {x.item, nearest->item});
    f.expected = FormatValue(vn, cn.fields->unit, cn.fields->unit);
    f.details["ratio"] = DecimalText(ratio, 2);
    f.details["cluster_size"] = std::to_string(std::max(cluster, 1));
    if (flow) {
      f.details["per_quarter_a"] = FormatValue(vx, cx.fields->unit, cx.fields->unit);
      f.details["per_quarter_b"] = FormatValue(vn, cn.fields->unit, cn.fields->unit);
    }
    out->push_back(std::move(f));
  }
}

}  // namespace

void CheckMagnitudeSlip(Context& ctx, std::vector<Finding>* out) {
  std::vector<Point> points;
  std::unordered_map<std::string_view, std::string_view> subjects = MainSubjects(ctx);
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    std::string entity(c.fields->entity);
    bool inferred = false;
    if (entity.empty() && !c.fields->metric.empty()) {
      auto s = subjects.find(it.sc->article->hash);
      if (s != subjects.end()) { entity = std::string(s->second); inferred = true; }
    }
    if (entity.empty() || c.fields->metric.empty()) continue;
    if (it.forecast || c.kind != Kind::kLevel || c.fields->unit.empty()) continue;
    if (it.cls != c.fields->unit || c.fields->dimension == "percent" || c.fields->dimension == "duration") continue;
    if (c.value_lo.sign() <= 0 || c.qualifier == Qualifier::kAtMost) continue;
    if (PerUnit(it.clause)) continue;
    double mid = (ToD(c.value_lo) + ToD(c.value_hi)) / 2;
    // The year the figure is about: its period's, else its dated article's.
    int year = it.period.year ? it.period.year : (c.fields->period.empty() ? it.article_year : 0);
    Point p{&it, mid, mid, 0, year, entity, inferred};
    if (IsFlowMetric(c.fields->metric)) {
      p.months = DurationMonths(c, it.clause);
      if (p.months > 0) {
        p.lo = p.hi = mid * 3 / p.months;
      } else {
        p.lo = mid * 3 / 12;
        p.hi = mid * 3;
      }
    }
    points.push_back(std::move(p));
  }
  auto fields = [](const Point& p) {
    const CheckClaim& c = p.item->c();
    return std::make_tuple(std::string_view(p.entity), std::string_view(c.fields->metric),
                           std::string_view(c.fields->scope), std::string_view(c.fields->unit));
  };
  auto hash = [&](const Point& p) {
    auto [e, m, s, u] = fields(p);
    return Mix(Mix(Mix(HashText(e), HashText(m)), HashText(s)), HashText(u));
  };
  auto eq = [&](const Point& a, const Point& b) { return fields(a) == fields(b); };
  ForEachGroup<Point>(points, hash, eq, [&](std::span<const Point> group) {
    if (group.size() < 2) return;
    std::vector<Point> pts(group.begin(), group.end());
    CheckGroup(ctx, pts, IsFlowMetric(pts[0].item->c().fields->metric), out);
  });
}

}  // namespace claims::check::internal
