// Status and Result<T>: how library code reports expected failures.
// Only cli/ turns a Status into a message and an exit code.
#ifndef CLAIMS_BASE_STATUS_H_
#define CLAIMS_BASE_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace claims {

class Status {
 public:
  // These codes map onto the CLI's exit codes (docs/cli.md); keep them stable.
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad flag or value from the user
    kBadInput,         // a file that cannot be decoded or parsed
    kIoError,          // cannot read or write a file
    kStoreError,       // SQLite refused, schema too new, not a claims store
    kInternal,         // a bug: an invariant failed
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status BadInput(std::string msg) { return Status(Code::kBadInput, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status StoreError(std::string msg) { return Status(Code::kStoreError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "bad input: a.txt: invalid UTF-8 at byte 1234"
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. C++20 on g++ 12 has no
// std::expected, so this is a thin std::variant.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: must not be ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace claims

#endif  // CLAIMS_BASE_STATUS_H_
