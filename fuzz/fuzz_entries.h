// The fuzz targets' bodies, shared by the libFuzzer binaries (fuzz/, built
// with -DCLAIMS_FUZZ=ON under Clang) and by the ordinary test suite, which
// replays every input under fixtures/fuzz/<target>/ through the same calls.
//
// Each entry takes arbitrary bytes, runs one part of the program on them and
// checks invariants that must hold for ANY input. A broken invariant throws
// FuzzFailure naming it; the libFuzzer wrapper turns that (and any other
// exception escaping the library) into a crash, the tests into a failure.
#ifndef CLAIMS_FUZZ_FUZZ_ENTRIES_H_
#define CLAIMS_FUZZ_FUZZ_ENTRIES_H_

#include <stdexcept>
#include <string_view>

namespace claims::fuzz {

class FuzzFailure : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// ParseArabic / ParseNumeral / Decimal::Parse: results are ordered
// (lo <= hi), canonical (ToString re-parses to the same value and text),
// and survive exact arithmetic identities.
void FuzzNumber(std::string_view data);

// Analyzer::Analyze (decode -> normalise -> extract -> context): every claim
// and mention points at whole UTF-8 characters inside the input, its surface
// and sentence are the bytes at its offsets, its line counts the line ends (\n, \r\n, lone \r)
// before it, lo <= hi, decimals are canonical, every string is valid UTF-8 and the
// claim's JSONL line parses back.
void FuzzExtract(std::string_view data);

// The article readers: json::Parse (a parsed value re-serialises and parses
// to itself), ParseJsonlLine, JsonlReader over the bytes as a stream (lines
// are the stream's bytes at their offsets), ReadMetadata / FindDate (dates
// well-formed, titles whole characters), NormalizePath (idempotent).
void FuzzArticle(std::string_view data);

// Store round trip: the analysed article saved into a ":memory:" store and
// loaded back has every field of the article, its claims and mentions exactly
// as saved; saving again replaces, forgetting removes.
void FuzzStore(std::string_view data);

}  // namespace claims::fuzz

#endif  // CLAIMS_FUZZ_FUZZ_ENTRIES_H_
