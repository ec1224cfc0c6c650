// The writer thread: the only thread that writes to the store. It collects
// analyzed articles into batches and commits each batch in one transaction
// (SaveArticles), so a crash loses at most the open batch and never leaves
// half an article.
#include <algorithm>
#include <filesystem>
#include <map>

#include "ingest/pipeline.h"

namespace claims::ingest::internal {
namespace {

constexpr auto kIdleFlush = std::chrono::milliseconds(200);

// A stored article still "exists" if its file does; JSONL articles (no size
// or mtime) always do.
bool StillExists(const store::ArticleRecord& r) {
  if (r.size == 0 && r.mtime_ns == 0) return true;
  std::error_code ec;
  return std::filesystem::exists(r.article.path, ec);
}

}  // namespace

void Pipeline::Write() {
  std::vector<Done> batch;
  int64_t held = 0;  // budget held by `batch`
  for (;;) {
    Done d;
    auto got = done_.PopFor(&d, kIdleFlush);
    bool flush = got != Channel<Done>::PopResult::kItem;
    if (got == Channel<Done>::PopResult::kItem) {
      held += d.budget;
      batch.push_back(std::move(d));
      flush = static_cast<int>(batch.size()) >= options_.max_batch_articles || held * 2 >= options_.max_inflight_bytes;
    }
    if (flush && !batch.empty()) {
      if (!aborted_) {
        Status s = Flush(&batch);
        if (!s.ok()) Fail(std::move(s));
      }
      batch.clear();
      budget_.Release(held);
      held = 0;
    }
    if (got == Channel<Done>::PopResult::kClosed) break;
  }
}

Result<int64_t> Pipeline::DropDuplicates(std::vector<Done>* batch) {
  int64_t dropped = 0;
  std::vector<std::string> hashes;  // of the saves, in batch order
  for (const Done& d : *batch) {
    if (d.kind == Done::Kind::kSave) hashes.push_back(d.record.article.hash);
  }
  Result<std::vector<store::ArticleRecord>> found = store_->FindArticlesByHash(hashes);
  if (!found.ok()) return found.status();
  size_t next_found = 0;
  std::map<std::string, size_t> by_hash;  // hash -> index of the kept Done
  std::vector<bool> drop(batch->size(), false);
  for (size_t i = 0; i < batch->size(); ++i) {
    const store::ArticleRecord& r = (*batch)[i].record;
    if ((*batch)[i].kind != Done::Kind::kSave) continue;
    const store::ArticleRecord& stored = (*found)[next_found++];
    const std::string& other = stored.article.path;
    if (!other.empty() && other != r.article.path && StillExists(stored)) {
      if (other < r.article.path) {
        drop[i] = true;
        continue;
      }
      ++dropped;  // the stored copy gives way to this one
    }
    auto [it, inserted] = by_hash.emplace(r.article.hash, i);
    if (!inserted) {
      size_t& kept = it->second;
      if (r.article.path < (*batch)[kept].record.article.path) {
        drop[kept] = true;
        kept = i;
      } else {
        drop[i] = true;
      }
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < batch->size(); ++i) {
    if (drop[i]) { ++dropped; continue; }
    if (out != i) (*batch)[out] = std::move((*batch)[i]);
    ++out;
  }
  batch->resize(out);
  return dropped;
}

Status Pipeline::Flush(std::vector<Done>* batch) {
  std::vector<store::ArticleRecord> saves, touches;
  int64_t duplicates = 0;
  {
    std::lock_guard<std::mutex> lock(store_mu_);
    Result<int64_t> dropped = DropDuplicates(batch);
    if (!dropped.ok()) return dropped.status();
    duplicates = *dropped;
    for (Done& d : *batch) (d.kind == Done::Kind::kSave ? saves : touches).push_back(std::move(d.record));
    const bool many = static_cast<int>(saves.size()) >= std::max(1, options_.max_batch_articles / 2);
    if (bulk_ && !indexes_dropped_ && !saves.empty() && (store_was_empty_ || many)) {
      Status s = store_->BeginBulkLoad();
      if (!s.ok()) return s;
      indexes_dropped_ = true;
    }
    Status s = store_->SaveArticles(saves);
    if (s.ok()) s = store_->TouchArticles(touches);
    if (!s.ok()) return s;
  }
  int64_t claims = 0, bytes = 0;
  for (const store::ArticleRecord& r : saves) {
    claims += static_cast<int64_t>(r.claims.size());
    bytes += static_cast<int64_t>(r.article.bytes);
  }
  const int64_t touched = static_cast<int64_t>(touches.size());
  Account([&] {
    summary_.articles += static_cast<int64_t>(saves.size());
    summary_.bytes += bytes;
    summary_.claims += claims;
    summary_.unchanged += touched;
    summary_.duplicates += duplicates;
    progress_.articles += static_cast<int64_t>(saves.size());
    progress_.unchanged += touched;
  });
  return Status::Ok();
}

Status Pipeline::Prune(std::span<const std::string> inputs) {
  std::vector<std::string> dirs;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && std::filesystem::is_directory(in, ec)) dirs.push_back(NormalizePath(in));
  }
  auto under = [&](const std::string& path) {
    for (const std::string& d : dirs) {
      if (d == ".") {
        if (!path.empty() && path[0] != '/' && path.rfind("../", 0) != 0) return true;
      } else if (path.size() > d.size() && path.compare(0, d.size(), d) == 0 && path[d.size()] == '/') {
        return true;
      }
    }
    return false;
  };
  std::vector<std::string> gone;
  std::lock_guard<std::mutex> lock(store_mu_);
  Status s = store_->ForEachArticle([&](const store::ArticleRecord& r) {
    if ((r.size != 0 || r.mtime_ns != 0) && under(r.article.path) && !StillExists(r)) gone.push_back(r.article.path);
    return true;
  });
  if (!s.ok()) return s;
  int64_t removed = 0;
  s = store_->ForgetPaths(gone, &removed);
  if (!s.ok()) return s;
  summary_.pruned = removed;
  return Status::Ok();
}

}  // namespace claims::ingest::internal
