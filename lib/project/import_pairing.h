// How l10n-import --from finds each post's translated post
// (ImportOptions::pairing, docs/align.md): the same file name, Hugo's
// naming beside the post, the page under from_dir whose <link
// rel="alternate" hreflang> names the post, or the mapping file's line
// (project/import_map.h). The folder and the map are read once, in Prepare;
// each post is then a lookup.
#ifndef L10N_PROJECT_IMPORT_PAIRING_H_
#define L10N_PROJECT_IMPORT_PAIRING_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "project/config.h"
#include "project/import_map.h"
#include "project/project.h"

namespace l10n {

// How a post finds its translated post.
enum class ImportPairing {
  kSameName,       // from_dir/<the post's file name>
  kHugo,           // beside the post, Hugo's naming: index.md -> index.es.md
  kAlternateLink,  // the file in from_dir whose <link rel="alternate"
                   // hreflang="<the post's language>" href> names the post's slug
  kMap,            // the line of map_file naming the post (project/import_map.h)
};

// "name", "hreflang", "hugo", "map" (--pair, import.pair); false for others.
bool ParseImportPairing(std::string_view word, ImportPairing* pairing);

struct ImportOptions {
  std::string from_dir;  // the folder of translated posts (kSameName, kAlternateLink)
  // A pair at least this confident is written as translated, the others as
  // fuzzy; above 1: every pair fuzzy (--accept).
  double accept = 2.0;
  ImportPairing pairing = ImportPairing::kSameName;
  std::string map_file;  // kMap: the mapping file
};

class PostPairing {
 public:
  // Both must outlive the pairing.
  PostPairing(const Config& config, const ImportOptions& options)
      : config_(config), options_(options) {}

  // False when the map cannot be read or has a bad line.
  bool Prepare(DiagnosticSink* sink);

  // The translated post of `post` in `lang`, or "" when there is none.
  std::string Find(const Post& post, const std::string& lang, DiagnosticSink* sink);

  // A warning for each map line that names no post of the project.
  void ReportUnused(DiagnosticSink* sink) const;

  // As the project names its files, when the file is inside it.
  std::string ProjectPath(const std::string& file) const;

 private:
  // Every file under from_dir, in sorted order, by each alternate link it
  // has: (language, stem) -> files.
  void IndexFolder();

  // The language a page declares ("" when none), segmented once.
  const std::string& PageLanguage(const std::string& f);

  // The post's own page names itself too: a translation is a page in `lang`
  // (as its format declares it, or saying none) that names the post. The
  // first in sorted order; a second one is reported.
  std::string FindLinking(const Post& post, const std::string& lang, DiagnosticSink* sink);

  const Config& config_;
  const ImportOptions& options_;
  // kAlternateLink: (language, stem) -> the files linking so; each page's
  // language, as segmented.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> links_;
  std::map<std::string, std::string> page_lang_;
  // kMap: its lines, their indices by source key, those that named a post.
  std::vector<ImportMapLine> map_;
  std::multimap<std::string, size_t> by_source_;
  std::set<size_t> used_;
};

}  // namespace l10n

#endif  // L10N_PROJECT_IMPORT_PAIRING_H_
