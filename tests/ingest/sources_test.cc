#include "ingest/sources.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/temp_dir.h"

namespace claims::ingest {
namespace {

TEST_CASE("NormalizePath gives the store one spelling per file", "[ingest]") {
  struct { const char* in; const char* want; } cases[] = {
      {"corpus/", "corpus"}, {"./corpus//a/../b.txt", "corpus/b.txt"}, {".", "."}, {"./", "."},
      {"-", "-"}, {"/abs/x.md", "/abs/x.md"}, {"a/./b", "a/b"},
  };
  for (const auto& c : cases) CHECK(NormalizePath(c.in) == c.want);
}

TEST_CASE("globs match file names", "[ingest]") {
  std::vector<std::string> defaults(DefaultGlobs().begin(), DefaultGlobs().end());
  CHECK(MatchesGlobs("a.txt", defaults));
  CHECK(MatchesGlobs("新闻.md", defaults));
  CHECK_FALSE(MatchesGlobs("a.txt.bak", defaults));
  CHECK_FALSE(MatchesGlobs("a.jsonl", defaults));
  CHECK(MatchesGlobs("2024-01.html", std::vector<std::string>{"*.html", "*.htm"}));
}

TEST_CASE("ExpandInputs walks directories, skips hidden entries, sorts and dedupes", "[ingest]") {
  testing::TempDir dir;
  dir.Write("corpus/b.txt", "b");
  dir.Write("corpus/sub/a.md", "a");
  dir.Write("corpus/sub/skip.html", "x");
  dir.Write("corpus/.git/c.txt", "hidden");
  dir.Write("corpus/.draft.txt", "hidden");
  dir.Write("stream.jsonl", "{}");
  std::vector<Problem> problems;
  std::vector<std::string> globs(DefaultGlobs().begin(), DefaultGlobs().end());
  std::vector<std::string> inputs = {dir / "corpus", dir / "corpus/b.txt", dir / "corpus/sub/skip.html",
                                     dir / "stream.jsonl", "-", dir / "missing.txt"};
  std::vector<FileEntry> files = ExpandInputs(inputs, globs, [&](Problem p) { problems.push_back(p); });
  std::vector<std::string> got;
  for (const FileEntry& f : files) {
    std::string p = f.path == "-" ? "-" : f.path.substr(dir.path().size() + 1);
    got.push_back(p + (f.jsonl ? " jsonl" : "") + (f.size > 0 || f.path == "-" ? "" : " empty?"));
  }
  CHECK(got == std::vector<std::string>{"corpus/b.txt", "corpus/sub/a.md", "corpus/sub/skip.html",
                                        "stream.jsonl jsonl", "- jsonl"});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == dir / "missing.txt");
  CHECK(problems[0].reason.find("No such file") != std::string::npos);
  CHECK(files[0].mtime_ns > 0);
}

TEST_CASE("ExpandInputs spells walked paths as NormalizePath would", "[ingest]") {
  // The walk joins names to the normalized root instead of normalizing each
  // path; however a directory is spelled, its files get one spelling.
  testing::TempDir dir;
  dir.Write("corpus/sub/a.txt", "a");
  std::vector<std::string> globs(DefaultGlobs().begin(), DefaultGlobs().end());
  auto only_path = [&](const std::string& input) {
    std::vector<FileEntry> files = ExpandInputs(std::vector<std::string>{input}, globs, [](Problem) {});
    return files.size() == 1 ? files[0].path : "(" + std::to_string(files.size()) + " files)";
  };
  const std::string want = NormalizePath(dir / "corpus/sub/a.txt");
  for (const std::string& spelled : {dir / "corpus", dir / "corpus/", dir / "./corpus//", dir / "corpus/sub/.."}) {
    INFO(spelled);
    CHECK(only_path(spelled) == want);
  }
  // Relative roots, "." among them, from inside the directory.
  const std::filesystem::path cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir / "corpus");
  struct { const char* in; const char* want; } relative[] = {
      {".", "sub/a.txt"}, {"./", "sub/a.txt"}, {"sub", "sub/a.txt"}, {"./sub/", "sub/a.txt"},
      {"sub/..", "sub/a.txt"}, {"../corpus", "../corpus/sub/a.txt"},
  };
  for (const auto& c : relative) {
    INFO(c.in);
    CHECK(only_path(c.in) == c.want);
  }
  std::filesystem::current_path(cwd);
}

