// A fast 64-bit hash of bytes (MurmurHash64A's mixing, eight bytes at a
// step), for cache keys and checksums: not for security, and stable across
// runs and builds (the caches on disk depend on it), little-endian reads.
#ifndef L10N_BASE_HASH_H_
#define L10N_BASE_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace l10n {

inline uint64_t Hash64(std::string_view data, uint64_t seed = 0) {
  constexpr uint64_t kMul = 0xc6a4a7935bd1e995ULL;
  constexpr int kShift = 47;
  uint64_t h = seed ^ (data.size() * kMul);
  const char* p = data.data();
  const char* end = p + (data.size() & ~size_t{7});
  for (; p != end; p += 8) {
    uint64_t k;
    std::memcpy(&k, p, 8);
    k *= kMul;
    k ^= k >> kShift;
    k *= kMul;
    h ^= k;
    h *= kMul;
  }
  const size_t rest = data.size() & 7;
  if (rest != 0) {
    uint64_t k = 0;
    for (size_t i = 0; i < rest; ++i)
      k |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
    h ^= k;
    h *= kMul;
  }
  h ^= h >> kShift;
  h *= kMul;
  h ^= h >> kShift;
  return h;
}

}  // namespace l10n

#endif  // L10N_BASE_HASH_H_
