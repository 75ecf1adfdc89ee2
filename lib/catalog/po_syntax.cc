#include "catalog/po_syntax.h"

namespace l10n {

namespace {

// The escapes of a PO string: byte, letter.
constexpr char kEscapes[][2] = {{'\a', 'a'}, {'\b', 'b'}, {'\f', 'f'},  {'\n', 'n'}, {'\r', 'r'},
                                {'\t', 't'}, {'\v', 'v'}, {'\\', '\\'}, {'"', '"'}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

}  // namespace

char PoEscapeLetter(char c) {
  for (const auto& escape : kEscapes) {
    if (escape[0] == c) return escape[1];
  }
  return 0;
}

PoEscape ReadPoEscape(std::string_view s, size_t i, size_t end) {
  PoEscape e;
  e.end = i;
  const char c = s[i];
  for (const auto& escape : kEscapes) {
    if (escape[1] == c) {
      e.valid = true;
      e.byte = escape[0];
      e.end = i + 1;
      return e;
    }
  }
  if (c >= '0' && c <= '7') {
    int value = 0;
    size_t j = i;
    for (int k = 0; k < 3 && j < end && s[j] >= '0' && s[j] <= '7'; ++k) {
      value = value * 8 + (s[j++] - '0');
    }
    e.valid = true;
    e.byte = static_cast<char>(value);
    e.high = value >= 0x80;
    e.end = j;
  } else if (c == 'x') {
    size_t digits = i + 1;
    size_t j = digits;
    int value = 0;
    while (j < end && IsHexDigit(s[j])) {
      char d = s[j++];
      value = value * 16 + (IsDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
      value &= 0xFFFF;
    }
    e.valid = j > digits;
    e.byte = static_cast<char>(value & 0xFF);
    e.high = (value & 0xFF) >= 0x80;
    e.end = e.valid ? j : i + 1;
  }
  return e;
}

}  // namespace l10n
