// The Hugo example (examples/hugo/): the tools find its four posts, each in
// its language (file name or first project language), write each page
// beside its post and never read a page back as a post; its translation
// files are well formed, and fill.sh fills a catalog msgfmt accepts.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

const std::string kExample = std::string(L10N_SOURCE_DIR) + "/examples/hugo";

void CopyExample(const TempDir& dir) {
  std::filesystem::copy(kExample, dir / "hugo", std::filesystem::copy_options::recursive);
}

TEST_CASE("examples/hugo: four posts in their languages, pages beside them, not read back") {
  TempDir dir;
  CopyExample(dir);
  std::string site = dir / "hugo";
  testing::CommandResult r = Run(Tool("l10n-extract"), site);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("en -> es: 2 posts") != std::string::npos);
  CHECK(r.out.find("es -> en: 2 posts") != std::string::npos);
  r = Run(Tool("l10n-merge") + " --keep 0", site);
  REQUIRE(r.exit_code == 0);
  const char* pages[] = {
      "content/blog/field-visit-lima/index.es.md",
      "content/blog/water-workshop.es.md",
      "content/blog/informe-anual/index.en.md",
      "content/blog/dia-del-agua.en.md",
  };
  for (const char* page : pages) {
    CAPTURE(page);
    CHECK(std::filesystem::exists(site + "/" + page));
    // examples/hugo/.gitignore lists it: make demo leaves the tree clean.
    CHECK(Slurp(kExample + "/.gitignore").find(std::string("/") + page + "\n") !=
          std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(site + "/content/blog/field-visit-lima/index.en.md"));
  CHECK_FALSE(std::filesystem::exists(site + "/public"));
  auto before = Snapshot(site);
  r = Run(Tool("l10n-extract"), site);
  CHECK(r.exit_code == 0);
  for (const char* page : pages) {
    CHECK(r.err.find(std::string(page) + ": note: not read as a post: it is the page of") !=
          std::string::npos);
  }
  CHECK(r.out.find("en -> es: 2 posts") != std::string::npos);
  CHECK(Snapshot(site) == before);
}

TEST_CASE("examples/hugo: the translation files are msgid TAB msgstr, every line") {
  for (const char* name :
       {"translations-en-es.tsv", "translations-es-en.tsv", "translations-taxonomy.tsv"}) {
    CAPTURE(name);
    std::istringstream in(Slurp(kExample + "/" + name));
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      CAPTURE(line);
      size_t tab = line.find('\t');
      REQUIRE(tab != std::string::npos);
      CHECK(tab > 0);
      CHECK(tab + 1 < line.size());
      CHECK(line.find('\t', tab + 1) == std::string::npos);
      ++rows;
    }
    CHECK(rows >= 8);
  }
}

TEST_CASE("examples/hugo/fill.sh fills empty and fuzzy entries, whitespace-insensitive") {
  if (!RequireProgram("python3") || !RequireProgram("msgfmt")) return;
  TempDir dir;
  Spit(dir / "es.po",
       "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
       "#: a.md:1\nmsgid \"Field visit to Lima\"\nmsgstr \"\"\n\n"
       "#, fuzzy\n#| msgid \"Old\"\nmsgid \"Agua Viva's website\"\nmsgstr \"Viejo\"\n\n"
       "msgid \"\"\n\"We spent three days with the water committees of the Rímac valley\\n\"\n"
       "\"and came back with a long list of ideas.\\n\"\nmsgstr \"\"\n\n"
       "msgid \"Not in the file\"\nmsgstr \"\"\n");
  testing::CommandResult r =
      Run("sh " + kExample + "/fill.sh " + kExample + "/translations-en-es.tsv es.po", dir.path());
  CHECK(r.exit_code == 1);  // one entry and many lines unmatched
  CHECK(r.out.find("es.po: 3 filled\nes.po: no translation for: 'Not in the file'\n") == 0);
  CHECK(Slurp(dir / "es.po") ==
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        "#: a.md:1\nmsgid \"Field visit to Lima\"\nmsgstr \"Visita de campo a Lima\"\n\n"
        "msgid \"Agua Viva's website\"\nmsgstr \"El sitio web de Agua Viva\"\n\n"
        "msgid \"\"\n\"We spent three days with the water committees of the Rímac valley\\n\"\n"
        "\"and came back with a long list of ideas.\\n\"\n"
        "msgstr \"Pasamos tres días con los comités de agua del valle del Rímac y volvimos con "
        "una larga lista de ideas.\\n\"\n\n"
        "msgid \"Not in the file\"\nmsgstr \"\"\n");
  CHECK(Run("msgfmt -c -o /dev/null es.po", dir.path()).exit_code == 0);
}

}  // namespace
}  // namespace l10n
