// One claim as a JSONL object, a TSV row or a terminal table: the shared
// renderings behind `claims extract` and `claims export --what claims`.
// Field names and order are the contract in docs/fields.md.
#ifndef CLAIMS_REPORT_CLAIMS_TABLE_H_
#define CLAIMS_REPORT_CLAIMS_TABLE_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "extract/claim.h"

namespace claims::report {

// The claim fields in contract order, after "path".
std::span<const std::string_view> ClaimFieldNames();
// The value of field `name` of `c` as text ("" for unknown context fields).
std::string ClaimField(const Claim& c, std::string_view name);

// {"path":"a.txt","byte_start":10,...,"sentence":"..."} (no newline).
void AppendClaimJson(std::string* out, std::string_view path, const Claim& c);

// The same objects as JSON lines, for the claims of one article in text
// order: the path is escaped once, and a sentence once for all the claims
// in it (news has about two a sentence, and the sentence is most of a line).
class ClaimJsonlWriter {
 public:
  explicit ClaimJsonlWriter(std::string_view path);
  // AppendClaimJson(out, path, c) plus '\n'.
  void Append(std::string* out, const Claim& c);

 private:
  std::string path_json_;
  bool has_sentence_ = false;
  std::string sentence_, sentence_json_;  // the last sentence, as is and escaped
};
std::string ClaimTsvHeader();
// Tabs and newlines inside fields become spaces.
std::string ClaimTsvRow(std::string_view path, const Claim& c);
// Aligned columns (display width aware for CJK) for people.
std::string ClaimTable(std::span<const std::pair<std::string, Claim>> rows);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_CLAIMS_TABLE_H_
