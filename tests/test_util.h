// Helpers shared by the tests: temporary folders, files, running the built
// tools.
#ifndef L10N_TESTS_TEST_UTIL_H_
#define L10N_TESTS_TEST_UTIL_H_

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"

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

// ---- PO catalogs --------------------------------------------------------

// Every diagnostic of `sink`, rendered, one per line.
std::string RenderDiagnostics(const DiagnosticSink& sink);

// Reads `po` (as "t.po"); any diagnostic fails the calling test.
Catalog MustRead(std::string_view po);

// "first difference at line N:\n  want: ...\n  got:  ..." for the first
// line where two texts differ.
std::string FirstDifference(std::string_view want, std::string_view got);

// An entry with one msgstr.
Message Entry(std::string msgid, std::string msgstr);

// GNU gettext's programs (msgcat, msgmerge, msginit, msgunfmt, msgconv) are
// what the tests compare with, and scripts/deps.sh installs them: a test
// that needs a missing one fails, naming the installer. Returns true.
bool RequireProgram(const char* name);
bool HaveMsgcat();  // RequireProgram("msgcat")

// Runs `tool options file` on a file holding `po`, its output to *out;
// false when it fails.
bool RunGettextTool(const char* tool, const std::string& po, const char* options, std::string* out);
bool RunMsgcat(const std::string& po, const char* options, std::string* out);
// msgcat refuses to convert non-ASCII msgids; msgconv does it.
bool RunMsgconvToUtf8(const std::string& po, std::string* out);

// Checks `xliff` against the OASIS schema of its version (1.2 `mode`:
// "strict" or "transitional"; 2.x core) with ../shared/xsd/validate.sh
// beside the checkout (or $L10N_XSD_DIR) and xmllint; `name` says which
// file failed. Where the schemas are not present, says so once and checks
// nothing.
void CheckValidXliff(const std::string& xliff, const std::string& name,
                     const std::string& mode = "strict");
// Whether CheckValidXliff checks anything here: validate.sh beside the
// checkout (or in $L10N_XSD_DIR) and xmllint (scripts/deps.sh installs it).
bool HaveXliffValidator();

}  // namespace l10n::testing

// Every test file speaks of these by their names (the test files are in
// namespace l10n).
namespace l10n {
using testing::CheckValidXliff;
using testing::Entry;
using testing::FirstDifference;
using testing::HaveMsgcat;
using testing::HaveXliffValidator;
using testing::MustRead;
using testing::RenderDiagnostics;
using testing::RequireProgram;
using testing::Run;
using testing::RunGettextTool;
using testing::RunMsgcat;
using testing::RunMsgconvToUtf8;
using testing::Slurp;
using testing::Snapshot;
using testing::Spit;
using testing::TempDir;
using testing::Tool;
}  // namespace l10n

// What a machine may lack that no package gives (root, to mount a small
// tmpfs; the OASIS schemas beside the checkout; pages under /usr/share/doc):
// the test case stops there, and ctest reports it skipped
// (SKIP_REGULAR_EXPRESSION in CMakeLists.txt), never passed.
#define L10N_SKIP_TEST(why)                                 \
  do {                                                      \
    std::cout << "l10n-test-skipped: " << why << std::endl; \
    return;                                                 \
  } while (0)

#endif  // L10N_TESTS_TEST_UTIL_H_
