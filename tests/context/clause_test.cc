// Clause splitting: pieces and the boundary before each, as "[text]kind".
#include "context/clause.h"

#include <catch2/catch.hpp>

namespace claims::context {
namespace {

std::string Dump(std::string_view text) {
  static constexpr const char* kNames[] = {"start", "strong", "comma", "enum", "conj"};
  std::string out;
  for (const Clause& c : SplitClauses(text, 0, static_cast<uint32_t>(text.size()))) {
    out += "[" + std::string(text.substr(c.begin, c.end - c.begin)) + "]" +
           kNames[static_cast<int>(c.before)];
  }
  return out;
}

TEST_CASE("SplitClauses cuts at punctuation and contrast conjunctions", "[context]") {
  struct { const char* in; const char* want; } cases[] = {
      {"营收59.31亿美元,同比下降16.5%;净利润为6.8亿美元",
       "[营收59.31亿美元]start[同比下降16.5%]comma[净利润为6.8亿美元]strong"},
      {"提供96GB内存、4TB/s内存带宽", "[提供96GB内存]start[4TB/s内存带宽]enum"},
      {"营收增长而利润下降", "[营收增长]start[而利润下降]conj"},
      {"较上年同期下降约21%,但较上一季度增长2%",
       "[较上年同期下降约21%]start[但较上一季度增长2%]comma"},  // 但 right after a comma: no extra piece
      {"性能下降不过价格更低", "[性能下降]start[不过价格更低]conj"},
      {"对英伟达而言,这不是问题", "[对英伟达而言]start[这不是问题]comma"},  // 而言 is no conjunction
      {"然而价格上涨", "[然而价格上涨]start"},
      {"共1,234台", "[共1,234台]start"},                  // a digit separator
      {"19:57发布", "[19:57发布]start"},                   // a time
      {"中国，全球；美国", "[中国]start[全球]comma[美国]strong"},  // full-width forms too
      // A space between Chinese words parts a headline's halves; around
      // Latin words and digits it parts nothing.
      {"营收增长7% 人工智能相关收入翻番", "[营收增长7%]start[人工智能相关收入翻番]comma"},
      {"阿里云收入增长 云业务回暖", "[阿里云收入增长]start[云业务回暖]comma"},
      {"营收3.9 亿美元,H20 芯片", "[营收3.9 亿美元]start[H20 芯片]comma"},
      {"约 80% 的芯片", "[约 80% 的芯片]start"},
      {"", "[]start"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("ClauseAt and MergedClause", "[context]") {
  std::string_view text = "阿里巴巴、腾讯等公司,采购了芯片";
  std::vector<Clause> cs = SplitClauses(text, 0, static_cast<uint32_t>(text.size()));
  REQUIRE(cs.size() == 3);
  size_t tencent = text.find("腾讯");
  CHECK(ClauseAt(cs, static_cast<uint32_t>(tencent)) == 1);
  Range merged = MergedClause(cs, 1, true);
  CHECK(text.substr(merged.begin, merged.end - merged.begin) == "阿里巴巴、腾讯等公司");
  Range own = MergedClause(cs, 1, false);
  CHECK(text.substr(own.begin, own.end - own.begin) == "腾讯等公司");
}

}  // namespace
}  // namespace claims::context
