// Store: opening (with migration), saving and forgetting articles.
//
// Each SaveArticles() call is one transaction: for every record it deletes
// what is stored under the same path or the same content hash, then inserts
// the article, its claims and its mentions. With WAL and synchronous=NORMAL a
// kill -9 at any moment leaves either the previous commit or this one, so
// the store never holds half an article. Statements are prepared once and
// reused, which keeps bulk loads near SQLite's raw insert rate.
#include "store/store.h"

#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "store/rows.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace claims::store {
namespace {

std::string_view MentionTypeName(Mention::Type t) { return t == Mention::Type::kModel ? "model" : "date"; }

// The sentence of a claim that encloses the mention, or "".
std::string_view EnclosingSentence(const std::vector<Claim>& claims, const Mention& m) {
  for (const Claim& c : claims) {
    if (c.sentence_start <= m.byte_start && m.byte_end <= c.sentence_end && !c.sentence.empty()) return c.sentence;
  }
  return {};
}

Status Validate(const ArticleRecord& r) {
  if (r.article.path.empty()) return Status::InvalidArgument("article has an empty path");
  if (r.article.hash.empty()) return Status::InvalidArgument(r.article.path + ": article has no content hash");
  if (!r.mention_sentences.empty() && r.mention_sentences.size() != r.mentions.size()) {
    return Status::Internal(r.article.path + ": mention_sentences does not match mentions");
  }
  for (const Claim& c : r.claims) {
    if (c.byte_end < c.byte_start) {
      return Status::Internal(fmt::format("{}: claim ends before it starts ({}..{})", r.article.path, c.byte_start,
                                          c.byte_end));
    }
  }
  return Status::Ok();
}

}  // namespace

void ReadArticleRow(const Statement& st, ArticleRecord* r) {
  Article& a = r->article;
  a.path = st.Text(1);
  a.hash = st.Text(2);
  a.bytes = static_cast<uint64_t>(st.Int(3));
  r->size = st.Int(4);
  r->mtime_ns = st.Int(5);
  a.title = st.Text(6);
  a.date = st.Text(7);
  a.date_source = st.Text(8);
  a.url = st.Text(9);
  a.script = st.Text(10);
  r->ingested_at = st.Text(11);
  r->extractor_version = static_cast<int>(st.Int(12));
}

