// ScanAt() is a hand-written matcher for ScanPattern(): it must give the
// anchored RE2 match (length and Classify() kind) at every position, on
// tricky cases, on every fixture text, and on random strings made of the
// characters the pattern cares about.
#include "extract/patterns.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

namespace claims::extract_patterns {
namespace {

namespace fs = std::filesystem;

// The anchored RE2 match at t[pos], described as "len kind" ("0" for none).
std::string ByRe2(std::string_view t, size_t pos) {
  static const RE2 scan(ScanPattern());
  re2::StringPiece m;
  if (!scan.Match(t, pos, t.size(), RE2::ANCHOR_START, &m, 1)) return "0";
  return std::to_string(m.size()) + " " + std::to_string(static_cast<int>(Classify(std::string_view(m.data(), m.size()))));
}

std::string ByHand(std::string_view t, size_t pos) {
  ScanMatch m = ScanAt(t, pos);
  if (m.len == 0) return "0";
  return std::to_string(m.len) + " " + std::to_string(static_cast<int>(m.kind));
}

// Compares the two at every character boundary of `t`; returns how many differ
// (each is reported).
int Differences(std::string_view t) {
  int bad = 0;
  for (size_t pos = 0; pos < t.size(); ++pos) {
    if ((static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) continue;
    std::string want = ByRe2(t, pos), got = ByHand(t, pos);
    if (want != got) {
      UNSCOPED_INFO("at " << pos << " of \"" << std::string(t) << "\": RE2 " << want << ", ScanAt " << got);
      ++bad;
    }
  }
  return bad;
}

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
    CHECK(Differences(c.text) == 0);
  }
}

TEST_CASE("ScanAt agrees with RE2 on every fixture text", "[extract][scan]") {
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(CLAIMS_SOURCE_DIR) / "fixtures")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    INFO(entry.path().string());
    CHECK(Differences(ss.str()) == 0);
    ++files;
  }
  CHECK(files > 20);
}

TEST_CASE("ScanAt agrees with RE2 on random strings", "[extract][scan]") {
  // Pieces of every alternative, and their neighbours.
  const std::vector<std::string> alphabet = {
      "h", "t", "p", "s", "://", "w", "www.", ".", "@", "a", "c", "m", "Z", "H", "I", "C", "P", "备",
      "0", "1", "9", ",", " ", "-", "%", "+", "_", "/", "万", "亿", "十", "百", "千", "一", "两", "三",
      "零", "〇", "点", "数", "几", "壹", "佰", "翻", "了", "番", "倍", "双", "减", "半", "去", "年",
      "上", "季", "度", "本", "下", "今", "元", "，"};
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(1, 14);
  int bad = 0;
  for (int i = 0; i < 20000 && bad < 10; ++i) {
    std::string s;
    for (size_t n = length(rng); n > 0; --n) s += alphabet[pick(rng)];
    bad += Differences(s);
  }
  CHECK(bad == 0);
}

}  // namespace
}  // namespace claims::extract_patterns
