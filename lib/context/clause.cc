// A single left-to-right pass. Separators are ASCII after normalisation (，→,
// ；→; ：→: by NFKC), but the full-width forms are accepted too so the
// function also works on text that was not normalised. Conjunctions split only
// mid-piece: "但" right after a comma is part of the comma's new piece.
#include "context/clause.h"

#include "base/cjk_skip.h"
#include "context/text_util.h"

namespace claims::context {
namespace {

// The separator at `pos`: its length and kind, or 0.
size_t SeparatorAt(std::string_view t, size_t pos, size_t begin, size_t end, Boundary* kind) {
  char c = t[pos];
  // Full-width punctuation starts with 0xEF (，；：！？) or 0xE3 (、。).
  unsigned char b = static_cast<unsigned char>(c);
  if (b >= 0x80 && b != 0xEF && b != 0xE3) return 0;
  if (c == ',' ) {
    // "1,234": a digit separator, not a clause break.
    if (pos > begin && pos + 1 < end && IsDigit(t[pos - 1]) && IsDigit(t[pos + 1])) return 0;
    *kind = Boundary::kComma;
    return 1;
  }
  // A space between Chinese words parts a headline's two halves ("营收增长7%
  // 人工智能相关收入…"): a comma. Spaces around Latin words and digits
  // ("3.9 亿美元", "H20 芯片") part nothing, nor does one between a figure
  // and the words that hang on it ("约 80% 的芯片", "30% 左右").
  if (c == ' ') {
    if (pos <= begin || pos + 1 >= end || static_cast<unsigned char>(t[pos + 1]) < 0x80) return 0;
    unsigned char prev = static_cast<unsigned char>(t[pos - 1]);
    if (prev < 0x80 && (prev != '%' || AtAny(t, pos + 1, {"的", "左右", "以上", "以下", "上下", "之"}))) return 0;
    *kind = Boundary::kComma;
    return 1;
  }
  if (c == ';' || c == '!' || c == '?' || c == '\n') {
    *kind = Boundary::kStrong;
    return 1;
  }
  if (c == ':') {
    // "19:57": a time, not a break.
    if (pos > begin && pos + 1 < end && IsDigit(t[pos - 1]) && IsDigit(t[pos + 1])) return 0;
    *kind = Boundary::kStrong;
    return 1;
  }
  if (b < 0x80) return 0;  // the rest are full-width
  if (size_t l = AtAny(t, pos, {"，"})) {
    *kind = Boundary::kComma;
    return l;
  }
  if (size_t l = AtAny(t, pos, {"；", "：", "！", "？", "。"})) {
    *kind = Boundary::kStrong;
    return l;
  }
  if (size_t l = AtAny(t, pos, {"、"})) {
    *kind = Boundary::kEnum;
    return l;
  }
  return 0;
}

// The characters where SeparatorAt or ConjunctionAt may find something, in
// the base/cjk_skip.h layout: full-width punctuation (lead byte 0xE3 or 0xEF,
// U+3000.. and U+F000..) and the first characters of the conjunctions.
struct PieceEnds {
  uint64_t bits[1024] = {};
  PieceEnds() {
    for (uint32_t c = 0x3000; c < 0x4000; ++c) bits[c >> 6] |= uint64_t{1} << (c & 63);
    for (uint32_t c = 0xF000; c < 0x10000; ++c) bits[c >> 6] |= uint64_t{1} << (c & 63);
    for (uint32_t c : {Cp("但"), Cp("而"), Cp("不"), Cp("然")}) bits[c >> 6] |= uint64_t{1} << (c & 63);
  }
};
const PieceEnds kPieceEnds;
// The ASCII separators SeparatorAt knows; no other ASCII ends a piece.
constexpr AsciiSet kAsciiSeparators(",;!?\n: ");

size_t ConjunctionAt(std::string_view t, size_t pos) {
  uint32_t c = Cp3(t, pos);
  if (c != Cp("但") && c != Cp("而") && c != Cp("不") && c != Cp("然")) return 0;
  if (At(t, pos, "而") && AtAny(t, pos + 3, {"言", "已"})) return 0;  // 对…而言, 而已
  if (EndsAtAny(t, pos, {"然", "因", "进", "从", "反", "不"}) && At(t, pos, "而")) return 0;
  if (At(t, pos, "但") && EndsAt(t, pos, "不")) return 0;  // 不但
  return AtAny(t, pos, {"但是", "但", "而", "不过", "然而"});
}

}  // namespace

std::vector<Clause> SplitClauses(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Clause> out;
  out.reserve(8);  // a claim sentence has a handful of pieces; regrowing showed in the profile
  SplitClauses(text, begin, end, &out);
  return out;
}

void SplitClauses(std::string_view text, uint32_t begin, uint32_t end, std::vector<Clause>* pieces) {
  std::vector<Clause>& out = *pieces;
  out.clear();
  Clause cur{begin, begin, Boundary::kStart};
  size_t pos = begin;
  while (pos < end) {
    pos = SkipUnwanted(text, pos, end, kPieceEnds.bits, kAsciiSeparators.bits);
    if (pos >= end) break;
    Boundary kind;
    if (size_t l = SeparatorAt(text, pos, begin, end, &kind)) {
      cur.end = static_cast<uint32_t>(pos);
      if (cur.end > cur.begin || !out.empty() || cur.before != Boundary::kStart) out.push_back(cur);
      cur = Clause{static_cast<uint32_t>(pos + l), 0, kind};
      pos += l;
      continue;
    }
    if (pos > cur.begin && ConjunctionAt(text, pos)) {
      cur.end = static_cast<uint32_t>(pos);
      out.push_back(cur);
      cur = Clause{static_cast<uint32_t>(pos), 0, Boundary::kConj};
    }
    pos += Utf8Len(static_cast<unsigned char>(text[pos]));
  }
  cur.end = static_cast<uint32_t>(end);
  if (cur.end > cur.begin || out.empty()) out.push_back(cur);
}

size_t ClauseAt(const std::vector<Clause>& clauses, uint32_t pos) {
  size_t i = 0;
  while (i + 1 < clauses.size() && clauses[i + 1].begin <= pos) ++i;
  return i;
}

Range MergedClause(const std::vector<Clause>& clauses, size_t i, bool across_enum) {
  size_t first = i, last = i;
  if (across_enum) {
    while (first > 0 && clauses[first].before == Boundary::kEnum) --first;
    while (last + 1 < clauses.size() && clauses[last + 1].before == Boundary::kEnum) ++last;
  }
  return Range{clauses[first].begin, clauses[last].end};
}

}  // namespace claims::context
