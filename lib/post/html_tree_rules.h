// The element categories of the HTML5 tree builder (WHATWG HTML 13.2.6),
// by lowercase tag name, as the model of post/html_tree_model.h needs them:
// void and raw text elements, formatting elements and markers, the
// "special" category and the scopes, foreign content's breakouts and
// integration points.
#ifndef L10N_POST_HTML_TREE_RULES_H_
#define L10N_POST_HTML_TREE_RULES_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace l10n {

// An attribute of a start tag as the tokenizer reads it: the name in
// lowercase, the value as written (no character references decoded).
struct TagAttribute {
  std::string name;
  std::string_view value;
};

// True when `name` is one of `names`.
bool OneOf(std::string_view name, std::initializer_list<std::string_view> names);

// Elements without content or end tag.
bool IsVoidElement(std::string_view name);

// The elements whose content the tokenizer reads as text up to their end
// tag: raw text and RCDATA. <plaintext> has no end tag: the rest of the
// document is its text. <noscript> is markup (gumbo parses with scripting
// off).
bool IsRawText(std::string_view name);

// Start tags that close an open <p> (HTML5 "close a p element").
bool ClosesParagraph(std::string_view name);

// The formatting elements of the HTML5 tree builder: the ones it keeps in
// its list of active formatting elements and reopens in later text.
bool IsFormatting(std::string_view name);

// Start tags that insert a marker into that list (and end tags that clear
// it back to the marker).
bool InsertsMarker(std::string_view name);

// Start tags the "in body" mode handles without reconstructing the active
// formatting elements first; every other start tag, and all text,
// reconstructs them.
bool SkipsReconstruction(std::string_view name);

// The HTML5 "special" category, which stops the adoption agency's search
// for a furthest block and an "any other end tag".
bool IsSpecial(std::string_view name);

// Where "has an element in scope" stops looking.
bool EndsScope(std::string_view name);

// Where "has a p element in button scope" stops looking.
bool EndsButtonScope(std::string_view name);

// Start tags that leave SVG or MathML content for HTML ("breakout").
bool BreaksOutOfForeign(std::string_view name);

// Inside SVG or MathML, the elements whose content is HTML again.
bool IsIntegrationPoint(std::string_view name);

}  // namespace l10n

#endif  // L10N_POST_HTML_TREE_RULES_H_
