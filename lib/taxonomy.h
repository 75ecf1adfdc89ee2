// The site's categories: slug -> name in each language, kept in a TOML file
// under locales/ (locales/taxonomy.toml):
//
//   [categories.blog-fieldvisit]
//   en = "Blog fieldvisit"
//   es = "Visita de campo"
//
// Extract adds categories it has not seen; merge reads the names from here.
#ifndef L10N_TAXONOMY_H_
#define L10N_TAXONOMY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"

namespace l10n {

struct Category {
  std::string slug;
  std::map<std::string, std::string> names;  // language -> name

  // The name in `lang`, or empty.
  std::string Name(std::string_view lang) const;
};

class Taxonomy {
 public:
  // Parses TOML text; errors go to the sink as path:line:col. Returns false
  // on error.
  bool Parse(std::string_view text, const std::string& path, DiagnosticSink* sink);
  // Serializes in a stable order (slugs sorted, languages sorted), so an
  // unchanged taxonomy is written back byte for byte.
  std::string Serialize() const;

  const Category* Find(std::string_view slug) const;
  // Inserts or completes a category: names already present are kept.
  // Returns true when anything changed.
  bool Add(const Category& category);
  const std::vector<Category>& categories() const { return categories_; }

 private:
  std::vector<Category> categories_;  // sorted by slug
};

// "blog-fieldvisit" from ".../category/blog-fieldvisit/" or "?cat=..."; when
// the href names none, a slug made from `label` (lowercase ASCII, dashes).
std::string CategorySlug(std::string_view href, std::string_view label);

// Splits a bilingual label as the site shows it ("Blog fieldvisit / Visita de
// campo") into {first, second}; one element when there is no " / ".
std::vector<std::string> SplitBilingualLabel(std::string_view label);

}  // namespace l10n

#endif  // L10N_TAXONOMY_H_
