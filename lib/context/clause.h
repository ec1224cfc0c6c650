// Clause splitting: a sentence cut at punctuation and at contrast
// conjunctions, each piece tagged with what separated it from the previous
// one. Heuristics then choose how far to look: a metric word after a number
// stops at 、 ("96GB内存、4TB/s内存带宽"), an entity search stops at commas
// but reads across 、 (an enumeration "阿里巴巴、腾讯" is one noun phrase).
//
//   "营收59.31亿美元,同比下降16.5%;净利润为6.8亿美元"
//     -> [营收59.31亿美元](start) [同比下降16.5%](comma) [净利润为6.8亿美元](strong)
#ifndef CLAIMS_CONTEXT_CLAUSE_H_
#define CLAIMS_CONTEXT_CLAUSE_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace claims::context {

enum class Boundary : uint8_t {
  kStart,   // the sentence's first piece
  kStrong,  // ; ； : ： ! ？ and line breaks
  kComma,   // , ，
  kEnum,    // 、
  kConj,    // 但 但是 而 不过 然而 (the conjunction starts the new piece)
};

struct Clause {
  uint32_t begin = 0;  // after the separator; a conjunction is inside
  uint32_t end = 0;    // before the next separator
  Boundary before = Boundary::kStart;
};

// Pieces of text[begin, end) in order; separators belong to no piece. A comma
// between two digits ("1,234") does not split. Never empty for a non-empty
// range.
std::vector<Clause> SplitClauses(std::string_view text, uint32_t begin, uint32_t end);
// The same into `out` (cleared first), whose capacity is reused.
void SplitClauses(std::string_view text, uint32_t begin, uint32_t end, std::vector<Clause>* out);

// The index of the piece containing `pos` (the last piece that starts at or
// before it).
size_t ClauseAt(const std::vector<Clause>& clauses, uint32_t pos);

// Merges pieces across the given boundary kinds: with kEnum, "阿里巴巴、腾讯"
// is one clause. Returns [begin, end) of the merged clause around piece `i`.
struct Range {
  uint32_t begin = 0, end = 0;
};
Range MergedClause(const std::vector<Clause>& clauses, size_t i, bool across_enum);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_CLAUSE_H_
