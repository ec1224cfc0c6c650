// The importer mirrors ingest's rules for what a store keeps, so the two
// paths agree: content is stored once, under the smallest path that carries
// it; the first article a run sees under a path wins; an article whose
// content the store already holds under its path is left alone. A batch is
// committed when it holds max_batch_articles articles or about 50,000 claims,
// so memory is bounded by the batch, not the stream.
#include "records/import.h"

#include <functional>

#include "records/records.h"

namespace claims::records {
namespace {

constexpr int64_t kMaxBatchClaims = 50000;

}  // namespace

Importer::Importer(store::Store* store, int max_batch_articles)
    : store_(store), max_batch_articles_(max_batch_articles < 1 ? 1 : max_batch_articles) {}

Status Importer::Add(std::FILE* in) {
  Reader reader(in);
  store::ArticleRecord record;
  while (reader.Next(&record)) {
    Status s = Take(std::move(record));
    if (!s.ok()) return s;
  }
  Status flushed = Flush();
  if (!reader.status().ok()) return reader.status();
  return flushed;
}

Status Importer::Take(store::ArticleRecord r) {
  if (!seen_paths_.insert(std::hash<std::string>()(r.article.path)).second) {
    ++summary_.repeated;
    return Status::Ok();
  }
  Result<store::ArticleRecord> stored = store_->FindArticleByHash(r.article.hash);
  if (!stored.ok()) return stored.status();
  const std::string& other = stored->article.path;
  if (other == r.article.path && stored->extractor_version >= r.extractor_version) {
    ++summary_.unchanged;
    return Status::Ok();
  }
  if (!other.empty() && other < r.article.path) {
    ++summary_.duplicates;
    return Status::Ok();
  }
  auto [it, inserted] = batch_by_hash_.emplace(r.article.hash, batch_.size());
  if (!inserted) {
    ++summary_.duplicates;
    store::ArticleRecord& kept = batch_[it->second];
    if (r.article.path < kept.article.path) {
      batch_claims_ += static_cast<int64_t>(r.claims.size()) - static_cast<int64_t>(kept.claims.size());
      kept = std::move(r);
    }
    return Status::Ok();
  }
  batch_claims_ += static_cast<int64_t>(r.claims.size());
  batch_.push_back(std::move(r));
  if (static_cast<int>(batch_.size()) >= max_batch_articles_ || batch_claims_ >= kMaxBatchClaims) return Flush();
  return Status::Ok();
}

Status Importer::Flush() {
  if (batch_.empty()) return Status::Ok();
  if (!checked_empty_) {
    // A first load into an empty store goes faster without the checker's
    // indexes; Finish() builds them once at the end.
    checked_empty_ = true;
    bool empty = true;
    Status s = store_->ForEachArticle([&](const store::ArticleRecord&) { return empty = false; });
    if (s.ok() && empty) {
      s = store_->BeginBulkLoad();
      bulk_ = s.ok();
    }
    if (!s.ok()) return s;
  }
  Status s = store_->SaveArticles(batch_);
  if (!s.ok()) return s;
  summary_.articles += static_cast<int64_t>(batch_.size());
  summary_.claims += batch_claims_;
  batch_.clear();
  batch_by_hash_.clear();
  batch_claims_ = 0;
  return Status::Ok();
}

Status Importer::Finish() {
  Status s = Flush();
  if (!s.ok()) return s;
  if (bulk_) {
    bulk_ = false;
    return store_->EnsureIndexes();
  }
  return Status::Ok();
}

}  // namespace claims::records
