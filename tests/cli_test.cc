// CLI tests: the built tools on tests/cli/<case>/ copied to a temporary
// folder; stdout, stderr, exit codes and written files are compared.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

void CopyCase(const std::string& name, const TempDir& dir) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/" + name, dir.path(),
                        std::filesystem::copy_options::recursive);
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = Slurp(path);
  size_t pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, from);
  text.replace(pos, from.size(), to);
  Spit(path, text);
}

bool HaveGettext() { return Run("command -v msgcat && command -v msgfmt").exit_code == 0; }

TEST_CASE("extract writes templates, catalogs and taxonomy, and twice changes nothing") {
  TempDir dir;
  CopyCase("basic", dir);
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  for (const char* f : {"locales/en.pot", "locales/es.po", "locales/es.pot", "locales/en.po",
                        "locales/taxonomy.toml"}) {
    CHECK_MESSAGE(std::filesystem::exists(dir / f), f);
  }
  std::string pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("#. paragraph, hello\n#: posts/hello.html:6\n"
                 "msgid \"We met <a>our partners</a> in Lima.\"\nmsgstr \"\"\n") !=
        std::string::npos);
  CHECK(pot.find("msgid \"Publish Date: <time/>\"") != std::string::npos);
  CHECK(pot.find("\"X-Source-Language: en\\n\"") != std::string::npos);
  std::string po = Slurp(dir / "locales/es.po");
  CHECK(po.find("\"Language: es\\n\"") != std::string::npos);
  std::string taxonomy = Slurp(dir / "locales/taxonomy.toml");
  CHECK(taxonomy.find("[categories.blog-fieldvisit]\nen = \"Blog fieldvisit\"\nes = \"Visita de "
                      "campo\"\n") != std::string::npos);
  CHECK(taxonomy.find("[categories.events]\nen = \"Events\"\nes = \"Eventos\"\n") !=
        std::string::npos);
  if (HaveGettext()) {
    for (const char* f : {"locales/en.pot", "locales/es.po", "locales/es.pot", "locales/en.po"}) {
      CAPTURE(f);
      CHECK(Run(std::string("msgcat ") + f + " | cmp - " + f, dir.path()).exit_code == 0);
      CHECK(Run(std::string("msgfmt -c -o /dev/null ") + f, dir.path()).exit_code == 0);
    }
  }
  auto before = Snapshot(dir.path());
  r = Run("SOURCE_DATE_EPOCH=2000000000 " + Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(Snapshot(dir.path()) == before);
}

TEST_CASE("extract keeps translations when posts change") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  Replace(dir / "locales/es.po", "msgid \"Hello world\"\nmsgstr \"\"",
          "msgid \"Hello world\"\nmsgstr \"Hola, mundo\"");
  Replace(dir / "locales/es.po", "msgid \"Thanks for reading.\"\nmsgstr \"\"",
          "msgid \"Thanks for reading.\"\nmsgstr \"Gracias por leer.\"");
  // The footer sentence disappears from the post; the title stays.
  Replace(dir / "posts/hello.html", "<footer><p>Thanks for reading.</p></footer>", "");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  std::string po = Slurp(dir / "locales/es.po");
  CHECK(po.find("msgid \"Hello world\"\nmsgstr \"Hola, mundo\"") != std::string::npos);
  CHECK(po.find("#~ msgid \"Thanks for reading.\"\n#~ msgstr \"Gracias por leer.\"") !=
        std::string::npos);
  // It comes back: restored from the obsolete entry.
  Replace(dir / "posts/hello.html", "</body>",
          "<footer><p>Thanks for reading.</p></footer>\n</body>");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  po = Slurp(dir / "locales/es.po");
  CHECK(po.find("\nmsgid \"Thanks for reading.\"\nmsgstr \"Gracias por leer.\"") !=
        std::string::npos);
  CHECK(po.find("#~") == std::string::npos);
}

