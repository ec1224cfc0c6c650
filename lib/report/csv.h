// CSV for spreadsheets (RFC 4180, UTF-8): the writer behind `claims export
// --format csv`. Cells are quoted only when they must be (comma, quote, CR,
// LF) and rows end with CRLF. Text cells that a spreadsheet would run as a
// formula (starting with = + - @ TAB CR) get a leading single quote, so
//   "=HYPERLINK(...)"  ->  '=HYPERLINK(...)
//   "-16.5%"           ->  '-16.5%     (text, since it has a % sign)
// while Number cells holding plain decimals stay numbers: "-16.5" -> -16.5.
#ifndef CLAIMS_REPORT_CSV_H_
#define CLAIMS_REPORT_CSV_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace claims::report {

// The UTF-8 byte order mark Excel needs to read the file as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// True for "-16.5", "5931000000", "0.04", "+3": an optional sign, digits, an
// optional fraction. Not "1e7", "1,234", "", "-", ".5".
bool IsPlainNumber(std::string_view cell);

// `cell` with a leading "'" when it starts with = + - @ TAB or CR.
std::string NeutralizeFormula(std::string_view cell);

// Appends CSV to a caller-owned string; to stream, the caller writes the
// string out and clears it between rows.
class CsvWriter {
 public:
  explicit CsvWriter(std::string* out) : out_(out) {}

  void WriteBom() { out_->append(kUtf8Bom); }
  // A text cell: neutralised, then quoted if needed.
  CsvWriter& Text(std::string_view cell);
  // A numeric cell: written as is when IsPlainNumber, else as Text (so a
  // value that is not really a number cannot smuggle in a formula).
  CsvWriter& Number(std::string_view cell);
  CsvWriter& Integer(int64_t value);
  // Ends the row with CRLF.
  void EndRow();
  // A whole row of text cells (headers).
  void Row(std::initializer_list<std::string_view> cells);

 private:
  void Raw(std::string_view cell);
  std::string* out_;
  bool row_open_ = false;
};

}  // namespace claims::report

#endif  // CLAIMS_REPORT_CSV_H_
