// The Hugo example (examples/hugo/): the tools find its four posts, each in
// its language (file name or first project language), write each page
// beside its post and never read a page back as a post; each page's
// categories and tags are in its language, in the post's style; its
// translation files are well formed, and fill.sh fills a catalog msgfmt
// accepts.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

const std::string kExample = std::string(L10N_SOURCE_DIR) + "/examples/hugo";

// The pages l10n-merge writes beside the example's posts (`make demo` leaves
// them in the source tree; ignored by git).
const char* const kPages[] = {
    "content/blog/field-visit-lima/index.es.md",
    "content/blog/water-workshop.es.md",
    "content/blog/informe-anual/index.en.md",
    "content/blog/dia-del-agua.en.md",
};

// The example as a clean clone has it: its posts, without the pages a
// `make demo` wrote.
void CopyExample(const TempDir& dir) {
  std::filesystem::copy(kExample, dir / "hugo", std::filesystem::copy_options::recursive);
  for (const char* page : kPages) std::filesystem::remove(dir / (std::string("hugo/") + page));
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
  for (const char* page : kPages) {
    CAPTURE(page);
    CHECK(std::filesystem::exists(site + "/" + page));
    // examples/hugo/.gitignore lists it: make demo leaves the tree clean.
    CHECK(Slurp(kExample + "/.gitignore").find(std::string("/") + page + "\n") !=
          std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(site + "/content/blog/field-visit-lima/index.en.md"));
  CHECK_FALSE(std::filesystem::exists(site + "/public"));
  // [site]: each page's slug in its language, in the front matter's own
  // syntax (Hugo serves /es/blog/visita-de-campo-lima/), the links to the
  // site's pages in the page's language, and the record of the URLs.
  std::string lima = Slurp(site + "/content/blog/field-visit-lima/index.es.md");
  CHECK(lima.find("\nslug: visita-de-campo-lima\n") != std::string::npos);
  std::string water_day = Slurp(site + "/content/blog/dia-del-agua.en.md");
  CHECK(water_day.rfind("+++\nslug = \"water-day\"\n", 0) == 0);
  std::string report = Slurp(site + "/content/blog/informe-anual/index.en.md");
  CHECK(report.find("[our volunteers](/volunteer/ \"How to volunteer\")") != std::string::npos);
  CHECK(Slurp(site + "/locales/urls.tsv") == Slurp(kExample + "/locales/urls.tsv"));
  CHECK(Slurp(site + "/locales/urls.tsv")
            .find("content/blog/field-visit-lima/index.md\tes\t/es/blog/visita-de-campo-lima/\n") !=
        std::string::npos);
  auto before = Snapshot(site);
  r = Run(Tool("l10n-extract"), site);
  CHECK(r.exit_code == 0);
  for (const char* page : kPages) {
    CHECK(r.err.find(std::string(page) + ": note: not read as a post: it is the page of") !=
          std::string::npos);
  }
  CHECK(r.out.find("en -> es: 2 posts") != std::string::npos);
  CHECK(Snapshot(site) == before);
}

// The front-matter lines of `text` from the first line starting with `key`,
// `lines` of them.
std::string LinesFrom(const std::string& text, const std::string& key, int lines) {
  size_t at = text.find("\n" + key);
  if (at == std::string::npos) return "";
  size_t end = at + 1;
  for (int i = 0; i < lines && end != std::string::npos; ++i) end = text.find('\n', end + 1);
  return text.substr(at + 1, end == std::string::npos ? std::string::npos : end - at);
}

TEST_CASE("examples/hugo: categories and tags in each page's language, in the post's style") {
  TempDir dir;
  CopyExample(dir);
  std::string site = dir / "hugo";
  REQUIRE(Run(Tool("l10n-extract") + " -q", site).exit_code == 0);
  // The taxonomy has every name in both languages: nothing left to
  // translate in the catalogs, nothing new in the taxonomy.
  CHECK(Slurp(site + "/locales/taxonomy.toml") == Slurp(kExample + "/locales/taxonomy.toml"));
  CHECK(Slurp(site + "/locales/es.po").find("msgctxt \"category\"") == std::string::npos);
  testing::CommandResult r = Run(Tool("l10n-merge"), site);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("no name in") == std::string::npos);
  struct Page {
    const char* path;
    const char* categories;
    const char* tags;
  };
  const Page pages[] = {
      {"content/blog/field-visit-lima/index.es.md", "categories:\n  - Visitas de campo\n",
       "tags: [agua, Perú]\n"},
      {"content/blog/water-workshop.es.md", "categories = [\"Talleres\"]\n",
       "tags = [\"agua\", \"capacitación\"]\n"},
      {"content/blog/informe-anual/index.en.md", "categories: [\"Reports\"]\n",
       "tags:\n  - water\n"},
      {"content/blog/dia-del-agua.en.md", "categories = [\"Events\"]\n",
       "tags = [\"water\", \"fair\"]\n"},
      // The posts themselves, as written.
      {"content/blog/field-visit-lima/index.md", "categories:\n  - Field visits\n",
       "tags: [water, Peru]\n"},
      {"content/blog/dia-del-agua.es.md", "categories = [\"Eventos\"]\n",
       "tags = [\"agua\", \"feria\"]\n"},
  };
  for (const Page& page : pages) {
    CAPTURE(page.path);
    std::string text = Slurp(site + "/" + page.path);
    std::string categories = page.categories;
    std::string tags = page.tags;
    CHECK(LinesFrom(text, "categories", categories.find('\n') + 1 == categories.size() ? 1 : 2) ==
          categories);
    CHECK(LinesFrom(text, "tags", tags.find('\n') + 1 == tags.size() ? 1 : 2) == tags);
  }
  r = Run(Tool("l10n-check"), site);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("examples/hugo: a name the taxonomy lacks is translated in the catalog, or kept") {
  TempDir dir;
  CopyExample(dir);
  std::string site = dir / "hugo";
  std::string taxonomy = Slurp(site + "/locales/taxonomy.toml");
  std::string name = "es = \"Perú\"\n";
  REQUIRE(taxonomy.find(name) != std::string::npos);
  taxonomy.erase(taxonomy.find(name), name.size());
  Spit(site + "/locales/taxonomy.toml", taxonomy);
  REQUIRE(Run(Tool("l10n-extract") + " -q", site).exit_code == 0);
  std::string po = Slurp(site + "/locales/es.po");
  std::string entry =
      "#. tag name, slug 'peru'\n#: content/blog/field-visit-lima/index.md:11\n"
      "msgctxt \"category\"\nmsgid \"Peru\"\nmsgstr \"\"\n";
  REQUIRE(po.find(entry) != std::string::npos);
  // Untranslated: kept as written, and both tools say so.
  testing::CommandResult check = Run(Tool("l10n-check"), site);
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("untranslated") != std::string::npos);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " --keep 0", site);
  CHECK(merge.exit_code == 0);
  CHECK(merge.err.find("content/blog/field-visit-lima/index.md:11:15: warning: the tag 'Peru' "
                       "has no name in 'es': kept as written\n") != std::string::npos);
  CHECK(LinesFrom(Slurp(site + "/content/blog/field-visit-lima/index.es.md"), "tags", 1) ==
        "tags: [agua, Peru]\n");
  // Translated in the catalog, with a comma: quoted in the flow list. A
  // name with markup is refused as any translation is.
  po.replace(po.find(entry), entry.size(),
             "msgctxt \"category\"\nmsgid \"Peru\"\nmsgstr \"Perú, país\"\n");
  Spit(site + "/locales/es.po", po);
  merge = Run(Tool("l10n-merge") + " --keep 0", site);
  CHECK(merge.exit_code == 0);
  CHECK(LinesFrom(Slurp(site + "/content/blog/field-visit-lima/index.es.md"), "tags", 1) ==
        "tags: [agua, \"Perú, país\"]\n");
  size_t at = po.find("msgstr \"Perú, país\"");
  po.replace(at, 21, "msgstr \"<b>Perú</b>\"");
  Spit(site + "/locales/es.po", po);
  check = Run(Tool("l10n-check"), site);
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("error: markup not in the source: '<b>' [unsafe]") != std::string::npos);
  merge = Run(Tool("l10n-merge") + " --keep 0", site);
  CHECK(merge.exit_code == 1);
  CHECK(merge.err.find("error: markup not in the source: '<b>' [unsafe]") != std::string::npos);
  CHECK(merge.err.find("content/blog/field-visit-lima/index.md:11:15: note: the translation of "
                       "this text is rejected; the post is not published") != std::string::npos);
}

