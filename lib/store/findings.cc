// Store: the checker's last run. SaveFindings replaces the previous findings
// as a whole (one transaction) and appends a check_runs summary row. The
// claims a finding cites are stored as snapshots in finding_claims, so a
// finding still reads correctly after its articles are re-ingested or
// forgotten. Small maps (details, counts by rule) are JSON objects in TEXT.
#include <map>

#include <fmt/format.h>

#include "base/json.h"
#include "store/rows.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claims::store {
namespace {

std::string MapToJson(const std::map<std::string, std::string>& m) {
  std::string out = "{";
  for (const auto& [k, v] : m) {
    if (out.size() > 1) out += ",";
    json::AppendString(&out, k);
    out += ":";
    json::AppendString(&out, v);
  }
  return out + "}";
}

std::string CountsToJson(const std::map<std::string, int64_t>& m) {
  std::string out = "{";
  for (const auto& [k, v] : m) {
    if (out.size() > 1) out += ",";
    json::AppendString(&out, k);
    out += fmt::format(":{}", v);
  }
  return out + "}";
}

Status JsonToMap(const std::string& text, std::map<std::string, std::string>* out) {
  Result<json::Value> v = json::Parse(text);
  if (!v.ok()) return Status::StoreError("stored JSON is damaged: " + v.status().message());
  for (const auto& [k, field] : v->fields) out->emplace(k, field.text);
  return Status::Ok();
}

Status JsonToCounts(const std::string& text, std::map<std::string, int64_t>* out) {
  std::map<std::string, std::string> m;
  Status s = JsonToMap(text, &m);
  if (!s.ok()) return s;
  for (const auto& [k, v] : m) out->emplace(k, std::stoll(v.empty() ? "0" : v));
  return Status::Ok();
}

}  // namespace

Status Store::SaveFindings(const std::vector<Finding>& findings, const CheckSummary& summary) {
  Db& db = impl_->db;
  Result<Transaction> tx = Transaction::Begin(&db);
  if (!tx.ok()) return tx.status();
  Status s = db.Exec("DELETE FROM finding_claims; DELETE FROM finding_locations; DELETE FROM findings");
  if (!s.ok()) return s;

  Result<Statement> run = db.Prepare(
      "INSERT INTO check_runs (ran_at, articles, claims, groups_compared, consistent, findings, by_rule, "
      "by_severity) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?, ?, ?)");
  if (!run.ok()) return run.status();
  run->Bind(1, summary.articles).Bind(2, summary.claims).Bind(3, summary.groups_compared);
  run->Bind(4, summary.consistent).Bind(5, summary.findings);
  run->Bind(6, CountsToJson(summary.by_rule)).Bind(7, CountsToJson(summary.by_severity));
  s = run->Run();
  if (!s.ok()) return s;
  const int64_t run_id = db.LastInsertId();

  Result<Statement> fst = db.Prepare(
      "INSERT INTO findings (run_id, rule, family, severity, message, expected, fingerprint, details) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Result<Statement> cst = db.Prepare(fmt::format(
      "INSERT INTO finding_claims (finding_id, ord, claim_id, path, article_hash, article_date, {}, sentence) "
      "VALUES (?, ?, ?, ?, ?, ?, {}, ?)",
      kClaimColumns, Placeholders(kClaimColumnCount)));
  Result<Statement> lst = db.Prepare(
      "INSERT INTO finding_locations (finding_id, ord, path, article_hash, line, byte_start, byte_end, surface, "
      "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!fst.ok()) return fst.status();
  if (!cst.ok()) return cst.status();
  if (!lst.ok()) return lst.status();
  for (const Finding& f : findings) {
    fst->Bind(1, run_id).Bind(2, f.rule).Bind(3, f.family).Bind(4, SeverityName(f.severity));
    fst->Bind(5, f.message).Bind(6, f.expected).Bind(7, f.fingerprint).Bind(8, MapToJson(f.details));
    s = fst->Run();
    if (!s.ok()) return s;
    const int64_t finding_id = db.LastInsertId();
    for (size_t i = 0; i < f.claims.size(); ++i) {
      const StoredClaim& c = f.claims[i];
      cst->Bind(1, finding_id).Bind(2, static_cast<int64_t>(i)).Bind(3, c.id).Bind(4, c.path);
      cst->Bind(5, c.article_hash).Bind(6, c.article_date);
      BindClaim(&cst.value(), 7, c.claim);
      cst->Bind(7 + kClaimColumnCount, c.claim.sentence);
      s = cst->Run();
      if (!s.ok()) return s;
    }
    for (size_t i = 0; i < f.locations.size(); ++i) {
      const Location& l = f.locations[i];
      lst->Bind(1, finding_id).Bind(2, static_cast<int64_t>(i)).Bind(3, l.path).Bind(4, l.article_hash);
      lst->Bind(5, int64_t{l.line}).Bind(6, int64_t{l.byte_start}).Bind(7, int64_t{l.byte_end});
      lst->Bind(8, l.surface).Bind(9, l.sentence);
      s = lst->Run();
      if (!s.ok()) return s;
    }
  }
  return tx->Commit();
}

