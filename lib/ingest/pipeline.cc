// The ingest pipeline: one reader (the caller's thread), N extraction
// workers, one writer.
//
//   reader ──Task──▶ workers (hash, analyze) ──Done──▶ writer (batched transactions)
//
// The reader skips files whose size and mtime match the store (looked up on
// its own read-only connection, so it never waits for the writer), reads the
// rest and waits on a ByteBudget, so memory holds at most max_inflight_bytes
// of articles and their claims (or one article larger than that). Workers
// skip articles whose content hash matches the store. The writer owns every store write and
// commits a batch when it is full, when it holds half the budget, or when
// nothing has arrived for a moment; a kill -9 therefore loses at most the
// open batch, and the next run redoes exactly those articles.
//
// Identical content under several paths is stored once, under the smallest
// path that still exists, whatever order the threads finish in.
#include "ingest/pipeline.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#ifdef __linux__
#include <pthread.h>
#endif

#include "ingest/channel.h"
#include "ingest/metadata.h"
#include "ingest/sha1.h"

namespace claims::ingest::internal {
namespace {

// The budget bounds what is in memory from read to commit: an article's
// bytes, then its claims and mentions. The reader reserves the expected
// amount, so a writer that falls behind stops the reader before memory
// grows; the worker corrects it to the real size (RecordBytes) after
// analysis. Claim-dense text takes about 16 times its bytes (a 624-byte
// Claim and its strings per ~60 bytes of text), news text at its usual
// density 2.5 times (bench corpora, gen_corpus.py --figures 1 and 0.15):
// Pipeline::ReserveFor starts at kMaxExpansion and then follows what the
// run's articles have taken.
constexpr double kMaxExpansion = 16;
constexpr int64_t kLearnAfterBytes = int64_t{1} << 20;

int64_t HeapBytes(const std::string& s) { return s.capacity() > 15 ? static_cast<int64_t>(s.capacity()) + 1 : 0; }

int64_t RecordBytes(const store::ArticleRecord& r) {
  int64_t n = static_cast<int64_t>(sizeof r + r.claims.capacity() * sizeof(Claim) +
                                   r.mentions.capacity() * sizeof(Mention));
  for (const Claim& c : r.claims) {
    for (const std::string* s : {&c.surface, &c.unit, &c.dimension, &c.counted, &c.entity, &c.metric,
                                 &c.metric_word, &c.period, &c.scope, &c.base, &c.base_entity, &c.sentence}) {
      n += HeapBytes(*s);
    }
  }
  for (const Mention& m : r.mentions) n += HeapBytes(m.surface) + HeapBytes(m.value) + HeapBytes(m.sentence);
  return n;
}

// Names a pipeline thread ("claims-work", at most 15 bytes on Linux), so
// that perf, top -H and gdb split the run's CPU between reader, workers and
// writer.
void NameThread(std::thread& t, const char* name) {
#ifdef __linux__
  pthread_setname_np(t.native_handle(), name);
#else
  (void)t;
  (void)name;
#endif
}

// Errors from the JSON reader and the analyzer end in "at byte N"; -1 if not.
int64_t ByteOffsetIn(const std::string& message) {
  size_t at = message.rfind(" at byte ");
  if (at == std::string::npos) return -1;
  return std::atoll(message.c_str() + at + 9);
}

}  // namespace

double ExpectedExpansion(int64_t analyzed_bytes, int64_t record_bytes) {
  // A quarter above the run's average so far, for articles denser than it.
  // Reserving 16 times for news text let the reader hold only a fifth of
  // the text the budget allows, so the workers could run dry while the
  // writer committed a batch.
  if (analyzed_bytes < kLearnAfterBytes) return kMaxExpansion;
  const double ratio = static_cast<double>(record_bytes) / static_cast<double>(analyzed_bytes);
  return std::clamp(1.25 * ratio, 1.0, kMaxExpansion);
}

int64_t Pipeline::ReserveFor(int64_t bytes) const {
  const double expansion = ExpectedExpansion(analyzed_bytes_.load(std::memory_order_relaxed),
                                             record_bytes_.load(std::memory_order_relaxed));
  return static_cast<int64_t>(static_cast<double>(bytes + 1) * (1 + expansion));
}

Result<Summary> Pipeline::Run(std::span<const std::string> inputs) {
  std::vector<std::string> globs = options_.globs;
  if (globs.empty()) {
    for (std::string_view g : DefaultGlobs()) globs.emplace_back(g);
  }
  std::vector<FileEntry> files = ExpandInputs(inputs, globs, [&](Problem p) { Report(std::move(p)); });
  for (const FileEntry& f : files) {
    progress_.files_total += 1;
    progress_.bytes_total += f.size;
    if (!f.jsonl) file_path_hashes_.push_back(std::hash<std::string>()(f.path));
  }
  std::sort(file_path_hashes_.begin(), file_path_hashes_.end());
  {
    // A large load, or a first one, is faster without the checker's indexes.
    std::lock_guard<std::mutex> lock(store_mu_);
    bool empty = true;
    Status s = store_->ForEachArticle([&](const store::ArticleRecord&) { return empty = false; });
    if (!s.ok()) return s;
    store_was_empty_ = empty;
    bulk_ = empty || files.size() >= 1000;
  }
  if (!store_was_empty_ && store_->path() != ":memory:") {
    store::OpenOptions ro;
    ro.read_only = true;
    ro.create = false;
    Result<std::unique_ptr<store::Store>> lookup = store::Store::Open(store_->path(), ro);
    if (lookup.ok()) lookup_store_ = std::move(lookup).value();  // else: share store_ under the lock
  }
  int jobs = options_.jobs > 0 ? options_.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([this] { Work(); });
    NameThread(workers.back(), "claims-work");
  }
  std::thread writer([this] { Write(); });
  NameThread(writer, "claims-write");
  Read(&files);
  tasks_.Close();
  for (std::thread& t : workers) t.join();
  done_.Close();
  writer.join();
  if (!fatal_.ok()) return fatal_;
  if (indexes_dropped_) {
    Status s = store_->EnsureIndexes();
    if (!s.ok()) return s;
  }
  if (options_.prune) {
    Status s = Prune(inputs);
    if (!s.ok()) return s;
  }
  return summary_;
}

