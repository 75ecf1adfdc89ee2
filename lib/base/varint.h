// LEB128 varints: seven bits a byte, low bits first, the high bit set on
// every byte but the last. Small numbers (lengths, deltas) take one byte.
#ifndef L10N_BASE_VARINT_H_
#define L10N_BASE_VARINT_H_

#include <cstddef>
#include <cstdint>

namespace l10n {

inline size_t VarintSize(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

// Writes v at p; returns the byte after it.
template <typename Byte>
Byte* PutVarint(Byte* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<Byte>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<Byte>(v);
  return p;
}

// Reads the varint at *p and moves *p past it.
template <typename Byte>
uint64_t GetVarint(const Byte** p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t byte = static_cast<uint8_t>(*(*p)++);
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return v;
  }
}

}  // namespace l10n

#endif  // L10N_BASE_VARINT_H_
