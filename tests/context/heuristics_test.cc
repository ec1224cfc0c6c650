// Each heuristic on its own, over one hand-marked sentence: the [bracketed]
// text is the claim whose metric / kind / entity / scope / period is asked.
// The sentences are ours, built around the facts of the seed articles.
#include <catch2/catch.hpp>

#include "context/entity.h"
#include "context/kind.h"
#include "context/metric.h"
#include "context/scope.h"
#include "context_test_util.h"

namespace claims::context {
namespace {

using testing::BuildSentence;
using testing::BuiltSentence;

// What 其, 该公司 and 该芯片 would mean (the rest of the memory left empty).
EntityMemory Remember(std::string any, std::string company, std::string product) {
  EntityMemory m;
  m.any = std::move(any);
  m.company = std::move(company);
  m.product = std::move(product);
  return m;
}

// The metric id (and the word) for the LAST marked claim.
std::string Metric(std::string_view marked, bool check_dims = true) {
  BuiltSentence b = BuildSentence(marked);
  MetricChoice m = FindMetric(b.text, b.sentence, b.sentence.targets.back(), Lexicon::Default(), check_dims);
  if (!m.found()) return "";
  return Lexicon::Default().metric(m.metric).id + "(" + b.text.substr(m.begin, m.end - m.begin) + ")";
}

TEST_CASE("FindMetric: head noun after, nearest cue before", "[context]") {
  struct { const char* in; const char* want; } cases[] = {
      {"英伟达在该季度营收[59.31亿美元]", "revenue(营收)"},
      {"净利润为[6.8亿美元]", "net_income(净利润)"},
      {"H20提供[96GB]内存、4TB/s内存带宽", "memory(内存)"},
      {"H20提供96GB内存、[4TB/s]内存带宽和296 teraFLOPS FP8性能", "bandwidth(内存带宽)"},
      {"和[296 teraFLOPS] FP8性能", "compute(性能)"},
      {"由[2080亿个]晶体管组成", "transistors(晶体管)"},
      {"获得了至少[5000颗]昇腾 910B 芯片的订单", "orders(订单)"},
      {"价值[45亿美元]的库存积压", "inventory(库存积压)"},  // the head after wins over 损失 before
      {"英伟达的市场占有率超过[90%]", "market_share(市场占有率)"},
      {"有望成为市值超[2万亿美元]的科技巨头", "market_cap(市值)"},
      {"每个GPU每年的许可费为[4500美元]", "license_fee(许可费)"},
      {"营收[5000颗]", ""},                                 // revenue is not counted in chips
      {"营收59.31亿美元,同比下降[16.5%]", ""},              // its own clause has no cue
      {"营收[60亿美元]和净利润10亿美元", "revenue(营收)"},
      {"按不变价格计算,比上年增长[5.2%]", ""},              // a basis of computation
      // 分别: the k-th figure after it takes the k-th listed metric.
      {"营收和净利润分别为[100亿元]", "revenue(营收)"},
      {"营收和净利润分别为[100亿元]和[10亿元]", "net_income(净利润)"},
      {"营收、营业利润和净利润分别为[100亿元]、[30亿元]和[10亿元]", "net_income(净利润)"},
      {"营收、营业利润和净利润分别为[100亿元]、[30亿元]", "operating_income(营业利润)"},
      {"营收和净利润分别为[100亿元]、[30亿元]和[10亿元]", ""},          // more figures than metrics
      {"2023年和2024年净利润分别为[10亿元]和[12亿元]", "net_income(净利润)"},  // one metric, two years
      // English metric words, whole words only.
      {"Apple's revenue rose 4% to [$89.5 billion]", "revenue(revenue)"},  // " to ": the new level
      {"net income of [$23.6 billion]", "net_income(net income)"},
      {"Nvidia's market cap topped [$2 trillion]", "market_cap(market cap)"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Metric(c.in) == c.want);
  }
  // Without the dimension check (for shares and changes) the cue is kept.
  CHECK(Metric("占据了英伟达[1/5]收入", false) == "revenue(收入)");
  CHECK(Metric("营收和净利润同比分别增长[34.4%]", false) == "revenue(营收)");
  CHECK(Metric("规模以上工业增加值同比增长[5.3%]", false) == "");  // 规模以上: which firms, not a size
  CHECK(Metric("营收和净利润同比分别增长[34.4%]和[35.5%]", false) == "net_income(净利润)");
  // English "and" ends a phrase: Mac sales are the next figure's.
  CHECK(Metric("Services revenue was up [14%] and Mac sales were down 3%", false) == "revenue(revenue)");
}

TEST_CASE("ElidedFrom: \"A的份额为X,B为Y\" repeats what A's clause measured", "[context]") {
  // "from subject entity" for the LAST marked claim, "-" when not elided.
  auto elided = [](std::string_view marked) {
    BuiltSentence b = BuildSentence(marked);
    Ellipsis e = ElidedFrom(b.text, b.sentence, b.sentence.targets.size() - 1);
    if (e.from < 0) return std::string("-");
    const char* subject[] = {"none", "entity", "unknown"};
    return std::to_string(e.from) + " " + subject[static_cast<int>(e.subject)] + " " + e.entity;
  };
  CHECK(elided("华为在中国智能手机市场的份额为[15.3%],三星为[15.6%]") == "0 entity 三星");
  CHECK(elided("三星份额为[19%],摩托罗拉约为[13%]") == "0 unknown ");  // not in the lexicon
  CHECK(elided("三星营业利润为[10.44万亿韩元],第一季度为[6.61万亿韩元]") == "0 none ");
  CHECK(elided("研发投入占收入的比重为[20%],其中2023年为[23.4%]") == "0 none ");
  CHECK(elided("小米的份额为[17%]、三星则为[15%]") == "0 entity 三星");
  CHECK(elided("华为份额为[15.3%],苹果为[1500万台]") == "-");         // another dimension
  CHECK(elided("华为份额为[15.3%],净利润为[15.6%]") == "-");          // a metric of its own
  CHECK(elided("华为份额为[15.3%],中国为[15.6%]") == "-");            // a region of its own
  CHECK(elided("华为份额为[15.3%],同比增长[2%]") == "-");             // no 为
  CHECK(elided("华为份额为[15.3%],此前的目标为[10%]") == "-");        // a 的-phrase is no name
  CHECK(elided("华为份额为[15.3%],苹果为[15.6%]的两倍") == "-");      // more after the number
  CHECK(elided("华为份额为[15.3%]") == "-");
  CHECK(elided("宁德时代的份额[约为45%],比亚迪[约为24%]") == "0 entity 比亚迪");  // 约为 in the surface
}

TEST_CASE("CarryMetric: a change continues the last cue", "[context]") {
  BuiltSentence b = BuildSentence("营收[59.31亿美元],同比下降[16.5%];净利润为[6.8亿美元],同比下降[72%]");
  const Lexicon& lex = Lexicon::Default();
  CHECK(lex.metric(CarryMetric(b.text, b.sentence, b.sentence.targets[1]).metric).id == "revenue");
  CHECK(lex.metric(CarryMetric(b.text, b.sentence, b.sentence.targets[3]).metric).id == "net_income");
  BuiltSentence basis = BuildSentence("国内生产总值[126万亿元],按不变价格计算,比上年增长[5.2%]");
  CHECK_FALSE(CarryMetric(basis.text, basis.sentence, basis.sentence.targets[1]).found());
}

// The kind of the LAST marked claim: "kind dir base base_entity".
std::string KindOf(std::string_view marked, std::string_view date = "") {
  EntityMemory memory = Remember("H20", "", "H20");
  BuiltSentence b = BuildSentence(marked, memory);
  const Lexicon& lex = Lexicon::Default();
  PeriodContext ctx;
  ParseArticleDate(date, &ctx);
  std::vector<KindChoice> earlier;
  KindChoice k;
  for (size_t i = 0; i < b.sentence.targets.size(); ++i) {
    MetricChoice m = FindMetric(b.text, b.sentence, b.sentence.targets[i], lex, false);
    k = FindKind(b.text, b.sentence, i, lex, m, ctx, earlier);
    earlier.push_back(k);
  }
  std::string out(KindName(k.kind));
  if (k.direction != Direction::kNone) out += " " + std::string(DirectionName(k.direction));
  if (!k.base.empty()) out += " base=" + k.base;
  if (!k.base_entity.empty()) out += " vs=" + k.base_entity;
  return out;
}

TEST_CASE("FindKind: 上年 is the year before the one the sentence names", "[context]") {
  // Article of March 2024 on the year 2023: 上年末 is the end of 2022.
  CHECK(KindOf("截至2023年末,总资产达到44.70万亿元,比上年末增长[13.0%]", "2024-03-28") == "change + base=2022-12");
  // No year named: unknown (an annual report's news in March means 2022年末,
  // a mid-year one 2023年末), but still a change.
  CHECK(KindOf("不良贷款率较上年末下降[0.02个百分点]", "2024-03-28") == "change -");
  // 去年 is before the article's own year, whatever the sentence reports.
  CHECK(KindOf("截至2023年末,总资产比去年末增长[13.0%]", "2024-03-28") == "change + base=2023-12");
}

TEST_CASE("FindKind: level, change, ratio, share", "[context]") {
  struct { const char* in; const char* want; } cases[] = {
      {"英伟达营收达到[60.5亿美元]", "level"},
      {"同比下降[16.5%]", "change - base=yoy"},
      {"较上年同期下降[约21%]", "change - base=yoy"},
      {"但较上一季度增长[2%]", "change + base=qoq"},
      {"环比增长[15%]", "change + base=qoq"},
      {"收入925.1亿元,YoY [+30.5%]", "change base=yoy"},  // English shorthand of 同比
      {"QoQ [-2.1%]", "change base=qoq"},
      {"失业率比上月下降[0.2个百分点]", "change - base=mom"},  // was a ratio against nothing
      {"较上个月增长[3%]", "change + base=mom"},
      {"不良贷款率较年初下降[0.02个百分点]", "change - base=ytd"},  // was a ratio against nothing
      {"存款比年初增加[5%]", "change + base=ytd"},
      {"營收年增[62%]", "change + base=yoy"},                   // Taiwan's compact forms
      {"营收季增[25%]", "change + base=qoq"},
      {"营收月减[11%]", "change - base=mom"},
      {"全年增[5%]", "change +"},                              // a year's own growth
      {"今年增[8%]", "change +"},
      {"10月增[3%]", "change +"},                              // October's, not month on month
      {"同比分别增长[34.4%]和[35.5%]", "change + base=yoy"},  // was a level: the verb is before the first
      {"销量分别下降[2.1%]、[3.5%]和[1.2%]", "change -"},
      {"同比增长[5%],净利率为[12%]", "level"},                // not a list: a clause of its own
      {"英伟达股价累计上涨[近240%]", "change +"},
      {"员工人数比去年增加了[一倍]", "change + base=yoy"},
      {"自2022年末以来,销售额增长了[两倍多]", "change + base=2022-12"},
      {"GB200的性能是H100的[7倍]", "ratio vs=H100"},
      {"GB200的性能是H100的[7倍],训练速度是[4倍]", "ratio vs=H100"},
      {"其整体算力比英伟达H100 GPU芯片下降[80%左右]", "ratio - vs=H100"},
      {"在AI推理方面的性能比H100快[20%]", "ratio + vs=H100"},
      {"H20的峰值计算能力仅为H100的[15%]", "ratio vs=H100"},
      {"价格上升到A100的[5倍以上]", "ratio vs=A100"},
      {"相比于H20部分性能有所削弱,但能效会比后者高出[30%],采购成本降低[40%]", "ratio - vs=H20"},
      {"[30倍]性能提升", "change +"},
      {"营收[翻了两番],成本下降20%", "change +"},   // the 下降 is the cost's
      {"在成本下降的同时,营收[翻了两番]", "change +"},
      {"其营收较去年[翻了两番]", "change + base=yoy"},
      {"利润[翻番]", "change +"},
      {"成本[减半]", "change -"},
      // 翻了两番 is a rise by its own 翻; the next clause's 下降 says nothing
      // about it, nor about a multiple with no verb of its own.
      {"利润[翻了两番],营收下降20%", "change +"},
      {"利润[翻了两番]、营收下降两成", "change +"},
      {"利润[翻了两番]", "change +"},
      {"性能达到[30倍],功耗下降一半", "ratio"},
      {"[25分之一]成本", "ratio"},
      {"占总收入[22.4%]", "share"},
      {"中国市场占英伟达销售额的大约[20%]", "share"},
      {"占据了英伟达[1/5]收入的中国科技公司", "share"},
      {"为英伟达贡献了大约[五分之一]的收入", "share"},
      {"中国市场销售额占比接近[50%]", "share"},
      {"英伟达的市场占有率超过[90%]", "share"},
      {"中国云公司约[80%]的高端芯片来自英伟达", "share"},
      {"营收从去年同期的0.26亿暴增至[11.11亿元]", "level"},  // 增至: the new level
      {"这一比例可能会下降至[50%-60%]", "share"},  // 比例: a proportion
      {"净利润增加了[10亿美元]", "change +"},
      // English, as mixed articles quote it: the verb right before the
      // number, the base after it in the same piece.
      {"Revenue rose [4%] year over year", "change + base=yoy"},
      {"Revenue fell [2%] from a year earlier", "change - base=yoy"},
      {"Mac sales were down [3%] sequentially", "change - base=qoq"},
      {"net income grew by [11%]", "change +"},
      {"The company set up a [5%] discount", "level"},  // a phrasal verb, not a change
      {"Revenue rose 4% to [$89.5 billion]", "level"},   // "to": the new level
      {"总营收US$25.18 billion,[8%] YoY", "change base=yoy"},
      // A base period that cannot be placed (no article date) still makes a
      // change, not a ratio against nothing: a copy with its byline lost
      // read the same as the original.
      {"不良贷款率较上年末下降[0.02个百分点]", "change -"},
      {"净息差比上年收窄[31个基点]", "change - base=yoy"},
      {"市值一夜蒸发[近2万亿元]", "change -"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(KindOf(c.in) == c.want);
  }
}

// The entity of the LAST marked claim, for a claim whose metric is `metric`.
std::string EntityOf(std::string_view marked, EntityMemory memory = {}, std::string_view metric = "revenue") {
  BuiltSentence b = BuildSentence(marked, memory);
  std::vector<std::string> earlier;
  for (size_t i = 0; i < b.sentence.targets.size(); ++i) {
    earlier.push_back(FindEntity(b.text, b.sentence, i, Lexicon::Default(), earlier, metric));
  }
  return earlier.back();
}

TEST_CASE("FindEntity: subject, object, anaphor, list", "[context]") {
  struct { const char* in; const char* want; } cases[] = {
      {"英伟达营收[60.5亿美元]", "英伟达"},
      {"英伟达宣称GB200的性能是H100的[7倍]", "GB200"},          // nearest subject, H100 compared
      {"中国市场占英伟达销售额的大约[20%]", "英伟达"},          // the owner of the whole
      {"中国大陆已占英伟达营收的大部分,约为[20%]", "英伟达"},   // 约为 leans on the piece before
      {"中国云公司约[80%]的高端芯片来自英伟达", "英伟达"},
      {"阿里巴巴向英伟达订购了价值[10亿美元]的芯片", "阿里巴巴"},  // 英伟达 is the object
      {"阿里巴巴、腾讯等公司一直在测试,订购了[5000颗]芯片", ""},  // a list: unknown
      {"阿里巴巴、腾讯和字节跳动采购了[5000颗]芯片", ""},
      {"英伟达和AMD的市场份额分别为[80%]和[10%]", "AMD"},      // 分别: the second
      {"其整体算力比英伟达H100下降[80%左右]", "H20"},           // 其 = the last entity
      {"黄仁勋访华仅[10天]", ""},                               // a person is no entity
      {"在规模高达[70亿美元]的中国AI芯片市场上", "AI芯片市场"},  // through the 的-phrase
      {"英伟达来自中国大陆地区的收入为[40亿美元],占总收入[22.4%]", "英伟达"},
      {"往前一年,2023财年时中国市场销售额占比接近[50%],曾是英伟达第一大市场", "英伟达"},
      {"中国电信采购了价值约[3.9亿美元]的由华为芯片驱动的AI服务器", "中国电信"},
      {"据悉,英伟达CEO黄仁勋访华仅[10天]", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(EntityOf(c.in, Remember("H20", "", "H20")) == c.want);
  }
  // 该公司 wants a company; a person in between makes 其 unknown.
  CHECK(EntityOf("这家公司的营收为[11.11亿元]", Remember("寒武纪", "寒武纪", "")) == "寒武纪");
  CHECK(EntityOf("黄仁勋表示,其营收为[11.11亿元]", Remember("寒武纪", "寒武纪", "")) == "");
  // A business figure looks into earlier clauses; a specification does not.
  CHECK(EntityOf("英伟达的股价一路飙升,上涨了[五倍]", {}, "stock_change") == "英伟达");
  CHECK(EntityOf("阿里的双11很大,CPU速度太慢,只有[3 QPS]", {}, "speed") == "");
}

TEST_CASE("LearnEmployers: a person's company only where the article says so", "[context]") {
  auto employers = [](std::string_view text) {
    EntityMemory memory;
    LearnEmployers(text, Lexicon::Default(), &memory);
    std::string out;
    for (const auto& [person, company] : memory.employers) out += person + ">" + company + ";";
    return out;
  };
  CHECK(employers("英伟达CEO黄仁勋访华。") == "黄仁勋>英伟达;");
  CHECK(employers("英伟达联合创始人兼首席执行官黄仁勋表示") == "黄仁勋>英伟达;");
  CHECK(employers("英伟达公司CEO 黄仁勋说") == "黄仁勋>英伟达;");
  CHECK(employers("黄仁勋(英伟达创始人)说") == "黄仁勋>英伟达;");
  CHECK(employers("AMD CEO苏姿丰与英伟达CEO黄仁勋同台") == "苏姿丰>AMD;黄仁勋>英伟达;");
  CHECK(employers("英伟达与黄仁勋") == "");           // no title: no tie
  CHECK(employers("英伟达的股价和黄仁勋的身家") == "");  // words between that are not titles
  CHECK(employers("英伟达CEO黄仁勋; AMD CEO黄仁勋") == "");  // two companies: unknown
  // Only paragraphs that name a person are read, but every such paragraph:
  // the tie may be stated anywhere in the article, and a line break parts
  // a company from the person that follows it.
  CHECK(employers("AMD营收增长。\n市场人士说,\n英伟达CEO黄仁勋访华。") == "黄仁勋>英伟达;");
  CHECK(employers("英伟达CEO黄仁勋访华。\n\nAMD营收增长。\nAMD CEO黄仁勋") == "");
  CHECK(employers("英伟达CEO\n黄仁勋访华") == "");
  CHECK(employers("英伟达CEO JENSEN HUANG访华") == "黄仁勋>英伟达;");  // aliases fold ASCII case
}

TEST_CASE("FindEntity: 老黄的公司 is his company, when known", "[context]") {
  EntityMemory known;
  known.employers = {{"黄仁勋", "英伟达"}};
  CHECK(EntityOf("老黄的公司市值突破[3万亿美元]", known, "market_cap") == "英伟达");
  CHECK(EntityOf("黄仁勋旗下的公司营收为[221亿美元]", known) == "英伟达");
  CHECK(EntityOf("老黄的公司市值突破[3万亿美元]", {}, "market_cap") == "");  // not said: unknown
  CHECK(EntityOf("老黄的身家增长了[30%]", known, "net_worth") == "");       // his own, not the company's
}

std::string ScopeOf(std::string_view marked, Kind kind, std::string_view metric) {
  BuiltSentence b = BuildSentence(marked);
  return FindScope(b.text, b.sentence, b.sentence.targets.back(), Lexicon::Default(), kind, metric);
}

TEST_CASE("FindScope: region words, not a division's name, not for specs", "[context]") {
  CHECK(ScopeOf("在中国AI芯片市场上,英伟达的市场占有率超过[90%]", Kind::kShare, "market_share") == "中国·AI芯片");
  CHECK(ScopeOf("英伟达在全球人工智能处理器市场的份额高达[80%以上]", Kind::kShare, "market_share") == "全球·AI芯片");
  CHECK(ScopeOf("在国内市场,宁德时代的份额约为[45%]", Kind::kShare, "market_share") == "中国");
  CHECK(ScopeOf("小米在中国折叠屏手机市场的份额约为[10%]", Kind::kShare, "market_share") == "中国·折叠屏手机");
  CHECK(ScopeOf("英伟达来自中国大陆地区的收入为[40亿美元]", Kind::kLevel, "revenue") == "中国");
  CHECK(ScopeOf("中国营收[40亿美元],总营收[180亿美元]", Kind::kLevel, "revenue") == "");
  CHECK(ScopeOf("中国营收40亿美元,占总营收[22%]", Kind::kShare, "revenue_share") == "中国");
  CHECK(ScopeOf("英伟达中国员工人数为[500人]", Kind::kLevel, "headcount") == "中国");  // the China arm
  CHECK(ScopeOf("针对中国市场的H20提供[96GB]内存", Kind::kLevel, "memory") == "");
  CHECK(ScopeOf("规模高达[70亿美元]的中国AI芯片市场", Kind::kLevel, "market_size") == "中国");
}

TEST_CASE("MarketAfter: the product market after a region word", "[context]") {
  auto market_after = [](std::string_view marked, std::string_view region) {
    BuiltSentence b = BuildSentence(marked);
    return MarketAfter(b.text, b.sentence, static_cast<uint32_t>(b.text.find(region) + region.size()),
                       Lexicon::Default());
  };
  CHECK(market_after("三星在全球智能手机市场的份额约为[19%]", "全球") == "智能手机");
  CHECK(market_after("三星在全球DRAM市场的份额约为[41%]", "全球") == "DRAM");
  CHECK(market_after("在美国高端手机市场,苹果的份额超过[60%]", "美国") == "高端手机");
  CHECK(market_after("英伟达在全球人工智能处理器市场的份额为[80%]", "全球") == "AI芯片");  // a lexicon market
  CHECK(market_after("在中国市场,份额为[20%]", "中国") == "");
  CHECK(market_after("全球出货量份额为[20%]", "全球") == "");        // a metric word: no market
  CHECK(market_after("中国的市场份额为[20%]", "中国") == "");
  CHECK(market_after("全球范围看,三星份额为[19%]", "全球") == "");   // a mark before 市场
  CHECK(market_after("全球第一大半导体设备材料市场份额[20%]", "全球") == "");  // too long for a name
}

TEST_CASE("SplitRegionOffMarket: 中国移动游戏市场 is China's mobile-game market", "[context]") {
  auto first_token = [](std::string_view text) {
    Sentence s = AnalyzeSentence(Lexicon::Default(), text, 0, static_cast<uint32_t>(text.size()));
    SplitRegionOffMarket(text, Lexicon::Default(), &s);
    const Token& t = s.tokens.front();
    return std::string(text.substr(t.begin, t.end - t.begin)) + (t.is(LexEntry::Table::kScope) ? "/scope" : "/entity");
  };
  CHECK(first_token("中国移动游戏市场规模为2000亿元") == "中国/scope");
  CHECK(first_token("中国移动营收为1万亿元") == "中国移动/entity");
  CHECK(first_token("中国移动市场份额为60%") == "中国移动/entity");  // China Mobile's own share
  CHECK(first_token("中国移动在市场上领先") == "中国移动/entity");
}

TEST_CASE("SupplierMarket: the market of N%的…来自X", "[context]") {
  auto supplier_market = [](std::string_view marked) {
    BuiltSentence b = BuildSentence(marked);
    return SupplierMarket(b.text, b.sentence, b.sentence.targets.back(), Lexicon::Default());
  };
  CHECK(supplier_market("中国云公司目前约[80%]的高端人工智能芯片来自英伟达") == "AI芯片");
  CHECK(supplier_market("中国云公司目前[约80%]的高端AI芯片来自英伟达") == "AI芯片");
  CHECK(supplier_market("约[80%]的服务器来自浪潮") == "");  // no lexicon market
  CHECK(supplier_market("约[80%]的高端AI芯片") == "");
}

TEST_CASE("SegmentOf: a business segment's figure is not the company's", "[context]") {
  auto segment_of = [](std::string_view marked, std::string_view metric_word) {
    BuiltSentence b = BuildSentence(marked);
    return SegmentOf(b.text, b.sentence, b.text.find(metric_word));
  };
  CHECK(segment_of("英伟达数据中心业务营收为[226亿美元]", "营收") == "数据中心业务");
  CHECK(segment_of("其中数据中心业务营收[226亿美元]", "营收") == "数据中心业务");
  CHECK(segment_of("来自游戏业务的收入为[26.5亿美元]", "收入") == "游戏业务");
  CHECK(segment_of("公司AI业务收入[30亿元]", "收入") == "公司AI业务");
  CHECK(segment_of("消费者部门营收为[2515亿元]", "营收") == "消费者部门");
  CHECK(segment_of("公司主营业务收入为[120亿元]", "收入") == "");  // the main business: the company's
  CHECK(segment_of("华为营收为[7042亿元]", "营收") == "");
  CHECK(segment_of("小米2024年第三季度手机业务收入为[474.6亿元]", "收入") == "手机业务");  // not into the period
  // A revenue line without 业务 (RevenueLineOf).
  CHECK(segment_of("网络广告收入为[299.9亿元]", "收入") == "网络广告");
  CHECK(segment_of("腾讯2024年第三季度网络广告收入为[299.9亿元]", "收入") == "网络广告");
  CHECK(segment_of("其中国内游戏收入为[373亿元]", "收入") == "游戏");  // 国内 is the region
  CHECK(segment_of("iPhone收入为[462亿美元]", "收入") == "iPhone");
  CHECK(segment_of("腾讯第三季度收入为[1672亿元]", "收入") == "");
  CHECK(segment_of("小米集团收入为[925亿元]", "收入") == "");
  CHECK(segment_of("全年收入为[6090亿元]", "收入") == "");
  CHECK(segment_of("公司营业收入为[120亿元]", "营业收入") == "");
  CHECK(segment_of("华为云同年实现收入[553亿元]", "收入") == "");
  CHECK(segment_of("员工人均收入约为[70万元]", "收入") == "");  // AverageOf's
  CHECK(segment_of("研发投入占收入的比重为[23.4%]", "收入") == "");
  CHECK(segment_of("英伟达[约一半]收入来自中国市场", "收入") == "");  // the figure, not a line
  CHECK(segment_of("阿里巴巴营收2477亿元,其中云智能集团收入[398亿元]", "收入") == "云智能集团");  // a part
  CHECK(segment_of("小米集团收入为[925亿元]", "收入") == "");  // still the whole
  CHECK(segment_of("其中集团收入[925亿元]", "收入") == "");
  CHECK(segment_of("其中，云智能集团收入为[296.1亿元]", "收入") == "云智能集团");
  CHECK(segment_of("约[30%]游戏收入来自中国", "收入") == "游戏");
  // "X在Y收入中的占比": the line is Y, without the 在 that opens it.
  CHECK(segment_of("HBM销售额在DRAM收入中的占比超过[30%]", "收入") == "DRAM");
  CHECK(segment_of("该产品在游戏业务收入中占[20%]", "收入") == "游戏业务");
}

TEST_CASE("AverageOf: an average is not the total", "[context]") {
  auto average_of = [](std::string_view text, std::string_view metric_word) {
    return AverageOf(text, text.find(metric_word));
  };
  CHECK(average_of("华为员工人均收入约为70万元", "收入") == "人均");
  CHECK(average_of("全国居民人均可支配收入39218元", "收入") == "人均");
  CHECK(average_of("单季度平均营收约为1760亿元", "营收") == "平均");
  CHECK(average_of("农村户均收入增长8%", "收入") == "户均");
  CHECK(average_of("高于平均水平,营收为100亿元", "营收") == "");  // another clause
  CHECK(average_of("华为营收为7042亿元", "营收") == "");
}

TEST_CASE("AdjustedOf: an adjusted or non-recurring-free profit is another figure", "[context]") {
  auto adjusted_of = [](std::string_view text, std::string_view metric_word) {
    return AdjustedOf(text, text.rfind(metric_word));
  };
  CHECK(adjusted_of("腾讯第三季度非国际财务报告准则下的净利润为596亿元", "净利润") == "经调整");
  CHECK(adjusted_of("小米集团经调整净利润为62.5亿元", "净利润") == "经调整");
  CHECK(adjusted_of("公司Non-GAAP净利润为12.3亿美元", "净利润") == "经调整");
  CHECK(adjusted_of("贵州茅台扣非净利润为747.5亿元", "净利润") == "扣非");
  CHECK(adjusted_of("扣除非经常性损益后的净利润为747.5亿元", "净利润") == "扣非");
  CHECK(adjusted_of("腾讯第三季度净利润为532.3亿元", "净利润") == "");
  CHECK(adjusted_of("经调整净利润为596亿元，净利润为532.3亿元", "净利润") == "");  // another clause
}

TEST_CASE("SelectPeriod: nearest before, not a base or a start", "[context]") {
  auto period_of = [](std::string_view marked) {
    BuiltSentence b = BuildSentence(marked);
    int k = SelectPeriod(b.text, b.sentence, b.sentence.targets.back());
    if (k < 0) return std::string();
    const PeriodMention& p = b.sentence.periods[k];
    return b.text.substr(p.begin, p.end - p.begin);
  };
  CHECK(period_of("2023财年三季度营收[59.31亿美元]") == "2023财年三季度");
  CHECK(period_of("市值在2023年突破1万亿美元,目前市值已达[1.47万亿美元]") == "目前");
  CHECK(period_of("2023财年四季度营收较上年同期下降[21%]") == "2023财年四季度");
  CHECK(period_of("营收从去年同期的[0.26亿元]暴增至11.11亿元") == "去年同期");
  CHECK(period_of("一季度营收从去年同期的0.26亿元暴增至[11.11亿元]") == "一季度");
  CHECK(period_of("自2022年末以来,股价上涨了[五倍]") == "");
  CHECK(period_of("H20提供[96GB]内存") == "");
}

}  // namespace
}  // namespace claims::context
