#include "base/ui_text.h"

#include <unistd.h>

#include <clocale>
#include <filesystem>
#include <string>

namespace l10n {

namespace {

// Where the compiled UI catalogs are: next to the build tree's binaries
// (<bindir>/locale) while developing, the configured install prefix
// otherwise. L10N_LOCALEDIR overrides both.
std::string FindLocaleDir(const char* argv0) {
  if (const char* env = std::getenv("L10N_LOCALEDIR"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0) self = std::filesystem::absolute(argv0, ec);
  if (!self.empty()) {
    std::filesystem::path dir = self.parent_path() / "locale";
    if (std::filesystem::is_directory(dir, ec)) return dir.string();
    dir = self.parent_path().parent_path() / "share" / "locale";
    if (std::filesystem::is_directory(dir, ec)) return dir.string();
  }
  return L10N_INSTALL_LOCALEDIR;
}

}  // namespace

void InitUiText(const char* argv0) {
  std::setlocale(LC_ALL, "");
  bindtextdomain(kTextDomain, FindLocaleDir(argv0).c_str());
  bind_textdomain_codeset(kTextDomain, "UTF-8");
}

}  // namespace l10n
