#include "store/db.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace claims::store {
namespace {

// Rows of t (a, b), in insertion order, as "a|b" ("NULL" for a null).
std::vector<std::string> Rows(Db* db) {
  Result<Statement> st = db->Prepare("SELECT coalesce(a, 'NULL'), coalesce(b, 'NULL') FROM t ORDER BY rowid");
  REQUIRE(st.ok());
  std::vector<std::string> out;
  for (;;) {
    Result<bool> row = st->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    out.push_back(st->Text(0) + "|" + st->Text(1));
  }
  return out;
}

TEST_CASE("BindStatic skips only a parameter that still holds the same text", "[store]") {
  Result<Db> db = Db::Open(":memory:", Db::Options());
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t (a TEXT, b TEXT)").ok());
  Result<Statement> st = db->Prepare("INSERT INTO t VALUES (?, ?)");
  REQUIRE(st.ok());
  static constexpr std::string_view kX = "x", kY = "y";
  const std::string owned = "z";
  // Kept bindings (RunToRebind): a static text stays bound until another
  // kind of bind replaces it; an empty text is the one static "".
  REQUIRE(st->BindStatic(1, kX).BindNoCopy(2, "").RunToRebind().ok());
  REQUIRE(st->BindStatic(1, kX).BindNoCopy(2, std::string()).RunToRebind().ok());
  REQUIRE(st->BindNoCopy(1, owned).BindStatic(2, kY).RunToRebind().ok());
  REQUIRE(st->BindStatic(1, kX).BindStatic(2, kY).RunToRebind().ok());
  REQUIRE(st->Bind(1, int64_t{7}).BindNull(2).RunToRebind().ok());
  REQUIRE(st->BindStatic(1, kX).BindStatic(2, kY).RunToRebind().ok());
  // Run() clears every binding: the same static text must be bound again.
  REQUIRE(st->BindStatic(1, kX).BindStatic(2, kY).Run().ok());
  REQUIRE(st->BindStatic(1, kX).BindStatic(2, kY).Run().ok());
  CHECK(Rows(&db.value()) == std::vector<std::string>{"x|", "x|", "z|y", "x|y", "7|NULL", "x|y", "x|y", "x|y"});
}

TEST_CASE("BindNull skips only a parameter that still holds its NULL", "[store]") {
  Result<Db> db = Db::Open(":memory:", Db::Options());
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t (a TEXT, b TEXT)").ok());
  Result<Statement> st = db->Prepare("INSERT INTO t VALUES (?, ?)");
  REQUIRE(st.ok());
  static constexpr std::string_view kX = "x";
  REQUIRE(st->BindNull(1).BindStatic(2, kX).RunToRebind().ok());
  REQUIRE(st->BindNull(1).BindNull(2).RunToRebind().ok());      // 1 kept, 2 replaced
  REQUIRE(st->Bind(1, int64_t{3}).BindNull(2).RunToRebind().ok());
  REQUIRE(st->BindNull(1).BindStatic(2, "").RunToRebind().ok());  // NULL is not the empty text
  REQUIRE(st->BindNull(1).BindStatic(2, kX).Run().ok());
  REQUIRE(st->Bind(1, int64_t{4}).BindNull(2).Run().ok());       // after Run, bound again
  CHECK(Rows(&db.value()) == std::vector<std::string>{"NULL|x", "NULL|NULL", "3|NULL", "NULL|", "NULL|x", "4|NULL"});
}

}  // namespace
}  // namespace claims::store
