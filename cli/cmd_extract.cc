// claims extract: articles in, claims out, no database. Files are analysed
// one at a time (memory bounded by the largest file); stdin is read either as
// a JSONL article stream (a line starting with '{') or as one plain article.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyze/analyzer.h"
#include "base/json.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "ingest/ingest.h"
#include "ingest/sha1.h"
#include "ingest/sources.h"
#include "records/records.h"
#include "report/claims_table.h"
#include "text/decode.h"

namespace claims::cli {

extern const std::string_view kExtractHelp =
    "usage: claims extract [--format jsonl|tsv|table|records] [--date YYYY-MM-DD] [--lexicon FILE]... FILE...\n"
    "\n"
    "Prints every numeric claim in the given articles. No database is used.\n"
    "FILE may be '-' for standard input. Standard input that starts with '{' is read as a\n"
    "JSONL article stream, one {\"id\",\"title\",\"date\",\"url\",\"text\"} object per line,\n"
    "processed line by line in constant memory; otherwise it is one article.\n"
    "\n"
    "options:\n"
    "  --format jsonl   one JSON object per claim (default; the contract other tools read)\n"
    "  --format tsv     tab-separated, with a header row\n"
    "  --format table   aligned columns for a terminal\n"
    "  --format records the store's records for 'claims import': per article an article line\n"
    "                   (path, content hash, date, title ...), its claims, its dates and model\n"
    "                   names (docs/scale.md); shards extracted apart load into one store\n"
    "  --date D         the articles' date (anchors 去年/今年) when the text does not say\n"
    "  --lexicon FILE   extra entity/metric/scope words (see docs/context.md)\n"
    "\n"
    "JSONL fields: path byte_start byte_end line surface value_lo value_hi precision unit\n"
    "dimension counted qualifier kind direction entity metric metric_word period scope base\n"
    "base_entity sentence (docs/fields.md). byte offsets are into the original file, end exclusive.\n"
    "\n"
    "exit codes: 0 all inputs read; 2 usage; 3 some input could not be read or decoded\n"
    "(each is named on stderr with the byte offset; the others are still processed).\n"
    "\n"
    "examples:\n"
    "  claims extract fixtures/corpus/*.txt\n"
    "  claims extract --format table article.txt\n"
    "  claims extract --format jsonl < articles.jsonl > claims.jsonl\n"
    "  claims extract --format records < shard1.jsonl > shard1.records\n";

namespace {

constexpr OptionSpec kSpecs[] = {{"format", 0, true}, {"date", 0, true}, {"lexicon", 0, true}};

// Larger files are refused rather than read into memory.
constexpr int64_t kMaxFileBytes = int64_t{1} << 31;
// Plain text on stdin is analysed in blocks of about this size, cut at a
// line end, so memory stays flat however long the stream is.
constexpr size_t kStdinBlockBytes = 8 << 20;

// Analyses and prints one article; returns what Analyze() refused it for.
using ArticleFn = std::function<Status(std::string_view bytes, ArticleInput input)>;
// Names an input (`where`) that could not be used, and goes on.
using ReportFn = std::function<void(const std::string& where, const Status& st)>;

// Where to cut a full block that holds no "\n" (one very long line, or old
// Mac "\r" line ends): after its last "\r", full stop, semicolon, comma or
// space in its second half, which no claim spans; else before its last
// character. Never inside a UTF-8 character. Returns the last byte kept.
size_t CutLongLine(std::string_view block) {
  for (std::string_view mark : {"\r", "。", "；", "，", " "}) {
    size_t at = block.substr(0, block.size() - 1).rfind(mark);  // a "\r" last might precede a "\n"
    if (at != std::string_view::npos && at >= block.size() / 2) return at + mark.size() - 1;
  }
  size_t lead = block.size() - 1;
  while (lead > 0 && (static_cast<unsigned char>(block[lead]) & 0xC0) == 0x80) --lead;
  return lead > 0 ? lead - 1 : std::string_view::npos;
}

// The error that stops a JSONL stream at a line: the full parse's, which
// names the first bad byte of the line whatever kind it is.
Status JsonlLineError(int64_t line_number, std::string_view line) {
  auto a = ingest::ParseJsonlLine(line);
  std::string why = a.ok() ? "invalid UTF-8" : a.status().message();  // ok: not reached
  return Status::BadInput(fmt::format("line {}: {}", line_number, why));
}

// Standard input: a JSONL article stream if it starts with '{', else plain
// text in line-aligned blocks whose offsets are the stream's.
Status ReadStdin(std::FILE* in, const ArticleFn& fn, const ReportFn& report) {
  int c;
  while ((c = std::fgetc(in)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
  if (c == EOF) return Status::Ok();
  std::ungetc(c, in);
  if (c == '{') {
    ingest::JsonlReader reader(in);
    std::string_view line;
    while (reader.Next(&line)) {
      std::string where = fmt::format("-:{}", reader.line_number());
      // The text's UTF-8 is checked once, by Analyze() as it normalises the
      // text, not also by the parser; a line that fails either way is parsed
      // again in full for its error, which names the line's first bad byte.
      auto a = ingest::ParseJsonlLineTextUnchecked(line);
      if (!a.ok()) return JsonlLineError(reader.line_number(), line);
      // The metadata ingest would give the analyzer, so both agree.
      ArticleInput input = ingest::MakeArticleInput(a->text, a->id.empty() ? where : a->id, &*a, "");
      Status st = fn(a->text, std::move(input));
      if (st.ok()) continue;
      if (text::FindInvalidUtf8(a->text) != std::string_view::npos) return JsonlLineError(reader.line_number(), line);
      report(where, st);
    }
    return reader.error() ? Status::IoError("cannot read standard input") : Status::Ok();
  }
  std::string block, carry;
  std::vector<char> buf(1 << 16);
  uint64_t offset = 0, lines = 0;
  bool eof = false;
  while (!eof) {
    block.swap(carry);
    carry.clear();
    while (block.size() < kStdinBlockBytes) {
      size_t n = std::fread(buf.data(), 1, buf.size(), in);
      if (n == 0) { eof = true; break; }
      block.append(buf.data(), n);
    }
    if (!eof) {
      size_t nl = block.rfind('\n');
      if (nl == std::string::npos) nl = CutLongLine(block);
      if (nl != std::string::npos) { carry = block.substr(nl + 1); block.resize(nl + 1); }
    }
    if (block.empty()) continue;
    if (offset + block.size() > UINT32_MAX) return Status::BadInput("plain text on stdin is limited to 4 GiB; send a JSONL article stream instead");
    ArticleInput input;
    input.path = "-";
    input.byte_base = static_cast<uint32_t>(offset);
    input.line_base = static_cast<uint32_t>(lines);
    if (Status st = fn(block, std::move(input)); !st.ok()) report(fmt::format("-: block at byte {}", offset), st);
    offset += block.size();
    lines += text::CountLineEnds(block, 0, block.size());
  }
  return std::ferror(in) ? Status::IoError("cannot read standard input") : Status::Ok();
}

class Printer {
 public:
  Printer(std::string format, std::FILE* out) : format_(std::move(format)), out_(out) {}

  void Article(const AnalyzedArticle& a) {
    if (format_ == "records") {
      std::string buf;
      records::AppendArticleRecords(&buf, a.article, Analyzer::kExtractorVersion, a.claims, a.mentions);
      std::fwrite(buf.data(), 1, buf.size(), out_);
    } else if (format_ == "jsonl") {
      // Written in pieces of about 64 KB: a million claims in one article
      // must not become one buffer. The buffer is kept from article to
      // article, so it is allocated once, not grown for each.
      report::ClaimJsonlWriter writer(a.article.path);
      for (const Claim& c : a.claims) {
        writer.Append(&buf_, c);
        if (buf_.size() >= (64 << 10)) { std::fwrite(buf_.data(), 1, buf_.size(), out_); buf_.clear(); }
      }
      std::fwrite(buf_.data(), 1, buf_.size(), out_);
      buf_.clear();
    } else if (format_ == "tsv") {
      if (!header_done_) { fmt::print(out_, "{}\n", report::ClaimTsvHeader()); header_done_ = true; }
      for (const Claim& c : a.claims) fmt::print(out_, "{}\n", report::ClaimTsvRow(a.article.path, c));
    } else {
      for (const Claim& c : a.claims) rows_.push_back({a.article.path, c});
      if (rows_.size() >= 10000) Flush();  // keep the table's memory bounded
    }
  }
  void Flush() {
    if (format_ == "table" && !rows_.empty()) fmt::print(out_, "{}", report::ClaimTable(rows_));
    rows_.clear();
  }

 private:
  std::string format_;
  std::FILE* out_;
  bool header_done_ = false;
  std::vector<std::pair<std::string, Claim>> rows_;
  std::string buf_;  // jsonl: the lines not yet written
};

}  // namespace

int CmdExtract(std::span<const std::string> argv, Env& env) {
  auto args = ParseArgs(argv, kSpecs);
  if (!args.ok()) return ReportStatus(args.status(), env);
  std::string format = args->Get("format", "jsonl");
  if (format != "jsonl" && format != "tsv" && format != "table" && format != "records") {
    return ReportStatus(Status::InvalidArgument("--format must be jsonl, tsv, table or records, not '" + format + "'"), env);
  }
  if (args->positional.empty()) return ReportStatus(Status::InvalidArgument("extract needs FILE... ('-' for stdin)"), env);
  AnalyzerOptions options;
  options.lexicon_files = args->GetAll("lexicon");
  auto analyzer = Analyzer::Create(options);
  if (!analyzer.ok()) return ReportStatus(analyzer.status(), env);

  Printer printer(format, env.out);
  bool failed = false;
  auto report = [&](const std::string& where, const Status& st) {
    fmt::print(env.err, "claims: {}: {}\n", where, st.message());
    failed = true;
  };
  auto analyze = [&](std::string_view bytes, ArticleInput input) {
    if (input.date.empty() && args->Has("date")) { input.date = args->Get("date"); input.date_source = "flag"; }
    auto a = (*analyzer)->Analyze(bytes, input);
    if (!a.ok()) return a.status();
    if (format == "records") a->article.hash = ingest::Sha1Hex(bytes);  // how the store keys it
    printer.Article(*a);
    return Status::Ok();
  };

  for (const std::string& path : args->positional) {
    if (path == "-") {
      Status st = ReadStdin(env.in, analyze, report);
      if (!st.ok()) report("-", st);
      continue;
    }
    auto bytes = ingest::ReadWholeFile(path, kMaxFileBytes);
    if (!bytes.ok()) {
      report(path, bytes.status());
      continue;
    }
    // As ingest keys and reads a file: its normalised path (for records, which
    // a store loads), the title and date its first lines give.
    ArticleInput input = ingest::MakeArticleInput(*bytes, format == "records" ? ingest::NormalizePath(path) : path,
                                                  nullptr, "");
    if (Status st = analyze(*bytes, input); !st.ok()) report(path, st);
  }
  printer.Flush();
  std::fflush(env.out);
  return failed ? kExitInput : kExitOk;
}

}  // namespace claims::cli
