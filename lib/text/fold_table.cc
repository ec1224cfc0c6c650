#include "text/fold_table.h"

#include <vector>

namespace claims::text {
namespace {

struct Row {
  uint32_t cp;
  std::string_view to;
  bool traditional;
};

constexpr Row kRows[] = {
#include "fold_table.inc"
};

struct Table {
  // index[cp] is 1 + the row for cp, or 0 for identity: 128 KiB, built once.
  std::vector<uint16_t> index = std::vector<uint16_t>(0x10000, 0);
  // bits: one per code point that folds, 8 KiB, so that the common answer
  // ("maps to itself") comes from the L1 cache, not from the 128 KiB index.
  std::vector<uint64_t> bits = std::vector<uint64_t>(0x10000 / 64, 0);
  Table() {
    static_assert(sizeof(kRows) / sizeof(kRows[0]) < 0xFFFF, "fold table too large for uint16 index");
    for (size_t i = 0; i < sizeof(kRows) / sizeof(kRows[0]); ++i) {
      index[kRows[i].cp] = static_cast<uint16_t>(i + 1);
      bits[kRows[i].cp >> 6] |= uint64_t{1} << (kRows[i].cp & 63);
    }
  }
};

const Table& TheTable() {
  static const Table table;
  return table;
}

}  // namespace

const uint16_t* FoldIndex() { return TheTable().index.data(); }
const uint64_t* FoldBits() { return TheTable().bits.data(); }

Fold FoldRow(uint16_t row) {
  const Row& r = kRows[row - 1];
  return {r.to, r.traditional};
}

Fold LookupFold(uint32_t cp) {
  if (cp >= 0x10000) return {};
  uint16_t row = FoldIndex()[cp];
  return row == 0 ? Fold{} : FoldRow(row);
}

}  // namespace claims::text
