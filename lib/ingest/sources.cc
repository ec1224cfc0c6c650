// Input expansion and readers. Files are walked once up front and sorted, so
// an ingest processes paths in a stable order and can show a total; JSONL is
// read a line at a time so a stream of any size needs one article's memory.
#include "ingest/sources.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/json.h"

namespace claims::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDefaultGlobs[] = {"*.txt", "*.md"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StatFile(const std::string& path, FileEntry* e, std::string* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  e->size = st.st_size;
  e->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// The path of an entry found under `root` (already normalized), as
// NormalizePath would give it. The walk joins names (never "." or "..") to
// the root with single slashes, so only a "." root leaves something to
// tidy: its "./" prefix. NormalizePath for every file was a third of the
// walk, which runs before any file is read (185K files per GB of news).
std::string WalkedPath(const fs::path& entry, const std::string& root) {
  std::string out = entry.generic_string();
  if (root == "." && out.starts_with("./")) out.erase(0, 2);
  return out;
}

}  // namespace

std::span<const std::string_view> DefaultGlobs() { return kDefaultGlobs; }

std::string NormalizePath(std::string_view path) {
  if (path == "-") return "-";
  std::string out = fs::path(path).lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

bool MatchesGlobs(std::string_view name, std::span<const std::string> globs) {
  std::string n(name);
  for (const std::string& g : globs) {
    if (::fnmatch(g.c_str(), n.c_str(), 0) == 0) return true;
  }
  return false;
}

std::vector<FileEntry> ExpandInputs(std::span<const std::string> inputs, std::span<const std::string> globs,
                                    const std::function<void(Problem)>& problem) {
  std::vector<FileEntry> files;
  bool use_stdin = false;
  for (const std::string& raw : inputs) {
    if (raw == "-") { use_stdin = true; continue; }
    const std::string path = NormalizePath(raw);
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problem({path, ec ? ec.message() : "no such file or directory", -1});
      continue;
    }
    if (!fs::is_directory(status)) {
      FileEntry e{path, 0, 0, EndsWith(path, ".jsonl")};
      std::string error;
      if (StatFile(path, &e, &error)) files.push_back(std::move(e)); else problem({path, error, -1});
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) { problem({path, "cannot list: " + ec.message(), -1}); continue; }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      std::error_code type_ec;
      bool is_dir = entry.is_directory(type_ec);
      if (!name.empty() && name[0] == '.') {  // .git, .DS_Store, editor swap files
        if (is_dir) it.disable_recursion_pending();
        continue;
      }
      if (is_dir || !entry.is_regular_file(type_ec) || !MatchesGlobs(name, globs)) continue;
      FileEntry e{WalkedPath(entry.path(), path), 0, 0, EndsWith(name, ".jsonl")};
      std::string error;
      if (StatFile(e.path, &e, &error)) files.push_back(std::move(e)); else problem({e.path, error, -1});
    }
    if (ec) problem({path, "cannot list: " + ec.message(), -1});
  }
  std::sort(files.begin(), files.end(), [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(),
                          [](const FileEntry& a, const FileEntry& b) { return a.path == b.path; }),
              files.end());
  if (use_stdin) files.push_back(FileEntry{"-", 0, 0, true});
  return files;
}

Result<std::string> ReadWholeFile(const std::string& path, int64_t max_bytes) {
  // open/read straight into the string, not stdio: fopen's buffer costs a
  // malloc, an fstat and a copy per file, and ingest reads ~185K files per
  // GB of news on one thread.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(fmt::format("cannot read: {}", std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  std::string out;
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::IoError("is a directory");
    if (st.st_size > max_bytes) {
      return Status::BadInput(fmt::format("{} bytes is more than the {} MB limit for one article", st.st_size,
                                          max_bytes >> 20));
    }
    // One byte more than the size, so the read that finds the end needs no
    // room of its own.
    out.resize(static_cast<size_t>(st.st_size) + 1);
  }
  size_t len = 0;
  for (;;) {
    if (len == out.size()) out.resize(std::max<size_t>(out.size() * 2, 1 << 16));
    const ssize_t n = ::read(fd, out.data() + len, out.size() - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(fmt::format("read error at byte {}: {}", len, std::strerror(errno)));
    }
    if (n == 0) break;
    len += static_cast<size_t>(n);
    if (static_cast<int64_t>(len) > max_bytes) {
      return Status::BadInput(fmt::format("more than the {} MB limit for one article", max_bytes >> 20));
    }
  }
  out.resize(len);
  return out;
}

namespace {

Result<JsonlArticle> ParseLine(std::string_view line, bool check_text_utf8) {
  // Only these members are kept; the text, the bulk of the line, is decoded
  // once, into the Value it is then moved out of.
  static constexpr std::string_view kNames[] = {"text", "id", "title", "date", "url"};
  json::Value found[std::size(kNames)];
  Result<bool> object = json::ParseMembers(line, kNames, found, check_text_utf8 ? 0 : 1);  // bit 0: "text"
  if (!object.ok()) return object.status();
  if (!*object) return Status::BadInput("not a JSON object at byte 0");
  if (found[0].type != json::Value::Type::kString) return Status::BadInput("no \"text\" string at byte 0");
  // ids may be numbers in some dumps: their text is kept, as for strings.
  auto text = [](json::Value& v) {
    bool has_text = v.type == json::Value::Type::kString || v.type == json::Value::Type::kNumber;
    return has_text ? std::move(v.text) : std::string();
  };
  JsonlArticle a;
  a.text = std::move(found[0].text);
  a.id = text(found[1]);
  a.title = text(found[2]);
  a.date = text(found[3]);
  a.url = text(found[4]);
  return a;
}

}  // namespace

Result<JsonlArticle> ParseJsonlLine(std::string_view line) { return ParseLine(line, true); }

Result<JsonlArticle> ParseJsonlLineTextUnchecked(std::string_view line) { return ParseLine(line, false); }

JsonlReader::~JsonlReader() { std::free(buffer_); }

bool JsonlReader::Next(std::string* line) {
  std::string_view view;
  if (!Next(&view)) return false;
  line->assign(view);
  return true;
}

bool JsonlReader::Next(std::string_view* line) {
  for (;;) {
    ssize_t n = ::getline(&buffer_, &capacity_, file_);
    if (n < 0) return false;
    line_offset_ = next_offset_;
    next_offset_ += n;
    ++line_number_;
    std::string_view l(buffer_, static_cast<size_t>(n));
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
    if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
    *line = l;
    return true;
  }
}

bool JsonlReader::error() const { return std::ferror(file_) != 0; }

}  // namespace claims::ingest
