#include "check/check_test_util.h"

#include <sstream>
#include <stdexcept>

namespace claims::check::testing {
namespace {

std::string DimensionOf(std::string_view unit) {
  if (unit == "%" ) return "percent";
  if (unit == "pp") return "percent_points";
  if (unit == "x") return "multiple";
  if (unit.find("/share") != std::string_view::npos) return "price_per_share";
  if (unit == "USD" || unit == "CNY" || unit == "HKD" || unit == "EUR") return "currency";
  if (unit == "FLOPS") return "compute";
  return "count";
}

}  // namespace

Decimal PrecisionOf(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) ++i;
  if (i == s.size()) return Decimal();
  int frac = 0;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') { if (dot) ++frac; continue; }
    if (s[i] == '.' && !dot) { dot = true; continue; }
    break;
  }
  std::string_view rest = s.substr(i);
  int mag = 0;
  if (rest.rfind("万亿", 0) == 0) mag = 12;
  else if (rest.rfind("亿", 0) == 0) mag = 8;
  else if (rest.rfind("万", 0) == 0) mag = 4;
  else if (rest.rfind("千", 0) == 0) mag = 3;
  return Decimal::Pow10(mag - frac);
}

uint32_t Corpus::SentenceStart(const std::string& path, std::string_view sentence) {
  auto key = std::make_pair(path, std::string(sentence));
  auto it = sentence_starts_.find(key);
  if (it != sentence_starts_.end()) return it->second;
  uint32_t start = next_offset_[path];
  next_offset_[path] = start + static_cast<uint32_t>(sentence.size()) + 1;
  sentence_starts_[key] = start;
  next_line_[path] += 1;
  return start;
}

StoredClaim& Corpus::Claim(std::string_view path, std::string_view sentence,
                           std::string_view surface, std::string_view desc) {
  StoredClaim sc;
  sc.id = static_cast<int64_t>(claims.size()) + 1;
  sc.path = std::string(path);
  sc.article_hash = "h:" + sc.path;
  auto d = dates_.find(sc.path);
  if (d != dates_.end()) sc.article_date = d->second;
  claims::Claim& c = sc.claim;
  c.sentence = std::string(sentence);
  c.sentence_start = SentenceStart(sc.path, sentence);
  c.line = next_line_[sc.path];
  size_t off = c.sentence.find(surface);
  if (off == std::string::npos) throw std::invalid_argument("surface not in sentence");
  c.surface = std::string(surface);
  c.byte_start = c.sentence_start + static_cast<uint32_t>(off);
  c.byte_end = c.byte_start + static_cast<uint32_t>(surface.size());
  c.precision = PrecisionOf(surface);

  std::istringstream in{std::string(desc)};
  std::string tok;
  in >> tok;
  size_t dots = tok.find("..");
  auto parse = [](const std::string& s) {
    auto v = Decimal::Parse(s);
    if (!v) throw std::invalid_argument("bad value " + s);
    return *v;
  };
  c.value_lo = parse(tok.substr(0, dots));
  c.value_hi = dots == std::string::npos ? c.value_lo : parse(tok.substr(dots + 2));
  if (dots != std::string::npos) c.qualifier = Qualifier::kRange;
  in >> c.unit;
  c.dimension = DimensionOf(c.unit);
  while (in >> tok) {
    size_t eq = tok.find('=');
    std::string k = tok.substr(0, eq), v = tok.substr(eq + 1);
    if (k == "q") ParseQualifier(v, &c.qualifier);
    else if (k == "k") ParseKind(v, &c.kind);
    else if (k == "d") ParseDirection(v, &c.direction);
    else if (k == "e") c.entity = v;
    else if (k == "m") c.metric = v;
    else if (k == "t") c.period = v;
    else if (k == "s") c.scope = v;
    else if (k == "b") c.base = v;
    else if (k == "be") c.base_entity = v;
    else if (k == "p") c.precision = parse(v);
    else if (k == "date") sc.article_date = v;
    else if (k == "hash") sc.article_hash = v;
    else if (k == "dim") c.dimension = v;
    else throw std::invalid_argument("unknown key " + k);
  }
  claims.push_back(std::move(sc));
  return claims.back();
}

void Corpus::Date(std::string_view path, std::string_view sentence, std::string_view surface,
                  std::string_view value, std::string_view hash) {
  Location loc;
  loc.path = std::string(path);
  loc.article_hash = hash.empty() ? "h:" + loc.path : std::string(hash);
  loc.sentence = std::string(sentence);
  loc.sentence_start = SentenceStart(loc.path, sentence);
  loc.line = next_line_[loc.path];
  loc.byte_start = loc.sentence_start + static_cast<uint32_t>(loc.sentence.find(surface));
  loc.byte_end = loc.byte_start + static_cast<uint32_t>(surface.size());
  loc.surface = std::string(surface);
  Mention m;
  m.type = Mention::Type::kDate;
  m.byte_start = loc.byte_start;
  m.byte_end = loc.byte_end;
  m.line = loc.line;
  m.surface = loc.surface;
  m.value = std::string(value);
  mentions.emplace_back(std::move(loc), std::move(m));
}

void Corpus::Model(std::string_view path, std::string_view sentence, std::string_view surface) {
  Date(path, sentence, surface, "");
  mentions.back().second.type = Mention::Type::kModel;
}

CheckResult Corpus::Run(const CheckOptions& opts) const {
  return check::Run(claims, mentions, opts);
}

std::vector<Finding> Of(const CheckResult& r, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : r.findings) if (f.rule == rule) out.push_back(f);
  return out;
}

std::vector<Finding> Serious(const CheckResult& r) {
  std::vector<Finding> out;
  for (const Finding& f : r.findings) if (f.severity >= Severity::kWarning) out.push_back(f);
  return out;
}

std::vector<std::string> Brief(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.rule + " " + std::string(SeverityName(f.severity)));
  return out;
}

}  // namespace claims::check::testing
