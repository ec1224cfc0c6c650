// check::Run: prepares the corpus once (identical copies merged, article time
// frames known), runs the rules of kRules[] in order, then makes the output
// canonical: severity overrides, one finding per numeric disagreement,
// fingerprints, a total order, and the summary counts.
#include "check/check.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "check/rule_util.h"
#include "check/rules.h"

namespace claims::check {
namespace {

using internal::Context;
using internal::Item;
using internal::RuleFn;

struct Rule {
  RuleInfo info;
  RuleFn fn;
};

// The registry. Order matters: it is the run order, and among findings about
// the same numbers the earlier rule's finding is kept (a copy that differs
// from its original says more than a generic conflict).
constexpr Rule kRules[] = {
    {{"copy-mismatch", "conflict",
      "the same sentence in two articles states a different figure", Severity::kError},
     &internal::CheckCopyMismatch},
    {{"magnitude-slip", "magnitude",
      "a figure 10x or more away from every other figure of its entity and metric "
      "(dropped digits, 万/亿 slips)", Severity::kWarning},
     &internal::CheckMagnitudeSlip},
    {{"value-conflict", "conflict",
      "figures for the same entity, metric, period and scope whose rounding-aware "
      "ranges do not overlap", Severity::kWarning},
     &internal::CheckValueConflict},
    {{"change-mismatch", "arithmetic",
      "a stated change that the two stated levels do not reproduce", Severity::kWarning},
     &internal::CheckChangeMismatch},
    {{"share-total-mismatch", "arithmetic",
      "a part and its stated share imply a total that differs from the stated total",
      Severity::kWarning},
     &internal::CheckShareTotal},
    {{"price-vs-market-cap", "garbled",
      "a share price that, beside the stated market value, implies an impossible "
      "number of shares", Severity::kWarning},
     &internal::CheckPriceVsMarketCap},
    {{"bare-model-letter", "garbled",
      "a model name cut to its letter (A、H芯片) where the corpus knows the full names",
      Severity::kWarning},
     &internal::CheckBareModelLetter},
    {{"malformed-number", "garbled",
      "a number with broken separators or two decimal points (1,00亿, 59.31.5亿)",
      Severity::kWarning},
     &internal::CheckMalformedNumber},
    {{"share-over-100", "garbled", "a share or market share above 100%", Severity::kError},
     &internal::CheckShareOver100},
    {{"quantifier-contradiction", "contradiction",
      "大部分/过半 with a share under 50%, 少数 with one over 50%", Severity::kWarning},
     &internal::CheckQuantifierContradiction},
    {{"direction-contradiction", "contradiction",
      "下降 to a higher figure, 增长 to a lower one, 翻番 beside a different rise",
      Severity::kWarning},
     &internal::CheckDirectionContradiction},
    {{"period-shift", "period",
      "the same event dated in different years by different articles", Severity::kWarning},
     &internal::CheckPeriodShift},
    {{"as-of-date-far", "period",
      "an 截至 (as of) date years away from the article's own date", Severity::kInfo},
     &internal::CheckAsOfDateFar},
};

constexpr RuleInfo kRuleInfos[] = {
    kRules[0].info, kRules[1].info, kRules[2].info,  kRules[3].info,  kRules[4].info,
    kRules[5].info, kRules[6].info, kRules[7].info,  kRules[8].info,  kRules[9].info,
    kRules[10].info, kRules[11].info, kRules[12].info,
};
static_assert(std::size(kRuleInfos) == std::size(kRules));

bool IsNumericFamily(std::string_view family) {
  return family == "conflict" || family == "magnitude" || family == "arithmetic";
}

// Identical copies: same surface in the same sentence text, any article.
std::vector<Item> Deduplicate(std::span<const StoredClaim> claims) {
  std::unordered_map<std::string, size_t> index;
  index.reserve(claims.size());
  std::vector<Item> items;
  for (const StoredClaim& sc : claims) {
    std::string key = sc.claim.surface;
    key += '\x1f';
    key += sc.claim.sentence.empty() ? sc.article_hash + std::to_string(sc.claim.byte_start)
                                     : sc.claim.sentence;
    auto [it, inserted] = index.try_emplace(std::move(key), items.size());
    if (inserted) {
      items.push_back(Item{&sc, {&sc}, false});
    } else {
      Item& item = items[it->second];
      item.copies.push_back(&sc);
      auto rank = [](const StoredClaim* s) {
        return std::tie(s->article_hash, s->claim.byte_start, s->path);
      };
      if (rank(&sc) < rank(item.sc)) item.sc = &sc;
    }
  }
  for (Item& item : items) {
    std::string_view before = internal::ClauseBefore(item.c());
    item.forecast = internal::ContainsAny(
        before, {"预计", "预测", "预期", "未来", "有望", "将达", "将会", "将在", "将于",
                 "可能", "或将", "或降", "年后", "届时", "目标", "计划", "到20", "至20"});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.sc->path, a.sc->claim.byte_start, a.sc->article_hash) <
           std::tie(b.sc->path, b.sc->claim.byte_start, b.sc->article_hash);
  });
  return items;
}

