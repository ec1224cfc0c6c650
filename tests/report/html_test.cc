#include "report/html.h"

#include <catch2/catch.hpp>

#include "report/escape.h"
#include "sample_report.h"

namespace claims::report {
namespace {

size_t Count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

TEST_CASE("HTML report: one card per finding, summary, highlighted numbers", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::string html = RenderHtml(s.Data(), {});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(Count(html, "<article class=\"finding") == 3);
  CHECK(html.find("data-severity=\"error\" data-rule=\"share-over-100\"") != std::string::npos);
  // The quote shows the number in <mark>, inside its sentence.
  CHECK(html.find("甲公司2023年营收为<mark class=\"claim\">60.5亿元</mark>，同比增长2%。") != std::string::npos);
  // The article view marks every claim, the flagged ones distinctly.
  CHECK(html.find("<mark class=\"claim flagged\" id=\"c-0-0\"") != std::string::npos);
  CHECK(html.find("<mark class=\"claim\" id=\"c-0-3\" title=\"1200000000 CNY\">12亿元</mark>") != std::string::npos);
  CHECK(html.find("<table class=\"claims sortable\"") != std::string::npos);
  CHECK(html.find("<div class=\"v\">4</div><div class=\"k\">比较组</div>") != std::string::npos);
  CHECK(html.find("60.5 / 59.31 − 1 = 2.01%") != std::string::npos);
  CHECK(html.find("约60.5亿元") != std::string::npos);
  // Self-contained: no external resources.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("HTML report: script in article text and file names never runs", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::string html = RenderHtml(s.Data(), {});
  // Exactly our two script elements: the JSON data block and the page script.
  CHECK(Count(html, "<script") == 2);
  CHECK(Count(html, "</script>") == 2);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;") !=
        std::string::npos);
  CHECK(html.find("news/b&lt;/script&gt;&lt;script&gt;x()&lt;/script&gt;.txt") != std::string::npos);
  CHECK(html.find("\"news/b\\u003c/script\\u003e\\u003cscript\\u003ex()\\u003c/script\\u003e.txt\"") !=
        std::string::npos);
  CHECK(html.find("甲公司年报 &lt;b&gt;速读&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("<i>示例</i>") == std::string::npos);
}

TEST_CASE("HTML report: U+2028 and invalid UTF-8 from articles stay harmless", "[report]") {
  testing::Sample s = testing::MakeSample();
  s.articles[2].path = "news/line\xE2\x80\xA8sep\xFF.txt";
  s.findings[1].claims[0].path = s.articles[2].path;
  std::string html = RenderHtml(s.Data(), {});
  CHECK(ValidUtf8(html) == html);
  CHECK(html.find("\"news/line\\u2028sep\xEF\xBF\xBD.txt\"") != std::string::npos);
}

TEST_CASE("HTML report: English interface with lang=en", "[report]") {
  testing::Sample s = testing::MakeSample();
  HtmlOptions options;
  options.lang = Lang::kEn;
  options.generated = "2024-05-01 10:00";
  std::string html = RenderHtml(s.Data(), options);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("<h1>Numeric consistency report</h1>") != std::string::npos);
  CHECK(html.find("Groups compared") != std::string::npos);
  CHECK(html.find("比较组") == std::string::npos);
  CHECK(html.find("2024-05-01 10:00") != std::string::npos);
}

TEST_CASE("HTML report: article without text falls back to sentences", "[report]") {
  testing::Sample s = testing::MakeSample();
  std::string html = RenderHtml(s.Data(), {});
  CHECK(html.find("未能读取全文") != std::string::npos);
  CHECK(html.find("<li>乙公司在国内的市场份额占比达到<mark class=\"claim flagged\" id=\"c-2-0\"") != std::string::npos);
}

TEST_CASE("HTML report: no findings says so", "[report]") {
  testing::Sample s = testing::MakeSample();
  s.findings.clear();
  std::string html = RenderHtml(s.Data(), {});
  CHECK(html.find("没有发现问题") != std::string::npos);
  CHECK(Count(html, "<article class=\"finding") == 0);
}

}  // namespace
}  // namespace claims::report
