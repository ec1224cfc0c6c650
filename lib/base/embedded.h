// A data file compiled into the binary (units/*.tsv, claims.db/migrations/*.sql).
// See cmake/embed.cmake; the generated .inc files live in the build tree.
#ifndef CLAIMS_BASE_EMBEDDED_H_
#define CLAIMS_BASE_EMBEDDED_H_

#include <string_view>

namespace claims {

struct EmbeddedFile {
  std::string_view name;      // path relative to the repository, "units/units.tsv"
  std::string_view contents;  // the file's bytes
};

}  // namespace claims

#endif  // CLAIMS_BASE_EMBEDDED_H_
