// The rows of `claims export`: claims, articles or findings from the store as
// CSV (report/csv.h: RFC 4180, formula-safe) or JSONL. Column names and order
// are a contract documented in docs/export.md; add columns at the end only.
#ifndef CLAIMS_CLI_EXPORT_ROWS_H_
#define CLAIMS_CLI_EXPORT_ROWS_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace claims::cli {

enum class ExportFormat { kCsv, kJsonl };

// Buffers output and writes it to `file` in large chunks, so exports stream
// in constant memory. Write errors surface from Flush().
class RowSink {
 public:
  explicit RowSink(std::FILE* file) : file_(file) {}
  std::string* buffer() { return &buffer_; }
  // Writes out the buffer when it is large (always when `force`).
  Status Flush(bool force = false);

 private:
  std::FILE* file_;
  std::string buffer_;
};

// The CSV header of each export (also the JSONL field names, except that
// claims JSONL is exactly `claims extract`'s objects).
std::vector<std::string_view> ClaimColumns();
std::vector<std::string_view> ArticleColumns();
std::vector<std::string_view> FindingColumns();

Status ExportClaims(store::Store* store, ExportFormat format, RowSink* sink);
Status ExportArticles(store::Store* store, ExportFormat format, RowSink* sink);
Status ExportFindings(store::Store* store, ExportFormat format, RowSink* sink);

}  // namespace claims::cli

#endif  // CLAIMS_CLI_EXPORT_ROWS_H_
