// The ingest pipeline's threads and shared state (internal to ingest/):
// pipeline.cc has the reader and the workers, writer.cc the writer.
#ifndef CLAIMS_INGEST_PIPELINE_H_
#define CLAIMS_INGEST_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/channel.h"
#include "ingest/ingest.h"

namespace claims::ingest::internal {

// How many bytes of claims and mentions (RecordBytes) to expect per byte of
// an article, from what the run has analysed so far: 16 until 1 MB has
// been analysed, then 1.25 times the run's ratio, from 1 to 16.
double ExpectedExpansion(int64_t analyzed_bytes, int64_t record_bytes);

struct Task {
  std::string path;
  std::string bytes;
  int64_t size = 0, mtime_ns = 0;
  bool is_file = true;
  bool has_jsonl = false;
  JsonlArticle jsonl;  // metadata fields only (text moved into bytes)
  std::string stored_hash;
  int64_t stream_bytes = 0;  // JSONL: the line's bytes, for progress
  int64_t budget = 0;        // held in ByteBudget: the bytes and their expected analysis
};

struct Done {
  enum class Kind { kSave, kTouch } kind = Kind::kSave;
  store::ArticleRecord record;
  int64_t budget = 0;
  bool is_file = true;         // counts toward Progress::files_done
  int64_t progress_bytes = 0;  // counts toward Progress::bytes_done
};

class Pipeline {
 public:
  Pipeline(store::Store* store, const Options& options, const AnalyzeFn& analyze, const Callbacks& callbacks)
      : store_(store), options_(options), analyze_(analyze), callbacks_(callbacks),
        budget_(options.max_inflight_bytes) {}

  Result<Summary> Run(std::span<const std::string> inputs);

 private:
  // Reads `files` in order, releasing each entry's path once it is done.
  void Read(std::vector<FileEntry>* files);
  // One file: skipped, reported or handed to the workers. false: stop.
  bool ReadFile(const FileEntry& entry);
  // What the store held for `path` when it was last committed (reader thread).
  Result<store::ArticleRecord> LookUp(const std::string& path);
  void ReadJsonl(const FileEntry& entry);
  // "" when `key` (a JSONL id, or STREAM:LINE) is new to this run; else why
  // the line is skipped. Reader thread only.
  std::string ClaimJsonlKey(const std::string& key, int stream);
  // The budget to hold for an article of `bytes` until it is analysed.
  int64_t ReserveFor(int64_t bytes) const;
  void Work();
  void Write();
  Status Flush(std::vector<Done>* batch);
  // Drops from `batch` what is stored, or also in the batch, under a smaller
  // path that still exists. Returns how many copies it dropped, counting a
  // stored copy under a larger path that a save replaces: the count does
  // not depend on which copy the threads finish first.
  Result<int64_t> DropDuplicates(std::vector<Done>* batch);
  Status Prune(std::span<const std::string> inputs);

  void Report(Problem p) {
    std::lock_guard<std::mutex> lock(cb_mu_);
    ++summary_.failed;
    ++progress_.failed;
    if (callbacks_.on_problem) callbacks_.on_problem(p);
    if (callbacks_.on_progress) callbacks_.on_progress(progress_);
  }
  template <typename F>
  void Account(F update) {
    std::lock_guard<std::mutex> lock(cb_mu_);
    update();
    if (callbacks_.on_progress) callbacks_.on_progress(progress_);
  }
  void Fail(Status s) {
    std::lock_guard<std::mutex> lock(cb_mu_);
    if (fatal_.ok()) fatal_ = std::move(s);
    aborted_ = true;
    budget_.Cancel();
  }

  store::Store* store_;
  // The reader's own read-only connection to a file store (WAL: it never
  // waits for the writer's open transaction, and keys are unique per run, so
  // committed state is all it needs). Null for ":memory:": it shares store_.
  std::unique_ptr<store::Store> lookup_store_;
  const Options& options_;
  const AnalyzeFn& analyze_;
  const Callbacks& callbacks_;
  std::mutex store_mu_;  // Store is single-threaded: reader lookups vs writer
  std::mutex cb_mu_;     // callbacks, summary_, progress_, fatal_
  Summary summary_;
  Progress progress_;
  Status fatal_;
  std::atomic<bool> aborted_{false};
  // Article bytes analysed and the RecordBytes they became (workers add).
  std::atomic<int64_t> analyzed_bytes_{0}, record_bytes_{0};
  // Drop the checker's indexes for a first load, or when many files changed
  // (a full batch), not for a handful of edits to a large store.
  bool bulk_ = false, store_was_empty_ = false, indexes_dropped_ = false;
  // Reader thread only. Two tasks with one store key would race to the
  // writer, so the first in reading order wins: files (sorted paths of this
  // run) always, then the first JSONL line with an id, in any stream.
  // 64-bit hashes of this run's file paths, sorted: 8 bytes a file, where
  // the paths themselves were ~80 (15 MB for 1 GB of news articles).
  std::vector<uint64_t> file_path_hashes_;
  std::vector<std::string> stream_names_;
  // 64-bit hashes of the JSONL keys seen -> the stream (index into
  // stream_names_): a few bytes per article, not the ids themselves.
  std::unordered_map<uint64_t, int> seen_keys_;
  Channel<Task> tasks_;
  Channel<Done> done_;
  ByteBudget budget_;
};

}  // namespace claims::ingest::internal

#endif  // CLAIMS_INGEST_PIPELINE_H_