void Pipeline::Read(std::vector<FileEntry>* files) {
  for (FileEntry& e : *files) {
    if (aborted_) return;
    bool go_on = true;
    if (e.jsonl) {
      ReadJsonl(e);
    } else {
      go_on = ReadFile(e);
    }
    // Done with the entry: its path's memory goes back now rather than at
    // the end of the run, so a long list does not add to the peak.
    std::string().swap(e.path);
    if (!go_on) return;
  }
}

bool Pipeline::ReadFile(const FileEntry& e) {
  Result<store::ArticleRecord> stored = LookUp(e.path);
  if (!stored.ok()) { Fail(stored.status()); return false; }
  const bool current = !stored->article.hash.empty() && stored->extractor_version >= options_.extractor_version;
  if (current && stored->size == e.size && stored->mtime_ns == e.mtime_ns) {
    Account([&] { ++summary_.unchanged; ++progress_.unchanged; ++progress_.files_done; progress_.bytes_done += e.size; });
    return true;
  }
  Result<std::string> bytes = ReadWholeFile(e.path, options_.max_article_bytes);
  if (!bytes.ok()) {
    Report({e.path, bytes.status().message(), -1});
    Account([&] { ++progress_.files_done; progress_.bytes_done += e.size; });
    return true;
  }
  Task t;
  t.path = e.path;
  t.size = e.size;
  t.mtime_ns = e.mtime_ns;
  t.bytes = std::move(bytes).value();
  t.stored_hash = current ? stored->article.hash : "";
  t.budget = ReserveFor(static_cast<int64_t>(t.bytes.size()));
  if (!budget_.Acquire(t.budget)) return false;
  tasks_.Push(std::move(t));
  return true;
}

Result<store::ArticleRecord> Pipeline::LookUp(const std::string& path) {
  // A first load has nothing to look up. (Another ingest filling the store
  // meanwhile only costs re-analysis: saves replace by path and hash.)
  if (store_was_empty_) return store::ArticleRecord();
  if (lookup_store_ != nullptr) return lookup_store_->FindArticleByPath(path);
  std::lock_guard<std::mutex> lock(store_mu_);
  return store_->FindArticleByPath(path);
}

void Pipeline::ReadJsonl(const FileEntry& e) {
  const bool is_stdin = e.path == "-";
  const std::string name = is_stdin ? "stdin" : e.path;
  std::FILE* f = is_stdin ? options_.stdin_file : std::fopen(e.path.c_str(), "rb");
  if (f == nullptr) {
    Report({name, fmt::format("cannot read: {}", std::strerror(errno)), -1});
    return;
  }
  const int stream = static_cast<int>(stream_names_.size());
  stream_names_.push_back(name);
  JsonlReader reader(f);
  std::string line;
  while (!aborted_ && reader.Next(&line)) {
    const int64_t line_bytes = static_cast<int64_t>(line.size()) + 1;
    Result<JsonlArticle> a = ParseJsonlLine(line);
    if (!a.ok()) {
      // The parser names an offset within the line; report it within the file.
      std::string msg = a.status().message();
      int64_t offset = ByteOffsetIn(msg);
      if (offset >= 0) {
        offset += reader.line_offset();
        msg.erase(msg.rfind(" at byte "));
      }
      Report({name, fmt::format("line {}: {}", reader.line_number(), msg), offset});
      Account([&] { progress_.bytes_done += line_bytes; });
      continue;
    }
    Task t;
    t.path = a->id.empty() ? fmt::format("{}:{}", name, reader.line_number()) : a->id;
    t.is_file = false;
    if (std::string why = ClaimJsonlKey(t.path, stream); !why.empty()) {
      Report({name, fmt::format("line {}: id \"{}\" {}", reader.line_number(), t.path, why), reader.line_offset()});
      Account([&] { progress_.bytes_done += line_bytes; });
      continue;
    }
    Result<store::ArticleRecord> stored = LookUp(t.path);
    if (!stored.ok()) { Fail(stored.status()); break; }
    if (stored->extractor_version >= options_.extractor_version) t.stored_hash = stored->article.hash;
    t.bytes = std::move(a->text);
    t.has_jsonl = true;
    t.jsonl = std::move(a).value();
    t.stream_bytes = line_bytes;
    t.budget = ReserveFor(line_bytes);
    if (!budget_.Acquire(t.budget)) break;
    tasks_.Push(std::move(t));
  }
  if (reader.error()) Report({name, fmt::format("read error after line {}", reader.line_number()), -1});
  if (!is_stdin) std::fclose(f);
  Account([&] { ++progress_.files_done; });
}

