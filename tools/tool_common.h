// What the tool drivers share: translated CLI11 help and --version, the
// project file with command-line overrides, printing diagnostics and
// reports, and the progress line of a long run on a terminal.
#ifndef L10N_TOOLS_TOOL_COMMON_H_
#define L10N_TOOLS_TOOL_COMMON_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/progress.h"
#include "project/config.h"
#include "project/project.h"

namespace l10n {

struct CommonOptions {
  std::string config_path = "l10n.toml";
  bool config_given = false;
  std::vector<std::string> posts;
  std::vector<std::string> languages;
  std::string taxonomy;
  std::string template_pattern;
  std::string catalog_pattern;
  bool no_cache = false;  // Config::cache cleared
  bool quiet = false;
};

// Ignores SIGXFSZ, so that a write past `ulimit -f` is an error with the
// file's path rather than the end of the process. Call first in main().
void SetUpSignals();

// "l10n-extract (l10n) 0.1.0" and, on a second line, the library's
// version ("libl10n 0.1.0"): what --version prints for the tool `name`.
std::string VersionText(const std::string& name);

// Sets up translated help labels and the options every tool has (--help,
// --version: VersionText of the app's name).
void SetUpApp(CLI::App* app, CommonOptions* options);

// Parses the command line: nullopt to go on, else the exit status to return
// now (0 after --help or --version, 2 for a usage error, reported).
std::optional<int> ParseCommandLine(CLI::App* app, int argc, char** argv);

// Reads the project file (when present or named) and applies the overrides.
// Returns false after printing diagnostics.
bool LoadConfig(const CommonOptions& options, Config* config, DiagnosticSink* sink);

// Flushes stdout; when that fails (a full disk, a file over `ulimit -f`)
// prints why, as "<standard output>: error: ...", and returns false.
bool FlushStandardOutput();

// Prints diagnostics to stderr; returns the number of errors. With
// `errors_only` (--quiet: "Print errors only"), warnings and notes are left
// out.
int PrintDiagnostics(const DiagnosticSink& sink, bool errors_only = false);

// The progress of a long run on stderr, when stderr is a terminal and not
// --quiet: once the run has taken `delay` (1 s; the environment's
// L10N_PROGRESS_DELAY in seconds, 0 to 60, replaces it), one line
// rewritten with \r ("posts read 1200/2000") at most ten times a second,
// erased by Clear() (and the destructor). Step() may be called from any
// thread; the line is written under a mutex.
class TerminalProgress : public Progress {
 public:
  explicit TerminalProgress(bool quiet);
  // Writes to `out` whatever it is (for tests), after `delay`.
  TerminalProgress(std::FILE* out, std::chrono::milliseconds delay);
  ~TerminalProgress() override;

  // This when it prints, else nullptr: for Config::progress.
  Progress* get() { return out_ ? this : nullptr; }

  void Step(ProgressStage stage, size_t done, size_t total) override;
  // Erases the line, if one was written.
  void Clear();

 private:
  std::FILE* out_ = nullptr;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::chrono::milliseconds delay_{1000};
  ProgressStage stage_ = ProgressStage::kPostsRead;
  size_t done_ = 0;   // the most done of stage_ told
  size_t width_ = 0;  // columns of the line on the terminal, 0: none
};

}  // namespace l10n

#endif  // L10N_TOOLS_TOOL_COMMON_H_