Result<std::vector<Finding>> Store::LoadFindings() {
  Db& db = impl_->db;
  Result<Statement> fst = db.Prepare(
      "SELECT id, rule, family, severity, message, expected, fingerprint, details FROM findings ORDER BY id");
  Result<Statement> cst = db.Prepare(fmt::format(
      "SELECT claim_id, path, article_hash, article_date, {}, sentence FROM finding_claims WHERE finding_id = ? "
      "ORDER BY ord",
      ClaimColumnsOf("")));
  Result<Statement> lst = db.Prepare(
      "SELECT path, article_hash, line, byte_start, byte_end, surface, sentence FROM finding_locations "
      "WHERE finding_id = ? ORDER BY ord");
  if (!fst.ok()) return fst.status();
  if (!cst.ok()) return cst.status();
  if (!lst.ok()) return lst.status();
  std::vector<Finding> out;
  for (;;) {
    Result<bool> row = fst->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Finding f;
    const int64_t id = fst->Int(0);
    f.rule = fst->Text(1);
    f.family = fst->Text(2);
    std::string severity = fst->Text(3);
    if (!ParseSeverity(severity, &f.severity)) {
      return Status::StoreError(fmt::format("finding {} has unknown severity '{}'", id, severity));
    }
    f.message = fst->Text(4);
    f.expected = fst->Text(5);
    f.fingerprint = fst->Text(6);
    Status s = JsonToMap(fst->Text(7), &f.details);
    if (!s.ok()) return s;
    cst->Bind(1, id);
    for (;;) {
      Result<bool> r = cst->Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      StoredClaim c;
      c.id = cst->Int(0);
      c.path = cst->Text(1);
      c.article_hash = cst->Text(2);
      c.article_date = cst->Text(3);
      s = ReadClaim(*cst, 4, &c.claim);
      if (!s.ok()) return s;
      f.claims.push_back(std::move(c));
    }
    cst->Reset();
    lst->Bind(1, id);
    for (;;) {
      Result<bool> r = lst->Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      Location l;
      l.path = lst->Text(0);
      l.article_hash = lst->Text(1);
      l.line = static_cast<uint32_t>(lst->Int(2));
      l.byte_start = static_cast<uint32_t>(lst->Int(3));
      l.byte_end = static_cast<uint32_t>(lst->Int(4));
      l.surface = lst->Text(5);
      l.sentence = lst->Text(6);
      f.locations.push_back(std::move(l));
    }
    lst->Reset();
    out.push_back(std::move(f));
  }
  return out;
}

Result<CheckSummary> Store::LoadSummary() {
  Result<Statement> st = impl_->db.Prepare(
      "SELECT articles, claims, groups_compared, consistent, findings, by_rule, by_severity FROM check_runs "
      "ORDER BY id DESC LIMIT 1");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  CheckSummary summary;
  if (!*row) return summary;  // never checked: all zero
  summary.articles = st->Int(0);
  summary.claims = st->Int(1);
  summary.groups_compared = st->Int(2);
  summary.consistent = st->Int(3);
  summary.findings = st->Int(4);
  Status s = JsonToCounts(st->Text(5), &summary.by_rule);
  if (s.ok()) s = JsonToCounts(st->Text(6), &summary.by_severity);
  if (!s.ok()) return s;
  return summary;
}

}  // namespace claims::store