TEST_CASE("shortcodes = true in [project]: shortcodes are placeholders, end to end") {
  TempDir dir;
  CopyCase("basic", dir);
  std::string post = dir / "posts/hello.html";
  Replace(post, "<footer>",
          "<p>[gallery columns=\"3\"]</p>\n<p>Listen: [audio src=\"a.mp3\" /]</p>\n<footer>");
  // Off by default: brackets are text.
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "locales/en.pot").find("msgid \"[gallery columns=\\\"3\\\"]\"") !=
        std::string::npos);
  Replace(dir / "l10n.toml", "[project]\n", "[project]\nshortcodes = true\n");
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  std::string pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("gallery") == std::string::npos);
  CHECK(pot.find("#. <shortcode/> stays as it is: \"[audio src=\"a.mp3\" /]\"\n") !=
        std::string::npos);
  std::string es = dir / "locales/es.po";
  Replace(es, "msgid \"Listen: <shortcode/>\"\nmsgstr \"\"",
          "msgid \"Listen: <shortcode/>\"\nmsgstr \"Escucha: <shortcode/>\"");
  r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(Slurp(dir / "public/es/hello.html").find("<p>Escucha: [audio src=\"a.mp3\" /]</p>") !=
        std::string::npos);
  // A shortcode of the translator's own: l10n-check says so, merge refuses.
  Replace(es, "msgstr \"Escucha: <shortcode/>\"", "msgstr \"Escucha: <shortcode/>[embed]x\"");
  r = Run(Tool("l10n-check"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("es.po:42:30: error: shortcode not in the source: '[embed]' [unsafe]") !=
        std::string::npos);
  r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("error: shortcode not in the source: '[embed]' [unsafe]") != std::string::npos);
  // A wrong type is an error, as for every setting.
  Replace(dir / "l10n.toml", "shortcodes = true", "shortcodes = \"yes\"");
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'project.shortcodes' must be true or false") != std::string::npos);
}

TEST_CASE("project.prose_pre_classes says which <pre> is prose") {
  TempDir dir;
  CopyCase("basic", dir);
  Replace(dir / "posts/hello.html", "<footer>",
          "<pre class=\"wp-block-verse\">Roses are red,\n  violets are blue.</pre>\n"
          "<pre class=\"poem\">A poem</pre>\n<footer>");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  std::string pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("#. preformatted text, hello\n#: posts/hello.html:9\nmsgid \"\"\n"
                 "\"Roses are red,\\n\"\n\"  violets are blue.\"\n") != std::string::npos);
  CHECK(pot.find("A poem") == std::string::npos);
  Replace(dir / "l10n.toml", "[project]\n", "[project]\nprose_pre_classes = [\"poem\"]\n");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("Roses") == std::string::npos);
  CHECK(pot.find("msgid \"A poem\"") != std::string::npos);
}

