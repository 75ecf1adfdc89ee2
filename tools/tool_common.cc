#include "tool_common.h"

#include <fmt/format.h>
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/file_io.h"
#include "base/ui_text.h"

namespace l10n {

void SetUpSignals() {
  // Past the file size limit (ulimit -f) write() fails with EFBIG, and the
  // error names the file, instead of SIGXFSZ ending the run without a word.
  ::signal(SIGXFSZ, SIG_IGN);
}

void SetUpApp(CLI::App* app, CommonOptions* options) {
  auto formatter = std::make_shared<CLI::Formatter>();
  formatter->label("Usage", _("Usage"));
  formatter->label("OPTIONS", _("OPTIONS"));
  formatter->label("Options", _("Options"));
  formatter->label("Positionals", _("Positionals"));
  formatter->label("REQUIRED", _("REQUIRED"));
  formatter->label("TEXT", _("TEXT"));
  formatter->label("INT", _("INT"));
  formatter->label("Excludes", _("Excludes"));
  formatter->label("Needs", _("Needs"));
  formatter->column_width(34);
  app->formatter(formatter);
  app->option_defaults()->group(_("Options"));
  app->set_help_flag("-h,--help", _("Print this help message and exit"))->group(_("Options"));

  app->add_option_function<std::string>(
         "-c,--config",
         [options](const std::string& path) {
           options->config_path = path;
           options->config_given = true;
         },
         _("Project file (default: l10n.toml in the current folder)"))
      ->type_name(_("FILE"));
  app->add_option("--posts", options->posts,
                  _("Posts to read, as glob patterns (replaces project.posts)"))
      ->type_name(_("GLOB"));
  app->add_option("--languages", options->languages,
                  _("The site's languages, e.g. en es (replaces project.languages)"))
      ->type_name(_("LANG"));
  app->add_option("--taxonomy", options->taxonomy, _("Category taxonomy file"))
      ->type_name(_("FILE"));
  app->add_option("--template", options->template_pattern, _("Template path pattern, with {lang}"))
      ->type_name(_("PATTERN"));
  app->add_option("--catalog", options->catalog_pattern,
                  _("Catalog path pattern, with {lang} (and {source})"))
      ->type_name(_("PATTERN"));
  app->add_flag("--no-cache", options->no_cache,
                _("Neither read nor write the cache of the last run (replaces project.cache)"));
  app->add_flag("-q,--quiet", options->quiet, _("Print errors only"));
}

std::optional<int> ParseCommandLine(CLI::App* app, int argc, char** argv) {
  try {
    app->parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app->exit(e);
    return e.get_exit_code() == 0 ? rc : 2;
  }
  return std::nullopt;
}

bool LoadConfig(const CommonOptions& options, Config* config, DiagnosticSink* sink) {
  if (options.config_given || FileExists(options.config_path)) {
    Result<std::string> text = ReadFile(options.config_path, kSettingsCap);
    if (!text.ok()) {
      sink->Report(text.status());
      return false;
    }
    if (!ParseConfig(*text, options.config_path, config, sink)) return false;
  }
  if (!options.posts.empty()) config->posts = options.posts;
  if (!options.languages.empty()) config->languages = options.languages;
  if (!options.taxonomy.empty()) config->taxonomy = options.taxonomy;
  if (!options.template_pattern.empty()) config->template_pattern = options.template_pattern;
  if (!options.catalog_pattern.empty()) config->catalog_pattern = options.catalog_pattern;
  if (options.no_cache) config->cache.clear();
  return ValidateConfig(*config, options.config_path, sink);
}

bool FlushStandardOutput() {
  // A failed write earlier left its errno: nothing ran between it and here
  // but more output, which fails the same way.
  int err = errno;
  if (std::fflush(stdout) != 0) {
    err = errno;
  } else if (!std::ferror(stdout)) {
    return true;
  }
  if (err == 0) err = EIO;
  std::fprintf(stderr, "%s: %s: %s: %s\n", _("<standard output>"), _("error"),
               _("cannot write file"), std::strerror(err));
  return false;
}

int PrintDiagnostics(const DiagnosticSink& sink, bool errors_only) {
  int errors = 0;
  for (const Diagnostic& d : sink.diagnostics()) {
    if (d.severity == Severity::kError) {
      ++errors;
    } else if (errors_only) {
      continue;
    }
    std::fprintf(stderr, "%s\n", d.Render().c_str());
  }
  return errors;
}

}  // namespace l10n
