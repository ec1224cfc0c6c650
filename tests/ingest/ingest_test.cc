#include "ingest/ingest.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/pipeline.h"
#include "ingest/temp_dir.h"

namespace claims::ingest {
namespace {

// A stand-in for the Analyzer: every "<digits>%" is a claim, a 0xFF byte is
// invalid input, and each call is counted.
struct FakeAnalyzer {
  std::atomic<int> calls{0};
  AnalyzeFn Fn() {
    return [this](std::string_view bytes, const ArticleInput& in) -> Result<AnalyzedArticle> {
      ++calls;
      size_t bad = bytes.find('\xff');
      if (bad != std::string_view::npos) return Status::BadInput(fmt::format("invalid UTF-8 at byte {}", bad));
      AnalyzedArticle a;
      a.article.title = in.title;
      a.article.script = "Hans";
      uint32_t line = 1;
      for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n') ++line;
        if (bytes[i] < '0' || bytes[i] > '9' || (i > 0 && bytes[i - 1] >= '0' && bytes[i - 1] <= '9')) continue;
        size_t j = i;
        while (j < bytes.size() && bytes[j] >= '0' && bytes[j] <= '9') ++j;
        if (j >= bytes.size() || bytes[j] != '%') continue;
        Claim c;
        c.byte_start = static_cast<uint32_t>(i);
        c.byte_end = static_cast<uint32_t>(j + 1);
        c.line = line;
        c.surface = std::string(bytes.substr(i, j + 1 - i));
        c.value_lo = c.value_hi = *Decimal::Parse(std::string(bytes.substr(i, j - i)));
        c.precision = 1;
        c.unit = "%";
        c.dimension = "percent";
        a.claims.push_back(c);
      }
      return a;
    };
  }
};

struct Harness {
  testing::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(store::Store::Open(":memory:")).value();
  FakeAnalyzer fake;
  std::vector<Problem> problems;
  Progress last;  // the final progress report of the last run
  Options options;
  Harness() { options.jobs = 2; }

  Summary Ingest(std::vector<std::string> inputs) {
    Callbacks cb;
    cb.on_problem = [&](const Problem& p) { problems.push_back(p); };
    cb.on_progress = [&](const Progress& p) { last = p; };
    Result<Summary> s = Run(store.get(), inputs, options, fake.Fn(), cb);
    REQUIRE(s.ok());
    return *s;
  }
  // "rel/path: 5 % 7 %" per article, paths relative to the temp dir.
  std::vector<std::string> Contents() {
    std::vector<std::string> out;
    auto claims = store->LoadClaims(store::ClaimFilter());
    REQUIRE(claims.ok());
    auto paths = store->AllPaths();
    REQUIRE(paths.ok());
    for (const std::string& p : *paths) {
      std::string line = p.rfind(dir.path(), 0) == 0 ? p.substr(dir.path().size() + 1) : p;
      line += ":";
      for (const StoredClaim& c : *claims) if (c.path == p) line += " " + c.claim.surface;
      out.push_back(line);
    }
    return out;
  }
};

void SetMtime(const std::string& path, int seconds_later) {
  auto t = std::filesystem::last_write_time(path);
  std::filesystem::last_write_time(path, t + std::chrono::seconds(seconds_later));
}

TEST_CASE("ingest stores a directory and a second run changes nothing", "[ingest]") {
  Harness h;
  h.dir.Write("c/a.txt", "标题A\n增长5%，随后7%。\n");
  h.dir.Write("c/sub/b.md", "# 标题B\n下降12%\n");
  h.dir.Write("c/notes.html", "99%");
  Summary s = h.Ingest({h.dir / "c"});
  CHECK(s.articles == 2);
  CHECK(s.claims == 3);
  CHECK(s.failed == 0);
  CHECK(h.Contents() == std::vector<std::string>{"c/a.txt: 5% 7%", "c/sub/b.md: 12%"});
  CHECK(h.store->FindArticleByPath(h.dir / "c/sub/b.md")->article.title == "标题B");
  CHECK(h.fake.calls == 2);
  CHECK(h.last.files_total == 2);
  CHECK(h.last.files_done == 2);
  CHECK(h.last.bytes_done == h.last.bytes_total);
  CHECK(h.last.claims == 3);
  CHECK(h.last.articles == 2);

  Summary again = h.Ingest({h.dir / "c"});
  CHECK(again.articles == 0);
  CHECK(again.unchanged == 2);
  CHECK(h.fake.calls == 2);  // skipped by size and mtime: not even read
  CHECK(h.Contents() == std::vector<std::string>{"c/a.txt: 5% 7%", "c/sub/b.md: 12%"});
}

TEST_CASE("an edited file is replaced; a touched one is recognised by its hash", "[ingest]") {
  Harness h;
  std::string a = h.dir.Write("a.txt", "一\n1%\n");
  h.dir.Write("b.txt", "二\n2%\n");
  h.Ingest({h.dir.path()});
  REQUIRE(h.fake.calls == 2);

  h.dir.Write("a.txt", "一\n10% 11%\n");
  SetMtime(a, 5);
  SetMtime(h.dir / "b.txt", 5);  // same bytes, new mtime
  Summary s = h.Ingest({h.dir.path()});
  CHECK(s.articles == 1);
  CHECK(s.unchanged == 1);
  CHECK(h.fake.calls == 3);
  CHECK(h.Contents() == std::vector<std::string>{"a.txt: 10% 11%", "b.txt: 2%"});
  CHECK(h.last.files_done == 2);
  CHECK(h.last.unchanged == 1);

  // The touch recorded b's new mtime: the next run skips it without hashing.
  Summary third = h.Ingest({h.dir.path()});
  CHECK(third.unchanged == 2);
  CHECK(h.fake.calls == 3);
}

TEST_CASE("bad inputs are reported and skipped; the rest is ingested", "[ingest]") {
  Harness h;
  h.dir.Write("good.txt", "好\n3%\n");
  h.dir.Write("bad.txt", std::string("坏\n4%\xff\n"));
  Summary s = h.Ingest({h.dir.path(), h.dir / "missing.md"});
  CHECK(s.articles == 1);
  CHECK(s.failed == 2);
  CHECK(h.Contents() == std::vector<std::string>{"good.txt: 3%"});
  REQUIRE(h.problems.size() == 2);
  std::vector<std::string> got;
  for (const Problem& p : h.problems) got.push_back(p.path.substr(h.dir.path().size() + 1) + ": " + p.reason);
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::string>{"bad.txt: invalid UTF-8 at byte 6", "missing.md: No such file or directory"});
  for (const Problem& p : h.problems) CHECK(p.offset == (p.path == h.dir / "bad.txt" ? 6 : -1));
}

