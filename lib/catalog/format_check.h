// msgfmt -c's check of a translation's format arguments, as msgmerge
// applies it when it carries a translation onto a template entry
// (entry_merge.h): the C, Objective-C and Python "%" formats, read as
// gettext's format-c.c and format-python.c read them, and the "range:"
// flag plural checks depend on. Internal to lib/catalog/.
#ifndef L10N_CATALOG_FORMAT_CHECK_H_
#define L10N_CATALOG_FORMAT_CHECK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/plural_forms.h"

namespace l10n {

// The old catalog's plural forms as msgfmt -c weighs them: the forms taken
// for at least 5 values of n in 0..1000 ("often"), whose translations must
// have every argument; the others (the form for n = 1 in English) may leave
// some out. Without a Plural-Forms, English's; with one that is unusable or
// has more than 100 forms, no form is "often".
struct PluralDistribution {
  std::optional<PluralForms> forms;
  std::vector<bool> often;
};
PluralDistribution MakeDistribution(const std::optional<std::string>& plural_forms);

// The entry's "range: 0..10" flag as {0, 10}; nullopt without a valid one.
std::optional<std::pair<uint64_t, uint64_t>> RangeFlag(const Message& m);

// Whether the translation passes msgfmt -c's check of `format` ("c",
// "python", ...), as check_msgid_msgstr_format_i does: each msgstr against
// the msgid_plural (or msgid), strictly unless the entry is plural, has
// several forms, and the form is not one `distribution` has often. For the
// formats not read here, false: the entry then goes to a translator, as
// msgmerge sends it when its check fails.
bool PassesFormatCheck(const Message& m, std::string_view format,
                       const PluralDistribution& distribution);

// "c-format" / "possible-c-format" -> "c"; otherwise empty.
std::string_view PossibleFormat(std::string_view flag);

// Whether one of the entry's flags is PossibleFormat() `format`.
bool HasPossibleFormat(const Message& m, std::string_view format);

}  // namespace l10n

#endif  // L10N_CATALOG_FORMAT_CHECK_H_
