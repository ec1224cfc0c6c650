// The one string table for the editors' reports: every piece of interface
// text in Chinese (the default) and English, looked up by id.
#ifndef CLAIMS_REPORT_STRINGS_H_
#define CLAIMS_REPORT_STRINGS_H_

#include <string_view>

#include "check/finding.h"
#include "report/report.h"

namespace claims::report {

enum class S {
  kTitle, kSummary, kArticles, kClaims, kGroupsCompared, kConsistent, kFindings,
  kByRule, kBySeverity, kRule, kSeverity, kArticle, kAll, kShowing, kNoFindings,
  kWhy, kComputed, kExpected, kFingerprint, kLine, kViewArticle, kArticleView,
  kNoText, kColLine, kColText, kColValue, kColUnit, kColKind, kColQualifier,
  kColEntity, kColMetric, kColPeriod, kColScope, kFlagged, kFindingsHere,
  kSortHint, kOtherSpans, kCount,
  kNumStrings  // keep last
};

std::string_view Text(Lang lang, S id);
std::string_view SeverityLabel(Lang lang, Severity s);  // "错误" / "error"
std::string_view QualifierLabel(Lang lang, Qualifier q);
std::string_view KindLabel(Lang lang, Kind k);
// Why a rule family fires, in one or two plain sentences for an editor.
// Unknown families get a generic sentence.
std::string_view FamilyExplanation(Lang lang, std::string_view family);
// The `lang` attribute for <html>: "zh-CN" / "en".
std::string_view HtmlLang(Lang lang);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_STRINGS_H_
