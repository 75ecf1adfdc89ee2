// msgmerge's rules for one entry (catalog_update.h uses them): how an old
// translation is carried onto a template entry, and when that makes it
// fuzzy: a changed plural, a format the translation fails
// (format_check.h), a range it no longer fits. Internal to lib/catalog/.
#ifndef L10N_CATALOG_ENTRY_MERGE_H_
#define L10N_CATALOG_ENTRY_MERGE_H_

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/format_check.h"

namespace l10n {

// Whether some msgstr is not empty.
bool HasTranslation(const Message& m);

// Whether the fuzzy entry `old` holds the translation of `m` as it is: its
// previous strings are m's msgctxt, msgid and msgid_plural, while its own
// differ. That is a source edited (which made it fuzzy) and then undone;
// the translation was made for exactly this text.
bool RestoresTranslation(const Message& old, const Message& m);

// The template entry `m` (its flags the template's, without "fuzzy") with
// the translation of `old`, as msgmerge's message_merge makes it:
// translation and translator comments from `old`; format flags, range and
// wrapping from the template; fuzzy when `old` was, when `force_fuzzy` (a
// fuzzy match), when the entry became plural or its msgid_plural changed,
// when the template adds a format the translation fails, or narrows no
// more the range `old` assumed. A fuzzy entry gets `#|` previous strings:
// the old entry's own when it was fuzzy (they are what the translation was
// made from; none for an exact match of a fuzzy entry without them), else
// its msgctxt and msgid. `nplurals` is the catalog's: an entry that became
// plural gets that many copies of the translation. A fuzzy entry that
// RestoresTranslation() is taken as the old translation of `m` itself.
void MergeEntry(const Message& old, Message* m, bool force_fuzzy, int nplurals,
                const PluralDistribution& distribution);

}  // namespace l10n

#endif  // L10N_CATALOG_ENTRY_MERGE_H_
