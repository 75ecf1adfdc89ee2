// l10n-extract: posts -> templates (.pot) and catalogs (.po), keeping every
// translation. Reads l10n.toml; see --help.
#include <cstdio>

#include <fmt/format.h>

#include "project.h"
#include "tool_common.h"
#include "ui_text.h"

int main(int argc, char** argv) {
  l10n::InitUiText(argv[0]);
  CLI::App app(_("Extract the translatable text of posts into gettext catalogs."),
               "l10n-extract");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return e.get_exit_code() == 0 ? rc : 2;
  }

  l10n::DiagnosticSink sink;
  l10n::Config config;
  if (!l10n::LoadConfig(options, &config, &sink)) {
    l10n::PrintDiagnostics(sink);
    return 2;
  }
  l10n::RunReport report;
  bool ok = l10n::RunExtract(config, &sink, &report);
  l10n::PrintDiagnostics(sink);
  if (!ok) return 1;
  if (!options.quiet) {
    for (const l10n::LanguageReport& r : report.languages) {
      std::printf("%s\n", l10n::FormatUi("{}: {} posts, {} strings; {} of {} translated", r.lang,
                                      r.posts, r.units, r.translated, r.units)
                              .c_str());
      for (const std::string& f : r.files) std::printf("  %s\n", f.c_str());
    }
    if (report.changed.empty()) {
      std::printf("%s\n", _("No file changed."));
    } else {
      for (const std::string& f : report.changed) {
        std::printf("%s\n", l10n::FormatUi("Updated {}", f).c_str());
      }
    }
  }
  return 0;
}
