// Internal to check/: the rule functions, one file per family. The table
// that names them (check.cc kRules[]) is the only registry.
#ifndef CLAIMS_CHECK_RULES_H_
#define CLAIMS_CHECK_RULES_H_

#include <vector>

#include "check/finding.h"
#include "check/rule_util.h"

namespace claims::check::internal {

// conflict.cc
void CheckCopyMismatch(Context& ctx, std::vector<Finding>* out);
void CheckValueConflict(Context& ctx, std::vector<Finding>* out);
// magnitude.cc
void CheckMagnitudeSlip(Context& ctx, std::vector<Finding>* out);
// arithmetic.cc
void CheckChangeMismatch(Context& ctx, std::vector<Finding>* out);
void CheckShareTotal(Context& ctx, std::vector<Finding>* out);
void CheckShareSum(Context& ctx, std::vector<Finding>* out);
// garbled.cc
void CheckPriceVsMarketCap(Context& ctx, std::vector<Finding>* out);
void CheckShareOver100(Context& ctx, std::vector<Finding>* out);
void CheckMalformedNumber(Context& ctx, std::vector<Finding>* out);
// garbled_model.cc
void CheckBareModelLetter(Context& ctx, std::vector<Finding>* out);
// contradiction.cc
void CheckQuantifierContradiction(Context& ctx, std::vector<Finding>* out);
void CheckDirectionContradiction(Context& ctx, std::vector<Finding>* out);
// period.cc
void CheckPeriodShift(Context& ctx, std::vector<Finding>* out);
void CheckAsOfDateFar(Context& ctx, std::vector<Finding>* out);

}  // namespace claims::check::internal

#endif  // CLAIMS_CHECK_RULES_H_
