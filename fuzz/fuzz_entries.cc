// Invariant checks behind the fuzz targets. Each check names what broke and
// the input's byte offset where that helps; nothing here prints or exits (the
// libFuzzer wrapper and the replay test do).
#include "fuzz/fuzz_entries.h"

#include <stdio.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analyze/analyzer.h"
#include "base/decimal.h"
#include "base/json.h"
#include "ingest/metadata.h"
#include "ingest/sha1.h"
#include "ingest/sources.h"
#include "number/numeral.h"
#include "report/claims_table.h"
#include "store/store.h"
#include "text/decode.h"

namespace claims::fuzz {
namespace {

void Require(bool ok, std::string_view what) {
  if (!ok) throw FuzzFailure(std::string(what));
}

bool ValidUtf8(std::string_view s) { return text::FindInvalidUtf8(s) == std::string_view::npos; }

// An offset is on a character boundary when it is the end or does not point
// at a continuation byte.
bool OnBoundary(std::string_view s, size_t offset) {
  return offset == s.size() || (offset < s.size() && (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80);
}

// ToString() is the canonical text: it parses back to the same value, and
// that value prints the same text.
void RequireCanonical(const Decimal& d, std::string_view what) {
  std::string text = d.ToString();
  std::optional<Decimal> back = Decimal::Parse(text);
  Require(back.has_value(), fmt::format("{} '{}' does not re-parse", what, text));
  Require(*back == d, fmt::format("{} '{}' re-parses to another value", what, text));
  Require(back->ToString() == text, fmt::format("{} '{}' re-prints as '{}'", what, text, back->ToString()));
}

void CheckNumeral(const number::Numeral& n, std::string_view what) {
  if (!n.ok()) return;
  Require(n.lo <= n.hi, fmt::format("{}: lo {} > hi {}", what, n.lo.ToString(), n.hi.ToString()));
  Require(n.vague || n.lo == n.hi, fmt::format("{}: not vague but lo != hi", what));
  Require(n.precision.sign() > 0, fmt::format("{}: precision {} not positive", what, n.precision.ToString()));
  // The last stated digit cannot be worth more than the whole number.
  Require(n.vague || n.lo.is_zero() || n.precision <= n.lo.Abs(),
          fmt::format("{}: precision {} above the value {}", what, n.precision.ToString(), n.lo.ToString()));
  RequireCanonical(n.lo, what);
  RequireCanonical(n.hi, what);
  RequireCanonical(n.precision, what);
}

const Analyzer& SharedAnalyzer() {
  static const std::unique_ptr<Analyzer> analyzer = [] {
    Result<std::unique_ptr<Analyzer>> a = Analyzer::Create({});
    if (!a.ok()) throw FuzzFailure("Analyzer::Create: " + a.status().ToString());
    return std::move(a).value();
  }();
  return *analyzer;
}

void CheckSpan(std::string_view data, uint32_t begin, uint32_t end, std::string_view surface,
               std::string_view what) {
  Require(begin <= end && end <= data.size(),
          fmt::format("{} [{}, {}) outside the input of {} bytes", what, begin, end, data.size()));
  Require(OnBoundary(data, begin) && OnBoundary(data, end),
          fmt::format("{} [{}, {}) splits a UTF-8 character", what, begin, end));
  Require(surface == data.substr(begin, end - begin), fmt::format("{} [{}, {}) is not its bytes", what, begin, end));
}

// 1 + the line ends before `offset`: "\n", "\r\n" and a lone "\r" (counted
// here independently of text::CountLineEnds, which the extractor uses).
uint32_t LineOf(std::string_view data, uint32_t offset) {
  uint32_t line = 1;
  for (uint32_t i = 0; i < offset; ++i)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == data.size() || data[i + 1] != '\n'))) ++line;
  return line;
}

