// The format directives of a PO string ("%s", "%(name)d", "{name}") as
// gettext's format parsers find them, for one purpose: gettext never breaks
// a line inside a directive of the message's first possible format, so the
// writer (po_wrap) must not either. We know the C, Objective C, Python and
// Python brace syntaxes; gettext's quirks are kept (it stops at the first
// invalid directive; it marks brace directives relative to the directive's
// own start, not the string's).
#ifndef L10N_CATALOG_PO_DIRECTIVES_H_
#define L10N_CATALOG_PO_DIRECTIVES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "catalog/po_flags.h"

namespace l10n {

// Whether `format` (an index in kPoFormatNames) has a directive syntax here.
inline bool HasPoDirectives(int format) { return format >= 0 && format <= kPoFormatPythonBrace; }

// Sets (*no_break)[i] to 1 for each byte of `value` before which a line must
// not break because it is inside a valid directive of `format`. `is_msgstr`:
// a translation, where C formats also accept the 'I' flag.
void MarkNoBreakInDirectives(int format, std::string_view value, bool is_msgstr,
                             std::vector<uint8_t>* no_break);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_DIRECTIVES_H_
