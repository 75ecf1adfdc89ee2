// The text of an HTML post as the segmenter reads it (post/html_segmenter.h):
// HTML's white space, collapsing and trimming it, the characters a source
// text stands for once the parser decodes it, and the text an element shows.
#ifndef L10N_POST_HTML_TEXT_H_
#define L10N_POST_HTML_TEXT_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace l10n {

// HTML's ASCII white space: space, tab, LF, CR, FF.
bool IsHtmlSpace(char c);

// Collapses runs of HTML white space to one space and trims both ends.
std::string Collapse(std::string_view s);

// `s` without HTML white space at either end.
std::string Trim(std::string_view s);

// True when the space-separated list `list` (a class or rel attribute) holds
// `token` (lowercase), compared without regard to ASCII case.
bool HasToken(const char* list, std::string_view token);

// Source text (of a text node outside RCDATA) decoded as the HTML parser
// decodes it: entities, newlines, NUL.
std::string DecodeHtmlText(std::string_view source);

// The decoded text a node shows: its own text, or its descendants' but for
// script and style.
std::string VisibleText(const GumboNode* node);

// True for a comment and for text of white space only.
bool IsBlankText(const GumboNode* node);

}  // namespace l10n

#endif  // L10N_POST_HTML_TEXT_H_
