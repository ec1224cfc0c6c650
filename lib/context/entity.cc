// Entity choice, in order of confidence:
//   1. 分别: the k-th number after it belongs to the k-th listed entity;
//   2. the owner of a whole: 占<E>…, N%的…来自<E>;
//   3. the nearest subject before the number in its clause, skipping what is
//      compared (比H100), oblique (向英伟达) or a person; a list stops the
//      search with "unknown";
//   4. an entity right after the number's 的-phrase (70亿美元的AI芯片市场);
//   5. the entity of the previous number in the same sentence when nothing
//      names a new one in between (营收…,同比下降16.5%; 净利润…);
//   6. a market named before the number in its clause;
//   7. for a business metric, the nearest subject in an earlier clause;
//   8. for a business metric, the only company in the sentence.
// A market is chosen only when no company or product qualifies. A person is
// never an entity, but 老黄的公司 is the company the article ties him to.
#include "context/entity.h"

#include <algorithm>
#include <set>

#include "context/scope.h"
#include "context/text_util.h"

namespace claims::context {
namespace {

bool IsEntity(const Token& t) { return t.is(LexEntry::Table::kEntity); }
bool IsAnaphor(const Token& t) {
  return t.is_cue(Cue::kAnaphor) || t.is_cue(Cue::kAnaphorPlural) || t.is_cue(Cue::kLatter) ||
         t.is_cue(Cue::kFormer);
}

EntityType TypeOf(const Token& t, const Lexicon& lex) {
  return IsEntity(t) ? lex.entity(t.entry.index).type : EntityType::kCompany;
}

bool IsType(const Token& t, const Lexicon& lex, EntityType type) {
  return IsEntity(t) && lex.entity(t.entry.index).type == type;
}

// 老黄的公司, 黄仁勋旗下: the words after a person that mean his company.
size_t OwnedAfter(std::string_view text, size_t pos) {
  return AtAny(text, pos, {"的公司", "的企业", "旗下", "执掌的", "掌舵的", "领导的"});
}

// Titles between a company and its person: 英伟达CEO黄仁勋, 英伟达联合创始人兼
// 首席执行官黄仁勋. True when text[begin, end) is made of titles only, at
// least one of them a title rather than a joining word.
bool TitlesOnly(std::string_view text, size_t begin, size_t end) {
  bool title = false;
  while (begin < end) {
    if (text[begin] == ' ') { ++begin; continue; }
    size_t n = AtAny(text, begin, {"首席执行官", "联合创始人", "创始人", "创办人", "董事长", "总裁",
                                   "掌门人", "老板", "CEO", "ceo"});
    if (n) {
      title = true;
    } else {
      n = AtAny(text, begin, {"兼", "、", "和", "及", "的", "公司"});
      if (!n) return false;
    }
    begin += n;
  }
  return title && begin == end;
}

bool SamePiece(const Sentence& s, uint32_t a, uint32_t b) {
  size_t ca = ClauseAt(s.clauses, a), cb = ClauseAt(s.clauses, b);
  if (ca == cb) return true;
  for (size_t k = std::min(ca, cb) + 1; k <= std::max(ca, cb); ++k) {
    if (s.clauses[k].before != Boundary::kEnum) return false;
  }
  return true;
}

std::string Resolve(std::string_view text, const Token& t, const Lexicon& lex,
                    const std::vector<Token>& tokens, size_t k, const EntityMemory& memory) {
  if (IsEntity(t)) {
    const EntityInfo& info = lex.entity(t.entry.index);
    if (info.type != EntityType::kPerson) return info.canonical;
    if (!OwnedAfter(text, t.end)) return "";
    for (const auto& [person, company] : memory.employers) {
      if (person == info.canonical) return company;
    }
    return "";
  }
  if (t.is_cue(Cue::kAnaphorPlural)) return "";
  std::string_view word = text.substr(t.begin, t.end - t.begin);
  // 该行 and 该银行 are a bank's 该公司.
  bool want_company = word.find("公司") != std::string_view::npos || word.find("企业") != std::string_view::npos ||
                      word.ends_with("行");
  bool want_product = !want_company && word.size() > 3 && !t.is_cue(Cue::kLatter) && !t.is_cue(Cue::kFormer);
  int skip = t.is_cue(Cue::kFormer) ? 1 : 0;
  for (size_t j = k; j-- > 0;) {
    const Token& p = tokens[j];
    if (!IsEntity(p) && !(IsAnaphor(p) && !p.resolved.empty())) continue;
    // "H20比H100低80%,其性能…": 其 is H20. 后者 may well be the compared one.
    if (p.compared && t.is_cue(Cue::kAnaphor)) continue;
    EntityType type = TypeOf(p, lex);
    if (want_company && IsEntity(p) && type != EntityType::kCompany && type != EntityType::kPerson) continue;
    if (want_product && IsEntity(p) && type != EntityType::kProduct) continue;
    if (skip-- > 0) continue;
    if (p.listed) return "";
    // A person's token is resolved only as his company (老黄的公司).
    return IsAnaphor(p) || type == EntityType::kPerson ? p.resolved : lex.entity(p.entry.index).canonical;
  }
  if (t.is_cue(Cue::kLatter) || t.is_cue(Cue::kFormer)) return "";
  return want_company ? memory.company : want_product ? memory.product : memory.any;
}

}  // namespace

bool SplitRegionOffMarket(std::string_view text, const Lexicon& lexicon, Sentence* s) {
  bool split = false;
  for (Token& t : s->tokens) {
    if (!IsEntity(t) || text.substr(t.end, 24).find("市场") == std::string_view::npos) continue;
    LexEntry region;
    size_t n = lexicon.Match(text.substr(0, t.end - 1), t.begin, &region);
    if (n == 0 || region.table != LexEntry::Table::kScope) continue;
    // The rest of the name and the words after it must name a market.
    Token probe = t;
    probe.begin += static_cast<uint32_t>(n);
    if (MarketAfter(text, *s, probe.begin, lexicon).empty() || MarketAfter(text, *s, t.end, lexicon).empty()) continue;
    t.end = t.begin + static_cast<uint32_t>(n);
    t.entry = region;
    split = true;
  }
  return split;
}

void MarkEntityRoles(std::string_view text, const Lexicon& lexicon, const EntityMemory& memory,
                     Sentence* s) {
  SplitRegionOffMarket(text, lexicon, s);
  std::vector<Token>& tokens = s->tokens;
  enum { kNone, kCompare, kPrep } pending = kNone;
  // The piece of each token's start, found walking forward with the tokens
  // (ClauseAt from the first piece for every token showed in profiles).
  size_t piece = 0;
  auto piece_at = [&](uint32_t pos) {
    while (piece + 1 < s->clauses.size() && s->clauses[piece + 1].begin <= pos) ++piece;
    return piece;
  };
  for (size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (k > 0) {
      // SamePiece(previous token's end, t.begin), with pieces found in order.
      size_t from = piece_at(tokens[k - 1].end), to = piece_at(t.begin);
      for (size_t c = from + 1; c <= to; ++c) {
        if (s->clauses[c].before != Boundary::kEnum) pending = kNone;
      }
    }
    if (t.is_cue(Cue::kCompare)) { pending = kCompare; continue; }
    if (t.is_cue(Cue::kPrep) || t.is_cue(Cue::kFrom)) { pending = kPrep; continue; }
    if (IsEntity(t) || IsAnaphor(t)) {
      t.compared = pending == kCompare;
      t.oblique = pending == kPrep;
      // "与H100相比": compared, whatever came before.
      size_t after = t.end;
      if (after < text.size() && text[after] == ' ') ++after;
      if (AtAny(text, after, {"相比", "相较", "比较", "相差"})) t.compared = true;
      // "寒武纪的营收超过了海光信息": overtaken, not the subject. Each word
      // ends in one of seven characters, which rules most entities out.
      uint32_t last = t.begin >= 3 ? Cp3(text, t.begin - 3) : 0;
      bool may_follow = last == Cp("过") || last == Cp("了") || last == Cp("越") || last == Cp("先") ||
                        last == Cp("于") || last == Cp("及") || last == Cp("超");
      if (may_follow && EndsAtAny(text, t.begin, {"超过", "超过了", "超越", "超越了", "领先", "领先于", "落后于",
                                                  "不及", "赶超", "高于", "低于"})) {
        t.compared = true;
      }
      continue;
    }
    if (t.is(LexEntry::Table::kScope) || t.is_cue(Cue::kEnum)) continue;
    pending = kNone;
  }
  // "是H100的7倍", "仅为NVIDIA H的15%", "上升到A100的5倍": everything between the
  // verb and 的 names what the number is relative to.
  for (const Target& target : s->targets) {
    if (target.form != ValueForm::kMultiple && target.form != ValueForm::kPercent) continue;
    size_t p = target.begin;
    while (p > s->begin && text[p - 1] == ' ') --p;
    p -= EndsAtAny(text, p, {"大约", "将近", "约", "近"});
    if (!EndsAt(text, p, "的")) continue;
    size_t de = p - 3;
    size_t verb = tokens.size();
    for (size_t k = tokens.size(); k-- > 0;) {
      const Token& t = tokens[k];
      if (t.end > de) continue;
      if (!SamePiece(*s, t.end, de)) break;
      if (t.is_cue(Cue::kShare) || t.is_cue(Cue::kShareOf)) break;
      if (t.is_cue(Cue::kIs) || t.is_cue(Cue::kReach) || t.is_cue(Cue::kUp) || t.is_cue(Cue::kDown)) {
        verb = k;
        break;
      }
    }
    for (size_t k = verb + 1; k < tokens.size() && tokens[k].end <= de; ++k) {
      if (IsEntity(tokens[k]) || IsAnaphor(tokens[k])) tokens[k].compared = true;
    }
  }
  // Lists: entity, 、/和/与/及, entity; and "字节等".
  for (size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (!IsEntity(t)) continue;
    if (At(text, t.end, "等")) t.listed = true;
    if (k + 2 < tokens.size() && tokens[k + 1].is_cue(Cue::kEnum) && IsEntity(tokens[k + 2]) &&
        tokens[k + 1].begin - t.end <= 1 && tokens[k + 2].begin - tokens[k + 1].end <= 1 &&
        !tokens[k + 2].compared) {
      t.listed = true;
      tokens[k + 2].listed = true;
    }
  }
  for (size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (IsEntity(t) || IsAnaphor(t)) t.resolved = Resolve(text, t, lexicon, tokens, k, memory);
  }
}

bool NamesPersonsCompany(std::string_view text, const Lexicon& lexicon, const Sentence& s) {
  for (const Token& t : s.tokens) {
    if (IsType(t, lexicon, EntityType::kPerson) && OwnedAfter(text, t.end)) return true;
  }
  return false;
}

void LearnEmployers(std::string_view text, const Lexicon& lexicon, EntityMemory* memory) {
  memory->employers_learned = true;
  // One pass with the lexicon, keeping only the previous word: memory does
  // not grow with the article, however many names it has.
  struct Word {
    size_t begin = 0, end = 0;
    LexEntry entry;
  };
  auto type_of = [&lexicon](const Word& w, EntityType type) {
    return w.entry.table == LexEntry::Table::kEntity && lexicon.entity(w.entry.index).type == type;
  };
  auto name = [&lexicon](const Word& w) { return lexicon.entity(w.entry.index).canonical; };
  std::set<std::pair<std::string, std::string>> seen;  // (person, company), every pairing
  Word a;
  bool have_a = false;
  auto pair_up = [&](uint32_t begin, uint32_t end, LexEntry entry) {
    Word b{begin, end, entry};
    if (have_a && type_of(a, EntityType::kCompany) && type_of(b, EntityType::kPerson) &&
        TitlesOnly(text, a.end, b.begin)) {
      seen.emplace(name(b), name(a));
    }
    // 黄仁勋(英伟达创始人), 黄仁勋,英伟达CEO
    if (have_a && type_of(a, EntityType::kPerson) && type_of(b, EntityType::kCompany) &&
        AtAny(text, a.end, {"(", ",", " "}) && b.begin - a.end <= 1) {
      size_t close = b.end;
      while (close < text.size() && text[close] != ')' && text[close] != ',' && close - b.end < 40) ++close;
      if (close < text.size() && TitlesOnly(text, b.end, close)) seen.emplace(name(a), name(b));
    }
    a = b;
    have_a = true;
  };
  // Only a paragraph that names a person is read: neither pattern reaches
  // over a line break (titles, "(", "," or a space stand between the two
  // words), and no lexicon word holds one, so a scan from a paragraph's start
  // finds the words a scan of the whole article finds there. Most articles
  // name their people in a paragraph or two.
  for (size_t para = 0; para < text.size();) {
    size_t line_end = text.find('\n', para);
    size_t end = line_end == std::string_view::npos ? text.size() : line_end + 1;
    if (lexicon.MayNamePerson(text.substr(para, end - para))) {
      have_a = false;
      ForEachWord(lexicon, text, static_cast<uint32_t>(para), static_cast<uint32_t>(end), pair_up);
    }
    para = end;
  }
  for (auto it = seen.begin(); it != seen.end();) {
    auto next = std::next(it);
    bool alone = (next == seen.end() || next->first != it->first);
    if (alone) memory->employers.push_back(*it);  // two companies: unknown
    while (next != seen.end() && next->first == it->first) ++next;
    it = next;
  }
}

void RememberEntities(const Sentence& s, const Lexicon& lexicon, EntityMemory* memory) {
  for (const Token& t : s.tokens) {
    if (!IsEntity(t) && !(t.is_cue(Cue::kAnaphor) || t.is_cue(Cue::kAnaphorPlural))) continue;
    std::string name = t.listed ? "" : t.resolved;
    EntityType type = TypeOf(t, lexicon);
    auto update = [&](std::string* field, uint32_t* pos) {
      if (t.begin < *pos) return;
      *field = name;
      *pos = t.begin;
    };
    update(&memory->any, &memory->any_pos);
    if (type == EntityType::kCompany || type == EntityType::kPerson) update(&memory->company, &memory->company_pos);
    if (type == EntityType::kProduct) update(&memory->product, &memory->product_pos);
  }
}

// Words that stand before a metric word without naming anyone: the subject
// itself, a basis, a time or a stage of a figure (公司, 归母, GAAP, 季度,
// 预计).
bool NamesNoOne(std::string_view words) {
  for (std::string_view w : {"公司", "集团", "企业", "全年", "累计", "合计", "总计", "归母", "线上", "线下",
                             "单季", "当季", "当期", "本期", "同期", "单月", "当月", "季度", "年度", "月度",
                             "半年", "当日", "整体", "总体", "合并", "税前", "税后", "日均", "月均", "年均",
                             "预计", "预期", "预测", "实际", "目标", "计划", "最新", "最终", "初步", "GAAP",
                             "IFRS"}) {
    if (words == w) return true;
  }
  return false;
}

// Whether `words` read as a brand: two Chinese characters (苹果, 传音) or a
// Latin word (OPPO), and not NamesNoOne. 总 (市值) and 单次查询 (成本) are
// modifiers; "“净利润…" quotes a figure.
bool LooksLikeName(std::string_view words) {
  if (words.empty() || words.size() > 12 || NamesNoOne(words)) return false;
  if (static_cast<unsigned char>(words[0]) >= 0x80 && words.size() != 6) return false;  // 总市值: a modifier
  for (size_t k = 0; k < words.size();) {
    char a = words[k];
    if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || a == ' ') {
      ++k;
      continue;
    }
    uint32_t c = Cp3(words, k);
    if (c < 0x4E00 || c > 0x9FFF) return false;
    k += 3;
  }
  return true;
}

