// What in a translation's text, outside its tags, could act as markup or
// hide itself once the text is in a page: entity references, URL schemes
// that run or load something, attribute-like text, and invisible or
// bidirectional control characters (docs/check.md). The markup check
// (unit/markup_check.h) refuses those a translation adds to its source.
#ifndef L10N_UNIT_TEXT_HAZARDS_H_
#define L10N_UNIT_TEXT_HAZARDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace l10n {

// Each list holds (offset in `s`, what was found), in order of offset.

// Entity references as HTML reads them: "&name;", "&#123;", "&#x1F;". The
// unit text's own escapes ("&lt;", "&amp;") are text, not entities.
std::vector<std::pair<size_t, std::string>> FindEntities(std::string_view s);

// URL schemes that make a link or load something: "javascript:" even with
// spaces or controls inside (browsers strip them), the others as written
// ("http://", "mailto:", "data:" before a MIME type, ...).
std::vector<std::pair<size_t, std::string>> FindUrlSchemes(std::string_view s);

// Attribute-like text ("onerror=", "href ="): harmless as text, but a sign of
// an attempt, and never what a translation of the source needs.
std::vector<std::pair<size_t, std::string>> FindAttributes(std::string_view s);

// The code points a translation may not add: controls (Cc) but TAB and LF,
// format characters (Cf), default ignorable code points and bidirectional
// controls; but for those ordinary text needs (the soft hyphen, ZWNJ, ZWJ,
// variation selectors, prepended concatenation marks). A tag character
// (U+E0020..U+E007F) is text in an emoji tag sequence (UTS #51: an emoji,
// tag characters, U+E007F), as in the flag of Scotland.
std::vector<std::pair<size_t, char32_t>> FindInvisibles(std::string_view s);

// True for a byte that may begin the UTF-8 of one of those code points: a
// string without such a byte needs no FindInvisibles.
bool MayBeginInvisible(unsigned char byte);

}  // namespace l10n

#endif  // L10N_UNIT_TEXT_HAZARDS_H_
