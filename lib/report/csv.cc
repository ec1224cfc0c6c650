// RFC 4180 plus the OWASP advice on CSV injection: a cell a spreadsheet would
// evaluate gets a leading apostrophe. Numbers are exempt only when they are
// plain decimals, which no spreadsheet parses as a formula.
#include "report/csv.h"

#include <string>

namespace claims::report {

bool IsPlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t fraction = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++fraction; }
    if (fraction == 0) return false;
  }
  return i == s.size();
}

std::string NeutralizeFormula(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=': case '+': case '-': case '@': case '\t': case '\r':
        return "'" + std::string(cell);
      default: break;
    }
  }
  return std::string(cell);
}

void CsvWriter::Raw(std::string_view cell) {
  if (row_open_) out_->push_back(',');
  row_open_ = true;
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out_->append(cell);
    return;
  }
  out_->push_back('"');
  for (char c : cell) {
    if (c == '"') out_->push_back('"');
    out_->push_back(c);
  }
  out_->push_back('"');
}

CsvWriter& CsvWriter::Text(std::string_view cell) {
  Raw(NeutralizeFormula(cell));
  return *this;
}

CsvWriter& CsvWriter::Number(std::string_view cell) {
  if (IsPlainNumber(cell)) {
    Raw(cell);
  } else {
    Text(cell);
  }
  return *this;
}

CsvWriter& CsvWriter::Integer(int64_t value) {
  Raw(std::to_string(value));
  return *this;
}

void CsvWriter::EndRow() {
  out_->append("\r\n");
  row_open_ = false;
}

void CsvWriter::Row(std::initializer_list<std::string_view> cells) {
  for (std::string_view c : cells) Text(c);
  EndRow();
}

}  // namespace claims::report