// "茅台酒实现营业收入1265.9亿元，系列酒实现营业收入206.3亿元": the clause
// repeats the words that stood between the previous figure's subject and
// that figure, with another subject in front (系列酒, which the lexicon does
// not know). The figure is that subject's, not the previous one's.
bool ParallelSubject(std::string_view text, const Sentence& s, size_t i, Range eff) {
  if (i == 0) return false;
  const Target& prev = s.targets[i - 1];
  const Target& target = s.targets[i];
  const Token* subject = nullptr;
  for (const Token& t : s.tokens) {
    if (t.end <= prev.begin && IsEntity(t)) subject = &t;
  }
  if (subject == nullptr || prev.begin - subject->end < 3 || prev.begin - subject->end > 24) return false;
  std::string_view words = text.substr(subject->end, prev.begin - subject->end);
  if (target.begin < eff.begin + words.size() + 3) return false;  // no room for a subject of its own
  size_t slot = target.begin - words.size();
  if (text.substr(slot, words.size()) != words) return false;
  std::string_view front = text.substr(eff.begin, slot - eff.begin);
  while (!front.empty() && front.front() == ' ') front.remove_prefix(1);
  if (NamesNoOne(front)) return false;  // "…；预计营收为375亿美元": the same subject's forecast
  for (const Token& t : s.tokens) {
    if (t.begin >= eff.begin && t.end <= slot && (IsEntity(t) || IsAnaphor(t))) return false;  // named: not unknown
  }
  return true;
}

