// Records out and back in. Writing reuses the claim's JSONL rendering (the
// contract in docs/fields.md) so a records stream filtered to its claim lines
// reads like `claims extract --format jsonl`; reading goes through the small
// JSON parser, one line at a time, and refuses anything it would have to
// guess about (a claim without its article, a value that is not a decimal).
#include "records/records.h"

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "base/json.h"
#include "ingest/sources.h"
#include "report/claims_table.h"

namespace claims::records {
namespace {

void Key(std::string* out, std::string_view k) {
  out->append(",\"");
  out->append(k);
  out->append("\":");
}

void Text(std::string* out, std::string_view k, std::string_view v) {
  Key(out, k);
  json::AppendString(out, v);
}

void Number(std::string* out, std::string_view k, int64_t v) {
  Key(out, k);
  out->append(std::to_string(v));
}

std::string_view MentionTypeName(Mention::Type t) { return t == Mention::Type::kModel ? "model" : "date"; }

// Field readers: each returns false when the field is missing or malformed,
// and the caller names the field.
// A whole number that fits T (uint32_t offsets, int64_t sizes).
template <class T>
bool GetInt(const json::Value& v, std::string_view key, T* out) {
  const json::Value* f = v.Find(key);
  if (f == nullptr || f->type != json::Value::Type::kNumber) return false;
  const char* end = f->text.data() + f->text.size();
  auto [p, ec] = std::from_chars(f->text.data(), end, *out);
  return ec == std::errc() && p == end;
}

bool GetDecimal(const json::Value& v, std::string_view key, Decimal* out) {
  const json::Value* f = v.Find(key);
  if (f == nullptr || f->type != json::Value::Type::kString) return false;
  std::optional<Decimal> d = Decimal::Parse(f->text);
  if (!d) return false;
  *out = *d;
  return true;
}

// A string field, or "" for null or absent (unknown context fields are null).
std::string Str(const json::Value& v, std::string_view key) { return v.GetString(key); }

// Returns the name of the first bad field, or "" when the claim is whole.
std::string_view ParseClaim(const json::Value& v, Claim* c) {
  if (!GetInt(v, "byte_start", &c->byte_start)) return "byte_start";
  if (!GetInt(v, "byte_end", &c->byte_end)) return "byte_end";
  if (!GetInt(v, "line", &c->line)) return "line";
  if (!GetDecimal(v, "value_lo", &c->value_lo)) return "value_lo";
  if (!GetDecimal(v, "value_hi", &c->value_hi)) return "value_hi";
  if (!GetDecimal(v, "precision", &c->precision)) return "precision";
  if (!ParseQualifier(Str(v, "qualifier"), &c->qualifier)) return "qualifier";
  if (!ParseKind(Str(v, "kind"), &c->kind)) return "kind";
  if (!ParseDirection(Str(v, "direction"), &c->direction)) return "direction";
  if (!GetInt(v, "sentence_start", &c->sentence_start)) return "sentence_start";
  if (!GetInt(v, "sentence_end", &c->sentence_end)) return "sentence_end";
  static const std::pair<std::string_view, std::string Claim::*> kText[] = {
      {"surface", &Claim::surface},   {"unit", &Claim::unit},           {"dimension", &Claim::dimension},
      {"counted", &Claim::counted},   {"entity", &Claim::entity},       {"metric", &Claim::metric},
      {"metric_word", &Claim::metric_word}, {"period", &Claim::period}, {"scope", &Claim::scope},
      {"base", &Claim::base},         {"base_entity", &Claim::base_entity}, {"sentence", &Claim::sentence}};
  for (const auto& [key, member] : kText) c->*member = Str(v, key);
  return "";
}

std::string_view ParseMention(const json::Value& v, Mention* m) {
  std::string type = Str(v, "type");
  if (type == "date") m->type = Mention::Type::kDate;
  else if (type == "model") m->type = Mention::Type::kModel;
  else return "type";
  if (!GetInt(v, "byte_start", &m->byte_start)) return "byte_start";
  if (!GetInt(v, "byte_end", &m->byte_end)) return "byte_end";
  if (!GetInt(v, "line", &m->line)) return "line";
  m->surface = Str(v, "surface");
  m->value = Str(v, "value");
  m->sentence = Str(v, "sentence");
  return "";
}

std::string_view ParseArticle(const json::Value& v, store::ArticleRecord* r) {
  Article& a = r->article;
  a.path = Str(v, "path");
  if (a.path.empty()) return "path";
  a.hash = Str(v, "hash");
  if (a.hash.empty()) return "hash";
  int64_t bytes = 0, version = 0;
  if (!GetInt(v, "bytes", &bytes) || bytes < 0) return "bytes";
  if (!GetInt(v, "extractor_version", &version)) return "extractor_version";
  a.bytes = static_cast<uint64_t>(bytes);
  r->extractor_version = static_cast<int>(version);
  a.title = Str(v, "title");
  a.date = Str(v, "date");
  a.date_source = Str(v, "date_source");
  a.url = Str(v, "url");
  a.script = Str(v, "script");
  return "";
}

}  // namespace

void AppendClaimRecord(std::string* out, std::string_view path, const Claim& c) {
  out->append("{\"record\":\"claim\",");
  const size_t at = out->size();
  report::AppendClaimJson(out, path, c);
  out->erase(at, 1);   // AppendClaimJson's '{'
  out->pop_back();     // and its '}'
  Number(out, "sentence_start", c.sentence_start);
  Number(out, "sentence_end", c.sentence_end);
  out->push_back('}');
}

void AppendArticleRecords(std::string* out, const Article& a, int extractor_version,
                          const std::vector<Claim>& claims, const std::vector<Mention>& mentions) {
  out->append("{\"record\":\"article\"");
  Text(out, "path", a.path);
  Text(out, "hash", a.hash);
  Number(out, "bytes", static_cast<int64_t>(a.bytes));
  Text(out, "title", a.title);
  Text(out, "date", a.date);
  Text(out, "date_source", a.date_source);
  Text(out, "url", a.url);
  Text(out, "script", a.script);
  Number(out, "extractor_version", extractor_version);
  out->append("}\n");
  for (const Claim& c : claims) {
    AppendClaimRecord(out, a.path, c);
    out->push_back('\n');
  }
  for (const Mention& m : mentions) {
    out->append("{\"record\":\"mention\"");
    Text(out, "path", a.path);
    Text(out, "type", MentionTypeName(m.type));
    Number(out, "byte_start", m.byte_start);
    Number(out, "byte_end", m.byte_end);
    Number(out, "line", m.line);
    Text(out, "surface", m.surface);
    Text(out, "value", m.value);
    Text(out, "sentence", m.sentence);
    out->append("}\n");
  }
}

struct Reader::Impl {
  explicit Impl(std::FILE* f) : lines(f) {}
  ingest::JsonlReader lines;
  std::optional<json::Value> pending;  // an article line read ahead
};

Reader::Reader(std::FILE* file) : impl_(std::make_unique<Impl>(file)) {}
Reader::~Reader() = default;
int64_t Reader::line_number() const { return impl_->lines.line_number(); }

bool Reader::Next(store::ArticleRecord* out) {
  if (!status_.ok()) return false;
  *out = store::ArticleRecord();
  bool have_article = false;
  std::string line;
  auto fail = [&](std::string message) {
    status_ = Status::BadInput(fmt::format("line {}: {}", impl_->lines.line_number(), message));
    return false;
  };
  for (;;) {
    json::Value v;
    if (impl_->pending) {
      v = std::move(*impl_->pending);
      impl_->pending.reset();
    } else {
      if (!impl_->lines.Next(&line)) {
        if (impl_->lines.error()) return fail("read error");
        return have_article;
      }
      Result<json::Value> parsed = json::Parse(line);
      if (!parsed.ok()) return fail(parsed.status().message());
      if (parsed->type != json::Value::Type::kObject) return fail("not a JSON object");
      v = std::move(parsed).value();
    }
    const std::string type = v.GetString("record");
    if (type == "article") {
      if (have_article) {
        impl_->pending = std::move(v);
        return true;
      }
      if (std::string_view bad = ParseArticle(v, out); !bad.empty()) {
        return fail(fmt::format("article: missing or bad \"{}\"", bad));
      }
      have_article = true;
      continue;
    }
    if (type != "claim" && type != "mention") {
      return fail(fmt::format("unknown record \"{}\" (article, claim or mention)", type));
    }
    const std::string path = v.GetString("path");
    if (!have_article) return fail(fmt::format("{} before any article line", type));
    if (path != out->article.path) {
      return fail(fmt::format("{} names path \"{}\" after article \"{}\"", type, path, out->article.path));
    }
    if (type == "claim") {
      Claim c;
      if (std::string_view bad = ParseClaim(v, &c); !bad.empty()) {
        return fail(fmt::format("claim: missing or bad \"{}\"", bad));
      }
      out->claims.push_back(std::move(c));
    } else {
      Mention m;
      if (std::string_view bad = ParseMention(v, &m); !bad.empty()) {
        return fail(fmt::format("mention: missing or bad \"{}\"", bad));
      }
      out->mentions.push_back(std::move(m));
    }
  }
}

}  // namespace claims::records
