// The taxonomy's categories of a Markdown post's front-matter categories
// and tags (Segmentation::metadata.terms): merge writes each term as its
// category's name in the target language, extract learns the terms into
// the taxonomy and the names it lacks into the catalog, l10n-check checks
// those names (docs/markdown.md, "Categories and tags").
#ifndef L10N_RENDER_MERGE_TERMS_H_
#define L10N_RENDER_MERGE_TERMS_H_

#include <string>
#include <unordered_map>
#include <utility>

#include "catalog/taxonomy.h"
#include "post/post_format.h"

namespace l10n {

// The taxonomy's category for a term of a post in `lang`: the one with the
// term's slug, else the first (by slug) whose name in `lang` is the term's
// name (a Spanish post's "Informes" is the category an English post's
// "Reports" made, once the taxonomy pairs the two names). The names are
// indexed on the first term the slugs miss, so a post's terms are found in
// linear time; the taxonomy may gain categories meanwhile (Taxonomy::Add),
// not lose or rename them.
class TermCategories {
 public:
  TermCategories(const Taxonomy& taxonomy, std::string lang)
      : taxonomy_(taxonomy), lang_(std::move(lang)) {}
  // Null when there is none; valid until the taxonomy changes.
  const Category* Find(const Segmentation::Metadata::Term& term);

 private:
  const Taxonomy& taxonomy_;
  std::string lang_;
  bool indexed_ = false;
  std::unordered_map<std::string, std::string> slug_by_name_;
};

}  // namespace l10n

#endif  // L10N_RENDER_MERGE_TERMS_H_