// The words that open `target`'s clause before its metric word, when the
// metric word stands right before the number (or before 为/达/是 and it) and
// no lexicon word or period stands before it: "苹果" in "苹果出货量为5680万台".
// Empty otherwise. 其中/同时 before the words and 实现/录得 after them are cut.
std::string_view WordsBeforeMetric(std::string_view text, const Sentence& s, const Target& target, Range eff,
                                   uint32_t* metric_begin) {
  const Token* metric = nullptr;
  for (const Token& t : s.tokens) {
    if (t.begin < eff.begin || t.end > target.begin) continue;
    if (t.is(LexEntry::Table::kMetric)) {
      metric = &t;
    } else if (metric && !t.is_cue(Cue::kIs) && !t.is_cue(Cue::kReach)) {
      return {};  // more words between the metric and the number
    }
  }
  if (metric == nullptr) return {};
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == ',')) v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    return v;
  };
  std::string_view gap = trim(text.substr(metric->end, target.begin - metric->end));
  if (!gap.empty() && gap != "为" && gap != "约为" && gap != "达" && gap != "达到" && gap != "是" &&
      gap != "仅为" && gap != "高达") {
    return {};
  }
  for (const Token& t : s.tokens) {
    if (t.begin >= eff.begin && t.end <= metric->begin) return {};
  }
  for (const PeriodMention& p : s.periods) {
    if (p.begin < metric->begin && p.end > eff.begin) return {};
  }
  std::string_view rest = trim(text.substr(eff.begin, metric->begin - eff.begin));
  for (std::string_view w : {"其中", "同时", "此外", "另外", "而"}) {
    if (rest.starts_with(w)) rest.remove_prefix(w.size());
  }
  for (std::string_view w : {"实现", "录得", "取得", "完成", "的"}) {
    if (rest.ends_with(w)) rest.remove_suffix(w.size());
  }
  *metric_begin = metric->begin;
  return trim(rest);
}

