// Lexicon loading. Each table is parsed completely before anything is
// inserted, so a file with one bad row changes nothing. Words from all tables
// and the built-in cues share one trie; data rows are inserted after the cues,
// so data wins where a word is both (a user can turn a cue into an entity).
#include "context/lexicon.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "context/text_util.h"
#include "lexicon_data.inc"

namespace claims::context {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

bool IsMetricId(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool ParseEntityType(std::string_view s, EntityType* out) {
  for (EntityType t : {EntityType::kCompany, EntityType::kProduct, EntityType::kMarket,
                       EntityType::kPerson}) {
    if (EntityTypeName(t) == s) {
      *out = t;
      return true;
    }
  }
  return false;
}

// "fiscal" or "fiscal:MONTH" (the month the fiscal year ends, 1..12).
bool ParseFiscal(std::string_view s, int* end_month) {
  *end_month = 0;
  if (s == "fiscal") return true;
  if (!s.starts_with("fiscal:")) return false;
  s.remove_prefix(std::string_view("fiscal:").size());
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *end_month);
  return ec == std::errc() && p == s.data() + s.size() && *end_month >= 1 && *end_month <= 12;
}

std::string_view Dash(std::string_view s) { return s == "-" ? std::string_view() : s; }

// Adds the first character `c` of a word (FirstChar: ASCII folded) to a set
// of ASCII bytes for SkipUnwanted, in both cases.
void AddAsciiStart(uint64_t* ascii, uint32_t c) {
  if (c == 0 || c >= 0x80) return;
  for (uint32_t b : {c, c >= 'a' && c <= 'z' ? c - 32 : c}) ascii[b >> 6] |= uint64_t{1} << (b & 63);
}

}  // namespace

std::string_view EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kCompany: return "company";
    case EntityType::kProduct: return "product";
    case EntityType::kMarket: return "market";
    case EntityType::kPerson: return "person";
  }
  return "";
}

Lexicon::Lexicon() {
  for (const CueWord& cw : BuiltinCues()) {
    Insert(cw.word, LexEntry{LexEntry::Table::kCue, static_cast<int32_t>(cw.cue)});
  }
  trie_.Freeze();
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon();
    for (const EmbeddedFile& f : embedded::kLexiconFiles) {
      Status s;
      if (f.name.ends_with("entities.tsv")) {
        s = lex->AddEntities(f.name, f.contents);
      } else if (f.name.ends_with("metrics.tsv")) {
        s = lex->AddMetrics(f.name, f.contents);
      } else if (f.name.ends_with("scopes.tsv")) {
        s = lex->AddScopes(f.name, f.contents);
      }
      // The embedded data is validated by tests/context/lexicon_test.cc; a bad
      // row here is a build of broken data, so it is skipped, not fatal.
      (void)s;
    }
    return lex;
  }();
  return *lexicon;
}

std::span<const EmbeddedFile> Lexicon::EmbeddedFiles() { return embedded::kLexiconFiles; }

Status Lexicon::AddEntities(std::string_view name, std::string_view tsv) {
  return AddRows(Table::kEntity, name, tsv, false);
}
Status Lexicon::AddMetrics(std::string_view name, std::string_view tsv) {
  return AddRows(Table::kMetric, name, tsv, false);
}
Status Lexicon::AddScopes(std::string_view name, std::string_view tsv) {
  return AddRows(Table::kScope, name, tsv, false);
}
Status Lexicon::AddText(std::string_view name, std::string_view text) {
  return AddRows(Table::kEntity, name, text, true);
}

Status Lexicon::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot read lexicon file", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  return AddText(path, buf.str());
}

Status Lexicon::AddRows(Table table, std::string_view name, std::string_view text, bool tagged) {
  // Two passes over the rows: the first only validates, so a bad row fails
  // the call before anything is added; the second adds. (Adding to a copy
  // of the lexicon instead cost a copy of the whole trie per table at every
  // start.)
  for (bool apply : {false, true}) {
    if (Status s = ForEachRow(table, name, text, tagged, apply); !s.ok()) return s;
  }
  trie_.Freeze();
  return Status::Ok();
}

Status Lexicon::ForEachRow(Table table, std::string_view name, std::string_view text, bool tagged, bool apply) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = (nl == std::string_view::npos) ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = SplitTabs(line);
    Table row_table = table;
    if (tagged) {
      if (cols[0] == "entity") {
        row_table = Table::kEntity;
      } else if (cols[0] == "metric") {
        row_table = Table::kMetric;
      } else if (cols[0] == "scope") {
        row_table = Table::kScope;
      } else {
        return Status::BadInput(fmt::format(
            "{}:{}: a row must start with entity, metric or scope, then a TAB", name, line_no));
      }
      cols.erase(cols.begin());
    }
    std::string error;
    if (!AddRow(row_table, cols, &error, apply)) {
      return Status::BadInput(fmt::format("{}:{}: {}", name, line_no, error));
    }
  }
  return Status::Ok();
}

