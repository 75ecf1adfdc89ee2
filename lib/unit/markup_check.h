// Whether a translation's markup is safe to publish: the checks of a
// translated unit's text against its source's (both unit text,
// docs/units.md). Translations are untrusted: l10n-merge refuses what this
// blocks, l10n-check and the XLIFF reader report it, all with these words.
#ifndef L10N_UNIT_MARKUP_CHECK_H_
#define L10N_UNIT_MARKUP_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/check_id.h"

namespace l10n {

// A problem with the markup of a translation, against its source (both unit
// text, docs/units.md).
struct MarkupIssue {
  Check check = Check::kUnsafe;  // kPlaceholder or kUnsafe
  size_t offset = 0;             // into the translation
  std::string message;
  // l10n-merge refuses to publish the translation. Everything but a
  // placeholder left out: that only loses formatting or a link.
  bool blocks_merge = true;
};

// Every markup problem of `translation`, in order of offset. Any tag that is
// not one of the source's placeholders, attribute, entity, URL scheme,
// bidirectional or control character the source does not have is kUnsafe;
// the source's placeholders missing, added, used twice, unbalanced, crossed
// or nested differently are kPlaceholder.
std::vector<MarkupIssue> CheckMarkup(std::string_view source, std::string_view translation);

// CheckMarkup with the byte classes (ByteClasses) of both sides known,
// appending to *issues: what l10n-check calls for every entry.
void CheckMarkup(std::string_view source, std::string_view translation, uint8_t source_classes,
                 uint8_t translation_classes, std::vector<MarkupIssue>* issues);

// The bytes that make a rule worth running, found in one pass so that most
// entries skip most rules.
enum ByteClass : uint8_t {
  kLessThan = 1,   // tags
  kAmpersand = 2,  // escapes, entities
  kColon = 4,      // URL schemes
  kEquals = 8,     // attributes
  kControl = 16,   // a control or bidi character may be there
  kMark = 32,      // '?' or '!'
};

// The ByteClass bits of the bytes of `s`, in one pass.
uint8_t ByteClasses(std::string_view s);

}  // namespace l10n

#endif  // L10N_UNIT_MARKUP_CHECK_H_
