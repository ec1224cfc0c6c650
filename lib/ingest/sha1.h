// Content hashes for articles: hex SHA-1 of the original bytes. Not for
// security; it only has to tell one article's bytes from another's.
// The store keys articles by this text: it must never change for given bytes.
#ifndef CLAIMS_INGEST_SHA1_H_
#define CLAIMS_INGEST_SHA1_H_

#include <string>
#include <string_view>

namespace claims::ingest {

// "abc" -> "a9993e364706816aba3e25717850c26c9cd0d89d" (40 lowercase hex digits).
// Uses the CPU's SHA instructions when it has them (Sha1Accelerated()).
std::string Sha1Hex(std::string_view bytes);

// The portable implementation, the same function; for tests to compare with.
std::string Sha1HexPortable(std::string_view bytes);
bool Sha1Accelerated();

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SHA1_H_
