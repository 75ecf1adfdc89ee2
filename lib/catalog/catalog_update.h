// Brings a translated catalog in step with a new template without losing a
// translation, as GNU `msgmerge --previous` does (docs/catalog_update.md):
//
//   template + existing .po (+ compendia) --UpdateCatalog--> .po
//
// - an entry whose msgctxt and msgid are still in the template keeps its
//   translation, translator comments and fuzzy state (format flags, range
//   and wrapping come from the template; a plural or format change makes it
//   fuzzy, as in msgmerge); one that came back is restored from its
//   obsolete ("#~") entry;
// - a changed source string gets the closest old translation (fuzzy_match.h)
//   marked "fuzzy", with the old msgctxt/msgid as "#|" previous strings;
//   a source edited and set back gets its translation back, not fuzzy,
//   where msgmerge leaves it fuzzy;
// - compendia (msgmerge -C) fill in exact and fuzzy matches the catalog
//   lacks (an untranslated entry counts as lacking); their entries never
//   become obsolete here;
// - old translations no longer used become obsolete entries, kept unless
//   purged;
// - entries come in template order (post order, then position); the header
//   is the old one with the template's POT-Creation-Date.
#ifndef L10N_CATALOG_CATALOG_UPDATE_H_
#define L10N_CATALOG_CATALOG_UPDATE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/packed_catalog.h"

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
  int obsolete = 0;  // obsolete entries written
};

Catalog UpdateCatalog(const Catalog& templ, const Catalog* existing, const CatalogInfo& info,
                      const UpdateOptions& options = {}, UpdateStats* stats = nullptr);

// The same update from files to a file, for catalogs of any size, as
// `msgmerge --previous -o OUT OLD TEMPLATE` does: the old catalog is held
// packed (PackedCatalog), the template is read twice instead of being held,
// and the result is written as it is made, to a temporary file that replaces
// `out_path` only when all went well. Errors go to `sink`; returns false
// after any, with `out_path` untouched. The output's style (line ends,
// wrapping) is the old catalog's.
bool UpdatePoFile(const std::string& old_path, const std::string& template_path,
                  const std::string& out_path, const CatalogInfo& info,
                  const UpdateOptions& options, UpdateStats* stats, DiagnosticSink* sink);

// The steps both functions above take, for a template read entry by entry:
//   Match(t) for each template entry in order (not the header), Search(),
//   then Resolve(&m) with a copy of each of them again, in the same order,
//   then AddObsolete().
struct PluralDistribution;

class CatalogUpdater {
 public:
  // `existing` (may be null) and `compendia` must outlive the updater.
  CatalogUpdater(const PackedCatalog* existing, std::vector<const PackedCatalog*> compendia,
                 const UpdateOptions& options);
  ~CatalogUpdater();

  // The result's header: the old one (or a new one from `info`) with the
  // template's POT-Creation-Date.
  Message Header(const Message* template_header, const CatalogInfo& info) const;
  void Match(const Message& t);
  // Fuzzy matches for the entries Match() left without a translation.
  void Search();
  // Turns the next template entry into the result's entry.
  void Resolve(Message* m);
  // Calls `add` with each old translation nothing uses any more, as an
  // obsolete entry, unless purging.
  void AddObsolete(const std::function<void(Message&&)>& add);

  // Whether the template entries given to the a-th and b-th Match() calls
  // have the same msgctxt and msgid.
  bool SameTemplateKey(size_t a, size_t b) const;

  const UpdateStats& stats() const { return stats_; }

 private:
  class KeyTable;
  struct Decision;

  const PackedCatalog* existing_;
  std::vector<const PackedCatalog*> compendia_;
  UpdateOptions options_;
  std::unique_ptr<KeyTable> old_keys_;
  // Old fuzzy entries by the key of their "#|" previous strings.
  std::unordered_map<std::string, uint32_t> previous_keys_;
  std::vector<std::unique_ptr<KeyTable>> compendium_keys_;
  std::vector<Decision> decisions_;  // one per Match()
  // The key of the a-th Match()'s entry.
  std::pair<std::optional<std::string_view>, std::string_view> TemplateKey(size_t a) const;
  size_t resolved_ = 0;
  mutable int nplurals_ = 2;  // the result's, set by Header()
  // The old catalog's plural forms, for format checks.
  std::unique_ptr<PluralDistribution> distribution_;
  PackedCatalog queries_;   // the keys of the entries without an exact match
  std::vector<bool> used_;  // old entries that gave a translation
  UpdateStats stats_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_CATALOG_UPDATE_H_
