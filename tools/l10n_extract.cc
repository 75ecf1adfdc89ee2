// l10n-extract: posts -> templates (.pot) and catalogs (.po), keeping every
// translation. Reads l10n.toml; see --help.
#include <fmt/format.h>

#include <cstdio>

#include "base/ui_text.h"
#include "project/project.h"
#include "tool_common.h"

int main(int argc, char** argv) {
  l10n::SetUpSignals();
  l10n::InitUiText(argv[0]);
  CLI::App app(_("Extract the translatable text of posts into gettext catalogs."), "l10n-extract");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  bool no_fuzzy = false;
  bool purge = false;
  std::vector<std::string> compendia;
  app.add_flag("-N,--no-fuzzy-matching", no_fuzzy,
               _("Do not fill new strings with fuzzy matches of old translations"));
  app.add_flag("--purge-obsolete", purge, _("Drop obsolete (#~) entries instead of keeping them"));
  app.add_option("-C,--compendium", compendia,
                 _("Also take exact and fuzzy matches from this catalog (repeatable)"))
      ->type_name(_("FILE"));
  std::vector<std::string> xliff;
  app.add_option("--xliff", xliff,
                 _("Also write each catalog as XLIFF of this version, 1.2 or 2.0 (repeatable; "
                   "replaces project.xliff)"))
      ->type_name(_("VERSION"))
      ->allow_extra_args(false);
  if (std::optional<int> rc = l10n::ParseCommandLine(&app, argc, argv)) return *rc;

  l10n::DiagnosticSink sink;
  l10n::Config config;
  bool loaded = l10n::LoadConfig(options, &config, &sink);
  if (no_fuzzy) config.fuzzy_matching = false;
  if (purge) config.purge_obsolete = true;
  for (const std::string& c : compendia) config.compendia.push_back(c);
  if (loaded && !xliff.empty()) {
    l10n::SetXliffVersions(xliff, &config);
    loaded = l10n::ValidateConfig(config, options.config_path, &sink);
  }
  if (!loaded) {
    l10n::PrintDiagnostics(sink, options.quiet);
    return 2;
  }
  l10n::RunReport report;
  l10n::TerminalProgress progress(options.quiet);
  config.progress = progress.get();
  config.free_memory = false;  // the process exits after the run
  bool ok = l10n::RunExtract(config, &sink, &report);
  progress.Clear();
  l10n::PrintDiagnostics(sink, options.quiet);
  if (!ok) return 1;
  if (!options.quiet) {
    for (const l10n::LanguageReport& r : report.languages) {
      int untranslated = r.units - r.translated - r.fuzzy_total;
      std::printf("%s\n", l10n::FormatUi("{} -> {}: {} posts, {} strings: {} translated, {} fuzzy, "
                                         "{} untranslated",
                                         r.lang, r.target, r.posts, r.units, r.translated,
                                         r.fuzzy_total, untranslated)
                              .c_str());
      if (r.fuzzy > 0 || r.obsolete > 0) {
        std::printf("%s\n",
                    l10n::FormatUi("  {} new fuzzy matches to review, {} obsolete entries kept",
                                   r.fuzzy, r.obsolete)
                        .c_str());
      }
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
  return l10n::FlushStandardOutput() ? 0 : 1;
}