int LeadingYear(std::string_view s) {
  if (s.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    y = y * 10 + (s[i] - '0');
  }
  return (y >= 1900 && y <= 2100) ? y : 0;
}

void ArticleTimes(std::span<const StoredClaim> claims,
                  std::span<const std::pair<Location, Mention>> mentions, Context* ctx) {
  for (const StoredClaim& sc : claims) {
    int y = LeadingYear(sc.article_date);
    if (y == 0 || ctx->article_time.count(sc.article_hash)) continue;
    internal::ArticleTime t;
    t.year = y;
    if (sc.article_date.size() >= 7) t.month = std::atoi(sc.article_date.substr(5, 2).c_str());
    ctx->article_time[sc.article_hash] = t;
  }
  // Undated articles: the latest year they name, marked as an estimate.
  std::map<std::string, int> latest;
  for (const auto& [loc, m] : mentions) {
    if (m.type != Mention::Type::kDate) continue;
    int y = LeadingYear(m.value);
    if (y) latest[loc.article_hash] = std::max(latest[loc.article_hash], y);
  }
  for (const auto& [hash, y] : latest) {
    if (ctx->article_time.count(hash)) continue;
    ctx->article_time[hash] = internal::ArticleTime{y, 0, true};
  }
}

std::string ClaimKey(const StoredClaim& sc) {
  return sc.article_hash + ":" + std::to_string(sc.claim.byte_start);
}

}  // namespace

std::span<const RuleInfo> Rules() { return kRuleInfos; }

const RuleInfo* FindRule(std::string_view id) {
  for (const RuleInfo& r : kRuleInfos) if (r.id == id) return &r;
  return nullptr;
}

std::string Fingerprint(const Finding& f) {
  std::vector<std::pair<std::string, std::string>> parts;
  for (const StoredClaim& sc : f.claims) parts.emplace_back(sc.article_hash, sc.claim.surface);
  for (const Location& l : f.locations) parts.emplace_back(l.article_hash, l.surface);
  std::sort(parts.begin(), parts.end());
  // FNV-1a 64: tiny, stable across platforms and releases. Persisted in
  // baselines: do not change.
  uint64_t h = 1469598103934665603ull;
  auto feed = [&h](std::string_view s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    h ^= 0xFF;
    h *= 1099511628211ull;
  };
  feed(f.rule);
  for (const auto& [hash, surface] : parts) { feed(hash); feed(surface); }
  return fmt::format("{:016x}", h);
}

