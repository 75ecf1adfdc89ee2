// The project file, l10n.toml at the project's root (docs/configuration.md).
// Both tools read it, so they run with no arguments from the root, like
// po4a.cfg; every setting can be overridden on the command line.
#ifndef L10N_PROJECT_CONFIG_H_
#define L10N_PROJECT_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/progress.h"
#include "catalog/xliff.h"
#include "post/post_format.h"
#include "render/date_format.h"
#include "render/site_map.h"

namespace l10n {

struct Config {
  std::string root = ".";  // folder of the project file; paths are relative to it
  std::string project_name = "PACKAGE VERSION";
  std::vector<std::string> languages;  // BCP 47 tags, e.g. {"en", "es"}
  std::vector<std::string> posts;      // glob patterns
  std::string taxonomy = "locales/taxonomy.toml";
  // {lang}: the source language of a template, the target of a catalog;
  // {source} in a catalog pattern: its source language (needed with more
  // than two languages).
  std::string template_pattern = "locales/{lang}.pot";
  std::string catalog_pattern = "locales/{lang}.po";
  // Where l10n-merge writes each page (post_naming.h): {lang}, {slug},
  // {dir} (the post's folder), {name} (its file name without `.LANG` and
  // extension). Markdown posts have their own, beside the post as Hugo keeps
  // translations: `{dir}/index.{lang}.md` for a bundle, `{dir}/SLUG.{lang}.md`
  // for a single file.
  std::string output_pattern = "public/{lang}/{slug}.html";
  std::string markdown_output_pattern = "{dir}/{name}.{lang}.md";
  // XLIFF versions ("1.2", "2.0") l10n-extract writes beside each catalog,
  // at xliff_pattern ({lang}: the target, {source}, {version}). A catalog
  // pattern ending in .xlf or .xliff makes the catalogs themselves XLIFF, of
  // the first version listed (1.2 when none). Set with SetXliffVersions().
  std::vector<XliffVersion> xliff_versions;
  std::string xliff_pattern = "locales/xliff{version}/{lang}.xlf";
  // The tools' cache folder (docs/cache.md), relative to root: each post's
  // segmentation and what the last extract found. Empty: no cache.
  std::string cache = ".l10n-cache";
  // What the posts hold besides HTML (html_segmenter.h): WordPress
  // shortcodes.
  SegmentOptions segment;
  // extract: msgmerge-like catalog updates (catalog_update.h).
  bool fuzzy_matching = true;
  bool purge_obsolete = false;
  std::vector<std::string> compendia;  // catalogs to take translations from
  int keep = 80;                       // percent of units a translated post needs to be written
  DateStyle date_style = DateStyle::kLong;               // set with SetDateStyle()
  std::map<std::string, std::string> category_patterns;  // language -> pattern
  // l10n-check ([check]): check names to report as errors, as warnings, or
  // not at all; min_coverage: percent translated below which a catalog is an
  // error (-1: none; then untranslated strings are errors themselves).
  std::vector<std::string> check_errors;
  std::vector<std::string> check_warnings;
  std::vector<std::string> check_ignore;
  int check_min_coverage = -1;
  // [site] (docs/site.md): where the posts are published. A page in
  // site.pages may name its own URL under the key "" ("the language the
  // table leaves out"); SiteSettingsOf resolves it.
  SiteSettings site;
  // [site] urls: the record of the pages merge published (docs/site.md),
  // written with them when [site] settings are given.
  std::string site_urls = "locales/urls.tsv";
  // [import] (docs/align.md): l10n-import --from's defaults, overridden by
  // --from, --pair, --map and --accept. Paths as written, relative to root;
  // import_pair is "name", "hreflang", "hugo" or "map" (checked when read),
  // empty when not given; import_accept above 1: not given.
  std::string import_from;
  std::string import_pair;
  std::string import_map;
  double import_accept = 2.0;
  // Not a setting: told of each post read, page merged and post aligned
  // (base/progress.h), from any thread. None: nothing is told.
  Progress* progress = nullptr;
  // Not a setting: false when the process exits after the run, so that a
  // run leaves what it made to the operating system (base/bury.h) instead
  // of freeing it; the tools set it, a library caller keeps true.
  bool free_memory = true;

  // The words given for xliff_versions and date_style that name none, as
  // written, for ValidateConfig to report ("2.1" is a version only XLIFF
  // files read may say).
  std::vector<std::string> unknown_xliff_versions;
  std::optional<std::string> unknown_date_style;

  // `pattern` with {lang}, {source} and {slug} replaced, relative to root.
  std::string Expand(std::string_view pattern, std::string_view lang, std::string_view source = "",
                     std::string_view slug = "") const;
};

// Parses the TOML text of a project file. Unknown keys and wrong types are
// errors (path:line:col). `path`'s folder becomes config->root.
bool ParseConfig(std::string_view text, const std::string& path, Config* config,
                 DiagnosticSink* sink);

// The typed settings from their words, as the project file and the command
// line give them: each replaces the setting (and its unknown words).
void SetXliffVersions(const std::vector<std::string>& words, Config* config);
void SetDateStyle(std::string_view word, Config* config);

// config.site with each page's own URL under its language: the one
// language of config.languages its table leaves out, or its `lang`.
SiteSettings SiteSettingsOf(const Config& config);

// Checks the settings once overrides are applied: at least two languages,
// patterns with the placeholders they need, keep within 0..100.
bool ValidateConfig(const Config& config, const std::string& path, DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_PROJECT_CONFIG_H_
