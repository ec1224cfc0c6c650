#include "base/status.h"

namespace claims {

std::string Status::ToString() const {
  const char* prefix = "";
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: prefix = "invalid argument: "; break;
    case Code::kBadInput: prefix = "bad input: "; break;
    case Code::kIoError: prefix = "I/O error: "; break;
    case Code::kStoreError: prefix = "store error: "; break;
    case Code::kInternal: prefix = "internal error: "; break;
  }
  return prefix + message_;
}

}  // namespace claims
