// A recursive-descent JSON reader with a depth limit, and the string escaper
// every writer in the project uses. Numbers are validated but kept as text.
#include "base/json.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "base/simd.h"
#include "base/swar.h"
#include "text/decode.h"

namespace claims::json {

Value::Value() = default;
namespace {

constexpr int kMaxDepth = 64;

// Length of the leading run of s[from..] in which no 8-byte word (16-byte
// block with SSE2) can hold a byte that a written JSON string treats
// specially: quote, backslash, a control character, DEL and 0xE2 (the lead
// byte of U+2028/9). Article texts are long runs of plain bytes; this skips
// them a block at a time.
size_t PlainRun(std::string_view s, size_t from) {
  size_t i = from;
#ifdef CLAIMS_HAVE_SSE2
  for (; i + 16 <= s.size(); i += 16) {
    uint32_t hit = simd::JsonSpecial(simd::Load16(s.data() + i));
    if (hit != 0) return i - from + static_cast<size_t>(std::countr_zero(hit));
  }
#endif
  using namespace swar;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w = Load(s.data() + i);
    uint64_t hit = HasByte(w, '"') | HasByte(w, '\\') | HasLess(w, 0x20) | HasByte(w, 0x7F) | HasByte(w, 0xE2);
    if (hit != 0) break;
  }
  return i - from;
}

#ifdef CLAIMS_HAVE_SSE2
// How many of the 64 bytes at p PlainUtf8Run may pass without a closer look:
// the leading bytes up to the first one that is special in a JSON string, or
// that starts a character other than ASCII or a three-byte one whose lead
// puts no extra limit on the next byte (so C0-DF, E0, ED and F0-FF stop it:
// rare in Chinese text), or that starts a character running past the 64
// bytes. Those bytes, and any stretch whose leads and continuation bytes do
// not pair up, are left to the byte-wise check, which decides.
struct Utf8Prefix64 {
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control_max = _mm_set1_epi8(0x1F);
  const __m128i e0 = _mm_set1_epi8(static_cast<char>(0xE0)), ed = _mm_set1_epi8(static_cast<char>(0xED));
  const __m128i f0 = _mm_set1_epi8(static_cast<char>(0xF0)), c0 = _mm_set1_epi8(static_cast<char>(0xC0));

  size_t operator()(const char* p) const {
    uint64_t stop = 0, high = 0, cont = 0, lead3 = 0;
    for (int k = 0; k < 4; ++k) {
      __m128i v = simd::Load16(p + 16 * k);
      __m128i st = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
      st = _mm_or_si128(st, _mm_cmpeq_epi8(_mm_min_epu8(v, control_max), v));
      st = _mm_or_si128(st, _mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed)));
      int shift = 16 * k;
      stop |= uint64_t{simd::Mask(st)} << shift;
      high |= uint64_t{simd::Mask(v)} << shift;
      cont |= uint64_t{simd::Mask(_mm_cmplt_epi8(v, c0))} << shift;  // signed: 0x80-0xBF
      lead3 |= uint64_t{simd::Mask(_mm_cmpeq_epi8(_mm_and_si128(v, f0), e0))} << shift;
    }
    if ((stop | high) == 0) return 64;
    stop |= high & ~(cont | lead3);  // C0-DF, F0-FF
    stop |= lead3 >> 62 << 62;
    int cut = stop == 0 ? 64 : std::countr_zero(stop);
    uint64_t keep = cut == 64 ? ~uint64_t{0} : (uint64_t{1} << cut) - 1;
    lead3 &= keep;
    // Every continuation byte before the cut, and no other byte, follows a lead.
    return ((lead3 << 1) | (lead3 << 2)) == (cont & keep) ? static_cast<size_t>(cut) : 0;
  }
};
#endif

