// l10n-merge: posts + catalogs -> every post in every language, with dates
// and categories rendered for the language. Reads l10n.toml; see --help.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "base/ui_text.h"
#include "project/project.h"
#include "tool_common.h"

int main(int argc, char** argv) {
  l10n::SetUpSignals();
  l10n::InitUiText(argv[0]);
  CLI::App app(_("Build localized posts from the posts and the translated catalogs."),
               "l10n-merge");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  std::string output;
  int keep = -1;
  std::string date_style;
  std::map<std::string, std::string> patterns;
  app.add_option(
         "-o,--output", output,
         _("Output path pattern, with {lang} and {slug} (default: public/{lang}/{slug}.html)"))
      ->type_name(_("PATTERN"));
  app.add_option("-k,--keep", keep,
                 _("Write a translated post only when at least this percentage of its strings "
                   "is translated (default 80); an existing output is never deleted"))
      ->type_name(_("PERCENT"));
  app.add_option("--date-style", date_style, _("Date style: long, medium, short or full"))
      ->type_name(_("STYLE"));
  app.add_option("--category-pattern", patterns,
                 _("Category label pattern for a language, e.g. es='{es}' (ICU MessageFormat)"))
      ->type_name(_("LANG=PATTERN"));
  if (std::optional<int> rc = l10n::ParseCommandLine(&app, argc, argv)) return *rc;

  l10n::DiagnosticSink sink;
  l10n::Config config;
  bool loaded = l10n::LoadConfig(options, &config, &sink);
  if (loaded) {
    if (!output.empty()) config.output_pattern = output;
    if (keep >= 0) config.keep = keep;
    if (!date_style.empty()) l10n::SetDateStyle(date_style, &config);
    for (const auto& [lang, pattern] : patterns) config.category_patterns[lang] = pattern;
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
  bool ok = l10n::RunMerge(config, &sink, &report);
  progress.Clear();
  l10n::PrintDiagnostics(sink, options.quiet);
  if (!options.quiet) {
    for (const l10n::LanguageReport& r : report.languages) {
      int percent = r.units == 0 ? 100 : r.translated * 100 / r.units;
      std::printf("%s\n", l10n::FormatUi("{}: {} posts written; {} of {} translated strings ({}%)",
                                         r.lang, r.posts, r.translated, r.units, percent)
                              .c_str());
      for (const std::string& f : r.files) std::printf("  %s\n", f.c_str());
    }
    for (const std::string& f : report.skipped) {
      std::printf("%s\n", l10n::FormatUi("Not written: {}", f).c_str());
    }
  }
  if (!l10n::FlushStandardOutput()) return 1;
  return ok ? 0 : 1;
}
