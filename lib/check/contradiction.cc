// Contradictions: a number against the words of its own sentence.
//
// quantifier-contradiction: 大部分/多数/过半 … right before a share under 50%
// ("占英伟达营收的大部分,约为20%"), 少数 … before one over 50%. The word must
// govern the number: at most a few characters (，约为/即/仅) between them, no
// other number and no 但/而 in between.
//
// direction-contradiction: "从X下降至Y" with Y above X, "从X增长到Y" with Y
// below X (ranges rounding-aware, so only a clear reversal counts); and
// 翻番/翻倍 (doubling, +100%) in the clause of, or the clause just before, a
// stated rise that is clearly not about +100%.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "check/rules.h"

namespace claims::check::internal {
namespace {

constexpr std::string_view kMost[] = {"绝大部分", "绝大多数", "大部分", "大多数", "多数", "过半",
                                      "大半", "一多半"};
constexpr std::string_view kFew[] = {"极少数", "少数", "一小部分", "小部分"};
constexpr std::string_view kDown[] = {"下降", "减少", "下滑", "降低", "缩减", "回落", "跌", "降"};
constexpr std::string_view kUp[] = {"增长", "增加", "上升", "上涨", "提高", "提升", "涨", "升", "增"};

bool HasDigit(std::string_view s) {
  for (char c : s) if (c >= '0' && c <= '9') return true;
  return false;
}

// The quantifier from `words` that governs the number after `before`, or "".
std::string_view Governing(std::string_view before, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    size_t pos = before.rfind(w);
    if (pos == std::string_view::npos) continue;
    std::string_view between = before.substr(pos + w.size());
    if (between.size() > 15 || HasDigit(between)) continue;
    if (ContainsAny(between, {"但", "而", "却", "不过", "其中", "。", "；", ";"})) continue;
    // "少数几家公司占20%" — the quantifier must close its phrase, or follow 占.
    std::string_view head = before.substr(0, pos);
    size_t clause = head.find_last_of(",，");
    std::string_view own = clause == std::string_view::npos ? head : head.substr(clause);
    // Either the word ends its phrase ("的大部分，约为20%"), or a short noun
    // follows it and the number restates it ("少数员工，约70%").
    auto restates = [](std::string_view b) {
      size_t comma = b.find_first_of(",");
      size_t wide = b.find("，");
      size_t at = std::min(comma, wide);
      if (at == std::string_view::npos || at > 12) return false;
      std::string_view rest = b.substr(at + (at == wide ? 3 : 1));
      return rest.empty() || rest == "约" || rest == "为" || rest == "即" || rest == "约为" ||
             rest == "约占" || rest == "占" || rest == "大约";
    };
    bool closes = between.empty() || between.substr(0, 3) == "约" ||
                  between.substr(0, 3) == "为" || between.substr(0, 3) == "即" || restates(between);
    if (!closes && !Contains(own, "占")) continue;
    return w;
  }
  return {};
}

// The last `n` clauses of `s` (split at ，。；,; and friends).
std::string_view TailClauses(std::string_view s, int n) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    for (std::string_view b : {"，", "。", "；", "：", ",", ";", ":", "\n"}) {
      if (s.compare(i, b.size(), b) == 0) { len = b.size(); break; }
    }
    if (len) { starts.push_back(i + len); i += len; } else { ++i; }
  }
  size_t k = starts.size() > static_cast<size_t>(n) ? starts.size() - n : 0;
  return s.substr(starts[k]);
}

bool VerbBetween(std::string_view between, std::span<const std::string_view> verbs) {
  for (std::string_view v : verbs) {
    for (std::string_view to : {"至", "到"}) {
      std::string needle = std::string(v) + std::string(to);
      if (Contains(between, needle)) return true;
      if (Contains(between, std::string(v) + "了" + std::string(to))) return true;
    }
  }
  return false;
}

}  // namespace

void CheckQuantifierContradiction(Context& ctx, std::vector<Finding>* out) {
  for (const Item& it : ctx.items) {
    const CheckClaim& c = it.c();
    if (it.cls != "fraction" || it.offset == std::string::npos) continue;
    std::string_view before = std::string_view(c.sentence).substr(0, it.offset);
    if (!ContainsAny(before, {"部分", "多数", "过半", "大半", "少数"})) continue;
    auto r = CompareRange(it, ctx.tol);
    if (!r) continue;
    std::string_view word = Governing(before, kMost);
    bool most = !word.empty();
    if (!most) word = Governing(before, kFew);
    if (word.empty()) continue;
    ++ctx.groups_compared;
    bool contradicts = most ? (!r->hi_inf && r->hi < Rational(1, 2))
                            : (!r->lo_inf && r->lo > Rational(1, 2));
    if (!contradicts) { ++ctx.consistent; continue; }
    std::string msg = fmt::format(
        "{} is called {} ({}), but {} ({}) is {} half", Quote(*it.sc), std::string(word),
        most ? "most" : "a few", c.surface, FormatRange(*r, "fraction", ""),
        most ? "less than" : "more than");
    Finding f = MakeFinding("quantifier-contradiction", Severity::kWarning, std::move(msg), {&it});
    f.details["word"] = std::string(word);
    f.details["range"] = FormatRange(*r, "fraction", "");
    out->push_back(std::move(f));
  }
}

