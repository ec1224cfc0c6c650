// Conflict rules.
//
// copy-mismatch: syndicated copies are the strongest evidence there is. Two
// sentences that are identical once their numbers are masked, but state a
// different number at the same position, mean one copy was garbled. No
// entity or metric is needed: the sentence itself says they are the same fact.
// Two articles that differ in more figures than they share word for word are
// successive reports on one template, not copies.
//
// value-conflict: claims grouped by entity + metric + period + scope + compare
// class (+ change base, + forecast or not), never all pairs. A group holds a
// conflict exactly when its smallest upper bound lies below its largest lower
// bound, so each group costs one pass; doubles pick the candidates, exact
// rationals decide. Two figures in one sentence are never compared (that is a
// change being described: 从80%降至50%).
#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "check/rules.h"
#include "context/scope.h"

namespace claims::check::internal {
namespace {

// The sentence with every claim replaced by \x01; `items` (in offset order)
// keeps the claims that were masked.
std::string Masked(std::string_view sentence, std::vector<const Item*>* items) {
  std::vector<const Item*> kept;
  std::string out;
  size_t pos = 0;
  for (const Item* it : *items) {
    if (it->offset < pos) continue;  // overlapping spans: keep the first
    out.append(FoldText(sentence.substr(pos, it->offset - pos)));
    out += '\x01';
    pos = it->offset + it->c().surface.size();
    kept.push_back(it);
  }
  out.append(FoldText(sentence.substr(pos)));
  *items = std::move(kept);
  return out;
}

// FNV-1a of the sentence with its numbers masked, without building it.
uint64_t MaskHash(std::string_view sentence, std::span<const Item* const> items) {
  uint64_t h = 1469598103934665603ull;
  auto feed = [&h](std::string_view bytes) {
    for (unsigned char c : FoldText(bytes)) { h ^= c; h *= 1099511628211ull; }
  };
  size_t pos = 0;
  for (const Item* it : items) {
    if (it->offset < pos) continue;
    feed(sentence.substr(pos, it->offset - pos));
    feed("\x01");
    pos = it->offset + it->c().surface.size();
  }
  feed(sentence.substr(std::min(pos, sentence.size())));
  return h;
}

std::string ValueKey(const CheckClaim& c) {
  return fmt::format("{}..{} {} {}{}", c.value_lo.ToString(), c.value_hi.ToString(), c.fields->unit,
                     KindName(c.kind), DirectionName(c.direction));
}

size_t CopyCount(const Item* it) { return it->copies.size(); }

// "×10 apart" when both are plain positive numbers of one unit.
std::string Apart(const CheckClaim& a, const CheckClaim& b) {
  if (a.fields->unit != b.fields->unit || a.value_lo.sign() <= 0 || b.value_lo.sign() <= 0) return "";
  Rational x = a.value_lo.ToRational(), y = b.value_lo.ToRational();
  Rational r = x > y ? x / y : y / x;
  return FormatRatio(r);
}

}  // namespace

// Sentences shorter than this (in bytes: four Han characters) are too
// formulaic to tell copies by; "死亡人口59万人。" (23 bytes) is not.
constexpr size_t kMinCopySentence = 12;

void CheckCopyMismatch(Context& ctx, std::vector<Finding>* out) {
  // Only sentences whose masked text hashes alike are masked and compared.
  std::vector<std::pair<uint64_t, uint32_t>> hashed;
  for (uint32_t sid = 0; sid < ctx.sentences.size(); ++sid) {
    std::span<const Item* const> items = ctx.sentences[sid];
    if (items.empty() || items[0]->c().sentence.size() < kMinCopySentence) continue;
    hashed.emplace_back(MaskHash(items[0]->c().sentence, items), sid);
  }
  std::sort(hashed.begin(), hashed.end());
  // masked text -> variants (sentence text, its items in order)
  std::map<std::string, std::vector<std::pair<std::string_view, std::vector<const Item*>>>>
      by_mask;
  for (size_t i = 0; i < hashed.size();) {
    size_t j = i;
    while (j < hashed.size() && hashed[j].first == hashed[i].first) ++j;
    for (size_t k = i; j - i >= 2 && k < j; ++k) {
      uint32_t sid = hashed[k].second;
      std::vector<const Item*> ordered(ctx.sentences[sid].begin(), ctx.sentences[sid].end());
      std::string_view sentence = ordered[0]->c().sentence;
      std::string mask = Masked(sentence, &ordered);
      by_mask[mask].emplace_back(sentence, std::move(ordered));
    }
    i = j;
  }
  // Evidence that two articles are copies: another sentence they share.
  // Sentence texts and articles are numbered; each side of the relation is a
  // sorted list of numbers (flat, built on first use).
  struct Relation {
    std::vector<uint32_t> begin, members;  // row r: members[begin[r], begin[r + 1])
    std::span<const uint32_t> Row(uint32_t r) const {
      return std::span<const uint32_t>(members.data() + begin[r], begin[r + 1] - begin[r]);
    }
  };
  // A text is known by the hash of its folded form (full-width forms,
  // Traditional script): a copy re-typeset or re-published in the other
  // script shares its sentences with the original.
  std::unordered_map<uint64_t, uint32_t> text_id;
  auto fold_hash = [](std::string_view t) { return MaskHash(t, {}); };
  Relation articles_of, sentences_of;  // text -> articles, article -> texts
  std::vector<uint32_t> text_claims;   // claims in each sentence text
  uint32_t empty_text = UINT32_MAX;
  bool indexed = false;
  auto index = [&] {
    if (indexed) return;
    indexed = true;
    std::vector<uint32_t> id_of_sid(ctx.sentences.size(), UINT32_MAX);
    auto text = [&](std::string_view t) {
      return text_id.try_emplace(fold_hash(t), static_cast<uint32_t>(text_id.size())).first->second;
    };
    std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (text, article)
    pairs.reserve(ctx.copy_storage.size() + ctx.mentions.size());
    for (const Item& it : ctx.items) {
      uint32_t& t = id_of_sid[it.sid];
      if (t == UINT32_MAX) t = text(it.c().sentence);  // copies share the item's text
      if (text_claims.size() <= t) text_claims.resize(t + 1, 0);
      ++text_claims[t];
      for (const CheckClaim* sc : it.copies) pairs.emplace_back(t, ArticleOf(ctx, sc));
    }
    for (size_t k = 0; k < ctx.mentions.size(); ++k) {
      pairs.emplace_back(text(ctx.mentions[k].sentence), ctx.mention_article[k]);
    }
    auto e = text_id.find(fold_hash(std::string_view()));
    if (e != text_id.end()) empty_text = e->second;
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    auto build = [&pairs](Relation* r, size_t rows, bool swap) {
      r->begin.assign(rows + 1, 0);
      for (const auto& [t, a] : pairs) ++r->begin[(swap ? a : t) + 1];
      for (size_t k = 1; k <= rows; ++k) r->begin[k] += r->begin[k - 1];
      r->members.resize(pairs.size());
      std::vector<uint32_t> next(r->begin.begin(), r->begin.end() - 1);
      // pairs are sorted by (text, article): every row fills in ascending order.
      for (const auto& [t, a] : pairs) r->members[next[swap ? a : t]++] = swap ? t : a;
    };
    build(&articles_of, text_id.size(), false);
    build(&sentences_of, ctx.article_hashes.size(), true);
    text_claims.resize(text_id.size(), 0);
  };
  // How much two articles agree: the sentences they share word for word,
  // each counted by its claims (at least 1).
  auto agreeing = [&](uint32_t a, uint32_t b) {
    index();
    std::span<const uint32_t> sa = sentences_of.Row(a), sb = sentences_of.Row(b);
    size_t n = 0;
    for (size_t i = 0, j = 0; i < sa.size() && j < sb.size();) {
      if (sa[i] < sb[j]) { ++i; continue; }
      if (sb[j] < sa[i]) { ++j; continue; }
      if (sa[i] != empty_text) n += std::max<uint32_t>(1, text_claims[sa[i]]);
      ++i;
      ++j;
    }
    return n;
  };
  auto copies = [&](std::string_view s1, std::string_view s2) {
    index();
    const uint32_t t1 = text_id.at(fold_hash(s1)), t2 = text_id.at(fold_hash(s2));
    for (uint32_t a : articles_of.Row(t1)) {
      for (uint32_t b : articles_of.Row(t2)) {
        if (a == b) continue;
        std::span<const uint32_t> sa = sentences_of.Row(a), sb = sentences_of.Row(b);
        for (size_t i = 0, j = 0; i < sa.size() && j < sb.size();) {
          if (sa[i] < sb[j]) { ++i; continue; }
          if (sb[j] < sa[i]) { ++j; continue; }
          uint32_t x = sa[i];
          if (x != t1 && x != t2 && x != empty_text) return true;
          ++i;
          ++j;
        }
      }
    }
    return false;
  };
  // One finding: `odd` (in odd_n copies) against `common` (in common_n).
  // Copies appear within days of each other; the same sentence a year later
  // with a new figure is a new report (monthly statistics). An undated copy
  // on either side counts as close.
  auto emit = [&](const Item* odd, size_t odd_n, const Item* common, size_t common_n) {
    std::vector<int> common_days;
    common_days.reserve(common->copies.size());
    for (const CheckClaim* b : common->copies) common_days.push_back(ArticleDay(*b));
    std::sort(common_days.begin(), common_days.end());
    bool close = !common_days.empty() && common_days.front() == 0;
    for (const CheckClaim* a : odd->copies) {
      if (close) break;
      int da = ArticleDay(*a);
      auto it = std::lower_bound(common_days.begin(), common_days.end(), da - 31);
      close = da == 0 || (it != common_days.end() && *it <= da + 31);
    }
    if (!close) return;
    bool majority = common_n > odd_n;
    std::string apart = Apart(odd->c(), common->c());
    std::string msg = fmt::format(
        "the same sentence appears in {} copies but states {} in {} and {} in {}{}", common_n + odd_n,
        odd->c().surface, odd->sc->article->path, common->c().surface, common->sc->article->path,
        apart.empty() ? "" : fmt::format(" ({} apart)", apart));
    if (majority) msg += fmt::format("; {} of the copies say {}", common_n, common->c().surface);
    Finding f = MakeFinding("copy-mismatch", Severity::kError, std::move(msg), {odd, common});
    if (majority) f.expected = common->c().surface;
    f.details["copies_agreeing"] = std::to_string(common_n);
    f.details["copies_differing"] = std::to_string(odd_n);
    if (!apart.empty()) f.details["ratio"] = apart.substr(std::string("×").size());
    out->push_back(std::move(f));
  };
  // Candidates are held back until every differing figure is known: two
  // articles that differ in more figures than they share are successive
  // reports written on one template (a monthly sales release and the next
  // month's), not a copy with a garbled figure.
  struct Pending {
    const Item* odd;
    size_t odd_n;
    std::vector<std::pair<const Item*, size_t>> commons;  // the first that is a copy wins
  };
  std::vector<Pending> pending;
  // The article pairs two items stand for (a bounded number of copies on
  // each side: the tally only has to tell a copy from a template).
  constexpr size_t kMaxPairSide = 8;
  // How often article `a` holds the sentence of `it` (among its first
  // 2 * kMaxPairSide copies). Each item's articles are counted once, sorted:
  // for_pairs asks this of the same few items for every pair of copies.
  std::unordered_map<const Item*, std::vector<std::pair<uint32_t, uint32_t>>> held;
  auto count_in = [&](const Item* it, uint32_t a) -> size_t {
    auto [slot, fresh] = held.try_emplace(it);
    std::vector<std::pair<uint32_t, uint32_t>>& counts = slot->second;  // (article, times)
    if (fresh) {
      std::vector<uint32_t> articles;
      for (size_t i = 0; i < std::min(it->copies.size(), 2 * kMaxPairSide); ++i) {
        articles.push_back(ArticleOf(ctx, it->copies[i]));
      }
      std::sort(articles.begin(), articles.end());
      for (uint32_t x : articles) {
        if (counts.empty() || counts.back().first != x) counts.emplace_back(x, 0);
        ++counts.back().second;
      }
    }
    auto p = std::lower_bound(counts.begin(), counts.end(), std::make_pair(a, uint32_t{0}));
    return p != counts.end() && p->first == a ? p->second : 0;
  };
  // Article a's `x` may be a garbled copy of article b's `y` only when a
  // holds y's sentence fewer times than b does (the garbling took one).
  // Two sentences of one article that read alike ("净利润为229.56亿美元。" for
  // the quarter, "净利润为969.95亿美元。" for the year) are two statements,
  // and an identical copy of the article holds both as often as it does.
  auto for_pairs = [&](const Item* x, const Item* y, auto fn) {
    size_t na = std::min(x->copies.size(), kMaxPairSide);
    size_t nb = std::min(y->copies.size(), kMaxPairSide);
    for (size_t i = 0; i < na; ++i) {
      for (size_t j = 0; j < nb; ++j) {
        uint32_t a = ArticleOf(ctx, x->copies[i]), b = ArticleOf(ctx, y->copies[j]);
        if (a == b || count_in(y, a) >= count_in(y, b)) continue;
        if (fn(std::minmax(a, b))) return true;
      }
    }
    return false;
  };
  // Article pairs as one key: a before b, 32 bits each.
  auto pair_key = [](std::pair<uint32_t, uint32_t> ab) { return (uint64_t{ab.first} << 32) | ab.second; };
  std::unordered_map<uint64_t, size_t> differing;  // article pair -> figures
  // The article pairs whose sentences at one place differ; each pair counts
  // once per place, however many variants the place has.
  std::vector<uint64_t> differ_here;
  auto differ = [&](const Item* x, const Item* y) {
    auto note = [&](std::pair<uint32_t, uint32_t> ab) { differ_here.push_back(pair_key(ab)); return false; };
    for_pairs(x, y, note);
    for_pairs(y, x, note);
  };
  auto differ_done = [&] {
    std::sort(differ_here.begin(), differ_here.end());
    differ_here.erase(std::unique(differ_here.begin(), differ_here.end()), differ_here.end());
    for (uint64_t ab : differ_here) ++differing[ab];
    differ_here.clear();
  };
  for (auto& [mask, variants] : by_mask) {
    if (variants.size() < 2) continue;
    // A short formulaic sentence ("营收达\x01。") may recur in unrelated
    // articles; it counts only between articles that share another sentence.
    if (mask.size() < 60) {
      // Pairs among the first kMaxRelatedScan variants only: the test is a
      // guard against false alarms, and all pairs of thousands of variants
      // would make the rule quadratic.
      constexpr size_t kMaxRelatedScan = 48;
      const size_t scan = std::min(variants.size(), kMaxRelatedScan);
      bool related = false;
      for (size_t a = 0; a < scan && !related; ++a) {
        for (size_t b = a + 1; b < scan && !related; ++b) {
          related = copies(variants[a].first, variants[b].first);
        }
      }
      if (!related) continue;
    }
    size_t n = variants[0].second.size();
    bool aligned = true;
    for (const auto& v : variants) aligned = aligned && v.second.size() == n;
    if (!aligned || n == 0) continue;
    ++ctx.groups_compared;
    bool any = false;
    for (size_t k = 0; k < n; ++k) {
      // value -> (copies, representative)
      std::map<std::string, std::pair<size_t, const Item*>> values;
      for (const auto& v : variants) {
        const Item* it = v.second[k];
        auto& slot = values[ValueKey(it->c())];
        slot.first += CopyCount(it);
        if (!slot.second) slot.second = it;
      }
      if (values.size() < 2) continue;
      any = true;
      constexpr size_t kMaxTallied = 16;
      for (size_t a = 0; a < variants.size() && a < kMaxTallied; ++a) {
        for (size_t b = a + 1; b < variants.size() && b < kMaxTallied; ++b) {
          const Item* x = variants[a].second[k];
          const Item* y = variants[b].second[k];
          if (ValueKey(x->c()) != ValueKey(y->c())) differ(x, y);
        }
      }
      differ_done();
      // The majority value is what the copies most likely said.
      std::vector<std::pair<size_t, const Item*>> ranked;
      for (auto& [key, slot] : values) ranked.push_back(slot);
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      // Each other value against the majority, or failing that (next
      // month's report on the same template) the next most common value.
      for (size_t r = 1; r < ranked.size(); ++r) {
        Pending p{ranked[r].second, ranked[r].first, {}};
        for (size_t q = 0; q < r; ++q) p.commons.emplace_back(ranked[q].second, ranked[q].first);
        pending.push_back(std::move(p));
      }
    }
    if (!any) ++ctx.consistent;
  }
  // A garbled figure can change how many claims its sentence holds (a range
  // 2.5万至4万 copied as 2.5亿至4万 reads as two figures), so the copies share
  // no mask above. They still share their text with every written figure
  // masked (Item::twin); between articles that share another sentence, the
  // first figure whose text differs names the claims to compare.
  std::vector<std::pair<uint64_t, size_t>> twins;  // (twin, index into hashed)
  for (size_t k = 0; k < hashed.size(); ++k) {
    twins.emplace_back(ctx.sentences[hashed[k].second][0]->twin, k);
  }
  std::sort(twins.begin(), twins.end());
  for (size_t i = 0; i < twins.size();) {
    size_t j = i;
    while (j < twins.size() && twins[j].first == twins[i].first) ++j;
    // The first variants only, as above: a guard, not a search of all pairs.
    constexpr size_t kMaxTwinScan = 16;
    for (size_t a = i; a < j && a < i + kMaxTwinScan; ++a) {
      for (size_t b = a + 1; b < j && b < i + kMaxTwinScan; ++b) {
        auto [ha, sa] = hashed[twins[a].second];
        auto [hb, sb] = hashed[twins[b].second];
        if (ha == hb) continue;  // the same claims in both: compared above
        std::span<const Item* const> ia = ctx.sentences[sa], ib = ctx.sentences[sb];
        std::string_view ta = ia[0]->c().sentence;
        std::string_view tb = ib[0]->c().sentence;
        Figures fa = FiguresOf(ta), fb = FiguresOf(tb);
        if (fa.spans.size() != fb.spans.size()) continue;
        size_t k = 0;
        auto text = [](std::string_view t, std::pair<uint32_t, uint32_t> span) {
          return FoldText(t.substr(span.first, span.second - span.first));
        };
        while (k < fa.spans.size() && text(ta, fa.spans[k]) == text(tb, fb.spans[k])) ++k;
        if (k == fa.spans.size()) continue;
        auto holder = [](std::span<const Item* const> items, std::pair<uint32_t, uint32_t> span) {
          for (const Item* it : items) {
            if (it->offset <= span.first && span.second <= it->offset + it->c().surface.size()) return it;
          }
          return static_cast<const Item*>(nullptr);
        };
        const Item* x = holder(ia, fa.spans[k]);
        const Item* y = holder(ib, fb.spans[k]);
        if (!x || !y || ValueKey(x->c()) == ValueKey(y->c()) || !copies(ta, tb)) continue;
        ++ctx.groups_compared;
        if (CopyCount(x) < CopyCount(y)) std::swap(x, y);
        differ(x, y);
        differ_done();
        pending.push_back({y, CopyCount(y), {{x, CopyCount(x)}}});
      }
    }
    i = j;
  }
  for (const Pending& p : pending) {
    for (const auto& [common, common_n] : p.commons) {
      bool copy = for_pairs(p.odd, common, [&](std::pair<uint32_t, uint32_t> ab) {
        auto d = differing.find(pair_key(ab));
        return (d == differing.end() ? 0 : d->second) <= std::max<size_t>(1, agreeing(ab.first, ab.second));
      });
      if (!copy) continue;
      emit(p.odd, p.odd_n, common, common_n);
      break;
    }
  }
}

namespace {

// The base of a ratio class ("ratio:H100" -> "H100"), else "".
std::string_view RatioBase(const Item& it) {
  std::string_view cls = it.cls;
  return cls.rfind("ratio:", 0) == 0 ? cls.substr(6) : std::string_view();
}

// "H" or "NVIDIA H": a base entity cut to one Latin letter.
char BareLetter(std::string_view base) {
  size_t sp = base.rfind(' ');
  std::string_view last = sp == std::string_view::npos ? base : base.substr(sp + 1);
  if (last.size() == 1 && last[0] >= 'A' && last[0] <= 'Z') return last[0];
  return 0;
}

// Within entity+metric, "ratio:H" means "ratio:H100" when H100 is the only
// base starting with H followed by a digit.
std::map<const Item*, std::string> ResolveBases(const Context& ctx) {
  std::map<std::string, std::set<std::string>> bases;  // entity|metric -> bases
  for (const Item& it : ctx.items) {
    std::string_view base = RatioBase(it);
    if (!it.Known() || base.empty() || BareLetter(base)) continue;
    bases[fmt::format("{}|{}", it.c().fields->entity, it.c().fields->metric)].insert(std::string(base));
  }
  std::map<const Item*, std::string> out;
  for (const Item& it : ctx.items) {
    std::string_view base = RatioBase(it);
    char l = it.Known() && !base.empty() ? BareLetter(base) : 0;
    if (!l) continue;
    auto b = bases.find(fmt::format("{}|{}", it.c().fields->entity, it.c().fields->metric));
    if (b == bases.end()) continue;
    std::vector<std::string> match;
    for (const std::string& base : b->second) {
      if (base.size() >= 2 && base[0] == l && base[1] >= '0' && base[1] <= '9') match.push_back(base);
    }
    if (match.size() == 1) out[&it] = match[0];
  }
  return out;
}

constexpr size_t kSmallGroup = 64;

// A flow (revenue, profit, deliveries) whose sentence names no period is the
// article's own reporting period, and a company reports a new quarter or
// month every few weeks: two such figures from articles more than a month
// apart (腾讯's 总收入 in August's and in November's results, 第二季度 and
// 第三季度 left out of the claims) are two reports, not a conflict.
constexpr int kReportDays = 31;

// So is a figure that moves with events rather than with the calendar: a
// start-up's valuation and the sum it raised change at each round, a
// company's staff and users from one report to the next.
bool MovesBetweenReports(std::string_view metric) {
  if (IsFlowMetric(metric)) return true;
  for (std::string_view m : {"valuation", "funding", "headcount", "developers", "users", "monthly_active_users",
                             "daily_active_users", "margin_balance"}) {
    if (metric == m) return true;
  }
  return false;
}

bool OtherReports(const Item& a, const Item& b) {
  if (!a.c().fields->period.empty() || !MovesBetweenReports(a.c().fields->metric)) return false;
  int da = ArticleDay(*a.sc), db = ArticleDay(*b.sc);
  return da != 0 && db != 0 && std::abs(da - db) > kReportDays;
}

// A share names a part and a whole: the entity is one (英伟达's share of a
// market, 华为's revenue), the scope the other (the market, the part of the
// revenue). Without a scope, "占总收入的23.4%" (R&D spending) and
// "占总收入的35.7%" (one business) are shares of different things.
bool PartUnknown(const CheckClaim& c) {
  bool share = c.kind == Kind::kShare || c.fields->metric == "market_share" || c.fields->metric == "revenue_share";
  return share && c.fields->scope.empty();
}

// Prices quoted by a market move by the minute: two reports of one day may
// give the open and the close. Only a gap wider than this is worth a look
// (a garbled quote is ×10 away: magnitude-slip and copy-mismatch).
constexpr double kQuoteDrift = 0.10;
bool MarketQuote(const CheckClaim& c) { return c.fields->metric == "stock_price" || c.fields->metric == "market_cap"; }

// "9411亿元" beside "9411.68亿元": a figure written with fewer digits may cut
// the longer one instead of rounding it (headlines do), which is no conflict.
// Exact single levels of one unit, the coarser value V with its last digit
// worth P, the finer F: V <= F < V + P.
bool CutShort(const CheckClaim& a, const CheckClaim& b) {
  auto plain = [](const CheckClaim& c) {
    return c.kind == Kind::kLevel && c.qualifier == Qualifier::kExact && c.value_lo == c.value_hi &&
           c.value_lo.sign() > 0 && c.precision.sign() > 0;
  };
  if (!plain(a) || !plain(b) || a.fields->unit != b.fields->unit || a.precision == b.precision) return false;
  const CheckClaim& coarse = b.precision < a.precision ? a : b;
  const CheckClaim& fine = &coarse == &a ? b : a;
  Rational v = coarse.value_lo.ToRational(), f = fine.value_lo.ToRational();
  return v <= f && f < v + coarse.precision.ToRational();
}

struct Member {
  const Item* item;
  Range<double> d;
};

}  // namespace

void CheckValueConflict(Context& ctx, std::vector<Finding>* out) {
  std::map<const Item*, std::string> resolved = ResolveBases(ctx);
  // The grouping key: entity, metric, period, scope, compare class (with a
  // base cut to a letter resolved), the base of a change, forecast or not.
  struct Keyed {
    const Item* item;
    const std::string_view* cls;  // 8 bytes: there is one Keyed per known item
  };
  std::deque<std::string> resolved_text;  // storage for resolved classes
  std::deque<std::string_view> resolved_cls;
  std::vector<Keyed> keyed;
  for (const Item& it : ctx.items) {
    if (!it.Known() || it.cls.empty() || PartUnknown(it.c())) continue;
    auto r = resolved.find(&it);
    if (r != resolved.end()) {
      resolved_cls.push_back(resolved_text.emplace_back("ratio:" + r->second));
      keyed.push_back({&it, &resolved_cls.back()});
    } else {
      keyed.push_back({&it, &it.cls});
    }
  }
  auto fields = [](const Keyed& k) {
    const CheckClaim& c = k.item->c();
    return std::make_tuple(std::string_view(c.fields->entity), std::string_view(c.fields->metric),
                           std::string_view(c.fields->period), std::string_view(c.fields->scope),
                           *k.cls,
                           // Both arms are views: a ternary of std::string and a
                           // temporary would make a temporary, and the view dangle.
                           c.kind == Kind::kChange ? std::string_view(c.fields->base) : std::string_view(),
                           k.item->forecast);
  };
  auto hash = [&](const Keyed& k) {
    auto [e, m, p, s, cls, base, forecast] = fields(k);
    uint64_t h = HashText(e);
    for (std::string_view f : {m, p, s, cls, base}) h = Mix(h, HashText(f));
    return Mix(h, forecast ? 1 : 0);
  };
  auto eq = [&](const Keyed& a, const Keyed& b) { return fields(a) == fields(b); };
  // Articles that give an entity's metric for a stated period: there a
  // figure whose sentence names no period may be any of the periods the
  // article covers (the quarter, the nine months, the one before), so two
  // such figures are not weighed against each other.
  // Entity and metric are interned: their addresses stand for their texts.
  // Made unique as it grows, not once at the end: a row per copy was tens of
  // megabytes on the dense bench store, whose items have hundreds of copies
  // in articles that mostly repeat one entity and metric.
  using Dated = std::tuple<uint32_t, const char*, const char*>;  // article, entity, metric
  std::vector<Dated> dated;
  size_t unique_until = 1 << 12;  // made unique again once it grows past this
  auto make_unique = [&dated] {
    std::sort(dated.begin(), dated.end());
    dated.erase(std::unique(dated.begin(), dated.end()), dated.end());
  };
  for (const Keyed& k : keyed) {
    const CheckClaim& c = k.item->c();
    if (c.fields->period.empty()) continue;
    for (const CheckClaim* sc : k.item->copies) {
      dated.emplace_back(ArticleOf(ctx, sc), c.fields->entity.data(), c.fields->metric.data());
    }
    if (dated.size() >= unique_until) {
      make_unique();
      unique_until = std::max(unique_until, 2 * dated.size());
    }
  }
  make_unique();
  auto period_open = [&](const Item& it) {
    if (!it.c().fields->period.empty()) return false;
    for (const CheckClaim* sc : it.copies) {
      Dated d{ArticleOf(ctx, sc), it.c().fields->entity.data(), it.c().fields->metric.data()};
      if (std::binary_search(dated.begin(), dated.end(), d)) return true;
    }
    return false;
  };
  // Two figures of one article, neither with a period: a writer does not
  // give one figure two values, so they are two periods or two parts the
  // sentences did not name (第三季度… / 第二季度… of a year left unsaid).
  // Each item's articles, sorted, made on first use (an item may have
  // hundreds of copies).
  std::unordered_map<const Item*, std::vector<uint32_t>> articles_of;
  auto articles = [&](const Item& it) -> const std::vector<uint32_t>& {
    auto [slot, fresh] = articles_of.try_emplace(&it);
    if (fresh) {
      for (const CheckClaim* x : it.copies) slot->second.push_back(ArticleOf(ctx, x));
      std::sort(slot->second.begin(), slot->second.end());
    }
    return slot->second;
  };
  // Specifications (memory, compute, bandwidth ...) have no period to leave
  // out: two of them in one article that disagree ("下降80%左右" and "仅为
  // H100的15%", each from another source) are the conflict this rule is for.
  auto one_article = [&](const Item& a, const Item& b) {
    if (!a.c().fields->period.empty() || !b.c().fields->period.empty()) return false;
    if (!context::MetricTakesScope(a.c().fields->metric)) return false;
    const std::vector<uint32_t>& xa = articles(a);
    const std::vector<uint32_t>& xb = articles(b);
    for (size_t i = 0, j = 0; i < xa.size() && j < xb.size();) {
      if (xa[i] == xb[j]) return true;
      if (xa[i] < xb[j]) ++i; else ++j;
    }
    return false;
  };
  ForEachGroup<Keyed>(keyed, hash, eq, [&](std::span<const Keyed> members) {
    if (members.size() < 2) return;
    std::vector<Member> group;
    for (const Keyed& k : members) {
      auto d = CompareRangeD(*k.item, ctx.tol_d);
      if (d) group.push_back({k.item, *d});
    }
    bool distinct = false;
    for (const Member& m : group) distinct = distinct || !SameSentence(*m.item, *group[0].item);
    if (group.size() < 2 || !distinct) return;
    ++ctx.groups_compared;
    // Which disagreement to show: in small groups the closest pair that does
    // not overlap (the least likely to be two different things mislabelled as
    // one); in large ones the lowest upper bound vs the highest lower bound.
    auto hi_key = [](const Member& m) { return m.d.hi_inf ? HUGE_VAL : m.d.hi; };
    auto lo_key = [](const Member& m) { return m.d.lo_inf ? -HUGE_VAL : m.d.lo; };
    const Member* best_a = nullptr;
    const Member* best_b = nullptr;
    if (group.size() <= kSmallGroup) {
      double best_gap = HUGE_VAL;
      for (const Member& a : group) {
        for (const Member& b : group) {
          if (&a == &b || SameSentence(*a.item, *b.item) || !(hi_key(a) < lo_key(b))) continue;
          double scale = std::max(std::fabs(hi_key(a)), std::fabs(lo_key(b)));
          double gap = scale > 0 ? (lo_key(b) - hi_key(a)) / scale : 1;
          if (gap >= best_gap) continue;  // cannot be the pair shown: skip the costlier tests
          if (gap < kQuoteDrift && MarketQuote(a.item->c())) continue;
          // Figures without a period from articles dated years apart may
          // be about different years.
          int ya = a.item->article_year, yb = b.item->article_year;
          if (a.item->c().fields->period.empty() && ya && yb && std::abs(ya - yb) > 1) continue;
          if (OtherReports(*a.item, *b.item)) continue;
          if (period_open(*a.item) || period_open(*b.item) || one_article(*a.item, *b.item)) continue;
          if (CutShort(a.item->c(), b.item->c())) continue;
          best_gap = gap;
          best_a = &a;
          best_b = &b;
        }
      }
    } else {
      for (int pass = 0; pass < 2 && !best_a; ++pass) {
        const Member* a = nullptr;
        for (const Member& m : group) {
          if (pass == 0 ? (!a || hi_key(m) < hi_key(*a)) : (!a || lo_key(m) > lo_key(*a))) a = &m;
        }
        const Member* b = nullptr;
        for (const Member& m : group) {
          if (SameSentence(*m.item, *a->item)) continue;
          if (pass == 0 ? (!b || lo_key(m) > lo_key(*b)) : (!b || hi_key(m) < hi_key(*b))) b = &m;
        }
        if (!b) continue;
        const Member* low = pass == 0 ? a : b;
        const Member* high = pass == 0 ? b : a;
        if (hi_key(*low) < lo_key(*high)) {
          best_a = low;
          best_b = high;
        }
      }
    }
    if (!best_a) { ++ctx.consistent; return; }
    const CheckClaim& ca = best_a->item->c();
    const CheckClaim& cb = best_b->item->c();
    auto ra = CompareRange(*best_a->item, ctx.tol);
    auto rb = CompareRange(*best_b->item, ctx.tol);
    if (!ra || !rb || Overlaps(*ra, *rb)) { ++ctx.consistent; return; }
    Rational gap = RelativeGap(*ra, *rb);
    std::string_view cls = best_a->item->cls;
    auto res = resolved.find(best_a->item);
    if (res == resolved.end()) res = resolved.find(best_b->item);
    std::string subject = fmt::format("{} {}", ca.fields->entity, ca.fields->MetricName());
    if (!ca.fields->period.empty()) subject += fmt::format(" ({})", ca.fields->period);
    if (!ca.fields->scope.empty()) subject += fmt::format(" [{}]", ca.fields->scope);
    std::string ratio;
    if (!ra->hi_inf && !rb->lo_inf && ra->hi > 0 && rb->lo > 0) ratio = FormatRatio(rb->lo / ra->hi);
    std::string of;
    if (cls.rfind("ratio:", 0) == 0) {
      of = " of " + (res != resolved.end() ? res->second : std::string(cls.substr(6)));
    }
    auto side = [&](const Item* item, const CheckClaim& c, const Range<Rational>& r) {
      std::string how = c.qualifier == Qualifier::kApprox ? "approximate, " : "";
      if (c.direction != Direction::kNone && !of.empty()) {
        how += fmt::format("{} {} {}, ", c.surface,
                           c.direction == Direction::kDown ? "lower than" : "more than",
                           BaseEntity(c));
      }
      return fmt::format("{} ({}i.e. {}{})", Quote(*item->sc), how, FormatRange(r, cls, c.fields->unit), of);
    };
    std::string msg = fmt::format("{}: {} vs {}: the ranges do not overlap{}", subject,
                                  side(best_a->item, ca, *ra), side(best_b->item, cb, *rb),
                                  ratio.empty() ? "" : fmt::format(" ({} apart)", ratio));
    if (res != resolved.end()) {
      msg += fmt::format("; the bare \"{}\" read as {}", BaseEntity(res->first->c()), res->second);
    }
    // Which side the rest of the group backs: 136.31亿元 and 约136亿元 beside
    // 163.31亿元 point at the odd one out. A sentence counts once however
    // many copies carry it (copies of one report are not two witnesses); a
    // tie says nothing.
    size_t back_a = 1, back_b = 1;
    for (const Member& m : group) {
      if (SameSentence(*m.item, *best_a->item) || SameSentence(*m.item, *best_b->item)) continue;
      auto rm = CompareRange(*m.item, ctx.tol);
      if (!rm) continue;
      bool with_a = Overlaps(*rm, *ra), with_b = Overlaps(*rm, *rb);
      if (with_a != with_b) ++(with_a ? back_a : back_b);
    }
    const Item* backed = back_a > back_b ? best_a->item : back_b > back_a ? best_b->item : nullptr;
    if (backed != nullptr) {
      const Item* odd = backed == best_a->item ? best_b->item : best_a->item;
      msg += fmt::format("; {} differently worded sentences agree with {}, {} with {}", std::max(back_a, back_b),
                         backed->c().surface, std::min(back_a, back_b), odd->c().surface);
    }
    // A near miss (under 5% apart) is worth a note, not an alarm.
    Severity sev = gap < Rational(5, 100) ? Severity::kInfo : Severity::kWarning;
    Finding f = MakeFinding("value-conflict", sev, std::move(msg), {best_a->item, best_b->item});
    if (backed != nullptr) f.expected = backed->c().surface;
    f.details["sentences_a"] = std::to_string(back_a);
    f.details["sentences_b"] = std::to_string(back_b);
    f.details["range_a"] = FormatRange(*ra, cls, ca.fields->unit);
    f.details["range_b"] = FormatRange(*rb, cls, cb.fields->unit);
    f.details["relative_gap"] = DecimalText(gap, 4);
    if (!ratio.empty()) f.details["ratio"] = ratio.substr(std::string("×").size());
    f.details["group_size"] = std::to_string(group.size());
    out->push_back(std::move(f));
  });
}

}  // namespace claims::check::internal
