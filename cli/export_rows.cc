// Export rows. CSV cells are typed: offsets and counts are integers, exact
// values are Number cells (plain decimals stay numbers in a spreadsheet), and
// everything else is text, neutralised against formula injection. Claims in
// JSONL reuse report::AppendClaimJson, the same objects `claims extract` prints.
#include "cli/export_rows.h"

#include <fmt/format.h>

#include "base/json.h"
#include "report/claims_table.h"
#include "report/csv.h"

namespace claims::cli {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

bool IsIntegerField(std::string_view f) { return f == "byte_start" || f == "byte_end" || f == "line"; }
bool IsDecimalField(std::string_view f) { return f == "value_lo" || f == "value_hi" || f == "precision"; }

void Header(const std::vector<std::string_view>& columns, std::string* out) {
  report::CsvWriter w(out);
  for (std::string_view c : columns) w.Text(c);
  w.EndRow();
}

void AppendField(std::string* out, bool* first, std::string_view name) {
  out->append(*first ? "{" : ",");
  *first = false;
  json::AppendString(out, name);
  out->push_back(':');
}

}  // namespace

Status RowSink::Flush(bool force) {
  if (buffer_.empty() || (!force && buffer_.size() < kFlushBytes)) return Status::Ok();
  size_t n = std::fwrite(buffer_.data(), 1, buffer_.size(), file_);
  bool short_write = n != buffer_.size();
  buffer_.clear();
  if (short_write || std::ferror(file_)) return Status::IoError("cannot write the export (disk full, or the pipe closed?)");
  return Status::Ok();
}

std::vector<std::string_view> ClaimColumns() {
  std::vector<std::string_view> cols = {"path"};
  for (std::string_view f : report::ClaimFieldNames()) cols.push_back(f);
  cols.push_back("article_date");
  cols.push_back("article_hash");
  return cols;
}

std::vector<std::string_view> ArticleColumns() {
  return {"path", "hash", "bytes", "title", "date", "date_source", "url", "script", "ingested_at",
          "extractor_version", "claims"};
}

std::vector<std::string_view> FindingColumns() {
  return {"rule", "family", "severity", "message", "expected", "fingerprint", "claims", "locations"};
}

Status ExportClaims(store::Store* store, ExportFormat format, RowSink* sink) {
  std::string* out = sink->buffer();
  if (format == ExportFormat::kCsv) Header(ClaimColumns(), out);
  Status write_error;
  Status s = store->ForEachClaim([&](const StoredClaim& c) {
    if (format == ExportFormat::kJsonl) {
      report::AppendClaimJson(out, c.path, c.claim);
      out->push_back('\n');
    } else {
      report::CsvWriter w(out);
      w.Text(c.path);
      for (std::string_view f : report::ClaimFieldNames()) {
        std::string v = report::ClaimField(c.claim, f);
        if (IsIntegerField(f) || IsDecimalField(f)) w.Number(v); else w.Text(v);
      }
      w.Text(c.article_date).Text(c.article_hash);
      w.EndRow();
    }
    write_error = sink->Flush();
    return write_error.ok();
  });
  return s.ok() ? write_error : s;
}

Status ExportArticles(store::Store* store, ExportFormat format, RowSink* sink) {
  std::string* out = sink->buffer();
  if (format == ExportFormat::kCsv) Header(ArticleColumns(), out);
  Status write_error;
  Status s = store->ForEachArticle([&](const store::ArticleRecord& r) {
    const Article& a = r.article;
    if (format == ExportFormat::kCsv) {
      report::CsvWriter w(out);
      w.Text(a.path).Text(a.hash).Integer(static_cast<int64_t>(a.bytes)).Text(a.title).Text(a.date);
      w.Text(a.date_source).Text(a.url).Text(a.script).Text(r.ingested_at).Integer(r.extractor_version);
      w.Integer(r.claim_count);
      w.EndRow();
    } else {
      const std::string_view texts[] = {a.path, a.hash, a.title, a.date, a.date_source, a.url, a.script,
                                        r.ingested_at};
      const std::string_view names[] = {"path", "hash", "title", "date", "date_source", "url", "script",
                                        "ingested_at"};
      bool first = true;
      for (size_t i = 0; i < std::size(names); ++i) {
        AppendField(out, &first, names[i]);
        json::AppendString(out, texts[i]);
        if (names[i] == "hash") {
          AppendField(out, &first, "bytes");
          out->append(std::to_string(a.bytes));
        }
      }
      out->append(fmt::format(",\"extractor_version\":{},\"claims\":{}}}\n", r.extractor_version, r.claim_count));
    }
    write_error = sink->Flush();
    return write_error.ok();
  });
  return s.ok() ? write_error : s;
}

Status ExportFindings(store::Store* store, ExportFormat format, RowSink* sink) {
  Result<std::vector<Finding>> findings = store->LoadFindings();
  if (!findings.ok()) return findings.status();
  std::string* out = sink->buffer();
  if (format == ExportFormat::kCsv) Header(FindingColumns(), out);
  for (const Finding& f : *findings) {
    if (format == ExportFormat::kCsv) {
      // One cell lists what the finding cites, one "path:line: surface" per line.
      std::string where;
      auto cite = [&](const std::string& path, uint32_t line, const std::string& surface) {
        where += fmt::format("{}{}:{}: {}", where.empty() ? "" : "\n", path, line, surface);
      };
      for (const StoredClaim& c : f.claims) cite(c.path, c.claim.line, c.claim.surface);
      for (const Location& l : f.locations) cite(l.path, l.line, l.surface);
      report::CsvWriter w(out);
      w.Text(f.rule).Text(f.family).Text(SeverityName(f.severity)).Text(f.message).Text(f.expected);
      w.Text(f.fingerprint).Integer(static_cast<int64_t>(f.claims.size())).Text(where);
      w.EndRow();
    } else {
      bool first = true;
      const std::pair<std::string_view, std::string_view> texts[] = {
          {"rule", f.rule}, {"family", f.family}, {"severity", SeverityName(f.severity)},
          {"message", f.message}, {"expected", f.expected}, {"fingerprint", f.fingerprint}};
      for (const auto& [name, value] : texts) {
        AppendField(out, &first, name);
        json::AppendString(out, value);
      }
      out->append(",\"claims\":[");
      for (size_t i = 0; i < f.claims.size(); ++i) {
        if (i > 0) out->push_back(',');
        report::AppendClaimJson(out, f.claims[i].path, f.claims[i].claim);
      }
      out->append("],\"locations\":[");
      for (size_t i = 0; i < f.locations.size(); ++i) {
        const Location& l = f.locations[i];
        out->append(i > 0 ? ",{\"path\":" : "{\"path\":");
        json::AppendString(out, l.path);
        out->append(fmt::format(",\"line\":{},\"byte_start\":{},\"byte_end\":{},\"surface\":", l.line, l.byte_start,
                                l.byte_end));
        json::AppendString(out, l.surface);
        out->append(",\"sentence\":");
        json::AppendString(out, l.sentence);
        out->push_back('}');
      }
      out->append("],\"details\":{");
      bool first_detail = true;
      for (const auto& [k, v] : f.details) {
        if (!first_detail) out->push_back(',');
        first_detail = false;
        json::AppendString(out, k);
        out->push_back(':');
        json::AppendString(out, v);
      }
      out->append("}}\n");
    }
    Status s = sink->Flush();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace claims::cli
