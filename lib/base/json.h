// Minimal JSON for our own formats: an escaping writer helper and a reader for
// flat-ish objects (JSONL article streams, baselines). Not a general DOM
// library: numbers are kept as their text so exact decimals stay exact.
#ifndef CLAIMS_BASE_JSON_H_
#define CLAIMS_BASE_JSON_H_

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claims::json {

// Appends `s` as a quoted JSON string: escapes quote, backslash and every
// control character (U+0000..U+001F as \uXXXX, plus \n \r \t), and U+2028/2029
// so the output is also safe inside <script>. `s` must be valid UTF-8.
void AppendString(std::string* out, std::string_view s);
std::string Quote(std::string_view s);
// AppendString for writers that reserve room and fill it through a pointer:
// writes the quoted `s` at p and returns the end, at most
// MaxQuotedSize(s.size()) bytes on.
char* WriteString(char* p, std::string_view s);
constexpr size_t MaxQuotedSize(size_t n) { return 6 * n + 2; }  // every byte as \u00XX

struct Value {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  // kString: the decoded string; kNumber: the number as written
  std::vector<Value> items;                          // kArray
  std::vector<std::pair<std::string, Value>> fields;  // kObject, in order

  // Defined in json.cc, where Value is complete: Clang with libstdc++ cannot
  // instantiate pair<string, Value>'s constructors inside this definition.
  Value();

  // The member `key` of an object, or nullptr.
  const Value* Find(std::string_view key) const;
  // The member as a string ("" when absent or not a string/number).
  std::string GetString(std::string_view key) const;
};

// Parses one JSON value that spans all of `text` (surrounding white space
// allowed). Nesting is limited to 64 levels. Errors name the byte offset:
//   "expected ':' at byte 12"
Result<Value> Parse(std::string_view text);

// Parse() for an object of which only a few members matter (a JSONL article
// line): the first member named names[k], whatever its type, is parsed into
// found[k] (found.size() == names.size(), the Values fresh); every other
// member is parsed, checked and dropped instead of kept in a tree. Errors
// are Parse()'s, at the same bytes. false when `text` is valid JSON but not
// an object.
Result<bool> ParseMembers(std::string_view text, std::span<const std::string_view> names, std::span<Value> found);
// ParseMembers(), except that the strings in member names[k], for each bit k
// set in `unchecked_utf8`, are not checked for valid UTF-8: for a caller that
// checks them in a pass of its own (an article's text, which
// text::Normalize() checks). A line with bad bytes there may then fail at a
// later error instead, or not at all; ParseMembers() gives the error to report.
Result<bool> ParseMembers(std::string_view text, std::span<const std::string_view> names, std::span<Value> found,
                          uint64_t unchecked_utf8);

}  // namespace claims::json

#endif  // CLAIMS_BASE_JSON_H_
