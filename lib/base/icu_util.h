// Small bridges between the project's UTF-8 strings and ICU.
#ifndef L10N_BASE_ICU_UTIL_H_
#define L10N_BASE_ICU_UTIL_H_

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <optional>
#include <string>
#include <string_view>

namespace l10n {

// UTF-8 to UTF-16; nullopt for invalid UTF-8 (ICU's fromUTF8 would quietly
// substitute U+FFFD).
std::optional<icu::UnicodeString> FromUtf8(std::string_view s);
std::string ToUtf8(const icu::UnicodeString& s);

// BCP 47 tags ("es-PE") and ICU ids ("es_PE", "en@calendar=...") alike;
// nullopt for an empty or malformed id.
std::optional<icu::Locale> MakeLocale(std::string_view id);

// The Open Graph locale (language_TERRITORY, og:locale) of a language tag:
// its own region when it has one ("es-PE" -> "es_PE"), else its likely
// region (uloc_addLikelySubtags: "es" -> "es_ES", "en" -> "en_US"); the
// language alone when ICU knows no region, "" for a malformed tag.
std::string OpenGraphLocale(std::string_view tag);

}  // namespace l10n

#endif  // L10N_BASE_ICU_UTIL_H_
