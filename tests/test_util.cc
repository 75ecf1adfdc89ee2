#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

namespace l10n::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/l10n-test-XXXXXX";
  char* made = ::mkdtemp(tmpl.data());
  path_ = made ? made : "";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Spit(const std::string& path, const std::string& content) {
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

CommandResult Run(const std::string& command, const std::string& dir) {
  TempDir tmp;
  std::string full = "cd '" + dir + "' && (" + command + ") >'" + (tmp / "out") + "' 2>'" +
                     (tmp / "err") + "' </dev/null";
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(tmp / "out");
  r.err = Slurp(tmp / "err");
  return r;
}

std::string Tool(const std::string& name) { return std::string(L10N_BINARY_DIR) + "/" + name; }

std::vector<std::pair<std::string, std::string>> Snapshot(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    files.emplace_back(std::filesystem::relative(entry.path(), dir).string(),
                       Slurp(entry.path().string()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// validate.sh when it and xmllint are there; empty otherwise.
std::string XliffValidator() {
  const char* env = std::getenv("L10N_XSD_DIR");
  std::string dir = env ? env : std::string(L10N_SOURCE_DIR) + "/../shared/xsd";
  std::string script = dir + "/validate.sh";
  if (!std::filesystem::exists(script)) return "";
  if (Run("command -v xmllint").exit_code != 0) return "";
  return script;
}

}  // namespace

void CheckValidXliff(const std::string& xliff, const std::string& name,
                     const std::string& mode) {
  static const std::string validator = XliffValidator();
  static bool told = false;
  if (validator.empty()) {
    if (!told) MESSAGE("OASIS XLIFF schemas not found beside the checkout: validation skipped");
    told = true;
    return;
  }
  TempDir dir;
  Spit(dir / "f.xlf", xliff);
  CommandResult r = Run("sh " + validator + " " + dir / "f.xlf " + mode);
  INFO(name);
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

std::string DumpDiagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) out += d.Render() + "\n";
  return out;
}

}  // namespace l10n::testing
