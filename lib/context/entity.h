// Entity heuristics: which company, product or market a number is about.
//
//   "英伟达宣称GB200的性能是H100的7倍"   -> GB200 (nearest subject; H100 is compared)
//   "中国市场占英伟达销售额的大约20%"     -> 英伟达 (the owner of the whole)
//   "其整体算力比H100下降80%" after H20   -> H20 (其 = the last entity)
//   "阿里巴巴、腾讯等公司采购了5000颗"    -> "" (a list is not one entity)
#ifndef CLAIMS_CONTEXT_ENTITY_H_
#define CLAIMS_CONTEXT_ENTITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "context/lexicon.h"
#include "context/sentence.h"

namespace claims::context {

// The article's most recent entities before a sentence, for anaphors; ""
// where the last mention was a person, a list, or nothing.
struct EntityMemory {
  std::string any;      // for 其 它
  std::string company;  // for 该公司 这家公司
  std::string product;  // for 该芯片 这款产品
  // Where each was named: text is not always remembered in order (the
  // attacher reads the text between claim sentences only when needed), and
  // the later mention wins.
  uint32_t any_pos = 0, company_pos = 0, product_pos = 0;
  // Each person's company where the article says so (英伟达CEO黄仁勋), by
  // canonical person name; filled by LearnEmployers when first needed.
  std::vector<std::pair<std::string, std::string>> employers;
  bool employers_learned = false;
};

// True when `s` names a person's company without naming it (老黄的公司,
// 黄仁勋旗下): only then is the article read for LearnEmployers.
bool NamesPersonsCompany(std::string_view text, const Lexicon& lexicon, const Sentence& s);

// Reads the whole article for "company + title + person" (英伟达CEO黄仁勋,
// 英伟达创始人兼首席执行官黄仁勋) and "person (company + title)" (黄仁勋(英伟达
// 创始人)); a person tied to two companies gets none. Sets employers_learned.
void LearnEmployers(std::string_view text, const Lexicon& lexicon, EntityMemory* memory);

// "中国移动游戏市场" is 中国 + 移动游戏市场, not 中国移动 + 游戏市场: an entity
// token that starts with a region word and runs into a market phrase
// (MarketAfter) becomes that region's scope token. True when one was split.
// Called by MarkEntityRoles.
bool SplitRegionOffMarket(std::string_view text, const Lexicon& lexicon, Sentence* s);

// Marks each entity/anaphor token compared / oblique / listed and sets its
// `resolved` canonical name (anaphors from earlier tokens or `memory`).
void MarkEntityRoles(std::string_view text, const Lexicon& lexicon, const EntityMemory& memory,
                     Sentence* s);

// Updates `memory` with the entity tokens of `s` that come after what it
// already holds, as the next sentence will see them.
void RememberEntities(const Sentence& s, const Lexicon& lexicon, EntityMemory* memory);

// The entity of target `i` of `s`, "" when unknown. `earlier[j]` is the entity
// already chosen for target j < i; `carried` the last claim's entity of a
// previous sentence this one continues after a ";" ("" when none).
// `metric_id`: the claim's metric; a business metric (not a product
// specification, see MetricTakesScope) allows looking into earlier clauses
// and the last-resort "the only company in the sentence" rule.
std::string FindEntity(std::string_view text, const Sentence& s, size_t i, const Lexicon& lexicon,
                       const std::vector<std::string>& earlier, std::string_view metric_id,
                       const std::string& carried = "");

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_ENTITY_H_
