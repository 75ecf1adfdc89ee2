// Status and Result<T>: expected failures (bad input, I/O, ICU errors) are
// values, never exceptions across the library API. Shaped like leveldb's
// include/leveldb/status.h, reduced to what the tools need.
#ifndef L10N_BASE_STATUS_H_
#define L10N_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace l10n {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  // `message` is complete and user-facing, e.g. "a.po:3:1: error: ...".
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace l10n

#endif  // L10N_BASE_STATUS_H_
