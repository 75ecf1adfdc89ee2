// The escape sequences of PO strings, both ways: the C escapes gettext
// writes (\n \t \r \a \b \f \v \\ \") and the ones it reads (those, octal
// \ooo and hex \xhh...). The reader (po_reader) and the string writer
// (po_wrap) share this table; everything else of the syntax is theirs.
#ifndef L10N_CATALOG_PO_SYNTAX_H_
#define L10N_CATALOG_PO_SYNTAX_H_

#include <cstddef>
#include <string_view>

namespace l10n {

// The letter gettext writes after a backslash for byte `c` ('\n' -> 'n',
// '"' -> '"'), or 0 when `c` is written as it is.
char PoEscapeLetter(char c);

// An escape sequence read from a PO string.
struct PoEscape {
  bool valid = false;
  char byte = 0;      // what it stands for, when valid
  bool high = false;  // an octal or hex escape giving a byte >= 0x80
  size_t end = 0;     // offset after it; after an invalid one, where to go on
};

// The escape sequence whose backslash is just before s[i] (i < end), ending
// at `end` at the latest. After an invalid one the reader keeps the
// character (end == i), except after "\x" without digits (it drops the x).
PoEscape ReadPoEscape(std::string_view s, size_t i, size_t end);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_SYNTAX_H_