TEST_CASE("examples/hugo: the taxonomy's names for front matter are checked where written") {
  TempDir dir;
  CopyExample(dir);
  std::string site = dir / "hugo";
  std::string taxonomy = Slurp(site + "/locales/taxonomy.toml");
  std::string name = "es = \"Talleres\"";
  REQUIRE(taxonomy.find(name) != std::string::npos);
  taxonomy.replace(taxonomy.find(name), name.size(), "es = \"Tall\u202Eeres\"");
  Spit(site + "/locales/taxonomy.toml", taxonomy);
  testing::CommandResult check = Run(Tool("l10n-check"), site);
  CHECK(check.exit_code == 1);
  std::string finding =
      "locales/taxonomy.toml:37:11: error: bidirectional control character U+202E is not in "
      "the source [unsafe]\n";
  CHECK(check.err.find(finding) != std::string::npos);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q", site);
  CHECK(merge.exit_code == 1);
  CHECK(merge.err.find(finding) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(site + "/content/blog/water-workshop.es.md"));
}

TEST_CASE("examples/hugo: a new tag makes the taxonomy and the catalogs stale") {
  TempDir dir;
  CopyExample(dir);
  std::string site = dir / "hugo";
  std::string post = Slurp(site + "/content/blog/water-workshop.md");
  std::string tags = "tags = [\"water\", \"training\"]";
  REQUIRE(post.find(tags) != std::string::npos);
  post.replace(post.find(tags), tags.size(), "tags = [\"water\", \"training\", \"drought\"]");
  Spit(site + "/content/blog/water-workshop.md", post);
  testing::CommandResult check = Run(Tool("l10n-check"), site);
  CHECK(check.exit_code == 1);
  CHECK(check.err ==
        "locales/en.pot: error: not up to date with the posts: 1 new, 0 no longer in a post, 0 "
        "with other references or notes; run l10n-extract [stale]\n"
        "content/blog/water-workshop.md:7: note: not in locales/en.pot: \"drought\"\n"
        "locales/es.po: error: not up to date with the posts: 1 new, 0 no longer in a post, 0 "
        "with other references or notes; run l10n-extract [stale]\n"
        "content/blog/water-workshop.md:7: note: not in locales/es.po: \"drought\"\n"
        "locales/taxonomy.toml: error: the taxonomy lacks categories the posts use; run "
        "l10n-extract [stale]\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", site).exit_code == 0);
  CHECK(Slurp(site + "/locales/taxonomy.toml").find("[categories.drought]\nen = \"drought\"\n") !=
        std::string::npos);
  check = Run(Tool("l10n-check"), site);
  CHECK(check.err == "locales/es.po:237:1: error: untranslated: \"drought\" [untranslated]\n");
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
