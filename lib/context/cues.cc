// The built-in cue words. Longest match wins when a sentence is scanned, so a
// kBlock entry such as 其他 stops 其 from being read as an anaphor, and 比例
// stops 比 from being read as a comparison.
#include "context/cues.h"

namespace claims::context {
namespace {

constexpr CueWord kCues[] = {
    // Anaphors and what hides them.
    {"该公司", Cue::kAnaphor}, {"这家公司", Cue::kAnaphor}, {"该企业", Cue::kAnaphor}, {"该行", Cue::kAnaphor},
    {"该银行", Cue::kAnaphor}, {"这家银行", Cue::kAnaphor},
    {"这家企业", Cue::kAnaphor}, {"这家芯片公司", Cue::kAnaphor}, {"该芯片", Cue::kAnaphor},
    {"这款芯片", Cue::kAnaphor}, {"该产品", Cue::kAnaphor}, {"这款产品", Cue::kAnaphor},
    {"这款GPU", Cue::kAnaphor}, {"其", Cue::kAnaphor}, {"它", Cue::kAnaphor},
    {"它们", Cue::kAnaphorPlural}, {"他们", Cue::kAnaphorPlural}, {"其他", Cue::kBlock},
    {"其它", Cue::kBlock}, {"其中", Cue::kBlock}, {"其实", Cue::kBlock}, {"其余", Cue::kBlock},
    {"其次", Cue::kBlock}, {"尤其", Cue::kBlock}, {"极其", Cue::kBlock}, {"与其", Cue::kBlock},
    {"及其", Cue::kBlock}, {"不计其数", Cue::kBlock}, {"其间", Cue::kBlock},
    {"后者", Cue::kLatter}, {"前者", Cue::kFormer},
    // Comparisons.
    {"比", Cue::kCompare}, {"较", Cue::kCompare}, {"相比", Cue::kCompare},
    {"相比于", Cue::kCompare}, {"相较", Cue::kCompare}, {"相较于", Cue::kCompare},
    {"相对于", Cue::kCompare}, {"对比", Cue::kCompare}, {"远超", Cue::kCompare},
    {"比如", Cue::kBlock}, {"比较", Cue::kBlock}, {"比赛", Cue::kBlock}, {"无比", Cue::kBlock},
    {"性价比", Cue::kBlock}, {"比特", Cue::kBlock}, {"较为", Cue::kBlock}, {"较高", Cue::kBlock},
    {"较低", Cue::kBlock}, {"较大", Cue::kBlock}, {"较小", Cue::kBlock}, {"较多", Cue::kBlock},
    {"较少", Cue::kBlock}, {"较好", Cue::kBlock}, {"较强", Cue::kBlock}, {"较弱", Cue::kBlock},
    {"较早", Cue::kBlock}, {"较晚", Cue::kBlock}, {"较长", Cue::kBlock},
    {"同比", Cue::kYoy}, {"环比", Cue::kQoq}, {"YoY", Cue::kYoy}, {"yoy", Cue::kYoy}, {"QoQ", Cue::kQoq},
    {"qoq", Cue::kQoq},
    // Direction of a change.
    {"增长", Cue::kUp}, {"上涨", Cue::kUp}, {"增加", Cue::kUp}, {"提升", Cue::kUp},
    {"提高", Cue::kUp}, {"上升", Cue::kUp}, {"攀升", Cue::kUp}, {"暴增", Cue::kUp},
    {"飙升", Cue::kUp}, {"大涨", Cue::kUp}, {"猛增", Cue::kUp}, {"增", Cue::kUp},
    {"涨", Cue::kUp}, {"高出", Cue::kUp}, {"快", Cue::kUp}, {"多出", Cue::kUp},
    {"涨幅", Cue::kUp}, {"扩大", Cue::kUp}, {"翻", Cue::kUp},
    {"下降", Cue::kDown}, {"下跌", Cue::kDown}, {"减少", Cue::kDown}, {"降低", Cue::kDown},
    {"下滑", Cue::kDown}, {"回落", Cue::kDown}, {"降", Cue::kDown}, {"跌", Cue::kDown},
    {"减", Cue::kDown}, {"缩减", Cue::kDown}, {"萎缩", Cue::kDown}, {"跌幅", Cue::kDown},
    {"慢", Cue::kDown}, {"削弱", Cue::kDown}, {"缩水", Cue::kDown}, {"暴跌", Cue::kDown},
    {"低于", Cue::kDown}, {"低", Cue::kDown}, {"高", Cue::kUp}, {"高于", Cue::kUp},
    {"高达", Cue::kBlock}, {"高端", Cue::kBlock}, {"高速", Cue::kBlock}, {"高性能", Cue::kBlock},
    {"高管", Cue::kBlock}, {"高层", Cue::kBlock}, {"高度", Cue::kBlock}, {"最高", Cue::kBlock},
    {"高昂", Cue::kBlock}, {"高效", Cue::kBlock}, {"低调", Cue::kBlock}, {"最低", Cue::kBlock},
    {"低端", Cue::kBlock}, {"高峰", Cue::kBlock}, {"高潮", Cue::kBlock}, {"高新", Cue::kBlock},
    {"快速", Cue::kBlock}, {"很快", Cue::kBlock}, {"尽快", Cue::kBlock}, {"增值", Cue::kBlock},
    {"降级", Cue::kBlock}, {"翻新", Cue::kBlock}, {"翻译", Cue::kBlock}, {"减损", Cue::kBlock},
    {"计减", Cue::kBlock}, {"跌幅扩大", Cue::kDown}, {"涨幅扩大", Cue::kUp},
    {"收窄", Cue::kDown}, {"蒸发", Cue::kDown},
    // Shares.
    {"占", Cue::kShare}, {"占据", Cue::kShare}, {"占到", Cue::kShare}, {"占有", Cue::kShare},
    {"占比", Cue::kShareOf}, {"比例", Cue::kShareOf}, {"比重", Cue::kShareOf},
    {"贡献", Cue::kContribute}, {"来自", Cue::kFrom},
    // "is" and "reaches" before "X的N倍".
    {"是", Cue::kIs}, {"为", Cue::kIs}, {"仅为", Cue::kIs}, {"只有", Cue::kIs},
    {"仅有", Cue::kIs}, {"相当于", Cue::kIs}, {"约为", Cue::kIs},
    {"但是", Cue::kBlock}, {"还是", Cue::kBlock}, {"就是", Cue::kBlock}, {"总是", Cue::kBlock},
    {"可是", Cue::kBlock}, {"于是", Cue::kBlock}, {"是否", Cue::kBlock}, {"因为", Cue::kBlock},
    {"作为", Cue::kBlock}, {"认为", Cue::kBlock}, {"成为", Cue::kBlock}, {"为了", Cue::kBlock},
    {"以为", Cue::kBlock}, {"行为", Cue::kBlock}, {"为何", Cue::kBlock}, {"更为", Cue::kBlock},
    {"极为", Cue::kBlock}, {"最为", Cue::kBlock}, {"视为", Cue::kBlock}, {"称为", Cue::kBlock},
    {"名为", Cue::kBlock}, {"为止", Cue::kBlock}, {"尤为", Cue::kBlock},
    {"到", Cue::kReach}, {"至", Cue::kReach}, {"达到", Cue::kReach}, {"达", Cue::kReach},
    {"截至", Cue::kBlock}, {"至少", Cue::kBlock}, {"至今", Cue::kBlock},
    {"到货", Cue::kBlock}, {"得到", Cue::kBlock}, {"受到", Cue::kBlock}, {"看到", Cue::kBlock},
    {"达成", Cue::kBlock}, {"直到", Cue::kBlock}, {"以至", Cue::kBlock}, {"甚至", Cue::kBlock},
    // Prepositions whose object is not the clause's subject.
    {"向", Cue::kPrep}, {"对", Cue::kPrep}, {"从", Cue::kPrep}, {"给", Cue::kPrep},
    {"被", Cue::kPrep}, {"把", Cue::kPrep}, {"跟", Cue::kPrep}, {"对于", Cue::kPrep},
    {"基于", Cue::kPrep},
    {"方向", Cue::kBlock}, {"面向", Cue::kBlock}, {"转向", Cue::kBlock}, {"倾向", Cue::kBlock},
    {"对手", Cue::kBlock}, {"面对", Cue::kBlock}, {"针对", Cue::kBlock}, {"相对", Cue::kBlock},
    {"绝对", Cue::kBlock}, {"反对", Cue::kBlock}, {"应对", Cue::kBlock}, {"对话", Cue::kBlock},
    {"从而", Cue::kBlock}, {"从事", Cue::kBlock}, {"给予", Cue::kBlock}, {"被动", Cue::kBlock},
    {"把握", Cue::kBlock}, {"对标", Cue::kBlock},
    // Lists.
    {"和", Cue::kEnum}, {"与", Cue::kEnum}, {"及", Cue::kEnum}, {"以及", Cue::kEnum},
    {"、", Cue::kEnum}, {"and", Cue::kEnum}, {"和平", Cue::kBlock}, {"总和", Cue::kBlock}, {"及时", Cue::kBlock},
    {"分别", Cue::kRespectively},
    {"这一比例", Cue::kThisRatio}, {"该比例", Cue::kThisRatio}, {"这个比例", Cue::kThisRatio},
    {"这一比重", Cue::kThisRatio}, {"这一占比", Cue::kThisRatio},
    // English, as mixed articles quote it ("revenue rose 4% year over year").
    // ASCII words match whole only (no "up" inside "update"), case-insensitive.
    {"rose", Cue::kUp}, {"rise", Cue::kUp}, {"rises", Cue::kUp}, {"risen", Cue::kUp},
    {"grew", Cue::kUp}, {"grow", Cue::kUp}, {"grows", Cue::kUp}, {"increased", Cue::kUp},
    {"increase", Cue::kUp}, {"jumped", Cue::kUp}, {"climbed", Cue::kUp}, {"gained", Cue::kUp},
    {"surged", Cue::kUp}, {"soared", Cue::kUp}, {"up", Cue::kUp},
    {"fell", Cue::kDown}, {"fall", Cue::kDown}, {"falls", Cue::kDown}, {"declined", Cue::kDown},
    {"decline", Cue::kDown}, {"dropped", Cue::kDown}, {"decreased", Cue::kDown},
    {"decrease", Cue::kDown}, {"slipped", Cue::kDown}, {"slid", Cue::kDown},
    {"plunged", Cue::kDown}, {"shrank", Cue::kDown}, {"down", Cue::kDown},
    {"year over year", Cue::kYoy}, {"year-over-year", Cue::kYoy}, {"year on year", Cue::kYoy},
    {"year-on-year", Cue::kYoy}, {"from a year earlier", Cue::kYoy}, {"from a year ago", Cue::kYoy},
    {"quarter over quarter", Cue::kQoq}, {"quarter-over-quarter", Cue::kQoq},
    {"quarter on quarter", Cue::kQoq}, {"sequentially", Cue::kQoq},
    {"from the previous quarter", Cue::kQoq}, {"from the prior quarter", Cue::kQoq},
    // Words that hide a metric: 规模以上工业 ("above designated size") says
    // which firms are counted, not that the figure is a 规模.
    {"规模以上", Cue::kBlock}, {"规模化", Cue::kBlock},
};

}  // namespace

std::span<const CueWord> BuiltinCues() { return kCues; }

}  // namespace claims::context
