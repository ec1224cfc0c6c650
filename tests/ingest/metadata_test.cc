#include "ingest/metadata.h"

#include <catch2/catch.hpp>
#include <string>

#include "analyze/analyzer.h"
#include "ingest/ingest.h"
#include "ingest/sha1.h"

namespace claims::ingest {
namespace {

TEST_CASE("Sha1Hex matches the published vectors", "[ingest]") {
  CHECK(Sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(Sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(Sha1Hex("英伟达营收60.5亿美元") == "d4fc80242a775ed965140179d310e4d1d44b4137");
  CHECK(Sha1Hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("FindDate normalises the date forms news pages use", "[ingest]") {
  struct { const char* in; const char* want; } cases[] = {
      {"2024-03-19 19:57:53", "2024-03-19"},
      {"发布时间：2024年3月19日 10:30", "2024-03-19"},
      {"2024年12月1号", "2024-12-01"},
      {"2023/7/4", "2023-07-04"},
      {"2023.07.04 来源：某报", "2023-07-04"},
      {"06-18", ""},                 // no year
      {"2024年3月", ""},             // no day
      {"2024-13-01", ""},            // no month 13
      {"2024-02-32", ""},
      {"12024-03-19", ""},           // part of a longer number
      {"1850-01-01", ""},            // implausible year
      {"2024-03/19", ""},            // mixed separators
      {"版本 2024-03-19a", "2024-03-19"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(FindDate(c.in) == c.want);
  }
}

std::string Dump(const Metadata& m) {
  return m.title + "|" + m.date + "|" + m.date_source + "|" + m.url;
}

TEST_CASE("ReadMetadata finds title, byline date and source", "[ingest]") {
  struct { const char* name; std::string text; const char* want; } cases[] = {
      {"byline under the title", "某公司的大棋局\n作者\n2024-03-19 19:57:53\n\n正文第一段，营收增长5%。\n",
       "某公司的大棋局|2024-03-19|text|"},
      {"markdown heading wins over a first plain line", "栏目名\n# 真正的标题\n正文。\n",
       "真正的标题|||"},
      {"front matter", "---\ntitle: \"前言里的标题\"\ndate: 2023-11-02\nurl: https://example.com/a\n---\n# 另一个标题\n正文\n",
       "前言里的标题|2023-11-02|front-matter|https://example.com/a"},
      {"unclosed front matter is text", "---\ntitle: x\n", "---|||"},
      {"date line first, then title", "2024年1月22日 来源：示例日报\n芯片出口的新变化\n正文\n",
       "芯片出口的新变化|2024-01-22|text|"},
      {"a date in body text is not a byline",
       "标题\n2023年10月17日，美国商务部发布了新的出口管制规则，覆盖范围进一步扩大，多家企业受到影响。\n",
       "标题|||"},
      {"labelled source url at the end", "标题\n正文\n\n原文链接：https://example.org/news/1?x=2。\n",
       "标题|||https://example.org/news/1?x=2"},
      {"an unlabelled url is not the source", "标题\n参见 https://example.org/x\n", "标题|||"},
      {"the label may follow the url", "标题\n正文\nhttps://example.org/z（来源）\n", "标题|||https://example.org/z"},
      {"a label without a url is no source", "标题\n来源：示例日报\n", "标题|||"},
      {"BOM, CRLF and ideographic spaces", "\xEF\xBB\xBF\xE3\x80\x80标题\r\n2024/5/6\r\n", "标题|2024-05-06|text|"},
      {"empty", "", "|||"},
      {"a byline in full-width digits", "标题\n２０２４－０３－２８　１９:３０:００\n正文\n", "标题|2024-03-28|text|"},
      {"full-width slashes", "标题\n２０２４／５／６\n", "标题|2024-05-06|text|"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Dump(ReadMetadata(c.text)) == c.want);
  }
}

// "标题", then `before` body lines, a labelled source URL, `after` body lines
// and the empty line after the last line end.
std::string WithSourceAt(int before, int after) {
  std::string text = "标题\n";
  for (int i = 0; i < before; ++i) text += "正文\n";
  text += "来源：https://example.org/s\n";
  for (int i = 0; i < after; ++i) text += "正文\n";
  return text;
}

TEST_CASE("ReadMetadata looks for the source in the first and the last ten lines only", "[ingest]") {
  // 25 lines each (the last one empty): lines 0-9 and 15-24 are read.
  CHECK(Dump(ReadMetadata(WithSourceAt(8, 14))) == "标题|||https://example.org/s");  // line 9
  CHECK(Dump(ReadMetadata(WithSourceAt(9, 13))) == "标题|||");                       // line 10
  CHECK(Dump(ReadMetadata(WithSourceAt(13, 9))) == "标题|||");                       // line 14
  CHECK(Dump(ReadMetadata(WithSourceAt(14, 8))) == "标题|||https://example.org/s");  // line 15
  CHECK(Dump(ReadMetadata(WithSourceAt(30, 0))) == "标题|||https://example.org/s");  // next to last
  // Front matter closed on the very last line leaves no body.
  CHECK(Dump(ReadMetadata("---\ntitle: 前言\n---")) == "前言|||");
}

TEST_CASE("long titles are cut on a character boundary", "[ingest]") {
  std::string title;
  for (int i = 0; i < 100; ++i) title += "长";  // 300 bytes
  Metadata m = ReadMetadata(title + "\n正文\n");
  CHECK(m.title.size() == 198);  // 66 whole characters
  CHECK(m.title == title.substr(0, 198));
}

TEST_CASE("MakeArticleInput prefers JSONL fields, then the text, then --date", "[ingest]") {
  JsonlArticle j;
  j.title = "JSONL 标题";
  j.date = "2024-03-19T11:57:53Z";
  j.url = "https://example.com/j";
  std::string text = "文中标题\n2023-01-01 08:00\n正文\n";
  ArticleInput in = MakeArticleInput(text, "id-1", &j, "2020-01-01");
  CHECK(in.path == "id-1");
  CHECK(in.title == "JSONL 标题");
  CHECK(in.date == "2024-03-19");
  CHECK(in.date_source == "jsonl");
  CHECK(in.url == "https://example.com/j");

  JsonlArticle no_date;
  no_date.date = "recently";
  in = MakeArticleInput(text, "id-2", &no_date, "2020-01-01");
  CHECK(in.title == "文中标题");
  CHECK(in.date == "2023-01-01");
  CHECK(in.date_source == "text");

  in = MakeArticleInput("无日期的标题\n正文\n", "a.txt", nullptr, "2020-01-01");
  CHECK(in.date == "2020-01-01");
  CHECK(in.date_source == "flag");
  in = MakeArticleInput("无日期的标题\n正文\n", "a.txt", nullptr, "");
  CHECK(in.date.empty());
  CHECK(in.date_source.empty());
}

TEST_CASE("MakeArticleInput tells the analyzer what it need not read again", "[ingest]") {
  JsonlArticle j;
  ArticleInput in = MakeArticleInput("标题\n正文\n", "id", &j, "");
  CHECK(in.metadata_read);
  in = MakeArticleInput("标题\n正文\n", "a.txt", nullptr, "");
  CHECK(in.metadata_read);
}

TEST_CASE("An article from a JSONL line is analysed as a file with the same text would be", "[ingest]") {
  auto analyzer = Analyzer::Create({});
  REQUIRE(analyzer.ok());
  // Title and date from the text's own lines, read once by MakeArticleInput.
  std::string text = "英伟达财报\n2024年2月21日\n英伟达营收221亿美元，同比增长265%。\n";
  JsonlArticle j;
  j.text = text;
  auto from_jsonl = (*analyzer)->Analyze(text, MakeArticleInput(text, "x", &j, ""));
  ArticleInput plain;
  plain.path = "x";
  auto from_file = (*analyzer)->Analyze(text, plain);
  REQUIRE(from_jsonl.ok());
  REQUIRE(from_file.ok());
  CHECK(from_jsonl->article.title == "英伟达财报");
  CHECK(from_jsonl->article.title == from_file->article.title);
  CHECK(from_jsonl->article.date == "2024-02-21");
  CHECK(from_jsonl->article.date == from_file->article.date);
  CHECK(from_jsonl->article.date_source == from_file->article.date_source);
  CHECK(from_jsonl->claims.size() == from_file->claims.size());
  // "\u0000" in a JSONL text decodes to a NUL: still binary data.
  std::string nul("a\0b", 3);
  j.text = nul;
  auto refused = (*analyzer)->Analyze(nul, MakeArticleInput(nul, "x", &j, ""));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message() == "binary data (NUL byte at byte 1)");
}

}  // namespace
}  // namespace claims::ingest