std::string SerializeJson(const json::Value& v) {
  std::string out;
  switch (v.type) {
    case json::Value::Type::kNull: return "null";
    case json::Value::Type::kBool: return v.boolean ? "true" : "false";
    case json::Value::Type::kNumber: return v.text;
    case json::Value::Type::kString: json::AppendString(&out, v.text); return out;
    case json::Value::Type::kArray:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? "," : "") + SerializeJson(v.items[i]);
      return out + ']';
    case json::Value::Type::kObject:
      out += '{';
      for (size_t i = 0; i < v.fields.size(); ++i) {
        if (i) out += ',';
        json::AppendString(&out, v.fields[i].first);
        out += ':' + SerializeJson(v.fields[i].second);
      }
      return out + '}';
  }
  return out;
}

// Strings of a parsed value are valid UTF-8 (else they could not be written
// back out as JSON).
void RequireUtf8Strings(const json::Value& v) {
  Require(v.type != json::Value::Type::kString || ValidUtf8(v.text), "json: a parsed string is not valid UTF-8");
  for (const json::Value& item : v.items) RequireUtf8Strings(item);
  for (const auto& [key, value] : v.fields) {
    Require(ValidUtf8(key), "json: a parsed key is not valid UTF-8");
    RequireUtf8Strings(value);
  }
}

bool WellFormedDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Every field of a claim as text, in one string (for exact comparison).
std::string AllFields(const Claim& c) {
  std::string out = fmt::format("{}|{}|", c.sentence_start, c.sentence_end);
  for (std::string_view name : report::ClaimFieldNames()) out += report::ClaimField(c, name) + '\x1f';
  return out;
}

std::string AllFields(const Mention& m) {
  return fmt::format("{}|{}|{}|{}|{}|{}|{}", static_cast<int>(m.type), m.byte_start, m.byte_end, m.line, m.surface,
                     m.value, m.sentence);
}

