// What the tool drivers share: translated CLI11 help, the project file with
// command-line overrides, and printing diagnostics and reports.
#ifndef L10N_TOOLS_TOOL_COMMON_H_
#define L10N_TOOLS_TOOL_COMMON_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
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

// Sets up translated help labels and the options every tool has.
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

}  // namespace l10n

#endif  // L10N_TOOLS_TOOL_COMMON_H_
