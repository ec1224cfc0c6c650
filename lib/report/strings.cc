// Both languages side by side so a missing translation shows up in review.
#include "report/strings.h"

#include <array>

namespace claims::report {
namespace {

struct Entry {
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<Entry, static_cast<size_t>(S::kNumStrings)> kStrings = {{
    {"数字一致性报告", "Numeric consistency report"},
    {"概要", "Summary"},
    {"文章", "Articles"},
    {"数字声明", "Claims"},
    {"比较组", "Groups compared"},
    {"一致", "Consistent"},
    {"问题", "Findings"},
    {"按规则", "By rule"},
    {"按严重程度", "By severity"},
    {"规则", "Rule"},
    {"严重程度", "Severity"},
    {"文章", "Article"},
    {"全部", "All"},
    {"显示", "Showing"},
    {"没有发现问题。", "No findings."},
    {"为什么标记", "Why it is flagged"},
    {"计算", "Computed figures"},
    {"其他数字推算", "The other figures imply"},
    {"指纹", "Fingerprint"},
    {"第 {} 行", "line {}"},
    {"查看原文", "view article"},
    {"逐篇查看", "Articles"},
    {"未能读取全文，仅显示含数字的句子。", "Full text unavailable; showing the sentences with claims."},
    {"行", "Line"},
    {"原文", "As written"},
    {"数值", "Value"},
    {"单位", "Unit"},
    {"类型", "Kind"},
    {"限定", "Qualifier"},
    {"主体", "Entity"},
    {"指标", "Metric"},
    {"时期", "Period"},
    {"范围", "Scope"},
    {"被标记", "flagged"},
    {"本文相关问题", "Findings in this article"},
    {"点击表头排序", "Click a column header to sort"},
    {"其他片段", "Other spans"},
    {"数量", "Count"},
}};

struct FamilyEntry {
  std::string_view family;
  Entry text;
};

constexpr FamilyEntry kFamilies[] = {
    {"conflict",
     {"不同文章对同一主体、同一指标、同一时期给出的数字在考虑四舍五入和“约”“超过”等限定后仍然无法同时成立。",
      "Articles give figures for the same entity, metric and period that cannot all be true, even allowing for "
      "rounding and qualifiers such as \"about\" or \"over\"."}},
    {"arithmetic",
     {"文中给出的增幅、占比或合计无法由文中给出的数值推算出来。",
      "A stated change, share or total does not follow from the stated levels."}},
    {"magnitude",
     {"该数字与同一主体同一指标的其他数字相差约 10 的整数次方倍，可能漏写或多写了位数，或混淆了“万”和“亿”。",
      "The figure is off from every other figure for the same entity and metric by a power of ten: a dropped "
      "digit or a 万/亿 mix-up."}},
    {"garbled",
     {"文字看起来丢失了数字或结构，例如只剩“1美元/股”，或型号只剩一个字母，或占比超过 100%。",
      "The text looks like it lost digits or structure: a bare \"1 USD/share\", a model name cut to a letter, a "
      "share above 100%."}},
    {"contradiction",
     {"数字与它自己的措辞矛盾，例如“大部分”却只有 20%，或“下降”却是正增长。",
      "The number contradicts its own words: \"most\" with 20%, \"fell\" with a positive change."}},
    {"period",
     {"同一事件在不同文章中的年份不同，或年份与文章自身的时间相距过远。",
      "The same event is dated in different years across articles, or a year is far from the article's own "
      "date."}},
};

constexpr Entry kGenericFamily = {"该规则认为这些数字值得核对。", "The rule considers these figures worth checking."};

constexpr Entry kSeverities[] = {{"提示", "info"}, {"警告", "warning"}, {"错误", "error"}};
constexpr Entry kQualifiers[] = {
    {"精确", "exact"}, {"约", "approx"}, {"至少", "at least"}, {"至多", "at most"}, {"范围", "range"}};
constexpr Entry kKinds[] = {{"数值", "level"}, {"变化", "change"}, {"倍数", "ratio"}, {"占比", "share"}};

std::string_view Pick(Lang lang, const Entry& e) { return lang == Lang::kEn ? e.en : e.zh; }

}  // namespace

std::string_view Text(Lang lang, S id) { return Pick(lang, kStrings[static_cast<size_t>(id)]); }

std::string_view SeverityLabel(Lang lang, Severity s) { return Pick(lang, kSeverities[static_cast<int>(s)]); }

std::string_view QualifierLabel(Lang lang, Qualifier q) { return Pick(lang, kQualifiers[static_cast<int>(q)]); }

std::string_view KindLabel(Lang lang, Kind k) { return Pick(lang, kKinds[static_cast<int>(k)]); }

std::string_view FamilyExplanation(Lang lang, std::string_view family) {
  for (const FamilyEntry& f : kFamilies) {
    if (f.family == family) return Pick(lang, f.text);
  }
  return Pick(lang, kGenericFamily);
}

std::string_view HtmlLang(Lang lang) { return lang == Lang::kEn ? "en" : "zh-CN"; }

}  // namespace claims::report
