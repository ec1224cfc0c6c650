// Markdown, JUnit and GitHub annotations.
#include <catch2/catch.hpp>

#include "report/escape.h"
#include "report/github.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/select.h"
#include "sample_report.h"

namespace claims::report {
namespace {

TEST_CASE("Markdown: same content, numbers bold, markup escaped", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::string md = RenderMarkdown(s.Data(), Lang::kZh);
  CHECK(md.rfind("# 数字一致性报告\n", 0) == 0);
  CHECK(md.find("| 3 | 6 | 4 | 1 | 3 |") != std::string::npos);
  CHECK(md.find("甲公司2023年营收为**60.5亿元**，同比增长2%。") != std::string::npos);
  CHECK(md.find("<script") == std::string::npos);
  CHECK(md.find("[news/b&lt;/script&gt;&lt;script&gt;x()&lt;/script&gt;.txt](#article-1)") != std::string::npos);
  CHECK(md.find("&lt;i&gt;示例&lt;/i&gt;") != std::string::npos);
  CHECK(md.find("<a id=\"finding-3\"></a>") != std::string::npos);
  CHECK(MarkdownText("a|b *c* [d](e) $x$") == "a\\|b \\*c\\* \\[d\\](e) \\$x\\$");
  std::string en = RenderMarkdown(s.Data(), Lang::kEn);
  CHECK(en.rfind("# Numeric consistency report\n", 0) == 0);
}

TEST_CASE("JUnit: one test case per article, failures at or above the threshold", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::vector<std::string> paths = {std::string(testing::kPathA), std::string(testing::kPathC), "news/clean.txt"};
  std::string xml = RenderJunit(paths, s.findings, {});
  CHECK(xml.find("<testsuite name=\"claims\" tests=\"3\" failures=\"2\"") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"claims\" name=\"news/clean.txt\"/>") != std::string::npos);
  CHECK(xml.find("<failure message=\"share-over-100: 市场份额120%超过100%\" type=\"share-over-100\">") !=
        std::string::npos);
  // A's info finding is below the default threshold (warning): system-out.
  CHECK(xml.find("<system-out>[info] change-mismatch") != std::string::npos);
  CHECK(xml.find("↔ news/b&lt;/script&gt;") != std::string::npos);
  CHECK(xml.find("<i>") == std::string::npos);
  JunitOptions errors_only;
  errors_only.fail_on = Severity::kError;
  CHECK(RenderJunit(paths, s.findings, errors_only).find("failures=\"1\"") != std::string::npos);
}

TEST_CASE("GitHub: workflow commands with escaped properties and a cap", "[report]") {
  CHECK(GithubEscapeData("50%\r\nok: a,b") == "50%25%0D%0Aok: a,b");
  CHECK(GithubEscapeProperty("a:b,c%") == "a%3Ab%2Cc%25");
  testing::Sample s = testing::MakeSample();
  std::string out = RenderGithub(s.findings, {});
  CHECK(out.find("::warning file=新闻/甲 公司.txt,line=1,title=magnitude-slip::甲公司2023年营收") != std::string::npos);
  CHECK(out.find("%0A↔ news/b</script><script>x()</script>.txt:1 6.05亿元") != std::string::npos);
  CHECK(out.find("::error file=news/c.txt,line=1,title=share-over-100::") != std::string::npos);
  CHECK(out.find("::notice file=新闻/甲 公司.txt,line=1,title=change-mismatch::") != std::string::npos);
  GithubOptions capped;
  capped.max_annotations = 1;
  std::string few = RenderGithub(s.findings, capped);
  CHECK(few.find("::error") == std::string::npos);
  CHECK(few.find("::notice title=claims::2 more findings not shown (limit 1)") != std::string::npos);
}

TEST_CASE("InvolvingPaths keeps findings about the given articles, their claims first", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::vector<std::string> paths = {std::string(testing::kPathB)};
  std::vector<Finding> got = InvolvingPaths(s.findings, paths);
  REQUIRE(got.size() == 1);
  CHECK(got[0].rule == "magnitude-slip");
  CHECK(got[0].claims[0].path == testing::kPathB);
  CHECK(got[0].claims[1].path == testing::kPathA);
  CHECK(CountAtOrAbove(s.findings, Severity::kWarning) == 2);
  CHECK(CountAtOrAbove(s.findings, Severity::kError) == 1);
}

}  // namespace
}  // namespace claims::report

namespace claims::report {
namespace {

TEST_CASE("AsSentence ends a rule description with a full stop", "[report]") {
  CHECK(AsSentence("a share above 100%") == "a share above 100%.");
  CHECK(AsSentence("占比超过100%。") == "占比超过100%。");
  CHECK(AsSentence("done. ") == "done.");
  CHECK(AsSentence("") == "");
}

}  // namespace
}  // namespace claims::report
