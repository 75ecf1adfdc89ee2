// What our XLIFF says beyond the standard vocabulary (xliff.h): the values
// we put in XLIFF's extension points, and how PO's translation states (the
// fuzzy flag, the "xliff-state: " translator comment) map to XLIFF's states
// and back. Shared by the reader and the writer; internal to lib/catalog/.
#ifndef L10N_CATALOG_XLIFF_EXTENSIONS_H_
#define L10N_CATALOG_XLIFF_EXTENSIONS_H_

#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace l10n {

inline constexpr std::string_view kObsoleteRestype = "x-gettext-obsolete";  // 1.2 group
inline constexpr std::string_view kObsoleteType = "l10n:obsolete";          // 2.0 group
inline constexpr std::string_view kRawType = "l10n:raw";                    // 2.0 unit
inline constexpr std::string_view kFuzzySubState = "l10n:fuzzy";
inline constexpr std::string_view kSignedOffSubState = "l10n:signed-off";

// The XLIFF states a PO file has no word for travel in a translator comment
// (gettext and Poedit drop flags they do not know, but keep comments):
// "final" for an entry with the comment "xliff-state: final"; empty when it
// has none (the kept states are "reviewed", "final" and "signed-off").
std::string_view KeptState(const Message& m);

// True for such a comment, which the writer does not write as a note.
bool IsStateComment(std::string_view line);

// Applies an XLIFF segment's (2.0) or target's (1.2) state and subState to
// an entry read: a state of work still to do makes a translation fuzzy, a
// state PO has no word for becomes the comment above. An untranslated entry
// is left as it is.
void ApplyXliffState(const std::string& state, const std::string& sub_state, Message* m);

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_EXTENSIONS_H_