TEST_CASE("JSONL streams: ids, metadata, bad lines with their byte offset", "[ingest]") {
  Harness h;
  std::string jsonl =
      "{\"id\":\"n1\",\"title\":\"流标题\",\"date\":\"2024-03-19\",\"url\":\"https://e.x/1\",\"text\":\"正文6%\"}\n"
      "{\"id\":\"n2\",\"text\":\"broken\" \"x\"}\n"
      "{\"text\":\"没有id 8%\"}\n"
      "{\"id\":\"n1\",\"text\":\"重复的id 9%\"}\n";
  std::FILE* in = ::fmemopen(jsonl.data(), jsonl.size(), "r");
  REQUIRE(in != nullptr);
  h.options.stdin_file = in;
  Summary s = h.Ingest({"-"});
  std::fclose(in);
  CHECK(s.articles == 2);
  CHECK(s.failed == 2);
  CHECK(h.Contents() == std::vector<std::string>{"n1: 6%", "stdin:3: 8%"});
  auto n1 = h.store->FindArticleByPath("n1");
  CHECK(n1->article.title == "流标题");
  CHECK(n1->article.date == "2024-03-19");
  CHECK(n1->article.date_source == "jsonl");
  CHECK(n1->article.url == "https://e.x/1");
  REQUIRE(h.problems.size() == 2);
  CHECK(h.problems[1].reason == "line 4: id \"n1\" appeared earlier in the stream; the first is kept");
  CHECK(h.problems[0].path == "stdin");
  CHECK(h.problems[0].reason.rfind("line 2: ", 0) == 0);
  size_t line2 = jsonl.find('\n') + 1;
  CHECK(h.problems[0].offset == static_cast<int64_t>(line2 + jsonl.substr(line2).find(" \"x\"") + 1));
  CHECK(h.problems[1].offset == static_cast<int64_t>(jsonl.rfind("{\"id\":\"n1\"")));
}

