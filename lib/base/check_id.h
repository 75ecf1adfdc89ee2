// The rules of l10n-check by name ("unsafe", "placeholder", ...). Every stage
// that finds a problem of a translation names the rule it breaks, so that
// l10n-check, l10n-merge and the XLIFF reader say the same words, and a
// CheckPolicy can raise or lower it (check/check_policy.h).
#ifndef L10N_BASE_CHECK_ID_H_
#define L10N_BASE_CHECK_ID_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace l10n {

enum class Check : uint8_t {
  kSyntax,     // the PO file does not parse
  kDuplicate,  // two entries with one msgctxt and msgid
  kEncoding,   // invalid UTF-8
  kHeader,     // Language, Plural-Forms, charset missing or wrong
  kUntranslated,
  kFuzzy,
  kObsolete,       // "#~" entries
  kStale,          // not what l10n-extract would write from the posts now
  kPlaceholder,    // placeholders missing, added, twice, unbalanced, re-nested
  kUnsafe,         // markup, entity, attribute, URL scheme, control character
  kIdentical,      // translation equal to a source that has words
  kWhitespace,     // leading or trailing whitespace differs
  kPunctuation,    // final punctuation differs
  kInvertedMarks,  // Spanish '?' or '!' without '¿' or '¡'
  kCoverage,       // below --min-coverage
  kLinks,          // [site]: a link to an unpublished page, hreflang not reciprocal
  kSlug,           // [site]: a translated slug that is none, taken twice, or changed
};
inline constexpr int kCheckCount = 17;

// "untranslated", "inverted-marks", ...
const char* CheckName(Check check);
std::optional<Check> ParseCheck(std::string_view name);

}  // namespace l10n

#endif  // L10N_BASE_CHECK_ID_H_
