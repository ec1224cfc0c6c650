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
  Table() {
    static_assert(sizeof(kRows) / sizeof(kRows[0]) < 0xFFFF, "fold table too large for uint16 index");
    for (size_t i = 0; i < sizeof(kRows) / sizeof(kRows[0]); ++i) index[kRows[i].cp] = static_cast<uint16_t>(i + 1);
  }
};

}  // namespace

const uint16_t* FoldIndex() {
  static const Table table;
  return table.index.data();
}

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
