#include "test_util.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/po_reader.h"

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
  for (auto it = std::filesystem::recursive_directory_iterator(dir);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    const auto& entry = *it;
    // The tools' cache (docs/cache.md) is no output: a run may refresh it.
    if (entry.path().filename() == ".l10n-cache") {
      it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file()) continue;
    files.emplace_back(std::filesystem::relative(entry.path(), dir).string(),
                       Slurp(entry.path().string()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ---- PO catalogs --------------------------------------------------------

std::string RenderDiagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) {
    out += d.Render();
    out += '\n';
  }
  return out;
}

Catalog MustRead(std::string_view po) {
  Catalog catalog;
  DiagnosticSink sink;
  bool ok = ReadPo(po, "t.po", &catalog, &sink);
  CHECK_MESSAGE(ok, RenderDiagnostics(sink));
  CHECK_MESSAGE(sink.diagnostics().empty(), RenderDiagnostics(sink));
  return catalog;
}

std::string FirstDifference(std::string_view want, std::string_view got) {
  size_t line = 1, pos = 0;
  while (pos < want.size() && pos < got.size() && want[pos] == got[pos]) {
    if (want[pos] == '\n') ++line;
    ++pos;
  }
  auto line_at = [](std::string_view s, size_t p) {
    size_t begin = s.rfind('\n', p == 0 ? 0 : p - 1);
    begin = begin == std::string_view::npos || p == 0 ? 0 : begin + 1;
    size_t end = s.find('\n', p);
    return std::string(s.substr(begin, end == std::string_view::npos ? s.npos : end - begin));
  };
  return std::string("first difference at line ") + std::to_string(line) +
         ":\n  want: " + line_at(want, pos) + "\n  got:  " + line_at(got, pos);
}

Message Entry(std::string msgid, std::string msgstr) {
  Message m;
  m.msgid = std::move(msgid);
  m.msgstr = {std::move(msgstr)};
  return m;
}

bool RequireProgram(const char* name) {
  std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(probe.c_str()) == 0,
                  name << " not found: scripts/deps.sh installs it (Debian package gettext)");
  return true;
}

bool HaveMsgcat() { return RequireProgram("msgcat"); }

bool RunGettextTool(const char* tool, const std::string& po, const char* options,
                    std::string* out) {
  char path[] = "/tmp/po_test_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return false;
  bool written = write(fd, po.data(), po.size()) == static_cast<ssize_t>(po.size());
  close(fd);
  std::string command = std::string(tool) + " " + options + " " + path + " 2>/dev/null";
  FILE* pipe = written ? popen(command.c_str(), "r") : nullptr;
  out->clear();
  int status = -1;
  if (pipe) {
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out->append(buffer, n);
    status = pclose(pipe);
  }
  unlink(path);
  return status == 0;
}

bool RunMsgcat(const std::string& po, const char* options, std::string* out) {
  return RunGettextTool("msgcat", po, options, out);
}

bool RunMsgconvToUtf8(const std::string& po, std::string* out) {
  return RunGettextTool("msgconv", po, "--to-code=UTF-8", out);
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

bool HaveXliffValidator() { return !XliffValidator().empty(); }

void CheckValidXliff(const std::string& xliff, const std::string& name, const std::string& mode) {
  static const std::string validator = XliffValidator();
  if (validator.empty()) return;  // the validator's own test reports the skip
  TempDir dir;
  Spit(dir / "f.xlf", xliff);
  CommandResult r = Run("sh " + validator + " " + dir / "f.xlf " + mode);
  INFO(name);
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

}  // namespace l10n::testing