TEST_CASE("merge writes every post in both languages") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  std::string es = dir / "locales/es.po";
  Replace(es, "msgid \"Hello world\"\nmsgstr \"\"",
          "msgid \"Hello world\"\nmsgstr \"Hola, mundo\"");
  Replace(es, "msgid \"We met <a>our partners</a> in Lima.\"\nmsgstr \"\"",
          "msgid \"We met <a>our partners</a> in Lima.\"\n"
          "msgstr \"Nos reunimos con <a>nuestras organizaciones socias</a> en Lima.\"");
  Replace(es, "msgid \"Publish Date: <time/>\"\nmsgstr \"\"",
          "msgid \"Publish Date: <time/>\"\nmsgstr \"Fecha de publicación: <time/>\"");
  Replace(es, "msgid \"Category: <category/>\"\nmsgstr \"\"",
          "msgid \"Category: <category/>\"\nmsgstr \"Categoría: <category/>\"");
  Replace(es, "msgid \"Thanks for reading.\"\nmsgstr \"\"",
          "msgid \"Thanks for reading.\"\nmsgstr \"Gracias por leer.\"");
  testing::CommandResult r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.exit_code == 0);
  std::string out = Slurp(dir / "public/es/hello.html");
  CHECK(out ==
        "<!DOCTYPE html>\n<html lang=\"es\">\n"
        "<head><meta charset=\"utf-8\"><title>Hola, mundo</title></head>\n<body>\n"
        "<h1>Hola, mundo</h1>\n"
        "<p>Nos reunimos con <a href=\"https://example.org/partners?a=1&amp;b=2\">nuestras "
        "organizaciones socias</a> en Lima.\n"
        "<p>Fecha de publicación: <time datetime=\"2017-08-29\">29 de agosto de 2017</time></p>\n"
        "<p>Categoría: <a rel=\"category tag\" href=\"/category/blog-fieldvisit/\">Visita de "
        "campo / Blog fieldvisit</a></p>\n"
        "<footer><p>Gracias por leer.</p></footer>\n</body>\n</html>\n");
  // The English post is published as it is.
  CHECK(Slurp(dir / "public/en/hello.html") == Slurp(dir / "posts/hello.html"));
  // The untranslated Spanish post: below the threshold with --keep 80.
  std::filesystem::remove_all(dir / "public");
  r = Run(Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "public/es/hello.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "public/en/hola.html"));
  CHECK(r.err.find("posts/hola.html: warning: only 0% translated into 'en' (keep is 80%)") !=
        std::string::npos);
  CHECK(r.err.find("posts/hola.html:5:5: warning: untranslated into 'en', source text kept: "
                   "\"Hola mundo\"") != std::string::npos);
  // An existing output is never deleted because of the threshold.
  Spit(dir / "public/en/hola.html", "older version");
  r = Run(Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(Slurp(dir / "public/en/hola.html") == "older version");
}

TEST_CASE("a PO syntax error: path:line:col, exit 1, nothing written") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  Replace(dir / "locales/es.po", "msgid \"Hello world\"\nmsgstr \"\"",
          "msgid \"Hello world\"\nmsgstr \"Hola");
  Replace(dir / "posts/hello.html", "Thanks for reading.", "Thank you for reading.");
  auto before = Snapshot(dir.path());
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("locales/es.po:", 0) == 0);
  CHECK(r.err.find(": error: ") != std::string::npos);
  CHECK(Snapshot(dir.path()) == before);
  r = Run(Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("locales/es.po:", 0) == 0);
  CHECK(Snapshot(dir.path()) == before);
}

// l10n-extract stages each language's files as soon as they are planned:
// when the other language's catalog does not read, what was staged goes
// (no file replaced, no temporary file left).
TEST_CASE("a catalog that does not read stops the run after the other language staged its files") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  Replace(dir / "posts/hello.html", "Thanks for reading.", "Thank you for reading.");
  testing::Spit(dir / "locales/en.po", Slurp(dir / "locales/en.po") + "msgid \"x\n");
  auto before = Snapshot(dir.path());
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("locales/en.po:", 0) == 0);
  CHECK(Snapshot(dir.path()) == before);
}

TEST_CASE("usage errors exit 2") {
  TempDir dir;
  CopyCase("basic", dir);
  testing::CommandResult r = Run(Tool("l10n-merge") + " --no-such-option", dir.path());
  CHECK(r.exit_code == 2);
  r = Run(Tool("l10n-extract") + " --config missing.toml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("missing.toml: error: cannot open file: No such file or directory") !=
        std::string::npos);
  Spit(dir / "bad.toml", "[project]\nlanguages = [\"en\", \"es\"]\nposts = \"x\"\nfoo = 1\n");
  r = Run(Tool("l10n-extract") + " --config bad.toml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "bad.toml:3:9: error: 'project.posts' must be an array of strings\n"
        "bad.toml:4:7: error: unknown setting 'project.foo'\n");
}