std::string Pipeline::ClaimJsonlKey(const std::string& key, int stream) {
  // By hash: a JSONL id whose hash equals a file path's (1 in 2^64 a pair)
  // would be refused as if it named the file.
  if (std::binary_search(file_path_hashes_.begin(), file_path_hashes_.end(), std::hash<std::string>()(key))) {
    return "names a file of this ingest; the file is kept";
  }
  auto [it, inserted] = seen_keys_.emplace(std::hash<std::string>()(key), stream);
  if (inserted) return "";
  if (it->second == stream) return "appeared earlier in the stream; the first is kept";
  return fmt::format("appeared earlier in {}; the first is kept", stream_names_[it->second]);
}

void Pipeline::Work() {
  Task t;
  while (tasks_.Pop(&t)) {
    if (aborted_) { budget_.Release(t.budget); continue; }
    Done d;
    d.is_file = t.is_file;
    d.progress_bytes = t.is_file ? t.size : t.stream_bytes;
    store::ArticleRecord& r = d.record;
    r.article.path = t.path;
    r.article.hash = Sha1Hex(t.bytes);
    r.size = t.size;
    r.mtime_ns = t.mtime_ns;
    if (r.article.hash == t.stored_hash) {
      // Same bytes (a touched file, or a JSONL line seen before).
      if (t.is_file) {
        d.kind = Done::Kind::kTouch;
        d.budget = RecordBytes(r);
        budget_.Resize(t.budget, d.budget);
        Account([&] { ++progress_.files_done; progress_.bytes_done += d.progress_bytes; });
        done_.Push(std::move(d));
      } else {
        budget_.Release(t.budget);
        Account([&] { ++summary_.unchanged; ++progress_.unchanged; progress_.bytes_done += t.stream_bytes; });
      }
      continue;
    }
    ArticleInput input = MakeArticleInput(t.bytes, t.path, t.has_jsonl ? &t.jsonl : nullptr, options_.date);
    Result<AnalyzedArticle> analyzed = Status::Internal("not run");
    try {
      analyzed = analyze_(t.bytes, input);
    } catch (const std::exception& e) {
      analyzed = Status::Internal(fmt::format("extraction failed: {}", e.what()));
    }
    if (!analyzed.ok()) {
      budget_.Release(t.budget);
      Report({t.path, analyzed.status().message(), ByteOffsetIn(analyzed.status().message())});
      Account([&] { if (t.is_file) ++progress_.files_done; progress_.bytes_done += d.progress_bytes; });
      continue;
    }
    AnalyzedArticle& a = analyzed.value();
    r.claims = std::move(a.claims);
    r.mentions = std::move(a.mentions);
    r.extractor_version = options_.extractor_version;
    Article& art = r.article;
    art.bytes = t.bytes.size();
    art.title = !a.article.title.empty() ? a.article.title : input.title;
    art.date = !input.date.empty() ? input.date : a.article.date;
    art.date_source = !input.date.empty() ? input.date_source : a.article.date_source;
    art.url = !input.url.empty() ? input.url : a.article.url;
    art.script = a.article.script;
    d.budget = RecordBytes(r);
    budget_.Resize(t.budget, d.budget);
    analyzed_bytes_.fetch_add(static_cast<int64_t>(t.bytes.size()), std::memory_order_relaxed);
    record_bytes_.fetch_add(d.budget, std::memory_order_relaxed);
    // Progress moves as articles are analysed; the summary counts commits.
    Account([&] {
      if (d.is_file) ++progress_.files_done;
      progress_.bytes_done += d.progress_bytes;
      progress_.claims += static_cast<int64_t>(r.claims.size());
    });
    done_.Push(std::move(d));
  }
}

}  // namespace claims::ingest::internal
