// Lexicon: the words context/ recognises — entity aliases, metric cue words,
// scope (region) aliases — loaded from TSV (units/entities.tsv, metrics.tsv,
// scopes.tsv, embedded at build time) plus users' --lexicon files, and the
// built-in cue words (cues.h). One trie holds them all, so a sentence is
// scanned once:
//
//   Lexicon lex = Lexicon::Default();       // a copy, to extend
//   Status s = lex.AddFile("my_words.tsv");   // rows: entity\tNVDA\t英伟达\tcompany
//   lex.Match("英伟达营收", 0, &entry)  -> 9 bytes, entity 英伟达 (company)
//
// Matching is on NORMALISED text (half-width, Simplified), ASCII letters
// case-insensitive. A Lexicon is immutable once an Attacher uses it.
#ifndef CLAIMS_CONTEXT_LEXICON_H_
#define CLAIMS_CONTEXT_LEXICON_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/embedded.h"
#include "base/status.h"
#include "context/cues.h"
#include "context/trie.h"

namespace claims::context {

enum class EntityType : uint8_t { kCompany, kProduct, kMarket, kPerson };
std::string_view EntityTypeName(EntityType t);  // "company" "product" "market" "person"

struct EntityInfo {
  std::string canonical;  // "英伟达", "H100", "AI芯片市场"
  EntityType type = EntityType::kCompany;
};

struct MetricInfo {
  std::string id;                       // "revenue"
  std::vector<std::string> dimensions;  // the units a level may have; empty: any
  std::string share_metric;             // a fraction OF this is that: revenue -> revenue_share
  std::string change_metric;            // a change of this is that: stock_price -> stock_change
};

struct LexEntry {
  enum class Table : uint8_t { kEntity, kMetric, kScope, kCue };
  Table table = Table::kCue;
  int32_t index = 0;  // into entities(), metrics(), scopes(), or a Cue value
};

class Lexicon {
 public:
  Lexicon();  // the built-in cue words only
  // The embedded data; built once, thread-safe. Copy it to add user files.
  static const Lexicon& Default();
  // The embedded TSV files Default() is built from, for tests that validate
  // the data (every row parses, every alias unique).
  static std::span<const EmbeddedFile> EmbeddedFiles();

  // A table in the embedded format, one row per line, TAB-separated, `#`
  // comments and blank lines ignored. `name` is used in error messages. A bad
  // row fails the whole call with kBadInput "name:line: reason" and adds
  // nothing.
  //   entities: alias canonical type          (type: company product market person)
  //   metrics:  cue id dimensions share change (dimensions comma-separated; "-" for none)
  //   scopes:   alias canonical
  Status AddEntities(std::string_view name, std::string_view tsv);
  Status AddMetrics(std::string_view name, std::string_view tsv);
  Status AddScopes(std::string_view name, std::string_view tsv);
  // A user file: each row starts with its table, "entity", "metric" or
  // "scope", followed by that table's columns. Later rows override earlier
  // ones and the defaults.
  Status AddText(std::string_view name, std::string_view text);
  Status AddFile(const std::string& path);  // kIoError when unreadable

  // The longest lexicon word starting at text[pos]; 0 when none. A word that
  // begins or ends with an ASCII letter or digit must not run into another
  // one ("H20" does not match inside "H200" or "GH20").
  // Inline: the sentence scan asks at every character, and most characters
  // start no word, which one bitmap lookup settles.
  size_t Match(std::string_view text, size_t pos, LexEntry* entry) const {
    uint32_t c = FirstChar(text, pos);
    if (!c || !((starts_[c >> 6] >> (c & 63)) & 1)) return 0;
    return MatchFrom(text, pos, c, entry);
  }
  // The first characters of all words, for SkipThreeByteChars (base/cjk_skip.h).
  const uint64_t* word_starts() const { return starts_.data(); }
  // The ASCII bytes that may start a word, either case (SkipUnwanted).
  const uint64_t* ascii_word_starts() const { return ascii_starts_; }

