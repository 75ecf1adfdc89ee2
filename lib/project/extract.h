// Units -> catalogs. Builds the template of a source language from its posts'
// units, and brings a target catalog in step with a template without losing
// a translation:
//
//   Segmentation* --BuildTemplate--> Catalog (.pot)
//   template + existing .po --UpdateCatalog--> Catalog (.po)   (catalog_update.h)
//
// Identical text across posts is one entry with all its references; msgctxt
// only where a post asks for it (data-l10n-context) and for category names.
#ifndef L10N_PROJECT_EXTRACT_H_
#define L10N_PROJECT_EXTRACT_H_

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/taxonomy.h"
#include "post/post_format.h"

namespace l10n {

inline constexpr const char kCategoryContext[] = "category";
inline constexpr const char kSlugContext[] = "slug";

struct PostUnits {
  std::string path;  // as written in references ("corpus/post.html")
  std::string lang;  // primary language of the post
  const Segmentation* segmentation = nullptr;
  // With [site] settings: the post's slug, an entry of its own (msgctxt
  // kSlugContext) with this note, so that its page gets a URL of its own in
  // the other language. Empty: no entry.
  std::string slug;
  std::string slug_note;
};

// The template of `info.source_lang` from `posts` (all of that language), in
// post order then source position (a post's slug entry first). Category names that `taxonomy` has
// no name for in `other_lang` become entries with msgctxt "category".
Catalog BuildTemplate(const std::vector<PostUnits>& posts, const Taxonomy& taxonomy,
                      const std::string& other_lang, const CatalogInfo& info);

// True when the two catalogs differ only in POT-Creation-Date (and
// PO-Revision-Date for templates): then the old file is kept as it is.
bool SameIgnoringDates(const Catalog& a, const Catalog& b);

// "YYYY-MM-DD HH:MM+0000" for now, or for $SOURCE_DATE_EPOCH when set.
std::string PoTimestamp();

// Adds the categories of `segmentation` (a post in `lang`) to the taxonomy,
// reading a bilingual label ("English / Spanish" on an English page) into
// both names. Returns true when the taxonomy changed.
bool LearnCategories(const Segmentation& segmentation, const std::string& lang,
                     const std::vector<std::string>& languages, Taxonomy* taxonomy);

}  // namespace l10n

#endif  // L10N_PROJECT_EXTRACT_H_
