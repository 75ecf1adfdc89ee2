// Compact binary records for caches: ByteWriter appends varints, strings
// and fixed 64-bit words to a string; ByteReader reads them back and never
// reads past its end. A read that does not fit (truncated data, a varint
// longer than ten bytes, a length past the end, a value out of range) sets
// the reader's error and returns zero values; the caller checks ok() once,
// at the end.
#ifndef L10N_BASE_BYTE_CODEC_H_
#define L10N_BASE_BYTE_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace l10n {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}

  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  // Zigzag: small negative numbers stay small.
  void Signed(int64_t v) {
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Bool(bool b) { out_->push_back(b ? 1 : 0); }
  void Byte(char c) { out_->push_back(c); }
  void String(std::string_view s) {
    Varint(s.size());
    out_->append(s);
  }
  void Fixed64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_->push_back(static_cast<char>(v >> (8 * i)));
  }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  void Fail() {
    ok_ = false;
    p_ = end_;
  }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (p_ == end_) break;
      uint8_t byte = static_cast<uint8_t>(*p_++);
      if (shift == 63 && byte > 1) break;  // more than 64 bits
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return v;
    }
    Fail();
    return 0;
  }
  int64_t Signed() {
    uint64_t v = Varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  // A varint no greater than `max`.
  uint64_t Bounded(uint64_t max) {
    uint64_t v = Varint();
    if (v > max) {
      Fail();
      return 0;
    }
    return v;
  }
  // A count of items that each take at least one byte: never more than
  // what is left, so a corrupt count cannot make a huge allocation.
  size_t Count() { return static_cast<size_t>(Bounded(remaining())); }
  bool Bool() {
    if (p_ == end_ || static_cast<uint8_t>(*p_) > 1) {
      Fail();
      return false;
    }
    return *p_++ != 0;
  }
  char Byte() {
    if (p_ == end_) {
      Fail();
      return 0;
    }
    return *p_++;
  }
  // The next `n` bytes (empty, and the error set, when fewer are left).
  std::string_view Bytes(uint64_t n) {
    if (n > remaining()) {
      Fail();
      return {};
    }
    std::string_view s(p_, static_cast<size_t>(n));
    p_ += n;
    return s;
  }
  std::string_view StringView() { return Bytes(Varint()); }
  std::string String() { return std::string(StringView()); }
  uint64_t Fixed64() {
    if (remaining() < 8) {
      Fail();
      return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(p_[i])) << (8 * i);
    p_ += 8;
    return v;
  }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace l10n

#endif  // L10N_BASE_BYTE_CODEC_H_