namespace {

// The clause before X ends in 从/由, or in 从<when>的: 从2022年的X下降至2023年的Y,
// 从去年同期的X, 从上一季度的X (a short time phrase: a digit or 年/季度/月/期).
bool FromBefore(std::string_view lead) {
  for (std::string_view w : {std::string_view("从"), std::string_view("由")}) {
    if (lead.size() >= w.size() && lead.substr(lead.size() - w.size()) == w) return true;
  }
  static constexpr std::string_view kOf = "的";
  if (lead.size() < kOf.size() || lead.substr(lead.size() - kOf.size()) != kOf) return false;
  size_t p = lead.rfind("从");
  if (p == std::string_view::npos) return false;
  std::string_view when = lead.substr(p + std::string_view("从").size());
  when.remove_suffix(kOf.size());
  if (when.empty() || when.size() > 24) return false;
  return HasDigit(when) || ContainsAny(when, {"年", "季度", "月", "期"});
}

}  // namespace

void CheckDirectionContradiction(Context& ctx, std::vector<Finding>* out) {
  for (std::span<const Item* const> items : ctx.sentences) {
    if (items.empty()) continue;
    std::string_view sentence = items[0]->c().sentence;
    // 从X下降至Y / 从X增长到Y
    for (size_t k = 1; k < items.size(); ++k) {
      const CheckClaim& x = items[k - 1]->c();
      const CheckClaim& y = items[k]->c();
      if (x.kind != y.kind || items[k - 1]->cls != items[k]->cls || items[k]->cls.empty()) continue;
      size_t xe = items[k - 1]->offset + x.surface.size();
      size_t ys = items[k]->offset;
      if (ys < xe || ys - xe > 30) continue;
      std::string_view between = sentence.substr(xe, ys - xe);
      std::string_view lead = items[k - 1]->clause;
      if (!FromBefore(lead)) continue;
      bool down = VerbBetween(between, kDown), up = VerbBetween(between, kUp);
      if (down == up) continue;
      auto rx = CompareRange(*items[k - 1], ctx.tol), ry = CompareRange(*items[k], ctx.tol);
      if (!rx || !ry) continue;
      ++ctx.groups_compared;
      bool reversed = down ? (!rx->hi_inf && !ry->lo_inf && ry->lo > rx->hi)
                           : (!ry->hi_inf && !rx->lo_inf && ry->hi < rx->lo);
      if (!reversed) { ++ctx.consistent; continue; }
      std::string msg = fmt::format("{} says {} from {} to {}, but the second figure is {}",
                                    Quote(*items[k]->sc), down ? "a fall" : "a rise", x.surface,
                                    y.surface, down ? "higher" : "lower");
      Finding f = MakeFinding("direction-contradiction", Severity::kWarning, std::move(msg),
                              {items[k - 1], items[k]});
      f.details["direction_word"] = down ? "down" : "up";
      out->push_back(std::move(f));
    }
    // 翻番 beside a stated rise that is not about +100%.
    for (const Item* it : items) {
      const CheckClaim& c = it->c();
      if (c.kind != Kind::kChange || c.direction != Direction::kUp || it->cls != "change") continue;
      std::string_view clause = it->clause;
      std::string_view two = TailClauses(sentence.substr(0, it->offset), 2);
      std::string_view prev = two.substr(0, two.size() - clause.size());
      bool doubling = ContainsAny(two, {"翻番", "翻一番", "翻了一番", "翻倍", "翻了一倍"}) &&
                      !ContainsAny(two, {"翻两番", "翻了两番", "翻三番"});
      if (!doubling || HasDigit(prev)) continue;
      auto r = CompareRange(*it, ctx.tol);
      if (!r) continue;
      ++ctx.groups_compared;
      // Doubling: +100%, read loosely (±tolerance, and at least +80%).
      Range<Rational> dbl{Rational(8, 10), Rational(12, 10)};
      if (Overlaps(*r, dbl)) { ++ctx.consistent; continue; }
      std::string msg = fmt::format("{} speaks of doubling (+100%) but states a rise of {}",
                                    Quote(*it->sc), FormatRange(*r, "change", ""));
      Finding f = MakeFinding("direction-contradiction", Severity::kWarning, std::move(msg), {it});
      f.details["direction_word"] = "翻番";
      out->push_back(std::move(f));
    }
  }
}

}  // namespace claims::check::internal
