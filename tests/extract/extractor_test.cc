// Table-driven extraction cases: the parser's contract from issue 2 and
// DESIGN.md "Numbers and units". Each sentence is ours; facts are public.
#include "extract/extractor.h"

#include <catch2/catch.hpp>

#include "units/unit_table.h"

namespace claims {
namespace {

const Extractor& TheExtractor() {
  static const Extractor extractor(units::UnitTable::Default());
  return extractor;
}

// Dump() below, with the candidate filter's characters found by Normalize()
// (`fused`, as Analyzer does) or by the filter's own skipping.
std::string DumpWith(const std::string& text, bool fused) {
  const Extractor& extractor = TheExtractor();
  text::NormalizedText norm = text::Normalize(text, fused ? &extractor.stop_chars() : nullptr);
  Extraction ex = extractor.Extract(text, norm);
  std::string out;
  for (const ExtractedClaim& ec : ex.claims) {
    const Claim& c = ec.claim;
    if (!out.empty()) out += "; ";
    out += c.surface + "=" + c.value_lo.ToString();
    if (!(c.value_lo == c.value_hi)) out += ".." + c.value_hi.ToString();
    out += " " + c.unit;
    if (c.qualifier != Qualifier::kExact) out += " " + std::string(QualifierName(c.qualifier));
  }
  return out;
}

// "surface=value unit qualifier; ..." for every claim in `text`. Both ways
// of finding candidates must agree.
std::string Dump(const std::string& text) {
  std::string fused = DumpWith(text, true);
  CHECK(fused == DumpWith(text, false));
  return fused;
}

TEST_CASE("Money with Chinese magnitudes", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"该季度营收59.31亿美元。", "59.31亿美元=5931000000 USD"},
      {"市值已达1.47万亿美元", "1.47万亿美元=1470000000000 USD"},
      {"采购了价值约 3.9 亿美元的服务器", "约 3.9 亿美元=390000000 USD approx"},
      {"许可费为4500美元", "4500美元=4500 USD"},
      {"单次查询成本4美分", "4美分=0.04 USD"},
      {"成本在2.5万至4万美元之间", "2.5万至4万美元=25000..40000 USD range"},
      {"价格飙升到2.5万到3万美元", "2.5万到3万美元=25000..30000 USD range"},
      {"花费数十亿美元", "数十亿美元=1000000000..10000000000 USD range"},
      {"营收3万多元", "3万多元=30000 CNY at_least"},
      {"估值$2.5 billion", "$2.5 billion=2500000000 USD"},
      {"庫存價值45億美元", "45億美元=4500000000 USD"},
      {"市值突破了1万亿美元", "突破了1万亿美元=1000000000000 USD at_least"},
      {"营收从0.26亿增至11.11亿", "0.26亿=26000000 number; 11.11亿=1111000000 number"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("Ranges whose first end is a bare number take the second's unit", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"推理性能提升5到10倍", "5到10倍=5..10 x range"},
      {"每月租金3到5美元", "3到5美元=3..5 USD range"},
      {"招聘3千到5千名工人", "3千到5千名=3000..5000 count range"},
      {"单价2.5千至4万美元", "2.5千至4万美元=2500..40000 USD range"},
      {"交付周期3-5个月", "3-5个月=3..5 month range"},
      {"预计1~2周内完成", "1~2周=1..2 week range"},
      // ... and its magnitude when the first end has none of its own.
      {"营收约3.5-4亿美元", "约3.5-4亿美元=350000000..400000000 USD range"},
      {"利润为2-3亿元", "2-3亿元=200000000..300000000 CNY range"},
      {"营收3.5-4亿", "3.5-4亿=350000000..400000000 number range"},
      {"收入1-2万亿元", "1-2万亿元=1000000000000..2000000000000 CNY range"},
      {"估值3-4 billion美元", "3-4 billion美元=3000000000..4000000000 USD range"},
      {"年薪10-15万元", "10-15万元=100000..150000 CNY range"},
      // Not ranges: a bare number stays no claim.
      {"从5到10倍", "10倍=10 x"},
      {"2020-2023年间", ""},
      // The span another figure covers is no claim either.
      {"今年前10个月,出口增长5%", "5%=5 %"},
      {"过去3年营收翻番", "翻番=2 x"},
      {"近5年来首次下降", ""},
      {"与近5年同期均值相比", ""},
      {"连续17个季度位列前三", ""},
      {"前三个月销量为10万辆", "10万辆=100000 count"},
      {"比计划提前3个月", "3个月=3 month"},       // a lead time
      {"历时近5年", "近5年=5 year approx"},       // nearly five years
      {"拨打010-12345678咨询", ""},
      {"超过4900只股票上涨", "超过4900只=4900 count at_least"},  // 只 counts stocks, funds
      {"逾百只个股涨停", "逾百只=100 count at_least"},
      // Index points: a decimal or three digits, Arabic only.
      {"上证指数报3489.78点", "3489.78点=3489.78 pt"},
      {"道指下跌132点", "132点=132 pt"},
      {"下午3点开会", ""},                        // hours
      {"中午12点半", ""},
      {"提出两点建议", ""},
      {"凌晨100点钟", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("A minus sign where a figure begins makes it negative", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"毛利率为-3.2%。", "-3.2%=-3.2 %"},
      {"同比−5%", "−5%=-5 %"},                       // U+2212 MINUS SIGN
      {"增速为－16.5%", "－16.5%=-16.5 %"},            // full-width, folded to '-'
      {"净利润为-2.3亿元", "-2.3亿元=-230000000 CNY"},
      {"利润率：-0.8%，", "-0.8%=-0.8 %"},
      {"区间为-10%至-5%", "-10%至-5%=-10..-5 % range"},
      {"从5%降至-3%", "5%=5 %; -3%=-3 %"},
      {"约-3%", "约-3%=-3 % approx"},
      {"净利润为负3.2亿元", "负3.2亿元=-320000000 CNY"},
      {"现金流约负5000万元", "约负5000万元=-50000000 CNY approx"},
      {"区间为负10%至负5%", "负10%至负5%=-10..-5 % range"},
      {"误差为正负3%", "3%=3 %"},                    // plus or minus: no sign
      // Hyphens that join, not signs.
      {"涨幅5%-6%", "5%-6%=5..6 % range"},
      {"GPT-4的训练成本超过1亿美元", "超过1亿美元=100000000 USD at_least"},
      {"报价20万-30万元", "20万-30万元=200000..300000 CNY range"},
      {"报价30万元-20万元", "30万元=300000 CNY; 20万元=200000 CNY"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("A 千 that starts a unit belongs to the unit; 千瓦时 is energy", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"装机容量达1.2万千瓦", "1.2万千瓦=12000000 W"},
      {"总装机3亿千瓦", "3亿千瓦=300000000000 W"},
      {"产量5万千克", "5万千克=50000000 g"},
      {"全程3万千米", "3万千米=30000000 m"},
      {"重5千克", "5千克=5000 g"},
      {"一千瓦", "一千瓦=1000 W"},
      {"电池容量为100千瓦时", "100千瓦时=100000 Wh"},
      {"全年发电量约1.2万亿千瓦时", "约1.2万亿千瓦时=1200000000000000 Wh approx"},
      {"储能规模达到30GWh", "30GWh=30000000000 Wh"},
      // Operations a second (每秒…次浮点运算) are compute.
      {"算力约为每秒320万亿次浮点运算", "约为每秒320万亿次浮点运算=320000000000000 FLOPS approx"},
      {"峰值达到每秒百亿亿次浮点计算", "每秒百亿亿次浮点计算=1000000000000000000 FLOPS"},
      {"每秒1000万亿次的运算能力", "每秒1000万亿次的运算=1000000000000000 OPS"},
      {"每秒访问2000次", "2000次=2000 count"},  // not an operation: stays a count
      {"採用3奈米製程", "3奈米=0.000000003 m"},  // Taiwan's word for 纳米
      // Battery capacity: ampere-hours.
      {"搭载6000mAh电池", "6000mAh=6 Ah"},
      {"电池容量5500毫安时", "5500毫安时=5.5 Ah"},
      {"单体容量280Ah", "280Ah=280 Ah"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("Basis points, areas, 人次 and prices per unit", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"下调存款准备金率50个基点", "50个基点=0.5 pp"},
      {"LPR下调10bp", "10bp=0.1 pp"},
      {"占地面积约200平方公里", "约200平方公里=200000000 m2 approx"},
      {"建筑面积12万平方米", "12万平方米=120000 m2"},
      {"接待游客3.2亿人次", "3.2亿人次=320000000 count"},
      {"钢材价格为4200元/吨", "4200元/吨=4200 CNY/吨"},
      {"均价6.8万元/平方米", "6.8万元/平方米=68000 CNY/平方米"},
      {"油价跌至80美元/桶", "80美元/桶=80 USD/桶"},
      {"电价0.6元/千瓦时", "0.6元/千瓦时=0.6 CNY/千瓦时"},
      {"报价3000至4000元/吨", "3000至4000元/吨=3000..4000 CNY/吨 range"},
      {"股价18.88元/股", "18.88元/股=18.88 CNY/share"},
      {"以每股192.53美元收盘", "每股192.53美元=192.53 USD/share"},
      {"每股约1.2港元", "每股约1.2港元=1.2 HKD/share approx"},
      {"每股派0.5美分", "0.5美分=0.005 USD"},       // no 美分/股 unit: a sum, as before
      {"营收6.8万元/", "6.8万元=68000 CNY"},  // a slash with nothing it is per
      // The per-word written before the number, like 每股: a price, not a sum.
      {"估值€500M", "€500M=500000000 EUR"},   // euro and pound signs like $
      {"售价£25", "£25=25 GBP"},
      {"单价为每吨4200元", "每吨4200元=4200 CNY/吨"},
      {"成交均价为每平方米6.2万元", "每平方米6.2万元=62000 CNY/平方米"},
      {"每桶约80美元", "每桶约80美元=80 USD/桶 approx"},
      {"每人发放500元", "500元=500 CNY"},   // 人 counts people: a sum for each, kept as a sum
      {"许可费为每个GPU每年4500美元", "4500美元=4500 USD"},  // per a time: a sum
      {"每月500元", "500元=500 CNY"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("English-mixed money and percentages", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"营收为$1.2B，", "$1.2B=1200000000 USD"},
      {"利润达到US$350M", "US$350M=350000000 USD"},
      {"融资额为$500K", "$500K=500000 USD"},
      {"罚款$5m", "$5m=5000000 USD"},
      {"收入HK$12.5 billion", "HK$12.5 billion=12500000000 HKD"},
      {"投资RMB 2.8 billion", "RMB 2.8 billion=2800000000 CNY"},
      {"投资 RMB 28亿元", "RMB 28亿元=2800000000 CNY"},
      {"订单RMB2.8亿", "RMB2.8亿=280000000 CNY"},
      {"估值USD 350M", "USD 350M=350000000 USD"},
      {"2.8 billion yuan的订单", "2.8 billion yuan=2800000000 CNY"},
      {"同比增长12.5 percent", "12.5 percent=12.5 %"},
      {"毛利率为45 per cent", "45 per cent=45 %"},
      {"用户数破百万", "破百万=1000000 number at_least"},
      {"市值達20兆新台幣", "20兆新台幣=20000000000000 TWD"},
      {"營收為2.16兆元", "2.16兆元=2160000000000 CNY"},
      {"營收為2.16兆元新台幣", "2.16兆元新台幣=2160000000000 TWD"},
      {"累計營收為新台幣2兆3,476.3億元", "新台幣2兆3,476.3億元=2347630000000 TWD"},
      // A text that names 新台币 and never 人民币 means NT$ by a bare 元.
      {"營收新台幣3142.4億元。股價收在1,045元，市值約27.1兆元。",
       "新台幣3142.4億元=314240000000 TWD; 1,045元=1045 TWD; 約27.1兆元=27100000000000 TWD approx"},
      {"營收新台幣3142.4億元，約合人民幣700億元，股價1,045元。",
       "新台幣3142.4億元=314240000000 TWD; 700億元=70000000000 CNY; 1,045元=1045 CNY"},
      {"總額2兆零500億元", "2兆零500億元=2050000000000 CNY"},
      {"約1兆2000億美元", "約1兆2000億美元=1200000000000 USD approx"},
      {"累计营收约为新台币2.34万亿元", "约为新台币2.34万亿元=2340000000000 TWD approx"},
      {"港币100亿元的订单", "港币100亿元=10000000000 HKD"},
      {"人民币3.5亿元", "3.5亿元=350000000 CNY"},  // CNY either way; the surface as before
      {"装机容量100兆瓦", "100兆瓦=100000000 W"},  // before other units, mega
      // Not money: a model with a magnitude letter, a number a model took.
      {"昇腾910B芯片", ""},
      {"型号X 5亿元", ""},
      {"打破3项纪录", "3项=3 count"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("A decimal point written 点, doubling words with 了, size classes", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"增速为零点五个百分点", "零点五个百分点=0.5 pp"},
      {"营收三点五亿元", "三点五亿元=350000000 CNY"},
      {"利率为百分之五点五", "百分之五点五=5.5 %"},
      {"提高一点五个百分点", "一点五个百分点=1.5 pp"},
      {"销量翻了两番", "翻了两番=4 x"},
      {"营收翻了一番", "翻了一番=2 x"},
      // Times, words and classes of size: no claims.
      {"下午三点五十分开会", ""},
      {"三点半出发", ""},
      {"这一点很重要", ""},
      {"上午十点召开", ""},
      {"百亿元级别的项目", ""},
      {"迈向万亿级规模", ""},
      {"这部作品被翻译成多种语言", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("A magnitude after 多 or 余 scales the number before it", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"营收100多亿元", "100多亿元=10000000000 CNY at_least"},
      {"十多亿元投资", "十多亿元=1000000000 CNY at_least"},
      {"营收3000多万美元", "3000多万美元=30000000 USD at_least"},
      {"净利润20余亿元", "20余亿元=2000000000 CNY at_least"},
      {"一百多万用户", "一百多万=1000000 number at_least"},
      {"营收3万多元", "3万多元=30000 CNY at_least"},
      {"40多分钟", "40多分钟=40 minute at_least"},
      {"六成五的受访者", "六成五=65 %"},
      {"占比三成五", "三成五=35 %"},
      {"三成五十", "三成=30 %"},  // 五十 is a number of its own, not a digit of 成
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("Two neighbouring digits are an approximate range", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"总投资两三百亿元", "两三百亿元=20000000000..30000000000 CNY range"},
      {"七八成用户", "七八成=70..80 % range"},
      {"过去两三个月", "两三个月=2..3 month range"},
      {"三四家公司", "三四家=3..4 count range"},
      {"三五家企业", "三五家=3..5 count range"},
      {"三两天", "三两天=2..3 day range"},
      {"五六十万人", "五六十万人=500000..600000 count range"},
      {"一百二三十元", "一百二三十元=120..130 CNY range"},
      // 上千, 近百, 超百 before a measure word; 千家万户, 百家 alone are words.
      {"上千家供应商", "上千家=1000 count at_least"},
      {"近百家企业", "近百家=100 count approx"},
      {"超百家门店", "超百家=100 count at_least"},
      {"走进千家万户", ""},
      {"百家争鸣", ""},
      {"每万元营收", ""},
      {"近万人参加", "近万人=10000 count approx"},
      // The 数 of 人数/总数 is not the vague 数 of 数十万.
      {"员工人数十几万", "十几万=110000..190000 number range"},
      {"用户总数十万", "十万=100000 number"},
      {"他们有数十家门店", "数十家=10..100 count range"},
      // Not quantities: decades, school years, a year written digit by digit.
      {"上世纪八十年代", ""},
      {"九十年代末", ""},
      {"三年级学生", ""},
      {"二〇二三年", ""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("Percentages, points, fractions and multiples", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"占总收入22.4%", "22.4%=22.4 %"},
      {"份额高达80%以上", "80%以上=80 % at_least"},
      {"下降80%左右", "80%左右=80 % approx"},
      {"股价上涨近240%", "近240%=240 % approx"},
      {"占有率超过90%", "超过90%=90 % at_least"},
      {"回收率达不到100%", "不到100%=100 % at_most"},
      {"比例将降至50%-60%", "50%-60%=50..60 % range"},
      {"增长５．２％", "５．２％=5.2 %"},
      {"提高3个百分点", "3个百分点=3 pp"},
      {"百分之二十的份额", "百分之二十=20 %"},
      {"约占五分之一", "五分之一=0.2 fraction"},
      {"近三分之一的企业", "近三分之一=0.333333333333 fraction approx"},  // 近 qualifies a fraction too
      {"超过五分之一", "超过五分之一=0.2 fraction at_least"},
      {"约百分之二十", "约百分之二十=20 % approx"},
      {"贡献了1/5收入", "1/5=0.2 fraction"},
      {"25分之一成本", "25分之一=0.04 fraction"},
      {"性能提升两倍", "两倍=2 x"},
      {"兩倍", "兩倍=2 x"},
      {"价格是A100的五倍以上", "五倍以上=5 x at_least"},
      {"训练性能提升了300倍", "300倍=300 x"},
      {"销售额翻番", "翻番=2 x"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
  // The range qualifier wins over 约 on a range.
  CHECK(Dump("比例为50%-60%").find("range") != std::string::npos);
}

TEST_CASE("Data, rates, compute, lengths, counts and durations", "[extract]") {
  struct { const char* in; const char* want; } cases[] = {
      {"提供4TB/s内存带宽", "4TB/s=4000000000000 B/s"},
      {"10 TB/秒的链路", "10 TB/秒=10000000000000 B/s"},
      {"1.8TB/s双向吞吐量", "1.8TB/s=1800000000000 B/s"},
      {"96GB内存", "96GB=96000000000 B"},
      {"296 teraFLOPS FP8性能", "296 teraFLOPS=296000000000000 FLOPS"},
      {"AI性能可达20 petaflops", "20 petaflops=20000000000000000 FLOPS"},
      {"台积电4纳米工艺", "4纳米=0.000000004 m"},
      {"全球首款40nm GPU", "40nm=0.00000004 m"},
      {"GPU有780 QPS", "780 QPS=780 QPS"},
      {"由2080亿个晶体管组成", "2080亿个=208000000000 count"},
      {"至少5000颗芯片", "至少5000颗=5000 count at_least"},
      {"结合了72个GPU", "72个=72 count"},
      {"現在有100萬名開發者", "100萬名=1000000 count"},
      {"一千二百三十四万", "一千二百三十四万=12340000 number"},
      {"3万5千人", "3万5千人=35000 count"},
      {"壹仟贰佰元", "壹仟贰佰元=1200 CNY"},
      {"十几人的小团队", "十几人=11..19 count range"},
      {"我们已经做了30年", "30年=30 year"},
      {"寿命可能在18个月左右", "18个月左右=18 month approx"},
      {"5天内赶了3场年会", "5天=5 day; 3场=3 count"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Dump(c.in) == c.want);
  }
}

TEST_CASE("Dates, identifiers, model names and words are never claims", "[extract]") {
  const char* cases[] = {
      "2024年3月19日", "2024-03-19 19:57:53", "1月21日", "2019年", "1月15日、17日和19日",
      "备案号:鄂ICP备2022006215号", "(2024)川1803执保1349号", "原文链接:https://www.example.com/article/4586475.html?f=1",
      "电话 13912345678", "股票代码000988", "H100", "A800和H800", "H20芯片", "GB200 NVLink 2", "RTX 5880 Ada",
      "CUDA 11.6", "GPT-3 LLM", "FP8和BF16", "X86架构", "CloudMatrix384超节点", "昇腾910B", "NVL 72",
      "2 黄仁勋访华", "1、两者比较", "第五代NVLink", "一波三折", "统一定价", "半导体", "一位员工", "字节跳动",
      "万众瞩目", "几家公司", "晚上工作到3点", "14时左右", "2023财年", "06-18", "23年8月15日",
      "Top12客户", "双11", "一台服务器", "过去一年", "三位数增长", "实现两位数增长",
  };
  for (const char* c : cases) {
    INFO(c);
    CHECK(Dump(c).empty());
  }
}

TEST_CASE("Offsets point at the original bytes and lines count from 1", "[extract]") {
  static const Extractor extractor(units::UnitTable::Default());
  std::string text = "标题\n營收達到４５億美元，增長２％。\n";
  text::NormalizedText norm = text::Normalize(text);
  Extraction ex = extractor.Extract(text, norm);
  REQUIRE(ex.claims.size() == 2);
  const Claim& money = ex.claims[0].claim;
  CHECK(text.substr(money.byte_start, money.byte_end - money.byte_start) == "４５億美元");
  CHECK(money.surface == "４５億美元");
  CHECK(money.line == 2);
  CHECK(money.sentence == "營收達到４５億美元，增長２％。");
  CHECK(ex.claims[1].claim.surface == "２％");
}

TEST_CASE("Dates come back as mentions for context", "[extract]") {
  static const Extractor extractor(units::UnitTable::Default());
  std::string text = "2022年10月31日的季度，去年10月，23年11月，2024-03-19 19:57:53，H100";
  text::NormalizedText norm = text::Normalize(text);
  Extraction ex = extractor.Extract(text, norm);
  std::string values;
  for (const auto& m : ex.mentions) values += m.mention.value + "|";
  CHECK(values == "2022-10-31|rel:-1y|--10|2023-11|2024-03-19|H100|");
  CHECK(ex.claims.empty());
}

TEST_CASE("Model names cut to a letter come back as model mentions", "[extract]") {
  static const Extractor extractor(units::UnitTable::Default());
  struct { const char* in; const char* want; } cases[] = {
      {"除了此前被禁止的A、H芯片外，改进版也被列入名单。", "A|H|"},
      {"直接购买了H产品。", "H|"},
      {"A股和H股都下跌了。", ""},       // share classes, not models
      {"这家A公司的CEO表示", ""},         // an anonymised company
      {"H100和A800", "H100|A800|"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    std::string text = c.in;
    text::NormalizedText norm = text::Normalize(text);
    Extraction ex = extractor.Extract(text, norm);
    std::string got;
    for (const auto& m : ex.mentions) if (m.mention.type == Mention::Type::kModel) got += m.mention.value + "|";
    CHECK(got == c.want);
    CHECK(ex.claims.empty());
  }
}

TEST_CASE("Huge and absurd input stays bounded", "[extract]") {
  std::string digits(10000, '9');
  CHECK(Dump(digits + "美元").empty());
  std::string yi = "1";
  for (int i = 0; i < 5000; ++i) yi += "亿";
  CHECK(Dump(yi + "美元").empty());
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "营收5亿美元,";
  static const Extractor extractor(units::UnitTable::Default());
  text::NormalizedText norm = text::Normalize(line);
  CHECK(extractor.Extract(line, norm).claims.size() == 20000);
}

}  // namespace
}  // namespace claims
