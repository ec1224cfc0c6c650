// End to end through the Attacher on hand-built Extractions: each case is a
// short article of our own sentences (facts from the seed articles) with the
// claims [bracketed], and the context of every claim, in order.
#include <catch2/catch.hpp>

#include "context_test_util.h"

namespace claims::context {
namespace {

using testing::AttachMarked;

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

TEST_CASE("Attacher: Nvidia's quarters, net income and changes", "[context]") {
  std::string got = Join(AttachMarked(
      "截至2022年10月31日的2023财年三季度,英伟达该季度营收[59.31亿美元],同比下降[16.5%];"
      "净利润为[6.8亿美元],同比下降[72%]。"
      "截至2023年1月29日的四季度,英伟达营收为[60.5亿美元],较上年同期下降[约21%],但较上一季度增长[2%]。",
      "2024-01-22"));
  CHECK(got ==
        "entity=英伟达 metric=revenue period=FY2023Q3 scope= kind=level\n"
        "entity=英伟达 metric=revenue period=FY2023Q3 scope= kind=change dir=- base=yoy\n"
        "entity=英伟达 metric=net_income period=FY2023Q3 scope= kind=level\n"
        "entity=英伟达 metric=net_income period=FY2023Q3 scope= kind=change dir=- base=yoy\n"
        "entity=英伟达 metric=revenue period=FY2023Q4 scope= kind=level\n"
        "entity=英伟达 metric=revenue period=FY2023Q4 scope= kind=change dir=- base=yoy\n"
        "entity=英伟达 metric=revenue period=FY2023Q4 scope= kind=change dir=+ base=qoq");
}

TEST_CASE("Attacher: end-to-end table", "[context]") {
  struct { const char* text; const char* date; const char* want; } cases[] = {
      // Market cap: a year, then "now".
      {"英伟达的市值在2023年突破了[1万亿美元],目前市值已达[1.47万亿美元]。", "2024-01-22",
       "entity=英伟达 metric=market_cap period=2023 scope= kind=level\n"
       "entity=英伟达 metric=market_cap period=2024-01-22 scope= kind=level"},
      // A second product the lexicon does not know, in a parallel clause:
      // its figure is not the first product's.
      {"分产品看，茅台酒实现营业收入[1265.90亿元]，系列酒实现营业收入[206.30亿元]。", "2024-04-02",
       "entity=茅台酒 metric=revenue period= scope= kind=level\n"
       "entity= metric=revenue period= scope= kind=level"},
      // A clause (here a sentence of its own, after ；) that opens with a
      // name the lexicon does not know is that name's figure, not the
      // previous subject's; a segment, basis or the company itself is not.
      {"三星出货量为[5780万台]；苹果出货量为[5680万台]，份额为[18%]。", "2024-10-16",
       "entity=三星 metric=shipments period= scope= kind=level\n"
       "entity= metric=shipments period= scope= kind=level\n"
       "entity= metric=market_share period= scope= kind=share"},
      {"三星出货量为[5780万台]；摩托罗拉出货量为[2500万台]。", "2024-10-16",
       "entity=三星 metric=shipments period= scope= kind=level\n"
       "entity= metric=shipments period= scope= kind=level"},
      {"宁德时代营收为[2590.45亿元]；归母净利润为[360.01亿元]。", "2024-10-19",
       "entity=宁德时代 metric=revenue period= scope= kind=level\n"
       "entity=宁德时代 metric=net_income period= scope= kind=level"},
      {"宁德时代营收为[2590.45亿元]；公司净利润为[360.01亿元]。", "2024-10-19",
       "entity=宁德时代 metric=revenue period= scope= kind=level\n"
       "entity=宁德时代 metric=net_income period= scope= kind=level"},
      {"台积电公布第三季度财报，季度营收为[US$23.5 billion]。", "2024-10-17",
       "entity=台积电 metric=revenue period=2024Q3 scope= kind=level"},
      {"英伟达营收为[350.8亿美元]；预计营收为[375亿美元]。", "",
       "entity=英伟达 metric=revenue period= scope= kind=level\n"
       "entity=英伟达 metric=revenue period= scope= kind=level"},
      {"英伟达股价一度涨超[5%]，总市值突破[2.2万亿美元]。", "",
       "entity=英伟达 metric=stock_change period= scope= kind=change dir=+\n"
       "entity=英伟达 metric=market_cap period= scope= kind=level"},
      {"H100售价为[4万美元]；单次查询成本[约4美分]。", "",
       "entity=H100 metric=price period= scope= kind=level\n"
       "entity=H100 metric=cost period= scope= kind=level"},
      // An adjusted profit beside the reported one is another figure.
      {"腾讯第三季度净利润[532.3亿元]。腾讯第三季度非国际财务报告准则下的净利润为[596亿元]。", "2024-11-13",
       "entity=腾讯 metric=net_income period=2024Q3 scope= kind=level\n"
       "entity=腾讯 metric=net_income period=2024Q3 scope=经调整 kind=level"},
      // Growth counted in another currency is another figure.
      {"台积电2024年第三季度营收为[US$23.5 billion]，同比增长[36%]。以新台币计，台积电2024年第三季度营收同比增长[39%]。",
       "2024-10-17",
       "entity=台积电 metric=revenue period=2024Q3 scope= kind=level\n"
       "entity=台积电 metric=revenue period=2024Q3 scope= kind=change dir=+ base=yoy\n"
       "entity=台积电 metric=revenue period=2024Q3 scope=新台币计 kind=change dir=+ base=yoy"},
      {"2023年全年,英伟达股价累计上涨[近240%]。", "2024-01-22",
       "entity=英伟达 metric=stock_change period=2023 scope= kind=change dir=+"},
      // China's share of Nvidia's revenue, several periods.
      {"据2024财年三季报,英伟达来自中国大陆的收入为[40亿美元],占总收入[22.4%]。", "2024-03-19",
       "entity=英伟达 metric=revenue period=FY2024Q3 scope=中国 kind=level\n"
       "entity=英伟达 metric=revenue_share period=FY2024Q3 scope=中国 kind=share"},
      {"在2023财年,中国市场的销售额占比接近[50%],是英伟达最大的市场。", "2024-03-19",
       "entity=英伟达 metric=revenue_share period=FY2023 scope=中国 kind=share"},
      {"黄仁勋在2023年底表示,中国市场占英伟达销售额的[约20%]。", "2024-01-22",
       "entity=英伟达 metric=revenue_share period=2023-12 scope=中国 kind=share"},
      {"中国是英伟达的主要市场,贡献了英伟达大约[五分之一]的收入。", "",
       "entity=英伟达 metric=revenue_share period= scope=中国 kind=share"},
      // Market shares with different scopes.
      {"在规模[70亿美元]的中国AI芯片市场上,英伟达的市场占有率超过[90%]。", "",
       "entity=AI芯片市场 metric=market_size period= scope=中国 kind=level\n"
       "entity=英伟达 metric=market_share period= scope=中国·AI芯片 kind=share"},
      {"英伟达在全球AI处理器市场的份额在[80%以上]。", "",
       "entity=英伟达 metric=market_share period= scope=全球·AI芯片 kind=share"},
      {"分析师称,中国云厂商目前[约80%]的高端AI芯片来自英伟达。", "2023-12-05",
       "entity=英伟达 metric=market_share period=2023-12-05 scope=中国·AI芯片 kind=share"},
      // The product market joins the region: a share of one market is not
      // a share of another.
      {"三星在全球智能手机市场的份额约为[19%]。", "",
       "entity=三星 metric=market_share period= scope=全球·智能手机 kind=share"},
      {"三星在全球DRAM市场的份额约为[41%]。", "",
       "entity=三星 metric=market_share period= scope=全球·DRAM kind=share"},
      {"三星在全球的出货量份额约为[20%]。", "",
       "entity=三星 metric=market_share period= scope=全球 kind=share"},
      // A list of elliptical clauses: each figure is its own subject's, of
      // what the first clause measured.
      {"第三季度,华为在中国智能手机市场的份额为[15.3%],三星为[15.6%],荣耀约为[14.8%]。", "2024-10-30",
       "entity=华为 metric=market_share period=2024Q3 scope=中国·智能手机 kind=share\n"
       "entity=三星 metric=market_share period=2024Q3 scope=中国·智能手机 kind=share\n"
       "entity=荣耀 metric=market_share period=2024Q3 scope=中国·智能手机 kind=share"},
      {"华为2019年销售收入为[8588亿元],2020年为[8914亿元]。", "",
       "entity=华为 metric=revenue period=2019 scope= kind=level\n"
       "entity=华为 metric=revenue period=2020 scope= kind=level"},
      // 环比 of a month's figure is over the month before.
      {"10月份,工业增加值同比增长[5.3%],环比增长[0.41%]。", "2024-11-15",
       "entity= metric= period=2024-10 scope= kind=change dir=+ base=yoy\n"
       "entity= metric= period=2024-10 scope= kind=change dir=+ base=mom"},
      // A bare quarter is the article year's when it has ended; for a
      // company that reports fiscal quarters, the fiscal quarter that ended
      // last (英伟达's third ended in October 2024, in its FY2025).
      {"三星电子第三季度营业利润为[9.18万亿韩元]。", "2024-10-31",
       "entity=三星 metric=operating_income period=2024Q3 scope= kind=level"},
      {"丰田第三季度营业利润为[1.1万亿日元]。", "2024-11-21",  // April-March fiscal year
       "entity=丰田 metric=operating_income period= scope= kind=level"},
      {"英伟达第三季度营收为[350.8亿美元]。", "2024-11-21",
       "entity=英伟达 metric=revenue period=FY2025Q3 scope= kind=level"},
      {"英伟达预计第四季度营收为[375亿美元]。", "2024-11-21",
       "entity=英伟达 metric=revenue period= scope= kind=level"},  // an outlook: unsure
      {"公司预计下一季度营收为[375亿美元]。", "2024-11-21",
       "entity= metric=revenue period= scope= kind=level"},
      // 中国 + 移动游戏市场, not 中国移动 (China Mobile) + 游戏市场.
      {"腾讯在中国移动游戏市场的份额约为[50%]。", "",
       "entity=腾讯 metric=market_share period= scope=中国·移动游戏 kind=share"},
      {"中国移动全年营收为[1.04万亿元]。", "",
       "entity=中国移动 metric=revenue period= scope= kind=level"},
      // Deliveries, capital spending, margins: figures of their own.
      {"理想汽车10月交付新车[51443辆]。", "2024-11-01",
       "entity=理想汽车 metric=deliveries period=2024-10 scope= kind=level"},
      {"台积电今年资本支出约为[300亿美元],营业利润率介于[46.5%至48.5%]之间。", "2024-10-17",
       "entity=台积电 metric=capex period=2024 scope= kind=level\n"
       "entity=台积电 metric=operating_margin period=2024 scope= kind=level"},
      {"月之暗面完成新一轮融资,融资金额超过[3亿美元],投后估值约为[33亿美元]。", "2024-08-06",
       "entity=月之暗面 metric=funding period= scope= kind=level\n"
       "entity=月之暗面 metric=valuation period= scope= kind=level"},
      // The figure a base period's 的 leads to is that period's.
      {"腾讯第二季度营收为[1611亿元],较上年同期的[1492亿元]增长[8%]。", "2024-08-14",
       "entity=腾讯 metric=revenue period=2024Q2 scope= kind=level\n"
       "entity=腾讯 metric= period=2023Q2 scope= kind=level\n"
       "entity=腾讯 metric=revenue period=2024Q2 scope= kind=change dir=+ base=yoy"},
      // Specs and prices.
      {"H20拥有[96GB]内存、[4TB/s]内存带宽和[296 teraFLOPS]的FP8算力。", "",
       "entity=H20 metric=memory period= scope= kind=level\n"
       "entity=H20 metric=bandwidth period= scope= kind=level\n"
       "entity=H20 metric=compute period= scope= kind=level"},
      {"H20的算力比H100低[80%左右],推理性能却比H100快[20%]。", "",
       "entity=H20 metric=compute period= scope= kind=ratio dir=- base_entity=H100\n"
       "entity=H20 metric=compute period= scope= kind=ratio dir=+ base_entity=H100"},
      {"英伟达称GB200的性能是H100的[7倍]。", "",
       "entity=GB200 metric=compute period= scope= kind=ratio base_entity=H100"},
      {"H100的价格在[2.5万至4万美元]之间,GB200整套系统的成本高达[20万美元]。", "",
       "entity=H100 metric=price period= scope= kind=level\n"
       "entity=GB200 metric=cost period= scope= kind=level"},
      {"Blackwell架构的GPU由[2080亿个]晶体管组成,采用台积电[4纳米]工艺。", "",
       "entity=Blackwell metric=transistors period= scope= kind=level\n"
       "entity=Blackwell metric=process_node period= scope= kind=level"},
      // Text between claim sentences, read for a period (该季度, a bare
      // 四季度) before its entities are needed: 该芯片/其 later still finds
      // H20 there, and the bare quarter is no calendar quarter of 英伟达's.
      {"2023年三季度英伟达营收为[181亿美元]。英伟达推出了H20芯片。该季度数据中心营收[145亿美元]。"
       "该芯片售价为[1.2万美元]。", "2024-01-22",
       "entity=英伟达 metric=revenue period=2023Q3 scope= kind=level\n"
       "entity= metric=revenue period=2023Q3 scope= kind=level\n"
       "entity=H20 metric=price period= scope= kind=level"},
      {"英伟达推出了H20芯片。四季度营收为[181亿美元]。其售价为[1.2万美元]。", "2024-01-22",
       "entity= metric=revenue period= scope= kind=level\n"
       "entity=H20 metric=price period= scope= kind=level"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Join(AttachMarked(c.text, c.date)) == c.want);
  }
}

TEST_CASE("Attacher: traps", "[context]") {
  struct { const char* text; const char* date; const char* want; } cases[] = {
      // Two entities in one sentence: each number takes its own subject.
      {"英伟达营收[60.5亿美元],而AMD营收为[58亿美元]。", "",
       "entity=英伟达 metric=revenue period= scope= kind=level\n"
       "entity=AMD metric=revenue period= scope= kind=level"},
      // The number belongs to the object: the owner of the revenue.
      {"中国大陆已占英伟达营收的一大块,约为[20%]。", "",
       "entity=英伟达 metric=revenue_share period= scope=中国 kind=share"},
      // 去年 in an article dated January is the year that just ended.
      {"英伟达去年营收为[270亿美元]。", "2024-01-05",
       "entity=英伟达 metric=revenue period=2023 scope= kind=level"},
      {"英伟达今年前三季度营收为[1亿美元]。", "2024-01-05",
       "entity=英伟达 metric=revenue period= scope= kind=level"},
      // A share of a market vs a share of revenue.
      {"英伟达在中国AI芯片市场的份额为[90%],中国占英伟达收入的[20%]。", "",
       "entity=英伟达 metric=market_share period= scope=中国·AI芯片 kind=share\n"
       "entity=英伟达 metric=revenue_share period= scope=中国 kind=share"},
      // 该公司 and 其 point back across sentences; a person in between blocks 其.
      {"寒武纪发布了一季度财报。该公司营收为[11.11亿元]。", "",
       "entity=寒武纪 metric=revenue period= scope= kind=level"},
      {"H20面向中国市场。黄仁勋称,其价格为[1.2万美元]。", "",
       "entity= metric=price period= scope= kind=level"},
  };
  for (const auto& c : cases) {
    INFO(c.text << " @" << c.date);
    CHECK(Join(AttachMarked(c.text, c.date)) == c.want);
  }
}

TEST_CASE("Attacher is deterministic and leaves out-of-range spans alone", "[context]") {
  std::string marked = "英伟达营收[60.5亿美元]。";
  CHECK(AttachMarked(marked) == AttachMarked(marked));
  Extraction ex;
  ExtractedClaim c;
  c.span = NormSpan{100, 110};
  c.sentence = NormSpan{90, 120};
  ex.claims.push_back(c);
  Attacher attacher(Lexicon::Default());
  attacher.Attach(ArticleContext{}, "短文本", &ex);
  CHECK(ContextDebugString(ex.claims[0].claim) == "entity= metric= period= scope= kind=level");
}

}  // namespace
}  // namespace claims::context
