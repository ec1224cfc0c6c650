// Chinese noun phrases are head-final, so after a number the LAST cue word of
// the phrase names the metric ("芯片的订单" -> orders); the phrase ends at a
// piece break (、 too), a verb-like cue, a conjunction or the next claim.
// Before a number the NEAREST cue wins ("营收59.31亿美元,净利润为6.8亿美元").
#include "context/metric.h"

#include "context/text_util.h"

namespace claims::context {
namespace {

bool StopsPhrase(const Token& t) {
  if (t.entry.table != LexEntry::Table::kCue) return false;
  switch (static_cast<Cue>(t.entry.index)) {
    case Cue::kEnum: case Cue::kIs: case Cue::kCompare: case Cue::kShare: case Cue::kShareOf:
    case Cue::kFrom: case Cue::kUp: case Cue::kDown: case Cue::kYoy: case Cue::kQoq:
    case Cue::kPrep: case Cue::kContribute:
      return true;
    default:
      return false;
  }
}

constexpr uint32_t kAfterWindow = 36;  // bytes: a dozen characters

// Whether the last claim in [from, target) is followed by 至/到 (English " to ")
// before target: "增长4%至907.5亿美元", "rose 4% to $89.5 billion".
bool FromTo(std::string_view text, const Sentence& s, uint32_t from, const Target& target) {
  uint32_t last_end = 0;
  for (const Target& t : s.targets) {
    if (t.begin >= from && t.end <= target.begin) last_end = t.end;
  }
  return last_end && ContainsAny(text, last_end, target.begin, {"至", "到", " to "});
}

}  // namespace

bool DimensionFits(const MetricInfo& info, std::string_view dimension) {
  if (info.dimensions.size() == 1 && info.dimensions[0] == "none") return false;
  // "number": a bare magnitude (营收11.11亿) that names no unit.
  if (info.dimensions.empty() || dimension.empty() || dimension == "number") return true;
  for (const std::string& d : info.dimensions) {
    if (d == dimension) return true;
  }
  return false;
}

namespace {
// "按不变价格计算": a basis of computation, not what the number measures.
bool IsBasis(std::string_view text, const Token& t) { return At(text, t.end, "计算"); }

// 营收和净利润同比分别增长34.4%和35.5%: after 分别, the k-th figure is the
// k-th of the metrics listed before it (joined by 和, 、, 及, 与). Nearest-cue
// reading gave both figures 净利润, a conflict with itself waiting to happen.
// One metric before 分别 is every figure's (A和B的净利润分别为10亿元和12亿元).
MetricChoice RespectiveMetric(std::string_view text, const Sentence& s, const Target& target, Range eff) {
  if (!s.has_any(Cue::kRespectively)) return MetricChoice{};
  const Token* respectively = nullptr;
  for (const Token& t : s.tokens) {
    if (t.end > target.begin) break;
    if (t.begin >= eff.begin && t.is_cue(Cue::kRespectively)) respectively = &t;
  }
  if (respectively == nullptr) return MetricChoice{};
  std::vector<const Token*> listed;
  for (const Token& t : s.tokens) {
    if (t.end > respectively->begin) break;
    if (t.begin < eff.begin || !t.is(LexEntry::Table::kMetric) || IsBasis(text, t)) continue;
    bool joined = !listed.empty() && t.begin > listed.back()->end &&
                  IsListJoiner(text.substr(listed.back()->end, t.begin - listed.back()->end));
    if (!joined) listed.clear();
    listed.push_back(&t);
  }
  if (listed.empty()) return MetricChoice{};
  size_t ordinal = 0;
  if (listed.size() > 1) {
    for (const Target& other : s.targets) ordinal += other.begin >= respectively->end && other.begin < target.begin;
    if (ordinal >= listed.size()) return MetricChoice{};
  }
  const Token& t = *listed[ordinal];
  return MetricChoice{t.entry.index, t.begin, t.end, false};
}
}  // namespace

MetricChoice FindMetric(std::string_view text, const Sentence& s, const Target& target,
                        const Lexicon& lexicon, bool check_dims) {
  MetricChoice best;
  size_t piece = ClauseAt(s.clauses, target.begin);
  uint32_t piece_end = s.clauses[piece].end;
  uint32_t limit = std::min(piece_end, target.end + kAfterWindow);
  for (const Target& other : s.targets) {
    if (other.begin >= target.end && other.begin < limit) limit = other.begin;
  }
  for (const Token& t : s.tokens) {
    if (t.begin < target.end) continue;
    if (t.end > limit || StopsPhrase(t)) break;
    if (!t.is(LexEntry::Table::kMetric) || IsBasis(text, t)) continue;
    if (check_dims && !DimensionFits(lexicon.metric(t.entry.index), target.dimension)) continue;
    best = MetricChoice{t.entry.index, t.begin, t.end, true};
  }
  if (best.found()) return best;
  Range eff = EffectiveClause(s, target);
  if (MetricChoice m = RespectiveMetric(text, s, target, eff);
      m.found() && (!check_dims || DimensionFits(lexicon.metric(m.metric), target.dimension))) {
    return m;
  }
  for (size_t k = s.tokens.size(); k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end > target.begin || t.begin < eff.begin) continue;
    if (!t.is(LexEntry::Table::kMetric) || IsBasis(text, t)) continue;
    // A claim in between owns the cue, unless the two are a from-to pair
    // sharing it: "营收从0.26亿元增至11.11亿元".
    if (ClaimBetween(s, t.end, target.begin) && !FromTo(text, s, t.end, target)) break;
    if (check_dims && !DimensionFits(lexicon.metric(t.entry.index), target.dimension)) continue;
    return MetricChoice{t.entry.index, t.begin, t.end, false};
  }
  return best;
}

