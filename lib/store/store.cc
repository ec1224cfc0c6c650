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
  if (!options.read_only) {
    // A bulk load killed before it rebuilt the checker's indexes left them
    // out; put them back (a no-op when they exist).
    s = CreateCheckerIndexes(&db.value());
    if (!s.ok()) return s;
  }
  std::unique_ptr<Store> store(new Store());
  store->impl_->db = std::move(db).value();
  return store;
}

// Deletes the rows of every article stored under `path` or `hash`.
static Status DeleteArticles(StoreImpl* impl, const std::string& path, const std::string& hash,
                             int64_t* removed) {
  Result<Statement*> find = impl->Cached(&impl->find_ids, "SELECT id FROM articles WHERE path = ?1 OR hash = ?2");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, path).Bind(2, hash);
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> row = (*find)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back((*find)->Int(0));
  }
  (*find)->Reset();
  for (int64_t id : ids) {
    Result<Statement*> dc = impl->Cached(&impl->delete_claims, "DELETE FROM claims WHERE article_id = ?");
    if (!dc.ok()) return dc.status();
    Status s = (*dc)->Bind(1, id).Run();
    Result<Statement*> dm = impl->Cached(&impl->delete_mentions, "DELETE FROM mentions WHERE article_id = ?");
    if (!dm.ok()) return dm.status();
    if (s.ok()) s = (*dm)->Bind(1, id).Run();
    Result<Statement*> da = impl->Cached(&impl->delete_article, "DELETE FROM articles WHERE id = ?");
    if (!da.ok()) return da.status();
    if (s.ok()) s = (*da)->Bind(1, id).Run();
    if (!s.ok()) return s;
  }
  if (removed != nullptr) *removed += static_cast<int64_t>(ids.size());
  return Status::Ok();
}

