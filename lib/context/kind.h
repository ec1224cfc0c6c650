// Kind heuristics: whether a number is a level, a change, a ratio or a share,
// with the change's direction and base and the ratio's compared entity.
//
//   "同比下降16.5%"              -> change - base=yoy
//   "较上一季度增长2%"           -> change + base=qoq
//   "是H100的7倍"                -> ratio base_entity=H100
//   "比H100快20%"                -> ratio + base_entity=H100
//   "占总收入22.4%", "1/5收入"   -> share
//   "营收60.5亿美元"             -> level
#ifndef CLAIMS_CONTEXT_KIND_H_
#define CLAIMS_CONTEXT_KIND_H_

#include <string>
#include <string_view>
#include <vector>

#include "context/lexicon.h"
#include "context/metric.h"
#include "context/period.h"
#include "context/sentence.h"
#include "extract/claim.h"

namespace claims::context {

struct KindChoice {
  Kind kind = Kind::kLevel;
  Direction direction = Direction::kNone;
  std::string base;         // for a change: "yoy" "qoq" or a period
  std::string base_entity;  // for a ratio: the entity compared with
  bool from_supplier = false;  // "N%的芯片来自X": a share of a market
};

// The kind of target `i` of `s`. `metric` is the cue found without the
// dimension check; `ctx` resolves a named base period ("比2022年增长");
// `earlier` holds the choices for targets before `i` (a ratio's base carries
// to the next number: "是H100的7倍,训练速度是4倍").
KindChoice FindKind(std::string_view text, const Sentence& s, size_t i, const Lexicon& lexicon,
                    const MetricChoice& metric, const PeriodContext& ctx,
                    const std::vector<KindChoice>& earlier);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_KIND_H_
