// Decoded text back into HTML: the escaping the HTML format
// (post/html_format.h) gives a translated unit's text and attribute values
// before merge puts them into the page.
#ifndef L10N_POST_HTML_ESCAPE_H_
#define L10N_POST_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace l10n {

// Escapes decoded text for HTML content: & < > and U+00A0 (as &nbsp;).
void AppendHtmlText(std::string_view text, std::string* out);
// Escapes decoded text for an attribute value quoted with `quote`.
void AppendHtmlAttribute(std::string_view text, char quote, std::string* out);

}  // namespace l10n

#endif  // L10N_POST_HTML_ESCAPE_H_
