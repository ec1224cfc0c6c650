// Context: what each number is about. Fills entity, metric, period, scope,
// kind, direction, base and base_entity of extracted claims from their
// sentence and the article's date. Unknown is left empty: a wrong entity or
// period makes a false conflict, an empty one makes none.
#ifndef CLAIMS_CONTEXT_CONTEXT_H_
#define CLAIMS_CONTEXT_CONTEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/extractor.h"

namespace claims::context {

class Lexicon;  // lexicon.h: entity, metric and scope aliases

struct ArticleContext {
  std::string date;  // "2024-01-22" when known: anchors 去年/今年/上季度
};

class Attacher {
 public:
  explicit Attacher(const Lexicon& lexicon);  // `lexicon` must outlive this
  ~Attacher();
  // `norm_text` is the normalised text the Extraction's spans point into.
  // Deterministic; const and thread-safe.
  void Attach(const ArticleContext& article, std::string_view norm_text,
              Extraction* extraction) const;

 private:
  const Lexicon& lexicon_;
};

// The context fields of a claim in one line, for tests and debugging:
//   "entity=英伟达 metric=revenue period=FY2023Q3 scope= kind=change dir=- base=yoy"
// direction, base and base_entity appear only when set.
std::string ContextDebugString(const Claim& claim);

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_CONTEXT_H_