// The length of the run from s[from] that holds no quote, backslash or
// control character and is valid UTF-8: one pass both finds a string's end
// and checks its bytes. *invalid tells whether the run stops at a byte that
// is not valid UTF-8 (rather than at a special byte or the end).
size_t PlainUtf8Run(std::string_view s, size_t from, bool* invalid) {
  using namespace swar;
  size_t i = from;
#ifdef CLAIMS_HAVE_SSE2
  const Utf8Prefix64 plain_prefix;
#endif
  while (i < s.size()) {
#ifdef CLAIMS_HAVE_SSE2
    if (i + 64 <= s.size()) {
      size_t k = plain_prefix(s.data() + i);
      i += k;
      // A window cut short only by a character running past its end goes on
      // to the next window; one cut at a byte that needs a closer look (a
      // quote, a backslash, a rarer lead) goes to the checks below, which
      // the next window would only send back to them.
      if (k >= 62) continue;
    }
#endif
    if (std::endian::native == std::endian::little && i + 8 <= s.size()) {
      uint64_t w = Load(s.data() + i);
      if ((w & kHighs) == 0) {
        if ((HasByte(w, '"') | HasByte(w, '\\') | HasLess(w, 0x20)) == 0) {
          i += 8;
          continue;
        }
      } else if (text::PlainThreeByte(w)) {  // bytes >= 0x80: none special
        i += text::PlainThreeByte(w >> 24) ? 6 : 3;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
    size_t len = text::ValidSequenceLength(s, i);
    if (len == 0) {
      *invalid = true;
      break;
    }
    i += len;
  }
  return i - from;
}

// The length of the run from s[from] that holds no quote, backslash or
// control character: PlainUtf8Run without the UTF-8 check.
size_t StringRun(std::string_view s, size_t from) {
  size_t i = from;
#ifdef CLAIMS_HAVE_SSE2
  // 64 bytes a step, their tests merged into one mask, through a paragraph;
  // then 16 at a time to the byte that ends the run.
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control_max = _mm_set1_epi8(0x1F);
  auto stops = [&](size_t at) {
    __m128i v = simd::Load16(s.data() + at);
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, control_max), v);
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)), control);
  };
  for (; i + 64 <= s.size(); i += 64) {
    __m128i any = _mm_or_si128(_mm_or_si128(stops(i), stops(i + 16)), _mm_or_si128(stops(i + 32), stops(i + 48)));
    if (simd::Mask(any) != 0) break;
  }
  for (; i + 16 <= s.size(); i += 16) {
    if (uint32_t hit = simd::Mask(stops(i))) return i - from + static_cast<size_t>(std::countr_zero(hit));
  }
