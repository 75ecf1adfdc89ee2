// Catalogs as Poedit 3.2 saves them (tests/fixtures/poedit/, made with the
// real Poedit: LF, CRLF, and a --no-wrap file with long lines): reading and
// updating them keeps the translator's header, line ends and wrapping, and
// an edited post changes only its own entry.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "test_util.h"

namespace l10n {
namespace {

std::string Fixture(const std::string& name) {
  return Slurp(std::string(L10N_SOURCE_DIR) + "/tests/fixtures/poedit/" + name);
}

// The lines of `b` that are not in `a` (as a multiset, in order of `b`).
std::string AddedLines(const std::string& a, const std::string& b) {
  std::multiset<std::string> old;
  size_t pos = 0;
  while (pos < a.size()) {
    size_t end = a.find('\n', pos);
    if (end == std::string::npos) end = a.size();
    old.insert(a.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string added;
  pos = 0;
  while (pos < b.size()) {
    size_t end = b.find('\n', pos);
    if (end == std::string::npos) end = b.size();
    std::string line = b.substr(pos, end - pos);
    auto it = old.find(line);
    if (it == old.end()) {
      added += line + "\n";
    } else {
      old.erase(it);
    }
    pos = end + 1;
  }
  return added;
}

TEST_CASE("Poedit's files are read and written back byte for byte") {
  for (const char* name : {"es-lf.po", "es-crlf.po", "es-nowrap.po"}) {
    CAPTURE(name);
    std::string text = Fixture(name);
    Catalog catalog;
    DiagnosticSink sink;
    REQUIRE(ReadPo(text, name, &catalog, &sink));
    CHECK(catalog.HeaderField("X-Generator") == "Poedit 3.2.2");
    CHECK(WritePo(catalog) == text);
  }
}

void Setup(const testing::TempDir& dir, const std::string& project, const std::string& fixture) {
  for (const char* item : {"l10n.toml", "posts", "corpus", "locales"}) {
    std::string from = std::string(L10N_SOURCE_DIR) + "/" + project + "/" + item;
    if (std::filesystem::exists(from)) {
      std::filesystem::copy(from, dir / item, std::filesystem::copy_options::recursive);
    }
  }
  // The fixtures are catalogs of the posts alone: the project's [site]
  // settings (whose slug entries they do not have) are left out.
  std::string config = Slurp(dir / "l10n.toml");
  if (size_t site = config.find("\n[site]"); site != std::string::npos) {
    Spit(dir / "l10n.toml", config.substr(0, site + 1));
  }
  if (!std::filesystem::exists(dir / "locales/es.po")) {
    REQUIRE(Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  }
  Spit(dir / "locales/es.po", Fixture(fixture));
}

TEST_CASE("extract over a Poedit-saved catalog (LF and CRLF) changes only what changed") {
  for (const char* name : {"es-lf.po", "es-crlf.po"}) {
    CAPTURE(name);
    testing::TempDir dir;
    Setup(dir, "tests/cli/basic", name);
    std::string saved = Slurp(dir / "locales/es.po");
    REQUIRE(Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
    CHECK(Slurp(dir / "locales/es.po") == saved);  // nothing changed: not a byte

    std::string post = Slurp(dir / "posts/hello.html");
    post.replace(post.find("Hello world</h1>"), 16, "Hello, world</h1>");
    Spit(dir / "posts/hello.html", post);
    REQUIRE(Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
    std::string updated = Slurp(dir / "locales/es.po");
    std::string eol = std::string(name) == "es-crlf.po" ? "\r\n" : "\n";
    // The title keeps its translation (and loses the heading's reference);
    // the changed heading gets it as a fuzzy match, with the old text as
    // "#| msgid".
    std::string added = AddedLines(saved, updated);
    REQUIRE(added.rfind("\"POT-Creation-Date: ", 0) == 0);  // the template changed
    added.erase(0, added.find('\n') + 1);
    CHECK(added == "#: posts/hello.html:3" + eol + "#: posts/hello.html:5" + eol + "#, fuzzy" +
                       eol + "#| msgid \"Hello world\"" + eol + "msgid \"Hello, world\"" + eol +
                       "msgstr \"Hola, mundo\"" + eol + eol);
    CHECK(updated.find("X-Generator: Poedit 3.2.2") != std::string::npos);
    CHECK(updated.find("Last-Translator: Automatically generated") != std::string::npos);
  }
}

TEST_CASE("extract over a --no-wrap catalog from Poedit keeps it unwrapped") {
  testing::TempDir dir;
  Setup(dir, ".", "es-nowrap.po");
  std::string saved = Slurp(dir / "locales/es.po");
  REQUIRE(Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "locales/es.po") == saved);

  std::string path = dir / "corpus/field-visit-peru-colombia.html";
  std::string post = Slurp(path);
  post.replace(post.find("It was a great visit"), 20, "It was a very good visit");
  Spit(path, post);
  REQUIRE(Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string added = AddedLines(saved, Slurp(dir / "locales/es.po"));
  CAPTURE(added);
  // The template changed, so POT-Creation-Date moved (unless the fixture
  // was saved this very minute); one entry changed, written on single long
  // lines like the rest.
  if (added.rfind("\"POT-Creation-Date: ", 0) == 0) added.erase(0, added.find('\n') + 1);
  CHECK(added.rfind("#, fuzzy\n#| msgid \"Eline Pereboom (Coordinator of the Desk)", 0) == 0);
  CHECK(added.find("\nmsgid \"Eline Pereboom") != std::string::npos);
  CHECK(added.find("It was a very good visit") != std::string::npos);
  CHECK(std::count(added.begin(), added.end(), '\n') == 3);
}

}  // namespace
}  // namespace l10n
