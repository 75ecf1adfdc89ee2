// The links of a page rewritten for the site in another language
// (docs/site.md): each link (Segmentation::links) that names a post, a
// category or a mapped page of the site, in any form (SiteMap::Resolve), is
// written as the URL of what it names in the target page's language, in the
// form it had (SiteMap::Rewrite); "?query" and "#fragment" stay. A link to
// a post whose translation is not published, or to a page with no URL in
// that language, stays as it is; so does every other link.
//
//   Segmentation::links + SiteMap + source page + target page
//     --SiteLinkEdits--> TextEdits (render/merge.h applies them)
#ifndef L10N_RENDER_SITE_LINKS_H_
#define L10N_RENDER_SITE_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "post/post_format.h"
#include "render/site_head.h"
#include "render/text_edit.h"

namespace l10n {

// The edits that rewrite the links of `text` (segmented as `segmentation`),
// the post as published at `from`, for its page `to`. None when the two
// pages are in one language or without [site] settings. Each URL is
// escaped for where it is written: an HTML attribute value in its quotes
// ('&' and the quote as character references; unquoted, every character
// that would end the value), a Markdown destination as CommonMark reads it
// (post/markdown_escape.h MarkdownDestination).
std::vector<TextEdit> SiteLinkEdits(std::string_view text, const Segmentation& segmentation,
                                    const SitePage& from, const SitePage& to);

// `url` as the bytes of an HTML attribute value in `quote` ('"', '\'' or 0).
std::string HtmlAttributeUrl(std::string_view url, char quote);

}  // namespace l10n

#endif  // L10N_RENDER_SITE_LINKS_H_
