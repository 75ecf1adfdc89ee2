// l10n-import --from DIR: translations that already exist as translated
// posts, aligned unit by unit with the project's posts (align/align.h) and
// written into the target catalogs (docs/align.md).
//
//   post + its translated post --segment both, AlignUnits--> pairs
//   pairs --fuzzy entries, "# imported from old/es/x.html, 0.94"--> es.po
//
// An existing translation is never overwritten: a different one is a
// reported conflict. Nothing is written when an input is bad; each catalog
// is replaced atomically (project_io.h Commit).
#ifndef L10N_PROJECT_IMPORT_POSTS_H_
#define L10N_PROJECT_IMPORT_POSTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "project/config.h"
#include "project/import_pairing.h"

namespace l10n {

// The [import] table's settings (config.import_*), paths joined to
// config.root; a map given without a pairing pairs by the map.
ImportOptions ImportOptionsOf(const Config& config);

// What the import did with one post and its translation.
struct PostImport {
  std::string post;            // relative to the project root
  std::string translation;     // the translated post's path; empty: none found
  std::string lang;            // the translation's language
  int one_to_one = 0;          // pairs 1-1
  int merged = 0;              // 2-1: two source units, one translated
  int split = 0;               // 1-2
  int source_left = 0;         // source units without a translation
  int translation_left = 0;    // translated units without a source unit
  double mean_confidence = 0;  // of the pairs
  int imported = 0;            // entries written (fuzzy or translated)
  int accepted = 0;            // of those, written as translated
  int kept = 0;                // the catalog had that translation already
  int conflicts = 0;           // the catalog had another translation
  int markup_removed = 0;      // imported with the markup removed
};

struct ImportReport {
  std::vector<PostImport> posts;
  std::vector<std::string> changed;  // catalogs replaced
};

// Imports the translated posts of every post of `config` into its target
// catalogs (which l10n-extract made), each catalog's translated entries
// its lexicon (AlignOptions::lexicon). Returns false, writing nothing, when
// a post, a translated post, the map file or a catalog cannot be read, the
// map has a bad line, or a catalog is missing; conflicts, a map line naming
// no post and two hreflang candidates for one post are warnings.
bool ImportPosts(const Config& config, const ImportOptions& options, DiagnosticSink* sink,
                 ImportReport* report);

// The report and the diagnostics as l10n-import --from --format=json
// prints them: {"posts": [...], "changed": [...], "diagnostics": [...]},
// each diagnostic as l10n-import's XLIFF mode writes it.
std::string FormatImportPostsJson(const ImportReport& report, const DiagnosticSink& sink);

}  // namespace l10n

#endif  // L10N_PROJECT_IMPORT_POSTS_H_