// "三星出货量为5780万台；苹果出货量为5680万台": a clause that opens with a
// name the lexicon does not know, then the metric word and the number, is
// that name's figure, not the previous subject's: unknown is better than
// wrong. A segment or basis the scope reads (网络广告收入, 经调整净利润,
// 人均收入) is part of the subject's own figure, no other subject.
bool UnknownSubject(std::string_view text, const Sentence& s, const Target& target, Range eff) {
  uint32_t metric_begin = 0;
  if (!LooksLikeName(WordsBeforeMetric(text, s, target, eff, &metric_begin))) return false;
  return SegmentOf(text, s, metric_begin).empty() && AdjustedOf(text, metric_begin).empty() &&
         AverageOf(text, metric_begin).empty();
}

std::string FindEntity(std::string_view text, const Sentence& s, size_t i, const Lexicon& lexicon,
                       const std::vector<std::string>& earlier, std::string_view metric_id,
                       const std::string& carried) {
  bool business = !metric_id.empty() && MetricTakesScope(metric_id);
  const Target& target = s.targets[i];
  Range eff = EffectiveClause(s, target);
  Range own = MergedClause(s.clauses, ClauseAt(s.clauses, target.begin), true);
  const std::vector<Token>& tokens = s.tokens;
  auto candidate = [&](const Token& t) {
    return (IsEntity(t) || IsAnaphor(t)) && !t.compared && !t.oblique;
  };
  auto is_market = [&](const Token& t) { return IsEntity(t) && TypeOf(t, lexicon) == EntityType::kMarket; };

  // 1. 分别: the k-th claim after it takes the k-th listed entity.
  for (size_t k = 0; s.has_any(Cue::kRespectively) && k < tokens.size(); ++k) {
    if (!tokens[k].is_cue(Cue::kRespectively) || tokens[k].begin < eff.begin || tokens[k].end > target.begin) continue;
    std::vector<std::string> listed;
    for (const Token& t : tokens) {
      if (t.end <= tokens[k].begin && IsEntity(t) && t.listed && t.begin >= s.begin) listed.push_back(t.resolved);
    }
    size_t ordinal = 0;
    for (size_t j = 0; j < i; ++j) ordinal += s.targets[j].begin >= tokens[k].end ? 1 : 0;
    return ordinal < listed.size() ? listed[ordinal] : "";
  }
  // 2. The owner of a whole.
  for (size_t k = 0; s.has_any(Cue::kShare, Cue::kFrom) && k + 1 < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.is_cue(Cue::kShare) && t.begin >= eff.begin && t.end <= target.begin &&
        IsEntity(tokens[k + 1]) && tokens[k + 1].begin - t.end <= 1 && tokens[k + 1].end <= target.begin) {
      return tokens[k + 1].listed ? "" : tokens[k + 1].resolved;
    }
    if (t.is_cue(Cue::kFrom) && t.begin >= target.end && t.end <= own.end && IsEntity(tokens[k + 1]) &&
        tokens[k + 1].begin - t.end <= 1 && !ClaimBetween(s, target.end, t.begin)) {
      return tokens[k + 1].listed ? "" : tokens[k + 1].resolved;
    }
  }
  // 3. The nearest subject before the number.
  for (size_t k = tokens.size(); k-- > 0;) {
    const Token& t = tokens[k];
    if (t.end > target.begin || t.begin < eff.begin) continue;
    if (!candidate(t) || is_market(t)) continue;
    if (t.listed) return "";
    return t.resolved;  // "" for a person or an unresolved anaphor: stop, unknown
  }
  // 4. After the number, through its 的-phrase.
  size_t after = target.end;
  while (after < own.end && text[after] == ' ') ++after;
  after += AtAny(text, after, {"以上", "左右", "之多", "上下"});
  if (At(text, after, "的")) {
    for (const Token& t : tokens) {
      if (t.begin < after || t.end > own.end || !candidate(t)) continue;
      if (ClaimBetween(s, target.end, t.begin)) break;
      return t.listed ? "" : t.resolved;
    }
  }
  // 5. The previous number's entity, when nothing new was named in between.
  const std::string& previous = i > 0 ? earlier[i - 1] : carried;
  if (ParallelSubject(text, s, i, eff) || UnknownSubject(text, s, target, eff)) return "";
  uint32_t from = i > 0 ? s.targets[i - 1].end : s.begin;
  bool named = false;
  for (const Token& t : tokens) {
    if (t.begin >= from && t.end <= target.begin && (IsEntity(t) || IsAnaphor(t)) && !t.compared) named = true;
  }
  if (!previous.empty() && !named) return previous;
  // "苹果出货量为5680万台，份额为18%": the share is the unknown subject's too,
  // not that of a name before it.
  if (i > 0 && previous.empty() && !named) {
    const Target& prev = s.targets[i - 1];
    Range prev_eff = EffectiveClause(s, prev);
    if (ParallelSubject(text, s, i - 1, prev_eff) || UnknownSubject(text, s, prev, prev_eff)) return "";
  }
  // 6. A market named before the number in its clause.
  for (size_t k = tokens.size(); k-- > 0;) {
    const Token& t = tokens[k];
    if (t.end <= target.begin && t.begin >= eff.begin && candidate(t) && is_market(t)) return t.resolved;
  }
  // 7. For a business figure, the nearest subject in an earlier clause:
  //    "英伟达的股价一路飙升,上涨了整整五倍".
  if (business) {
    for (size_t k = tokens.size(); k-- > 0;) {
      const Token& t = tokens[k];
      if (t.end > target.begin || !candidate(t) || is_market(t)) continue;
      return t.listed ? "" : t.resolved;
    }
  }
  // 8. The only company or product in the sentence.
  if (business) {
    std::set<std::string> names;
    for (const Token& t : tokens) {
      if (!IsEntity(t) || t.compared || t.listed || is_market(t)) continue;
      if (TypeOf(t, lexicon) == EntityType::kPerson) continue;
      names.insert(t.resolved);
    }
    if (names.size() == 1) return *names.begin();
  }
  return "";
}

}  // namespace claims::context
