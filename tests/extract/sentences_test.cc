// SentenceIndex looks for boundary marks on both sides of a claim, no
// further than a long sentence's window; a mark must be seen wherever it falls.
#include "extract/sentences.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

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

// The sentence around `pos` in a text shorter than the long-sentence window,
// found the slow way: the last mark ending at or before pos, the first
// ending after it, white space trimmed.
NormSpan SlowAround(const std::string& t, size_t pos) {
  auto mark_ends_at = [&t](size_t i) {
    for (std::string mark : {"\n", "!", "?", ";", "。", "｡"}) {
      if (i >= mark.size() && t.compare(i - mark.size(), mark.size(), mark) == 0) return true;
    }
    return false;
  };
  size_t begin = pos;
  while (begin > 0 && !mark_ends_at(begin)) --begin;
  size_t end = pos + 1;
  while (end < t.size() && !mark_ends_at(end)) ++end;
  end = std::min(end, t.size());
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (begin < end && space(t[begin])) ++begin;
  while (end > begin && space(t[end - 1])) --end;
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

TEST_CASE("SentenceIndex agrees with a byte-by-byte search on random text", "[extract][sentences]") {
  // Marks, and characters that hold a mark's last byte (0x82, 0xA1) elsewhere:
  // 丂 E4 B8 82, ア E3 82 A2, ¡ C2 A1, 、 E3 80 81.
  const std::vector<std::string> pieces = {"。", "｡", "!", "?", ";", "\n", " ", "营收", "丂", "ア", "¡", "、",
                                           "12", "亿", ",", "x"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string t;
    size_t n = 1 + rng() % 60;
    for (size_t k = 0; k < n; ++k) t += pieces[rng() % pieces.size()];
    SentenceIndex index(t);
    for (size_t pos = 0; pos < t.size(); ++pos) {
      if ((static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) continue;
      NormSpan want = SlowAround(t, pos), got = index.Around(pos);
      INFO("'" << t << "' at " << pos);
      REQUIRE(got.begin == want.begin);
      REQUIRE(got.end == want.end);
    }
  }
}

}  // namespace
}  // namespace claims
