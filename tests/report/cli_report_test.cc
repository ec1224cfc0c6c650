// `claims report` and `claims baseline` through the CLI library, on a store in
// a temporary directory filled with the hand-made sample (no ingest needed).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "sample_report.h"
#include "store/store.h"

namespace claims::report {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path dir;
  TempDir() {
    dir = fs::temp_directory_path() / fs::path("claims-report-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<uintptr_t>(this) & 0xffff));
    fs::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Run {
  int code;
  std::string out, err;
};

Run RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "claims");
  cli::Env env;
  env.out = std::tmpfile();
  env.err = std::tmpfile();
  env.getenv = [](const char*) { return std::string(); };
  Run r{cli::Main(args, env), "", ""};
  for (auto [f, s] : {std::pair{env.out, &r.out}, std::pair{env.err, &r.err}}) {
    std::rewind(f);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s->append(buf, n);
    std::fclose(f);
  }
  return r;
}

// Writes the sample's articles under `dir` (article C is left out on purpose:
// its view falls back to sentences) and stores them with the sample findings.
std::string MakeStore(const fs::path& dir, testing::Sample* s) {
  std::string db = (dir / "claims.db").string();
  auto store = store::Store::Open(db);
  REQUIRE(store.ok());
  std::map<std::string, std::string> renamed;
  for (ArticleView& a : s->articles) {
    std::string path = (dir / fs::path(a.path).filename()).string();
    renamed[a.path] = path;
    if (a.has_text) std::ofstream(path, std::ios::binary) << a.text;
    store::ArticleRecord rec;
    rec.article.path = path;
    rec.article.hash = "hash-" + std::to_string(renamed.size());
    for (StoredClaim& c : a.claims) {
      c.path = path;
      rec.claims.push_back(c.claim);
    }
    a.path = path;
    REQUIRE((*store)->SaveArticle(rec).ok());
  }
  for (Finding& f : s->findings) {
    for (StoredClaim& c : f.claims) c.path = renamed[c.path];
  }
  REQUIRE((*store)->SaveFindings(s->findings, s->summary).ok());
  return db;
}

TEST_CASE("claims report writes the HTML report from the store", "[report]") {
  TempDir tmp;
  testing::Sample s = testing::MakeSample();
  std::string db = MakeStore(tmp.dir, &s);
  std::string html_path = (tmp.dir / "report.html").string();
  Run r = RunCli({"report", "--db", db, "-o", html_path});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string html = ReadFile(html_path);
  size_t cards = 0;
  for (size_t p = html.find("<article class=\"finding"); p != std::string::npos;
       p = html.find("<article class=\"finding", p + 1)) {
    ++cards;
  }
  CHECK(cards == 3);
  // Article A's file was read: the full text with every claim marked.
  CHECK(html.find("title=\"1200000000 CNY\">12亿元</mark>") != std::string::npos);
  CHECK(html.find("<div class=\"text\">") != std::string::npos);
  CHECK(html.find("未能读取全文") != std::string::npos);  // C has no file

  Run md = RunCli({"report", "--db", db, "--format", "md", "--lang", "en"});
  CHECK(md.code == 0);
  CHECK(md.out.rfind("# Numeric consistency report", 0) == 0);
}

TEST_CASE("claims report refuses bad options and a missing store", "[report]") {
  TempDir tmp;
  CHECK(RunCli({"report", "--lang", "fr"}).code == 2);
  CHECK(RunCli({"report", "--format", "pdf"}).code == 2);
  Run missing = RunCli({"report", "--db", (tmp.dir / "nope.db").string()});
  CHECK(missing.code == 3);
  CHECK_FALSE(fs::exists(tmp.dir / "nope.db"));
}

TEST_CASE("claims baseline writes sorted fingerprints and prunes", "[report]") {
  TempDir tmp;
  testing::Sample s = testing::MakeSample();
  std::string db = MakeStore(tmp.dir, &s);
  std::string file = (tmp.dir / "baseline.json").string();
  Run r = RunCli({"baseline", "--db", db, "-o", file});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string text = ReadFile(file);
  CHECK(text.find("\"version\":1") != std::string::npos);
  CHECK(text.find("0badc0ffee") < text.find("77777777"));
  CHECK(text.find("77777777") < text.find("f0a1b2c3"));

  // An entry that no longer occurs is dropped by --prune.
  std::string stale = text;
  stale.replace(stale.find("\n]}"), 3, ",\n{\"fingerprint\":\"ffff\",\"rule\":\"gone\",\"summary\":\"\"}\n]}");
  std::ofstream(file, std::ios::binary) << stale;
  Run p = RunCli({"baseline", "--db", db, "-o", file, "--prune"});
  REQUIRE(p.code == 0);
  CHECK(p.err.find("pruned 1 entries, kept 3") != std::string::npos);
  CHECK(ReadFile(file) == text);
}

}  // namespace
}  // namespace claims::report
