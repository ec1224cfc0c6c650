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
std::string ClaimTsvHeader();
// Tabs and newlines inside fields become spaces.
std::string ClaimTsvRow(std::string_view path, const Claim& c);
// Aligned columns (display width aware for CJK) for people.
std::string ClaimTable(std::span<const std::pair<std::string, Claim>> rows);

}  // namespace claims::report

#endif  // CLAIMS_REPORT_CLAIMS_TABLE_H_
