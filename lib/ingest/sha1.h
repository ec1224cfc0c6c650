// Content hashes for articles: hex SHA-1 of the original bytes. Not for
// security; it only has to tell one article's bytes from another's.
#ifndef CLAIMS_INGEST_SHA1_H_
#define CLAIMS_INGEST_SHA1_H_

#include <string>
#include <string_view>

namespace claims::ingest {

// "abc" -> "a9993e364706816aba3e25717850c26c9cd0d89d" (40 lowercase hex digits).
std::string Sha1Hex(std::string_view bytes);

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_SHA1_H_
