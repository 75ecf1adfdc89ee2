// Link reference definitions ("[label]: /url "title"", CommonMark 4.7) of a
// Markdown post's body, found in the source: md4c reads them but reports
// none. A definition can only start a paragraph, and may span lines (its
// label, its destination and its title each may start a new line, the
// title may go on over lines); inside a quote or list item each of its
// lines has the container's prefix ("> ", indentation).
//
// What is found is only a candidate until the parser agrees: the caller
// says (`unread`) whether md4c reported none of its bytes as text, code or
// HTML, which a definition's bytes never are. Together with the place it
// starts (the body's first line, after a blank line, an ATX heading,
// another definition, or as a list item's first line) that keeps out
// everything else that looks like one.
#ifndef L10N_POST_MARKDOWN_DEFINITIONS_H_
#define L10N_POST_MARKDOWN_DEFINITIONS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

struct LinkDefinition {
  Range range;                  // from "[" to the end of its last line
  std::string label;            // as written, between "[" and "]"
  Range destination;            // its URL as written, inside "<" ">" when so written
  Range title;                  // between the delimiters; empty: no title
  char quote = 0;               // the title's opening delimiter: '"', '\'' or '('
  bool prefixed_title = false;  // the title goes on over a line with a quote prefix ("> ")
};

// The definitions of text[begin, end of text) in order. A title that goes
// on over more than kMaxTitleLines lines is not read (the definition is,
// without it): a post of unclosed titles stays linear.
inline constexpr int kMaxTitleLines = 64;
std::vector<LinkDefinition> FindLinkDefinitions(std::string_view text, size_t begin,
                                                const std::function<bool(Range)>& unread);

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_DEFINITIONS_H_
