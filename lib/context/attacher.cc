// The Attacher walks an article's claims in text order, one sentence at a
// time. Per sentence it builds the Sentence model once (tokens, clauses,
// periods), then runs the heuristics per claim: metric (without the
// dimension check) -> kind -> metric (with it, for levels) -> entity -> scope
// -> period. Article-level memory — the last entities for 其/该公司 and the
// last fiscal year for a bare 四季度 — is carried from sentence to sentence.
// The text between claim sentences is read too, but only when a sentence
// refers back, so an anaphor can point to a sentence that held no number
// without every article paying for a scan of all its text.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "context/context.h"
#include "context/entity.h"
#include "context/kind.h"
#include "context/lexicon.h"
#include "context/metric.h"
#include "context/scope.h"
#include "context/sentence.h"
#include "context/text_util.h"

namespace claims::context {
namespace {

// The article's periods so far. Each field keeps where it was set: the text
// between claim sentences is read late, only when a sentence needs it, and a
// later position always wins.
// How far back before a sentence that refers back the skipped text is read:
// about two hundred characters, two or three sentences.
constexpr uint32_t kLookBack = 600;

struct PeriodState {
  int fiscal_year = 0, fiscal_quarter = 0;
  uint32_t fiscal_pos = 0;
  bool fiscal_seen = false;    // any 财年/财季/FY read so far: quarters may be fiscal
  int last_year = 0;           // the last calendar year stated
  uint32_t last_year_pos = 0;  // where, also for the same-paragraph test
  std::string previous;        // the last resolved period
  uint32_t previous_pos = 0;
};

// A bare quarter of a fiscal reporter: by the date it is said to end on
// ("截至7月27日的第二财季": the period resolved just before it), else by the
// article's date: one that ended in an earlier month, up to six months back.
// (Fiscal quarters end late in their month, and results come weeks after: a
// January 22 article's 四季度 is not the one ending that January.)
std::string BareFiscalQuarter(const PeriodMention& p, const PeriodContext& ctx,
                              const std::vector<std::string>& resolved, int fy_end_month) {
  if (!p.quarter_ends_on_date) {
    if (!ctx.article_month) return "";
    bool january = ctx.article_month == 1;
    return ResolveBareFiscalQuarter(p, ctx.article_year - (january ? 1 : 0), january ? 12 : ctx.article_month - 1,
                                    5, fy_end_month);
  }
  PeriodContext end;
  if (resolved.empty() || resolved.back().size() != 10 || !ParseArticleDate(resolved.back(), &end)) return "";
  return ResolveBareFiscalQuarter(p, end.article_year, end.article_month, 1, fy_end_month);
}

// Whether `s` is an outlook (预计, 有望 …): it may speak of a quarter that
// has not ended.
bool SaysOutlook(std::string_view text, const Sentence& s) {
  std::string_view sentence = text.substr(s.begin, s.end - s.begin);
  for (std::string_view w : {"预计", "预期", "有望", "指引", "展望", "预测"}) {
    if (sentence.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Whether the fiscal quarter `period` ("FY2025Q4") of a company whose fiscal
// year ends in month `fy_end_month` had not ended before the article's month.
bool FiscalQuarterEndsAfter(std::string_view period, int fy_end_month, const PeriodContext& article) {
  if (!article.article_year || !article.article_month || period.size() != 8 || !period.starts_with("FY") ||
      period[6] != 'Q') {
    return false;
  }
  int fy = 0;
  for (char c : period.substr(2, 4)) fy = fy * 10 + (c - '0');
  int quarter = period[7] - '0';
  int end = fy * 12 + fy_end_month - 1 - 3 * (4 - quarter);  // months since year 0
  return end >= article.article_year * 12 + article.article_month - 1;
}

// Resolves every period of `s` in order, updating `state`; sets `out`
// (cleared first, its capacity kept) to one string per period ("" where
// unresolved). calendar_named() says whether the sentence names only
// calendar reporters, calendar_ok() whether the sentence's
// bare quarters may be calendar ones, fiscal_end() the month the fiscal year
// ends in of the fiscal reporter they belong to (0: none known); each is
// asked only for a quarter nothing else placed, since it may have to read the
// text between claim sentences.
template <class CalendarNamed, class CalendarOk, class FiscalEnd>
void ResolveAll(std::string_view text, const Sentence& s, PeriodContext base, PeriodState* state,
                CalendarNamed&& calendar_named, CalendarOk&& calendar_ok, FiscalEnd&& fiscal_end,
                std::vector<std::string>* resolved) {
  std::vector<std::string>& out = *resolved;
  out.clear();
  for (PeriodMention p : s.periods) {
    if (PartOfMonthSpan(text, p)) p.what = PeriodMention::What::kOpaque;  // 1至10月
    // "近5年同期均值": the same period of several years, not of last year.
    if (p.what == PeriodMention::What::kSameLastYear && EndsAt(text, p.begin, "年")) {
      p.what = PeriodMention::What::kOpaque;
    }
    const bool bare_quarter = p.quarter && !p.year && p.rel_year == 99;
    // A sentence about a company that reports by calendar quarters (三星 in
    // an article that spoke of 英伟达's fiscal year) takes no fiscal year.
    const bool calendar = bare_quarter && calendar_named();
    PeriodContext ctx = base;
    if (!calendar) {
      ctx.fiscal_year = state->fiscal_year;
      ctx.fiscal_quarter = state->fiscal_quarter;
    }
    ctx.previous = state->previous;
    if (state->last_year &&
        text.substr(state->last_year_pos, p.begin - std::min(p.begin, state->last_year_pos)).find('\n') ==
            std::string_view::npos) {
      ctx.anchor_year = state->last_year;
    }
    std::string r = ResolvePeriod(p, ctx);
    state->fiscal_seen = state->fiscal_seen || p.fiscal;
    // A fiscal year carried from an earlier sentence ("其2025财年产能已售罄。
    // 美光第四财季营收为…" in November 2024) does not make a reported
    // quarter one that has not ended yet; an outlook may be one.
    if (bare_quarter && ctx.fiscal_year && !r.empty() && !SaysOutlook(text, s)) {
      if (int end = fiscal_end(); end && FiscalQuarterEndsAfter(r, end, base)) {
        r.clear();
        ctx.fiscal_year = 0;
      }
    }
    // A bare part of a year, as a calendar or else a fiscal one. "下一季度"
    // holds the bare 一季度 FindPeriods saw: the next quarter, not this.
    if (r.empty() && !ctx.fiscal_year && !EndsAtAny(text, p.begin, {"下", "上", "这", "本", "下个", "上个"})) {
      if (calendar || (!state->fiscal_seen && calendar_ok())) r = ResolveBarePart(p, ctx);
      // fiscal_end() may read skipped text: only for what may be a bare quarter.
      if (r.empty() && bare_quarter) {
        if (int end = fiscal_end()) r = BareFiscalQuarter(p, ctx, out, end);
      }
    }
    using What = PeriodMention::What;
    using Role = PeriodMention::Role;
    if (p.what == What::kCalendar && p.role != Role::kSince && p.end >= state->fiscal_pos) {
      if (p.fiscal && p.year) {
        state->fiscal_year = p.year;
        state->fiscal_quarter = p.quarter_to ? 0 : p.quarter;
        state->fiscal_pos = p.end;
      }
      // "截至…的四季度" placed by the fiscal year: that is now the quarter.
      if (!p.year && p.quarter && r.starts_with("FY")) {
        state->fiscal_quarter = p.quarter;
        state->fiscal_pos = p.end;
      }
    }
    if (p.what == What::kCalendar && p.role != Role::kSince && !p.fiscal && r.size() >= 4 &&
        r[0] != 'F' && p.end >= state->last_year_pos) {
      state->last_year = std::stoi(r.substr(0, 4));
      state->last_year_pos = p.end;
    }
    // An unresolved period also resets `previous`: "一季度…去年同期" with an
    // unplaced 一季度 must not shift some older period instead.
    if (p.role == Role::kPeriod && p.what != What::kNow && p.what != What::kOpaque &&
        p.end >= state->previous_pos) {
      state->previous = r;
      state->previous_pos = p.end;
    }
    out.push_back(std::move(r));
  }
}

// Whether a sentence needs what came before it: an anaphor, or a period
// that is placed by an earlier one.
bool RefersBack(const Sentence& s) {
  if (s.has_any(Cue::kAnaphor, Cue::kLatter, Cue::kFormer)) return true;
  using What = PeriodMention::What;
  for (const PeriodMention& p : s.periods) {
    if (p.what == What::kThisPeriod || p.what == What::kSameLastYear || p.what == What::kPrevQuarter ||
        p.what == What::kPrevMonth) {
      return true;
    }
    if (p.what == What::kCalendar && !p.year && p.rel_year == 99 && (p.quarter || p.month)) return true;
  }
  return false;
}

// Whether the bare quarters of `s` may be read as calendar quarters: no
// company that reports in fiscal quarters (英伟达's 第三季度 ends in October,
// 苹果's in June; entities.tsv flags them) named in it or remembered as the
// one 其/该公司 would mean.
// `memory()` gives the memory; it is asked only when the sentence itself
// names no such company.
template <class Memory>
bool CalendarQuarters(const Sentence& s, const Lexicon& lex, Memory&& memory) {
  for (const Token& t : s.tokens) {
    if (t.is(LexEntry::Table::kEntity) && lex.ReportsFiscalQuarters(lex.entity(t.entry.index).canonical)) return false;
  }
  const EntityMemory& m = memory();
  return !lex.ReportsFiscalQuarters(m.company) && !lex.ReportsFiscalQuarters(m.any);
}

// Whether `s` names a company and every company it names reports by
// calendar quarters (三星, 腾讯), with no 其/该公司 to point at another: its
// bare quarters are calendar ones whatever the article said before.
bool NamesCalendarReporter(const Sentence& s, const Lexicon& lex) {
  if (s.has_any(Cue::kAnaphor)) return false;
  bool named = false;
  for (const Token& t : s.tokens) {
    if (!t.is(LexEntry::Table::kEntity)) continue;
    const EntityInfo& info = lex.entity(t.entry.index);
    if (info.type != EntityType::kCompany) continue;
    if (lex.ReportsFiscalQuarters(info.canonical)) return false;
    named = true;
  }
  return named;
}

// The month the fiscal year ends in of the company `s` is about: the
// companies it names if they all say the same, else the company 其/该公司
// would mean (`memory()`, asked only then) when it names none. 0 when
// unknown, or when a named company reports by calendar quarters (三星 after
// an article's 英伟达).
template <class Memory>
int FiscalYearEnd(const Sentence& s, const Lexicon& lex, Memory&& memory) {
  int end = -1;
  for (const Token& t : s.tokens) {
    if (!t.is(LexEntry::Table::kEntity)) continue;
    const EntityInfo& info = lex.entity(t.entry.index);
    if (info.type != EntityType::kCompany) continue;
    int e = lex.FiscalYearEnd(info.canonical);
    if (end >= 0 && e != end) return 0;
    end = e;
  }
  return end >= 0 ? end : lex.FiscalYearEnd(memory().company);
}

// The entity memory, with the reading of skipped text put off until a field
// it may have set is needed. A sentence that refers back because of a
// period (该季度, a bare 四季度) needs the skipped text's periods at once, but
// its entities only if some 其 later falls back on the memory, and mostly
// none does before a newer name replaces each field. A GapRead keeps the
// memory the read would have started from, so doing it late gives what doing
// it at once gave: reading is exact, only its time moves.
struct GapRead;

struct LazyMemory {
  EntityMemory memory;
  // Per field (any, company, product): the read its value waits for.
  std::array<std::shared_ptr<GapRead>, 3> pending;
};

struct GapRead {
  std::vector<NormSpan> spans;
  LazyMemory before;
  std::optional<EntityMemory> after;
};

struct MemoryField {
  std::string EntityMemory::*value;
  uint32_t EntityMemory::*pos;
};
constexpr MemoryField kMemoryFields[3] = {{&EntityMemory::any, &EntityMemory::any_pos},
                                          {&EntityMemory::company, &EntityMemory::company_pos},
                                          {&EntityMemory::product, &EntityMemory::product_pos}};

const EntityMemory& Settle(const Lexicon& lex, std::string_view text, LazyMemory* m);

void Perform(const Lexicon& lex, std::string_view text, GapRead* read) {
  if (read->after) return;
  EntityMemory memory = Settle(lex, text, &read->before);  // older reads first
  // Only the memories matter here, so each stretch is one clause: no
  // splitting, and role marking stays linear however long it is.
  Sentence gap;
  for (NormSpan span : read->spans) {
    gap.begin = span.begin;
    gap.end = span.end;
    ScanTokens(lex, text, span.begin, span.end, &gap.tokens);
    gap.clauses.assign(1, Clause{span.begin, span.end, Boundary::kStart});
    MarkEntityRoles(text, lex, memory, &gap);
    RememberEntities(gap, lex, &memory);
  }
  read->after = std::move(memory);
  read->before = LazyMemory{};  // the older reads are done with
}

// Does the reads the memory waits for; returns it, complete.
const EntityMemory& Settle(const Lexicon& lex, std::string_view text, LazyMemory* m) {
  for (size_t f = 0; f < m->pending.size(); ++f) {
    std::shared_ptr<GapRead> read = std::move(m->pending[f]);
    if (!read) continue;
    Perform(lex, text, read.get());
    m->memory.*kMemoryFields[f].value = read->after.value().*kMemoryFields[f].value;
    m->memory.*kMemoryFields[f].pos = read->after.value().*kMemoryFields[f].pos;
  }
  return m->memory;
}

// MarkEntityRoles with the memory settled only when a 其/该公司 of `s` falls
// back on a field that waits for a read. Marking first runs with a stand-in
// for each waiting field; only a token resolved to one read such a field
// (Resolve returns the field, or an earlier anaphor's result), and then the
// sentence is marked again from its unmarked tokens with the memory settled.
void MarkRoles(const Lexicon& lex, std::string_view text, LazyMemory* memory, Sentence* s) {
  bool waiting = false;
  for (const auto& read : memory->pending) waiting = waiting || read;
  if (!waiting || !s->has_any(Cue::kAnaphor)) {
    MarkEntityRoles(text, lex, memory->memory, s);
    return;
  }
  static const std::string kStandIn = "\xFF\xFE(waiting for a read)";  // no entity's name
  EntityMemory probe = memory->memory;
  for (size_t f = 0; f < memory->pending.size(); ++f) {
    if (memory->pending[f]) probe.*kMemoryFields[f].value = kStandIn;
  }
  std::vector<Token> unmarked = s->tokens;
  MarkEntityRoles(text, lex, probe, s);
  for (const Token& t : s->tokens) {
    if (t.resolved == kStandIn) {
      s->tokens = std::move(unmarked);
      MarkEntityRoles(text, lex, Settle(lex, text, memory), s);
      return;
    }
  }
}

bool IsMarket(const Lexicon& lex, const std::string& canonical) {
  LexEntry e;
  return !canonical.empty() && lex.Match(canonical, 0, &e) == canonical.size() &&
         e.table == LexEntry::Table::kEntity && lex.entity(e.index).type == EntityType::kMarket;
}

// A specification (memory, process node …) belongs to a product: when the
// chosen entity is a company ("采用台积电4纳米工艺") and the sentence names
// exactly one product that is not compared with, that product is meant; with
// no such product the entity is unknown.
std::string PreferProduct(const Sentence& s, const Lexicon& lex, const std::string& entity) {
  std::string product;
  bool is_company = entity.empty();
  for (const Token& t : s.tokens) {
    if (!t.is(LexEntry::Table::kEntity)) continue;
    const EntityInfo& info = lex.entity(t.entry.index);
    if (info.canonical == entity && info.type == EntityType::kCompany) is_company = true;
    if (info.type != EntityType::kProduct || t.compared || t.listed) continue;
    if (!product.empty() && product != info.canonical) return entity;
    product = info.canonical;
  }
  return is_company ? product : entity;
}

// What a sentence continuing the previous one after ";" inherits from its
// last claim: "英伟达该季度营收…;净利润为6.8亿美元…".
struct Carried {
  std::string entity, period;
};

// The share last stated, for "这一比例" later on.
struct LastShare {
  std::string entity, metric, metric_word, scope;
};

bool RefersToLastShare(const Sentence& s, const Target& target) {
  if (!s.has_any(Cue::kThisRatio)) return false;
  Range eff = EffectiveClause(s, target);
  for (const Token& t : s.tokens) {
    if (t.is_cue(Cue::kThisRatio) && t.begin >= eff.begin && t.end <= target.begin) return true;
  }
  return false;
}

// The metrics that companies also report adjusted (AdjustedOf).
bool AdjustsProfit(std::string_view metric_id) {
  return metric_id == "net_income" || metric_id == "profit" || metric_id == "net_loss" || metric_id == "operating_income";
}

void AttachOne(std::string_view text, const Sentence& s, size_t i, const Lexicon& lex,
               const PeriodContext& ctx, const std::vector<std::string>& periods,
               std::vector<KindChoice>* kinds, std::vector<std::string>* entities, LastShare* last,
               const Carried& carried, const Claim* previous, Claim* claim) {
  const Target& target = s.targets[i];
  MetricChoice any = FindMetric(text, s, target, lex, /*check_dims=*/false);
  KindChoice kind = FindKind(text, s, i, lex, any, ctx, *kinds);
  // A level's cue must fit its dimension. When the cue found without the
  // check fits, the search with it finds that same cue (it passes over only
  // cues that do not fit), so it is asked only when that one does not.
  bool refind = kind.kind == Kind::kLevel && any.found() && !DimensionFits(lex.metric(any.metric), target.dimension);
  MetricChoice metric = refind ? FindMetric(text, s, target, lex, true) : any;
  if (!metric.found() && (kind.kind == Kind::kChange || kind.kind == Kind::kRatio)) {
    metric = CarryMetric(text, s, target);
  }
  std::string metric_id, metric_word;
  if (metric.found()) {
    const MetricInfo& info = lex.metric(metric.metric);
    metric_id = info.id;
    metric_word = std::string(text.substr(metric.begin, metric.end - metric.begin));
    if (kind.kind == Kind::kShare && !info.id.ends_with("_share")) {
      metric_id = info.share_metric;  // "" when a fraction of it is no share
    } else if (kind.kind == Kind::kChange && !info.change_metric.empty()) {
      metric_id = info.change_metric;
    } else if (kind.kind == Kind::kLevel && !DimensionFits(info, target.dimension)) {
      metric_id.clear();
    }
    if (metric_id.empty()) metric_word.clear();
  }
  if (metric_id.empty() && kind.kind == Kind::kShare && kind.from_supplier) metric_id = "market_share";
  // 上证指数报3489.78点, 下跌32.5点: points measure an index, whatever words stand around them.
  if (metric_id.empty() && target.dimension == "index_points") metric_id = "index_level";

  std::string entity = FindEntity(text, s, i, lex, *entities, metric_id, carried.entity);
  if (metric_id == "size" && IsMarket(lex, entity)) metric_id = "market_size";  // 规模 of a market
  if (!metric_id.empty() && !MetricTakesScope(metric_id)) entity = PreferProduct(s, lex, entity);
  claim->entity = entity;
  claim->metric = metric_id;
  claim->metric_word = metric_word;
  claim->kind = kind.kind;
  claim->direction = kind.direction;
  claim->base = kind.base;
  claim->base_entity = kind.base_entity == entity ? "" : kind.base_entity;
  claim->scope = FindScope(text, s, target, lex, kind.kind, metric_id);
  if (kind.from_supplier && !claim->scope.empty() && claim->scope.find("·") == std::string::npos) {
    std::string product = SupplierMarket(text, s, target, lex);
    if (!product.empty()) claim->scope += "·" + product;
  }
  if (metric.found() && !metric_id.empty()) {
    for (const std::string& part : {SegmentOf(text, s, metric.begin), AverageOf(text, metric.begin),
                                    AdjustsProfit(metric_id) ? AdjustedOf(text, metric.begin) : std::string(),
                                    CurrencyBasisOf(text, s, target)}) {
      if (!part.empty()) claim->scope = claim->scope.empty() ? part : claim->scope + "·" + part;
    }
  }
  int p = SelectPeriod(text, s, target);
  claim->period = p >= 0 ? periods[p] : carried.period;
  // 10月份…环比增长0.41%: 环比 of a month's figure is over the month before.
  if (claim->base == "qoq" && claim->period.size() == 7 && claim->period[4] == '-') claim->base = "mom";
  if (claim->kind == Kind::kShare && RefersToLastShare(s, target)) {
    // "…约80%的芯片来自英伟达,未来五年这一比例或降至50%-60%".
    if (claim->entity.empty()) claim->entity = last->entity;
    if (claim->metric.empty()) {
      claim->metric = last->metric;
      claim->metric_word = last->metric_word;
    }
    if (claim->scope.empty()) claim->scope = last->scope;
    entity = claim->entity;
  } else if (claim->kind == Kind::kShare && !claim->metric.empty()) {
    *last = LastShare{claim->entity, claim->metric, claim->metric_word, claim->scope};
  }
  Ellipsis ellipsis = ElidedFrom(text, s, i);
  if (ellipsis.from >= 0 && previous) {
    // "…的份额为15.3%,苹果为15.6%": the figure is the subject's, of what the
    // clause before measured.
    using Subject = Ellipsis::Subject;
    entity = ellipsis.subject == Subject::kEntity    ? ellipsis.entity
             : ellipsis.subject == Subject::kUnknown ? ""
                                                     : previous->entity;
    claim->entity = entity;
    if (!previous->metric.empty()) {
      claim->metric = previous->metric;
      claim->metric_word = previous->metric_word;
      claim->kind = kind.kind = previous->kind;
      claim->direction = kind.direction = previous->direction;
      claim->base = kind.base = previous->base;
      claim->base_entity = previous->base_entity == entity ? "" : previous->base_entity;
      kind.base_entity = claim->base_entity;
      claim->scope = previous->scope;
    }
  }
  kinds->push_back(std::move(kind));
  entities->push_back(std::move(entity));
}

}  // namespace

std::string ContextDebugString(const Claim& c) {
  std::string out = "entity=" + c.entity + " metric=" + c.metric + " period=" + c.period +
                    " scope=" + c.scope + " kind=" + std::string(KindName(c.kind));
  if (c.direction != Direction::kNone) out += " dir=" + std::string(DirectionName(c.direction));
  if (!c.base.empty()) out += " base=" + c.base;
  if (!c.base_entity.empty()) out += " base_entity=" + c.base_entity;
  return out;
}

Attacher::Attacher(const Lexicon& lexicon) : lexicon_(lexicon) {}
Attacher::~Attacher() = default;

void Attacher::Attach(const ArticleContext& article, std::string_view norm_text,
                      Extraction* extraction) const {
  PeriodContext base;
  ParseArticleDate(article.date, &base);
  PeriodState period_state;
  LazyMemory memory;
  LastShare last_share;
  Carried carried;
  std::vector<NormSpan> unread;  // text between claim sentences, not read yet
  uint32_t cursor = 0;  // text before this was scanned into the memories
  std::vector<ExtractedClaim>& claims = extraction->claims;
  // Reused from sentence to sentence: their vectors keep their capacity
  // (a few allocations per sentence showed in the profile).
  Sentence s, gap;
  std::vector<std::string> periods;  // resolved, one per period of s or gap
  std::vector<KindChoice> kinds;     // per claim of s
  std::vector<std::string> entities;
  size_t i = 0;
  while (i < claims.size()) {
    NormSpan span = claims[i].sentence;
    size_t j = i;
    while (j < claims.size() && claims[j].sentence.begin == span.begin && claims[j].sentence.end == span.end) ++j;
    if (span.end > norm_text.size() || span.begin > span.end) {
      i = j;
      continue;
    }
    // The text since the last claim sentence is read only when this sentence
    // refers back (其, 该季度, a bare 四季度 …): most articles never need it.
    if (cursor < span.begin && norm_text.substr(cursor, span.begin - cursor).find_first_not_of(" \n") !=
                                   std::string_view::npos) {
      carried = Carried{};  // something stood between: no longer a continuation
      unread.push_back(NormSpan{cursor, span.begin});
    }
    AnalyzeInto(lexicon_, norm_text, span.begin, span.end, /*split=*/true, &s);
    if (RefersBack(s)) {
      // Only the last stretch before the sentence: what 其 or a bare 四季度
      // refers to is a sentence or two back, and reading further would make
      // the cost grow with the article instead of with its claims. Its
      // periods are read now, its entities when first needed (LazyMemory).
      uint32_t from = span.begin > kLookBack ? span.begin - kLookBack : 0;
      auto read = std::make_shared<GapRead>();
      for (NormSpan gap_span : unread) {
        if (gap_span.end <= from) continue;
        gap_span.begin = std::max(gap_span.begin, from);
        while (gap_span.begin < gap_span.end &&
               (static_cast<unsigned char>(norm_text[gap_span.begin]) & 0xC0) == 0x80) {
          ++gap_span.begin;  // to a character start
        }
        read->spans.push_back(gap_span);
        FindPeriods(norm_text, gap_span.begin, gap_span.end, &gap.periods);
        // Only the fiscal years matter here: no bare quarter is calendar.
        ResolveAll(norm_text, gap, base, &period_state, [] { return false; }, [] { return false; }, [] { return 0; },
                   &periods);
      }
      if (!read->spans.empty()) {
        read->before = memory;
        memory.pending.fill(read);
      }
      unread.clear();
    }
    s.targets.reserve(j - i);
    for (size_t k = i; k < j; ++k) {
      const ExtractedClaim& c = claims[k];
      Target t;
      t.begin = std::max(c.span.begin, span.begin);
      t.end = std::min(c.span.end, span.end);
      t.form = FormOf(c.claim.unit, norm_text.substr(t.begin, t.end - t.begin));
      t.dimension = c.claim.dimension;
      s.targets.push_back(t);
    }
    if (!memory.memory.employers_learned && NamesPersonsCompany(norm_text, lexicon_, s)) {
      LearnEmployers(norm_text, lexicon_, &memory.memory);
    }
    MarkRoles(lexicon_, norm_text, &memory, &s);
    auto settled = [&]() -> const EntityMemory& { return Settle(lexicon_, norm_text, &memory); };
    ResolveAll(
        norm_text, s, base, &period_state, [&] { return NamesCalendarReporter(s, lexicon_); },
        [&] { return CalendarQuarters(s, lexicon_, settled); }, [&] { return FiscalYearEnd(s, lexicon_, settled); },
        &periods);
    kinds.clear();
    entities.clear();
    for (size_t k = i; k < j; ++k) {
      AttachOne(norm_text, s, k - i, lexicon_, base, periods, &kinds, &entities, &last_share,
                carried, k > i ? &claims[k - 1].claim : nullptr, &claims[k].claim);
    }
    // The next sentence continues this one when only ";" parted them.
    carried = Carried{};
    std::string_view tail = norm_text.substr(0, span.end);
    while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
    if (tail.ends_with(";") || tail.ends_with("；")) {
      carried = Carried{entities.back(), claims[j - 1].claim.period};
    }
    // A field this sentence names no longer waits for a read: the name is
    // later than anything skipped.
    std::array<uint32_t, 3> named_at;
    for (size_t f = 0; f < named_at.size(); ++f) named_at[f] = memory.memory.*kMemoryFields[f].pos;
    RememberEntities(s, lexicon_, &memory.memory);
    for (size_t f = 0; f < named_at.size(); ++f) {
      if (memory.memory.*kMemoryFields[f].pos != named_at[f]) memory.pending[f].reset();
    }
    cursor = std::max(cursor, span.end);
    i = j;
  }
}

}  // namespace claims::context
