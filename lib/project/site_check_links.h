// The links of a page as l10n-check's `links` check reads them
// (project/site_check.h): every href of <a> and <area>, each <link
// rel="alternate" hreflang> and the language switcher (an element with
// data-l10n-alternate), from the page's HTML as a browser parses it.
//
//   page bytes --ReadPageLinks--> PageLinks (decoded href, offset of its value)
//
// A Markdown page's links are its segmenter's (Segmentation::links: inline
// and definition destinations).
#ifndef L10N_PROJECT_SITE_CHECK_LINKS_H_
#define L10N_PROJECT_SITE_CHECK_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "project/site_check.h"

namespace l10n {

// The links of `text`, the page of the post at `path` (its format by the
// path: post/post_formats.h), in source order.
std::vector<PageLink> ReadPageLinks(std::string_view text, const std::string& path);

}  // namespace l10n

#endif  // L10N_PROJECT_SITE_CHECK_LINKS_H_
