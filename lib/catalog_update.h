// Brings a translated catalog in step with a new template without losing a
// translation, as GNU `msgmerge --previous` does (docs/catalog_update.md):
//
//   template + existing .po (+ compendia) --UpdateCatalog--> .po
//
// - an entry whose msgctxt and msgid are still in the template keeps its
//   translation, flags and translator comments; one that came back is
//   restored from its obsolete ("#~") entry;
// - a changed source string gets the closest old translation (fuzzy_match.h)
//   marked "fuzzy", with the old msgctxt/msgid as "#|" previous strings;
// - compendia (msgmerge -C) fill in exact and fuzzy matches the catalog
//   lacks; their entries never become obsolete here;
// - old translations no longer used become obsolete entries, kept unless
//   purged;
// - entries come in template order (post order, then position); the header
//   is the old one with the template's POT-Creation-Date.
#ifndef L10N_CATALOG_UPDATE_H_
#define L10N_CATALOG_UPDATE_H_

#include <vector>

#include "catalog.h"
#include "extract.h"

namespace l10n {

struct UpdateOptions {
  bool fuzzy_matching = true;   // msgmerge -N turns it off
  bool purge_obsolete = false;  // drop "#~" entries
  std::vector<const Catalog*> compendia;
};

struct UpdateStats {
  int exact = 0;       // kept from the catalog
  int revived = 0;     // restored from an obsolete entry
  int fuzzy = 0;       // new fuzzy matches
  int compendium = 0;  // exact or fuzzy from a compendium
  int untranslated = 0;
  int obsolete = 0;    // obsolete entries written
};

Catalog UpdateCatalog(const Catalog& templ, const Catalog* existing, const CatalogInfo& info,
                      const UpdateOptions& options = {}, UpdateStats* stats = nullptr);

}  // namespace l10n

#endif  // L10N_CATALOG_UPDATE_H_
