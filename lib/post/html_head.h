// What an HTML page's <head> says about which page it is and which are its
// translations, and the language switchers it marks, for the site's
// metadata (render/site_head.h, docs/site_head.md): where a new child of
// the head goes and how the other children are indented, the existing
// <link rel="alternate" hreflang> and <link rel="canonical">, the
// og:locale, og:locale:alternate and og:url metas, and every
// <a data-l10n-alternate="LANG">.
//
//   gumbo's tree + the source map --FindHead--> Segmentation::head
#ifndef L10N_POST_HTML_HEAD_H_
#define L10N_POST_HTML_HEAD_H_

#include <gumbo.h>

#include "post/html_source_map.h"
#include "post/post_format.h"

namespace l10n {

// Fills *head from the document `root` (gumbo's output->root). Only the
// head's own children count as its metadata (Google reads hreflang in the
// head only); switchers are found anywhere.
void FindHead(const GumboNode* root, const HtmlSourceMap& map, Segmentation::Head* head);

}  // namespace l10n

#endif  // L10N_POST_HTML_HEAD_H_
