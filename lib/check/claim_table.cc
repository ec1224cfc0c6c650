// ClaimTable: strings live in 1 MB chunks that never move (views stay valid
// as the table grows), interned through a set of views into them.
#include "check/claim_table.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstring>
#include <limits>
#include <stdexcept>

namespace claims::check {
namespace {

constexpr size_t kChunk = 1 << 20;
// Below 2^53 an int64 converts to double exactly, the same double as the
// cpp_int coefficient's conversion; above, the Decimal decides.
constexpr int64_t kExactDouble = int64_t{1} << 53;

}  // namespace

void ReleaseFreedHeap() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

Decimal CompactDecimal::Get() const {
  if (is_big()) return *big();
  return Decimal(small()).ScaledByPow10(exp_);
}

int CompactDecimal::sign() const {
  if (is_big()) return big()->sign();
  const int64_t v = small();
  return (v > 0) - (v < 0);
}

const double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                         1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20};

double SortDouble(const Decimal& d) {
  double coef = d.coefficient().convert_to<double>();
  int e = d.exponent();
  if (e >= 0 && e <= 20) return coef * kPow10[e];
  if (e < 0 && e >= -20) return coef / kPow10[-e];
  return d.ToDouble();
}

double CompactDecimal::ToD() const {
  const int64_t v = is_big() ? 0 : small();
  if (!is_big() && v > -kExactDouble && v < kExactDouble) {
    double coef = static_cast<double>(v);
    if (exp_ >= 0 && exp_ <= 20) return coef * kPow10[exp_];
    if (exp_ < 0 && exp_ >= -20) return coef / kPow10[-exp_];
  }
  return SortDouble(Get());
}

bool operator==(const CompactDecimal& a, const CompactDecimal& b) {
  if (a.is_big() != b.is_big()) return false;
  if (a.is_big()) return *a.big() == *b.big();
  return a.small() == b.small() && a.exp_ == b.exp_;
}

StoredClaim ToStoredClaim(const CheckClaim& c) {
  StoredClaim sc;
  sc.id = c.id;
  sc.path = c.article->path;
  sc.article_hash = c.article->hash;
  sc.article_date = c.article->date;
  Claim& out = sc.claim;
  out.byte_start = c.byte_start;
  out.byte_end = c.byte_end;
  out.line = c.line;
  out.surface = c.surface;
  out.value_lo = c.value_lo.Get();
  out.value_hi = c.value_hi.Get();
  out.precision = c.precision.Get();
  out.unit = c.fields->unit;
  out.dimension = c.fields->dimension;
  out.counted = c.fields->counted;
  out.qualifier = c.qualifier;
  out.kind = c.kind;
  out.direction = c.direction;
  out.entity = c.fields->entity;
  out.metric = c.fields->metric;
  out.metric_word = c.fields->metric_word;
  out.period = c.fields->period;
  out.scope = c.fields->scope;
  out.base = c.fields->base;
  out.base_entity = c.fields->base_entity;
  out.sentence_start = c.sentence_start;
  out.sentence_end = c.sentence_end;
  out.sentence = c.sentence;
  return sc;
}

Location ToLocation(const CheckMention& m) {
  Location loc;
  loc.path = m.article->path;
  loc.article_hash = m.article->hash;
  loc.line = m.line;
  loc.byte_start = m.byte_start;
  loc.byte_end = m.byte_end;
  loc.surface = m.surface;
  loc.sentence = m.sentence;
  loc.sentence_start = m.sentence_start;
  return loc;
}

size_t OffsetInSentence(const CheckMention& m) {
  if (m.sentence_start != 0 && m.byte_start >= m.sentence_start) {
    size_t off = m.byte_start - m.sentence_start;
    if (off < m.sentence.size() && m.sentence.substr(off, m.surface.size()) == m.surface) return off;
  }
  return m.sentence.find(m.surface);
}

const ArticleRef* ClaimTable::AddArticle(std::string_view path, std::string_view hash,
                                         std::string_view date) {
  return &articles_.emplace_back(ArticleRef{std::string(path), std::string(hash), std::string(date)});
}

std::string_view ClaimTable::Copy(std::string_view prefix, std::string_view s) {
  if (s.empty()) return {};
  if (prefix.size() + s.size() > chunk_left_) {
    size_t size = std::max(kChunk, prefix.size() + s.size());
    chunks_.push_back(std::make_unique<char[]>(size));
    chunk_next_ = chunks_.back().get();
    chunk_left_ = size;
  }
  const size_t total = prefix.size() + s.size();
  std::memcpy(chunk_next_, prefix.data(), prefix.size());
  std::memcpy(chunk_next_ + prefix.size(), s.data(), s.size());
  std::string_view out(chunk_next_, total);
  chunk_next_ += total;
  chunk_left_ -= total;
  return out;
}

