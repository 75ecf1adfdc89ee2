// Helpers shared by the tests: temporary folders, files, running the built
// tools.
#ifndef L10N_TESTS_TEST_UTIL_H_
#define L10N_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace l10n::testing {

// A fresh folder under $TMPDIR, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string Slurp(const std::string& path);
void Spit(const std::string& path, const std::string& content);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh in `dir`, capturing stdout and stderr.
CommandResult Run(const std::string& command, const std::string& dir = ".");

// The path of a built tool ("l10n-extract").
std::string Tool(const std::string& name);

// Every file below `dir` with its content, "relative/path\0content" sorted;
// for "nothing changed" assertions.
std::vector<std::pair<std::string, std::string>> Snapshot(const std::string& dir);

// Every diagnostic of the sink rendered (path:line:col: severity: message),
// one a line: the whole messages, for comparing.
std::string DumpDiagnostics(const DiagnosticSink& sink);

// Checks `xliff` against the OASIS schema of its version (1.2 `mode`:
// "strict" or "transitional"; 2.x core) with ../shared/xsd/validate.sh
// beside the checkout (or $L10N_XSD_DIR) and xmllint; `name` says which
// file failed. Where the schemas are not present, says so once and checks
// nothing.
void CheckValidXliff(const std::string& xliff, const std::string& name,
                     const std::string& mode = "strict");

}  // namespace l10n::testing

#endif  // L10N_TESTS_TEST_UTIL_H_