TEST_CASE("--help is translated through gettext") {
  testing::CommandResult en = Run("LANG=C.UTF-8 LANGUAGE= " + Tool("l10n-merge") + " --help");
  CHECK(en.exit_code == 0);
  CHECK(en.out.find("Build localized posts") != std::string::npos);
  testing::CommandResult es = Run("LANG=C.UTF-8 LANGUAGE=es " + Tool("l10n-merge") + " --help");
  CHECK(es.exit_code == 0);
  CHECK(es.out.find("Genera las entradas traducidas") != std::string::npos);
  CHECK(es.out.find("Build localized posts") == std::string::npos);
  CHECK(es.out.find("Opciones:\n  -h,--help") != std::string::npos);
  CHECK(es.out.find("Options") == std::string::npos);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("renaming a post keeps every translation and moves the references") {
  testing::TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  Replace(dir / "locales/es.po", "msgid \"Hello world\"\nmsgstr \"\"",
          "msgid \"Hello world\"\nmsgstr \"Hola, mundo\"");
  std::filesystem::rename(dir / "posts/hello.html", dir / "posts/field-visit.html");
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  std::string po = Slurp(dir / "locales/es.po");
  CHECK(po.find("#: posts/field-visit.html:3 posts/field-visit.html:5\nmsgid \"Hello world\"\n"
                "msgstr \"Hola, mundo\"") != std::string::npos);
  CHECK(po.find("posts/hello.html") == std::string::npos);
  CHECK(po.find("#, fuzzy") == std::string::npos);
  CHECK(po.find("#~") == std::string::npos);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("a catalog in ISO-8859-1 keeps its translations and is written back in UTF-8") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  Replace(dir / "locales/en.po",
          "msgid \"Categor\xC3\xAD"
          "a: <category/>\"\nmsgstr \"\"",
          "msgid \"Categor\xC3\xAD"
          "a: <category/>\"\nmsgstr \"Category: <category/>\"");
  std::string utf8 = Slurp(dir / "locales/en.po");
  Replace(dir / "locales/en.po", "charset=UTF-8", "charset=ISO-8859-1");
  REQUIRE(Run("iconv -f UTF-8 -t ISO-8859-1 locales/en.po > x && mv x locales/en.po", dir.path())
              .exit_code == 0);
  // The msgid "Categoría" of the Latin-1 file matches the UTF-8 template's.
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(Slurp(dir / "locales/en.po") == utf8);
  // And merge reads it as the UTF-8 one.
  testing::CommandResult from_utf8 = Run(Tool("l10n-merge"), dir.path());
  Replace(dir / "locales/en.po", "charset=UTF-8", "charset=ISO-8859-1");
  REQUIRE(Run("iconv -f UTF-8 -t ISO-8859-1 locales/en.po > x && mv x locales/en.po", dir.path())
              .exit_code == 0);
  r = Run(Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == from_utf8.exit_code);
  CHECK(r.err == from_utf8.err);
  // Translated: not reported as untranslated.
  CHECK(r.err.find("kept: \"Categor\xC3\xAD"
                   "a") == std::string::npos);
  CHECK(r.err.find("kept: \"Hola mundo") != std::string::npos);
}

TEST_CASE("charset spellings are one rule: utf_8, UTF8 and utf-8 read alike by extract and merge") {
  TempDir dir;
  CopyCase("basic", dir);
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  testing::CommandResult want = Run(Tool("l10n-merge"), dir.path());
  for (const char* spelling : {"utf_8", "UTF8", "utf-8"}) {
    CAPTURE(spelling);
    TempDir other;
    CopyCase("basic", other);
    REQUIRE(Run(Tool("l10n-extract"), other.path()).exit_code == 0);
    Replace(other / "locales/es.po", "charset=UTF-8", std::string("charset=") + spelling);
    // Invalid UTF-8 is found as in a UTF-8 catalog.
    std::string po = Slurp(other / "locales/es.po");
    Spit(other / "bad.po", po + "\nmsgid \"x\"\nmsgstr \"\xE9\"\n");
    testing::CommandResult r = Run(Tool("l10n-check") + " bad.po", other.path());
    CHECK(r.err.find("invalid UTF-8 byte '\\xe9' [encoding]") != std::string::npos);
    r = Run(Tool("l10n-merge"), other.path());
    CHECK(r.exit_code == want.exit_code);
    CHECK(r.err == want.err);
    r = Run(Tool("l10n-extract"), other.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
  }
}

TEST_CASE("pages beside their posts ({dir}/{name}): written there, and not read back as posts") {
  TempDir dir;
  CopyCase("basic", dir);
  Replace(dir / "l10n.toml", "posts = [\"posts/*.html\"]",
          "posts = [\"posts/*.html\"]\noutput = \"{dir}/{name}.{lang}.html\"");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  std::string pot = Slurp(dir / "locales/en.pot");
  testing::CommandResult r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "posts/hello.es.html"));
  CHECK(std::filesystem::exists(dir / "posts/hola.en.html"));
  // A post is its own page in its language: no copy beside it.
  CHECK_FALSE(std::filesystem::exists(dir / "posts/hello.en.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "posts/hola.es.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "public"));
  // The pages match posts/*.html, yet are no posts: the catalogs stay as they were.
  auto before = Snapshot(dir.path());
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("posts/hello.es.html: note: not read as a post: it is the page of "
                   "'posts/hello.html' in 'es' that l10n-merge writes") != std::string::npos);
  CHECK(r.err.find("posts/hola.en.html: note: not read as a post: it is the page of "
                   "'posts/hola.html' in 'en' that l10n-merge writes") != std::string::npos);
  CHECK(Snapshot(dir.path()) == before);
  CHECK(Slurp(dir / "locales/en.pot") == pot);
  r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.exit_code == 0);
}

