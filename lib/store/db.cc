// RAII over the SQLite C API. Errors are turned into Status here so nothing
// SQLite-specific crosses the module boundary; the messages name the database
// file and, for the codes users actually hit, say what to do about it.
#include "store/db.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <utility>

#include <fmt/format.h>

namespace claims::store {

namespace {

// A plain explanation for the codes users meet; SQLite's own text otherwise.
Status ErrorFor(sqlite3* db, const std::string& name, int rc, std::string_view doing) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::StoreError(fmt::format(
          "{}: the store is locked by another process (another 'claims ingest'?); {} gave up after waiting",
          name, doing));
    case SQLITE_READONLY:
      return Status::StoreError(fmt::format("{}: the store is read-only; {} needs write access", name, doing));
    case SQLITE_NOTADB:
      return Status::StoreError(fmt::format("{}: not a SQLite database, so not a claims store", name));
    case SQLITE_CORRUPT:
      return Status::StoreError(fmt::format("{}: the database file is corrupt", name));
    case SQLITE_FULL:
      return Status::StoreError(fmt::format("{}: the disk is full; {} failed and was rolled back", name, doing));
    case SQLITE_CANTOPEN:
      return Status::StoreError(fmt::format("{}: cannot open the file (missing directory or no permission)", name));
    default: break;
  }
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Status::StoreError(fmt::format("{}: {}: {}", name, doing, detail));
}

bool IsUserFacing(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_NOTADB:
    case SQLITE_CORRUPT: case SQLITE_FULL: case SQLITE_CANTOPEN:
      return true;
    default:
      return false;
  }
}

}  // namespace

// ---- Statement -------------------------------------------------------------

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, const std::string* name)
    : db_(db), stmt_(stmt), name_(name), bound_static_(static_cast<size_t>(sqlite3_bind_parameter_count(stmt))) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), name_(other.name_), bind_error_(other.bind_error_),
      bound_static_(std::move(other.bound_static_)) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    name_ = other.name_;
    bind_error_ = other.bind_error_;
    bound_static_ = std::move(other.bound_static_);
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int index, int64_t value) {
  Forget(index);
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so callers may pass temporaries. A
  // null data pointer would bind NULL; an empty view must bind ''.
  Forget(index);
  const char* data = text.data() != nullptr ? text.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindNoCopy(int index, std::string_view text) {
  // Every empty text is one static text: most of a claim's optional
  // columns are empty, and BindStatic skips them from run to run.
  if (text.empty()) return BindStatic(index, "");
  Forget(index);
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindStatic(int index, std::string_view text) {
  const char* data = text.data() != nullptr ? text.data() : "";
  const bool tracked = index > 0 && static_cast<size_t>(index) <= bound_static_.size();
  if (tracked) {
    std::string_view& bound = bound_static_[index - 1];
    if (bound.data() == data && bound.size() == text.size()) return *this;
    bound = {};  // until the bind below succeeds
  }
  int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK) {
    if (bind_error_ == 0) bind_error_ = rc;
  } else if (tracked) {
    bound_static_[index - 1] = std::string_view(data, text.size());
  }
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  Forget(index);
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

// What bound_static_ holds for a parameter BindNull set: an address no
// text has, so BindStatic never takes it for its own.
static const char kBoundNull = 0;

Statement& Statement::BindNull(int index) {
  const bool tracked = index > 0 && static_cast<size_t>(index) <= bound_static_.size();
  if (tracked) {
    std::string_view& bound = bound_static_[index - 1];
    if (bound.data() == &kBoundNull) return *this;
    bound = {};
  }
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) {
    if (bind_error_ == 0) bind_error_ = rc;
  } else if (tracked) {
    bound_static_[index - 1] = std::string_view(&kBoundNull, 0);
  }
  return *this;
}

Status Statement::Error(int rc) const {
  return Status::StoreError(fmt::format("{}: {} (in: {})", name_ ? *name_ : "?",
                                        sqlite3_errstr(rc), sqlite3_sql(stmt_)));
}

Result<bool> Statement::Step() {
  if (bind_error_ != 0) {
    Status s = Error(bind_error_);
    bind_error_ = 0;
    return s;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // sqlite3_errmsg carries the detail ("UNIQUE constraint failed: ...").
  Status s = IsUserFacing(rc) ? ErrorFor(db_, name_ ? *name_ : std::string(), rc, "the update") : Status::StoreError(fmt::format("{}: {} (in: {})", name_ ? *name_ : "?",
                                            sqlite3_errmsg(db_), sqlite3_sql(stmt_)));
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) { Reset(); return r.status(); }
    if (!*r) break;
  }
  Reset();
  return Status::Ok();
}

