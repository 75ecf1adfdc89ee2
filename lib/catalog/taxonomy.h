// The site's categories: slug -> name in each language, kept in a TOML file
// under locales/ (locales/taxonomy.toml):
//
//   [categories.blog-fieldvisit]
//   en = "Blog fieldvisit"
//   es = "Visita de campo"
//   slug = { es = "visita-de-campo" }
//
// `slug`, optional, gives the category's slug in a language where its URL
// is not the table's key (the site's category pages, docs/site.md): each
// a URL slug (IsUrlSlug).
// Extract adds categories it has not seen; merge reads the names from here.
//
// The file holds only the `categories` table; each category is a table whose
// keys are language codes ("en", "es", "pt-BR") and whose values are strings,
// and `slug`. Anything else is an error. Serialize writes one comment line,
// then one table per category sorted by slug, names sorted by language, as
// basic strings, then `slug` as an inline table sorted by language; slugs
// that are not bare TOML keys are quoted.
#ifndef L10N_CATALOG_TAXONOMY_H_
#define L10N_CATALOG_TAXONOMY_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"

namespace l10n {

struct Category {
  std::string slug;
  std::map<std::string, std::string> names;  // language -> name
  std::map<std::string, std::string> slugs;  // language -> its slug there, when not `slug`

  // The name in `lang`, or empty.
  std::string Name(std::string_view lang) const;
  // The slug of its page in `lang`: slugs' or `slug`.
  std::string Slug(std::string_view lang) const;
};

// Whether `s` is a slug of a URL the site accepts: lowercase ASCII letters
// and digits in runs joined by single hyphens ("visita-de-campo-2024").
bool IsUrlSlug(std::string_view s);

class Taxonomy {
 public:
  // Replaces the contents with the categories in TOML `text`. Problems go to
  // the sink as path:line:col (columns in bytes), e.g.
  //   t.toml:3:1: error: category 'x': expected a string for 'en'
  // A TOML syntax error stops the parse (nothing is kept); other problems are
  // all reported and the valid categories kept. Returns false on any error.
  bool Parse(std::string_view text, const std::string& path, DiagnosticSink* sink);
  // Serializes in a stable order (slugs sorted, languages sorted), so an
  // unchanged taxonomy is written back byte for byte, and Parse reads back
  // the same categories. Invalid UTF-8 in a slug or name, which TOML cannot
  // hold, is written as U+FFFD.
  std::string Serialize() const;

  const Category* Find(std::string_view slug) const;
  // The file Parse read, and where in it the name of `slug` in `lang` is
  // written: line and column (bytes, 1-based) of byte `offset` of the name
  // as decoded, inside its TOML string. {0, 0} for a name Parse did not read.
  // Translators edit the taxonomy too, so its names are checked like
  // translations (l10n-check, l10n-merge), and reported there.
  const std::string& path() const { return path_; }
  std::pair<int, int> Locate(std::string_view slug, std::string_view lang, size_t offset) const;
  // Inserts or completes a category: names and slugs already present
  // (non-empty) are kept, empty ones are ignored, an empty slug is refused. Returns true when
  // anything changed.
  bool Add(const Category& category);
  const std::vector<Category>& categories() const { return categories_; }

 private:
  std::vector<Category> categories_;  // sorted by slug
  std::string path_;
  std::string text_;  // what Parse read
  // Where each name's TOML string starts in text_, by slug and language.
  std::map<std::pair<std::string, std::string>, size_t> name_offsets_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_TAXONOMY_H_
