#include "base/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace l10n {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (static_cast<unsigned char>(s[i]) < 0x80) return 1;
  int32_t end = static_cast<int32_t>(std::min(s.size(), i + 4));
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), k, end, c);
  return c < 0 ? 0 : static_cast<size_t>(k) - i;
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  int32_t end = static_cast<int32_t>(std::min(s.size(), *i + 4));
  int32_t k = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(s.data(), k, end, c);
  *i = static_cast<size_t>(k);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(char32_t c, std::string* out) {
  uint8_t bytes[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(bytes, n, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(n));
}

size_t Utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

std::optional<size_t> FindInvalidUtf8(std::string_view s, bool nul_is_invalid) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // ASCII eight bytes at a time (a word without a high bit; with
    // nul_is_invalid, also without a zero byte).
    uint64_t word;
    while (i + 8 <= n &&
           (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0) &&
           (!nul_is_invalid ||
            ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) == 0)) {
      i += 8;
    }
    if (i >= n) break;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b == 0 && nul_is_invalid) return i;
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

size_t Utf8Boundary(std::string_view s, size_t max_bytes) {
  if (max_bytes >= s.size()) return s.size();
  size_t cut = max_bytes;
  while (cut > 0 && U8_IS_TRAIL(static_cast<unsigned char>(s[cut]))) --cut;
  return cut;
}

std::string Utf8Excerpt(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  return std::string(s.substr(0, Utf8Boundary(s, max_bytes))) + "...";
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace l10n