Status Statement::RunToRebind() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) { Reset(); return r.status(); }
    if (!*r) break;
  }
  sqlite3_reset(stmt_);
  bind_error_ = 0;
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
  std::fill(bound_static_.begin(), bound_static_.end(), std::string_view());
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

std::string_view Statement::TextView(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

// ---- Db --------------------------------------------------------------------

Result<Db> Db::Open(const std::string& path, const Options& options) {
  // Memory statistics take a global mutex on every SQLite allocation, and a
  // bulk load makes several per row; nothing here reads them. Must precede
  // sqlite3_initialize (sqlite3_open calls it); a failure only keeps them on.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  // NOMUTEX: a Db is used by one thread at a time (the ingest pipeline locks
  // around its Store), so SQLite's per-call connection mutex is pure cost.
  int flags = (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  Db db;
  db.name_ = std::make_unique<std::string>(path);
  int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_CANTOPEN && !options.create) {
      return Status::StoreError(fmt::format("{}: no claims store here (run 'claims ingest' first, or pass --db)", path));
    }
    return db.Error(rc, "cannot open");
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, options.busy_timeout_ms);
  db.busy_timeout_ms_ = options.busy_timeout_ms;
  return db;
}

Db::Db(Db&& other) noexcept
    : db_(other.db_), busy_timeout_ms_(other.busy_timeout_ms_), name_(std::move(other.name_)) {
  other.db_ = nullptr;
}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = other.db_;
    busy_timeout_ms_ = other.busy_timeout_ms_;
    name_ = std::move(other.name_);
    other.db_ = nullptr;
  }
  return *this;
}

Db::~Db() {
  // close_v2: statements still alive are finalized lazily instead of leaking.
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Error(int rc, std::string_view doing) const {
  return ErrorFor(db_, name_ ? *name_ : std::string(), rc, doing);
}

Status Db::Exec(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec wants NUL-terminated SQL
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  if (IsUserFacing(rc)) return Error(rc, "the update");
  return Status::StoreError(fmt::format("{}: {}", *name_, msg));
}

Status Db::ExecWaitingForLock(std::string_view sql) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  for (;;) {
    Status s = Exec(sql);
    if (s.ok() || (sqlite3_errcode(db_) & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) {
      return s;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

Result<Statement> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) {
    if (IsUserFacing(rc)) return Error(rc, "reading");
    return Status::StoreError(fmt::format("{}: {} (in: {})", *name_, sqlite3_errmsg(db_), sql));
  }
  return Statement(db_, stmt, name_.get());
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  Result<Statement> st = Prepare(sql);
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->Int(0) : 0;
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Db::Changes() const { return sqlite3_changes64(db_); }
bool Db::IsReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

// ---- Transaction -----------------------------------------------------------

Result<Transaction> Transaction::Begin(Db* db) {
  // IMMEDIATE takes the write lock now, so the busy timeout applies here
  // rather than failing later when a read transaction tries to upgrade.
  Status s = db->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  return Transaction(db);
}

Result<Transaction> Transaction::BeginRead(Db* db) {
  Status s = db->Exec("BEGIN");
  if (!s.ok()) return s;
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) db_->Exec("ROLLBACK");  // best effort; the error has been reported
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) db_ = nullptr;
  return s;
}

}  // namespace claims::store
