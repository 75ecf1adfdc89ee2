// l10n-import: translations made elsewhere into the project's catalogs.
// `l10n-import FILE.xlf...`: XLIFF 1.2 or 2.0 back from a CAT tool, into
// the catalog it was made from (docs/import.md, project/import_xliff.h).
// Exit status: 0 imported, 1 an error in the input (nothing written), 2 a
// usage error. See --help.
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/ui_text.h"
#include "project/import_xliff.h"
#include "tool_common.h"

namespace {

void PrintText(const std::vector<l10n::XliffFileReport>& files, const l10n::RunReport& report) {
  for (const l10n::XliffFileReport& f : files) {
    std::printf("%s\n", l10n::FormatUi("{} -> {}: {} updated, {} fuzzy, {} conflicts, {} unmatched",
                                       f.file, f.catalog, f.stats.updated, f.stats.fuzzy,
                                       f.stats.conflicts, f.stats.unmatched)
                            .c_str());
  }
  if (report.changed.empty()) std::printf("%s\n", _("No file changed."));
  for (const std::string& f : report.changed) {
    std::printf("%s\n", l10n::FormatUi("Updated {}", f).c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  l10n::SetUpSignals();
  l10n::InitUiText(argv[0]);
  CLI::App app(_("Import translations into the catalogs: XLIFF files back from a CAT tool. "
                 "Exit status: 0 imported, 1 input error (nothing written), 2 usage error."),
               "l10n-import");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  std::string format = "text";
  l10n::XliffImportRequest xliff;
  app.add_option("files", xliff.files,
                 _("XLIFF 1.2 or 2.0 files, each into the project's catalog for its target "
                   "language, or into the one catalog --catalog names (a path without {lang})"))
      ->type_name(_("FILE"))
      ->required();
  app.add_flag("--overwrite", xliff.options.overwrite,
               _("Replace a translation that differs from the imported one (else reported and "
                 "kept)"));
  app.add_option("-f,--format", format, _("Report: text or json"))
      ->type_name(_("FORMAT"))
      ->check(CLI::IsMember({"text", "json"}));
  // The second mode, --from DIR (translated posts aligned with their
  // sources), is wired here beside this one when its library is done.
  if (std::optional<int> rc = l10n::ParseCommandLine(&app, argc, argv)) return *rc;

  // --catalog (every tool's catalog pattern): a path without {lang} is the
  // one catalog to import into, and no project file is needed.
  if (options.catalog_pattern.find('{') == std::string::npos) {
    xliff.catalog = options.catalog_pattern;
  }
  l10n::DiagnosticSink sink;
  l10n::Config config;
  if (xliff.catalog.empty() && !l10n::LoadConfig(options, &config, &sink)) {
    l10n::PrintDiagnostics(sink, options.quiet);
    return 2;
  }
  std::vector<l10n::XliffFileReport> files;
  l10n::RunReport report;
  bool ok = l10n::ImportXliffFiles(xliff.catalog.empty() ? &config : nullptr, xliff, &files,
                                   &report, &sink);
  if (format == "json") {
    std::fputs(l10n::FormatXliffImportJson(ok ? files : decltype(files)(), sink).c_str(), stdout);
  } else {
    l10n::PrintDiagnostics(sink, options.quiet);
    if (ok && !options.quiet) PrintText(files, report);
  }
  if (!l10n::FlushStandardOutput()) return 2;
  return ok ? 0 : 1;
}
