// XLIFF back from a CAT tool into the PO catalog it was made from
// (docs/import.md):
//
//   es.xlf (1.2 or 2.0, ours or OmegaT's, Okapi's, Trados', memoQ's...)
//     + es.po --ImportXliff--> es.po with the translations and states
//
// The XLIFF is read by ReadXliff (xliff.h): inline codes become the PO's
// placeholders, a target whose codes differ from its source's is an error,
// states map to the fuzzy flag (translated, reviewed, final, signed-off:
// translated; new, initial, needs-*: fuzzy). Each unit finds its PO entry by
// id (ours: UnitId of msgctxt and msgid), else by msgctxt and msgid, else by
// a msgid that only one entry has. Then:
//   - a source that differs from the entry's msgid (either side changed)
//     makes the translation fuzzy, the unit's source its previous msgid;
//   - an entry translated already (not fuzzy) with another msgstr is a
//     conflict: a warning at the unit naming the PO line, the entry kept
//     unless `overwrite`.
// Only the entries that change are written again (as gettext writes them, at
// the file's width and line ends); every other byte of the PO file stays.
#ifndef L10N_CATALOG_XLIFF_IMPORT_H_
#define L10N_CATALOG_XLIFF_IMPORT_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace l10n {

struct XliffImportOptions {
  bool overwrite = false;  // a conflicting XLIFF target replaces the PO's
};

// What importing one XLIFF file did.
struct XliffImportStats {
  int updated = 0;    // entries now translated with the unit's target
  int fuzzy = 0;      // entries given a fuzzy translation, or made fuzzy
  int conflicts = 0;  // translated entries kept against another target
  int unmatched = 0;  // units with a target that no entry matches
};

// The languages an XLIFF document translates from and into: 2.0 <xliff
// srcLang trgLang>, 1.2 those of its first <file source-language
// target-language>; empty when it says none or the text is no XML.
void XliffLanguages(std::string_view xliff_text, std::string* source, std::string* target);

// Imports `xliff_text` into the PO file `po_text`; *out gets the PO file's
// new bytes. Conflicts and unmatched units are warnings in the sink.
// Returns false after any error (malformed XLIFF or PO, a PO file not in
// UTF-8, a target whose codes differ from its entry's msgid), reported as
// path:line:col; *out is then left alone.
bool ImportXliff(std::string_view xliff_text, const std::string& xliff_path,
                 std::string_view po_text, const std::string& po_path,
                 const XliffImportOptions& options, std::string* out, XliffImportStats* stats,
                 DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_IMPORT_H_