// Rows go in kRowsPerInsert at a time ("INSERT ... VALUES (...), (...), ..."),
// the rest one by one: fewer statement runs cut the CPU of a bulk load by a
// tenth (8 rows; 32 gained nothing more). bind(st, first_parameter, row)
// binds one row; what it binds without copying must live until the run.
constexpr int kRowsPerInsert = 8;

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
    Result<Statement*> st = impl->Cached(many, values(kRowsPerInsert));
    if (!st.ok()) return st.status();
    for (; i + kRowsPerInsert <= count; i += kRowsPerInsert) {
      for (int k = 0; k < kRowsPerInsert; ++k) bind(*st, 1 + k * params, i + k);
      Status s = (*st)->Run();
      if (!s.ok()) return s;
    }
  }
  if (i < count) {
    Result<Statement*> st = impl->Cached(one, values(1));
    if (!st.ok()) return st.status();
    for (; i < count; ++i) {
      bind(*st, 1, i);
      Status s = (*st)->Run();
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

static Status InsertArticle(StoreImpl* impl, const ArticleRecord& r) {
  Status s = DeleteArticles(impl, r.article.path, r.article.hash, nullptr);
  if (!s.ok()) return s;
  Result<Statement*> ins = impl->Cached(
      &impl->insert_article,
      "INSERT INTO articles (path, hash, bytes, size, mtime_ns, title, date, date_source, url, script, "
      "ingested_at, extractor_version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
  if (!ins.ok()) return ins.status();
  const Article& a = r.article;
  (*ins)->Bind(1, a.path).Bind(2, a.hash).Bind(3, static_cast<int64_t>(a.bytes)).Bind(4, r.size);
  (*ins)->Bind(5, r.mtime_ns).Bind(6, a.title).Bind(7, a.date).Bind(8, a.date_source).Bind(9, a.url);
  (*ins)->Bind(10, a.script).Bind(11, int64_t{r.extractor_version});
  s = (*ins)->Run();
  if (!s.ok()) return s;
  const int64_t article_id = impl->db.LastInsertId();

  static const std::string kClaimInsert = fmt::format("INSERT INTO claims (article_id, {})", kClaimColumns);
  s = InsertRows(impl, &impl->insert_claim, &impl->insert_claims, kClaimInsert, 1 + kClaimColumnCount,
                 r.claims.size(), [&](Statement* st, int first, size_t i) {
                   st->Bind(first, article_id);
                   BindClaim(st, first + 1, r.claims[i]);
                 });
  if (!s.ok()) return s;
  static const std::string kMentionInsert =
      "INSERT INTO mentions (article_id, type, byte_start, byte_end, line, surface, value, sentence)";
  auto bind_mention = [&](Statement* st, int first, size_t i) {
    const Mention& m = r.mentions[i];
    std::string_view sentence = !r.mention_sentences.empty() ? std::string_view(r.mention_sentences[i])
                                : !m.sentence.empty()          ? std::string_view(m.sentence)
                                                               : EnclosingSentence(r.claims, m);
    st->Bind(first, article_id).BindNoCopy(first + 1, MentionTypeName(m.type));
    st->Bind(first + 2, int64_t{m.byte_start}).Bind(first + 3, int64_t{m.byte_end}).Bind(first + 4, int64_t{m.line});
    st->BindNoCopy(first + 5, m.surface).BindNoCopy(first + 6, m.value).BindNoCopy(first + 7, sentence);
  };
  return InsertRows(impl, &impl->insert_mention, &impl->insert_mentions, kMentionInsert, 8, r.mentions.size(),
                    bind_mention);
}

// Saves run with foreign-key checks off: each claim and mention row would
// otherwise look its article up again, and the rows are consistent by
// construction (article_id is the row just inserted; DeleteArticles removes
// children before their article). The pragma is a no-op inside a
// transaction, so it is set around one.
static Status SaveInTransaction(StoreImpl* impl, std::span<const ArticleRecord> records) {
  Status s = impl->db.Exec("PRAGMA foreign_keys = OFF");
  if (!s.ok()) return s;
  {
    Result<Transaction> tx = Transaction::Begin(&impl->db);
    s = tx.status();
    for (size_t i = 0; s.ok() && i < records.size(); ++i) s = InsertArticle(impl, records[i]);
    if (s.ok()) s = tx->Commit();
  }  // rolled back here unless committed
  Status on = impl->db.Exec("PRAGMA foreign_keys = ON");
  return s.ok() ? on : s;
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
  Result<Statement*> st = impl->Cached(slot, fmt::format(
      "SELECT {}, (SELECT count(*) FROM claims WHERE article_id = articles.id) FROM articles WHERE {} = ?",
      kArticleColumns, where));
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
  for (const std::string& p : paths) {
    // An empty hash matches no article: delete by path only.
    Status s = DeleteArticles(impl_.get(), p, "", &count);
    if (!s.ok()) return s;
  }
  Status s = tx->Commit();
  if (s.ok() && removed != nullptr) *removed = count;
  return s;
}

// A bulk load also checkpoints the WAL every 64 MB instead of every 4 MB:
// each checkpoint fsyncs twice and rewrites the pages touched since the last
// one (index and tree pages over and over), and on this machine that halved
// the cost of a save (bench/). Durability against kill -9 is the same; the
// setting is per connection, so a crash leaves nothing behind.
constexpr std::string_view kBulkCheckpoint = "PRAGMA wal_autocheckpoint = 16384";
constexpr std::string_view kNormalCheckpoint = "PRAGMA wal_autocheckpoint = 1000";

// CREATE INDEX sorts every claim. With temp_store = MEMORY its spill files
// would be RAM too, and peak memory would grow with the store (172 MB at
// 1.8M claims) instead of staying bounded; on disk they cost about nothing.
Status Store::EnsureIndexes() {
  Status s = impl_->db.Exec("PRAGMA temp_store = FILE");
  if (s.ok()) s = CreateCheckerIndexes(&impl_->db);
  Status restore = impl_->db.Exec(fmt::format("PRAGMA temp_store = MEMORY; {}", kNormalCheckpoint));
  return s.ok() ? restore : s;
}

Status Store::BeginBulkLoad() {
  Status s = impl_->db.Exec(kBulkCheckpoint);
  if (!s.ok()) return s;
  return DropCheckerIndexes(&impl_->db);
}

}  // namespace claims::store
