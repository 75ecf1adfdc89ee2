// The links of an HTML page (Segmentation::links): the href of every <a>
// and <area> in gumbo's tree, inside units and outside them, where it is
// written in the source (post/html_source_map.h). An element the parser
// made up, or cloned (the adoption agency's copies of an <a>), has no bytes
// of its own: each href is listed once, at the bytes it was written in. On
// a page with a <base href>, relative paths name what the base says, not
// what the page's URL does: they are left out.
#ifndef L10N_POST_HTML_LINKS_H_
#define L10N_POST_HTML_LINKS_H_

#include <gumbo.h>

#include <vector>

#include "post/html_source_map.h"
#include "post/post_format.h"

namespace l10n {

// The links under `root`, in source order.
std::vector<Segmentation::Link> FindHtmlLinks(const GumboNode* root, const HtmlSourceMap& map);

}  // namespace l10n

#endif  // L10N_POST_HTML_LINKS_H_
