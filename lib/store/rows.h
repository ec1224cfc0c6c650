// Mapping between Claim / Article and table rows, shared by the claims table
// and the findings' claim snapshots (finding_claims has the same columns).
// Internal to store/.
#ifndef CLAIMS_STORE_ROWS_H_
#define CLAIMS_STORE_ROWS_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "check/finding.h"
#include "extract/claim.h"
#include "store/db.h"

namespace claims::store {

// The claim fields both claims and finding_claims have as columns, in the
// order BindClaim binds them. The sentence is not among them:
// finding_claims keeps its text (a snapshot), claims name a row of
// sentences (sentence_id). value_hi is NULL where it equals value_lo
// (schema 5), so readers select ClaimColumnsOf(...) instead.
inline constexpr std::string_view kClaimColumns =
    "byte_start, byte_end, line, surface, value_lo, value_hi, precision, unit, dimension, "
    "counted, qualifier, kind, direction, entity, metric, metric_word, period, scope, base, base_entity, "
    "sentence_start, sentence_end";
inline constexpr int kClaimColumnCount = 22;

// "?, ?, ..." with n placeholders.
std::string Placeholders(int n);
// The same columns with a table prefix: "c.byte_start, c.byte_end, ...".
std::string Prefixed(std::string_view columns, std::string_view prefix);
// What a reader selects for kClaimColumns from table (or alias) `table`, ""
// for none: the same columns in the same order, with value_hi as
// coalesce(value_hi, value_lo), so every row reads a value_hi's text.
std::string ClaimColumnsOf(std::string_view table);

// The text BindClaim makes for a claim's exact values ("5931000000").
struct ClaimText {
  std::string lo, hi, precision;
};

// Binds the claim's columns to parameters first .. first+21 (not the
// sentence). Exact values are written as canonical decimal text, value_hi as
// NULL when it equals value_lo. `claim` must outlive the statement's next
// Reset (its strings are not copied). With `text`, the decimals' text is
// made there and not copied either (so `text` must outlive the Reset too):
// the bulk insert keeps one per row of its statement.
void BindClaim(Statement* st, int first, const Claim& claim, ClaimText* text = nullptr);
// Reads the columns of ClaimColumnsOf starting at result column `first`,
// then the sentence's text at first+22. A value that is not a decimal is a
// kStoreError (the file was edited by hand or is damaged).
Status ReadClaim(const Statement& st, int first, Claim* claim);

// The mention columns, in the order ReadMention reads them from `first`;
// the sentence is joined from the sentences table.
inline constexpr std::string_view kMentionColumns =
    "m.type, m.byte_start, m.byte_end, m.line, m.surface, m.value, coalesce(s.text, '')";
// Fills the mention and the Location fields it shares with it (not the
// article's path and hash: the caller has those). With !mention_sentence the
// sentence goes to the Location only and Mention::sentence stays empty.
void ReadMention(const Statement& st, int first, Location* loc, Mention* m,
                 bool mention_sentence = true);

}  // namespace claims::store

#endif  // CLAIMS_STORE_ROWS_H_