  const EntityInfo& entity(int32_t i) const { return entities_[i]; }
  const MetricInfo& metric(int32_t i) const { return metrics_[i]; }
  const std::string& scope(int32_t i) const { return scopes_[i]; }
  // Whether the company `canonical` reports in fiscal quarters (a row of
  // entities.tsv flagged "fiscal": 英伟达's 第三季度 ends in October), so a
  // bare quarter about it is not a calendar quarter.
  bool ReportsFiscalQuarters(std::string_view canonical) const { return fiscal_.find(canonical) != fiscal_.end(); }
  // The month its fiscal year ends in ("fiscal:1": 英伟达's FY2025 ended in
  // January 2025), 0 when not a fiscal reporter or not stated.
  int FiscalYearEnd(std::string_view canonical) const {
    auto it = fiscal_.find(canonical);
    return it == fiscal_.end() ? 0 : it->second;
  }
  // False when `text` holds no alias that was ever added as a person's
  // (ASCII letters case-insensitive): then no word of it is a person.
  bool MayNamePerson(std::string_view text) const;
  // All aliases per table, for tests that validate the data.
  size_t word_count() const { return trie_.size(); }

 private:
  enum class Table { kEntity, kMetric, kScope };
  Status AddRows(Table table, std::string_view name, std::string_view text, bool tagged);
  // Parses every row and checks it; with `apply`, also adds it. Stops at the
  // first bad row.
  Status ForEachRow(Table table, std::string_view name, std::string_view text, bool tagged, bool apply);
  // Adds one row (with `apply`), or only checks it; false with *error on a
  // bad row, which adds nothing.
  bool AddRow(Table table, const std::vector<std::string_view>& cols, std::string* error, bool apply);
  void Insert(std::string_view word, LexEntry entry);

  // The code point of the character at text[pos] (ASCII folded to lower
  // case), or 0 for what no word can start with.
  static uint32_t FirstChar(std::string_view text, size_t pos) {
    auto b = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    if (pos >= text.size()) return 0;
    if (b(0) < 0x80) return FoldAscii(b(0));
    if ((b(0) & 0xE0) == 0xC0 && pos + 1 < text.size()) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    if ((b(0) & 0xF0) == 0xE0 && pos + 2 < text.size()) {
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    }
    return 0;
  }
  // Match() past the first-character test: the trie walk and word edges.
  // `c` is FirstChar(text, pos).
  size_t MatchFrom(std::string_view text, size_t pos, uint32_t c, LexEntry* entry) const {
    auto b = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    auto alnum = [&](size_t i) { return IsAsciiAlnum(static_cast<char>(b(i))); };
    // A word starting inside an ASCII word: no match, whatever the trie holds.
    if (b(0) < 0x80 && pos > 0 && alnum(0) && IsAsciiAlnum(text[pos - 1])) return 0;
    // The length of the well-formed character c came from; 0 when its
    // continuation bytes are not (the byte walk then decides).
    size_t n = b(0) < 0x80                                         ? 1
               : (b(0) & 0xE0) == 0xC0                             ? ((b(1) & 0xC0) == 0x80 ? 2 : 0)
               : ((b(1) & 0xC0) == 0x80 && (b(2) & 0xC0) == 0x80) ? 3
                                                                   : 0;
    int32_t value = -1;
    size_t len = n ? trie_.LongestMatchChar(text, pos, c, n, &value) : trie_.LongestMatch(text, pos, &value);
    if (len == 0) return 0;
    if (pos + len < text.size() && alnum(len - 1) && alnum(len)) return 0;
    *entry = entries_[value];
    return len;
  }
  static bool IsAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  Trie trie_;
  // One bit per BMP code point that starts some word: most positions of a
  // sentence are rejected with one lookup, before any trie walk.
  std::vector<uint64_t> starts_ = std::vector<uint64_t>(65536 / 64, 0);
  uint64_t ascii_starts_[2] = {};
  std::vector<LexEntry> entries_;  // trie values index this
  std::vector<EntityInfo> entities_;
  std::vector<MetricInfo> metrics_;
  std::vector<std::string> scopes_;
  std::map<std::string, int, std::less<>> fiscal_;  // canonical -> fiscal year's last month, 0 unknown
  std::vector<std::string> person_aliases_;  // ASCII folded to lower case
  std::vector<uint64_t> person_starts_ = std::vector<uint64_t>(65536 / 64, 0);  // as starts_
  uint64_t person_ascii_starts_[2] = {};  // as ascii_starts_
  bool person_unsure_ = false;  // an alias starts with what FirstChar cannot read
};

}  // namespace claims::context

#endif  // CLAIMS_CONTEXT_LEXICON_H_
