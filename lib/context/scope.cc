// Scope and period selection share one idea: the closest qualifying phrase
// before the number in its sentence, because Chinese news states where and
// when before what ("2023财年三季度,英伟达在中国的营收…").
#include "context/scope.h"

#include <cctype>

#include "context/text_util.h"

namespace claims::context {

bool MetricTakesScope(std::string_view id) {
  for (std::string_view spec : {"memory", "bandwidth", "compute", "transistors", "process_node",
                                "speed", "efficiency", "power"}) {
    if (id == spec) return false;
  }
  return true;
}

namespace {

// A lexicon market's product: "AI芯片市场" -> "AI芯片".
std::string ProductOf(const EntityInfo& market) {
  std::string_view name = market.canonical;
  if (name.ends_with("市场")) name.remove_suffix(std::string_view("市场").size());
  return std::string(name);
}

// Whether text[pos] starts a CJK or ASCII punctuation mark or a space.
bool AtBreak(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return !std::isalnum(c);
  uint32_t cp = Cp3(text, pos);
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF20);
}

// A region and the product market after it, "中国" + "智能手机" ->
// "中国·智能手机"; the region alone when there is none.
std::string WithProduct(const std::string& region, const std::string& product) {
  return product.empty() ? region : region + "·" + product;
}

}  // namespace

std::string MarketAfter(std::string_view text, const Sentence& s, uint32_t pos, const Lexicon& lexicon) {
  constexpr int kMaxChars = 8;  // 折叠屏手机, 新能源汽车, 高端智能手机
  auto token = s.tokens.begin();
  auto token_at = [&](size_t p) -> const Token* {
    while (token != s.tokens.end() && token->begin < p) ++token;
    return token != s.tokens.end() && token->begin == p ? &*token : nullptr;
  };
  size_t p = pos;
  if (const Token* t = token_at(p); t && t->is(LexEntry::Table::kEntity)) {
    const EntityInfo& info = lexicon.entity(t->entry.index);
    return info.type == EntityType::kMarket ? ProductOf(info) : "";
  }
  for (int chars = 0; chars < kMaxChars && p < s.end; ++chars) {
    if (At(text, p, "市场")) break;
    // A lexicon word (出货量, 份额, 占), a mark or a joining word: the
    // region does not name a market here ("全球出货量", "中国的份额").
    if (token_at(p) || AtBreak(text, p) || AtAny(text, p, {"的", "在", "和", "与", "及"})) return "";
    p += Utf8Len(static_cast<unsigned char>(text[p]));
  }
  if (p == pos || !At(text, p, "市场")) return "";
  return std::string(text.substr(pos, p - pos));
}

std::string MarketOfWhole(std::string_view text, uint32_t begin, uint32_t end, const Lexicon& lexicon) {
  // At most a dozen characters: "高端人工智能芯片".
  if (end <= begin || end - begin > 36) return "";
  for (size_t p = begin; p < end; p += Utf8Len(static_cast<unsigned char>(text[p]))) {
    std::string word = std::string(text.substr(p, end - p)) + "市场";
    LexEntry e;
    if (lexicon.Match(word, 0, &e) == word.size() && e.table == LexEntry::Table::kEntity &&
        lexicon.entity(e.index).type == EntityType::kMarket) {
      return ProductOf(lexicon.entity(e.index));
    }
  }
  return "";
}

std::string SupplierMarket(std::string_view text, const Sentence& s, const Target& target,
                           const Lexicon& lexicon) {
  Range own = MergedClause(s.clauses, ClauseAt(s.clauses, target.begin), true);
  size_t after = target.end;
  while (after < own.end && text[after] == ' ') ++after;
  after += AtAny(text, after, {"以上", "左右"});
  if (!At(text, after, "的")) return "";
  after += std::string_view("的").size();
  for (const Token& t : s.tokens) {
    if (t.begin < after || t.end > own.end) continue;
    if (t.is_cue(Cue::kFrom)) return MarketOfWhole(text, static_cast<uint32_t>(after), t.begin, lexicon);
  }
  return "";
}

