// The XLIFF copies of a catalog read back (docs/xliff.md, "Translations
// entered in the XLIFF copies"): l10n-extract rewrites each copy from the
// catalog, so what a translator entered in a copy must reach the catalog
// first, or be refused, never dropped.
//
//   es.po + xliff1.2/es.xlf + xliff2.0/es.xlf --TakeCopyTranslations--> es.po
//
// After an extract the catalog and its copies say the same for every entry,
// so a difference is an edit on one side since. Per active entry, comparing
// the translation and its state (untranslated, fuzzy, translated, reviewed,
// final, signed-off):
//   - a copy without a translation never replaces anything;
//   - the catalog untranslated: the copy's translation comes in;
//   - another copy still equal to the catalog: the catalog is what was
//     written, the differing copy was edited, its translation comes in;
//   - every copy equal to each other but not to the catalog: the catalog was
//     edited, it stays;
//   - otherwise (one copy, or all different) the same text with different
//     states: the state further on comes in; different texts: a conflict,
//     an error naming both places, and nothing is taken.
#ifndef L10N_CATALOG_XLIFF_COPIES_H_
#define L10N_CATALOG_XLIFF_COPIES_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"

namespace l10n {

struct CatalogCopy {
  std::string path;
  const Catalog* catalog = nullptr;
};

// Brings into `catalog` (read from `path`) the translations and states its
// copies hold and it lacks, by the rules above; a note for each, a warning
// where a copy's state is older and is replaced. Returns false after a
// conflict (an error per entry); `catalog` is then partly updated and must
// not be written.
bool TakeCopyTranslations(const std::string& path, const std::vector<CatalogCopy>& copies,
                          Catalog* catalog, DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_COPIES_H_
