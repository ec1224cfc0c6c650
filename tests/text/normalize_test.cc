#include "text/normalize.h"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "base/cjk_skip.h"
#include "text/decode.h"

namespace claims::text {
namespace {

TEST_CASE("Normalize folds width and Traditional characters", "[text]") {
  struct { const char* in; const char* want; bool traditional; } cases[] = {
      {"营收５．２％", "营收5.2%", false},
      {"營收45億美元", "营收45亿美元", true},
      {"兩倍，萬名開發者", "两倍,万名开发者", true},
      {"ABC 123", "ABC 123", false},
      {"１０　TB／秒", "10 TB/秒", false},
      {"", "", false},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    NormalizedText n = Normalize(c.in);
    CHECK(n.utf8 == c.want);
    CHECK(n.had_traditional == c.traditional);
  }
}

TEST_CASE("Normalize folds a character at every alignment of its eight-byte steps", "[text]") {
  // Runs of ASCII and of CJK that folds nothing, then a folding character
  // (full-width, Traditional) at each offset, then more text.
  for (size_t ascii = 0; ascii < 9; ++ascii) {
    for (size_t cjk = 0; cjk < 3; ++cjk) {
      std::string lead = std::string(ascii, 'a');
      for (size_t k = 0; k < cjk; ++k) lead += "中";
      INFO(lead);
      NormalizedText n = Normalize(lead + "５營，x中文abcdefgh");
      CHECK(n.utf8 == lead + "5营,x中文abcdefgh");
      CHECK(n.had_traditional);
    }
  }
}

TEST_CASE("OffsetMap points normalised offsets back at the original bytes", "[text]") {
  std::string in = "增长５．２％，營收";  // full-width digits shrink from 3 bytes to 1
  NormalizedText n = Normalize(in);
  REQUIRE(n.utf8 == "增长5.2%,营收");
  size_t five = n.utf8.find('5');
  size_t pct_end = n.utf8.find('%') + 1;
  uint32_t ob = n.map.ToOriginal(static_cast<uint32_t>(five));
  uint32_t oe = n.map.ToOriginalEnd(static_cast<uint32_t>(pct_end));
  CHECK(in.substr(ob, oe - ob) == "５．２％");
  // Offsets after the changed run stay aligned with the original text.
  size_t ying = n.utf8.find("营");
  CHECK(in.substr(n.map.ToOriginal(static_cast<uint32_t>(ying))) == "營收");
  CHECK(n.map.ToOriginalEnd(static_cast<uint32_t>(n.utf8.size())) == in.size());
  CHECK(n.map.ToOriginal(0) == 0);
}

// The stops Normalize() records must be exactly where SkipThreeByteChars
// over the normalised text stops: with folds that change lengths (５ -> 5),
// fold into a wanted character (萬 -> 万) or out of one, and at every
// alignment of the eight-byte steps.
TEST_CASE("Normalize records where a scan for wanted characters stops", "[text]") {
  std::vector<uint64_t> wanted(1024, 0);
  for (char32_t c : {U'万', U'亿', U'元', U'\u0800'}) wanted[c >> 6] |= uint64_t{1} << (c & 63);
  StopChars stop(wanted.data());
  const std::string pieces[] = {"营收", "５", "萬", "億", "万", "元", "é", "😀", "，", "abcdefgh", "x", "兩", "\u0800"};
  for (size_t lead = 0; lead < 10; ++lead) {
    for (const std::string& a : pieces) {
      for (const std::string& b : pieces) {
        std::string in = std::string(lead, 'a') + "营" + a + "收入" + b + "中文";
        NormalizedText n = Normalize(in, &stop);
        INFO(in);
        REQUIRE(n.utf8 == Normalize(in).utf8);
        CHECK(n.stopped_by == &stop);
        const std::string& t = n.utf8;
        // The reference: stop, then step one character, as the scans do.
        std::vector<size_t> want, got;
        for (size_t i = 0; (i = SkipThreeByteChars(t, i, t.size(), wanted.data())) < t.size();) {
          want.push_back(i);
          unsigned char c = static_cast<unsigned char>(t[i]);
          i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
        for (size_t i = 0; (i = n.NextStop(i)) < t.size(); ++i) got.push_back(i);
        CHECK(got == want);
      }
    }
  }
  CHECK(Normalize("营收").stops.empty());
}

// Normalize() is the UTF-8 check of an article's text (Analyzer::Analyze
// relies on it): it must find exactly the byte FindInvalidUtf8 finds, with
// a bad byte at every alignment of its eight-byte steps, in runs it passes
// over, stops it marks and characters it folds.
TEST_CASE("Normalize finds invalid UTF-8 exactly as FindInvalidUtf8 does", "[text]") {
  std::vector<uint64_t> wanted(1024, 0);
  for (char32_t c : {U'万', U'元'}) wanted[c >> 6] |= uint64_t{1} << (c & 63);
  StopChars stop(wanted.data());
  const std::vector<std::string> good = {"a", "0123456789", "营收增长", "万", "元", "，", "５", "營", "\xC2\xB7",
                                         "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD"};
  // Overlongs, surrogates, past U+10FFFF, stray bytes, characters cut short
  // (a third byte that is ASCII or a lead: "\xE4\xB8" then "a" or "营").
  const std::vector<std::string> bad = {"\xC0\x80", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
                                        "\xF4\x90\x80\x80", "\xF5", "\xFF", "\x80", "\xE4\xB8", "\xE4", "\xC3"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 4000; ++round) {
    std::string t;
    for (size_t k = rng() % 40; k > 0; --k) t += good[rng() % good.size()];
    if (round % 2 == 0) t.insert(rng() % (t.size() + 1), bad[rng() % bad.size()]);
    INFO("round " << round);
    size_t want = FindInvalidUtf8(t);
    CHECK(Normalize(t).invalid_utf8 == want);
    CHECK(Normalize(t, &stop).invalid_utf8 == want);
  }
}

}  // namespace
}  // namespace claims::text
