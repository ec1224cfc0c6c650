// The per-sentence model every heuristic reads: lexicon tokens, clauses and
// time expressions of one sentence, computed once however many claims the
// sentence holds, plus the claims' own spans.
#ifndef CLAIMS_CONTEXT_SENTENCE_H_
#define CLAIMS_CONTEXT_SENTENCE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/cjk_skip.h"
#include "context/clause.h"
#include "context/lexicon.h"
#include "context/period.h"
#include "context/text_util.h"

namespace claims::context {

struct Token {
  uint32_t begin = 0, end = 0;
  LexEntry entry;
  // For entity and anaphor tokens (entity.cc, MarkEntityRoles):
  bool compared = false;  // after 比/较/相比/远超: what something is compared with
  bool oblique = false;   // after 向/对/从/被/来自: an object, not the subject
  bool listed = false;    // one of "阿里巴巴、腾讯", "字节等": not one entity
  std::string resolved;   // canonical entity ("" when an anaphor cannot be resolved)

  bool is_cue(Cue c) const { return entry.table == LexEntry::Table::kCue && entry.index == static_cast<int32_t>(c); }
  bool is(LexEntry::Table t) const { return entry.table == t; }
};

// How a claim's number is written, from its unit and surface.
enum class ValueForm : uint8_t { kPercent, kMultiple, kFraction, kPoints, kOther };

struct Target {
  uint32_t begin = 0, end = 0;  // the claim's span in the normalised text
  ValueForm form = ValueForm::kOther;
  std::string_view dimension;   // units.tsv dimension of the value, "" unknown
  // EffectiveClause's answer, kept on first use: metric, kind, entity, scope
  // and the share rule each ask for it, and the sentence does not change
  // once its targets are in.
  mutable std::optional<Range> effective;
};

struct Sentence {
  uint32_t begin = 0, end = 0;
  std::vector<Token> tokens;
  std::vector<Clause> clauses;
  std::vector<PeriodMention> periods;
  std::vector<Target> targets;  // every claim in the sentence, in order
  // The cues among the tokens, bit Cue value, set by AnalyzeInto: every
  // claim walks the tokens for 分别, 占, 来自, a verb …, several times over,
  // and a walk for cues the sentence lacks is skipped.
  uint32_t cues = 0;

  template <class... C>
  bool has_any(C... c) const {
    return ((cues >> static_cast<unsigned>(c) & 1) || ...);
  }
};

// Calls fn(begin, end, entry) for each lexicon word of text[begin, end),
// longest match first, kBlock words dropped. A word never crosses `end`.
template <class Fn>
void ForEachWord(const Lexicon& lexicon, std::string_view text, uint32_t begin, uint32_t end, Fn&& fn) {
  std::string_view bounded = text.substr(0, end);
  size_t pos = begin;
  while (pos < end) {
    // Most characters start no word: skipped two at a time.
    pos = SkipUnwanted(text, pos, end, lexicon.word_starts(), lexicon.ascii_word_starts());
    if (pos >= end) break;
    LexEntry entry;
    size_t len = lexicon.Match(bounded, pos, &entry);
    if (len == 0) {
      pos += Utf8Len(static_cast<unsigned char>(text[pos]));
      continue;
    }
    if (!(entry.table == LexEntry::Table::kCue && entry.index == static_cast<int32_t>(Cue::kBlock))) {
      fn(static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + len), entry);
    }
    pos += len;
  }
}

// ForEachWord's words as tokens; the second form into `out` (cleared first).
std::vector<Token> ScanTokens(const Lexicon& lexicon, std::string_view text, uint32_t begin,
                              uint32_t end);
void ScanTokens(const Lexicon& lexicon, std::string_view text, uint32_t begin, uint32_t end,
                std::vector<Token>* out);

// Tokens, clauses and periods of text[begin, end); targets are left empty.
Sentence AnalyzeSentence(const Lexicon& lexicon, std::string_view text, uint32_t begin,
                         uint32_t end);

// AnalyzeSentence into `s`, whose vectors keep their capacity: the attacher
// analyses thousands of sentences in an article stream, and allocating four
// vectors for each showed in the profile. Without `split` the text is one
// clause: for text read only for what it names (the attacher's gaps).
void AnalyzeInto(const Lexicon& lexicon, std::string_view text, uint32_t begin, uint32_t end, bool split,
                 Sentence* s);

// The claim's ValueForm: "16.5%" kPercent, "7倍" kMultiple, "1/5" and
// "五分之一" kFraction, "3个百分点" kPoints.
ValueForm FormOf(std::string_view unit, std::string_view norm_surface);

// The clause to read for the claim at `target`: its own clause (merged across
// 、), extended backwards over pieces that carry no words of their own
// ("…占英伟达营收的大部分,约为20%": "约为" leans on the piece before).
// Computed once per target (kept in target.effective): call it only when
// the sentence's clauses, tokens, periods and targets are complete.
Range EffectiveClause(const Sentence& s, const Target& target);

// Whether another claim of the sentence lies inside [begin, end).
bool ClaimBetween(const Sentence& s, uint32_t begin, uint32_t end);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_SENTENCE_H_
