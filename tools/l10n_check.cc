// l10n-check: the CI gate. Checks the project's catalogs (or the catalogs
// named on the command line) and exits 0 when clean, 1 with findings at
// error level, 2 on a usage or I/O error. See docs/check.md and --help.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "base/file_io.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/taxonomy.h"
#include "check/catalog_checker.h"
#include "check/check_policy.h"
#include "check/check_report.h"
#include "check/status_page.h"
#include "project/check_project.h"
#include "project/post_naming.h"
#include "project/project.h"
#include "tool_common.h"

namespace {

int UsageError(const std::string& message) {
  std::fprintf(stderr, "l10n-check: %s\n", message.c_str());
  return 2;
}

// A Status message is a whole diagnostic line already.
int InputError(const l10n::Status& status) {
  std::fprintf(stderr, "%s\n", status.message().c_str());
  return 2;
}

void ListChecks() {
  l10n::CheckPolicy defaults;
  for (int i = 0; i < l10n::kCheckCount; ++i) {
    auto check = static_cast<l10n::Check>(i);
    std::optional<l10n::Severity> s = defaults.severity(check);
    std::printf("%-15s %s\n", l10n::CheckName(check),
                s == l10n::Severity::kError ? _("error") : _("warning"));
  }
}

// The links of the status page written at `page`: each path relative to
// the page's folder. Posts are named as in the references (relative to the
// project's root).
struct PageLinks {
  std::filesystem::path folder;
  std::map<std::string, std::string, std::less<>> post_files;  // reference -> file
  // (reference, catalog language) -> the page l10n-merge wrote
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> published;

