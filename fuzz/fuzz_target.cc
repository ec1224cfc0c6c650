// One libFuzzer binary per entry in fuzz_entries.h: CMake compiles this file
// once per target with CLAIMS_FUZZ_ENTRY naming the entry.
#include <stdio.h>
#include <stdlib.h>

#include <cstdint>
#include <exception>
#include <string_view>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    claims::fuzz::CLAIMS_FUZZ_ENTRY(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    fprintf(stderr, "claims fuzz: %s\n", e.what());
    abort();
  }
  return 0;
}
