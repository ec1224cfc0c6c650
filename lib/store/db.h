// Thin RAII wrappers over SQLite for the store module: Db (a connection),
// Statement (a prepared statement) and Transaction (BEGIN IMMEDIATE ... COMMIT,
// rolled back unless committed). Every SQLite failure becomes a kStoreError
// Status naming the database and SQLite's message. Not thread-safe: one
// thread uses a Db at a time (connections are opened without SQLite's own
// mutexes). This header does not include <sqlite3.h>.
#ifndef CLAIMS_STORE_DB_H_
#define CLAIMS_STORE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace claims::store {

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  bool valid() const { return stmt_ != nullptr; }

  // Binds are 1-based, as in SQLite. A failed bind is reported by Step/Run.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);  // copies `text`
  // Binds without copying: `text` must stay alive and unchanged until the
  // statement is Reset (Run() resets). For the bulk inserts' many columns.
  // An empty text is bound as BindStatic("") is.
  Statement& BindNoCopy(int index, std::string_view text);
  // Binds text that lives as long as the program (a string literal, a name
  // from a static table). Does nothing when the parameter holds exactly this
  // text (same address and length) from the last BindStatic: a bulk insert
  // kept between runs (RunToRebind) binds each run's mostly empty columns
  // and enum names to parameters that already hold them, and each bind is
  // about 200 instructions of SQLite's.
  Statement& BindStatic(int index, std::string_view text);
  Statement& BindDouble(int index, double value);
  // Does nothing when the parameter holds NULL from the last BindNull (as
  // BindStatic): the bulk inserts bind most row ids as NULL, run after run.
  Statement& BindNull(int index);

  // One step: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to completion (INSERT/UPDATE/DELETE) and resets for reuse.
  Status Run();
  // Run() for a statement whose every parameter is bound again before it
  // next runs (the bulk inserts): rewinds without clearing the bindings,
  // which for a 32-row INSERT's 800 parameters cost 4% of a save. No-copy
  // bindings are left pointing at text that may be gone; SQLite reads a
  // binding only when the statement runs, and by then it is replaced.
  Status RunToRebind();
  // Clears the bindings and rewinds, ready for new binds.
  void Reset();

  // Column accessors for the current row (0-based, as in SQLite).
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  // The text without a copy: valid until the next Step, Reset or column
  // access of another type on this column (the checker's load reads a
  // million rows and keeps only what it has not seen).
  std::string_view TextView(int col) const;
  bool IsNull(int col) const;

 private:
  friend class Db;
  Statement(sqlite3* db, sqlite3_stmt* stmt, const std::string* name);
  Status Error(int rc) const;
  // The parameter is about to hold something other than static text.
  void Forget(int index) {
    if (index > 0 && static_cast<size_t>(index) <= bound_static_.size()) bound_static_[index - 1] = {};
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string* name_ = nullptr;  // the Db's name, for messages
  int bind_error_ = 0;
  // What BindStatic last bound to each parameter (index - 1), or BindNull's
  // marker; a null data() where the parameter holds anything else.
  std::vector<std::string_view> bound_static_;
};

class Db {
 public:
  struct Options {
    bool read_only = false;
    bool create = true;  // create the file when missing (else an error)
    int busy_timeout_ms = 10000;
  };

  // ":memory:" opens a private in-memory database.
  static Result<Db> Open(const std::string& path, const Options& options);

  Db() = default;
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs one or more ';'-separated statements that return no rows we need.
  Status Exec(std::string_view sql);
  // Exec, retried while SQLite answers "busy" without waiting itself, up to
  // the busy timeout. Switching a new file to WAL needs an exclusive lock,
  // and SQLite skips the busy handler there (the caller already holds a
  // shared lock), so two processes creating one store collide at once.
  Status ExecWaitingForLock(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  // The first column of the first row of `sql` as an integer (0 if no row).
  Result<int64_t> QueryInt(std::string_view sql);

  int64_t LastInsertId() const;
  int64_t Changes() const;
  bool IsReadOnly() const;
  const std::string& path() const { return *name_; }
  // A kStoreError for SQLite result code `rc`, with a plain explanation for
  // the codes users meet (busy, read-only, not a database, disk full).
  Status Error(int rc, std::string_view doing) const;

 private:
  sqlite3* db_ = nullptr;
  int busy_timeout_ms_ = 0;
  // Heap-held so Statements keep a stable pointer across moves of the Db.
  std::unique_ptr<std::string> name_;
};

// BEGIN IMMEDIATE on construction (waiting up to the busy timeout for other
// writers), ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Db* db);
  // A plain BEGIN: reads see one snapshot and the write lock is not taken.
  static Result<Transaction> BeginRead(Db* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_ = nullptr;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_DB_H_
