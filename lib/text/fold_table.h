// The per-code-point fold table generated at build time from ICU data by
// gen_fold_table.cc: NFKC then Traditional->Simplified, for the BMP.
#ifndef CLAIMS_TEXT_FOLD_TABLE_H_
#define CLAIMS_TEXT_FOLD_TABLE_H_

#include <cstdint>
#include <string_view>

namespace claims::text {

struct Fold {
  std::string_view to;  // empty: the code point maps to itself
  bool traditional = false;
};

// Thread-safe after the first call (a function-local static).
Fold LookupFold(uint32_t code_point);

// The same table for hot loops: FoldIndex()[cp] (cp < 0x10000) is 0 when cp
// maps to itself, else a row number for FoldRow().
const uint16_t* FoldIndex();
// FoldBits()[cp >> 6] >> (cp & 63) & 1: whether cp folds at all (a small
// bitmap to ask before the index).
const uint64_t* FoldBits();
Fold FoldRow(uint16_t row);

}  // namespace claims::text

#endif  // CLAIMS_TEXT_FOLD_TABLE_H_