#endif
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
  }
  return i - from;
}

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<bool> ParseMembers(std::span<const std::string_view> names, std::span<Value> found, uint64_t unchecked_utf8) {
    SkipWs();
    if (pos_ >= s_.size() || s_[pos_] != '{') {  // not an object: read as ParseAll() would, for its errors
      Result<Value> v = ParseAll();
      if (!v.ok()) return v.status();
      return false;
    }
    // As ParseObject at depth 0, keeping only the named members.
    line_ = true;
    ++pos_;
    SkipWs();
    std::vector<bool> seen(names.size());
    std::string key;
    Value dropped;
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
    } else {
      while (true) {
        SkipWs();
        if (pos_ >= s_.size() || s_[pos_] != '"') return Error("expected a member name");
        key.clear();
        Status st = ParseString(&key);
        if (!st.ok()) return st;
        SkipWs();
        if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected ':'");
        ++pos_;
        size_t k = 0;
        while (k < names.size() && (seen[k] || names[k] != key)) ++k;
        Value* member = &dropped;
        if (k < names.size()) {
          member = &found[k];
          seen[k] = true;
        } else {
          dropped = Value();
        }
        check_utf8_ = k >= 64 || ((unchecked_utf8 >> k) & 1) == 0;
        st = ParseValue(member, 1);
        check_utf8_ = true;
        if (!st.ok()) return st;
        SkipWs();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; break; }
        return Error("expected ',' or '}'");
      }
    }
    SkipWs();
    if (pos_ != s_.size()) return Error("unexpected text after the value");
    return true;
  }

  Result<Value> ParseAll() {
    Value v;
    Status st = ParseValue(&v, 0);
    if (!st.ok()) return st;
    SkipWs();
    if (pos_ != s_.size()) return Error("unexpected text after the value");
    return v;
  }

 private:
  Status Error(std::string_view what) const {
    return Status::BadInput(fmt::format("{} at byte {}", what, pos_));
  }
  void SkipWs() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool Consume(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status ParseValue(Value* v, int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    SkipWs();
    if (pos_ >= s_.size()) return Error("unexpected end of JSON");
    char c = s_[pos_];
    if (c == '{') return ParseObject(v, depth);
    if (c == '[') return ParseArray(v, depth);
    if (c == '"') { v->type = Value::Type::kString; return ParseString(&v->text); }
    if (Consume("true")) { v->type = Value::Type::kBool; v->boolean = true; return Status::Ok(); }
    if (Consume("false")) { v->type = Value::Type::kBool; return Status::Ok(); }
    if (Consume("null")) { v->type = Value::Type::kNull; return Status::Ok(); }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(v);
    return Error("unexpected character");
  }

  Status ParseNumber(Value* v) {
    size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      size_t d = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > d;
    };
    if (!digits()) return Error("bad number");
    if (pos_ < s_.size() && s_[pos_] == '.') { ++pos_; if (!digits()) return Error("bad number"); }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return Error("bad number");
    }
    v->type = Value::Type::kNumber;
    v->text = std::string(s_.substr(start, pos_ - start));
    return Status::Ok();
  }

  Status ParseHex4(uint32_t* out) {
    if (pos_ + 4 > s_.size()) return Error("bad \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return Error("bad \\u escape");
    }
    *out = v;
    return Status::Ok();
  }

  Status ParseString(std::string* out) {
    ++pos_;  // opening quote
    while (true) {
      // Copy runs of plain bytes at once: article texts are long.
      // JSON text is UTF-8 (RFC 8259): stray bytes in an id or title would
      // otherwise reach every JSON, HTML and SARIF output raw.
      size_t run = pos_;
      bool invalid = false;
      pos_ += check_utf8_ ? PlainUtf8Run(s_, pos_, &invalid) : StringRun(s_, pos_);
      if (invalid) return Error("invalid UTF-8");
      // In a JSONL line, a string that outgrows its room is mostly the
      // article (its "\n"s cut it into runs): room for the rest of the
      // line, which decodes to no more bytes, saves the doublings and
      // their copies. Not in a whole document, where that would be the
      // rest of the file for every string.
      if (line_ && out->size() + (pos_ - run) > out->capacity()) out->reserve(out->size() + s_.size() - run);
      out->append(s_.data() + run, pos_ - run);
      if (pos_ >= s_.size()) return Error("unterminated string");
      char c = s_[pos_];
      if (c == '"') { ++pos_; return Status::Ok(); }
      if (c != '\\') return Error("control character in string");
      if (++pos_ >= s_.size()) return Error("unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          Status st = ParseHex4(&cp);
          if (!st.ok()) return st;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo = 0;
            if (!Consume("\\u")) return Error("lone surrogate in \\u escape");
            st = ParseHex4(&lo);
            if (!st.ok()) return st;
            if (lo < 0xDC00 || lo > 0xDFFF) return Error("lone surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Error("lone surrogate in \\u escape");
          }
          AppendUtf8(out, cp);
          break;
        }
        default: return Error("bad escape");
      }
    }
  }

  Status ParseArray(Value* v, int depth) {
    v->type = Value::Type::kArray;
    ++pos_;
    SkipWs();
    if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return Status::Ok(); }
    while (true) {
      Value item;
      Status st = ParseValue(&item, depth + 1);
      if (!st.ok()) return st;
      v->items.push_back(std::move(item));
      SkipWs();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return Status::Ok(); }
      return Error("expected ',' or ']'");
    }
  }

  Status ParseObject(Value* v, int depth) {
    v->type = Value::Type::kObject;
    ++pos_;
    SkipWs();
    if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return Status::Ok(); }
    while (true) {
      SkipWs();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Error("expected a member name");
      std::string key;
      Status st = ParseString(&key);
      if (!st.ok()) return st;
      SkipWs();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected ':'");
      ++pos_;
      Value member;
      st = ParseValue(&member, depth + 1);
      if (!st.ok()) return st;
      v->fields.emplace_back(std::move(key), std::move(member));
      SkipWs();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return Status::Ok(); }
      return Error("expected ',' or '}'");
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  bool line_ = false;  // s_ is one line of a JSONL stream (ParseMembers)
  bool check_utf8_ = true;  // false: strings are left for the caller to check
};

// The bytes AppendString must look at: those PlainRun stops for.
struct SpecialBytes {
  bool is[256] = {};
  constexpr SpecialBytes() {
    for (int c = 0; c < 0x20; ++c) is[c] = true;
    is[static_cast<int>('"')] = is[static_cast<int>('\\')] = is[0x7F] = is[0xE2] = true;
  }
};
constexpr SpecialBytes kSpecial;

}  // namespace

