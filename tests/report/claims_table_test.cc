#include "report/claims_table.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "base/json.h"

namespace claims::report {
namespace {

Claim Sample() {
  Claim c;
  c.byte_start = 10;
  c.byte_end = 24;
  c.line = 3;
  c.surface = "59.31亿美元";
  c.value_lo = c.value_hi = *Decimal::Parse("5931000000");
  c.precision = *Decimal::Parse("1000000");
  c.unit = "USD";
  c.dimension = "currency";
  c.entity = "英伟达";
  c.metric = "revenue";
  c.period = "FY2023Q3";
  c.sentence = "营收\"59.31亿美元\"\n下一行";
  return c;
}

TEST_CASE("AppendClaimJson writes the extract contract in field order", "[report]") {
  std::string out;
  AppendClaimJson(&out, "a b.txt", Sample());
  CHECK(out ==
        "{\"path\":\"a b.txt\",\"byte_start\":10,\"byte_end\":24,\"line\":3,\"surface\":\"59.31亿美元\","
        "\"value_lo\":\"5931000000\",\"value_hi\":\"5931000000\",\"precision\":\"1000000\",\"unit\":\"USD\","
        "\"dimension\":\"currency\",\"counted\":null,\"qualifier\":\"exact\",\"kind\":\"level\",\"direction\":null,"
        "\"entity\":\"英伟达\",\"metric\":\"revenue\",\"metric_word\":null,\"period\":\"FY2023Q3\",\"scope\":null,"
        "\"base\":null,\"base_entity\":null,\"sentence\":\"营收\\\"59.31亿美元\\\"\\n下一行\"}");
  // The JSON field order is the documented one.
  std::string names = "path";
  for (std::string_view f : ClaimFieldNames()) names += "," + std::string(f);
  CHECK(names == "path,byte_start,byte_end,line,surface,value_lo,value_hi,precision,unit,dimension,counted,"
                 "qualifier,kind,direction,entity,metric,metric_word,period,scope,base,base_entity,sentence");
}

TEST_CASE("ClaimJsonlWriter writes AppendClaimJson's lines, sentence shared or not", "[report]") {
  Claim a = Sample(), b = Sample(), c = Sample();
  b.byte_start = 30;
  c.sentence = "另一句\t\"引号\"";
  std::string want;
  for (const Claim* x : {&a, &b, &c, &a}) {
    AppendClaimJson(&want, "路径 1.txt", *x);
    want += '\n';
  }
  ClaimJsonlWriter writer("路径 1.txt");
  std::string got;
  for (const Claim* x : {&a, &b, &c, &a}) writer.Append(&got, *x);
  CHECK(got == want);
}

TEST_CASE("Claim JSON escapes every text field and reads back", "[report]") {
  Claim c = Sample();
  c.surface = "\"5\"%";
  c.unit = "a\\b";
  c.dimension = "d\tx";
  c.counted = "人\x01";
  c.entity = "英\u2028伟";
  c.metric = "m\"";
  c.metric_word = "\x7F";
  c.period = "p\n";
  c.scope = "“中国”";
  c.base = "b\r";
  c.base_entity = "\\";
  for (const char* path : {"plain.txt", "路径 \"1\".txt"}) {
    std::string line;
    ClaimJsonlWriter(path).Append(&line, c);
    REQUIRE(line.back() == '\n');
    auto v = json::Parse(line);
    REQUIRE(v.ok());
    CHECK(v->GetString("path") == path);
    for (std::string_view name : ClaimFieldNames()) {
      INFO(name);
      CHECK(v->GetString(name) == ClaimField(c, name));
    }
  }
}

TEST_CASE("TSV rows flatten tabs and newlines; the table aligns wide characters", "[report]") {
  Claim c = Sample();
  std::string row = ClaimTsvRow("a.txt", c);
  CHECK(row.find('\n') == std::string::npos);
  std::string header = ClaimTsvHeader();
  CHECK(std::count(row.begin(), row.end(), '\t') == std::count(header.begin(), header.end(), '\t'));
  std::vector<std::pair<std::string, Claim>> rows = {{"a.txt", c}};
  std::string table = ClaimTable(rows);
  CHECK(table.rfind("path:line", 0) == 0);
  CHECK(table.find("a.txt:3") != std::string::npos);
  CHECK(table.find("5931000000") != std::string::npos);
}

}  // namespace
}  // namespace claims::report
