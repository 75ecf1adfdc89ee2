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
#ifndef L10N_UNIT_PLACEHOLDER_H_
#define L10N_UNIT_PLACEHOLDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "post/html_segmenter.h"
#include "base/status.h"

namespace l10n {

struct Token {
  enum Type { kText, kOpen, kClose, kSelfClosing };
  Type type = kText;
  std::string text;  // kText: the decoded characters; others: the name
  size_t offset = 0;  // byte offset of the token in the unit text
};

// Splits unit text into tokens. Errors: tag-like markup that is not a
// placeholder tag ("<script src=x>", "<!--", "</div >"), quoting it.
Result<std::vector<Token>> TokenizeUnitText(std::string_view text);

// Checks that the tags of a translation are placeholders of the source unit:
// every name known, paired names opened and closed in order and not crossed,
// self-closing names self-closing, none used twice. A placeholder may be
// left out. Errors name the offending tag.
Status CheckPlaceholders(const std::vector<Token>& tokens,
                         const std::vector<Placeholder>& placeholders);

// Decoded text as unit text: '<' is written "&lt;", and '&' is written
// "&amp;" where it would otherwise read as one of those two escapes, so the
// mapping is reversible (docs/units.md).
void AppendUnitText(std::string_view text, std::string* out);

// Escapes decoded text for HTML content: & < > and U+00A0 (as &nbsp;).
void AppendHtmlText(std::string_view text, std::string* out);
// Escapes decoded text for an attribute value quoted with `quote`.
void AppendHtmlAttribute(std::string_view text, char quote, std::string* out);

}  // namespace l10n

#endif  // L10N_UNIT_PLACEHOLDER_H_