namespace {

// What to write for s[i], a byte kSpecial names, and how many bytes of `s`
// that replaces (three for U+2028/9). An 0xE2 that starts some other
// character stays itself.
struct Escape {
  char text[8];
  size_t size = 0, consumed = 1;
};

Escape EscapeAt(std::string_view s, size_t i) {
  Escape e;
  unsigned char c = static_cast<unsigned char>(s[i]);
  auto set = [&e](std::string_view t) { std::memcpy(e.text, t.data(), t.size()); e.size = t.size(); };
  if (c == '"') set("\\\"");
  else if (c == '\\') set("\\\\");
  else if (c == '\n') set("\\n");
  else if (c == '\r') set("\\r");
  else if (c == '\t') set("\\t");
  else if (c < 0x20 || c == 0x7F) e.size = static_cast<size_t>(std::snprintf(e.text, sizeof e.text, "\\u%04x", c));
  else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
    // U+2028 / U+2029: legal in JSON, but they end a line in JavaScript.
    set(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
    e.consumed = 3;
  } else {
    e.text[0] = static_cast<char>(c);
    e.size = 1;
  }
  return e;
}

// The end of the run of bytes from s[i] that need no escape.
size_t PlainEnd(std::string_view s, size_t i) {
  // Eight or sixteen bytes at a time through long text, then byte by byte
  // up to the next special byte: short values (units, names) take the byte
  // loop.
  i += PlainRun(s, i);
  while (i < s.size() && !kSpecial.is[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

void AppendString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    size_t end = PlainEnd(s, i);
    out->append(s.data() + i, end - i);
    if (end == s.size()) break;
    Escape e = EscapeAt(s, end);
    out->append(e.text, e.size);
    i = end + e.consumed;
  }
  out->push_back('"');
}

char* WriteString(char* p, std::string_view s) {
  *p++ = '"';
#ifdef CLAIMS_HAVE_SSE2
  // Most values (units, names, a claim's surface) are 4 to 16 bytes: two
  // overlapping loads cover them, one test finds whether any byte needs a
  // closer look, two stores copy them.
  if (size_t n = s.size(); n >= 4 && n <= 16) {
    __m128i v;
    uint64_t head, tail;
    if (n >= 8) {
      head = swar::Load(s.data());
      tail = swar::Load(s.data() + n - 8);
      v = _mm_set_epi64x(static_cast<int64_t>(tail), static_cast<int64_t>(head));
    } else {
      uint32_t h, t;
      std::memcpy(&h, s.data(), 4);
      std::memcpy(&t, s.data() + n - 4, 4);
      head = h;
      tail = t;
      v = _mm_set_epi32(static_cast<int>(t), static_cast<int>(h), static_cast<int>(t), static_cast<int>(h));
    }
    if (simd::JsonSpecial(v) == 0) {
      if (n >= 8) {
        std::memcpy(p, &head, 8);
        std::memcpy(p + n - 8, &tail, 8);
      } else {
        std::memcpy(p, &head, 4);
        std::memcpy(p + n - 4, &tail, 4);
      }
      p += n;
      *p++ = '"';
      return p;
    }
  }
#endif
  for (size_t i = 0; i < s.size();) {
    // Long text a block at a time, then byte by byte up to the next special
    // byte: short values (units, names) go straight to the byte loop, which
    // costs less than a call to memcpy.
    if (s.size() - i >= 16) {
      size_t run = PlainRun(s, i);
      std::memcpy(p, s.data() + i, run);
      p += run;
      i += run;
    }
    while (i < s.size() && !kSpecial.is[static_cast<unsigned char>(s[i])]) *p++ = s[i++];
    if (i == s.size()) break;
    Escape e = EscapeAt(s, i);
    std::memcpy(p, e.text, e.size);
    p += e.size;
    i += e.consumed;
  }
  *p++ = '"';
  return p;
}

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendString(&out, s);
  return out;
}

const Value* Value::Find(std::string_view key) const {
  for (const auto& [k, v] : fields) if (k == key) return &v;
  return nullptr;
}

std::string Value::GetString(std::string_view key) const {
  const Value* v = Find(key);
  if (v == nullptr || (v->type != Type::kString && v->type != Type::kNumber)) return "";
  return v->text;
}

Result<Value> Parse(std::string_view text) { return Parser(text).ParseAll(); }

Result<bool> ParseMembers(std::string_view text, std::span<const std::string_view> names, std::span<Value> found) {
  return Parser(text).ParseMembers(names, found, 0);
}

Result<bool> ParseMembers(std::string_view text, std::span<const std::string_view> names, std::span<Value> found,
                          uint64_t unchecked_utf8) {
  return Parser(text).ParseMembers(names, found, unchecked_utf8);
}

}  // namespace claims::json
