// What the HTML segmenter (post/html_segmenter.h) knows of the elements of
// gumbo's tree: which are never extracted, which are inline or void, what
// kind of unit a block holds, and whether the source wrote an element's tags
// or the parser made them up.
#ifndef L10N_POST_HTML_ELEMENTS_H_
#define L10N_POST_HTML_ELEMENTS_H_

#include <gumbo.h>

#include <string>

#include "unit/unit.h"

namespace l10n {

// Elements whose content is never extracted (script, pre, code, svg, ...).
bool IsSkipped(GumboTag tag);
// Elements that are markup inside a unit's text rather than a block.
bool IsInline(GumboTag tag);
// The inline elements without content: br, wbr, img, input.
bool IsVoid(GumboTag tag);
// The kind of unit in a block `tag` whose parent block is of kind
// `inherited` (a paragraph in a blockquote is a quotation).
UnitKind KindOf(GumboTag tag, UnitKind inherited);

const GumboAttribute* Attr(const GumboElement& el, const char* name);

// The element's tag name in lowercase, as written for an unknown one
// ("span" when it has none).
std::string TagName(const GumboElement& el);

// False for elements the parser made up (implied html/body/tbody, and
// formatting elements it reconstructed or cloned): their original_tag, if
// any, belongs to another element.
bool HasStartTag(const GumboElement& el);
// True when the element's original end tag is its own (</name>).
bool HasOwnEndTag(const GumboElement& el);

// True for a text node of title or textarea (RCDATA).
bool InRcdata(const GumboNode* node);

}  // namespace l10n

#endif  // L10N_POST_HTML_ELEMENTS_H_
