// The mapping file of `l10n-import --from --pair map` (docs/align.md): which
// translated post translates which post, one pair a line, as a user writes
// it or a spreadsheet exports it (tab-separated):
//
//   # source post <TAB> translated post [<TAB> language]
//   posts/field-visit.html	old/es/visita-de-campo.html
//   posts/field-visit.html	old/fr/visite.html	fr
//
// Paths are relative to the map file's folder. A line starting with `#`
// (after spaces) and a blank line are skipped; a trailing CR (a file saved
// on Windows) and a UTF-8 BOM are ignored. The third column, the
// translation's language, is needed only when a post has translations in
// several languages: a line without it pairs the post in every target
// language. Errors (every one reported, path:line:col): a line without two
// paths, a fourth column, a language that is not a project language, a path
// that does not exist, a post paired twice for one language.
#ifndef L10N_PROJECT_IMPORT_MAP_H_
#define L10N_PROJECT_IMPORT_MAP_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace l10n {

struct ImportMapLine {
  std::string source;       // as written
  std::string translation;  // joined to the map's folder
  std::string lang;         // primary subtag; empty: any target language
  int line = 0;
  std::string source_key;  // ImportMapKey(the source's path)
};

// The form in which a map line and a post name one file: absolute,
// lexically normal.
std::string ImportMapKey(const std::string& path);

// Parses the text of the map file at `path`; `languages` are the project's
// (BCP 47 tags). False when any line is bad; `lines` holds the good ones.
bool ParseImportMap(std::string_view text, const std::string& path,
                    const std::vector<std::string>& languages, std::vector<ImportMapLine>* lines,
                    DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_PROJECT_IMPORT_MAP_H_
