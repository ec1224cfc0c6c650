// Cue words: the grammar the context heuristics read (comparison markers,
// change verbs, share markers, prepositions, anaphors). Built in, because the
// heuristics' code depends on each one's role; the nouns that name entities,
// metrics and scopes are data (units/*.tsv) instead.
#ifndef CLAIMS_CONTEXT_CUES_H_
#define CLAIMS_CONTEXT_CUES_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace claims::context {

enum class Cue : uint8_t {
  kBlock,         // a word that hides a shorter cue inside it: 其他, 比如, 因为
  kAnaphor,       // 该公司 这家公司 其 它: the last entity in the article
  kAnaphorPlural, // 它们 他们: several things, never one entity
  kLatter,        // 后者
  kFormer,        // 前者
  kCompare,       // 比 较 相比 相较于: "<compare> X <verb> N" compares with X
  kYoy,           // 同比
  kQoq,           // 环比
  kUp,            // 增长 上涨 提升 高出 快
  kDown,          // 下降 减少 降低 下滑 慢
  kShare,         // 占 占据: "占<whole>N%" is a share
  kShareOf,       // 占比 比例 比重: "<whole>占比N%"
  kContribute,    // 贡献: "为X贡献了N的收入"
  kFrom,          // 来自: "N%的芯片来自X"
  kIs,            // 是 为 仅为 相当于: "是X的N倍"
  kReach,         // 到 至 达到: "上升到X的N倍"; also ends a 从…到 range
  kPrep,          // 向 对 从 给 被 把: the entity after it is not the subject
  kEnum,          // 和 与 及 以及: joins entities into a list
  kRespectively,  // 分别
  kThisRatio,     // 这一比例 该比例: the share last stated, again
};

struct CueWord {
  std::string_view word;
  Cue cue;
};

// Every built-in cue word, in no particular order.
std::span<const CueWord> BuiltinCues();

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_CUES_H_
