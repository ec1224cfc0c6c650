#include "units/unit_table.h"

#include <fmt/format.h>

#include "units_data.inc"

namespace claims::units {

std::vector<TsvRow> ParseTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++line_no;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<UnitTable> UnitTable::FromTsv(std::string_view units_tsv, std::string_view magnitudes_tsv) {
  UnitTable t;
  for (const TsvRow& row : ParseTsv(units_tsv)) {
    if (row.fields.size() != 4) {
      return Status::BadInput(fmt::format("units.tsv:{}: expected 4 columns, found {}", row.line, row.fields.size()));
    }
    auto factor = Decimal::Parse(row.fields[3]);
    if (!factor || factor->sign() <= 0) {
      return Status::BadInput(fmt::format("units.tsv:{}: factor '{}' is not an exact positive decimal", row.line, row.fields[3]));
    }
    std::string alias(row.fields[0]);
    if (auto it = t.unit_index_.find(alias); it != t.unit_index_.end()) {
      return Status::BadInput(fmt::format("units.tsv:{}: alias '{}' appears twice", row.line, alias));
    }
    t.unit_index_.emplace(alias, t.units_.size());
    t.units_.push_back({alias, std::string(row.fields[1]), std::string(row.fields[2]), *factor});
  }
  for (const TsvRow& row : ParseTsv(magnitudes_tsv)) {
    if (row.fields.size() != 2) {
      return Status::BadInput(fmt::format("magnitudes.tsv:{}: expected 2 columns, found {}", row.line, row.fields.size()));
    }
    auto factor = Decimal::Parse(row.fields[1]);
    if (!factor || factor->sign() <= 0) {
      return Status::BadInput(fmt::format("magnitudes.tsv:{}: factor '{}' is not an exact positive decimal", row.line, row.fields[1]));
    }
    std::string alias(row.fields[0]);
    if (t.magnitude_index_.count(alias) != 0) {
      return Status::BadInput(fmt::format("magnitudes.tsv:{}: alias '{}' appears twice", row.line, alias));
    }
    t.magnitude_index_.emplace(alias, t.magnitudes_.size());
    t.magnitudes_.emplace_back(alias, *factor);
  }
  return t;
}

const UnitTable& UnitTable::Default() {
  static const UnitTable* table = [] {
    std::string_view units, magnitudes;
    for (const EmbeddedFile& f : embedded::kUnitFiles) {
      if (f.name == "units/units.tsv") units = f.contents;
      if (f.name == "units/magnitudes.tsv") magnitudes = f.contents;
    }
    auto t = FromTsv(units, magnitudes);
    // The embedded data is validated by tests/units; failing here is a build bug.
    if (!t.ok()) throw std::logic_error("embedded units data: " + t.status().ToString());
    return new UnitTable(std::move(t).value());
  }();
  return *table;
}

const UnitInfo* UnitTable::FindUnit(std::string_view alias) const {
  auto it = unit_index_.find(std::string(alias));
  return it == unit_index_.end() ? nullptr : &units_[it->second];
}

const Decimal* UnitTable::FindMagnitude(std::string_view alias) const {
  auto it = magnitude_index_.find(std::string(alias));
  return it == magnitude_index_.end() ? nullptr : &magnitudes_[it->second].second;
}

}  // namespace claims::units