  std::string Relative(const std::string& file) const {
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(file, error);
    if (error) return std::string();
    return absolute.lexically_normal().lexically_relative(folder).generic_string();
  }
};

// The slug of `post` in a catalog's language, as l10n-merge names its page:
// with [site] settings the catalog's translation (msgctxt "slug") when it
// is translated, not fuzzy and a URL slug; the post's own otherwise.
std::string SlugIn(const l10n::Config& config, const l10n::Post& post,
                   const l10n::Catalog* catalog) {
  if (!config.site.enabled() || !catalog) return post.slug;
  const l10n::Message* m = catalog->Find(std::string("slug"), post.slug);
  if (!m || m->fuzzy() || m->msgstr.empty() || !l10n::IsUrlSlug(m->msgstr[0])) return post.slug;
  return m->msgstr[0];
}

// Each post's page in the language of each catalog that holds its strings,
// when l10n-merge has written it.
void FindPublished(const l10n::Config& config, const std::vector<l10n::Post>& posts,
                   const l10n::CheckReport& report, PageLinks* links) {
  std::map<std::string, const l10n::Post*> by_path;
  for (const l10n::Post& post : posts) by_path.emplace(post.path, &post);
  for (const l10n::CatalogSummary& c : report.catalogs) {
    if (c.is_template || !c.read || c.language.empty()) continue;
    l10n::Catalog catalog;
    l10n::DiagnosticSink ignored;  // read and reported by CheckProject already
    l10n::Result<std::string> text = l10n::ReadFile(c.path);
    bool read = text.ok() && l10n::ReadCatalog(*text, c.path, &catalog, &ignored);
    if (read) catalog.Reindex();
    std::string target = l10n::PrimaryLanguage(c.language);
    for (const auto& [name, coverage] : c.posts) {
      auto it = by_path.find(name);
      if (it == by_path.end() || it->second->lang == target) continue;
      const l10n::Post& post = *it->second;
      std::string output =
          l10n::OutputPath(config, l10n::OutputPatternFor(config, post.path), post.name,
                           SlugIn(config, post, read ? &catalog : nullptr), post.lang, target);
      if (l10n::FileExists(output)) links->published[{name, c.language}] = output;
    }
  }
}

l10n::StatusPageOptions PageOptions(const l10n::Config& config,
                                    const std::vector<l10n::Post>& posts,
                                    const l10n::CheckReport& report, const std::string& page,
                                    PageLinks* links) {
  std::error_code error;
  std::filesystem::path where = std::filesystem::path(page).parent_path();
  links->folder = std::filesystem::absolute(where.empty() ? "." : where, error).lexically_normal();
  for (const l10n::Post& post : posts) links->post_files.emplace(post.path, post.file);
  FindPublished(config, posts, report, links);
  l10n::StatusPageOptions options;
  options.title = config.project_name;
  options.link = [links](std::string_view path) {
    auto it = links->post_files.find(path);
    return links->Relative(it != links->post_files.end() ? it->second : std::string(path));
  };
  options.published = [links](std::string_view path, std::string_view language) {
    auto it = links->published.find(std::pair(std::string(path), std::string(language)));
    return it == links->published.end() ? std::string() : links->Relative(it->second);
  };
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  l10n::SetUpSignals();
  l10n::InitUiText(argv[0]);
  CLI::App app(_("Check the catalogs: untranslated, fuzzy, stale, unsafe or broken entries. "
                 "Exit status: 0 clean, 1 errors found, 2 usage or input error."),
               "l10n-check");
  l10n::CommonOptions options;
  l10n::SetUpApp(&app, &options);
  std::vector<std::string> files;
  std::string format = "text";
  bool allow_untranslated = false, allow_fuzzy = false, list = false;
  int min_coverage = -1;
  std::vector<std::string> errors, warnings, ignored;
  app.add_option("catalogs", files,
                 _("Catalogs to check on their own (default: the project's, against its posts)"))
      ->type_name(_("FILE"));
  app.add_option("-f,--format", format,
                 _("Output: text, json, github (Actions annotations) or html (a status page)"))
      ->type_name(_("FORMAT"))
      ->check(CLI::IsMember({"text", "json", "github", "html"}));
  std::string output;
  app.add_option("-o,--output", output,
                 _("Write the json, github or html output to FILE instead of standard output"))
      ->type_name(_("FILE"));
  bool html = false, no_html = false;
  app.add_flag("--html", html,
               _("Catalogs on their own: apply the HTML checks (unsafe, placeholder) even "
                 "without the X-Source-Language header of this project's catalogs"));
  app.add_flag("--no-html", no_html,
               _("Catalogs on their own: skip the HTML checks (a C or Python program's catalog)"))
      ->excludes("--html");
  app.add_flag("--allow-untranslated", allow_untranslated,
               _("Report untranslated strings as warnings"));
  app.add_flag("--allow-fuzzy", allow_fuzzy, _("Report fuzzy strings as warnings"));
  app.add_option("--min-coverage", min_coverage,
                 _("Untranslated and fuzzy strings are warnings; a catalog less translated than "
                   "this is an error"))
      ->type_name(_("PERCENT"))
      ->check(CLI::Range(0, 100));
  // One value per occurrence ("--ignore a,b" or "--ignore a --ignore b"), so
  // that catalogs after it are not taken for check names.
  for (auto [name, values, help] :
       {std::tuple("--error", &errors, _("Report these checks as errors")),
        std::tuple("--warning", &warnings, _("Report these checks as warnings")),
        std::tuple("--ignore", &ignored, _("Do not run these checks"))}) {
    app.add_option(name, *values, help)
        ->type_name(_("CHECK"))
        ->delimiter(',')
        ->allow_extra_args(false);
  }
  app.add_flag("--list-checks", list, _("List the checks and their default level, and exit"));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return e.get_exit_code() == 0 ? rc : 2;
  }
  if (!output.empty() && format == "text") {
    return UsageError(_("--output needs --format json, github or html"));
  }
  if (list) {
    ListChecks();
    return l10n::FlushStandardOutput() ? 0 : 2;
  }

