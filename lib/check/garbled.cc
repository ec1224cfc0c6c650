// Garbled figures: numbers that lost digits or structure.
//
// price-vs-market-cap: market value ÷ share price = shares outstanding. The
// largest share counts of listed companies are a few times 10^11 (big
// Chinese banks); a price that implies 10^12 shares or more lost its digits
// ("突破1美元/股" beside "市值超2万亿美元"). A "突破/超过" price is a
// milestone: the price is near it, so its stated value is used.
//
// share-over-100: a share of a whole cannot exceed 100%.
//
// malformed-number: "1,00亿" (a thousands group of other than 3 digits) or
// "59.31.5亿" (two decimal points) right before a magnitude, currency or %:
// scanned in the sentence text, because the extractor rightly refuses them.
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

const Rational kMaxShares(1000000000000);  // 10^12

std::string PriceCurrency(const CheckClaim& c) {
  size_t slash = c.fields->unit.find("/share");
  return slash == std::string::npos ? "" : std::string(c.fields->unit.substr(0, slash));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Returns the length of a malformed number starting at s[i] ("" if fine).
size_t MalformedAt(std::string_view s, size_t i) {
  if (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')) return 0;
  size_t j = i;
  int dots = 0;
  bool bad_group = false, commas = false;
  size_t group = 0, first_group = 0;
  while (j < s.size()) {
    if (IsDigit(s[j])) { ++group; ++j; continue; }
    if (s[j] == '.' && j + 1 < s.size() && IsDigit(s[j + 1])) {
      if (commas && group != 3) bad_group = true;
      ++dots;
      group = 0;
      commas = false;
      ++j;
      continue;
    }
    if (s[j] == ',' && j + 1 < s.size() && IsDigit(s[j + 1]) && dots == 0) {
      if (!commas) first_group = group;
      else if (group != 3) bad_group = true;
      if (!commas && (first_group == 0 || first_group > 3)) bad_group = true;
      commas = true;
      group = 0;
      ++j;
      continue;
    }
    break;
  }
  if (commas && group != 3) bad_group = true;
  if (dots < 2 && !bad_group) return 0;
  std::string_view rest = s.substr(j);
  static constexpr std::string_view kUnits[] = {"万", "亿", "千", "百", "元", "美元", "%", "％",
                                                "美金", "港元", "欧元", "日元"};
  for (std::string_view u : kUnits) {
    if (rest.substr(0, u.size()) == u) return j - i + u.size();
  }
  return 0;
}

}  // namespace

void CheckPriceVsMarketCap(Context& ctx, std::vector<Finding>* out) {
  std::map<std::string, std::vector<const Item*>, std::less<>> caps;  // entity -> market caps
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    if (!it.Known() || c.fields->metric != "market_cap" || c.kind != Kind::kLevel) continue;
    if (c.fields->dimension != "currency" || c.qualifier == Qualifier::kAtMost) continue;
    caps[std::string(c.fields->entity)].push_back(&it);
  }
  for (const Item& it : ctx.items) {
    const CheckClaim& p = it.c();
    std::string currency = PriceCurrency(p);
    if (p.fields->entity.empty() || currency.empty() || p.kind != Kind::kLevel) continue;
    if (p.qualifier == Qualifier::kAtMost || p.value_hi.sign() <= 0) continue;
    auto found = caps.find(p.fields->entity.view());
    if (found == caps.end()) continue;
    // Prefer the market value the same article states.
    std::vector<const Item*> same, other;
    for (const Item* cap : found->second) {
      if (cap->c().fields->unit != currency) continue;
      (cap->sc->article->hash == it.sc->article->hash ? same : other).push_back(cap);
    }
    std::vector<const Item*>& pool = same.empty() ? other : same;
    if (pool.empty()) continue;
    ++ctx.groups_compared;
    // The most conservative pair: the smallest market value.
    const Item* cap = pool[0];
    for (const Item* c : pool) if (c->c().value_lo < cap->c().value_lo) cap = c;
    Rational half = p.precision.ToRational() / 2;
    Rational price = p.qualifier == Qualifier::kAtLeast ? p.value_lo.ToRational()
                                                         : p.value_hi.ToRational() + half;
    Rational shares = cap->c().value_lo.ToRational() / price;
    if (shares < kMaxShares) { ++ctx.consistent; continue; }
    Rational fair = cap->c().value_lo.ToRational() / Rational(25000000000);  // 250亿 shares
    std::string msg = fmt::format(
        "{}: a share price of {} beside a market value of {} implies {} shares; no listed "
        "company has more than a few thousand 亿 shares, so the price has probably lost digits",
        p.fields->entity, Quote(*it.sc), Quote(*cap->sc), FormatValue(shares, "count", ""));
    Finding f = MakeFinding("price-vs-market-cap", Severity::kWarning, std::move(msg), {&it, cap});
    f.details["implied_shares"] = DecimalText(shares, 0);
    f.details["price_for_25e9_shares"] = DecimalText(fair, 2) + " " + currency;
    out->push_back(std::move(f));
  }
}

void CheckShareOver100(Context& ctx, std::vector<Finding>* out) {
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    bool share = c.kind == Kind::kShare || c.fields->metric == "market_share" || c.fields->metric == "revenue_share";
    if (!share || it.cls != "fraction" || c.qualifier == Qualifier::kAtMost) continue;
    if (c.fields->unit != "%") continue;
    if (c.value_lo.ToRational() <= 100) continue;
    std::string msg = fmt::format("{} is a share of a whole above 100%", Quote(*it.sc));
    Finding f = MakeFinding("share-over-100", Severity::kError, std::move(msg), {&it});
    f.details["share"] = c.value_lo.ToString() + "%";
    out->push_back(std::move(f));
  }
}

void CheckMalformedNumber(Context& ctx, std::vector<Finding>* out) {
  for (std::span<const Item* const> items : ctx.sentences) {
    if (items.empty()) continue;
    const Item& it = *items[0];
    const CheckClaim& c = it.c();
    std::string_view s = c.sentence;
    size_t claim_off = it.offset;
    for (size_t i = 0; i < s.size(); ++i) {
      if (!IsDigit(s[i])) continue;
      size_t len = MalformedAt(s, i);
      if (len == 0) continue;
      Location loc;
      loc.path = it.sc->article->path;
      loc.article_hash = it.sc->article->hash;
      loc.byte_start = c.sentence_start + static_cast<uint32_t>(i);
      loc.byte_end = loc.byte_start + static_cast<uint32_t>(len);
      loc.surface = std::string(s.substr(i, len));
      loc.sentence = c.sentence;
      loc.sentence_start = c.sentence_start;
      int line = static_cast<int>(c.line);
      if (claim_off != std::string::npos) {
        for (size_t k = std::min(i, claim_off); k < std::max(i, claim_off); ++k) {
          if (s[k] == '\n') line += i < claim_off ? -1 : 1;
        }
      }
      loc.line = static_cast<uint32_t>(std::max(line, 1));
      Finding f;
      f.rule = "malformed-number";
      f.severity = Severity::kWarning;
      f.message = fmt::format("「{}」 ({}:{}) is not a well-formed number: {}", loc.surface,
                              loc.path, loc.line,
                              Contains(loc.surface, ",") ? "its thousands separators are misplaced"
                                                         : "it has two decimal points");
      f.locations.push_back(std::move(loc));
      out->push_back(std::move(f));
      i += len - 1;
    }
  }
}

}  // namespace claims::check::internal
