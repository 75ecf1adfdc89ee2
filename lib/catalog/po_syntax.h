// The lexical pieces of a PO file: quoted strings and their escape
// sequences both ways (the C escapes gettext writes, \n \t \r \a \b \f \v
// \\ \", and the ones it reads: those, octal \ooo and hex \xhh...),
// keywords, comment lines. The parser (po_parser) reads with them and the
// string writer (po_wrap) escapes with them; the grammar is the parser's.
#ifndef L10N_CATALOG_PO_SYNTAX_H_
#define L10N_CATALOG_PO_SYNTAX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace l10n {

// The letter gettext writes after a backslash for byte `c` ('\n' -> 'n',
// '"' -> '"'), or 0 when `c` is written as it is.
char PoEscapeLetter(char c);

// Adds a comment line to *m: `line` is what follows its '#' (". extracted",
// ": references", ", flags" or "!" flags, " translator"), one space after
// the marker dropped as gettext does. *reference_open as in
// ParsePoReferences.
void AddPoComment(std::string_view line, Message* m, bool* reference_open);

// A keyword read at text[begin]: "msgid", "msgstr[2]" (spaces allowed
// around the index).
struct PoKeyword {
  std::string_view word;   // "msgstr"
  int index = -1;          // 2; -1 without an index
  size_t end = 0;          // offset after the keyword (and its index)
  bool bad_index = false;  // "msgstr[" without a number and ']'...
  size_t bad_at = 0;       // ...reported at text[bad_at]
};

// Reads the identifier at text[begin] (a letter, '_' or '$' there) on a
// line ending at `end`, with the "[N]" after "msgstr".
PoKeyword ReadPoKeyword(std::string_view text, size_t begin, size_t end);

// Characters of a keyword; blanks between tokens (a line's end excluded).
inline bool IsPoBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsPoKeywordStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

// The token at text[offset] (up to a blank or the line's end), cut for a
// message: "#," of a comment, at most 20 bytes.
std::string_view PoTokenAt(std::string_view text, size_t offset);

// A problem in a string, at text[offset].
struct PoStringError {
  size_t offset;
  std::string message;
  bool encoding;  // a NUL byte: an [encoding] error, not a syntax one
};

// What ReadPoString read.
struct PoString {
  size_t end = 0;            // offset after the closing quote, or the line's end
  bool closed = false;       // the closing quote was found
  bool high_escape = false;  // an octal or hex escape gave a byte >= 0x80...
  bool escapes_utf8 = true;  // ...and the string's bytes are UTF-8 all the same
};

// Reads the string whose opening quote is text[open], on a line ending at
// `end`, appending its bytes (escapes decoded) to *out. NUL bytes (which
// gettext cannot hold), invalid escapes (kept as they are, but "\x"
// without digits), a missing closing quote and a 0x04 byte (the separator
// of msgctxt and msgid in .mo files) are reported in *errors, in that
// order; reading goes on after each.
PoString ReadPoString(std::string_view text, size_t open, size_t end, std::string* out,
                      std::vector<PoStringError>* errors);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_SYNTAX_H_
