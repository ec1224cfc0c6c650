// UTF-8 repair follows the Unicode "maximal subpart" practice: each invalid
// byte (or truncated sequence) becomes one U+FFFD, so offsets of the valid
// text around it are untouched in meaning and the output is always valid.
#include "report/escape.h"

#include <cstdint>

namespace claims::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

bool IsBadControl(uint8_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

bool IsCharBoundary(std::string_view s, size_t i) {
  return i >= s.size() || (static_cast<uint8_t>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = ValidSequenceLength(s, i);
    if (n == 0 || (n == 1 && IsBadControl(static_cast<uint8_t>(s[i])))) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

void AppendHtml(std::string* out, std::string_view s) {
  const std::string valid = ValidUtf8(s);
  for (char c : valid) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      default: *out += c;
    }
  }
}

std::string Html(std::string_view s) {
  std::string out;
  AppendHtml(&out, s);
  return out;
}

std::string JsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (json.substr(i, 3) == "\xE2\x80\xA8") {
      out += "\\u2028";
      i += 2;
    } else if (json.substr(i, 3) == "\xE2\x80\xA9") {
      out += "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string HighlightHtml(std::string_view text, std::span<const Mark> marks) {
  std::string out;
  out.reserve(text.size() + marks.size() * 32);
  size_t pos = 0;
  for (const Mark& m : marks) {
    if (m.begin < pos || m.end <= m.begin || m.end > text.size()) continue;
    if (!IsCharBoundary(text, m.begin) || !IsCharBoundary(text, m.end)) continue;
    AppendHtml(&out, text.substr(pos, m.begin - pos));
    out += "<mark";
    if (!m.css_class.empty()) { out += " class=\""; AppendHtml(&out, m.css_class); out += '"'; }
    if (!m.id.empty()) { out += " id=\""; AppendHtml(&out, m.id); out += '"'; }
    if (!m.title.empty()) { out += " title=\""; AppendHtml(&out, m.title); out += '"'; }
    out += '>';
    AppendHtml(&out, text.substr(m.begin, m.end - m.begin));
    out += "</mark>";
    pos = m.end;
  }
  AppendHtml(&out, text.substr(pos));
  return out;
}

namespace {

std::optional<std::pair<size_t, size_t>> Locate(std::string_view sentence, std::string_view surface,
                                                std::optional<size_t> hint) {
  if (surface.empty()) return std::nullopt;
  if (hint && *hint <= sentence.size() && sentence.substr(*hint, surface.size()) == surface) {
    return std::make_pair(*hint, *hint + surface.size());
  }
  size_t at = sentence.find(surface);
  if (at == std::string_view::npos) return std::nullopt;
  return std::make_pair(at, at + surface.size());
}

}  // namespace

std::optional<std::pair<size_t, size_t>> LocateInSentence(const Claim& claim) {
  std::optional<size_t> hint;
  if (claim.byte_start >= claim.sentence_start) hint = claim.byte_start - claim.sentence_start;
  return Locate(claim.sentence, claim.surface, hint);
}

std::optional<std::pair<size_t, size_t>> LocateInSentence(const Location& loc) {
  std::optional<size_t> hint;
  if (loc.sentence_start > 0 && loc.byte_start >= loc.sentence_start) hint = loc.byte_start - loc.sentence_start;
  return Locate(loc.sentence, loc.surface, hint);
}

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<uint8_t>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace claims::report
