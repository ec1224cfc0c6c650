// check::Run: prepares the corpus once (identical copies merged, article time
// frames known), runs the rules of kRules[] in order, then makes the output
// canonical: severity overrides, one finding per numeric disagreement,
// fingerprints, a total order, and the summary counts.
#include "check/check.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "check/rule_util.h"
#include "check/rules.h"

namespace claims::check {
namespace {

using internal::Context;
using internal::Item;
using internal::RuleFn;

// Run's two threads: the arithmetic rules share the level index they build
// as they go, and the period rules the merged date mentions, so each of
// those families stays on one thread; the split balances their CPU (on the
// spread bench store copy-mismatch alone takes about as long as the
// arithmetic, garbled, contradiction and period rules together).
enum Thread { kFirst, kSecond };

struct Rule {
  RuleInfo info;
  RuleFn fn;
  Thread thread;
};

// The registry. Order matters: it is the run order, and among findings about
// the same numbers the earlier rule's finding is kept (a copy that differs
// from its original says more than a generic conflict).
constexpr Rule kRules[] = {
    {{"copy-mismatch", "conflict",
      "the same sentence in two articles states a different figure", Severity::kError},
     &internal::CheckCopyMismatch, kFirst},
    {{"magnitude-slip", "magnitude",
      "a figure 10x or more away from every other figure of its entity and metric "
      "(dropped digits, 万/亿 slips)", Severity::kWarning},
     &internal::CheckMagnitudeSlip, kSecond},
    {{"value-conflict", "conflict",
      "figures for the same entity, metric, period and scope whose rounding-aware "
      "ranges do not overlap", Severity::kWarning},
     &internal::CheckValueConflict, kSecond},
    {{"change-mismatch", "arithmetic",
      "a stated change that the two stated levels do not reproduce", Severity::kWarning},
     &internal::CheckChangeMismatch, kFirst},
    {{"share-total-mismatch", "arithmetic",
      "a part and its stated share imply a total that differs from the stated total",
      Severity::kWarning},
     &internal::CheckShareTotal, kFirst},
    {{"share-sum-over-100", "arithmetic",
      "market shares of one market and period, one per company, that add up to more than 100%",
      Severity::kWarning},
     &internal::CheckShareSum, kFirst},
    {{"price-vs-market-cap", "garbled",
      "a share price that, beside the stated market value, implies an impossible "
      "number of shares", Severity::kWarning},
     &internal::CheckPriceVsMarketCap, kSecond},
    {{"bare-model-letter", "garbled",
      "a model name cut to its letter (A、H芯片) where the corpus knows the full names",
      Severity::kWarning},
     &internal::CheckBareModelLetter, kSecond},
    {{"malformed-number", "garbled",
      "a number with broken separators or two decimal points (1,00亿, 59.31.5亿)",
      Severity::kWarning},
     &internal::CheckMalformedNumber, kSecond},
    {{"share-over-100", "garbled", "a share or market share above 100%", Severity::kError},
     &internal::CheckShareOver100, kSecond},
    {{"quantifier-contradiction", "contradiction",
      "大部分/过半 with a share under 50%, 少数 with one over 50%", Severity::kWarning},
     &internal::CheckQuantifierContradiction, kSecond},
    {{"direction-contradiction", "contradiction",
      "下降 to a higher figure, 增长 to a lower one, 翻番 beside a different rise",
      Severity::kWarning},
     &internal::CheckDirectionContradiction, kSecond},
    {{"period-shift", "period",
      "the same event dated in different years by different articles", Severity::kWarning},
     &internal::CheckPeriodShift, kSecond},
    {{"as-of-date-far", "period",
      "an 截至 (as of) date years away from the article's own date", Severity::kInfo},
     &internal::CheckAsOfDateFar, kSecond},
};

constexpr RuleInfo kRuleInfos[] = {
    kRules[0].info, kRules[1].info, kRules[2].info,  kRules[3].info,  kRules[4].info,
    kRules[5].info, kRules[6].info, kRules[7].info,  kRules[8].info,  kRules[9].info,
    kRules[10].info, kRules[11].info, kRules[12].info, kRules[13].info,
};
static_assert(std::size(kRuleInfos) == std::size(kRules));

// One Item per distinct claim of the store: a million of them at scale, so
// a field that adds padding costs megabytes (rule_util.h orders them).
static_assert(sizeof(void*) != 8 || sizeof(Item) <= 112, "keep Item at 112 bytes or less");

bool IsNumericFamily(std::string_view family) {
  return family == "conflict" || family == "magnitude" || family == "arithmetic";
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

// Runs of equal 64-bit hashes, split into classes of equal text; calls
// fn(index, leader) for each element, where leader is the smallest index of
// its class. Sorting pairs of integers costs far less than a hash table with
// a node per entry when there are millions of claims.
template <class TextOf, class Fn>
void ClassesByText(std::vector<std::pair<uint64_t, uint32_t>>& keyed, TextOf text_of, Fn fn) {
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint32_t> leaders;
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
    leaders.clear();
    for (size_t k = i; k < j; ++k) {
      uint32_t idx = keyed[k].second;
      uint32_t leader = idx;
      for (uint32_t l : leaders) {
        if (text_of(l) == text_of(idx)) { leader = l; break; }
      }
      if (leader == idx) leaders.push_back(idx);
      fn(idx, leader);
    }
    i = j;
  }
}

// Identical copies: same surface in the same sentence text, any article.
// Everything every rule needs about an item is computed here, once; storage
// is flat (no allocation per claim) because a store may hold millions.
void Prepare(std::span<const CheckClaim> claims, Context* ctx) {
  const size_t n = claims.size();
  // Sentence ids: equal text, equal id (leader = first claim with the text).
  // The table interns sentences, so equal text is the same view: its
  // address stands for the text (hashing a million sentences was 4% of a
  // check).
  std::vector<uint32_t> sentence_leader(n);
  {
    std::vector<std::pair<uint64_t, uint32_t>> keyed(n);
    for (size_t i = 0; i < n; ++i) {
      keyed[i] = {internal::Mix(0, reinterpret_cast<uintptr_t>(claims[i].sentence.data())),
                  static_cast<uint32_t>(i)};
    }
    ClassesByText(keyed, [&](uint32_t i) { return claims[i].sentence.data(); },
                  [&](uint32_t i, uint32_t leader) { sentence_leader[i] = leader; });
  }
  // Copies: the same surface at the same place of the same sentence text
  // (claims without a sentence are never copies). The place matters: "7倍，
  // 训练速度是7倍" states two claims, not one claim twice.
  std::vector<uint32_t> copy_leader(n);
  {
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    std::vector<uint32_t> offset(n);  // UINT32_MAX: surface not in its sentence
    keyed.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      copy_leader[i] = static_cast<uint32_t>(i);
      if (claims[i].sentence.empty()) continue;
      offset[i] = static_cast<uint32_t>(std::min<size_t>(internal::OffsetInSentence(claims[i]), UINT32_MAX));
      uint64_t h = internal::Mix(sentence_leader[i], internal::HashText(claims[i].surface));
      keyed.emplace_back(internal::Mix(h, offset[i]), static_cast<uint32_t>(i));
    }
    ClassesByText(
        keyed,
        [&](uint32_t i) { return std::make_tuple(sentence_leader[i], offset[i], claims[i].surface); },
        [&](uint32_t i, uint32_t leader) { copy_leader[i] = leader; });
  }
  std::vector<Item>& items = ctx->items;
  items.reserve(n);
  std::vector<uint32_t> item_of(n), sid_of_leader(n, UINT32_MAX);
  std::vector<uint32_t> copy_count;
  copy_count.reserve(n);
  uint32_t next_sid = 0;
  for (size_t i = 0; i < n; ++i) {
    const CheckClaim& sc = claims[i];
    if (copy_leader[i] != i) {
      uint32_t at = item_of[copy_leader[i]];
      item_of[i] = at;
      ++copy_count[at];
      Item& item = items[at];
      auto rank = [](const CheckClaim* s) {
        return std::tie(s->article->hash, s->byte_start, s->article->path);
      };
      if (rank(&sc) < rank(item.sc)) item.sc = &sc;
      continue;
    }
    uint32_t& sid = sid_of_leader[sentence_leader[i]];
    if (sid == UINT32_MAX) sid = next_sid++;
    Item item;
    item.sc = &sc;
    item.sid = sid;
    items.push_back(std::move(item));
    copy_count.push_back(1);
    item_of[i] = static_cast<uint32_t>(items.size() - 1);
  }
  const uint32_t sentence_count = next_sid;
  // Copies, flat: item k's copies are copy_storage[begin[k], begin[k] + count[k]).
  std::vector<uint32_t> begin(items.size() + 1, 0);
  for (size_t k = 0; k < items.size(); ++k) begin[k + 1] = begin[k] + copy_count[k];
  ctx->copy_storage.assign(claims.size(), nullptr);
  std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
  for (size_t i = 0; i < claims.size(); ++i) ctx->copy_storage[fill[item_of[i]]++] = &claims[i];
  for (size_t k = 0; k < items.size(); ++k) {
    items[k].copies = std::span<const CheckClaim* const>(ctx->copy_storage.data() + begin[k], copy_count[k]);
  }
  auto order = [](const Item& a, const Item& b) {
    return std::tie(a.sc->article->path, a.sc->byte_start, a.sc->article->hash) <
           std::tie(b.sc->article->path, b.sc->byte_start, b.sc->article->hash);
  };
  // The store hands claims over in this order already.
  if (!std::is_sorted(items.begin(), items.end(), order)) std::sort(items.begin(), items.end(), order);
  std::vector<uint32_t> per_sentence(sentence_count + 1, 0);
  for (Item& item : items) {
    const CheckClaim& c = item.c();
    item.cls = *ctx->classes.insert(internal::CompareClass(c)).first;
    item.offset = internal::OffsetInSentence(c);
    item.clause = internal::ClauseBefore(c);
    item.period = internal::ParsePeriod(c.fields->period);
    item.article_year = LeadingYear(item.sc->article->date);
    item.forecast = internal::ContainsAny(
        item.clause, {"预计", "预测", "预期", "未来", "有望", "将达", "将会", "将在", "将于",
                      "可能", "或将", "或降", "年后", "届时", "目标", "计划", "到20", "至20"});
    if (item.offset != std::string::npos) ++per_sentence[item.sid + 1];
  }
  // Sentences, flat, each in offset order (items are in (path, offset) order,
  // so a sentence's items mostly arrive sorted already).
  for (size_t k = 1; k < per_sentence.size(); ++k) per_sentence[k] += per_sentence[k - 1];
  ctx->sentence_storage.assign(per_sentence.back(), nullptr);
  std::vector<uint32_t> next(per_sentence.begin(), per_sentence.end() - 1);
  for (const Item& item : items) {
    if (item.offset != std::string::npos) ctx->sentence_storage[next[item.sid]++] = &item;
  }
  ctx->sentences.resize(sentence_count);
  for (size_t sid = 0; sid < sentence_count; ++sid) {
    auto* first = ctx->sentence_storage.data() + per_sentence[sid];
    auto* last = ctx->sentence_storage.data() + per_sentence[sid + 1];
    if (last - first > 1 && !std::is_sorted(first, last, [](const Item* a, const Item* b) {
          return a->offset < b->offset;
        })) {
      std::sort(first, last, [](const Item* a, const Item* b) { return a->offset < b->offset; });
    }
    ctx->sentences[sid] = std::span<const Item* const>(first, last);
    if (first == last) continue;
    internal::Figures figures = internal::FiguresOf((*first)->c().sentence);
    for (auto* p = first; p != last; ++p) {
      Item& item = items[*p - items.data()];
      item.twin = figures.twin;
      item.slot = internal::TwinSlot(figures, item.offset, item.c().surface.size());
    }
  }
}


void ArticleTimes(std::span<const CheckClaim> claims,
                  std::span<const CheckMention> mentions, Context* ctx) {
  const ArticleRef* last = nullptr;
  for (const CheckClaim& sc : claims) {
    if (last == sc.article) continue;
    last = sc.article;
    const std::string& date = sc.article->date;
    int y = LeadingYear(date);
    if (y == 0 || ctx->article_time.count(sc.article->hash)) continue;
    internal::ArticleTime t;
    t.year = y;
    if (date.size() >= 7) t.month = std::atoi(date.substr(5, 2).c_str());
    ctx->article_time[sc.article->hash] = t;
  }
  // Undated articles: the latest year they name, marked as an estimate.
  std::map<std::string, int> latest;
  for (const CheckMention& m : mentions) {
    if (m.type != Mention::Type::kDate) continue;
    int y = LeadingYear(m.value);
    if (y) latest[m.article->hash] = std::max(latest[m.article->hash], y);
  }
  for (const auto& [hash, y] : latest) {
    if (ctx->article_time.count(hash)) continue;
    ctx->article_time[hash] = internal::ArticleTime{y, 0, true};
  }
}

// Claims and mentions come grouped by article (the store orders them by
// path), so a hash is looked up only where it changes.
void NumberArticles(Context* ctx) {
  std::unordered_map<std::string_view, uint32_t> ids;
  const std::string* last = nullptr;
  uint32_t last_id = 0;
  auto number = [&](const std::string& hash) {
    if (!last || *last != hash) {
      auto [slot, fresh] = ids.try_emplace(hash, static_cast<uint32_t>(ids.size()));
      if (fresh) ctx->article_hashes.push_back(hash);
      last = &hash;
      last_id = slot->second;
    }
    return last_id;
  };
  ctx->claim_article.reserve(ctx->claims.size());
  for (const CheckClaim& sc : ctx->claims) ctx->claim_article.push_back(number(sc.article->hash));
  ctx->mention_article.reserve(ctx->mentions.size());
  for (const CheckMention& m : ctx->mentions) ctx->mention_article.push_back(number(m.article->hash));
}

// A claim as numeric dedup knows it: article hash and offset.
std::string ClaimKey(std::string_view article_hash, uint32_t byte_start) {
  return fmt::format("{}:{}", article_hash, byte_start);
}

// The keys of a finding's claims, materialized or not.
std::vector<std::string> ClaimKeys(const Finding& f) {
  std::vector<std::string> keys;
  for (const StoredClaim& sc : f.claims) keys.push_back(ClaimKey(sc.article_hash, sc.claim.byte_start));
  for (const CheckClaim* c : f.claim_refs) keys.push_back(ClaimKey(c->article->hash, c->byte_start));
  return keys;
}

// The output order: severity (highest first), rule (kRules order), first
// place (path, offset), fingerprint. The keys are made once, not per
// comparison (a comparison copied two paths; a store can have tens of
// thousands of findings), and the findings moved into that order in place.
void SortCanonically(std::vector<Finding>* findings) {
  struct Key {
    int severity;
    size_t rule;
    std::string_view path;
    uint32_t start;
    std::string_view fingerprint;
    uint32_t index;
    auto Tie() const { return std::tie(severity, rule, path, start, fingerprint); }
  };
  std::vector<Key> keys;
  keys.reserve(findings->size());
  for (const Finding& f : *findings) {
    Key k{-static_cast<int>(f.severity), std::size(kRules), {}, 0, f.fingerprint,
          static_cast<uint32_t>(keys.size())};
    for (size_t i = 0; i < std::size(kRules); ++i) {
      if (kRules[i].info.id == f.rule) { k.rule = i; break; }
    }
    if (!f.claims.empty()) {
      k.path = f.claims[0].path;
      k.start = f.claims[0].claim.byte_start;
    } else if (!f.claim_refs.empty()) {
      k.path = f.claim_refs[0]->article->path;
      k.start = f.claim_refs[0]->byte_start;
    } else if (!f.locations.empty()) {
      k.path = f.locations[0].path;
      k.start = f.locations[0].byte_start;
    }
    keys.push_back(k);
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.Tie() < b.Tie(); });
  // Place k of the output takes finding keys[k].index: follow each cycle of
  // that permutation once, moving findings (their strings are not copied).
  std::vector<bool> placed(findings->size(), false);
  for (size_t start = 0; start < keys.size(); ++start) {
    if (placed[start]) continue;
    Finding held = std::move((*findings)[start]);
    size_t at = start;
    while (keys[at].index != start) {
      (*findings)[at] = std::move((*findings)[keys[at].index]);
      placed[at] = true;
      at = keys[at].index;
    }
    (*findings)[at] = std::move(held);
    placed[at] = true;
  }
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
  for (const CheckClaim* c : f.claim_refs) parts.emplace_back(c->article->hash, c->surface);
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

CheckResult Run(std::span<const StoredClaim> stored,
                std::span<const std::pair<Location, Mention>> mentions,
                const CheckOptions& options) {
  ClaimTable table;
  table.claims.reserve(stored.size());
  for (const StoredClaim& sc : stored) table.Add(sc);
  table.mentions.reserve(mentions.size());
  for (const auto& [loc, m] : mentions) table.Add(loc, m);
  return Run(table, options);
}

void Materialize(Finding* f) {
  for (const CheckClaim* c : f->claim_refs) f->claims.push_back(ToStoredClaim(*c));
  std::vector<const CheckClaim*>().swap(f->claim_refs);
}

CheckResult Run(const ClaimTable& table, const CheckOptions& options) {
  CheckResult result = RunCompact(table, options);
  for (Finding& f : result.findings) Materialize(&f);
  return result;
}

CheckResult RunCompact(const ClaimTable& table, const CheckOptions& options) {
  std::span<const CheckClaim> claims = table.claims;
  std::span<const CheckMention> mentions = table.mentions;
  // The prepared corpus (an Item per distinct claim, the sentence lists,
  // the rules' indexes) is freed as soon as the rules are done: findings own
  // what they quote, and the corpus was a hundred megabytes more at the
  // peak, where every finding is held at once.
  std::optional<Context> prepared;
  Context& ctx = prepared.emplace();
  ctx.opts = &options;
  ctx.tol = options.approx_tolerance.ToRational();
  ctx.tol_d = options.approx_tolerance.ToDouble();
  Prepare(claims, &ctx);
  ctx.mentions = mentions;
  ctx.claims = claims;
  NumberArticles(&ctx);
  ArticleTimes(claims, mentions, &ctx);
  // Prepare's temporaries (sort keys and leader lists, several arrays of a
  // number per claim) are freed; their pages go back before the rules' peak.
  ReleaseFreedHeap();

  // The rules run on two threads, this machine's two cores (Rule::thread).
  // The only state rules build as they go is kept on one thread with them
  // (the level index: arithmetic rules; the merged date mentions: period
  // rules), the two counters are atomic, and findings are kept per rule and
  // joined in kRules order, so the output never depends on timing.
  std::vector<std::vector<Finding>> found_by_rule(std::size(kRules));
  auto run_rules = [&](Thread thread) {
    for (size_t r = 0; r < std::size(kRules); ++r) {
      const Rule& rule = kRules[r];
      if (rule.thread != thread) continue;
      if (options.disabled.count(std::string(rule.info.id))) continue;
      if (!options.only.empty() && !options.only.count(std::string(rule.info.id))) continue;
      std::vector<Finding>& found = found_by_rule[r];
      rule.fn(ctx, &found);
      for (Finding& f : found) {
        f.family = std::string(rule.info.family);
        auto sev = options.severity.find(f.rule);
        if (sev != options.severity.end()) f.severity = sev->second;
        f.fingerprint = Fingerprint(f);
      }
      // A rule's own order may follow hash tables; fingerprints make it canonical.
      std::sort(found.begin(), found.end(),
                [](const Finding& a, const Finding& b) { return a.fingerprint < b.fingerprint; });
    }
  };
  std::exception_ptr second_failed;
  std::thread second([&] {
    try {
      run_rules(kSecond);
    } catch (...) {
      second_failed = std::current_exception();
    }
  });
  try {
    run_rules(kFirst);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (second_failed) std::rethrow_exception(second_failed);
  const int64_t groups_compared = ctx.groups_compared.load(), consistent = ctx.consistent.load();
  prepared.reset();
  // One finding per numeric disagreement: a later rule does not repeat
  // claims an earlier numeric rule already reported. Same fingerprint twice
  // (the same claims seen by two paths of one rule) is also one finding.
  // Findings move straight from each rule's list into `kept`, sized once,
  // and each list is freed when read: a store can have tens of thousands of
  // findings, and a joined list, the kept list grown by doubling and the
  // rules' emptied lists were three more arrays of them at once.
  size_t found_total = 0;
  for (const std::vector<Finding>& found : found_by_rule) found_total += found.size();
  std::vector<Finding> kept;
  kept.reserve(found_total);
  std::set<std::string> reported, fingerprints;
  for (std::vector<Finding>& found : found_by_rule) {
    for (Finding& f : found) {
      if (!fingerprints.insert(f.fingerprint).second) continue;
      if (IsNumericFamily(f.family)) {
        std::vector<std::string> keys = ClaimKeys(f);
        bool seen = false;
        for (const std::string& key : keys) seen = seen || reported.count(key);
        if (seen) continue;
        for (std::string& key : keys) reported.insert(std::move(key));
      }
      kept.push_back(std::move(f));
    }
    std::vector<Finding>().swap(found);
  }

  SortCanonically(&kept);

  CheckResult result;
  CheckSummary& s = result.summary;
  std::unordered_set<std::string_view> hashes;
  for (const CheckClaim& sc : claims) hashes.insert(sc.article->hash);
  for (const CheckMention& m : mentions) hashes.insert(m.article->hash);
  s.articles = static_cast<int64_t>(hashes.size());
  s.claims = static_cast<int64_t>(claims.size());
  s.groups_compared = groups_compared;
  s.consistent = consistent;
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
