// The state rules of l10n-check: an entry that is obsolete ("#~"), fuzzy or
// untranslated. Errors by default, except obsolete; --min-coverage and
// --allow-* make them warnings (check_policy.h).
//
//   Message --CheckObsolete, CheckFuzzy, CheckUntranslated--> Findings
#ifndef L10N_CHECK_TRANSLATION_STATE_H_
#define L10N_CHECK_TRANSLATION_STATE_H_

#include "catalog/catalog.h"
#include "check/entry_rule.h"

namespace l10n {

// Entry rules: each reports at the entry's msgid, quoting it.
void CheckObsolete(const Message& m, const RuleContext& context, Findings* out);
void CheckFuzzy(const Message& m, const RuleContext& context, Findings* out);
void CheckUntranslated(const Message& m, const RuleContext& context, Findings* out);

}  // namespace l10n

#endif  // L10N_CHECK_TRANSLATION_STATE_H_
