// Metric heuristics: what a number measures, from cue words (units/metrics.tsv).
//
//   "营收59.31亿美元"            -> revenue (营收, before the number)
//   "96GB内存、4TB/s内存带宽"     -> memory, bandwidth (the word after each number)
//   "5000颗昇腾910B芯片的订单"    -> orders (the head noun of the phrase after it)
//   "营收…,同比下降16.5%"         -> revenue (carried, for a change)
#ifndef CLAIMS_CONTEXT_METRIC_H_
#define CLAIMS_CONTEXT_METRIC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "context/lexicon.h"
#include "context/sentence.h"

namespace claims::context {

struct MetricChoice {
  int32_t metric = -1;  // index into Lexicon::metric(); -1 none
  uint32_t begin = 0, end = 0;  // the cue word
  bool after = false;   // the cue follows the number ("1/5收入")
  bool found() const { return metric >= 0; }
};

// Whether a level of `info` can be written in `dimension` (units.tsv).
// An unknown ("") or bare ("number") dimension fits everything but a "none"
// metric.
bool DimensionFits(const MetricInfo& info, std::string_view dimension);

// The head noun after the number (up to 、, a verb cue or another number),
// else the nearest cue before it in its effective clause with no other claim
// in between. With `check_dims`, cues that cannot measure the number's
// dimension are passed over.
MetricChoice FindMetric(std::string_view text, const Sentence& s, const Target& target,
                        const Lexicon& lexicon, bool check_dims);

// The nearest cue anywhere before the number in the sentence: the metric a
// change or ratio with no cue of its own continues.
MetricChoice CarryMetric(std::string_view text, const Sentence& s, const Target& target);

// A clause that names only its subject and the number, the rest left out
// because the clause before said it: "华为在中国智能手机市场的份额为15.3%,
// 苹果为15.6%", "营业利润为10.44万亿韩元,第一季度为6.61万亿韩元".
struct Ellipsis {
  int from = -1;  // the earlier target whose metric, kind and scope it repeats; -1: none
  enum class Subject : uint8_t {
    kNone,     // only a period or nothing: the earlier figure's entity too
    kEntity,   // a lexicon entity: `entity` (canonical), never the earlier one
    kUnknown,  // words the lexicon does not know (LG新能源): no entity
  } subject = Subject::kNone;
  std::string entity;
};

// Target `i` of `s` is elliptical when its piece of the sentence (after a
// comma, 、 or ;) reads "[subject][period] 为/约为/是 [约] N", with no metric,
// scope or other cue word, nothing after the number but 左右/以上, and the
// previous target of the sentence, in an earlier piece, has the same form
// and dimension.
Ellipsis ElidedFrom(std::string_view text, const Sentence& s, size_t i);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_METRIC_H_
