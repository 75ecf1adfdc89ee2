// The text of a unit, as msgid and msgstr hold it (docs/units.md):
//
//   Read <a>the report</a> of <time/>.<br/>
//
// Tags stand for the source's inline markup: <name>..</name> for a paired
// element, <name/> for a void, opaque, date or category placeholder. A
// literal '<' is written "&lt;" and a '&' that would read as "&lt;" or
// "&amp;" is written "&amp;"; every other character is itself.
//
// A translation is untrusted: anything tag-like that is not one of the
// source unit's placeholders is rejected, never published.
#ifndef L10N_UNIT_UNIT_TEXT_H_
#define L10N_UNIT_UNIT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "unit/unit.h"

namespace l10n {

struct Token {
  enum Type { kText, kOpen, kClose, kSelfClosing };
  Type type = kText;
  std::string text;   // kText: the decoded characters; others: the name
  size_t offset = 0;  // byte offset of the token in the unit text
};

// Splits unit text into tokens. Errors: tag-like markup that is not a
// placeholder tag ("<script src=x>", "<!--", "</div >"), quoting it.
Result<std::vector<Token>> TokenizeUnitText(std::string_view text);

// Decoded text as unit text: '<' is written "&lt;", and '&' is written
// "&amp;" where it would otherwise read as one of those two escapes, so the
// mapping is reversible (docs/units.md).
void AppendUnitText(std::string_view text, std::string* out);

// The words of unit text: runs of characters other than space, tab and
// newline in its decoded text, tags left out (the statistics of extract,
// merge and check).
int CountWords(std::string_view unit_text);

}  // namespace l10n

#endif  // L10N_UNIT_UNIT_TEXT_H_