// Two tasks with one store key would race through the workers, and whichever
// finished last would be stored: the reader lets the first one through.
TEST_CASE("a key used twice in one ingest keeps the first, across streams and files too", "[ingest]") {
  Harness h;
  h.dir.Write("a.jsonl", "{\"id\":\"n1\",\"text\":\"甲 1%\"}\n{\"id\":\"n2\",\"text\":\"乙 2%\"}\n");
  h.dir.Write("b.jsonl", fmt::format("{{\"id\":\"n1\",\"text\":\"丙 3%\"}}\n{{\"id\":\"{}\",\"text\":\"丁 4%\"}}\n",
                                     h.dir / "f.txt"));
  h.dir.Write("f.txt", "戊 5%");
  for (int run = 0; run < 2; ++run) {
    h.problems.clear();
    Summary s = h.Ingest({h.dir / "b.jsonl", h.dir / "f.txt", h.dir / "a.jsonl"});
    CHECK(s.articles == (run == 0 ? 3 : 0));
    CHECK(s.unchanged == (run == 0 ? 0 : 3));
    CHECK(s.failed == 2);
    CHECK(h.Contents() == std::vector<std::string>{"f.txt: 5%", "n1: 1%", "n2: 2%"});
    REQUIRE(h.problems.size() == 2);
    CHECK(h.problems[0].path == h.dir / "b.jsonl");
    CHECK(h.problems[0].reason == fmt::format("line 1: id \"n1\" appeared earlier in {}; the first is kept",
                                              h.dir / "a.jsonl"));
    CHECK(h.problems[1].reason ==
          fmt::format("line 2: id \"{}\" names a file of this ingest; the file is kept", h.dir / "f.txt"));
  }
}

TEST_CASE("identical content is stored once, under the smallest existing path", "[ingest]") {
  Harness h;
  h.options.max_batch_articles = 1;  // the copies land in different batches
  h.dir.Write("b.txt", "同\n5%\n");
  h.dir.Write("c.txt", "同\n5%\n");
  h.dir.Write("a.txt", "另\n1%\n");
  Summary s = h.Ingest({h.dir.path()});
  CHECK(s.duplicates == 1);
  CHECK(h.Contents() == std::vector<std::string>{"a.txt: 1%", "b.txt: 5%"});
  h.Ingest({h.dir.path()});
  CHECK(h.Contents() == std::vector<std::string>{"a.txt: 1%", "b.txt: 5%"});

  // A copy that sorts first takes over; a moved file keeps one row.
  h.dir.Write("0.txt", "同\n5%\n");
  h.Ingest({h.dir.path()});
  CHECK(h.Contents() == std::vector<std::string>{"0.txt: 5%", "a.txt: 1%"});
  std::filesystem::rename(h.dir / "a.txt", h.dir / "z.txt");
  h.Ingest({h.dir.path()});
  CHECK(h.Contents() == std::vector<std::string>{"0.txt: 5%", "z.txt: 1%"});
}

TEST_CASE("prune: forgets vanished files under the input directories only", "[ingest]") {
  Harness h;
  h.dir.Write("d/a.txt", "1%");
  h.dir.Write("d/b.txt", "2%");
  h.dir.Write("e/c.txt", "3%");
  h.Ingest({h.dir / "d", h.dir / "e"});
  std::filesystem::remove(h.dir / "d/a.txt");
  std::filesystem::remove(h.dir / "e/c.txt");
  h.Ingest({h.dir / "d"});
  CHECK(h.Contents() == std::vector<std::string>{"d/a.txt: 1%", "d/b.txt: 2%", "e/c.txt: 3%"});
  h.options.prune = true;
  Summary s = h.Ingest({h.dir / "d"});
  CHECK(s.pruned == 1);
  CHECK(h.Contents() == std::vector<std::string>{"d/b.txt: 2%", "e/c.txt: 3%"});
}

TEST_CASE("a tiny memory budget and many threads give the same store", "[ingest]") {
  Harness h;
  for (int i = 0; i < 40; ++i) h.dir.Write(fmt::format("f{:02}.txt", i), fmt::format("第{}篇\n{}% {}%\n", i, i, i + 1));
  h.options.jobs = 4;
  h.options.max_inflight_bytes = 16;  // smaller than any article: one at a time
  h.options.max_batch_articles = 3;
  Summary s = h.Ingest({h.dir.path()});
  CHECK(s.articles == 40);
  CHECK(s.claims == 80);
  CHECK(h.Contents().size() == 40);
  CHECK(h.Contents()[39] == "f39.txt: 39% 40%");
}

TEST_CASE("the reader's reservation follows the run's own claim density", "[ingest]") {
  using internal::ExpectedExpansion;
  const int64_t mb = int64_t{1} << 20;
  CHECK(ExpectedExpansion(0, 0) == 16);                 // nothing seen yet: as dense as it gets
  CHECK(ExpectedExpansion(mb - 1, 3 * (mb - 1)) == 16);  // too little to go by
  CHECK(ExpectedExpansion(10 * mb, 25 * mb) == Approx(3.125));  // news text: 2.5x, plus a quarter
  CHECK(ExpectedExpansion(2 * mb, 40 * mb) == 16);       // claim-dense text: capped
  CHECK(ExpectedExpansion(4 * mb, 0) == 1);              // no claims at all: the bytes at least
}

