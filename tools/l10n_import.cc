// l10n-import: translations made elsewhere into the project's catalogs.
// `l10n-import FILE.xlf...`: XLIFF 1.2 or 2.0 back from a CAT tool, into
// the catalog it was made from (docs/import.md, project/import_xliff.h).
// `l10n-import --from DIR`: posts translated before, aligned unit by unit
// with the project's posts (docs/align.md, project/import_posts.h).
// Exit status: 0 imported, 1 an error in the input (nothing written), 2 a
// usage error. See --help.
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/ui_text.h"
#include "project/import_posts.h"
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

void PrintPosts(const l10n::ImportReport& report) {
  for (const l10n::PostImport& p : report.posts) {
    if (p.translation.empty()) {
      std::printf("%s\n", l10n::FormatUi("{}: no translated post found", p.post).c_str());
      continue;
    }
    std::printf("%s\n",
                l10n::FormatUi("{} <- {}: {} 1-1, {} merged, {} split, {} and {} left over; mean "
                               "confidence {:.2f}; {} imported ({} translated), {} kept, {} "
                               "conflicts",
                               p.post, p.translation, p.one_to_one, p.merged, p.split,
                               p.source_left, p.translation_left, p.mean_confidence, p.imported,
                               p.accepted, p.kept, p.conflicts)
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
  CLI::App app(_("Import translations into the catalogs: XLIFF files back from a CAT tool, or "
                 "posts translated before (--from, or the [import] table of l10n.toml). Exit "
                 "status: 0 imported, 1 input error "
                 "(nothing written), 2 usage error."),
               "l10n-import");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  std::string format = "text";
  l10n::XliffImportRequest xliff;
  auto* files_option =
      app.add_option("files", xliff.files,
                     _("XLIFF 1.2 or 2.0 files, each into the project's catalog for its "
                       "target language, or into the one catalog --catalog names (a path "
                       "without {lang})"))
          ->type_name(_("FILE"));
  l10n::ImportOptions posts;
  std::string pairing;
  auto* from_option = app.add_option("--from", posts.from_dir,
                                     _("A folder of posts translated before: each aligned with its "
                                       "source post, its translations written into the catalogs as "
                                       "fuzzy entries (default: import.from in l10n.toml)"))
                          ->type_name(_("DIR"));
  app.add_option("--pair", pairing,
                 _("With --from, how a post finds its translation: name (the same file name), "
                   "hreflang (<link rel=\"alternate\" hreflang>), hugo (index.es.md beside "
                   "the post) or map (the lines of --map); default: import.pair, else name"))
      ->check(CLI::IsMember({"name", "hreflang", "hugo", "map"}));
  std::string map_file;
  auto* map_option =
      app.add_option(
             "--map", map_file,
             _("With --pair map: a file of lines 'post<TAB>translated post[<TAB>language]', "
               "paths relative to it; implies --pair map, and --from is then not needed"))
          ->type_name(_("FILE"));
  double accept = -1;
  app.add_option("--accept", accept,
                 _("With --from, write a pair at least this confident (0 to 1) as translated, "
                   "not fuzzy (default: import.accept, else none)"))
      ->check(CLI::Range(0.0, 1.0));
  files_option->excludes(from_option);
  from_option->excludes(files_option);
  map_option->excludes(files_option);
  app.add_flag("--overwrite", xliff.options.overwrite,
               _("Replace a translation that differs from the imported one (else reported and "
                 "kept)"));
  app.add_option("-f,--format", format, _("Report: text or json"))
      ->type_name(_("FORMAT"))
      ->check(CLI::IsMember({"text", "json"}));
  if (std::optional<int> rc = l10n::ParseCommandLine(&app, argc, argv)) return *rc;
  if (xliff.files.empty()) {
    // --from mode: the command line over the [import] table.
    l10n::DiagnosticSink sink;
    l10n::Config config;
    bool has_config = options.config_given || l10n::FileExists(options.config_path);
    if (posts.from_dir.empty() && !has_config) {
      std::fprintf(stderr, "%s\n", _("l10n-import: give XLIFF files or --from DIR (see --help)"));
      return 2;
    }
    if (!l10n::LoadConfig(options, &config, &sink)) {
      l10n::PrintDiagnostics(sink, options.quiet);
      return 2;
    }
    l10n::ImportOptions settings = l10n::ImportOptionsOf(config);
    if (!posts.from_dir.empty()) settings.from_dir = posts.from_dir;
    if (!map_file.empty()) {
      settings.map_file = map_file;
      settings.pairing = l10n::ImportPairing::kMap;
    }
    if (!pairing.empty()) l10n::ParseImportPairing(pairing, &settings.pairing);
    if (accept >= 0) settings.accept = accept;
    if (settings.from_dir.empty() && !settings.map_file.empty()) {
      settings.from_dir = ".";  // the map names every file itself
    }
    if (settings.from_dir.empty()) {
      std::fprintf(stderr, "%s\n", _("l10n-import: give XLIFF files or --from DIR (see --help)"));
      return 2;
    }
    if (settings.pairing == l10n::ImportPairing::kMap && settings.map_file.empty()) {
      std::fprintf(stderr, "%s\n", _("l10n-import: --pair map needs --map FILE (or import.map)"));
      return 2;
    }
    posts = settings;
    l10n::ImportReport report;
    l10n::TerminalProgress progress(options.quiet);
    config.progress = progress.get();
    bool ok = l10n::ImportPosts(config, posts, &sink, &report);
    progress.Clear();
    if (format == "json") {
      std::fputs(l10n::FormatImportPostsJson(ok ? report : l10n::ImportReport(), sink).c_str(),
                 stdout);
    } else {
      l10n::PrintDiagnostics(sink, options.quiet);
      if (ok && !options.quiet) PrintPosts(report);
    }
    if (!l10n::FlushStandardOutput()) return 2;
    return ok ? 0 : 1;
  }

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
  l10n::TerminalProgress progress(options.quiet);
  config.progress = progress.get();
  bool ok = l10n::ImportXliffFiles(xliff.catalog.empty() ? &config : nullptr, xliff, &files,
                                   &report, &sink);
  progress.Clear();
  if (format == "json") {
    std::fputs(l10n::FormatXliffImportJson(ok ? files : decltype(files)(), sink).c_str(), stdout);
  } else {
    l10n::PrintDiagnostics(sink, options.quiet);
    if (ok && !options.quiet) PrintText(files, report);
  }
  if (!l10n::FlushStandardOutput()) return 2;
  return ok ? 0 : 1;
}
