// Writes one keyword and its string as gettext 0.21 writes it (write-po.c's
// wrap()): escaped, split after each "\n", and wrapped at the page width at
// the line breaks libunistring chooses (po_line_break), never inside an
// escape sequence, a character or a format directive (po_directives). A
// string that does not fit on the keyword's line starts with `msgid ""`.
// po_writer writes the rest of an entry around it.
#ifndef L10N_CATALOG_PO_WRAP_H_
#define L10N_CATALOG_PO_WRAP_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/charset.h"

namespace l10n {

class PoStringWriter {
 public:
  // `charset`: the catalog's, as its header declares it (charset.h; "" for
  // none, which reads as UTF-8). `page_width`: the line length, quotes
  // included; `wrap`: false for --no-wrap (lines break after "\n" only).
  PoStringWriter(std::string_view charset, int page_width, bool wrap);
  ~PoStringWriter();

  // Appends `prefix name "value"` (`prefix` is "", "#~ ", "#| " or "#~| ")
  // to *out. `format`: the message's first possible format
  // (FirstPossibleFormat), whose directives stay whole; `do_wrap`: false
  // for a message with the no-wrap flag.
  void Write(std::string_view prefix, std::string_view name, std::string_view value, int format,
             bool do_wrap, std::string* out);

 private:
  int BuildPortion(std::string_view value, size_t begin, size_t end, bool directives);

  int page_width_;
  bool wrap_;
  bool utf8_ = true;
  std::string encoding_ = "UTF-8";                 // as libunistring and iconv know it
  std::unique_ptr<CharsetCharacters> characters_;  // when not UTF-8
  // Scratch buffers, reused for every string.
  std::string portion_;
  std::vector<char> overrides_;
  std::vector<char> breaks_;
  std::vector<uint8_t> no_break_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_WRAP_H_