TEST_CASE("ParseJsonlLine reads articles and names the byte of a bad line", "[ingest]") {
  auto ok = ParseJsonlLine(R"({"id":"n1","title":"标题","date":"2024-03-19","url":"https://e.x/1","text":"正文\n第二行"})");
  REQUIRE(ok.ok());
  CHECK(ok->id == "n1");
  CHECK(ok->title == "标题");
  CHECK(ok->text == "正文\n第二行");
  auto numeric_id = ParseJsonlLine(R"({"id":42,"text":"x"})");
  REQUIRE(numeric_id.ok());
  CHECK(numeric_id->id == "42");

  struct { const char* line; const char* error; } bad[] = {
      {R"({"id":"x"})", "no \"text\" string at byte 0"},
      {R"({"text":5})", "no \"text\" string at byte 0"},
      {R"(["text"])", "not a JSON object at byte 0"},
      {R"({"text" "x"})", "at byte 8"},
  };
  for (const auto& b : bad) {
    INFO(b.line);
    auto r = ParseJsonlLine(b.line);
    REQUIRE(!r.ok());
    CHECK(r.status().code() == Status::Code::kBadInput);
    CHECK(r.status().message().find(b.error) != std::string::npos);
  }
}

TEST_CASE("ParseJsonlLineTextUnchecked leaves the text's UTF-8 to Analyze", "[ingest]") {
  std::string line = "{\"id\":\"n1\",\"text\":\"营收\xff\"}";
  auto unchecked = ParseJsonlLineTextUnchecked(line);
  REQUIRE(unchecked.ok());
  CHECK(unchecked->text == "营收\xff");
  auto checked = ParseJsonlLine(line);
  REQUIRE(!checked.ok());
  CHECK(checked.status().message() == "invalid UTF-8 at byte 25");
  CHECK(!ParseJsonlLineTextUnchecked("{\"id\":\"\xff\",\"text\":\"x\"}").ok());  // other members are checked
}

TEST_CASE("JsonlReader yields non-blank lines with their number and offset", "[ingest]") {
  std::string data = "{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}\r\n{\"text\":\"c\"}";
  std::FILE* f = ::fmemopen(data.data(), data.size(), "r");
  REQUIRE(f != nullptr);
  JsonlReader reader(f);
  std::string line;
  std::vector<std::string> got;
  while (reader.Next(&line)) got.push_back(std::to_string(reader.line_number()) + "@" +
                                           std::to_string(reader.line_offset()) + " " + line);
  std::fclose(f);
  CHECK(got == std::vector<std::string>{"1@0 {\"text\":\"a\"}", "4@18 {\"text\":\"b\"}", "5@32 {\"text\":\"c\"}"});
}

TEST_CASE("ReadWholeFile reads bytes exactly and refuses oversized files", "[ingest]") {
  testing::TempDir dir;
  std::string bytes("a\0b\xff\r\n", 6);
  std::string path = dir.Write("x.txt", bytes);
  auto r = ReadWholeFile(path, 1 << 20);
  REQUIRE(r.ok());
  CHECK(*r == bytes);
  auto big = ReadWholeFile(path, 5);
  CHECK(big.status().code() == Status::Code::kBadInput);
  auto missing = ReadWholeFile(dir / "nope.txt", 1 << 20);
  CHECK(missing.status().code() == Status::Code::kIoError);
  auto directory = ReadWholeFile(dir.path(), 1 << 20);
  CHECK(!directory.ok());
  // Sizes around the read's buffer: empty, and larger than its first growth.
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{200001}}) {
    INFO(size);
    std::string text(size, 'x');
    for (size_t i = 0; i < size; i += 997) text[i] = static_cast<char>('a' + i % 26);
    auto got = ReadWholeFile(dir.Write("s.txt", text), 1 << 20);
    REQUIRE(got.ok());
    CHECK(*got == text);
    if (size > 0) {
      CHECK(ReadWholeFile(dir / "s.txt", static_cast<int64_t>(size) - 1).status().code() == Status::Code::kBadInput);
    }
  }
}

}  // namespace
}  // namespace claims::ingest
