// Builds hand-made Extractions and Sentences for the context tests: a claim is
// marked in the text with brackets, "营收[59.31亿美元],同比下降[16.5%]", and its
// unit and dimension are guessed from the surface the way units.tsv would
// read it. Sentences end at 。 ! ? and line breaks.
#ifndef CLAIMS_TESTS_CONTEXT_CONTEXT_TEST_UTIL_H_
#define CLAIMS_TESTS_CONTEXT_CONTEXT_TEST_UTIL_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "context/context.h"
#include "context/entity.h"
#include "context/lexicon.h"
#include "context/sentence.h"
#include "extract/extractor.h"

namespace claims::context::testing {

struct Marked {
  std::string text;                 // without the brackets
  std::vector<NormSpan> claims;     // one per [...]
  std::vector<NormSpan> sentences;  // the sentence of each claim
};

inline Marked Parse(std::string_view marked) {
  Marked m;
  uint32_t open = 0;
  for (char c : marked) {
    if (c == '[') {
      open = static_cast<uint32_t>(m.text.size());
    } else if (c == ']') {
      m.claims.push_back(NormSpan{open, static_cast<uint32_t>(m.text.size())});
    } else {
      m.text += c;
    }
  }
  for (const NormSpan& span : m.claims) {
    uint32_t b = span.begin, e = span.end;
    auto ends_before = [&](uint32_t p) {  // a sentence end right before p
      if (p >= 3 && m.text.compare(p - 3, 3, "。") == 0) return true;
      return p >= 1 && (m.text[p - 1] == '!' || m.text[p - 1] == '?' || m.text[p - 1] == '\n');
    };
    while (b > 0 && !ends_before(b)) --b;
    while (e < m.text.size() && m.text.compare(e, 3, "。") != 0 && m.text[e] != '!' &&
           m.text[e] != '?' && m.text[e] != '\n') {
      ++e;
    }
    m.sentences.push_back(NormSpan{b, e});
  }
  return m;
}

// Unit and dimension as units.tsv would give them.
inline void GuessUnit(std::string_view s, std::string* unit, std::string* dim) {
  auto has = [&](std::string_view w) { return s.find(w) != std::string_view::npos; };
  if (has("美元/股")) { *unit = "USD/share"; *dim = "price_per_share"; }
  else if (has("%") || has("百分之")) { *unit = "%"; *dim = "percent"; }
  else if (has("分之") || (has("/") && !has("TB") && !has("GB"))) { *unit = "fraction"; *dim = "fraction"; }
  else if (has("百分点")) { *unit = "pp"; *dim = "percent_points"; }
  else if (has("倍") || has("番")) { *unit = "x"; *dim = "multiple"; }
  else if (has("美元") || has("美金") || has("元")) { *unit = has("元") && !has("美") ? "CNY" : "USD"; *dim = "currency"; }
  else if (has("TB/s") || has("GB/s") || has("TB/秒")) { *unit = "B/s"; *dim = "data_rate"; }
  else if (has("GB") || has("TB")) { *unit = "B"; *dim = "data"; }
  else if (has("FLOPS") || has("flops")) { *unit = "FLOPS"; *dim = "compute"; }
  else if (has("纳米") || has("nm")) { *unit = "m"; *dim = "length"; }
  else if (has("个") || has("颗") || has("名") || has("人") || has("张")) { *unit = "count"; *dim = "count"; }
  else { unit->clear(); dim->clear(); }
}

// Runs the Attacher over a marked text; one ContextDebugString per claim.
inline std::vector<std::string> AttachMarked(std::string_view marked, std::string_view date = "",
                                             const Lexicon& lex = Lexicon::Default()) {
  Marked m = Parse(marked);
  Extraction ex;
  for (size_t i = 0; i < m.claims.size(); ++i) {
    ExtractedClaim c;
    c.span = m.claims[i];
    c.sentence = m.sentences[i];
    c.claim.surface = m.text.substr(c.span.begin, c.span.end - c.span.begin);
    GuessUnit(c.claim.surface, &c.claim.unit, &c.claim.dimension);
    ex.claims.push_back(std::move(c));
  }
  Attacher attacher(lex);
  attacher.Attach(ArticleContext{std::string(date)}, m.text, &ex);
  std::vector<std::string> out;
  for (const ExtractedClaim& c : ex.claims) out.push_back(ContextDebugString(c.claim));
  return out;
}

// The first sentence of a marked text, analysed, with its targets and roles.
struct BuiltSentence {
  std::string text;
  Sentence sentence;
};

inline BuiltSentence BuildSentence(std::string_view marked, const EntityMemory& memory = {},
                                   const Lexicon& lex = Lexicon::Default()) {
  Marked m = Parse(marked);
  BuiltSentence b;
  b.text = m.text;
  b.sentence = AnalyzeSentence(lex, b.text, 0, static_cast<uint32_t>(b.text.size()));
  for (const NormSpan& span : m.claims) {
    Target t;
    t.begin = span.begin;
    t.end = span.end;
    std::string unit, dim;
    GuessUnit(std::string_view(b.text).substr(t.begin, t.end - t.begin), &unit, &dim);
    t.form = FormOf(unit, std::string_view(b.text).substr(t.begin, t.end - t.begin));
    static thread_local std::deque<std::string> dims;  // keeps the views alive
    dims.push_back(dim);
    t.dimension = dims.back();
    b.sentence.targets.push_back(t);
  }
  MarkEntityRoles(b.text, lex, memory, &b.sentence);
  return b;
}

}  // namespace claims::context::testing

#endif  // CLAIMS_TESTS_CONTEXT_CONTEXT_TEST_UTIL_H_