template <typename T>
std::vector<std::string> Sorted(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(AllFields(item));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void FuzzNumber(std::string_view data) {
  CheckNumeral(number::ParseArabic(data), "ParseArabic");
  CheckNumeral(number::ParseNumeral(data), "ParseNumeral");
  std::optional<Decimal> d = Decimal::Parse(data);
  if (!d) return;
  RequireCanonical(*d, "Decimal::Parse");
  Require(d->digits() <= Decimal::kMaxDigits, "Decimal::Parse accepted more than kMaxDigits digits");
  Require(-(-*d) == *d, "Decimal: -(-d) != d");
  Require((*d + (-*d)).is_zero(), "Decimal: d + (-d) != 0");
  Require(*d * Decimal(1) == *d, "Decimal: d * 1 != d");
  Require(*d + *d == *d * Decimal(2), "Decimal: d + d != d * 2");
  Require((d->ToDouble() > 0) - (d->ToDouble() < 0) == d->sign() || d->ToDouble() == 0,
          "Decimal: ToDouble has the wrong sign");
  for (int k : {-7, -1, 1, 8, 12})
    Require(d->ScaledByPow10(k).ScaledByPow10(-k) == *d, fmt::format("Decimal: scaling by 10^{} does not invert", k));
  RequireCanonical(Decimal::FromRational(d->ToRational(), 6), "FromRational");
}

void FuzzExtract(std::string_view data) {
  ArticleInput input;
  input.path = "fuzz.txt";
  Result<AnalyzedArticle> r = SharedAnalyzer().Analyze(data, input);
  if (!r.ok()) {
    Require(r.status().code() == Status::Code::kBadInput, "Analyze failed with " + r.status().ToString());
    return;
  }
  Require(ValidUtf8(data), "Analyze accepted invalid UTF-8");
  const AnalyzedArticle& a = r.value();
  Require(ValidUtf8(a.article.title) && ValidUtf8(a.article.url) && ValidUtf8(a.article.date),
          "article metadata is not valid UTF-8");
  Require(a.article.date.empty() || WellFormedDate(a.article.date), "article date '" + a.article.date + "'");
  for (const Claim& c : a.claims) {
    std::string what = fmt::format("claim '{}'", c.surface);
    CheckSpan(data, c.byte_start, c.byte_end, c.surface, what);
    Require(c.byte_start < c.byte_end, what + " is empty");
    CheckSpan(data, c.sentence_start, c.sentence_end, c.sentence, what + " sentence");
    Require(c.sentence_start <= c.byte_start && c.byte_end <= c.sentence_end, what + " lies outside its sentence");
    Require(c.line == LineOf(data, c.byte_start), fmt::format("{} on line {}, not {}", what, c.line,
                                                              LineOf(data, c.byte_start)));
    Require(c.value_lo <= c.value_hi, what + ": value_lo > value_hi");
    Require(c.precision.sign() >= 0, what + ": negative precision");
    RequireCanonical(c.value_lo, what + " value_lo");
    RequireCanonical(c.value_hi, what + " value_hi");
    RequireCanonical(c.precision, what + " precision");
    Require(!c.unit.empty() && !c.dimension.empty(), what + " has no unit or dimension");
    for (std::string_view name : report::ClaimFieldNames())
      Require(ValidUtf8(report::ClaimField(c, name)), fmt::format("{} field {} is not valid UTF-8", what, name));
    std::string line;
    report::AppendClaimJson(&line, input.path, c);
    Result<json::Value> parsed = json::Parse(line);
    Require(parsed.ok(), what + ": its JSONL line does not parse: " + line);
    Require(parsed.value().GetString("value_lo") == c.value_lo.ToString(), what + ": JSONL value_lo differs");
    Require(parsed.value().GetString("surface") == c.surface, what + ": JSONL surface differs");
  }
  for (const Mention& m : a.mentions) {
    std::string what = fmt::format("mention '{}'", m.surface);
    CheckSpan(data, m.byte_start, m.byte_end, m.surface, what);
    Require(m.line == LineOf(data, m.byte_start), what + " on the wrong line");
    Require(ValidUtf8(m.value) && ValidUtf8(m.sentence), what + " is not valid UTF-8");
  }
}

void FuzzArticle(std::string_view data) {
  Result<json::Value> v = json::Parse(data);
  if (v.ok()) {
    RequireUtf8Strings(v.value());
    std::string again = SerializeJson(v.value());
    Result<json::Value> w = json::Parse(again);
    Require(w.ok(), "json: the re-serialised value does not parse: " + again);
    Require(SerializeJson(w.value()) == again, "json: the re-serialised value parses to another value");
  }

  Result<ingest::JsonlArticle> article = ingest::ParseJsonlLine(data);
  if (article.ok()) {
    const ingest::JsonlArticle& a = article.value();
    Require(ValidUtf8(a.id) && ValidUtf8(a.title) && ValidUtf8(a.date) && ValidUtf8(a.url) && ValidUtf8(a.text),
            "ParseJsonlLine: a field is not valid UTF-8");
  }

  // The bytes as a JSONL stream: each line is the stream's bytes at its offset.
  if (!data.empty()) {
    std::string copy(data);
    std::unique_ptr<FILE, int (*)(FILE*)> f(fmemopen(copy.data(), copy.size(), "r"), &fclose);
    Require(f != nullptr, "fmemopen failed");
    ingest::JsonlReader reader(f.get());
    std::string line;
    int64_t last = 0, last_offset = -1;
    while (reader.Next(&line)) {
      Require(reader.line_number() > last && reader.line_offset() > last_offset, "JsonlReader: lines go backwards");
      last = reader.line_number();
      last_offset = reader.line_offset();
      Require(static_cast<size_t>(last_offset) + line.size() <= data.size() &&
                  data.substr(last_offset, line.size()) == line,
              fmt::format("JsonlReader: line {} is not the bytes at offset {}", last, last_offset));
    }
  }

  ingest::Metadata meta = ingest::ReadMetadata(data);
  Require(meta.date.empty() || WellFormedDate(meta.date), "ReadMetadata: date '" + meta.date + "'");
  Require(meta.date.empty() == meta.date_source.empty(), "ReadMetadata: date and date_source disagree");
  if (ValidUtf8(data))
    Require(ValidUtf8(meta.title) && ValidUtf8(meta.url), "ReadMetadata: title or url split a character");
  std::string date = ingest::FindDate(data);
  Require(date.empty() || WellFormedDate(date), "FindDate: '" + date + "'");

  std::string path = ingest::NormalizePath(data);
  Require(ingest::NormalizePath(path) == path, "NormalizePath is not idempotent on '" + path + "'");
  Require(ingest::Sha1Hex(data) == ingest::Sha1HexPortable(data), "Sha1Hex differs from the portable SHA-1");
}

void FuzzStore(std::string_view data) {
  ArticleInput input;
  input.path = "语料/第 1 篇.txt";
  Result<AnalyzedArticle> r = SharedAnalyzer().Analyze(data, input);
  if (!r.ok()) return;
  static const std::unique_ptr<store::Store> db = [] {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open(":memory:");
    if (!s.ok()) throw FuzzFailure("Store::Open: " + s.status().ToString());
    return std::move(s).value();
  }();

  store::ArticleRecord record;
  record.article = r.value().article;
  record.article.hash = ingest::Sha1Hex(data);
  record.size = static_cast<int64_t>(data.size());
  record.mtime_ns = static_cast<int64_t>(data.size()) * 1000003;
  record.extractor_version = Analyzer::kExtractorVersion;
  record.claims = r.value().claims;
  record.mentions = r.value().mentions;
  for (int round = 0; round < 2; ++round) {  // the second save replaces the first
    Status st = db->SaveArticle(record);
    Require(st.ok(), "SaveArticle: " + st.ToString());
  }

  Result<store::ArticleRecord> found = db->FindArticleByPath(input.path);
  Require(found.ok(), "FindArticleByPath: " + found.status().ToString());
  const Article& a = found.value().article;
  const Article& want = record.article;
  Require(a.path == want.path && a.hash == want.hash && a.bytes == want.bytes && a.title == want.title &&
              a.date == want.date && a.date_source == want.date_source && a.url == want.url &&
              a.script == want.script,
          "the loaded article differs from the saved one");
  Require(found.value().size == record.size && found.value().mtime_ns == record.mtime_ns &&
              found.value().extractor_version == record.extractor_version,
          "the loaded bookkeeping differs from the saved one");

  Result<std::vector<StoredClaim>> claims = db->LoadClaims({});
  Require(claims.ok(), "LoadClaims: " + claims.status().ToString());
  std::vector<Claim> loaded;
  for (const StoredClaim& sc : claims.value()) {
    Require(sc.path == input.path && sc.article_hash == want.hash, "a loaded claim names another article");
    loaded.push_back(sc.claim);
  }
  Require(Sorted(loaded) == Sorted(record.claims),
          fmt::format("claims differ after the round trip ({} saved, {} loaded)", record.claims.size(),
                      loaded.size()));

  Result<std::vector<std::pair<Location, Mention>>> mentions = db->LoadMentions({});
  Require(mentions.ok(), "LoadMentions: " + mentions.status().ToString());
  std::vector<Mention> loaded_mentions;
  for (const auto& [location, mention] : mentions.value()) loaded_mentions.push_back(mention);
  Require(Sorted(loaded_mentions) == Sorted(record.mentions),
          fmt::format("mentions differ after the round trip ({} saved, {} loaded)", record.mentions.size(),
                      loaded_mentions.size()));

  int64_t removed = 0;
  Status st = db->ForgetPaths({input.path}, &removed);
  Require(st.ok() && removed == 1, "ForgetPaths did not remove the article");
  Result<std::vector<StoredClaim>> none = db->LoadClaims({});
  Require(none.ok() && none.value().empty(), "claims remain after ForgetPaths");
}

}  // namespace claims::fuzz