bool Lexicon::AddRow(Table table, const std::vector<std::string_view>& cols, std::string* error,
                     bool apply) {
  if (cols.empty() || cols[0].empty()) {
    *error = "empty alias";
    return false;
  }
  for (std::string_view c : cols) {
    if (c.find_first_of(" ") == 0 || (!c.empty() && c.back() == ' ')) {
      *error = fmt::format("column '{}' has leading or trailing spaces", c);
      return false;
    }
  }
  switch (table) {
    case Table::kEntity: {
      EntityType type;
      int fiscal_end = 0;
      if (cols.size() < 3 || cols.size() > 4 || cols[1].empty() || !ParseEntityType(cols[2], &type) ||
          (cols.size() == 4 && !ParseFiscal(cols[3], &fiscal_end))) {
        *error = "want: alias TAB canonical TAB company|product|market|person [TAB fiscal[:MONTH]]";
        return false;
      }
      if (!apply) return true;
      if (cols.size() == 4) fiscal_.insert_or_assign(std::string(cols[1]), fiscal_end);
      if (type == EntityType::kPerson) {
        std::string folded(cols[0]);
        for (char& c : folded) c = static_cast<char>(FoldAscii(static_cast<uint8_t>(c)));
        uint32_t c = FirstChar(folded, 0);
        if (c) person_starts_[c >> 6] |= uint64_t{1} << (c & 63);
        AddAsciiStart(person_ascii_starts_, c);
        person_unsure_ = person_unsure_ || !c;  // no first character to look for
        person_aliases_.push_back(std::move(folded));
      }
      entities_.push_back(EntityInfo{std::string(cols[1]), type});
      Insert(cols[0], {LexEntry::Table::kEntity, static_cast<int32_t>(entities_.size() - 1)});
      return true;
    }
    case Table::kMetric: {
      if (cols.size() < 2 || cols.size() > 5 || !IsMetricId(cols[1])) {
        *error = "want: cue TAB metric_id [TAB dimensions [TAB share_id [TAB change_id]]]";
        return false;
      }
      MetricInfo m;
      m.id = cols[1];
      if (cols.size() > 2 && !Dash(cols[2]).empty()) {
        std::string_view dims = cols[2];
        size_t start = 0;
        while (start <= dims.size()) {
          size_t comma = dims.find(',', start);
          std::string_view d = dims.substr(start, comma == std::string_view::npos ? comma : comma - start);
          if (!IsMetricId(d)) {
            *error = fmt::format("bad dimension '{}'", d);
            return false;
          }
          m.dimensions.emplace_back(d);
          if (comma == std::string_view::npos) break;
          start = comma + 1;
        }
      }
      for (size_t i = 3; i < cols.size(); ++i) {
        std::string_view v = Dash(cols[i]);
        if (!v.empty() && !IsMetricId(v)) {
          *error = fmt::format("bad metric id '{}'", v);
          return false;
        }
        (i == 3 ? m.share_metric : m.change_metric) = v;
      }
      if (!apply) return true;
      metrics_.push_back(std::move(m));
      Insert(cols[0], {LexEntry::Table::kMetric, static_cast<int32_t>(metrics_.size() - 1)});
      return true;
    }
    case Table::kScope: {
      if (cols.size() != 2 || cols[1].empty()) {
        *error = "want: alias TAB canonical";
        return false;
      }
      if (!apply) return true;
      scopes_.emplace_back(cols[1]);
      Insert(cols[0], {LexEntry::Table::kScope, static_cast<int32_t>(scopes_.size() - 1)});
      return true;
    }
  }
  return false;
}

bool Lexicon::MayNamePerson(std::string_view text) const {
  if (person_unsure_) return true;
  // One walk that skips the characters no alias starts with.
  for (size_t pos = 0; pos < text.size(); ++pos) {
    pos = SkipUnwanted(text, pos, text.size(), person_starts_.data(), person_ascii_starts_);
    if (pos >= text.size()) break;
    uint32_t c = FirstChar(text, pos);
    if (!c || !((person_starts_[c >> 6] >> (c & 63)) & 1)) continue;
    for (const std::string& alias : person_aliases_) {
      if (text.size() - pos < alias.size()) continue;
      size_t i = 0;
      while (i < alias.size() && FoldAscii(static_cast<uint8_t>(text[pos + i])) == static_cast<uint8_t>(alias[i])) ++i;
      if (i == alias.size()) return true;
    }
  }
  return false;
}

void Lexicon::Insert(std::string_view word, LexEntry entry) {
  uint32_t c = FirstChar(word, 0);
  if (c) starts_[c >> 6] |= uint64_t{1} << (c & 63);
  AddAsciiStart(ascii_starts_, c);
  entries_.push_back(entry);
  trie_.Insert(word, static_cast<int32_t>(entries_.size() - 1));
}

}  // namespace claims::context
