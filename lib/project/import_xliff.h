// l10n-import FILE.xlf...: XLIFF files back from CAT tools into the
// project's catalogs (catalog/xliff_import.h does one file's work). Each
// file goes into the catalog its languages name (the project's catalog
// pattern, <file target-language> or trgLang), or into the one catalog
// given. Every file is read and imported before anything is written; the
// catalogs are then replaced all at once (project_io.h Commit), or none on
// an error.
#ifndef L10N_PROJECT_IMPORT_XLIFF_H_
#define L10N_PROJECT_IMPORT_XLIFF_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/xliff_import.h"
#include "project/config.h"
#include "project/project.h"

namespace l10n {

struct XliffImportRequest {
  std::vector<std::string> files;  // the XLIFF files, imported in this order
  std::string catalog;             // empty: the project's, by language
  XliffImportOptions options;
};

// What one XLIFF file did to its catalog.
struct XliffFileReport {
  std::string file;
  std::string catalog;
  XliffImportStats stats;
};

// Imports the request's files. `config` is needed (and the project locked)
// unless request.catalog names the catalog. Returns false after any error
// (reported as path:line:col), when nothing has been written.
bool ImportXliffFiles(const Config* config, const XliffImportRequest& request,
                      std::vector<XliffFileReport>* files, RunReport* report, DiagnosticSink* sink);

// The reports as JSON: {"files": [{"file", "catalog", "updated", "fuzzy",
// "conflicts", "unmatched"}...], "diagnostics": [{"path", "line", "column",
// "severity", "message"}...]}.
std::string FormatXliffImportJson(const std::vector<XliffFileReport>& files,
                                  const DiagnosticSink& sink);

// The diagnostics of an import as that JSON's "diagnostics" array (both
// modes of l10n-import write them so).
nlohmann::json ImportDiagnosticsJson(const DiagnosticSink& sink);

}  // namespace l10n

#endif  // L10N_PROJECT_IMPORT_XLIFF_H_
