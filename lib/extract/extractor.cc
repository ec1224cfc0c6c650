// Extraction in one pass. A candidate filter finds where something may
// begin and RE2 (ScanAt(), patterns.h) what it is; identifiers and model
// names are skipped whole, and each numeric core is read outwards by a small
// hand-written grammar:
//
//   [qualifier] [currency] CORE [多/余] [magnitude] [unit] [qualifier] [至 CORE ... unit]
//
// Anything that turns out to be a date, a time, an identifier or a bare
// number without unit or magnitude yields no claim: a claim needs a unit, a
// percent, a multiple, a fraction, a measure word or a magnitude (万/亿).
#include "extract/extractor.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "base/cjk_skip.h"
#include "extract/patterns.h"
#include "extract/sentences.h"
#include "extract/utf8.h"
#include "number/numeral.h"
#include "text/decode.h"
#include "units/unit_table.h"

namespace claims {
namespace {

namespace pat = extract_patterns;
// Literals compared with std::string fields are string_views: the length is
// known, so no strlen and no out-of-line compare (~60 instructions each,
// ~60K comparisons on a 2 MB run).
using std::string_view_literals::operator""sv;
using number::Numeral;

// Prefix words that set the qualifier, longest first.
struct QualifierWord {
  std::string_view word;
  Qualifier q;
};
constexpr QualifierWord kPrefixQualifiers[] = {
    {"不超过", Qualifier::kAtMost}, {"未超过", Qualifier::kAtMost},
    {"大约", Qualifier::kApprox},   {"约为", Qualifier::kApprox},   {"约合", Qualifier::kApprox},
    {"将近", Qualifier::kApprox},   {"接近", Qualifier::kApprox},   {"超过", Qualifier::kAtLeast},
    {"超出", Qualifier::kAtLeast},  {"突破", Qualifier::kAtLeast},  {"至少", Qualifier::kAtLeast},
    {"最少", Qualifier::kAtLeast},  {"最多", Qualifier::kAtMost},   {"不到", Qualifier::kAtMost},
    {"不足", Qualifier::kAtMost},   {"约", Qualifier::kApprox},     {"近", Qualifier::kApprox},
    {"超", Qualifier::kAtLeast},    {"逾", Qualifier::kAtLeast},    {"破", Qualifier::kAtLeast},
};
constexpr QualifierWord kSuffixQualifiers[] = {
    {"左右", Qualifier::kApprox}, {"上下", Qualifier::kApprox},  {"以上", Qualifier::kAtLeast},
    {"之上", Qualifier::kAtLeast}, {"以下", Qualifier::kAtMost}, {"以内", Qualifier::kAtMost},
    {"之内", Qualifier::kAtMost},  {"不到", Qualifier::kAtMost}, {"多", Qualifier::kAtLeast},
    {"余", Qualifier::kAtLeast},
};
// Range separators between two numbers: 2.5万至4万, 50%-60%.
constexpr std::string_view kRangeSeparators[] = {"至", "到", "-", "~", "—", "–"};
// Currency symbols written before the number.
constexpr std::string_view kCurrencyPrefixes[] = {"US$", "HK$", "$", "¥", "€", "£"};

// The last bytes of the currency symbols: $, and those of ¥ € £.
constexpr auto kCurrencyLastBytes = [] {
  std::array<bool, 256> last{};
  for (std::string_view c : kCurrencyPrefixes) last[static_cast<unsigned char>(c.back())] = true;
  return last;
}();

// The first character of a word (UTF-8).
constexpr char32_t FirstChar(std::string_view w) {
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c;
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(w[k]) & 0x3F);
  return cp;
}
// The first characters of the suffix qualifiers and of the range
// separators: after nearly every number the next character is none of
// them, and one comparison each replaces trying every word.
constexpr auto kSuffixFirstChars = [] {
  std::array<char32_t, std::size(kSuffixQualifiers)> first{};
  for (size_t i = 0; i < first.size(); ++i) first[i] = FirstChar(kSuffixQualifiers[i].word);
  return first;
}();
constexpr auto kRangeFirstChars = [] {
  std::array<char32_t, std::size(kRangeSeparators)> first{};
  for (size_t i = 0; i < first.size(); ++i) first[i] = FirstChar(kRangeSeparators[i]);
  return first;
}();
template <size_t N>
bool OneOf(char32_t c, const std::array<char32_t, N>& set) {
  return std::find(set.begin(), set.end(), c) != set.end();
}

// Whether some prefix qualifier ends with the two bytes a, b: one bit per
// value of their low six bits (the words are Chinese, so these are the
// continuation bytes of the last character). Text before a number nearly
// never passes, and then none of the twenty is tried; a filter on the last
// byte alone let a quarter of all Chinese characters through.
constexpr size_t PrefixEndKey(unsigned char a, unsigned char b) { return ((a & 0x3Fu) << 6) | (b & 0x3Fu); }
constexpr std::array<uint64_t, 64> kPrefixEnds = [] {
  std::array<uint64_t, 64> bits{};
  for (const QualifierWord& q : kPrefixQualifiers) {
    if (q.word.size() < 3) throw "prefix qualifiers are Chinese words";  // a compile-time error
    size_t key = PrefixEndKey(q.word[q.word.size() - 2], q.word.back());
    bits[key >> 6] |= uint64_t{1} << (key & 63);
  }
  return bits;
}();

// PrefixEndKey() of each prefix qualifier, in kPrefixQualifiers' order.
constexpr auto kPrefixEndKeys = [] {
  std::array<uint16_t, std::size(kPrefixQualifiers)> keys{};
  for (size_t i = 0; i < keys.size(); ++i) {
    std::string_view w = kPrefixQualifiers[i].word;
    keys[i] = static_cast<uint16_t>(PrefixEndKey(w[w.size() - 2], w.back()));
  }
  return keys;
}();

Qualifier Combine(Qualifier a, Qualifier b) { return b == Qualifier::kExact ? a : b; }

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// A capital letter standing alone where a model name belongs: "A、H芯片",
// "H产品" (a garbled text that lost the digits of A100/H100). Reported as a
// model mention so the checker sees the sentence; never a claim.
bool LoneModelLetter(std::string_view t, size_t i) {
  auto alnum = [](char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); };
  if (i >= t.size() || t[i] < 'A' || t[i] > 'Z') return false;
  if ((i > 0 && alnum(t[i - 1])) || (i + 1 < t.size() && alnum(t[i + 1]))) return false;
  std::string_view rest = t.substr(i + 1);
  for (std::string_view joiner : {"、", "和", "与", "及"}) {
    if (rest.substr(0, joiner.size()) == joiner) {
      std::string_view after = rest.substr(joiner.size());
      return !after.empty() && after[0] >= 'A' && after[0] <= 'Z' && (after.size() == 1 || !alnum(after[1]));
    }
  }
  for (std::string_view noun : {"芯片", "显卡", "卡", "产品", "系列"}) {
    if (rest.substr(0, noun.size()) == noun) return true;
  }
  return false;
}

