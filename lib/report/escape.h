// Safe output helpers for the renderers: HTML text/attribute escaping, JSON
// inside <script>, UTF-8 repair, and <mark> highlighting of byte ranges.
// Everything an article or a file name contributes goes through these.
#ifndef CLAIMS_REPORT_ESCAPE_H_
#define CLAIMS_REPORT_ESCAPE_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "check/finding.h"

namespace claims::report {

// `s` with every invalid UTF-8 sequence (overlong, surrogate, truncated) and
// every C0 control except \t \n \r replaced by U+FFFD. Valid text is unchanged.
std::string ValidUtf8(std::string_view s);

// Escapes & < > " ' (so the result is safe in text and in quoted attributes)
// after ValidUtf8. "<script>" -> "&lt;script&gt;".
void AppendHtml(std::string* out, std::string_view s);
std::string Html(std::string_view s);

// JSON text made safe inside <script>: '<', '>', '&' become \u003c \u003e
// \u0026 (they only occur inside JSON strings), U+2028/2029 become escapes.
std::string JsonForScript(std::string_view json);

// A highlighted byte range of some text, [begin, end).
struct Mark {
  size_t begin = 0;
  size_t end = 0;
  std::string css_class;  // "claim", "claim flagged"
  std::string id;         // element id, may be empty
  std::string title;      // tooltip, may be empty
};

// `text` HTML-escaped with <mark> around each range. Marks must be sorted by
// begin; a mark that overlaps the previous one, runs past the text or cuts a
// UTF-8 character is dropped (the text still shows, unhighlighted).
std::string HighlightHtml(std::string_view text, std::span<const Mark> marks);

// Where the claim's surface lies within its own sentence, as byte offsets into
// claim.sentence: from sentence_start/byte_start when they agree with the
// surface, else the first occurrence of the surface; nullopt when absent.
// (A Location uses its sentence_start the same way when the store knows it.)
std::optional<std::pair<size_t, size_t>> LocateInSentence(const Claim& claim);
std::optional<std::pair<size_t, size_t>> LocateInSentence(const Location& loc);

// Percent-encodes a path for a URI: keeps A-Z a-z 0-9 - . _ ~ and '/',
// encodes every other byte (spaces, non-ASCII UTF-8, '#', '?', '%').
// "新闻 稿/a.txt" -> "%E6%96%B0%E9%97%BB%20%E7%A8%BF/a.txt".
std::string PercentEncodePath(std::string_view path);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_ESCAPE_H_
