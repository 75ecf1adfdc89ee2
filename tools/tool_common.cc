#include "tool_common.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/file_io.h"
#include "base/ui_text.h"
#include "base/version.h"

namespace l10n {

void SetUpSignals() {
  // Past the file size limit (ulimit -f) write() fails with EFBIG, and the
  // error names the file, instead of SIGXFSZ ending the run without a word.
  ::signal(SIGXFSZ, SIG_IGN);
}

std::string VersionText(const std::string& name) {
  // The tools are built with the library; a tool built on its own names
  // its version with L10N_VERSION.
#ifdef L10N_VERSION
  const char* tool_version = L10N_VERSION;
#else
  const char* tool_version = LibraryVersion();
#endif
  return fmt::format("{} (l10n) {}\nlibl10n {}", name, tool_version, LibraryVersion());
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
  app->set_version_flag("--version", VersionText(app->get_name()),
                        _("Print the version of the tool and its library and exit"))
      ->group(_("Options"));

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

namespace {

std::chrono::milliseconds DelayFromEnvironment() {
  const char* text = std::getenv("L10N_PROGRESS_DELAY");
  if (text != nullptr && *text != '\0') {
    char* end = nullptr;
    double seconds = std::strtod(text, &end);
    if (*end == '\0' && seconds >= 0 && seconds <= 60) {
      return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    }
  }
  return std::chrono::milliseconds(1000);
}

// Columns of a line of well-formed UTF-8 ("páginas": 7): its code points.
size_t Columns(const std::string& s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

const char* LabelOf(ProgressStage stage) {
  switch (stage) {
    case ProgressStage::kPostsRead:
      return _("posts read");
    case ProgressStage::kPagesMerged:
      return _("pages merged");
    case ProgressStage::kPostsAligned:
      return _("posts aligned");
  }
  return "";
}

}  // namespace

TerminalProgress::TerminalProgress(bool quiet)
    : TerminalProgress(quiet || !::isatty(STDERR_FILENO) ? nullptr : stderr,
                       DelayFromEnvironment()) {}

TerminalProgress::TerminalProgress(std::FILE* out, std::chrono::milliseconds delay)
    : out_(out), start_(std::chrono::steady_clock::now()), delay_(delay) {}

TerminalProgress::~TerminalProgress() { Clear(); }

void TerminalProgress::Step(ProgressStage stage, size_t done, size_t total) {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (stage != stage_) {
    stage_ = stage;
    done_ = 0;
  }
  if (done <= done_) return;  // a later count was told first
  done_ = done;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < delay_) return;
  if (width_ > 0 && done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string line = fmt::format("{} {}/{}", LabelOf(stage), done, total);
  size_t width = Columns(line);
  // Spaces over what is left of a longer line before.
  if (width < width_) line.append(width_ - width, ' ');
  std::fprintf(out_, "\r%s", line.c_str());
  std::fflush(out_);
  width_ = std::max(width_, width);
}

void TerminalProgress::Clear() {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (width_ == 0) return;
  std::fprintf(out_, "\r%s\r", std::string(width_, ' ').c_str());
  std::fflush(out_);
  width_ = 0;
}

}  // namespace l10n