MetricChoice CarryMetric(std::string_view text, const Sentence& s, const Target& target) {
  for (size_t k = s.tokens.size(); k-- > 0;) {
    const Token& t = s.tokens[k];
    if (t.end <= target.begin && t.is(LexEntry::Table::kMetric) && !IsBasis(text, t)) {
      return MetricChoice{t.entry.index, t.begin, t.end, false};
    }
  }
  return MetricChoice{};
}

Ellipsis ElidedFrom(std::string_view text, const Sentence& s, size_t i) {
  Ellipsis none;
  if (i == 0) return none;
  const Target& target = s.targets[i];
  const Target& prev = s.targets[i - 1];
  if (prev.form != target.form || prev.dimension != target.dimension) return none;
  // Most claims fail here, before any token is read: 为 or 是 must end the
  // words before the number or open its surface.
  {
    size_t b = target.begin;
    while (b > s.begin && text[b - 1] == ' ') --b;
    b -= EndsAtAny(text, b, {"大约", "约"});
    if (!EndsAtAny(text, b, {"为", "是"}) && !AtAny(text, target.begin, {"约为", "为", "是"})) return none;
  }
  size_t c = ClauseAt(s.clauses, target.begin);
  const Clause& piece = s.clauses[c];
  if (c == 0 || piece.before == Boundary::kConj || prev.end > piece.begin) return none;
  // Nothing after the number in its piece but 左右/以上.
  size_t after = target.end;
  while (after < piece.end && text[after] == ' ') ++after;
  after += AtAny(text, after, {"左右", "以上"});
  if (after < piece.end) return none;
  // The verb right before the number: 为, 约为, 是 (then perhaps 约).
  size_t before = target.begin;
  while (before > piece.begin && text[before - 1] == ' ') --before;
  before -= EndsAtAny(text, before, {"大约", "约"});
  const Token* verb = nullptr;
  const Token* subject = nullptr;
  for (const Token& t : s.tokens) {
    // The verb may open the claim's own surface: "约为24%".
    if (t.begin == target.begin && t.is_cue(Cue::kIs) && !verb) {
      verb = &t;
      continue;
    }
    if (t.begin < piece.begin || t.end > before) continue;
    if (t.end == before && t.is_cue(Cue::kIs)) {
      verb = &t;
    } else if (t.is(LexEntry::Table::kEntity) && !subject && !t.compared && !t.listed) {
      subject = &t;
    } else {
      return none;  // a metric, region or cue word: the clause says more than a subject
    }
  }
  if (!verb) return none;
  Ellipsis out;
  out.from = static_cast<int>(i - 1);
  if (subject) {
    if (subject->resolved.empty()) return none;
    out.subject = Ellipsis::Subject::kEntity;
    out.entity = subject->resolved;
    return out;
  }
  // Anything but periods and spaces before the verb is a subject the
  // lexicon does not know.
  size_t p = piece.begin;
  while (p < verb->begin && text[p] == ' ') ++p;
  p += AtAny(text, p, {"其中", "而"});
  for (const PeriodMention& m : s.periods) {
    if (m.end <= p || m.begin >= verb->begin) continue;
    if (text.substr(p, m.begin - std::min<size_t>(m.begin, p)).find_first_not_of(' ') != std::string_view::npos) break;
    p = std::max<size_t>(p, m.end);
  }
  std::string_view rest = text.substr(p, verb->begin - std::min<size_t>(p, verb->begin));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  for (std::string_view word : {"则", "也", "同样"}) {
    if (rest.ends_with(word)) rest.remove_suffix(word.size());
  }
  if (rest.empty()) return out;
  // A name is short and is no 的-phrase ("此前的目标为10万辆" is not a list).
  if (rest.size() > 18 || rest.find("的") != std::string_view::npos) return none;
  out.subject = Ellipsis::Subject::kUnknown;
  return out;
}

}  // namespace claims::context
