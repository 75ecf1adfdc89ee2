// The man pages (man/): groff renders each without a warning, every long
// option a tool's --help prints is in its page, every key of
// docs/configuration.md is in l10n.toml(5); and every tool's --version.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/version.h"
#include "test_util.h"

namespace l10n {
namespace {

const std::string kSource = L10N_SOURCE_DIR;

// The page's text with roff's escapes for '-' and fonts taken out.
std::string PlainText(const std::string& roff) {
  std::string text = std::regex_replace(roff, std::regex(R"(\\f[BIRP])"), "");
  return std::regex_replace(text, std::regex(R"(\\-)"), "-");
}

bool HaveGroff() { return Run("command -v groff").exit_code == 0; }

const char* const kPages[] = {"l10n-extract.1", "l10n-merge.1", "l10n-check.1", "l10n-import.1",
                              "l10n.toml.5"};

TEST_CASE("groff renders every man page without a warning") {
  if (!HaveGroff()) L10N_SKIP_TEST("no groff (scripts/deps.sh installs groff-base)");
  for (std::string page : kPages) {
    CAPTURE(page);
    testing::CommandResult r = Run("groff -man -ww -z " + kSource + "/man/" + page + " 2>&1");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    // Rendered as man(1) would, something of each section.
    r = Run("groff -man -Tutf8 -P-cbou " + kSource + "/man/" + page + " 2>&1");
    for (std::string section : {"NAME", "DESCRIPTION", "EXAMPLES", "SEE ALSO"}) {
      CHECK_MESSAGE(r.out.find(section) != std::string::npos, section);
    }
  }
}

TEST_CASE("groff renders every Spanish man page without a warning, every option in it") {
  if (!HaveGroff()) L10N_SKIP_TEST("no groff (scripts/deps.sh installs groff-base)");
  for (std::string tool : {"l10n-extract", "l10n-merge", "l10n-check", "l10n-import"}) {
    CAPTURE(tool);
    const std::string path = kSource + "/man/es/" + tool + ".1";
    std::string page = Slurp(path);
    // UTF-8, as its first line says for man(1); groff -k (preconv) reads it.
    CHECK(page.rfind(".\\\" -*- coding: UTF-8 -*-\n", 0) == 0);
    testing::CommandResult r = Run("groff -k -man -ww -z " + path + " 2>&1");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    r = Run("groff -k -man -Tutf8 -P-cbou " + path + " 2>&1");
    for (std::string section : {"NOMBRE", "SINOPSIS", "DESCRIPCIÓN", "OPCIONES", "ESTADO DE SALIDA",
                                "ARCHIVOS", "ENTORNO", "EJEMPLOS"}) {
      CHECK_MESSAGE(r.out.find(section) != std::string::npos, section);
    }
    testing::CommandResult help = Run("LANGUAGE=es LC_ALL=C.UTF-8 " + Tool(tool) + " --help");
    REQUIRE(help.exit_code == 0);
    std::string text = PlainText(page);
    std::regex option(R"((^|[\s,(])(--[a-z][a-z-]*))");
    int options = 0;
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), option), end; it != end; ++it) {
      CHECK_MESSAGE(text.find((*it)[2]) != std::string::npos, (*it)[2].str());
      ++options;
    }
    CHECK(options > 10);
  }
}

TEST_CASE("every option of a tool's --help is in its man page, with the sections it needs") {
  for (std::string tool : {"l10n-extract", "l10n-merge", "l10n-check", "l10n-import"}) {
    CAPTURE(tool);
    testing::CommandResult help = Run("LANGUAGE=en LC_ALL=C.UTF-8 " + Tool(tool) + " --help");
    REQUIRE(help.exit_code == 0);
    std::string page = PlainText(Slurp(kSource + "/man/" + tool + ".1"));
    std::set<std::string> options;
    std::regex option(R"((^|[\s,(])(--[a-z][a-z-]*))");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), option), end; it != end; ++it) {
      options.insert((*it)[2]);
    }
    CHECK(options.count("--version") == 1);
    CHECK(options.size() > 10);
    for (const std::string& o : options) {
      CHECK_MESSAGE(page.find(o) != std::string::npos, o);
    }
    for (std::string section :
         {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH EXIT STATUS",
          ".SH FILES", ".SH ENVIRONMENT", ".SH EXAMPLES", ".SH SEE ALSO", "L10N_THREADS",
          "LANGUAGE", "L10N_LOCALEDIR", "L10N_PROGRESS_DELAY"}) {
      CHECK_MESSAGE(page.find(section) != std::string::npos, section);
    }
  }
}

TEST_CASE("l10n.toml(5) names every key of docs/configuration.md in its table") {
  std::string docs = Slurp(kSource + "/docs/configuration.md");
  std::string page = PlainText(Slurp(kSource + "/man/l10n.toml.5"));
  std::regex key(R"(`(project|extract|merge|check|site|import)\.([a-z_]+)`)");
  int keys = 0;
  for (std::sregex_iterator it(docs.begin(), docs.end(), key), end; it != end; ++it) {
    std::string table = (*it)[1], name = (*it)[2];
    CAPTURE(table + "." + name);
    size_t begin = page.find(".SH [" + table + "]");
    REQUIRE(begin != std::string::npos);
    size_t stop = page.find("\n.SH ", begin + 1);
    std::string section = page.substr(begin, stop - begin);
    // An item of the section: a line after .TP that names the key.
    std::regex item("\n\\.TP\n\\.B[RI]? (\"?[a-z_, ]*\"? )*\"?" + name + "\\b");
    CHECK(std::regex_search(section, item));
    ++keys;
  }
  CHECK(keys > 30);
  CHECK(page.find(".SH [categories]") != std::string::npos);
}

TEST_CASE("--version prints the tool's and the library's version, CMake's project VERSION") {
  std::smatch m;
  std::string cmake = Slurp(kSource + "/CMakeLists.txt");
  REQUIRE(std::regex_search(cmake, m, std::regex(R"(project\(l10n VERSION ([0-9.]+))")));
  const std::string version = m[1];
  CHECK(LibraryVersion() == version);
  for (std::string tool : {"l10n-extract", "l10n-merge", "l10n-check", "l10n-import"}) {
    CAPTURE(tool);
    // Anywhere, with or without a project; in Spanish too.
    for (const char* env : {"LANGUAGE=en", "LANGUAGE=es LC_ALL=C.UTF-8"}) {
      testing::CommandResult r = Run(std::string(env) + " " + Tool(tool) + " --version", "/");
      CHECK(r.exit_code == 0);
      CHECK(r.out == tool + " (l10n) " + version + "\nlibl10n " + version + "\n");
      CHECK(r.err == "");
    }
  }
}

}  // namespace
}  // namespace l10n