TEST_CASE("project.markdown_output must name the page") {
  TempDir dir;
  CopyCase("basic", dir);
  Replace(dir / "l10n.toml", "posts = [\"posts/*.html\"]",
          "posts = [\"posts/*.html\"]\nmarkdown_output = \"{dir}/{lang}.md\"");
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 2);  // a bad setting, as every one
  CHECK(r.err.find("l10n.toml: error: the Markdown output path needs '{lang}', and '{slug}' or "
                   "'{dir}' and '{name}'") != std::string::npos);
}

TEST_CASE("pages beside posts at the project's root ({dir} is '.')") {
  TempDir dir;
  Spit(dir / "l10n.toml",
       "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"*.html\"]\n"
       "output = \"{dir}/{name}.{lang}.html\"\n");
  Spit(dir / "hello.html", "<html lang=\"en\"><p>Hello</p></html>\n");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  testing::CommandResult r = Run(Tool("l10n-merge") + " --keep 0", dir.path());
  CHECK(r.err.find("error") == std::string::npos);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "hello.es.html"));
}

TEST_CASE("--quiet prints errors only: no notes, no warnings, no report, in every tool") {
  TempDir dir;
  CopyCase("basic", dir);
  Replace(dir / "l10n.toml", "posts = [\"posts/*.html\"]",
          "posts = [\"posts/*.html\"]\noutput = \"{dir}/{name}.{lang}.html\"");
  REQUIRE(Run(Tool("l10n-extract"), dir.path()).exit_code == 0);
  REQUIRE(Run(Tool("l10n-merge") + " --keep 0", dir.path()).exit_code == 0);
  // The pages merge wrote match posts/*.html: each tool notes it, unless quiet.
  const std::string note = "posts/hello.es.html: note: not read as a post";
  struct Case {
    const char* command;
    int exit_code;
  };
  for (const Case& c : {Case{"l10n-extract", 0}, Case{"l10n-merge --keep 0", 0},
                        Case{"l10n-check --min-coverage=0 --allow-untranslated", 0}}) {
    CAPTURE(c.command);
    testing::CommandResult loud = Run(Tool(c.command), dir.path());
    CHECK(loud.err.find(note) != std::string::npos);
    for (const char* flag : {" -q", " --quiet"}) {
      testing::CommandResult r = Run(Tool(c.command) + flag, dir.path());
      CHECK(r.exit_code == c.exit_code);
      CHECK(r.err == "");
      CHECK(r.out == "");
    }
  }
  // Errors still print.
  Spit(dir / "locales/es.po", "msgid \"a\"\nmsgstr \"b\"\nmsgid\n");
  testing::CommandResult r = Run(Tool("l10n-merge") + " -q", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("locales/es.po:3:") != std::string::npos);
  CHECK(r.err.find(": note: ") == std::string::npos);
}

}  // namespace
}  // namespace l10n
