#include "ingest/sha1.h"

#include <type_traits>

#include <boost/uuid/detail/sha1.hpp>

namespace claims::ingest {

std::string Sha1Hex(std::string_view bytes) {
  boost::uuids::detail::sha1 sha;
  sha.process_bytes(bytes.data(), bytes.size());
  boost::uuids::detail::sha1::digest_type digest;
  sha.get_digest(digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(40);
  // Boost up to 1.85 gives five 32-bit words; later versions twenty bytes.
  using Word = std::remove_reference_t<decltype(digest[0])>;
  constexpr int kWordBytes = sizeof(Word);
  for (const Word& w : digest) {
    for (int b = kWordBytes - 1; b >= 0; --b) {
      unsigned byte = (static_cast<unsigned long long>(w) >> (8 * b)) & 0xff;
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

}  // namespace claims::ingest
