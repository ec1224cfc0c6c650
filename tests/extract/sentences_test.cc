// SentenceIndex looks for boundary marks on both sides of a claim, no
// further than a long sentence's window; a mark must be seen wherever it falls.
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

TEST_CASE("SentenceIndex cuts a long sentence to a window around the claim", "[extract][sentences]") {
  // 1,000 bytes of clauses without a full stop, the claim in the middle.
  std::string clause = "营收增长,";  // 13 bytes
  std::string text;
  while (text.size() < 500) text += clause;
  size_t at = text.size();
  text += "12亿美元";
  while (text.size() < 1000) text += clause;
  SentenceIndex index(text);
  NormSpan s = index.Around(at);
  CHECK(s.begin > 0);
  CHECK(s.end < text.size());
  CHECK(s.begin <= at);
  CHECK(s.end >= at + 10);
  CHECK(s.end - s.begin <= 2 * 240 + 48);
  CHECK(text[s.begin - 1] == ',');  // whole clauses: cut just after a comma
  CHECK(text[s.end] == ',');        // and just before one
}

}  // namespace
}  // namespace claims