  l10n::DiagnosticSink sink;
  l10n::Config config;
  bool project = files.empty();
  if (project) {
    if (!l10n::LoadConfig(options, &config, &sink)) {
      l10n::PrintDiagnostics(sink, options.quiet);
      return 2;
    }
  } else if (options.config_given || l10n::FileExists(options.config_path)) {
    // Catalogs on their own: the project file only for its [check] section.
    l10n::Result<std::string> text = l10n::ReadFile(options.config_path, l10n::kSettingsCap);
    if (!text.ok()) return InputError(text.status());
    if (!l10n::ParseConfig(*text, options.config_path, &config, &sink)) {
      l10n::PrintDiagnostics(sink, options.quiet);
      return 2;
    }
  }

  l10n::CheckPolicy policy;
  l10n::Status status = l10n::ApplyCheckConfig(config, &policy);
  if (!status.ok()) return UsageError(options.config_path + ": " + status.message());
  if (min_coverage >= 0) policy.SetMinCoverage(min_coverage);
  if (allow_untranslated) policy.Set(l10n::Check::kUntranslated, l10n::Severity::kWarning);
  if (allow_fuzzy) policy.Set(l10n::Check::kFuzzy, l10n::Severity::kWarning);
  status = policy.SetNamed(warnings, errors, ignored, [](const std::string& name) {
    return l10n::FormatUi("unknown check '{}' (see --list-checks)", name);
  });
  if (!status.ok()) return UsageError(status.message());

  l10n::CheckReport report;
  if (project) {
    l10n::TerminalProgress progress(options.quiet);
    config.progress = progress.get();
    bool checked = l10n::CheckProject(config, policy, &report, &sink);
    progress.Clear();
    if (!checked) {
      l10n::PrintDiagnostics(sink, options.quiet);
      return 2;
    }
  } else {
    for (const std::string& file : files) {
      l10n::Result<l10n::MappedFile> mapped = l10n::MappedFile::Open(file);
      if (!mapped.ok()) return InputError(mapped.status());
      l10n::CatalogCheckOptions catalog_options;
      catalog_options.segment = config.segment;
      catalog_options.is_template = l10n::IsTemplatePath(file);
      if (html || no_html) catalog_options.html = html;
      l10n::CheckCatalogText(mapped->text(), file, catalog_options, policy, &report);
    }
  }

  // Warnings of reading the posts (a pattern without matches) come first.
  if (format == "text") {
    l10n::PrintDiagnostics(sink, options.quiet);
    std::string diagnostics, summary;
    if (options.quiet) {
      l10n::CheckReport errors_only;
      for (const l10n::Diagnostic& d : report.findings) {
        if (d.severity == l10n::Severity::kError) errors_only.findings.push_back(d);
      }
      l10n::FormatText(errors_only, &diagnostics, &summary);
    } else {
      l10n::FormatText(report, &diagnostics, &summary);
    }
    std::fputs(diagnostics.c_str(), stderr);
    if (!options.quiet) std::fputs(summary.c_str(), stdout);
  } else {
    report.findings.insert(report.findings.begin(), sink.diagnostics().begin(),
                           sink.diagnostics().end());
    std::string out;
    if (format == "html") {
      // The page links to the posts and to the pages merge published.
      std::vector<l10n::Post> posts;
      l10n::DiagnosticSink reported;  // by CheckProject already
      if (project) l10n::LoadPosts(config, &posts, &reported);
      PageLinks links;
      out = l10n::FormatStatusPage(
          report,
          PageOptions(config, posts, report, output.empty() ? "status.html" : output, &links));
    } else {
      out = format == "json" ? l10n::FormatJson(report) : l10n::FormatGithub(report);
    }
    if (!output.empty()) {
      l10n::Status written = l10n::WriteFileAtomic(output, out);
      if (!written.ok()) return InputError(written);
    } else {
      std::fputs(out.c_str(), stdout);
    }
  }
  if (!l10n::FlushStandardOutput()) return 2;
  return report.errors() > 0 ? 1 : 0;
}