std::string FindScope(std::string_view text, const Sentence& s, const Target& target,
                      const Lexicon& lexicon, Kind kind, std::string_view metric_id) {
  if (metric_id.empty() || !MetricTakesScope(metric_id)) return "";
  // A market's own size: the entity names the market already.
  bool with_product = metric_id != "market_size" && metric_id != "size";
  Range eff = EffectiveClause(s, target);
  auto region = [&](const Token& t) {
    const std::string& name = lexicon.scope(t.entry.index);
    if (!with_product) return name;
    std::string product = MarketAfter(text, s, t.end, lexicon);
    // "放眼全球,英伟达在人工智能处理器市场的份额…": a lexicon market in the
    // number's own clause.
    for (size_t k = s.tokens.size(); product.empty() && k-- > 0;) {
      const Token& m = s.tokens[k];
      if (m.end > target.begin || m.begin < std::max(eff.begin, t.end)) continue;
      if (m.is(LexEntry::Table::kEntity) && lexicon.entity(m.entry.index).type == EntityType::kMarket) {
        product = ProductOf(lexicon.entity(m.entry.index));
      }
    }
    return WithProduct(name, product);
  };
  for (size_t k = s.tokens.size(); k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end > target.begin || !t.is(LexEntry::Table::kScope)) continue;
    if (kind == Kind::kLevel && ClaimBetween(s, t.end, target.begin)) break;
    // Outside its clause, a level takes only a place phrase ("在中国市场,…";
    // not "据美国CNBC报道,…").
    bool place = EndsAtAny(text, t.begin, {"在", "于", "从", "来自"}) ||
                 AtAny(text, t.end, {"市场", "地区", "大陆"});
    if (kind == Kind::kLevel && t.begin < eff.begin && !place) continue;
    return region(t);
  }
  size_t after = target.end;
  Range own = MergedClause(s.clauses, ClauseAt(s.clauses, target.begin), true);
  while (after < own.end && text[after] == ' ') ++after;
  after += AtAny(text, after, {"以上", "左右", "之多"});
  if (!At(text, after, "的")) return "";
  for (const Token& t : s.tokens) {
    if (t.begin < after || t.end > own.end) continue;
    if (t.is(LexEntry::Table::kScope)) return region(t);
    if (!t.is(LexEntry::Table::kEntity)) break;
  }
  return "";
}

namespace {

// Where the words right before `pos` start: at most `max_chars` characters
// back, not before `floor`, stopping at ASCII punctuation or a space and
// after any of `stops`.
size_t WordsBefore(std::string_view text, size_t pos, size_t floor, int max_chars,
                   std::initializer_list<std::string_view> stops) {
  size_t begin = pos;
  for (int chars = 0; begin > floor && chars < max_chars; ++chars) {
    if (EndsAtAny(text, begin, stops)) break;
    size_t prev = PrevCharStart(text, begin);
    unsigned char c = static_cast<unsigned char>(text[prev]);
    if (c < 0x80 && !std::isalnum(c)) break;  // ASCII punctuation or a space
    begin = prev;
  }
  return begin;
}

// Where a line's or segment's name starts: after these. "在" for "HBM销售额
// 在DRAM收入中的占比", whose line is DRAM.
const std::initializer_list<std::string_view> kLineNameStops = {"的", "其中", "来自", "在", "，", "、",
                                                               "：", "；", "（"};

}  // namespace

std::string RevenueLineOf(std::string_view text, const Sentence& s, size_t metric_begin) {
  if (!At(text, metric_begin, "收入")) return "";  // 营业收入, 总收入, 销售收入: other words
  // Most bare 收入 follow 的 or a mark: no line is named.
  if (metric_begin <= s.begin || EndsAt(text, metric_begin, "的")) return "";
  if (unsigned char c = text[metric_begin - 1]; c < 0x80 && !std::isalnum(c)) return "";
  // The line's name does not reach into a lexicon word (英伟达, 国内, 占, 及)
  // or a period (2024年第三季度).
  size_t floor = s.begin;
  for (const Token& t : s.tokens) {
    if (t.end <= metric_begin && t.end > floor) floor = t.end;
  }
  for (const PeriodMention& p : s.periods) {
    if (p.end <= metric_begin && p.end > floor) floor = p.end;
  }
  for (const Target& t : s.targets) {  // 约一半收入: a figure is no line's name
    if (t.end <= metric_begin && t.end > floor) floor = t.end;
  }
  if (floor >= metric_begin) return "";  // 腾讯收入, 国内收入, 第三季度收入
  size_t begin = WordsBefore(text, metric_begin, floor, 8, kLineNameStops);
  std::string_view name = text.substr(begin, metric_begin - begin);
  if (name.empty()) return "";
  // Words that make it the whole company's income, an average (AverageOf),
  // or a verb ("华为云同年实现收入553亿元"). After 其中 a 集团 or 公司 is one
  // part of the whole: "其中云智能集团收入398亿元".
  const bool part = EndsAtAny(text, begin, {"其中", "其中,", "其中，"}) != 0;
  for (std::string_view whole : {"总", "营业", "主营业务", "销售", "全年", "年度", "季度", "单季", "当季", "同期",
                                 "公司", "集团", "整体", "合并", "净", "经调整", "可支配", "其", "该", "本",
                                 "人均", "户均", "平均", "实现", "取得", "录得", "获得", "创造", "带来", "贡献",
                                 "达到"}) {
    if (part && (whole == "公司" || whole == "集团") && name.size() > whole.size()) continue;
    if (name.ends_with(whole)) return "";
  }
  for (char c : name) {
    if (IsDigit(c)) return "";
  }
  return std::string(name);
}

