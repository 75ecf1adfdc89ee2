// Language tags, the one place that reads them: BCP 47 as ICU parses it
// ("es-PE", "en"), and gettext's locale names ("es_PE"), which the catalogs'
// Language headers and the file names of catalogs use.
#ifndef L10N_BASE_LANGUAGE_TAG_H_
#define L10N_BASE_LANGUAGE_TAG_H_

#include <string>
#include <string_view>

namespace l10n {

// Whether `tag` is a well-formed BCP 47 tag (ICU's uloc_forLanguageTag
// reads all of it), with '_' accepted for '-' as in gettext's "es_PE". At
// most 35 characters: a tag goes into paths.
bool IsLanguageTag(std::string_view tag);

// The primary language subtag, lowercased: "es-PE" -> "es", "EN" -> "en",
// "pt_BR" -> "pt".
std::string PrimaryLanguage(std::string_view tag);

}  // namespace l10n

#endif  // L10N_BASE_LANGUAGE_TAG_H_
