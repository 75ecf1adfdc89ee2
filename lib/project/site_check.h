// l10n-check's checks of the site ([site] settings, docs/check.md): the
// `links` check over the pages l10n-merge would publish, and the `slug`
// check over the catalogs' translated slugs.
//
//   MergePlan (pages + SiteMap) + each page's links --CheckSiteLinks-->
//     links findings (a link to an unpublished page, an hreflang set that
//     is not reciprocal, two posts at one URL)
//   catalogs' msgctxt "slug" entries + posts + locales/urls.tsv
//     --CheckSlugs--> slug findings (not a slug, taken twice, changed)
#ifndef L10N_PROJECT_SITE_CHECK_H_
#define L10N_PROJECT_SITE_CHECK_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "check/check_policy.h"
#include "check/check_report.h"
#include "project/project.h"
#include "render/site_map.h"

namespace l10n {

// A link of a page, as a browser or a crawler reads it.
struct PageLink {
  enum class Kind {
    kLink,       // the href of an <a> or <area>, a Markdown link's destination
    kAlternate,  // <link rel="alternate" hreflang>: `hreflang` says which
    kSwitcher,   // the language switcher (data-l10n-alternate): may name
                 // the other language
  };
  Kind kind = Kind::kLink;
  std::string href;      // decoded (HTML character references resolved)
  std::string hreflang;  // kAlternate: as written ("es", "es-PE", "x-default")
  size_t offset = 0;     // of the value in the text it was read from
  bool hidden = false;   // kSwitcher: with the `hidden` attribute (its
                         // language's page is not published), not followed
};

// The links of a page's `text` (the post at `path`, in its format).
using PageLinkReader =
    std::function<std::vector<PageLink>(std::string_view text, const std::string& path)>;

// The `links` check over `plan` (whose `site` must be set): every link of
// every page that names a place on the site (SiteMap::Resolve) names a page
// published in the page's language: an error otherwise; a link to the
// other language's page is a note, the switcher and hreflang alternates
// excepted. Every page's hreflang set names, for each language, a published
// page whose own set names it back (an error otherwise); hreflang is
// compared by its primary language subtag ("es-PE" is "es"). Two posts whose
// pages in one language have one URL are an error. Findings are located in
// the page's source post: at the link's line in the post (the link of the
// same order among the post's links, since merge keeps every link), at the
// post otherwise. `posts` are all the posts, published or not.
void CheckSiteLinks(const std::vector<Post>& posts, const MergePlan& plan,
                    const PageLinkReader& read, const CheckPolicy& policy, CheckReport* report);

// A catalog of translations from one language into another, as read.
struct SlugCatalog {
  std::string path;
  std::string text;  // its bytes, to locate findings
  std::string source;
  std::string target;
  const Catalog* catalog = nullptr;
};

// What l10n-merge recorded it published ([site] urls, docs/site.md): post
// path -> language -> URL path. Lines "POST-PATH<TAB>LANG<TAB>URL-PATH";
// other lines are ignored.
std::map<std::string, std::map<std::string, std::string>> ParseUrlRecord(std::string_view text);

// The `slug` check: each msgctxt "slug" entry's translation is a slug
// (lowercase ASCII letters and digits, words joined by single hyphens),
// and no other post has that slug in the target language (another
// translated slug, or the slug of a post written in it): errors at the
// translation. A post whose URL in a language is not the one `published`
// records is a warning (at its slug entry, or at the post). `published`
// may be empty (nothing published yet).
void CheckSlugs(const SiteSettings& site, const std::vector<Post>& posts,
                const std::vector<SlugCatalog>& catalogs,
                const std::map<std::string, std::map<std::string, std::string>>& published,
                const CheckPolicy& policy, CheckReport* report);

// Whether `slug` is lowercase ASCII letters and digits in words joined by
// single hyphens: [a-z0-9]+(-[a-z0-9]+)*.
bool IsValidSlug(std::string_view slug);

}  // namespace l10n

#endif  // L10N_PROJECT_SITE_CHECK_H_