size_t SkipCodePoint(std::string_view t, size_t pos) {
  unsigned char c = static_cast<unsigned char>(t[pos]);
  return pos + (c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// An ISO currency code right before t[cb], glued or one space away: RMB 2.8
// billion, USD 350M, RMB2.8亿. Returns its unit and where it begins.
const units::UnitInfo* CurrencyCodeBefore(const units::UnitTable& units, std::string_view t, size_t cb,
                                          size_t* begin) {
  size_t e = cb > 0 && t[cb - 1] == ' ' ? cb - 1 : cb;
  size_t b = e;
  while (b > 0 && t[b - 1] >= 'A' && t[b - 1] <= 'Z') --b;
  if (e - b != 3 || (b > 0 && IsAsciiLetter(t[b - 1]))) return nullptr;
  const units::UnitInfo* u = units.FindUnit(t.substr(b, 3));
  if (u == nullptr || u->dimension != "currency"sv) return nullptr;
  *begin = b;
  return u;
}

}  // namespace

namespace {

// The tables, shared read-only by every Extract() call.
struct Tables {
  const units::UnitTable& units;
  // The aliases of units.tsv with their unit, grouped by first character
  // and longest first within a group: the longest alias at a position is
  // the first of its group found there (by first byte alone, 47 aliases
  // shared one bucket). unit_group_of[c] is 1 + the group of the aliases
  // starting with BMP character c, 0 for none.
  struct UnitGroup {
    char32_t first;
    uint32_t begin, end;  // into unit_aliases
  };
  std::vector<UnitGroup> unit_groups;
  std::vector<std::pair<std::string_view, const units::UnitInfo*>> unit_aliases;
  std::vector<uint16_t> unit_group_of = std::vector<uint16_t>(0x10000, 0);
  const UnitGroup* UnitGroupOf(char32_t c) const {
    if (c < 0x10000) return unit_group_of[c] != 0 ? &unit_groups[unit_group_of[c] - 1] : nullptr;
    auto g = std::lower_bound(unit_groups.begin(), unit_groups.end(), c,
                              [](const UnitGroup& u, char32_t x) { return u.first < x; });
    return g != unit_groups.end() && g->first == c ? &*g : nullptr;
  }
  const Decimal one = Decimal(1);
  // The magnitudes written in Latin letters ("million"), longest first.
  std::vector<std::pair<std::string_view, const Decimal*>> latin_magnitudes;
  // Per BMP code point, the roles it can play in a quantity (bit flags), so
  // the candidate filter spends one byte load per character.
  enum Role : uint8_t { kNumeral = 1, kStarter = 2, kWordSecond = 4, kAfterNumeral = 8 };
  std::vector<uint8_t> roles_ = std::vector<uint8_t>(0x10000, 0);
  // One bit per code point where a candidate may begin: a numeral or the
  // first character of a word (kNumeral, kStarter). 8 KiB stay in the L1
  // cache, where the 64 KiB roles_ would not, and most characters need no
  // more. (Characters that only follow a numeral, 年 元 个 人 ..., are
  // common and never begin anything: with them in the set the filter
  // stopped at each.)
  std::vector<uint64_t> starts_ = std::vector<uint64_t>(0x10000 / 64, 0);
  bool MayStart(char32_t cp) const { return (starts_[cp >> 6] >> (cp & 63)) & 1; }
  bool Is(char32_t cp, Role role) const { return cp < 0x10000 && (roles_[cp] & role) != 0; }
  // The first two characters of each word of the pattern (翻番, 一半, 去年
  // ...). A starter before any other second character (下一, 上年, 前一:
  // ~750 on a 2 MB run) cannot begin a word, and RE2 is not asked.
  std::vector<std::pair<char32_t, char32_t>> word_heads_;
  bool WordHead(char32_t first, char32_t second) const {
    return Is(second, kWordSecond) &&
           std::find(word_heads_.begin(), word_heads_.end(), std::pair{first, second}) != word_heads_.end();
  }

  explicit Tables(const units::UnitTable& t) : units(t) {
    for (const auto& [alias, factor] : t.magnitudes()) {
      if (IsAsciiLetter(alias[0])) latin_magnitudes.emplace_back(alias, &factor);
    }
    std::stable_sort(latin_magnitudes.begin(), latin_magnitudes.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& u : t.units()) {
      if (!u.alias.empty()) unit_aliases.emplace_back(u.alias, t.FindUnit(u.alias));
    }
    auto first_char = [](std::string_view alias) {
      size_t k = 0;
      return NextCodePoint(alias, &k);
    };
    std::stable_sort(unit_aliases.begin(), unit_aliases.end(), [&](const auto& a, const auto& b) {
      char32_t fa = first_char(a.first), fb = first_char(b.first);
      return fa != fb ? fa < fb : a.first.size() > b.first.size();
    });
    for (uint32_t i = 0; i < unit_aliases.size(); ++i) {
      char32_t c = first_char(unit_aliases[i].first);
      if (unit_groups.empty() || unit_groups.back().first != c) unit_groups.push_back({c, i, i});
      unit_groups.back().end = i + 1;
    }
    for (size_t g = 0; g < unit_groups.size(); ++g) {
      if (unit_groups[g].first < 0x10000) unit_group_of[unit_groups[g].first] = static_cast<uint16_t>(g + 1);
    }
    for (char32_t c : pat::kNumeralChars) roles_[c] |= kNumeral;
    auto add_heads = [&](std::span<const std::string_view> words) {
      for (std::string_view w : words) {
        size_t k = 0;
        char32_t first = NextCodePoint(w, &k);
        char32_t second = NextCodePoint(w, &k);
        word_heads_.emplace_back(first, second);
        roles_[first] |= kStarter;
        roles_[second] |= kWordSecond;
      }
    };
    add_heads(pat::kWords);
    add_heads(pat::kRelativeWords);
    // What may follow a Chinese numeral in a quantity: the first character
    // of any unit alias, and the words the grammar reads (分之, 多, 余, 年 ...).
    for (const auto& u : t.units()) {
      size_t k = 0;
      char32_t first = NextCodePoint(u.alias, &k);
      if (first < 0x10000) roles_[first] |= kAfterNumeral;
    }
    for (char32_t c : std::u32string_view(U"分多余年月季财成几数")) roles_[c] |= kAfterNumeral;
    for (char32_t c = 0; c < 0x10000; ++c) {
      if ((roles_[c] & (kNumeral | kStarter)) != 0) starts_[c >> 6] |= uint64_t{1} << (c & 63);
    }
    stop_chars = std::make_unique<text::StopChars>(starts_.data());
  }
  // starts_ for Normalize(): text normalised with it comes with the
  // positions NextCandidate must look at, found in Normalize's own pass over
  // every character (~8M instructions fewer on a 2 MB run than skipping
  // through the text a second time here).
  std::unique_ptr<text::StopChars> stop_chars;

  // Whether what starts at t[j] may continue a Chinese numeral into a
  // quantity: the first character of a unit alias, a word the grammar reads
  // (分之, 多, 年 ...), or a space before a Latin unit.
  bool MayFollowNumeral(std::string_view t, size_t j) const {
    if (j >= t.size()) return false;
    size_t k = j;
    char32_t next = NextCodePoint(t, &k);
    if (next == ' ') return j + 1 < t.size() && IsAsciiLetter(t[j + 1]);
    if (Is(next, kAfterNumeral)) return true;
    return next == U'点' && k < t.size() && Is(NextCodePoint(t, &k), kNumeral);  // 三点五亿, not 一点
  }

  // The next position at or after `pos` where a scan match can begin, and
  // could lead somewhere. Only there is RE2 asked for an anchored match (a
  // reverse DFA pass per match if run unanchored instead): Chinese
  // text has a numeral character in many ordinary words (一些, 统一, 数据),
  // so most runs are dismissed here by what follows them, with table
  // lookups.
  size_t NextCandidate(const text::NormalizedText& norm, size_t pos) const {
    std::string_view t = norm.utf8;
    bool stops = norm.stopped_by == stop_chars.get() && !norm.stops.empty();
    const auto* s = reinterpret_cast<const unsigned char*>(t.data());
    size_t n = t.size();
    auto letter = [](unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
    // The three-byte character at s[i], 0 for anything else: every
    // character tested here (numerals, 点, the words' letters) is one.
    auto cp_at = [&](size_t i) -> char32_t {
      if (i + 2 >= n || (s[i] & 0xF0) != 0xE0) return 0;
      return ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    };
    auto word_head_at = [&](char32_t first, size_t next) { return Is(first, kStarter) && WordHead(first, cp_at(next)); };
    for (size_t i = pos; i < n;) {
      // Most characters have nothing to do with numbers: skipped two at a
      // time, or found by Normalize() already.
      i = stops ? norm.NextStop(i) : SkipThreeByteChars(t, i, n, starts_.data());
      if (i >= n) break;
      unsigned char c = s[i];
      if (c < 0x80) {
        unsigned char p = i > 0 ? s[i - 1] : ' ';
        if (digit(c)) {
          // A digit starts a number unless it continues one: 1,234 and 3.5
          // continue; ",23年" after a comma used as punctuation starts.
          bool after_separator = (p == '.' || p == ',') && i >= 2 && digit(s[i - 2]);
          if (!digit(p) && !after_separator) return i;
        } else if (letter(c) && !letter(p) && !digit(p)) {
          // A Latin word matters only as a model name (letters, then digits
          // after at most a space or hyphen), a URL, an e-mail or a filing.
          size_t j = i;
          while (j < n && letter(s[j])) ++j;
          bool model = j < n && (digit(s[j]) || ((s[j] == ' ' || s[j] == '-') && j + 1 < n && digit(s[j + 1])));
          std::string_view word = t.substr(i, j - i);
          bool other = word == "http" || word == "https" || word == "www" || word == "ICP" ||
                       (j < n && (s[j] == '@' || s[j] == '.' || s[j] == '_'));
          if (model || other || LoneModelLetter(t, i)) return i;
          i = j;
          continue;
        } else if (c == '.' && i + 1 < n && digit(s[i + 1]) && !digit(p)) {
          return i;
        }
        ++i;
        continue;
      }
      if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
        char32_t cp = cp_at(i);
        if (!MayStart(cp)) {  // most characters: nothing to do with numbers
          i += 3;
          continue;
        }
        // Inside a run of numerals only where the search began: every numeral
        // stops the scan, and a run is passed over whole.
        if (Is(cp, kNumeral) && !(i == pos && Is(PrevCodePoint(t, i), kNumeral))) {
          // A run of numeral characters is a candidate when a magnitude is in
          // it or something quantity-like follows it: a unit's first
          // character, 分之, 多, 年, 月 ...
          size_t j = i;
          bool big = false;
          for (char32_t r; j < n && Is(r = cp_at(j), kNumeral); j += 3) big |= (r == U'万' || r == U'亿');
          // A lone 几 or 数 (几个, 几年, 数家) is never a quantity (ReadCore
          // refuses it), unless 点 makes it a decimal: RE2 is not asked.
          // An ordinal (第三, 第十二) neither: ReadCore refuses a core after 第.
          bool ordinal = i >= 3 && cp_at(i - 3) == U'第';
          bool refused = cp_at(j) != U'点' && (ordinal || (!big && j - i == 3 && (cp == U'几' || cp == U'数')));
          if (!refused && (big || MayFollowNumeral(t, j))) return i;
          if (word_head_at(cp, i + 3)) return i;  // 一半
          i = j;
          continue;
        }
        if (word_head_at(cp, i + 3)) return i;
        i += 3;
        continue;
      }
      i += c < 0xE0 ? 2 : 4;
    }
    return n;
  }

};

}  // namespace

struct Extractor::Impl {
  explicit Impl(const units::UnitTable& t) : tables(t) {}
  Extraction Run(std::string_view original, const text::NormalizedText& norm, uint32_t byte_base,
                 uint32_t line_base) const;
  Tables tables;
};

namespace {

// Everything the grammar learned about one quantity, in normalised offsets.
struct Parsed {
  size_t begin = 0, end = 0;
  Decimal lo, hi, precision;
  const units::UnitInfo* unit = nullptr;
  // Views of the unit table or of literals: a Parsed is built, moved and
  // dropped for every number read, and only claims need strings. A price's
  // unit ("USD/吨") is made up here and kept in own_unit; UnitCode() is the
  // unit either way.
  std::string_view unit_code, dimension, counted;
  std::string own_unit;
  std::string_view UnitCode() const { return own_unit.empty() ? unit_code : std::string_view(own_unit); }
  Qualifier qualifier = Qualifier::kExact;
  // The numeric core, and a magnitude read after it (4 billion: 10^9; 100多亿:
  // 10^8). With MagnitudeSuffix, what the bare first end of a range shares:
  // 3.5-4亿美元.
  uint32_t core_begin = 0, core_end = 0;
  int scale = 0;  // a power of ten
};

class Grammar {
 public:
  Grammar(const Tables& impl, std::string_view t, bool traditional)
      : impl_(impl), t_(t), yuan_is_twd_(traditional ? -1 : 0) {}

  // Reads a quantity whose numeric core is t_[cb, ce). Returns nullopt when
  // the core is not a quantity; *resume says where scanning continues.
  std::optional<Parsed> ReadCore(size_t cb, size_t ce, size_t* resume, std::vector<ExtractedMention>* mentions);
  std::optional<Parsed> ReadWord(size_t b, size_t e);
  // Applies a qualifier word standing before t_[qb] (约, 超过 ...) and
  // returns where the claim's surface starts.
  size_t ApplyPrefix(size_t qb, bool has_digit, Parsed* p) const;
  size_t PrefixStart(size_t qb, bool has_digit, Qualifier* qualifier) const;

 private:
  // Whether `s` stands at / ends at t_[pos]. Called ~15 times per number
  // (dates, qualifiers, units), nearly always on a word of a few bytes whose
  // first byte already differs: a byte loop, not substr() (a range check
  // with a throw path) or a memcmp call.
  bool At(size_t pos, std::string_view s) const {
    return pos <= t_.size() && t_.size() - pos >= s.size() && SameBytes(t_.data() + pos, s);
  }
  bool EndsAt(size_t pos, std::string_view s) const {
    return pos >= s.size() && pos <= t_.size() && SameBytes(t_.data() + pos - s.size(), s);
  }
  static bool SameBytes(const char* p, std::string_view s) {
    for (size_t k = 0; k < s.size(); ++k) {
      if (p[k] != s[k]) return false;
    }
    return true;
  }
  size_t SignBefore(size_t cb) const;
  // Whether t_[pos] can begin what ReadDate() reads after a number (one
  // space skipped): - / : 个月 个季度 年 财年 月 日 号 点 时 季度. After most
  // numbers it cannot, and none of its twenty-odd words is tried.
  bool DateWordAt(size_t pos) const {
    if (pos >= t_.size()) return false;
    char c = t_[pos];
    if (c == '-' || c == '/' || c == ':') return true;
    if (static_cast<unsigned char>(c) < 0x80) return false;
    switch (CharAt(pos)) {
      case U'个': case U'年': case U'财': case U'月': case U'日': case U'号': case U'点': case U'时': case U'季':
        return true;
      default:
        return false;
    }
  }
  std::optional<Numeral> HundredMillionsBeforeMoney(size_t pos, size_t* end) const;
  // The power of ten written after the Arabic digits of t_[cb, ce): 4亿 -> 8,
  // 3千 -> 3, 4 and 3万5千 -> 0.
  int MagnitudeSuffix(size_t cb, size_t ce) const {
    size_t pos = cb;
    while (pos < ce && (IsAsciiDigit(t_[pos]) || t_[pos] == '.' || t_[pos] == ',')) ++pos;
    if (pos == cb) return 0;
    if (pos < ce && t_[pos] == ' ') ++pos;
    int scale = 0;
    while (pos < ce) {
      size_t len = 0;
      int e = ChineseMagnitudeAt(pos, &len);
      if (len == 0) return 0;
      scale += e;
      pos += len;
    }
    return scale;
  }
  int ScaleOf(const Parsed& p) const { return p.scale != 0 ? p.scale : MagnitudeSuffix(p.core_begin, p.core_end); }
  // 万亿, 亿, 万, 千 or 百 at t_[pos]: its power of ten, and its length in
  // *len (0: none).
  int ChineseMagnitudeAt(size_t pos, size_t* len) const {
    for (auto [word, exp] : {std::pair<std::string_view, int>{"万亿", 12}, {"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2}}) {
      if (At(pos, word)) {
        *len = word.size();
        return exp;
      }
    }
    *len = 0;
    return 0;
  }
  // The character at t_[pos], 0 at the end.
  char32_t CharAt(size_t pos) const {
    if (pos >= t_.size()) return 0;
    return NextCodePoint(t_, &pos);
  }
  bool NumeralAt(size_t pos) const {
    size_t k = pos;
    return impl_.Is(NextCodePoint(t_, &k), Tables::kNumeral);
  }
  // Whether t_[cb - 1] is the last byte of a currency symbol ($ ¥ € £):
  // before nearly every number it is not.
  bool CurrencyPrefixEndsAt(size_t cb) const {
    return cb > 0 && kCurrencyLastBytes[static_cast<unsigned char>(t_[cb - 1])];
  }
  bool CurrencyPrefixBefore(size_t cb) const {
    for (std::string_view c : kCurrencyPrefixes) {
      if (CurrencyPrefixEndsAt(cb) && EndsAt(cb, c)) return true;
    }
    size_t ignored = 0;
    return CurrencyCodeBefore(impl_.units, t_, cb, &ignored) != nullptr;
  }
  // The length of what a price is per at t_[pos] (吨, 平方米, 桶, kg …), 0 if none.
  size_t PerWordAt(size_t pos) const {
    size_t len = 0;
    const units::UnitInfo* u = MatchUnit(pos, &len);
    if (u != nullptr && u->dimension != "currency"sv) return len;
    for (std::string_view w : {"桶", "盎司", "度", "月", "晚", "瓶", "箱", "份", "斤", "亩"}) {
      if (At(pos, w)) return w.size();
    }
    return 0;
  }
  bool RangeFollows(size_t pos) const {
    for (std::string_view sep : kRangeSeparators) {
      if (At(pos, sep)) return true;
    }
    return false;
  }
  const units::UnitInfo* MatchUnit(size_t pos, size_t* len) const;
  std::optional<Decimal> MatchMagnitude(size_t pos, size_t* len) const;
  bool ReadDate(size_t cb, size_t ce, const Numeral& n, size_t* resume, std::vector<ExtractedMention>* mentions);
  void AddMention(size_t b, size_t e, std::string value, Mention::Type type, std::vector<ExtractedMention>* out) {
    ExtractedMention m;
    m.mention.type = type;
    m.mention.value = std::move(value);
    m.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    out->push_back(std::move(m));
  }

  // Whether a bare 元 in this text is the New Taiwan dollar: a text written
  // in Traditional characters that names 新台币 (or NT$) and never 人民币, as
  // Taiwan's reports do (股價收在1,045元, 市值約27.1兆元). Looked up on the
  // first bare 元; Simplified texts never pay for the search.
  bool YuanIsTaiwanDollar() {
    if (yuan_is_twd_ < 0) {
      bool twd = t_.find("新台币") != std::string_view::npos || t_.find("NT$") != std::string_view::npos;
      yuan_is_twd_ = twd && t_.find("人民币") == std::string_view::npos;
    }
    return yuan_is_twd_ == 1;
  }

  // Whether 点 after the number `core` (ending right before `after`) counts
  // index points: 上证指数报3489.78点, 下跌32.5点, 涨超100点. In Arabic digits
  // only, with a decimal or at least three digits: 3点 and 12点 are hours
  // (so are 100点钟 and 10点半), 两点 is a list's items.
  bool IndexPoints(std::string_view core, const Numeral& n, size_t after) const {
    if (n.chinese || !n.has_digit || At(after, "半") || At(after, "钟") || At(after, "整")) return false;
    size_t whole = 0;
    for (char c : core) {
      if (c == '.') return true;
      whole += IsAsciiDigit(c) ? 1 : 0;
    }
    return whole >= 3;
  }

  const Tables& impl_;
  std::string_view t_;
  int yuan_is_twd_;  // -1: not looked up yet
};

const units::UnitInfo* Grammar::MatchUnit(size_t pos, size_t* len) const {
  if (pos >= t_.size()) return nullptr;
  size_t k = pos;
  char32_t first = NextCodePoint(t_, &k);
  const Tables::UnitGroup* group = impl_.UnitGroupOf(first);
  if (group == nullptr) return nullptr;
  for (uint32_t i = group->begin; i < group->end; ++i) {
    const auto& [alias, unit] = impl_.unit_aliases[i];
    if (!At(pos, alias)) continue;
    // The longest alias here. A Latin unit must not run into more Latin
    // letters: "5 TB" but not "5 TBW".
    size_t end = pos + alias.size();
    if (IsAsciiLetter(alias.back()) && end < t_.size() && IsAsciiLetter(t_[end])) return nullptr;
    *len = alias.size();
    return unit;
  }
  return nullptr;
}

std::optional<Decimal> Grammar::MatchMagnitude(size_t pos, size_t* len) const {
  // The longest magnitude word at t_[pos], one space before it allowed; a
  // word that runs into more letters is none ("millions" is not read as
  // "million" + "s", nor as a shorter word).
  size_t b = pos < t_.size() && t_[pos] == ' ' ? pos + 1 : pos;
  if (b >= t_.size() || !IsAsciiLetter(t_[b])) return std::nullopt;
  for (const auto& [word, factor] : impl_.latin_magnitudes) {
    if (!At(b, word)) continue;
    size_t end = b + word.size();
    if (end < t_.size() && IsAsciiLetter(t_[end])) return std::nullopt;
    *len = end - pos;
    return *factor;
  }
  return std::nullopt;
}

// Dates, times and identifiers that start with a number. Returns true when
// the core was one of them (no claim), with mentions for dates.
bool Grammar::ReadDate(size_t cb, size_t ce, const Numeral& n, size_t* resume,
                       std::vector<ExtractedMention>* mentions) {
  std::string_view core = t_.substr(cb, ce - cb);
  bool integer = n.ok() && !n.vague && n.lo.exponent() >= 0 && n.lo == n.hi && !n.has_big_unit;
  if (!integer || !DateWordAt(ce < t_.size() && t_[ce] == ' ' ? ce + 1 : ce)) return false;
  bool arabic = IsAsciiDigit(core[0]);
  bool four_digits = arabic && core.size() == 4;
  bool year_like = four_digits || (n.chinese && core.size() == 12 && n.lo >= Decimal(1000));
  // 23年8月15日, 23年11月: a two-digit year, but only with a month after it
  // (23年 alone is a duration).
  bool short_year = arabic && core.size() == 2 && At(ce, "年") && ce + 4 < t_.size() &&
                    IsAsciiDigit(t_[ce + 3]) && (At(ce + 4, "月") || (IsAsciiDigit(t_[ce + 4]) && At(ce + 5, "月")));
  year_like |= short_year;
  // 前10个月, 过去3年, 连续17个季度, 近5年来: the span another figure covers,
  // not a claim (like 前三季度). 提前3个月 is a lead time, and 近 is also
  // "nearly" (历时近5年): only with 来/以来/内/同期 after it.
  if (size_t u = ce + (At(ce, " ") ? 1 : 0), ul = At(u, "个月") ? 6 : At(u, "个季度") ? 9 : At(u, "年") ? 3 : 0; ul) {
    bool span = (EndsAt(cb, "前") && !EndsAt(cb, "提前")) || EndsAt(cb, "过去") || EndsAt(cb, "最近") ||
                EndsAt(cb, "连续") ||
                (EndsAt(cb, "近") && (At(u + ul, "来") || At(u + ul, "以来") || At(u + ul, "内") || At(u + ul, "同期")));
    if (span) {
      *resume = u + ul;
      return true;
    }
  }
  size_t p = ce;
  if (p < t_.size() && t_[p] == ' ' && year_like) ++p;
  // 2024-03-19 19:57:53, 2024/03/19
  if (four_digits && p < t_.size() && (t_[p] == '-' || t_[p] == '/') && p + 1 < t_.size() && IsAsciiDigit(t_[p + 1])) {
    size_t q = p + 1;
    while (q < t_.size() && (IsAsciiDigit(t_[q]) || t_[q] == '-' || t_[q] == '/')) ++q;
    if (q < t_.size() && t_[q] == ' ' && q + 1 < t_.size() && IsAsciiDigit(t_[q + 1])) {
      size_t r = q + 1;
      while (r < t_.size() && (IsAsciiDigit(t_[r]) || t_[r] == ':')) ++r;
      if (t_.substr(q + 1, r - q - 1).find(':') != std::string_view::npos) q = r;
    }
    std::string value(t_.substr(cb, std::min(q, cb + 10) - cb));
    std::replace(value.begin(), value.end(), '/', '-');
    AddMention(cb, q, value, Mention::Type::kDate, mentions);
    *resume = q;
    return true;
  }
  if (year_like && At(p, "财年")) {
    AddMention(cb, p + 6, "FY" + n.lo.ToString(), Mention::Type::kDate, mentions);
    *resume = p + 6;
    return true;
  }
  if (year_like && At(p, "年")) {
    std::string value = short_year ? "20" + std::string(core) : n.lo.ToString();
    size_t end = p + 3;
    // Month and day after the year: 2024年3月19日, 2024年 3 月27 日.
    size_t q = end;
    if (q < t_.size() && t_[q] == ' ') ++q;
    size_t m = q;
    while (m < t_.size() && IsAsciiDigit(t_[m])) ++m;
    size_t mm = m;
    if (mm < t_.size() && t_[mm] == ' ') ++mm;
    if (m > q && m - q <= 2 && At(mm, "月")) {
      int month = std::stoi(std::string(t_.substr(q, m - q)));
      if (month >= 1 && month <= 12) {
        value += month < 10 ? "-0" + std::to_string(month) : "-" + std::to_string(month);
        end = mm + 3;
        if (At(end, "份")) end += 3;
        size_t dq = end;
        if (dq < t_.size() && t_[dq] == ' ') ++dq;
        size_t d = dq;
        while (d < t_.size() && IsAsciiDigit(t_[d])) ++d;
        size_t dd = d;
        if (dd < t_.size() && t_[dd] == ' ') ++dd;
        if (d > dq && d - dq <= 2 && (At(dd, "日") || At(dd, "号"))) {
          int day = std::stoi(std::string(t_.substr(dq, d - dq)));
          value += day < 10 ? "-0" + std::to_string(day) : "-" + std::to_string(day);
          end = dd + 3;
        }
      }
    }
    AddMention(cb, end, value, Mention::Type::kDate, mentions);
    *resume = end;
    return true;
  }
  p = ce;
  if (p < t_.size() && t_[p] == ' ' && arabic) ++p;
  // 3月18日, 6月份, 十二月
  if (At(p, "月") && n.lo >= Decimal(1) && n.lo <= Decimal(12)) {
    std::string value = "--" + std::string(n.lo < Decimal(10) ? "0" : "") + n.lo.ToString();
    size_t end = p + 3;
    if (At(end, "份")) end += 3;
    size_t d = end;
    while (d < t_.size() && IsAsciiDigit(t_[d])) ++d;
    if (d > end && d - end <= 2 && (At(d, "日") || At(d, "号"))) {
      int day = std::stoi(std::string(t_.substr(end, d - end)));
      value += day < 10 ? "-0" + std::to_string(day) : "-" + std::to_string(day);
      end = d + 3;
    }
    AddMention(cb, end, value, Mention::Type::kDate, mentions);
    *resume = end;
    return true;
  }
  // 17日 (a day of the month), but 100日元 is money; 1349号 is an identifier.
  if (At(p, "号")) { *resume = p + 3; return true; }
  if (At(p, "日") && !At(p, "日元") && !At(p, "日币")) {
    if (n.lo <= Decimal(31)) AddMention(cb, p + 3, "---" + n.lo.ToString(), Mention::Type::kDate, mentions);
    *resume = p + 3;
    return true;
  }
  // Times: 19:57, 3点, 14时; 第三季度 and 4季度 are periods.
  if (arabic && At(p, ":") && p + 1 < t_.size() && IsAsciiDigit(t_[p + 1])) {
    size_t q = p + 1;
    while (q < t_.size() && (IsAsciiDigit(t_[q]) || t_[q] == ':')) ++q;
    *resume = q;
    return true;
  }
  if ((At(p, "点") || At(p, "时")) && n.lo <= Decimal(24)) { *resume = p + 3; return true; }
  if (At(p, "季度") && n.lo >= Decimal(1) && n.lo <= Decimal(4)) {
    AddMention(cb, p + 6, "Q" + n.lo.ToString(), Mention::Type::kDate, mentions);
    *resume = p + 6;
    return true;
  }
  return false;
}

size_t Grammar::ApplyPrefix(size_t qb, bool has_digit, Parsed* p) const {
  return PrefixStart(qb, has_digit, &p->qualifier);
}

// ApplyPrefix on a qualifier alone: where the surface starts, *qualifier
// combined with the qualifier word found.
size_t Grammar::PrefixStart(size_t qb, bool has_digit, Qualifier* qualifier) const {
  size_t begin = qb;
  // The qualifier may stand one space or one 了 away: 约 3.9亿, 突破了1万亿.
  size_t qe = qb;
  if (qe > 0 && t_[qe - 1] == ' ') --qe;
  if (EndsAt(qe, "了")) qe -= 3;
  size_t key = qe >= 2 ? PrefixEndKey(t_[qe - 2], t_[qe - 1]) : 0;
  size_t count = qe < 3 || !((kPrefixEnds[key >> 6] >> (key & 63)) & 1) ? 0 : std::size(kPrefixQualifiers);
  for (size_t i = 0; i < count; ++i) {
    // Only the words that end like the text (约, 大约; 超过, 不超过 ...):
    // one comparison of keys, not a byte loop, for each of the others.
    const QualifierWord& q = kPrefixQualifiers[i];
    if (kPrefixEndKeys[i] != key || !EndsAt(qe, q.word)) continue;
    size_t qs = qe - q.word.size();
    // 最近, 附近 are "recently", "nearby"; 赶超 is "overtake".
    if (q.word == "近" && (EndsAt(qs, "最") || EndsAt(qs, "附") || EndsAt(qs, "将") || EndsAt(qs, "接"))) continue;
    if (q.word == "超" && (EndsAt(qs, "赶") || EndsAt(qs, "高"))) continue;
    // 破百万 is "past a million"; 打破3项纪录 is "broke three records".
    if (q.word == "破" && EndsAt(qs, "打")) continue;
    if (*qualifier != Qualifier::kRange) *qualifier = Combine(q.q, *qualifier);
    begin = qs;
    break;
  }
  // 上千, 上万: "upwards of".
  if (begin == qb && EndsAt(qb, "上") && !has_digit && *qualifier == Qualifier::kExact) {
    *qualifier = Qualifier::kAtLeast;
    begin = qb - 3;
  }
  return begin;
}

std::optional<Parsed> Grammar::ReadWord(size_t b, size_t e) {
  std::string_view w = t_.substr(b, e - b);
  Parsed p;
  p.begin = b;
  p.end = e;
  Decimal v = w == "翻两番" || w == "翻了两番" ? Decimal(4) : (w == "减半" ? *Decimal::Parse("0.5") : Decimal(2));
  if (w == "一半") {
    p.lo = p.hi = *Decimal::Parse("0.5");
    p.unit_code = "fraction";
    p.dimension = "fraction";
  } else {
    p.lo = p.hi = v;
    p.unit_code = "x";
    p.dimension = "multiple";
  }
  p.precision = p.lo;
  p.begin = ApplyPrefix(b, true, &p);
  return p;
}

// The "3,476.3億" of 2兆3,476.3億元 (or "零500億" of 2兆零500億元): a number
// of 億 below 10^4 right at `pos`, followed by a currency; its end in *end.
std::optional<Numeral> Grammar::HundredMillionsBeforeMoney(size_t pos, size_t* end) const {
  if (At(pos, "零")) pos += std::string_view("零").size();
  pat::ScanMatch m = pat::ScanAt(t_, pos);
  std::string_view core = t_.substr(pos, m.len);
  if (m.len == 0 || m.kind != pat::ScanKind::kCore || !core.ends_with("亿") || core.ends_with("万亿")) {
    return std::nullopt;
  }
  size_t len = 0;
  const units::UnitInfo* u = MatchUnit(pos + core.size(), &len);
  if (u == nullptr || u->dimension != "currency"sv) return std::nullopt;
  Numeral n = number::ParseNumeral(core);
  if (!n.ok() || n.vague || n.hi >= Decimal::Pow10(12) || n.lo.is_zero()) return std::nullopt;
  *end = pos + core.size();
  return n;
}

// The length of a minus sign right before t_[cb] (-3.2%, 同比−5%), 0 when
// there is none. A hyphen is a sign only where a figure may begin: at the
// start, after white space or an opening or separating mark, or after a Han
// character that ends neither a numeral nor a unit (为-3.2%, 增速-5%). After
// digits, letters or units it joins two things: 400-820-8820, GPT-3, 20万-30万.
// 负 written out is a sign too (净利润为负3.2亿元), except in 正负 ("plus or
// minus").
size_t Grammar::SignBefore(size_t cb) const {
  if (EndsAt(cb, "负")) return EndsAt(cb - 3, "正") ? 0 : 3;
  size_t len = cb >= 1 && t_[cb - 1] == '-' ? 1 : EndsAt(cb, "−") ? 3 : 0;
  if (len == 0 || cb == len) return len;
  size_t s = cb - len;
  char32_t prev = PrevCodePoint(t_, s);
  if (prev < 0x80) return std::string_view(" \t\n(:[,;=").find(static_cast<char>(prev)) != std::string_view::npos ? len : 0;
  if (std::u32string_view(U"（：，；、【「“《").find(prev) != std::u32string_view::npos) return len;
  bool han = (prev >= 0x4E00 && prev <= 0x9FFF) || (prev >= 0x3400 && prev <= 0x4DBF);
  if (!han || impl_.Is(prev, Tables::kNumeral)) return 0;
  for (const auto& u : impl_.units.units()) {
    if (!u.alias.empty() && EndsAt(s, u.alias)) return 0;
  }
  return len;
}

// A magnitude read after the numeral (多亿, billion, 兆, B): the value, its
// precision and the scale a range's bare first end would share.
void ScaleByPow10(Parsed* p, int e) {
  p->lo = p->lo.ScaledByPow10(e);
  p->hi = p->hi.ScaledByPow10(e);
  p->precision = p->precision.ScaledByPow10(e);
  p->scale = e;
}

std::optional<Parsed> Grammar::ReadCore(size_t cb, size_t ce, size_t* resume,
                                        std::vector<ExtractedMention>* mentions) {
  *resume = ce;
  std::string_view core = t_.substr(cb, ce - cb);
  // 数/几 only make sense before or after a unit character; strip a
  // trailing 数 (数据) and reject a lone 几 (几乎).
  while (!core.empty() && EndsWith(core, "数")) core.remove_suffix(3);
  // 员工人数十几万, 总数十万: a leading 数 that ends a word (人数, 总数, 次数
  // …) is not the vague 数 of 数十万; read as one, 人数十几万 was 11万..110万.
  if (core.size() > 3 && core.starts_with("数") &&
      std::u32string_view(U"人总次指系基函分位户件台天个岁票字页少多半无倍参读步笔").find(PrevCodePoint(t_, cb)) !=
          std::u32string_view::npos) {
    cb += 3;
    core.remove_prefix(3);
  }
  // 1.2万千瓦, 3亿千瓦, 5万千克: a trailing 千 that starts a unit (千瓦,
  // 千克, 千米) belongs to the unit. Read into the numeral it made 1.2万 +
  // 1000 W instead of 1.2万 kW.
  if (core.size() > 3 && EndsWith(core, "千")) {
    size_t len = 0;
    if (MatchUnit(cb + core.size() - 3, &len) != nullptr && len > 3) core.remove_suffix(3);
  }
  ce = cb + core.size();
  // 几 alone (几个, 几年, 几乎) is "a few" or a word, never a quantity: the
  // vague check after parsing refused it, after two evaluations of it.
  if (core.empty() || core == "几") return std::nullopt;

  // Left context.
  if (EndsAt(cb, "第")) return std::nullopt;  // ordinals: 第五代
  size_t code_begin = cb;
  const units::UnitInfo* code = cb > 0 && ((t_[cb - 1] >= 'A' && t_[cb - 1] <= 'Z') || t_[cb - 1] == ' ')
                                    ? CurrencyCodeBefore(impl_.units, t_, cb, &code_begin)
                                    : nullptr;
  if (cb > 0 && (IsAsciiLetter(t_[cb - 1]) || t_[cb - 1] == '#' || t_[cb - 1] == '.') && code == nullptr) {
    return std::nullopt;
  }
  if (cb > 1 && t_[cb - 1] == '-' && IsAsciiLetter(t_[cb - 2])) return std::nullopt;

  // Most Chinese numeral characters in running text belong to words (一些,
  // 统一, 数据). Unless something quantity-like follows, stop before any
  // arithmetic.
  if (!IsAsciiDigit(core[0]) && core[0] != '.' && core.find("万") == std::string_view::npos &&
      core.find("亿") == std::string_view::npos && !impl_.MayFollowNumeral(t_, ce)) {
    return std::nullopt;
  }
  // 三点五十分 is a time (3:50), not 3.5 and then 十分.
  if (!IsAsciiDigit(core[0]) && ce < t_.size() && NumeralAt(ce) && core.find("点") != std::string_view::npos) {
    return std::nullopt;
  }
  Numeral n = number::ParseNumeral(core);
  if (!n.ok()) return std::nullopt;
  // 亿元 right after digits that a model name took (型号X 5亿元), or after
  // a 多 whose number was not read, is not "one 亿": its number is gone.
  if (!n.has_digit && !n.vague && cb > 0 &&
      (IsAsciiDigit(t_[cb - 1]) || (cb > 1 && t_[cb - 1] == ' ' && IsAsciiDigit(t_[cb - 2])) ||
       EndsAt(cb, "多") || EndsAt(cb, "余"))) {
    return std::nullopt;
  }
  // 几个, 数家: "a few", not a quantity; 数十, 十几 are, and so is 两三家.
  if (n.vague && !n.pair && core.find("十") == std::string_view::npos && core.find("百") == std::string_view::npos &&
      core.find("千") == std::string_view::npos && core.find("万") == std::string_view::npos &&
      core.find("亿") == std::string_view::npos) {
    return std::nullopt;
  }
  if (ReadDate(cb, ce, n, resume, mentions)) return std::nullopt;

  Parsed p;
  p.begin = cb;
  p.lo = n.lo;
  p.hi = n.hi;
  p.precision = n.precision;
  if (n.vague) p.qualifier = Qualifier::kRange;
  p.core_begin = static_cast<uint32_t>(cb);
  p.core_end = static_cast<uint32_t>(ce);
  const size_t sign = SignBefore(cb);
  if (sign != 0 && !n.lo.is_zero()) {
    p.lo = -n.hi;
    p.hi = -n.lo;
  }
  size_t pos = ce;

  // X分之Y: 五分之一, 25分之一, 百分之二十 (percent), 千分之五 (per mille).
  if (At(pos, "分之")) {
    size_t b2 = pos + 6, e2 = b2;
    while (e2 < t_.size()) {
      size_t save = e2;
      char32_t c = NextCodePoint(t_, &e2);
      bool digit = (c < 0x80 && (IsAsciiDigit(static_cast<char>(c)) || c == '.')) ||
                   std::u32string_view(U"零〇一二两三四五六七八九十百千").find(c) != std::u32string_view::npos ||
                   (c == U'点' && e2 > b2 && e2 < t_.size() && NumeralAt(e2));  // 百分之五点五
      if (!digit) { e2 = save; break; }
    }
    if (e2 == b2) return std::nullopt;
    Numeral num = number::ParseNumeral(t_.substr(b2, e2 - b2));
    if (!num.ok() || n.lo.is_zero() || n.vague || num.vague) return std::nullopt;
    if (core == "百" || core == "千") {
      p.lo = p.hi = core == "百" ? num.lo : num.lo * Decimal::Pow10(-1);
      p.precision = core == "百" ? num.precision : num.precision * Decimal::Pow10(-1);
      p.unit_code = "%";
      p.dimension = "percent";
    } else {
      Decimal::Rational r = num.lo.ToRational() / n.lo.ToRational();
      p.lo = p.hi = Decimal::FromRational(r, 12);
      p.precision = Decimal::FromRational(num.precision.ToRational() / n.lo.ToRational(), 12);
      p.unit_code = "fraction";
      p.dimension = "fraction";
    }
    // 近三分之一, 超过五分之一, 约百分之二十: the words before it qualify it too.
    p.begin = ApplyPrefix(cb - sign, true, &p);
    p.end = e2;
    *resume = e2;
    return p;
  }
  // 1/5 (a fraction, not a date: dates with a year were read above).
  if (pos + 1 < t_.size() && t_[pos] == '/' && IsAsciiDigit(t_[pos + 1]) && IsAsciiDigit(core[0])) {
    size_t e2 = pos + 1;
    while (e2 < t_.size() && IsAsciiDigit(t_[e2])) ++e2;
    if (e2 - pos - 1 > 4 || (e2 < t_.size() && (t_[e2] == '/' || t_[e2] == '.'))) return std::nullopt;
    Numeral den = number::ParseArabic(t_.substr(pos + 1, e2 - pos - 1));
    if (!den.ok() || den.lo.is_zero() || (!n.precision.is_zero() && n.precision < Decimal(1))) return std::nullopt;
    p.lo = p.hi = Decimal::FromRational(n.lo.ToRational() / den.lo.ToRational(), 12);
    p.precision = Decimal::FromRational(Decimal::Rational(1) / den.lo.ToRational(), 12);
    p.unit_code = "fraction";
    p.dimension = "fraction";
    p.end = e2;
    *resume = e2;
    return p;
  }

  // 3万多, 40多分钟, 十余: more than.
  if (At(pos, "多") || At(pos, "余")) {
    size_t l = 0;
    if (int e = ChineseMagnitudeAt(pos + 3, &l); l != 0 && !n.has_big_unit) {
      // 100多亿, 十多亿, 3000多万: the magnitude after 多 scales the number
      // (it was read on its own: 亿元, a claim of one 亿).
      ScaleByPow10(&p, e);
      pos += 3 + l;
      n.has_big_unit = true;
      p.qualifier = Qualifier::kAtLeast;
    } else if (MatchUnit(pos + 3, &l) != nullptr || !n.chinese || n.has_big_unit) {
      pos += 3;
      p.qualifier = Qualifier::kAtLeast;
    }
  }
  // English magnitudes: 2.5 billion.
  size_t mlen = 0;
  if (auto mag = MatchMagnitude(pos, &mlen)) {
    ScaleByPow10(&p, static_cast<int>(mag->ToString().size()) - 1);  // 10^k: "1" and k zeros
    pos += mlen;
    n.has_big_unit = true;
  }
  // 2.16兆元, 20兆新台币: before money, 兆 is 10^12 (Taiwan's usage; before
  // other units it is mega: 兆瓦 and 兆字节 are units of their own).
  if (!n.has_big_unit && At(pos, "兆")) {
    size_t len = 0;
    const units::UnitInfo* u = MatchUnit(pos + 3, &len);
    size_t rest_end = 0;
    if (u != nullptr && u->dimension == "currency"sv) {
      ScaleByPow10(&p, 12);
      pos += 3;
      n.has_big_unit = true;
    } else if (auto rest = HundredMillionsBeforeMoney(pos + 3, &rest_end); rest && n.has_digit && !n.vague) {
      // 2兆3,476.3億元: the 億 after 兆 add to it; the last digit is theirs.
      ScaleByPow10(&p, 12);
      p.lo = p.lo + rest->lo;
      p.hi = p.hi + rest->hi;
      p.precision = rest->precision;
      p.scale = 8;
      pos = rest_end;
      n.has_big_unit = true;
    }
  }
  // $1.2B, US$350M, $500K: a magnitude letter after a number with a currency sign.
  if (!n.has_big_unit && pos < t_.size() && IsAsciiLetter(t_[pos]) && CurrencyPrefixBefore(cb)) {
    size_t e = pos;
    while (e < t_.size() && IsAsciiLetter(t_[e])) ++e;
    std::string_view letters = t_.substr(pos, e - pos);
    int exp = letters == "K" || letters == "k" ? 3
              : letters == "M" || letters == "m" || letters == "mn" ? 6
              : letters == "B" || letters == "b" || letters == "bn" ? 9 : 0;
    if (exp != 0 && !(e < t_.size() && IsAsciiDigit(t_[e]))) {
      ScaleByPow10(&p, exp);
      pos = e;
      n.has_big_unit = true;
    }
  }
  // The unit (one optional space before a Latin unit: 296 teraFLOPS).
  size_t ulen = 0;
  size_t upos = pos;
  const units::UnitInfo* unit = MatchUnit(upos, &ulen);
  if (unit == nullptr && upos < t_.size() && t_[upos] == ' ') {
    unit = MatchUnit(upos + 1, &ulen);
    if (unit != nullptr && !IsAsciiLetter(unit->alias[0]) && unit->alias != "%"sv) unit = nullptr;
    if (unit != nullptr) ++upos; else ulen = 0;  // a refused match must not lengthen a ¥5 claim
  }
  // A number glued to Latin letters that are not a unit is an identifier: 910B, 5G.
  if (unit == nullptr && pos < t_.size() && IsAsciiLetter(t_[pos]) && !n.has_big_unit) {
    size_t e = pos;
    while (e < t_.size() && (IsAsciiLetter(t_[e]) || IsAsciiDigit(t_[e]))) ++e;
    AddMention(cb, e, "", Mention::Type::kModel, mentions);
    *resume = e;
    return std::nullopt;
  }
  // Currency written before the number: $5, US$2.5 billion, ¥100.
  size_t qb = cb - sign;
  std::span<const std::string_view> currencies = kCurrencyPrefixes;
  if (sign != 0 || !CurrencyPrefixEndsAt(cb)) currencies = {};
  for (std::string_view c : currencies) {
    if (EndsAt(cb, c)) {
      if (unit == nullptr) unit = impl_.units.FindUnit(c);
      qb = cb - c.size();
      break;
    }
  }
  if (code != nullptr && sign == 0 && qb == cb) {
    if (unit == nullptr) unit = code;
    qb = code_begin;
  }
  // 新台币2.34万亿元, 港币100亿元: a currency named right before the number
  // says what its 元 is (人民币3.5亿元 is CNY either way).
  if (unit != nullptr && qb == cb && unit->alias == "元"sv) {
    for (std::string_view w : {"新台币", "台币", "港币", "港元", "美元", "日元", "欧元", "英镑", "韩元"}) {
      if (EndsAt(cb, w)) {
        unit = impl_.units.FindUnit(w);
        qb = cb - w.size();
        break;
      }
    }
    if (unit->alias == "元"sv && YuanIsTaiwanDollar()) unit = impl_.units.FindUnit("新台币");
  }
  bool bare_first = false;  // a bare number that may start a range
  if (unit != nullptr) {
    pos = upos + ulen;
    // 年 after a number that is not a year is a duration (30年), but 一年
    // and 一个 are "a year", "an item": articles, not quantities.
    if ((unit->dimension == "count"sv || unit->dimension == "duration"sv) && n.chinese && !n.has_big_unit &&
        n.hi < Decimal(2)) {
      return std::nullopt;
    }
    // 三成 is 30%, but 一成不变 and 两成为 are words.
    if (unit->alias == "成"sv && (At(pos, "不") || At(pos, "为") || At(pos, "立") || At(pos, "功") ||
                                At(pos, "本") || At(pos, "员") || At(pos, "长") || At(pos, "熟") ||
                                At(pos, "果") || At(pos, "交") || At(pos, "品") || At(pos, "绩") || !n.chinese)) {
      return std::nullopt;
    }
    if (unit->alias == "点"sv && !IndexPoints(core, n, pos)) return std::nullopt;
    // 3个百分点 is read by the unit table; 10周年 is an anniversary, 八十年代
    // a decade and 三年级 a school year.
    if (unit->alias == "周"sv && At(pos, "年")) return std::nullopt;
    // 三位数增长, 两位数: how many digits, not three persons.
    if (unit->alias == "位"sv && At(pos, "数")) return std::nullopt;
    if ((At(pos, "代") || At(pos, "级")) && unit->alias == "年"sv) return std::nullopt;
    // 百亿元级别, 千亿美元级: a class of size, like 千亿级, not a figure.
    if (!n.has_digit && !n.vague && At(pos, "级")) return std::nullopt;
    // 元宇宙, 台积电: a measure word that starts a longer word.
    if (unit->dimension == "count"sv && (At(pos, "积电") || At(pos, "湾") || At(pos, "有"))) return std::nullopt;
    // 两个多月, 三个多小时: 个 + 多 + a time unit is a duration, "more than".
    if (unit->alias == "个"sv && At(pos, "多")) {
      size_t l2 = 0;
      const units::UnitInfo* d = MatchUnit(pos + 3, &l2);
      if (d == nullptr && At(pos + 3, "月")) { d = impl_.units.FindUnit("个月"); l2 = 3; }
      if (d != nullptr && d->dimension == "duration"sv) {
        unit = d;
        pos += 3 + l2;
        p.qualifier = Qualifier::kAtLeast;
      }
    }
    p.unit = unit;
    p.unit_code = unit->canonical;
    p.dimension = unit->dimension;
    if (unit->dimension == "count"sv) p.counted = unit->alias;
    if (!(unit->factor == impl_.one)) {  // most units are their own base unit: 元, %, 个
      p.lo = p.lo * unit->factor;
      p.hi = p.hi * unit->factor;
      p.precision = p.precision * unit->factor;
    }
    // 六成五 is 65%: a digit right after 成 adds whole percent.
    if (!n.vague && unit->alias.size() == 3 && unit->alias == "成"sv && pos < t_.size() && NumeralAt(pos)) {
      size_t k = pos;
      size_t d = std::u32string_view(U"〇一二三四五六七八九").find(NextCodePoint(t_, &k));
      if (d != std::u32string_view::npos && d > 0 && !NumeralAt(k)) {
        p.lo = p.hi = p.lo + Decimal(static_cast<int64_t>(d));
        p.precision = Decimal(1);
        pos = k;
      }
    }
    // 4200元/吨, 6.8万元/平方米, 80美元/桶: a price per something, never
    // comparable with a sum of money. The unit keeps the word as written.
    if (At(pos, "/") && unit->dimension == "currency"sv) {
      if (size_t per = PerWordAt(pos + 1)) {
        p.own_unit = unit->canonical + "/" + std::string(t_.substr(pos + 1, per));
        p.dimension = "unit_price";
        pos += 1 + per;
      }
    }
  } else if (n.has_big_unit && (n.has_digit || n.vague || core.size() > 3)) {
    // A bare magnitude is a quantity (营收11.11亿, 数百万); a lone 万 or 千万不要 is not.
    if (!n.has_digit && !n.vague && (At(pos, "不") || At(pos, "级"))) return std::nullopt;
    p.unit_code = "number";
    p.dimension = "number";
  } else if (RangeFollows(pos)) {
    // 5到10倍, 3千到5千元: the first end of a range takes the second's unit
    // below; without one it is still a bare number.
    bare_first = true;
  } else {
    return std::nullopt;  // a bare number: list item, code, year, idiom
  }
  if (!n.has_digit && !n.vague && (!n.has_big_unit || core == "万" || core == "亿") && unit != nullptr &&
      unit->dimension != "multiple"sv) {
    // 十分, 百家, 千家万户, 每万元: words, not quantities; 上千家, 近百家,
    // 超百家 and 近万人 are "upwards of", "nearly", "over" a figure.
    Qualifier probe = p.qualifier;
    if (PrefixStart(qb, false, &probe) == qb) return std::nullopt;
  }

  // Suffix qualifiers: 80%以上, 18个月左右, 两倍多.
  std::span<const QualifierWord> suffixes = kSuffixQualifiers;
  char32_t next = CharAt(pos);  // the character after the claim so far
  if (!OneOf(next, kSuffixFirstChars)) suffixes = {};
  for (const QualifierWord& q : suffixes) {
    if (At(pos, q.word)) {
      // 多 and 余 before another noun are not qualifiers: 多家, 余下.
      if ((q.word == "多" || q.word == "余") && p.UnitCode() != "x" && p.UnitCode() != "%") continue;
      p.qualifier = Combine(p.qualifier, q.q);
      pos += q.word.size();
      next = CharAt(pos);
      break;
    }
  }
  // Ranges: 2.5万至4万美元, 50%-60%, 5到10倍. The unit and magnitude of the
  // second number apply to the first when the first has none.
  bool from_to = EndsAt(qb, "从");
  std::span<const std::string_view> separators = kRangeSeparators;
  if (from_to || !OneOf(next, kRangeFirstChars)) separators = {};
  for (std::string_view sep : separators) {
    if (!At(pos, sep)) continue;
    size_t b2 = pos + sep.size();
    // -10%至-5%: the second end's own sign (ReadCore reads it back).
    if (sep != "-" && b2 < t_.size() && t_[b2] == '-') ++b2;
    else if (sep != "-" && (At(b2, "−") || At(b2, "负"))) b2 += 3;
    pat::ScanMatch m2 = pat::ScanAt(t_, b2);
    if (m2.len == 0 || m2.kind != pat::ScanKind::kCore) break;
    size_t resume2 = 0;
    std::vector<ExtractedMention> ignored;
    auto second = ReadCore(b2, b2 + m2.len, &resume2, &ignored);
    if (!second || second->qualifier == Qualifier::kRange) break;
    Decimal lo = p.lo;
    if (unit == nullptr && (second->unit != nullptr || (bare_first && second->UnitCode() == "number"))) {
      // 2.5万至4万美元: the first end had only a magnitude; the unit distributes.
      // 3.5-4亿美元: it had neither; the magnitude distributes too.
      Decimal factor = second->unit != nullptr ? second->unit->factor : Decimal(1);
      if (bare_first && ScaleOf(p) == 0) factor = factor * Decimal::Pow10(ScaleOf(*second));
      lo = lo * factor;
      p.precision = p.precision * factor;
      p.unit = second->unit;
      p.unit_code = second->unit_code;
      p.own_unit = second->own_unit;
      p.dimension = second->dimension;
      p.counted = second->counted;
    } else if (second->UnitCode() != p.UnitCode()) {
      break;
    }
    if (lo > second->hi) break;
    p.lo = lo;
    p.hi = second->hi;
    p.qualifier = Qualifier::kRange;
    pos = second->end;
    break;
  }
  if (bare_first && p.qualifier != Qualifier::kRange) return std::nullopt;

  size_t begin = ApplyPrefix(qb, n.has_digit, &p);
  // 每股192.53美元: a price per share written before the number, like 美元/股
  // after it; read as a sum it sat beside the company's revenue.
  if (p.unit != nullptr && p.dimension == "currency" && EndsAt(begin, "每股")) {
    if (const units::UnitInfo* per = impl_.units.FindUnit(p.unit->alias + "/股")) {
      p.unit = per;
      p.unit_code = per->canonical;
      p.own_unit.clear();
      p.dimension = per->dimension;
      begin -= std::string_view("每股").size();
    }
  }
  // 每吨4200元, 每平方米6.2万元: a price per something written before the
  // number, like 4200元/吨 after it. Not per a time (每年4500美元, 每月500元):
  // an amount each year is a sum, the kind a license fee or a budget is.
  if (p.unit != nullptr && p.dimension == "currency" && p.own_unit.empty()) {
    size_t q = 0;  // just after 每 (E6 AF 8F), at most 12 bytes before the number
    for (size_t k = begin; k >= 3 && begin - k <= 12 && q == 0; --k) {
      if (t_[k - 1] == '\x8F' && t_[k - 2] == '\xAF' && t_[k - 3] == '\xE6') q = k;
    }
    size_t len = 0;
    const units::UnitInfo* per = q == 0 ? nullptr : MatchUnit(q, &len);
    if (q != 0 && PerWordAt(q) == begin - q && !At(q, "月") && !At(q, "晚") &&
        !(per != nullptr && per->dimension == "duration"sv)) {
      p.own_unit = p.unit->canonical + "/" + std::string(t_.substr(q, begin - q));
      p.dimension = "unit_price";
      begin = q - std::string_view("每").size();
    }
  }
  // 每秒320万亿次浮点运算: operations a second are compute, FLOPS (OPS when
  // not floating point); read as a count of 次 it was no speed at all.
  if (p.UnitCode() == "count"sv && p.counted == "次"sv && EndsAt(begin, "每秒")) {
    size_t after = pos + (At(pos, "的") ? std::string_view("的").size() : 0);
    bool floating = At(after, "浮点");
    if (floating) after += std::string_view("浮点").size();
    if (At(after, "运算") || At(after, "计算")) {
      if (const units::UnitInfo* ops = impl_.units.FindUnit(floating ? "FLOPS" : "OPS")) {
        p.unit = ops;
        p.unit_code = ops->canonical;
        p.own_unit.clear();
        p.dimension = ops->dimension;
        p.counted = {};
        begin = ApplyPrefix(begin - std::string_view("每秒").size(), n.has_digit, &p);  // 约为每秒…
        pos = after + std::string_view("运算").size();
      }
    }
  }
  p.begin = begin;
  p.end = pos;
  *resume = pos;
  return p;
}

// Line counting over the original text, moving forward (going back starts
// over). "\n", "\r\n" and a lone "\r" each end a line (text::CountLineEnds).
class LineCounter {
 public:
  LineCounter(std::string_view text, uint32_t base) : text_(text), line_(base + 1) {}
  uint32_t LineAt(size_t offset) {
    if (offset < pos_) { pos_ = 0; line_ = base_line_; }
    line_ += static_cast<uint32_t>(text::CountLineEnds(text_, pos_, offset));
    pos_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_;
  uint32_t base_line_ = line_;
};

// Original offsets of normalised spans. A sentence holding several claims
// and mentions is asked for once per claim or mention, in turn: the last
// answer is kept (two binary searches of the offset map each).
class SpanMapper {
 public:
  explicit SpanMapper(const text::OffsetMap& map) : map_(map) {}
  NormSpan ToOriginal(NormSpan s) const { return {map_.ToOriginal(s.begin), map_.ToOriginalEnd(s.end)}; }
  NormSpan SentenceToOriginal(NormSpan s) {
    if (s.begin != last_.begin || s.end != last_.end || !known_) {
      last_ = s;
      last_original_ = ToOriginal(s);
      known_ = true;
    }
    return last_original_;
  }

 private:
  const text::OffsetMap& map_;
  bool known_ = false;
  NormSpan last_, last_original_;
};

// Line numbers for the claims and mentions, in one pass over the original
// text: both lists are in text order, and are walked together.
void AssignLines(std::string_view original, uint32_t byte_base, uint32_t line_base, Extraction* out) {
  LineCounter lines(original, line_base);
  size_t i = 0, j = 0;
  while (i < out->claims.size() || j < out->mentions.size()) {
    bool claim = j == out->mentions.size() ||
                 (i < out->claims.size() && out->claims[i].claim.byte_start <= out->mentions[j].mention.byte_start);
    if (claim) {
      Claim& c = out->claims[i++].claim;
      c.line = lines.LineAt(c.byte_start - byte_base);
    } else {
      Mention& m = out->mentions[j++].mention;
      m.line = lines.LineAt(m.byte_start - byte_base);
    }
  }
}

}  // namespace

Extraction Extractor::Impl::Run(std::string_view original, const text::NormalizedText& norm, uint32_t byte_base,
                                uint32_t line_base) const {
  Extraction out;
  std::string_view t = norm.utf8;
  Grammar grammar(tables, t, norm.had_traditional);
  SentenceIndex sentences(t);
  SpanMapper spans(norm.map);

  // Claims are built in place: a Claim is a dozen strings and three
  // Decimals, and moving each one twice showed in the profile.
  // ~2-3 per KB in news; a reallocation moves every Claim (~450
  // instructions each, 2.8M on a 2 MB run when this was t.size() / 512).
  out.claims.reserve(std::min<size_t>(t.size() / 256, 1024) + 4);
  out.mentions.reserve(std::min<size_t>(t.size() / 256, 1024) + 4);  // about as many
  auto finish_claim = [&](Parsed&& p) {
    // Past Decimal's limits (a 40-digit numerator over 333, to 12 places) is
    // noise, and would not read back from the store.
    if (!p.lo.WithinLimits() || !p.hi.WithinLimits() || !p.precision.WithinLimits()) return;
    ExtractedClaim& ec = out.claims.emplace_back();
    Claim& c = ec.claim;
    ec.span = {static_cast<uint32_t>(p.begin), static_cast<uint32_t>(p.end)};
    ec.sentence = sentences.Around(p.begin);
    NormSpan o = spans.ToOriginal(ec.span);
    c.byte_start = byte_base + o.begin;  // the line: AssignLines() below
    c.byte_end = byte_base + o.end;
    c.surface = std::string(original.substr(o.begin, o.end - o.begin));
    c.value_lo = std::move(p.lo);
    c.value_hi = std::move(p.hi);
    c.precision = std::move(p.precision);
    c.unit = p.UnitCode();
    c.dimension = p.dimension;
    c.counted = p.counted;
    c.qualifier = p.qualifier;
    c.kind = c.unit == "x"sv ? Kind::kRatio : c.unit == "pp"sv ? Kind::kChange : c.unit == "fraction"sv ? Kind::kShare : Kind::kLevel;
    NormSpan so = spans.SentenceToOriginal(ec.sentence);
    c.sentence_start = byte_base + so.begin;
    c.sentence_end = byte_base + so.end;
    c.sentence = std::string(original.substr(so.begin, so.end - so.begin));
  };

  size_t pos = 0;
  while ((pos = tables.NextCandidate(norm, pos)) < t.size()) {
    if (t[pos] >= 'A' && t[pos] <= 'Z' && LoneModelLetter(t, pos)) {
      ExtractedMention em;
      em.mention.type = Mention::Type::kModel;
      em.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + 1)};
      out.mentions.push_back(std::move(em));
      ++pos;
      continue;
    }
    pat::ScanMatch m = pat::ScanAt(t, pos);
    if (m.len == 0) {
      pos = SkipCodePoint(t, pos);
      continue;
    }
    size_t b = pos;
    size_t e = b + m.len;
    size_t resume = std::max(e, SkipCodePoint(t, b));
    std::string_view w = t.substr(b, m.len);
    switch (m.kind) {
      case pat::ScanKind::kIdentifier:
        break;  // URLs, e-mail addresses, filing numbers: skipped whole
      case pat::ScanKind::kModel: {
        // RMB 28亿元, USD 350M: a currency code, not a model; the number
        // after it is read next, with the code as its currency.
        size_t digit = b;
        while (digit < e && !IsAsciiDigit(t[digit])) ++digit;
        size_t code_begin = 0;
        if (digit < e && CurrencyCodeBefore(tables.units, t, digit, &code_begin) != nullptr && code_begin == b) {
          resume = digit;
          break;
        }
        ExtractedMention em;
        em.mention.type = Mention::Type::kModel;
        em.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
        out.mentions.push_back(std::move(em));
        break;
      }
      case pat::ScanKind::kWord:
        if (auto p = grammar.ReadWord(b, e)) finish_claim(std::move(*p));
        break;
      case pat::ScanKind::kRelative: {
        std::string value = w == "去年" ? "rel:-1y" : w == "今年" ? "rel:0y" : w == "明年" ? "rel:+1y"
                          : w == "前年" ? "rel:-2y" : (w == "上季度" || w == "上一季度") ? "rel:-1q"
                          : w == "本季度" ? "rel:0q" : w == "上半年" ? "rel:H1" : "rel:H2";
        ExtractedMention em;
        em.mention.type = Mention::Type::kDate;
        em.mention.value = value;
        em.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
        out.mentions.push_back(std::move(em));
        break;
      }
      case pat::ScanKind::kCore: {
        size_t r = e;
        if (auto p = grammar.ReadCore(b, e, &r, &out.mentions)) finish_claim(std::move(*p));
        resume = std::max(r, b + 1);
        break;
      }
    }
    pos = resume;
  }
  // Mentions: fill positions and sentences; keep text order. They are found
  // in text order, each past the last (sorting them anyway moved every
  // mention twice, ~2M instructions on a 2 MB run).
  auto by_begin = [](const ExtractedMention& a, const ExtractedMention& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(out.mentions.begin(), out.mentions.end(), by_begin)) {
    std::sort(out.mentions.begin(), out.mentions.end(), by_begin);
  }
  for (ExtractedMention& em : out.mentions) {
    Mention& mm = em.mention;
    NormSpan o = spans.ToOriginal(em.span);
    mm.byte_start = byte_base + o.begin;
    mm.byte_end = byte_base + o.end;
    mm.surface = std::string(original.substr(o.begin, o.end - o.begin));
    if (mm.type == Mention::Type::kModel && mm.value.empty()) mm.value = std::string(t.substr(em.span.begin, em.span.end - em.span.begin));
    em.sentence = sentences.Around(em.span.begin);
    NormSpan so = spans.SentenceToOriginal(em.sentence);
    mm.sentence = std::string(original.substr(so.begin, so.end - so.begin));
  }
  AssignLines(original, byte_base, line_base, &out);
  return out;
}

Extractor::Extractor(const units::UnitTable& units) : impl_(std::make_unique<Impl>(units)) {}
Extractor::~Extractor() = default;

const text::StopChars& Extractor::stop_chars() const { return *impl_->tables.stop_chars; }

Extraction Extractor::Extract(std::string_view original, const text::NormalizedText& norm, uint32_t byte_base,
                              uint32_t line_base) const {
  return impl_->Run(original, norm, byte_base, line_base);
}

}  // namespace claims
