// The <head> metadata of a page on a bilingual site (docs/site.md): one
// <link rel="alternate" hreflang> per language the post is published in and
// x-default, <link rel="canonical"> to the page itself, og:locale,
// og:locale:alternate and og:url; and the language switcher the site marks
// (data-l10n-alternate). Inserted where the page has none, updated where it
// has them; nothing else of the page changes.
//
//   Segmentation::head + SiteMap + the page --SiteHeadEdits--> TextEdits
#ifndef L10N_RENDER_SITE_HEAD_H_
#define L10N_RENDER_SITE_HEAD_H_

#include <string>
#include <string_view>
#include <vector>

#include "post/post_format.h"
#include "render/site_map.h"
#include "render/text_edit.h"

namespace l10n {

// A page of a post on the site.
struct SitePage {
  const SiteMap* site = nullptr;
  std::string post;  // the post's key in the site map (its path)
  std::string lang;  // the page's language (primary subtag)
  std::string path;  // its path on the site ("/es/visita/")
  // The post's own language: the x-default alternate's when the settings
  // name none (or name one the post is not published in).
  std::string source_lang;
  // Markdown (Hugo): the file the page is written to and the post's file,
  // relative to the same folder, and Hugo's contentDir there. When the two
  // would not pair by name (docs/site_head.md) the page gets a
  // translationKey; an empty `file` never gets one.
  std::string file;
  std::string content_dir = "content";
};

// The edits that give the page `text` (segmented as `segmentation`) its
// site metadata; none without [site] settings. HTML: the <head> tags and
// the switchers; Markdown: the front matter's slug (and translationKey),
// Hugo's templates write the rest. None where the page already says it
// all, so a page merged twice gets the same bytes.
std::vector<TextEdit> SiteHeadEdits(std::string_view text, const Segmentation& segmentation,
                                    const SitePage& page);

}  // namespace l10n

#endif  // L10N_RENDER_SITE_HEAD_H_
