#include "catalog/po_line_break.h"

#include <unilbrk.h>
#include <uniwidth.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "base/utf8.h"

namespace l10n {

static_assert(int{kPoBreakUndefined} == UC_BREAK_UNDEFINED &&
              int{kPoBreakProhibited} == UC_BREAK_PROHIBITED &&
              int{kPoBreakPossible} == UC_BREAK_POSSIBLE &&
              int{kPoBreakMandatory} == UC_BREAK_MANDATORY);

namespace {

const uint8_t* Bytes(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }

}  // namespace

int PoCharWidth(char32_t c, const char* encoding) {
  return uc_width(static_cast<ucs4_t>(c), encoding);
}

int PoColumns(std::string_view text) {
  int columns = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // uc_width of ASCII: 1 when printable; 0 (NUL) or -1 (a control)
      // otherwise, which add nothing.
      columns += b >= 0x20 && b < 0x7F;
      ++i;
      continue;
    }
    if (Utf8SequenceLength(text, i) == 0) {
      ++columns;  // U+FFFD
      ++i;
      continue;
    }
    int w = uc_width(static_cast<ucs4_t>(NextCodePoint(text, &i)), "UTF-8");
    if (w > 0) columns += w;
  }
  return columns;
}

size_t PoNextBreak(std::string_view escaped) {
  if (escaped.empty()) return 0;
  // Most strings are short: no allocation for them.
  char small[256];
  std::vector<char> large;
  char* p = small;
  if (escaped.size() > sizeof small) {
    large.resize(escaped.size());
    p = large.data();
  }
  u8_possible_linebreaks(Bytes(escaped), escaped.size(), "UTF-8", p);
  int in_escape = 0;  // characters left in an escape sequence
  for (size_t i = 0; i < escaped.size();) {
    char brk = p[i];
    if (in_escape > 0) {
      brk = kPoBreakProhibited;  // never inside an escape sequence
      --in_escape;
    } else if (escaped[i] == '\\' && i + 1 < escaped.size()) {
      in_escape = escaped[i + 1] >= '0' && escaped[i + 1] <= '9' ? 3 : 1;
      // gettext does not break just before the "\n" that ends a string.
      if (i + 2 == escaped.size() && escaped[i + 1] == 'n') brk = kPoBreakProhibited;
    }
    if (i > 0 && brk == kPoBreakPossible) return i;
    size_t len = Utf8SequenceLength(escaped, i);
    i += len == 0 ? 1 : len;
  }
  return escaped.size();
}

bool PoWidthBreaks(std::string_view text, int width, int start_column, const char* overrides,
                   const char* encoding, char* breaks) {
  if (text.empty()) return false;
  ulc_width_linebreaks(text.data(), text.size(), width, start_column, 0, overrides, encoding,
                       breaks);
  return std::memchr(breaks, kPoBreakPossible, text.size()) != nullptr;
}

}  // namespace l10n