Store::Store() : impl_(std::make_unique<Impl>()) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->db.path(); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) { return Open(path, OpenOptions()); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const OpenOptions& options) {
  Db::Options db_options;
  db_options.read_only = options.read_only;
  db_options.create = options.create;
  db_options.busy_timeout_ms = options.busy_timeout_ms;
  Result<Db> db = Db::Open(path, db_options);
  if (!db.ok()) return db.status();
  if (options.read_only) {
    Result<int64_t> objects = db->QueryInt("SELECT count(*) FROM sqlite_master");
    if (!objects.ok()) return objects.status();
    if (*objects == 0) {
      return Status::StoreError(fmt::format("{} is empty: not a claims store yet (run 'claims ingest')", path));
    }
    // A store left by an older claims: reading commands (stats, export,
    // check) migrate it too, on a writable connection of their own, so an
    // upgrade does not need an ingest first. A file that cannot be written
    // gets Migrate's refusal below.
    Result<int64_t> version = db->QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (*version > 0 && *version < CurrentSchemaVersion()) {
      Db::Options writable = db_options;
      writable.read_only = false;
      writable.create = false;
      Result<Db> writer = Db::Open(path, writable);
      if (writer.ok() && !writer->IsReadOnly()) {
        Status migrated = Migrate(&writer.value());
        if (!migrated.ok()) return migrated;
      }
    }
  }
  Status s = Migrate(&db.value());
  if (!s.ok()) return s;
  if (!options.read_only) {
    if (db->IsReadOnly()) {
      return Status::StoreError(fmt::format("{}: the store is read-only (check the file's permissions)", path));
    }
    // NORMAL is durable against process crashes in WAL mode (only a power
    // cut can lose the last commits, never corrupt the file).
    s = db->ExecWaitingForLock("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    if (!s.ok()) return s;
  }
  s = db->Exec("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768");
  if (!s.ok()) return s;
  std::unique_ptr<Store> store(new Store());
  store->impl_->db = std::move(db).value();
  return store;
}

// Deletes the rows of every article stored under `path` or `hash`; appends
// their ids to `ids`.
static Status DeleteArticles(StoreImpl* impl, const std::string& path, const std::string& hash,
                             std::vector<int64_t>* ids) {
  const size_t first = ids->size();
  // Two lookups, not "path = ? OR hash = ?": SQLite answers an OR over two
  // indexes with a temporary table, built for every article saved.
  for (int k = 0; k < 2; ++k) {
    Result<Statement*> find = k == 0 ? impl->Cached(&impl->find_id_by_path, "SELECT id FROM articles WHERE path = ?")
                                     : impl->Cached(&impl->find_id_by_hash, "SELECT id FROM articles WHERE hash = ?");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, k == 0 ? path : hash);
    Result<bool> row = (*find)->Step();
    if (row.ok() && *row && std::find(ids->begin() + first, ids->end(), (*find)->Int(0)) == ids->end()) {
      ids->push_back((*find)->Int(0));
    }
    (*find)->Reset();
    if (!row.ok()) return row.status();
  }
  for (size_t i = first; i < ids->size(); ++i) {
    const int64_t id = (*ids)[i];
    // The article's sentences first, found through its claims and mentions
    // (every sentence row is named by one of them): there is no index by
    // article. The writer gives an article's sentences consecutive ids, so
    // the range between the smallest and largest holds them alone; article_id
    // keeps the delete right if it ever held others.
    Result<Statement*> ds = impl->Cached(
        &impl->delete_sentences,
        "WITH named(id) AS (SELECT sentence_id FROM claims WHERE id BETWEEN ?1 AND ?2 "
        "UNION ALL SELECT sentence_id FROM mentions WHERE id BETWEEN ?1 AND ?2) "
        "DELETE FROM sentences WHERE id BETWEEN (SELECT min(id) FROM named) AND (SELECT max(id) FROM named) "
        "AND article_id = ?3");
    if (!ds.ok()) return ds.status();
    Status s = (*ds)->Bind(1, FirstRowOf(id)).Bind(2, LastRowOf(id)).Bind(3, id).Run();
    Result<Statement*> dc = impl->Cached(&impl->delete_claims, "DELETE FROM claims WHERE id BETWEEN ? AND ?");
    if (!dc.ok()) return dc.status();
    if (s.ok()) s = (*dc)->Bind(1, FirstRowOf(id)).Bind(2, LastRowOf(id)).Run();
    Result<Statement*> dm = impl->Cached(&impl->delete_mentions, "DELETE FROM mentions WHERE id BETWEEN ? AND ?");
    if (!dm.ok()) return dm.status();
    if (s.ok()) s = (*dm)->Bind(1, FirstRowOf(id)).Bind(2, LastRowOf(id)).Run();
    Result<Statement*> da = impl->Cached(&impl->delete_article, "DELETE FROM articles WHERE id = ?");
    if (!da.ok()) return da.status();
    if (s.ok()) s = (*da)->Bind(1, id).Run();
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// Rows go in kRowsPerInsert at a time ("INSERT ... VALUES (...), (...), ..."),
// the rest one by one: each statement run has a fixed cost (about as much as
// two claim rows). Rows are collected over a whole batch of articles, so few
// go one by one. bind(st, first_parameter, row) binds every parameter of one
// row (the statements keep their bindings between runs); what it binds
// without copying must live until the run. The rows of one run are
// i .. i+kRowsPerInsert-1 with i a multiple of kRowsPerInsert, or one row.
//
// The inserts say OR ROLLBACK: a row that breaks a constraint ends the
// whole transaction, which SaveInTransaction would roll back anyway. A plain
// INSERT of several rows may have to undo just itself halfway, so SQLite
// keeps a statement journal for it, a copy of every page the run touches,
// taken again run after run (6% of a save's instructions).
constexpr int kRowsPerInsert = 32;

template <typename BindRow>
Status InsertRows(StoreImpl* impl, Statement* one, Statement* many, const std::string& insert, int params,
                  size_t count, const BindRow& bind) {
  auto values = [&](int rows) {
    std::string sql = insert + " VALUES ";
    for (int i = 0; i < rows; ++i) sql += (i == 0 ? "(" : ", (") + Placeholders(params) + ")";
    return sql;
  };
  size_t i = 0;
  if (count >= kRowsPerInsert) {
    Result<Statement*> st = many->valid() ? many : impl->Cached(many, values(kRowsPerInsert));
    if (!st.ok()) return st.status();
    for (; i + kRowsPerInsert <= count; i += kRowsPerInsert) {
      for (int k = 0; k < kRowsPerInsert; ++k) bind(*st, 1 + k * params, i + k);
      Status s = (*st)->RunToRebind();
      if (!s.ok()) return s;
    }
  }
  if (i < count) {
    Result<Statement*> st = one->valid() ? one : impl->Cached(one, values(1));
    if (!st.ok()) return st.status();
    for (; i < count; ++i) {
      bind(*st, 1, i);
      Status s = (*st)->RunToRebind();
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

// The sentence the i-th mention stands in (see ArticleRecord::mention_sentences).
static std::string_view MentionSentence(const ArticleRecord& r, size_t i) {
  const Mention& m = r.mentions[i];
  if (!r.mention_sentences.empty()) return r.mention_sentences[i];
  if (!m.sentence.empty()) return m.sentence;
  return EnclosingSentence(r.claims, m);
}

// Binds the row ids of one table's queued rows. An explicit INTEGER PRIMARY
// KEY makes SQLite search the table's B-tree for it first, to refuse a
// duplicate: some 1,400 instructions a row. For a NULL id it takes the
// table's largest id + 1 from the end of the B-tree, where its cursor
// already is. The queued ids mostly run on one by one from the largest in
// the table (an article's rows; a batch's sentences), so an id that is the
// largest so far + 1 is bound as NULL: SQLite gives that row exactly that id.
// The others are bound as they are.
class RowIdBinder {
 public:
  // `largest`: the table's largest row id before the first row goes in (0:
  // empty), as InsertQueued reads it after the batch's deletes.
  explicit RowIdBinder(int64_t largest) : largest_(largest) {}
  void Bind(Statement* st, int index, int64_t id) {
    if (id == largest_ + 1) {
      st->BindNull(index);
    } else {
      st->Bind(index, id);
    }
    largest_ = std::max(largest_, id);
  }

 private:
  int64_t largest_;
};

static Result<RowIdBinder> RowIdsOf(StoreImpl* impl, std::string_view table) {
  Result<int64_t> largest = impl->db.QueryInt(fmt::format("SELECT coalesce(max(id), 0) FROM {}", table));
  if (!largest.ok()) return largest.status();
  return RowIdBinder(*largest);
}

static void BindSentenceId(Statement* st, int index, int64_t id) {
  if (id == 0) {
    st->BindNull(index);
  } else {
    st->Bind(index, id);
  }
}

// Inserts the article row with `insert` ("INSERT [OR IGNORE] INTO articles"),
// the statement cached in `slot`.
static Status RunArticleInsert(StoreImpl* impl, Statement* slot, std::string_view insert, const ArticleRecord& r) {
  // The SQL is made only to prepare it (formatting it per article is waste).
  Result<Statement*> ins = slot->valid() ? slot
                                         : impl->Cached(slot, fmt::format(
                                               "{} (path, hash, bytes, size, mtime_ns, title, date, date_source, "
                                               "url, script, ingested_at, extractor_version) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                               insert));
  if (!ins.ok()) return ins.status();
  const Article& a = r.article;
  (*ins)->BindNoCopy(1, a.path).BindNoCopy(2, a.hash).Bind(3, static_cast<int64_t>(a.bytes)).Bind(4, r.size);
  (*ins)->Bind(5, r.mtime_ns).BindNoCopy(6, a.title).BindNoCopy(7, a.date).BindNoCopy(8, a.date_source);
  (*ins)->BindNoCopy(9, a.url).BindNoCopy(10, a.script).BindNoCopy(11, impl->batch.ingested_at);
  (*ins)->Bind(12, int64_t{r.extractor_version});
  return (*ins)->Run();
}

// Inserts the article row, after deleting what `r` replaces, and queues its
// sentences, claims and mentions in impl->batch. A record that replaces an
// article saved earlier in the same batch (same path or hash) makes that
// record's queued rows void.
static Status InsertArticle(StoreImpl* impl, const ArticleRecord& r, uint32_t record) {
  StoreImpl::Batch& b = impl->batch;
  // Most saves are new articles: the insert is tried first, and its own
  // UNIQUE checks on path and hash say whether anything is stored under
  // them (looking them up first searched both indexes twice). A refused
  // row changes nothing; then the old article goes and the row goes in.
  Status s = RunArticleInsert(impl, &impl->insert_new_article, "INSERT OR IGNORE INTO articles", r);
  if (!s.ok()) return s;
  if (impl->db.Changes() == 0) {
    b.deleted.clear();
    s = DeleteArticles(impl, r.article.path, r.article.hash, &b.deleted);
    if (!s.ok()) return s;
    for (int64_t id : b.deleted) {
      auto it = b.record_of_article.find(id);
      if (it == b.record_of_article.end()) continue;
      b.void_records.push_back(it->second);
      b.record_of_article.erase(it);
    }
    s = RunArticleInsert(impl, &impl->insert_article, "INSERT INTO articles", r);
    if (!s.ok()) return s;
  }
  const int64_t article_id = impl->db.LastInsertId();
  if (article_id >= kMaxArticleId) {
    return Status::StoreError(fmt::format("{}: article id {} is too large for this store", r.article.path, article_id));
  }
  b.record_of_article[article_id] = record;

  // Every distinct sentence gets one row and an id, for claims and mentions
  // alike: an article quotes a sentence once however many figures, dates and
  // model names stand in it.
  b.sentence_ids.clear();
  // Claims and mentions come in text order, so most stand in the sentence of
  // the one before: comparing with it first spares hashing the sentence
  // (hashing every one was 2% of a save).
  std::string_view last_text;
  int64_t last_id = 0;
  auto id_of = [&](std::string_view text) -> int64_t {
    if (text.empty()) return 0;
    if (last_id != 0 && text == last_text) return last_id;
    auto [it, inserted] = b.sentence_ids.emplace(text, b.next_sentence_id);
    if (inserted) b.sentences.push_back({record, b.next_sentence_id++, article_id, text});
    last_text = text;
    last_id = it->second;
    return last_id;
  };
  for (uint32_t i = 0; i < r.claims.size(); ++i) {
    b.claims.push_back({record, i, article_id, id_of(r.claims[i].sentence)});
  }
  for (uint32_t i = 0; i < r.mentions.size(); ++i) {
    b.mentions.push_back({record, i, article_id, id_of(MentionSentence(r, i))});
  }
  return Status::Ok();
}

// Inserts the rows InsertArticle queued, skipping those of void records.
static Status InsertQueued(StoreImpl* impl, std::span<const ArticleRecord> records) {
  StoreImpl::Batch& b = impl->batch;
  if (!b.void_records.empty()) {
    std::sort(b.void_records.begin(), b.void_records.end());
    auto is_void = [&](const auto& row) {
      return std::binary_search(b.void_records.begin(), b.void_records.end(), row.record);
    };
    std::erase_if(b.sentences, is_void);
    std::erase_if(b.claims, is_void);
    std::erase_if(b.mentions, is_void);
  }
  // Rows are bound in the order they go in (InsertRows), as RowIdBinder needs.
  Result<RowIdBinder> sentence_ids = RowIdsOf(impl, "sentences");
  if (!sentence_ids.ok()) return sentence_ids.status();
  Status s = InsertRows(impl, &impl->insert_sentence, &impl->insert_sentences,
                        "INSERT OR ROLLBACK INTO sentences (id, article_id, text)", 3, b.sentences.size(),
                        [&](Statement* st, int first, size_t i) {
                          const StoreImpl::Batch::Sentence& row = b.sentences[i];
                          sentence_ids->Bind(st, first, row.id);
                          st->Bind(first + 1, row.article_id).BindNoCopy(first + 2, row.text);
                        });
  if (!s.ok()) return s;
  Result<RowIdBinder> claim_ids = RowIdsOf(impl, "claims");
  if (!claim_ids.ok()) return claim_ids.status();
  static const std::string kClaimInsert =
      fmt::format("INSERT OR ROLLBACK INTO claims (id, {}, sentence_id)", kClaimColumns);
  // The decimals' text of the rows of one run, bound without a copy.
  std::vector<ClaimText> text(kRowsPerInsert);
  s = InsertRows(impl, &impl->insert_claim, &impl->insert_claims, kClaimInsert, 2 + kClaimColumnCount,
                 b.claims.size(), [&](Statement* st, int first, size_t i) {
                   const StoreImpl::Batch::Child& row = b.claims[i];
                   claim_ids->Bind(st, first, FirstRowOf(row.article_id) + row.index);
                   BindClaim(st, first + 1, records[row.record].claims[row.index], &text[i % kRowsPerInsert]);
                   BindSentenceId(st, first + 1 + kClaimColumnCount, row.sentence_id);
                 });
  if (!s.ok()) return s;
  static const std::string kMentionInsert =
      "INSERT OR ROLLBACK INTO mentions (id, type, byte_start, byte_end, line, surface, value, sentence_id)";
  Result<RowIdBinder> mention_ids = RowIdsOf(impl, "mentions");
  if (!mention_ids.ok()) return mention_ids.status();
  auto bind_mention = [&](Statement* st, int first, size_t i) {
    const StoreImpl::Batch::Child& row = b.mentions[i];
    const Mention& m = records[row.record].mentions[row.index];
    mention_ids->Bind(st, first, FirstRowOf(row.article_id) + row.index);
    st->BindStatic(first + 1, MentionTypeName(m.type));
    st->Bind(first + 2, int64_t{m.byte_start}).Bind(first + 3, int64_t{m.byte_end}).Bind(first + 4, int64_t{m.line});
    st->BindNoCopy(first + 5, m.surface).BindNoCopy(first + 6, m.value);
    BindSentenceId(st, first + 7, row.sentence_id);
  };
  return InsertRows(impl, &impl->insert_mention, &impl->insert_mentions, kMentionInsert, 8, b.mentions.size(),
                    bind_mention);
}

// The current UTC time as ingested_at is written: "2024-03-19T11:57:53Z".
static Status Now(StoreImpl* impl, std::string* out) {
  Result<Statement*> now = impl->Cached(&impl->now, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
  if (!now.ok()) return now.status();
  Result<bool> row = (*now)->Step();
  if (row.ok() && *row) *out = (*now)->Text(0);
  (*now)->Reset();
  return row.status();
}

// One transaction. No table REFERENCES articles (schema 4), so foreign-key
// checks cost a save nothing; the rows are consistent by construction
// (row ids come from the article just inserted; DeleteArticles removes
// children before their article).
static Status SaveInTransaction(StoreImpl* impl, std::span<const ArticleRecord> records) {
  Result<Transaction> tx = Transaction::Begin(&impl->db);
  Status s = tx.status();
  impl->batch.Clear();
  if (s.ok()) {
    // Sentence ids are assigned here, not read back row by row.
    Result<int64_t> last = impl->db.QueryInt("SELECT coalesce(max(id), 0) FROM sentences");
    s = last.status();
    if (s.ok()) impl->batch.next_sentence_id = *last + 1;
  }
  // One time for the batch (one transaction): strftime for every article
  // row was 1% of a save.
  if (s.ok()) s = Now(impl, &impl->batch.ingested_at);
  for (size_t i = 0; s.ok() && i < records.size(); ++i) s = InsertArticle(impl, records[i], static_cast<uint32_t>(i));
  if (s.ok()) s = InsertQueued(impl, records);
  impl->batch.Clear();
  if (s.ok()) s = tx->Commit();
  return s;  // rolled back on the way out unless committed
}

Status Store::SaveArticle(const ArticleRecord& record) {
  Status s = Validate(record);
  if (!s.ok()) return s;
  return SaveInTransaction(impl_.get(), std::span<const ArticleRecord>(&record, 1));
}

Status Store::SaveArticles(const std::vector<ArticleRecord>& records) {
  for (const ArticleRecord& r : records) {
    Status s = Validate(r);
    if (!s.ok()) return s;
  }
  if (records.empty()) return Status::Ok();
  return SaveInTransaction(impl_.get(), records);
}

// `slot` caches the statement: ingest looks up every file it meets.
static Result<ArticleRecord> FindArticle(StoreImpl* impl, Statement* slot, std::string_view where,
                                         const std::string& key) {
  // The SQL is made only to prepare it (formatting it for every lookup was
  // 1% of the writer).
  Result<Statement*> st = slot->valid() ? slot
                                        : impl->Cached(slot, fmt::format(
                                              "SELECT {}, (SELECT count(*) FROM claims WHERE {}) FROM articles "
                                              "WHERE {} = ?",
                                              kArticleColumns, RowOfArticle("claims.id", "articles.id"), where));
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key);
  Result<bool> row = (*st)->Step();
  ArticleRecord r;
  if (row.ok() && *row) {
    ReadArticleRow(**st, &r);
    r.claim_count = (*st)->Int(13);
  }
  // Reset at once: a statement left on its row would hold a read snapshot
  // and keep WAL checkpoints from finishing.
  (*st)->Reset();
  if (!row.ok()) return row.status();
  return r;
}

Result<ArticleRecord> Store::FindArticleByPath(const std::string& path) {
  return FindArticle(impl_.get(), &impl_->find_by_path, "path", path);
}

Result<ArticleRecord> Store::FindArticleByHash(const std::string& hash) {
  return FindArticle(impl_.get(), &impl_->find_by_hash, "hash", hash);
}

Result<std::vector<ArticleRecord>> Store::FindArticlesByHash(const std::vector<std::string>& hashes) {
  std::vector<ArticleRecord> out;
  if (hashes.empty()) return out;
  Result<Transaction> tx = Transaction::BeginRead(&impl_->db);
  if (!tx.ok()) return tx.status();
  out.reserve(hashes.size());
  for (const std::string& h : hashes) {
    Result<ArticleRecord> r = FindArticleByHash(h);
    if (!r.ok()) return r.status();
    out.push_back(std::move(r).value());
  }
  Status s = tx->Commit();
  if (!s.ok()) return s;
  return out;
}

Status Store::TouchArticle(const std::string& path, int64_t size, int64_t mtime_ns) {
  Result<Statement> st = impl_->db.Prepare("UPDATE articles SET size = ?, mtime_ns = ? WHERE path = ?");
  if (!st.ok()) return st.status();
  return st->Bind(1, size).Bind(2, mtime_ns).Bind(3, path).Run();
}

Status Store::TouchArticles(const std::vector<ArticleRecord>& records) {
  if (records.empty()) return Status::Ok();
  Result<Transaction> tx = Transaction::Begin(&impl_->db);
  if (!tx.ok()) return tx.status();
  Result<Statement> st = impl_->db.Prepare("UPDATE articles SET size = ?, mtime_ns = ? WHERE path = ?");
  if (!st.ok()) return st.status();
  for (const ArticleRecord& r : records) {
    Status s = st->Bind(1, r.size).Bind(2, r.mtime_ns).Bind(3, r.article.path).Run();
    if (!s.ok()) return s;
  }
  return tx->Commit();
}

Status Store::ForgetPaths(const std::vector<std::string>& paths, int64_t* removed) {
  int64_t count = 0;
  Result<Transaction> tx = Transaction::Begin(&impl_->db);
  if (!tx.ok()) return tx.status();
  std::vector<int64_t> ids;
  for (const std::string& p : paths) {
    // An empty hash matches no article: delete by path only.
    Status s = DeleteArticles(impl_.get(), p, "", &ids);
    if (!s.ok()) return s;
    count += static_cast<int64_t>(ids.size());
    ids.clear();
  }
  Status s = tx->Commit();
  if (s.ok() && removed != nullptr) *removed = count;
  return s;
}

// A bulk load checkpoints the WAL every 64 MB instead of every 4 MB: each
// checkpoint fsyncs twice and rewrites the pages touched since the last one
// (index and tree pages over and over), and on this machine that halved the
// cost of a save (bench/). Durability against kill -9 is the same; the
// setting is per connection, so a crash leaves nothing behind.
constexpr std::string_view kBulkCheckpoint = "PRAGMA wal_autocheckpoint = 16384";
constexpr std::string_view kNormalCheckpoint = "PRAGMA wal_autocheckpoint = 1000";

Status Store::EnsureIndexes() { return impl_->db.Exec(kNormalCheckpoint); }

Status Store::BeginBulkLoad() { return impl_->db.Exec(kBulkCheckpoint); }

}  // namespace claims::store
