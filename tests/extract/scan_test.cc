// ScanAt(): the anchored match of ScanPattern() and its Classify() kind on
// the pattern's tricky cases (groups of digits, 点, words, models, URLs and
// e-mail addresses).
#include "extract/patterns.h"

#include <catch2/catch.hpp>

namespace claims::extract_patterns {
namespace {

TEST_CASE("ScanAt: the match and its kind", "[extract][scan]") {
  struct { const char* text; size_t len; ScanKind kind; } cases[] = {
      {"59.31亿美元", 8, ScanKind::kCore},       // the unit is the grammar's
      {"1,234,567.8元", 11, ScanKind::kCore},
      {"1,2345", 5, ScanKind::kCore},          // ",234" then a fifth digit: the group stops
      {"3万5千人", 8, ScanKind::kCore},
      {"3.9 亿美元", 7, ScanKind::kCore},
      {"3 美元", 1, ScanKind::kCore},         // a space only before a magnitude
      {".5%", 2, ScanKind::kCore},
      {"三点五亿", 12, ScanKind::kCore},
      {"一点", 3, ScanKind::kCore},            // 点 without a digit after it
      {"两点两", 3, ScanKind::kCore},          // 两 is no digit after 点
      {"翻了两番", 12, ScanKind::kWord},
      {"一半以上", 6, ScanKind::kWord},
      {"上一季度", 12, ScanKind::kRelative},
      {"上千家", 0, ScanKind::kCore},
      {"H100芯片", 4, ScanKind::kModel},
      {"RTX 5880 Ada", 8, ScanKind::kModel},
      {"GPT-3.5-turbo", 7, ScanKind::kModel},
      {"iPhone15", 8, ScanKind::kModel},
      {"iphone15", 0, ScanKind::kCore},       // no capital letter
      {"httpX2", 6, ScanKind::kIdentifier},   // a model by the pattern, an identifier by its text
      {"ICP备12345678号", 14, ScanKind::kIdentifier},
      {"https://a.cn/x?y=1，", 18, ScanKind::kIdentifier},
      {"www.", 0, ScanKind::kCore},
      {"a.b@mail.example.com。", 20, ScanKind::kIdentifier},
      {"x@y.c1.de", 9, ScanKind::kIdentifier},  // the last '.' with two letters after it
      {"x@y.c1", 0, ScanKind::kCore},
      {"2024@x.org", 10, ScanKind::kIdentifier},
      {"_@ab.cd", 7, ScanKind::kIdentifier},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    ScanMatch m = ScanAt(c.text, 0);
    CHECK(m.len == c.len);
    if (c.len != 0) CHECK(m.kind == c.kind);
  }
}

}  // namespace
}  // namespace claims::extract_patterns
