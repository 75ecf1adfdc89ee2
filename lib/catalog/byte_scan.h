// Scanning text eight bytes at a time (SWAR, "SIMD within a register"): the
// writers' fast paths over text that is mostly plain, each exact, and each
// compared with a byte-by-byte loop in tests/byte_scan_test.cc. Internal to
// lib/catalog/.
#ifndef L10N_CATALOG_BYTE_SCAN_H_
#define L10N_CATALOG_BYTE_SCAN_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace l10n {

constexpr uint64_t kEveryByte = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;

// The eight bytes at `p`, in memory order from the lowest.
inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Whether some byte of `w` is not printable ASCII (below 0x20, or 0x80 and
// up). The lowest such byte always sets its high bit: no borrow reaches it
// from the bytes below it, which are all in 0x20..0x7F.
inline bool HasNonPrintable(uint64_t w) { return ((w - 0x20 * kEveryByte) | w) & kHighBits; }

// Whether some byte of `w` is `c`: the zero-byte test on w ^ c, exact as
// to whether there is one (it may mark a byte after a match too).
inline bool HasByte(uint64_t w, char c) {
  uint64_t x = w ^ (kEveryByte * static_cast<unsigned char>(c));
  return (x - kEveryByte) & ~x & kHighBits;
}

// The offset of the first space or tab of `s` from `from` on, or npos.
inline size_t FindSpaceOrTab(std::string_view s, size_t from) {
  size_t i = from;
  while (i + 8 <= s.size()) {
    uint64_t w = Load8(s.data() + i);
    if (HasByte(w, ' ') || HasByte(w, '\t')) break;
    i += 8;
  }
  for (; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t') return i;
  }
  return std::string_view::npos;
}

}  // namespace l10n

#endif  // L10N_CATALOG_BYTE_SCAN_H_