std::string_view ClaimTable::Intern(std::string_view s) {
  if (s.empty()) return {};
  RequireUnsealed();
  auto found = interned_.find(s);
  if (found != interned_.end()) return *found;
  // Every interned text is stored after its length, so that a Text (its
  // address alone) can read it back.
  const uint32_t n = static_cast<uint32_t>(s.size());
  std::string_view with_length = Copy(std::string_view(reinterpret_cast<const char*>(&n), sizeof(n)), s);
  std::string_view kept = with_length.substr(sizeof(n));
  interned_.insert(kept);
  return kept;
}

Text ClaimTable::InternText(std::string_view s) {
  std::string_view kept = Intern(s);
  return kept.empty() ? Text() : Text(kept.data());
}

CompactDecimal ClaimTable::Compact(const Decimal& d) {
  CompactDecimal out;
  Decimal::Int coef = d.coefficient();
  if (coef >= std::numeric_limits<int64_t>::min() && coef <= std::numeric_limits<int64_t>::max() &&
      d.exponent() != CompactDecimal::kBig) {
    out.SetSmall(coef.convert_to<int64_t>(), d.exponent());
    return out;
  }
  out.SetBig(&big_.emplace_back(d));
  return out;
}

const ArticleRef* ClaimTable::FindArticle(const std::string& path, const std::string& hash,
                                          const std::string& date) {
  const ArticleRef*& article = article_index_[path + '\0' + hash + '\0' + date];
  if (!article) article = AddArticle(path, hash, date);
  return article;
}

void ClaimTable::Add(const Location& loc, const Mention& m) {
  RequireUnsealed();  // before anything is added
  CheckMention& out = mentions.emplace_back();
  out.article = FindArticle(loc.path, loc.article_hash, "");
  out.type = m.type;
  out.byte_start = loc.byte_start;
  out.byte_end = loc.byte_end;
  out.line = loc.line;
  out.sentence_start = loc.sentence_start;
  out.surface = Intern(loc.surface);
  out.value = Intern(m.value);
  out.sentence = InternText(loc.sentence);
}

void ClaimTable::AdoptMentions(ClaimTable&& other) {
  if (mentions.empty()) {
    mentions = std::move(other.mentions);
  } else {
    mentions.insert(mentions.end(), other.mentions.begin(), other.mentions.end());
  }
  other.mentions.clear();
  adopted_.push_back(std::make_unique<ClaimTable>(std::move(other)));
}

void ClaimTable::RequireUnsealed() const {
  if (sealed_) throw std::logic_error("ClaimTable: adding to a sealed table");
}

void ClaimTable::Seal() {
  sealed_ = true;
  std::unordered_set<std::string_view>().swap(interned_);
  std::unordered_map<std::string, const ArticleRef*>().swap(article_index_);
  for (std::unique_ptr<ClaimTable>& t : adopted_) t->Seal();
}

void ClaimTable::Add(const StoredClaim& sc) {
  RequireUnsealed();  // before anything is added
  const ArticleRef* article = FindArticle(sc.path, sc.article_hash, sc.article_date);
  const Claim& c = sc.claim;
  CheckClaim& out = claims.emplace_back();
  out.id = sc.id;
  out.article = article;
  out.byte_start = c.byte_start;
  out.byte_end = c.byte_end;
  out.line = c.line;
  out.sentence_start = c.sentence_start;
  out.sentence_end = c.sentence_end;
  out.qualifier = c.qualifier;
  out.kind = c.kind;
  out.direction = c.direction;
  out.surface = Intern(c.surface);
  ClaimFields fields;
  fields.unit = InternText(c.unit);
  fields.dimension = InternText(c.dimension);
  fields.counted = InternText(c.counted);
  fields.entity = InternText(c.entity);
  fields.metric = InternText(c.metric);
  fields.metric_word = InternText(c.metric_word);
  fields.period = InternText(c.period);
  fields.scope = InternText(c.scope);
  fields.base = InternText(c.base);
  fields.base_entity = InternText(c.base_entity);
  out.fields = InternFields(fields);
  out.sentence = InternText(c.sentence);
  out.value_lo = Compact(c.value_lo);
  out.value_hi = Compact(c.value_hi);
  out.precision = Compact(c.precision);
}

size_t ClaimTable::FieldsHash::operator()(const ClaimFields& f) const {
  // Interned: equal texts have equal addresses, so the addresses are the key.
  size_t h = 0;
  for (const Text* t : {&f.unit, &f.dimension, &f.counted, &f.entity, &f.metric, &f.metric_word, &f.period,
                        &f.scope, &f.base, &f.base_entity}) {
    h = (h ^ std::hash<const void*>()(t->data())) * 0x9E3779B97F4A7C15ull;
  }
  return h;
}

const ClaimFields* ClaimTable::InternFields(const ClaimFields& f) {
  return &*fields_.insert(f).first;
}

}  // namespace claims::check
