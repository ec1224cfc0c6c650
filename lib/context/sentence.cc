// Scanning is one longest-match lookup per character start, so a sentence
// costs O(length × longest word) trie steps; the attacher scans each sentence
// that holds a claim once, whatever the number of claims in it.
#include "context/sentence.h"

#include "context/text_util.h"

namespace claims::context {

std::vector<Token> ScanTokens(const Lexicon& lexicon, std::string_view text, uint32_t begin,
                              uint32_t end) {
  std::vector<Token> out;
  // About one lexicon word per four characters of news: growing the vector
  // would move every token (each holds a string) several times.
  out.reserve((end - begin) / 12 + 4);
  ScanTokens(lexicon, text, begin, end, &out);
  return out;
}

void ScanTokens(const Lexicon& lexicon, std::string_view text, uint32_t begin, uint32_t end,
                std::vector<Token>* tokens) {
  std::vector<Token>& out = *tokens;
  out.clear();
  ForEachWord(lexicon, text, begin, end, [&out](uint32_t b, uint32_t e, LexEntry entry) {
    Token& t = out.emplace_back();
    t.begin = b;
    t.end = e;
    t.entry = entry;
  });
}

Sentence AnalyzeSentence(const Lexicon& lexicon, std::string_view text, uint32_t begin,
                         uint32_t end) {
  Sentence s;
  AnalyzeInto(lexicon, text, begin, end, /*split=*/true, &s);
  return s;
}

void AnalyzeInto(const Lexicon& lexicon, std::string_view text, uint32_t begin, uint32_t end, bool split,
                 Sentence* s) {
  s->begin = begin;
  s->end = end;
  s->targets.clear();
  ScanTokens(lexicon, text, begin, end, &s->tokens);
  static_assert(static_cast<unsigned>(Cue::kThisRatio) < 32, "Sentence::cues has a bit per cue");
  s->cues = 0;
  for (const Token& t : s->tokens) {
    if (t.is(LexEntry::Table::kCue)) s->cues |= uint32_t{1} << t.entry.index;
  }
  if (split) {
    SplitClauses(text, begin, end, &s->clauses);
  } else {
    s->clauses.assign(1, Clause{begin, end, Boundary::kStart});
  }
  FindPeriods(text, begin, end, &s->periods);
}

ValueForm FormOf(std::string_view unit, std::string_view surface) {
  if (unit == "pp" || surface.find("百分点") != std::string_view::npos) return ValueForm::kPoints;
  if (unit == "fraction") return ValueForm::kFraction;
  if (surface.find("分之") != std::string_view::npos) {
    // 百分之二十 is a percent; 五分之一 and 25分之一 are fractions.
    return surface.find("百分之") != std::string_view::npos ? ValueForm::kPercent : ValueForm::kFraction;
  }
  if (unit == "%" || surface.find('%') != std::string_view::npos) return ValueForm::kPercent;
  if (unit == "x" || surface.find("倍") != std::string_view::npos || surface.find("翻番") != std::string_view::npos) {
    return ValueForm::kMultiple;
  }
  // "1/5" with no unit after it.
  size_t slash = surface.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < surface.size() &&
      IsDigit(surface[slash - 1]) && IsDigit(surface[slash + 1]) && unit.empty()) {
    return ValueForm::kFraction;
  }
  return ValueForm::kOther;
}

bool ClaimBetween(const Sentence& s, uint32_t begin, uint32_t end) {
  for (const Target& t : s.targets) {
    if (t.begin >= begin && t.end <= end) return true;
  }
  return false;
}

namespace {

Range FindEffectiveClause(const Sentence& s, const Target& target) {
  size_t i = ClauseAt(s.clauses, target.begin);
  Range r = MergedClause(s.clauses, i, /*across_enum=*/true);
  // Extend over a piece whose text before the number has no words of its own
  // (only 为/约为/达/到), but never across a strong break or another claim.
  while (true) {
    bool bare = true;
    for (const Token& t : s.tokens) {
      if (t.begin < r.begin || t.end > target.begin) continue;
      bool weak = t.is_cue(Cue::kIs) || t.is_cue(Cue::kReach);
      if (!weak) bare = false;
    }
    for (const PeriodMention& p : s.periods) {
      if (p.begin >= r.begin && p.end <= target.begin) bare = false;
    }
    size_t first = ClauseAt(s.clauses, r.begin);
    if (!bare || first == 0 || s.clauses[first].before == Boundary::kStrong) break;
    if (target.begin - r.begin > 12) break;  // more than a few characters of its own
    Range prev = MergedClause(s.clauses, first - 1, true);
    if (ClaimBetween(s, prev.begin, r.begin)) break;
    r.begin = prev.begin;
  }
  return r;
}

}  // namespace

Range EffectiveClause(const Sentence& s, const Target& target) {
  if (!target.effective) target.effective = FindEffectiveClause(s, target);
  return *target.effective;
}

}  // namespace claims::context