std::string SegmentOf(std::string_view text, const Sentence& s, size_t metric_begin) {
  size_t end = metric_begin - (EndsAt(text, metric_begin, "的") ? std::string_view("的").size() : 0);
  size_t unit = EndsAtAny(text, end, {"业务", "部门", "板块"});
  if (unit == 0) return RevenueLineOf(text, s, metric_begin);
  if (EndsAt(text, end - unit, "主营")) return "";
  // The name does not reach into an entity (英伟达数据中心业务) or a period
  // (2024年第三季度手机业务).
  size_t floor = 0;
  for (const Token& t : s.tokens) {
    if (t.is(LexEntry::Table::kEntity) && t.end <= end - unit && t.end > floor) floor = t.end;
  }
  for (const PeriodMention& p : s.periods) {
    if (p.end <= end - unit && p.end > floor) floor = p.end;
  }
  const size_t name_end = end - unit;
  size_t begin = WordsBefore(text, name_end, floor, 8, kLineNameStops);
  if (begin == name_end) return "";
  return std::string(text.substr(begin, end - begin));
}

std::string AverageOf(std::string_view text, size_t metric_begin) {
  // Every marker ends in 均: most metric words have none in the five
  // characters (at most 20 bytes) before them, which settles it.
  size_t window = metric_begin > 20 ? metric_begin - 20 : 0;
  if (text.substr(window, metric_begin - window).find("均") == std::string_view::npos) return "";
  size_t from = WordsBefore(text, metric_begin, 0, 5, {"、"});  // the metric word's clause
  std::string_view before = text.substr(from, metric_begin - from);
  for (std::string_view w : {"人均", "户均", "平均"}) {
    if (before.find(w) != std::string_view::npos) return std::string(w);
  }
  return "";
}

std::string AdjustedOf(std::string_view text, size_t metric_begin) {
  size_t from = metric_begin > 48 ? metric_begin - 48 : 0;
  std::string_view before = text.substr(from, metric_begin - from);
  // Every marker holds 调, 非, GAAP or IFRS: one pass over the bytes rules
  // most windows out before any search.
  bool maybe = false;
  for (size_t i = 0; i + 2 < before.size() && !maybe; ++i) {
    unsigned char b = before[i];
    maybe = (b == 0xE8 && before.compare(i, 3, "调") == 0) || (b == 0xE9 && before.compare(i, 3, "非") == 0) ||
            b == 'G' || b == 'I';
  }
  if (!maybe) return "";
  for (std::string_view mark : {"，", "。", "；", "、", ",", ";"}) {
    size_t at = before.rfind(mark);
    if (at != std::string_view::npos) before.remove_prefix(at + mark.size());
  }
  for (std::string_view w : {"扣非", "扣除非经常性损益"}) {
    if (before.find(w) != std::string_view::npos) return "扣非";
  }
  for (std::string_view w : {"经调整", "调整后", "非国际财务报告准则", "非国际会计准则", "非通用会计准则", "非GAAP",
                             "Non-GAAP", "non-GAAP", "Non-IFRS", "non-IFRS"}) {
    if (before.find(w) != std::string_view::npos) return "经调整";
  }
  return "";
}

std::string CurrencyBasisOf(std::string_view text, const Sentence& s, const Target& target) {
  std::string_view before = text.substr(s.begin, target.begin - s.begin);
  // Most sentences have no 计 at all: look for it first, then read back.
  for (size_t at = before.find("计"); at != std::string_view::npos; at = before.find("计", at + 3)) {
    std::string_view head = before.substr(0, at);
    for (std::string_view currency : {"新台币", "美元", "人民币", "港元", "港币", "欧元", "日元", "本币", "当地货币"}) {
      if (!head.ends_with(currency)) continue;
      std::string_view lead = head.substr(0, head.size() - currency.size());
      if (lead.ends_with("以") || lead.ends_with("按")) return std::string(currency) + "计";
    }
  }
  return "";
}

int SelectPeriod(std::string_view text, const Sentence& s, const Target& target) {
  using Role = PeriodMention::Role;
  int best = -1;
  for (size_t k = 0; k < s.periods.size(); ++k) {
    const PeriodMention& p = s.periods[k];
    if (p.end > target.begin) break;
    // "较上年同期的1492亿元增长8%": the figure the base period's 的 leads to
    // is the base's level, of that period.
    if (p.role == Role::kBase && EndsAt(text, target.begin, "的") && !ClaimBetween(s, p.end, target.begin)) {
      best = static_cast<int>(k);
      continue;
    }
    if (p.role == Role::kBase || p.role == Role::kSince || p.role == Role::kAside) continue;
    if (p.role == Role::kFrom &&
        (ClaimBetween(s, p.end, target.begin) || ContainsAny(text, p.end, target.begin, {"至", "到"}))) {
      continue;
    }
    best = static_cast<int>(k);
  }
  return best;
}

}  // namespace claims::context
