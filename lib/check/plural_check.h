// The plural rules of l10n-check (kHeader): a header's Plural-Forms that is
// missing, does not evaluate (catalog/plural_forms.h says why) or gives a
// number of forms other than gettext's for the language, and a plural entry
// with another number of forms than the header says.
//
//   header Plural-Forms --CheckPluralFormsField--> Findings
//   Message --CheckPluralCount--> Findings
#ifndef L10N_CHECK_PLURAL_CHECK_H_
#define L10N_CHECK_PLURAL_CHECK_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "catalog/catalog.h"
#include "check/entry_rule.h"

namespace l10n {

// `plural_forms`, the header's field (nullopt: none), of a catalog in
// `language`. Findings at `field_at` (where the field is), or at the start of
// `header_line` when it is missing.
void CheckPluralFormsField(const std::optional<std::string>& plural_forms,
                           std::string_view language, int header_line, std::pair<int, int> field_at,
                           Findings* out);

// An entry rule: a msgid_plural entry whose msgstr[] are not the header's
// nplurals (when known).
void CheckPluralCount(const Message& m, const RuleContext& context, Findings* out);

}  // namespace l10n

#endif  // L10N_CHECK_PLURAL_CHECK_H_