TEST_CASE("the byte budget lets a waiting reader go on only below its low-water mark", "[ingest]") {
  // Limit 100: the low-water mark is 75.
  struct { int64_t used, n; bool waited, may; } cases[] = {
      {0, 500, false, true},   // nothing held: any size goes, alone
      {0, 500, true, true},
      {60, 40, false, true},   // fits
      {60, 41, false, false},  // does not fit
      {80, 20, false, true},   // fits, never waited
      {80, 20, true, false},   // fits, but a waiter holds on until 75
      {75, 20, true, true},
      {75, 26, true, false},   // below the mark yet too large
      {10, 95, true, false},
  };
  for (const auto& c : cases) {
    INFO(c.used << " + " << c.n << (c.waited ? " after waiting" : ""));
    CHECK(ByteBudget::MayTake(c.used, c.n, 100, c.waited) == c.may);
  }
}

TEST_CASE("a newer extractor version re-extracts unchanged files", "[ingest]") {
  Harness h;
  h.dir.Write("a.txt", "1%");
  h.Ingest({h.dir.path()});
  h.options.extractor_version += 1;
  Summary s = h.Ingest({h.dir.path()});
  CHECK(s.articles == 1);
  CHECK(h.fake.calls == 2);
  CHECK(h.store->FindArticleByPath(h.dir / "a.txt")->extractor_version == h.options.extractor_version);
}

TEST_CASE("glob: replaces the default patterns", "[ingest]") {
  Harness h;
  h.dir.Write("a.txt", "1%");
  h.dir.Write("b.html", "2%");
  h.options.globs = {"*.html"};
  h.Ingest({h.dir.path()});
  CHECK(h.Contents() == std::vector<std::string>{"b.html: 2%"});
}

// A file store is looked up through a second, read-only connection while the
// writer's transaction is open; it must see what earlier runs committed.
TEST_CASE("a file store: unchanged, edited and new files across runs", "[ingest]") {
  testing::TempDir dir;
  for (int i = 0; i < 30; ++i) dir.Write(fmt::format("c/{:02}.txt", i), fmt::format("第{}篇 {}%", i, i));
  const std::string db = dir / "claims.db";
  FakeAnalyzer fake;
  Options options;
  options.max_batch_articles = 4;
  std::vector<std::string> inputs = {dir / "c"};
  auto run = [&] {
    auto store = store::Store::Open(db);
    REQUIRE(store.ok());
    Result<Summary> s = Run(store->get(), inputs, options, fake.Fn(), Callbacks());
    REQUIRE(s.ok());
    return *s;
  };
  CHECK(run().articles == 30);
  dir.Write("c/05.txt", "第5篇 改了 55%");
  SetMtime(dir / "c/05.txt", 5);
  SetMtime(dir / "c/06.txt", 5);  // touched, same bytes
  dir.Write("c/30.txt", "新的 30%");
  Summary s = run();
  CHECK(s.articles == 2);
  CHECK(s.unchanged == 29);
  CHECK(fake.calls == 32);
  Summary again = run();
  CHECK(again.articles == 0);
  CHECK(again.unchanged == 31);
  CHECK(fake.calls == 32);
  auto store = store::Store::Open(db);
  REQUIRE(store.ok());
  auto claims = (*store)->LoadClaims(store::ClaimFilter{{dir / "c/05.txt"}});
  REQUIRE(claims.ok());
  REQUIRE(claims->size() == 1);
  CHECK((*claims)[0].claim.surface == "55%");
  CHECK((*store)->Stats()->claims == 31);
}

TEST_CASE("a store that refuses writes stops the run with its error, without hanging", "[ingest]") {
  testing::TempDir dir;
  for (int i = 0; i < 30; ++i) dir.Write(fmt::format("c/{}.txt", i), fmt::format("{}%", i));
  const std::string db = dir / "claims.db";
  REQUIRE(store::Store::Open(db).ok());
  store::OpenOptions ro;
  ro.read_only = true;
  auto store = store::Store::Open(db, ro);
  REQUIRE(store.ok());
  FakeAnalyzer fake;
  Options options;
  options.jobs = 3;
  options.max_batch_articles = 2;
  options.max_inflight_bytes = 8;
  std::vector<std::string> inputs = {dir / "c"};
  Result<Summary> s = Run(store->get(), inputs, options, fake.Fn(), Callbacks());
  REQUIRE(!s.ok());
  CHECK(s.status().code() == Status::Code::kStoreError);
  CHECK(s.status().message().find("read-only") != std::string::npos);
  CHECK((*store)->Stats()->articles == 0);
}

}  // namespace
}  // namespace claims::ingest
