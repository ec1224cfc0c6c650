// SentenceIndex skips text eight bytes at a time; a boundary mark must be
// seen wherever it falls relative to those words.
#include "extract/sentences.h"

#include <catch2/catch.hpp>

#include <string>

namespace claims {
namespace {

TEST_CASE("SentenceIndex finds a boundary mark at every offset", "[extract][sentences]") {
  const std::string marks[] = {"。", "!", "?", ";", "\n", "｡"};
  for (const std::string& mark : marks) {
    for (size_t pad = 0; pad < 17; ++pad) {
      // "<pad x>营收<mark>利润12亿" : the claim after the mark is in the second sentence.
      std::string first = std::string(pad, 'x') + "营收" + mark;
      std::string text = first + "利润12亿";
      SentenceIndex index(text);
      INFO("mark " << mark << " after " << pad << " bytes");
      NormSpan second = index.Around(first.size() + 3);
      CHECK(second.begin == first.size());
      CHECK(second.end == text.size());
      NormSpan one = index.Around(0);
      CHECK(one.begin == 0u);
      CHECK(one.end == (mark == "\n" ? first.size() - 1 : first.size()));  // a line end is trimmed
    }
  }
}

TEST_CASE("SentenceIndex ignores bytes that only look like a mark's lead", "[extract][sentences]") {
  // 、 (E3 80 81) and ，-style full-width forms (EF ..) share lead bytes with 。 and ｡.
  std::string text = "营收、利润和现金流“三项”指标均上升，其中营收59亿美元";
  SentenceIndex index(text);
  NormSpan s = index.Around(text.size() - 1);
  CHECK(s.begin == 0);
  CHECK(s.end == text.size());
}

}  // namespace
}  // namespace claims
