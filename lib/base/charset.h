// The charset a PO file declares, and reading its bytes as UTF-8: the one
// rule the reader, extract, merge and check share.
//
// Names follow gettext (po-charset.c): its portable names, compared without
// regard to case, are canonicalized ("iso-8859-1" -> "ISO-8859-1",
// "ISO_8859-1" -> "ISO-8859-1"). Other spellings of them ("UTF8", "utf_8",
// "shift-jis") are read alike but are not portable: gettext warns about them,
// and so does l10n-check. Any other name iconv knows ("windows-1252",
// "latin1") is read too, as not portable. The bytes are converted with iconv,
// as gettext's tools do.
#ifndef L10N_BASE_CHARSET_H_
#define L10N_BASE_CHARSET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace l10n {

struct CharsetName {
  std::string canonical;  // "UTF-8", "BIG5", or the name as declared
  bool portable = false;  // spelled as one of gettext's portable names
  bool known = false;     // the bytes can be converted
  bool utf8() const { return canonical == "UTF-8"; }
};

// What a declared charset reads as. "CHARSET" (an xgettext template's
// placeholder) and "" read as UTF-8; so does "ASCII" (a subset).
CharsetName ResolveCharset(std::string_view declared);

// The value of "charset=" in a header's msgstr, as gettext finds it (the
// first "charset=", up to a space, tab or newline); nullopt without one.
// `at`, when set, receives its offset in `header`.
std::optional<std::string_view> HeaderCharset(std::string_view header, size_t* at = nullptr);

// Replaces that value with `charset`; nothing without one.
void SetHeaderCharset(std::string* header, std::string_view charset);

// Converts `text` from `charset` (known) to UTF-8 into *out. The offsets of
// the bytes that are invalid in the charset go to *invalid (each skipped);
// an incomplete character at the end is one more. Returns false when any.
bool ConvertToUtf8(std::string_view text, const std::string& charset, std::string* out,
                   std::vector<size_t>* invalid);

// The characters of a text in a charset other than UTF-8, one at a time:
// where each ends, so that a second byte that looks like ASCII (0x5C in
// BIG5) is not taken for it.
class CharsetCharacters {
 public:
  explicit CharsetCharacters(const std::string& charset);
  ~CharsetCharacters();
  CharsetCharacters(const CharsetCharacters&) = delete;
  CharsetCharacters& operator=(const CharsetCharacters&) = delete;
  // The bytes of the character at s[i]: 1 for ASCII and for a byte that
  // starts no valid character, or when the charset is unknown. `utf8_bytes`,
  // when set, receives the bytes of its UTF-8 conversion (0 for an invalid
  // byte, which converts to nothing).
  size_t LengthAt(std::string_view s, size_t i, size_t* utf8_bytes = nullptr);

 private:
  struct Impl;
  Impl* impl_;
};

// Maps offsets in the UTF-8 conversion of a line of the original (in
// `charset`) back to the line's bytes, walking it once: within a line, ask
// in increasing order.
class ColumnMap {
 public:
  explicit ColumnMap(const std::string& charset);
  void Reset(std::string_view line);
  // The bytes of the line that convert to its first `utf8_bytes` bytes.
  size_t Original(size_t utf8_bytes);

 private:
  CharsetCharacters characters_;
  std::string_view line_;
  size_t orig_ = 0, converted_ = 0;
};

}  // namespace l10n

#endif  // L10N_BASE_CHARSET_H_