CheckResult Run(std::span<const StoredClaim> claims,
                std::span<const std::pair<Location, Mention>> mentions,
                const CheckOptions& options) {
  Context ctx;
  ctx.opts = &options;
  ctx.tol = options.approx_tolerance.ToRational();
  ctx.tol_d = options.approx_tolerance.ToDouble();
  ctx.items = Deduplicate(claims);
  ctx.mentions = mentions;
  ArticleTimes(claims, mentions, &ctx);

  std::vector<Finding> all;
  for (const Rule& rule : kRules) {
    if (options.disabled.count(std::string(rule.info.id))) continue;
    if (!options.only.empty() && !options.only.count(std::string(rule.info.id))) continue;
    std::vector<Finding> found;
    rule.fn(ctx, &found);
    for (Finding& f : found) {
      f.family = std::string(rule.info.family);
      auto sev = options.severity.find(f.rule);
      if (sev != options.severity.end()) f.severity = sev->second;
      f.fingerprint = Fingerprint(f);
      all.push_back(std::move(f));
    }
  }

  // One finding per numeric disagreement: a later rule does not repeat
  // claims an earlier numeric rule already reported. Same fingerprint twice
  // (the same claims seen by two paths of one rule) is also one finding.
  std::vector<Finding> kept;
  std::set<std::string> reported, fingerprints;
  for (Finding& f : all) {
    if (!fingerprints.insert(f.fingerprint).second) continue;
    if (IsNumericFamily(f.family)) {
      bool seen = false;
      for (const StoredClaim& sc : f.claims) seen = seen || reported.count(ClaimKey(sc));
      if (seen) continue;
      for (const StoredClaim& sc : f.claims) reported.insert(ClaimKey(sc));
    }
    kept.push_back(std::move(f));
  }

  auto first_place = [](const Finding& f) {
    if (!f.claims.empty()) return std::make_tuple(f.claims[0].path, f.claims[0].claim.byte_start);
    if (!f.locations.empty()) return std::make_tuple(f.locations[0].path, f.locations[0].byte_start);
    return std::make_tuple(std::string(), uint32_t{0});
  };
  auto rule_index = [](const std::string& id) {
    for (size_t i = 0; i < std::size(kRules); ++i) if (kRules[i].info.id == id) return i;
    return std::size(kRules);
  };
  std::sort(kept.begin(), kept.end(), [&](const Finding& a, const Finding& b) {
    auto ka = std::make_tuple(-static_cast<int>(a.severity), rule_index(a.rule), first_place(a),
                              a.fingerprint);
    auto kb = std::make_tuple(-static_cast<int>(b.severity), rule_index(b.rule), first_place(b),
                              b.fingerprint);
    return ka < kb;
  });

  CheckResult result;
  CheckSummary& s = result.summary;
  std::set<std::string> hashes;
  for (const StoredClaim& sc : claims) hashes.insert(sc.article_hash);
  for (const auto& [loc, m] : mentions) hashes.insert(loc.article_hash);
  s.articles = static_cast<int64_t>(hashes.size());
  s.claims = static_cast<int64_t>(claims.size());
  s.groups_compared = ctx.groups_compared;
  s.consistent = ctx.consistent;
  s.findings = static_cast<int64_t>(kept.size());
  for (const Finding& f : kept) {
    ++s.by_rule[f.rule];
    ++s.by_severity[std::string(SeverityName(f.severity))];
    ++s.by_family[f.family];
  }
  result.findings = std::move(kept);
  return result;
}

std::string DumpFindings(std::span<const Finding> findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += fmt::format("{} {} {}\n  {}\n", f.rule, SeverityName(f.severity), f.fingerprint,
                       f.message);
    for (const StoredClaim& sc : f.claims) {
      const Claim& c = sc.claim;
      out += fmt::format("  claim {}:{} 「{}」 {} [{}|{}|{}|{}]\n", sc.path, c.line, c.surface,
                         c.DebugString(), c.entity, c.metric, c.period, c.scope);
    }
    for (const Location& l : f.locations) {
      out += fmt::format("  location {}:{} 「{}」\n", l.path, l.line, l.surface);
    }
    for (const auto& [k, v] : f.details) out += fmt::format("  {} = {}\n", k, v);
  }
  return out;
}

}  // namespace claims::check
