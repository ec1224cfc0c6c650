#include "report/csv.h"

#include <catch2/catch.hpp>
#include <string>

namespace claims::report {
namespace {

std::string TextCell(std::string_view s) {
  std::string out;
  CsvWriter(&out).Text(s);
  return out;
}

std::string NumberCell(std::string_view s) {
  std::string out;
  CsvWriter(&out).Number(s);
  return out;
}

TEST_CASE("text cells are quoted per RFC 4180 and neutralised against formulas", "[csv][report]") {
  struct { std::string in, want; } cases[] = {
      {"英伟达营收", "英伟达营收"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line1\nline2", "\"line1\nline2\""},
      {"cr\rx", "\"cr\rx\""},
      {"=1+2", "'=1+2"},
      {"+86 10", "'+86 10"},
      {"-16.5%", "'-16.5%"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},             // neutralised, then quoted for the CR
      {"=HYPERLINK(\"u\",\"x\")", "\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\""},
      {"a=b", "a=b"},                 // only a leading sign is dangerous
      {"-", "'-"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(TextCell(c.in) == c.want);
  }
}

TEST_CASE("numeric cells stay numbers; anything else falls back to text", "[csv][report]") {
  struct { std::string in, want; } cases[] = {
      {"-16.5", "-16.5"},
      {"5931000000", "5931000000"},
      {"0.04", "0.04"},
      {"+3", "+3"},
      {"1e7", "1e7"},       // not plain, but harmless text
      {"-1e7", "'-1e7"},    // not plain: neutralised like text
      {"=1", "'=1"},
      {"1,234", "\"1,234\""},
      {"-", "'-"},
      {".5", ".5"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(NumberCell(c.in) == c.want);
  }
}

TEST_CASE("IsPlainNumber accepts only sign, digits and one fraction", "[csv][report]") {
  for (const char* yes : {"0", "-16.5", "+3", "123456789012345678901234567890", "0.000001"}) CHECK(IsPlainNumber(yes));
  for (const char* no : {"", "-", "+", ".5", "5.", "1e7", "1,234", " 1", "1 ", "--1", "1.2.3", "NaN"}) {
    INFO(no);
    CHECK_FALSE(IsPlainNumber(no));
  }
}

TEST_CASE("rows end with CRLF, cells are comma-separated, the BOM is optional", "[csv][report]") {
  std::string out;
  CsvWriter w(&out);
  w.WriteBom();
  w.Row({"path", "value_lo", "sentence"});
  w.Text("a.txt").Number("-16.5").Text("同比下降16.5%,创新低");
  w.EndRow();
  w.Integer(-42).Integer(7);
  w.EndRow();
  CHECK(out == "\xEF\xBB\xBFpath,value_lo,sentence\r\na.txt,-16.5,\"同比下降16.5%,创新低\"\r\n-42,7\r\n");
}

}  // namespace
}  // namespace claims::report
