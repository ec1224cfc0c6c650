// Scope and period choice for one claim.
//
//   "在中国AI芯片市场上,英伟达的市场占有率超过90%"  -> scope 中国
//   "英伟达在全球AI处理器市场的份额高达80%以上"      -> scope 全球
//   "H20提供96GB内存"                                -> no scope (a spec)
#ifndef CLAIMS_CONTEXT_SCOPE_H_
#define CLAIMS_CONTEXT_SCOPE_H_

#include <string>
#include <string_view>

#include "context/lexicon.h"
#include "context/sentence.h"
#include "extract/claim.h"

namespace claims::context {

// Product specifications are the same everywhere: no scope for these ids.
bool MetricTakesScope(std::string_view metric_id);

// The region the claim is limited to, with the product market named after
// the region word (MarketAfter: "全球·智能手机"), "" for none (always for a claim with no
// metric). The nearest scope word before the number in the sentence
// ("英伟达中国的营收" is China's revenue); outside the number's clause a level
// takes only a place phrase (在中国, 中国市场), and it does not reach past
// another claim ("中国营收40亿美元,总营收180亿美元"), a share or change does.
// A scope after the number counts through a 的-phrase ("70亿美元的中国市场").
std::string FindScope(std::string_view text, const Sentence& s, const Target& target,
                      const Lexicon& lexicon, Kind kind, std::string_view metric_id);

// The product market a region word is followed by, "" for none: "全球" in
// "全球智能手机市场" -> "智能手机", in "全球DRAM市场" -> "DRAM", in
// "中国AI芯片市场" -> "AI芯片" (a lexicon market, its canonical name without
// 市场). Up to 8 characters before 市场 that hold no lexicon word, mark or
// 的/在/和; "中国市场" and "全球出货量" name none. `pos` is where the region
// word ends. FindScope adds it to the region, "全球·智能手机": a share of the
// smartphone market is not a share of the memory market.
std::string MarketAfter(std::string_view text, const Sentence& s, uint32_t pos, const Lexicon& lexicon);

// The lexicon market that the noun text[begin, end) ends with, as
// MarketAfter names it: "高端人工智能芯片" -> "AI芯片"; "" for none. For the
// whole of "N%的高端人工智能芯片来自英伟达" (SupplierMarket).
std::string MarketOfWhole(std::string_view text, uint32_t begin, uint32_t end, const Lexicon& lexicon);

// The product market of a supplier share, "约80%的高端AI芯片来自英伟达" ->
// "AI芯片": the noun between the number's 的 and 来自. "" for none.
std::string SupplierMarket(std::string_view text, const Sentence& s, const Target& target,
                           const Lexicon& lexicon);

// The business segment a figure is limited to, "" for none: the name before
// 业务/部门/板块 right before the metric word ("数据中心业务营收" ->
// "数据中心业务", "来自游戏业务的收入" -> "游戏业务"). A segment's revenue is
// not the company's. The name runs back to the nearest entity, 的, 其中,
// 来自 or punctuation; 主营业务 (the company's main business) is no segment.
// Without 业务/部门/板块, a revenue line named right before the bare word 收入
// (RevenueLineOf): "网络广告收入" -> "网络广告", "国内游戏收入" -> "游戏".
std::string SegmentOf(std::string_view text, const Sentence& s, size_t metric_begin);

// The revenue line of "<line>收入", "" for none: up to 8 characters before
// the bare word 收入, not reaching into a lexicon word or a period ("腾讯
// 2024年第三季度网络广告收入" -> "网络广告"). 营业收入, 总收入, 销售收入 and
// names ending in 公司, 集团, 全年, 季度, 经调整, 可支配 … are the whole
// company's (or an average's): "".
std::string RevenueLineOf(std::string_view text, const Sentence& s, size_t metric_begin);

// "人均", "户均" or "平均" when one of them stands within the five characters
// before the metric word, in its clause ("员工人均收入", "单季度平均营收",
// "人均可支配收入"): an average, not the entity's total. Else "".
std::string AverageOf(std::string_view text, size_t metric_begin);

// "新台币计" when the sentence states the currency its figures are counted
// in before the number ("以新台币计，…同比增长39%" beside "营收为US$23.5
// billion，同比增长36%": two growth rates, each right in its currency).
// Else "".
std::string CurrencyBasisOf(std::string_view text, const Sentence& s, const Target& target);

// "经调整" when the metric word's clause says the figure is adjusted
// (经调整净利润, 非国际财务报告准则下的净利润, Non-GAAP净利润), "扣非" when it
// leaves out one-off items (扣非净利润, 扣除非经常性损益后的净利润); else "".
// Either is another figure than the reported one: 腾讯's 596亿元 non-IFRS
// profit is not a conflict with its 532.3亿元 net income.
std::string AdjustedOf(std::string_view text, size_t metric_begin);

// The index in s.periods of the time expression the claim is for, or -1:
// the nearest one before the number that is not a comparison base or the
// start of a span, and not a "从…" period that a "至/到" already left behind.
int SelectPeriod(std::string_view text, const Sentence& s, const Target& target);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_SCOPE_H_
