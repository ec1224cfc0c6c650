// Where articles come from: files and directories on the command line
// (walked recursively, filtered by globs) and JSONL article streams
// ({"id","title","date","url","text"} per line; "-" is stdin).
#ifndef CLAIMS_INGEST_SOURCES_H_
#define CLAIMS_INGEST_SOURCES_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claims::ingest {

// An input that could not be used. offset is the byte offset in the file
// where the problem is, or -1 when it does not apply.
struct Problem {
  std::string path;
  std::string reason;
  int64_t offset = -1;
};

struct FileEntry {
  std::string path;  // normalised, as the store keys it: "corpus/a/b.txt"
  int64_t size = 0;
  int64_t mtime_ns = 0;
  bool jsonl = false;  // a JSONL article stream (name ends in .jsonl, or "-")
};

// The default globs when --glob is not given.
std::span<const std::string_view> DefaultGlobs();

// "./corpus//a/../b.txt" -> "corpus/b.txt"; "corpus/" -> "corpus"; "-" stays.
std::string NormalizePath(std::string_view path);

// fnmatch-style match of a file NAME (not its directory) against any glob.
bool MatchesGlobs(std::string_view name, std::span<const std::string> globs);

// Expands command-line inputs into the files to read, sorted by path and
// unique. Directories are walked recursively, skipping hidden entries
// (".git"), keeping files whose name matches `globs`; files named explicitly
// are always kept. "-" becomes a stdin JSONL entry (kept last). Inputs that
// do not exist or cannot be listed are reported through `problem`.
std::vector<FileEntry> ExpandInputs(std::span<const std::string> inputs, std::span<const std::string> globs,
                                    const std::function<void(Problem)>& problem);

// The whole file, or kIoError ("cannot read: Permission denied") / kBadInput
// when it is larger than max_bytes.
Result<std::string> ReadWholeFile(const std::string& path, int64_t max_bytes);

// One article from a JSONL stream.
struct JsonlArticle {
  std::string id, title, date, url, text;
};

// Parses one line: a JSON object with a string "text" and optional string
// "id", "title", "date", "url". Errors are kBadInput naming the byte offset
// within the line ("expected ':' at byte 12", "no \"text\" string at byte 0").
Result<JsonlArticle> ParseJsonlLine(std::string_view line);
// ParseJsonlLine() that leaves the "text" string's UTF-8 unchecked (see
// json::ParseMembers), for a caller whose Analyzer::Analyze() checks it in
// normalisation's pass anyway. When that finds bad bytes, or this fails,
// ParseJsonlLine() gives the error to report, at the byte it names today.
Result<JsonlArticle> ParseJsonlLineTextUnchecked(std::string_view line);

// Reads a JSONL stream line by line (one article in memory at a time).
class JsonlReader {
 public:
  // `file` stays owned by the caller.
  explicit JsonlReader(std::FILE* file) : file_(file) {}
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;
  ~JsonlReader();

  // The next non-blank line into *line; false at end of stream (or on a
  // read error, see error()).
  bool Next(std::string* line);
  // The same line as a view into the reader's buffer, valid until the next
  // call: no copy.
  bool Next(std::string_view* line);
  int64_t line_number() const { return line_number_; }  // 1-based, of the last line read
  int64_t line_offset() const { return line_offset_; }  // byte offset where it starts
  bool error() const;

 private:
  std::FILE* file_;
  char* buffer_ = nullptr;
  size_t capacity_ = 0;
  int64_t line_number_ = 0;
  int64_t line_offset_ = 0;
  int64_t next_offset_ = 0;
};

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SOURCES_H_
