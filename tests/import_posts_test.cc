// ImportPosts (project/import_posts.h): a project's posts, their existing
// translations in another folder, the catalog l10n-extract made; whole
// catalogs compared.
#include "project/import_posts.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <unordered_map>

#include "align/align.h"
#include "post/post_formats.h"
#include "project/config.h"
#include "project/import_map.h"
#include "project/project_io.h"
#include "test_util.h"

namespace l10n {
namespace {

using testing::Slurp;
using testing::Spit;

constexpr const char* kPost =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Field visit to Lima</title></head>\n"
    "<body>\n<h1>Field visit to Lima</h1>\n"
    "<p>In May 2024 our team travelled to Lima to meet the youth groups.</p>\n"
    "<p>Read the <a href=\"/report.html\">full report</a> of the visit.</p>\n"
    "<p>The groups work in three districts. They meet every week.</p>\n"
    "<p>We thank UNICEF for its support.</p>\n"
    "</body></html>\n";

// Translated by hand: the third paragraph split, the link written with
// other attributes, a paragraph of its own added.
constexpr const char* kTranslated =
    "<!DOCTYPE html>\n<html lang=\"es\">\n<head><title>Visita de campo a Lima</title>"
    "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/a/\"></head>\n"
    "<body>\n<h1>Visita de campo a Lima</h1>\n"
    "<p>En mayo de 2024 nuestro equipo viajó a Lima para reunirse con los grupos juveniles.</p>\n"
    "<p>Lea el <a class=\"x\" href='/report.html'>informe completo</a> de la visita.</p>\n"
    "<p>Los grupos trabajan en tres distritos.</p>\n"
    "<p>Se reúnen cada semana.</p>\n"
    "<p>Nota: esta traducción se revisó en 2025.</p>\n"
    "<p>Agradecemos a UNICEF su apoyo.</p>\n"
    "</body></html>\n";

constexpr const char* kImported = R"(# imported from old/es/a.html, 0.88
#. page title, a
#. heading, a
#: posts/a.html:3 posts/a.html:5
#, fuzzy
msgid "Field visit to Lima"
msgstr "Visita de campo a Lima"

# imported from old/es/a.html, 0.91
#. paragraph, a
#: posts/a.html:6
#, fuzzy
msgid "In May 2024 our team travelled to Lima to meet the youth groups."
msgstr ""
"En mayo de 2024 nuestro equipo viajó a Lima para reunirse con los grupos "
"juveniles."

# imported from old/es/a.html, 0.93
#. paragraph, a
#: posts/a.html:7
#, fuzzy
msgid "Read the <a>full report</a> of the visit."
msgstr "Lea el <a>informe completo</a> de la visita."

# imported from old/es/a.html, 0.04
#. paragraph, a
#: posts/a.html:8
#, fuzzy
msgid "The groups work in three districts. They meet every week."
msgstr "Los grupos trabajan en tres distritos. Se reúnen cada semana."

# imported from old/es/a.html, 0.93
#. paragraph, a
#: posts/a.html:9
#, fuzzy
msgid "We thank UNICEF for its support."
msgstr "Agradecemos a UNICEF su apoyo."
)";

struct Project {
  testing::TempDir dir;
  Config config;
  Project() {
    std::filesystem::create_directories(dir / "posts");
    std::filesystem::create_directories(dir / "old/es");
    Spit(dir / "l10n.toml",
         "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n");
    Spit(dir / "posts/a.html", kPost);
    REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
    DiagnosticSink sink;
    REQUIRE(ParseConfig(Slurp(dir / "l10n.toml"), dir / "l10n.toml", &config, &sink));
  }
};

// The catalog's entries after its header.
std::string Entries(const std::string& po) { return po.substr(po.find("\n\n") + 2); }

TEST_CASE("ImportPosts writes the aligned pairs as fuzzy entries saying where they came from") {
  for (ImportPairing pairing : {ImportPairing::kSameName, ImportPairing::kAlternateLink}) {
    Project p;
    Spit(p.dir / "old/es/a.html", kTranslated);
    ImportOptions options;
    options.from_dir = p.dir / "old/es";
    options.pairing = pairing;
    DiagnosticSink sink;
    ImportReport report;
    REQUIRE(ImportPosts(p.config, options, &sink, &report));
    CHECK(testing::RenderDiagnostics(sink) == "");
    REQUIRE(report.posts.size() == 1);
    const PostImport& r = report.posts[0];
    CHECK(r.translation == "old/es/a.html");
    CHECK(r.one_to_one == 5);
    CHECK(r.split == 1);
    CHECK(r.merged == 0);
    CHECK(r.source_left == 0);
    CHECK(r.translation_left == 1);
    CHECK(r.imported == 5);
    CHECK(r.kept == 1);  // the page title and the heading: one entry
    CHECK(r.conflicts == 0);
    std::string po = Slurp(p.dir / "locales/es.po");
    CHECK(Entries(po) == kImported);
    CHECK(report.changed.size() == 1);
  }
}

TEST_CASE("ImportPosts: --accept writes confident pairs as translated, never fuzzy markup") {
  Project p;
  Spit(p.dir / "old/es/a.html", kTranslated);
  ImportOptions options;
  options.from_dir = p.dir / "old/es";
  options.accept = 0.9;
  DiagnosticSink sink;
  ImportReport report;
  REQUIRE(ImportPosts(p.config, options, &sink, &report));
  CHECK(report.posts[0].accepted == 3);
  std::string po = Slurp(p.dir / "locales/es.po");
  CHECK(po.find("# imported from old/es/a.html, 0.93\n#. paragraph, a\n#: posts/a.html:7\n"
                "msgid") != std::string::npos);
  CHECK(po.find("0.88\n#. page title, a\n#. heading, a\n#: posts/a.html:3 posts/a.html:5\n#, "
                "fuzzy") != std::string::npos);
}

TEST_CASE("ImportPosts never overwrites a translation: a different one is a conflict") {
  Project p;
  Spit(p.dir / "old/es/a.html", kTranslated);
  std::string po = Slurp(p.dir / "locales/es.po");
  const std::string entry = "msgid \"We thank UNICEF for its support.\"\nmsgstr \"\"";
  REQUIRE(po.find(entry) != std::string::npos);
  po.replace(po.find(entry), entry.size(),
             "msgid \"We thank UNICEF for its support.\"\nmsgstr \"Gracias a UNICEF.\"");
  Spit(p.dir / "locales/es.po", po);
  ImportOptions options;
  options.from_dir = p.dir / "old/es";
  DiagnosticSink sink;
  ImportReport report;
  REQUIRE(ImportPosts(p.config, options, &sink, &report));
  CHECK(report.posts[0].conflicts == 1);
  CHECK(testing::RenderDiagnostics(sink) ==
        "old/es/a.html:11:4: warning: not imported: " + (p.dir / "locales/es.po") +
            " already translates \"We thank UNICEF for its support.\" otherwise\n");
  CHECK(Slurp(p.dir / "locales/es.po").find("msgstr \"Gracias a UNICEF.\"") != std::string::npos);
}

TEST_CASE("ImportPosts: Hugo's naming, the translation beside the post") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "posts/trip");
  Spit(dir / "l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\n"
       "posts = [\"posts/*/index.md\"]\n");
  Spit(dir / "posts/trip/index.md",
       "---\ntitle: A trip to Lima\n---\n\nIn May 2024 we went to Lima.\n\n"
       "See [the report](/report/) of the trip.\n");
  REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  Spit(dir / "posts/trip/index.es.md",
       "---\ntitle: Un viaje a Lima\n---\n\nEn mayo de 2024 fuimos a Lima.\n\n"
       "Vea [el informe](/report/) del viaje.\n");
  Config config;
  DiagnosticSink sink;
  REQUIRE(ParseConfig(Slurp(dir / "l10n.toml"), dir / "l10n.toml", &config, &sink));
  ImportOptions options;
  options.pairing = ImportPairing::kHugo;
  ImportReport report;
  REQUIRE(ImportPosts(config, options, &sink, &report));
  REQUIRE(report.posts.size() == 1);
  CHECK(report.posts[0].translation == "posts/trip/index.es.md");
  CHECK(report.posts[0].one_to_one == 3);
  CHECK(report.posts[0].imported == 3);
  std::string po = Slurp(dir / "locales/es.po");
  CHECK(po.find("msgid \"See <a>the report</a> of the trip.\"\n"
                "msgstr \"Vea <a>el informe</a> del viaje.\"") != std::string::npos);
}

TEST_CASE("ImportPosts writes nothing on bad input") {
  Project p;
  const std::string before = Slurp(p.dir / "locales/es.po");
  // A translated post that is not text.
  Spit(p.dir / "old/es/a.html", std::string("<p>a\0b</p>", 11));
  ImportOptions options;
  options.from_dir = p.dir / "old/es";
  DiagnosticSink sink;
  ImportReport report;
  CHECK_FALSE(ImportPosts(p.config, options, &sink, &report));
  CHECK(testing::RenderDiagnostics(sink).find(": error: ") != std::string::npos);
  CHECK(Slurp(p.dir / "locales/es.po") == before);
  // No catalog yet: nothing to import into.
  std::filesystem::remove(p.dir / "locales/es.po");
  Spit(p.dir / "old/es/a.html", kTranslated);
  DiagnosticSink sink2;
  CHECK_FALSE(ImportPosts(p.config, options, &sink2, &report));
  CHECK(testing::RenderDiagnostics(sink2) ==
        p.dir / "locales/es.po: error: no catalog to import into: run l10n-extract first\n");
  CHECK_FALSE(std::filesystem::exists(p.dir / "locales/es.po"));
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE(
    "l10n-import --from: the tool over ImportPosts; a page in the post's own language is none") {
  Project p;
  // The English post itself among the old pages: no translation into 'es'.
  Spit(p.dir / "old/es/a.html", Slurp(p.dir / "posts/a.html"));
  testing::CommandResult r =
      testing::Run(testing::Tool("l10n-import") + " --from old/es", p.dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "old/es/a.html: warning: not imported: the page is in 'en', not 'es'\n");
  CHECK(r.out == "posts/a.html: no translated post found\nNo file changed.\n");

  Spit(p.dir / "old/es/a.html", kTranslated);
  r = testing::Run(testing::Tool("l10n-import") + " --from old/es --format=json", p.dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"translation\": \"old/es/a.html\"") != std::string::npos);
  CHECK(r.out.find("\"imported\": 5") != std::string::npos);
  CHECK(Entries(Slurp(p.dir / "locales/es.po")) == kImported);
  // XLIFF files and --from are one mode or the other.
  CHECK(
      testing::Run(testing::Tool("l10n-import") + " --from old/es x.xlf", p.dir.path()).exit_code ==
      2);
  CHECK(testing::Run(testing::Tool("l10n-import"), p.dir.path()).exit_code == 2);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("ParseImportMap: each bad line located, the good ones kept") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "posts");
  std::filesystem::create_directories(dir / "old");
  Spit(dir / "posts/a.html", "a");
  Spit(dir / "posts/b.html", "b");
  Spit(dir / "old/a.html", "a");
  Spit(dir / "old/b.html", "b");
  struct Case {
    const char* text;
    const char* want;   // the diagnostics; "" for none
    const char* lines;  // "source>translation/lang" of each line kept
  };
  const Case cases[] = {
      {"", "", ""},
      {"\xEF\xBB\xBF# post\ttranslation\n\n  \nposts/a.html\told/a.html\r\n"
       "  # posts/b.html\told/b.html\n",
       "", "posts/a.html>old/a.html/ "},
      {"posts/a.html\told/a.html\tes\nposts/b.html\told/b.html\tes-MX\n", "",
       "posts/a.html>old/a.html/es posts/b.html>old/b.html/es "},
      {"posts/a.html old/a.html\n",
       "m.tsv:1:24: error: expected a post, a tab and its translated post\n", ""},
      {"posts/a.html\t\n\told/a.html\n",
       "m.tsv:1:14: error: expected a post, a tab and its translated post\n"
       "m.tsv:2:1: error: expected a post, a tab and its translated post\n",
       ""},
      {"posts/a.html\told/a.html\tes\tx\n", "m.tsv:1:28: error: unexpected fourth column 'x'\n",
       ""},
      {"posts/a.html\told/a.html\tfr\n",
       "m.tsv:1:25: error: 'fr' is not one of the project's languages\n", ""},
      {"posts/c.html\told/c.html\nposts/b.html\told/x.html\n",
       "m.tsv:1:1: error: no such file 'posts/c.html'\n"
       "m.tsv:1:14: error: no such file 'old/c.html'\n"
       "m.tsv:2:14: error: no such file 'old/x.html'\n",
       ""},
      {"posts/a.html\told/a.html\n./posts/a.html\told/b.html\tes\nposts/b.html\told/b.html\n",
       "m.tsv:2:1: error: './posts/a.html' is paired already, on line 1\n",
       "posts/a.html>old/a.html/ posts/b.html>old/b.html/ "},
      {"posts/a.html\told/a.html\ten\nposts/a.html\told/b.html\tes\n", "",
       "posts/a.html>old/a.html/en posts/a.html>old/b.html/es "},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    DiagnosticSink sink;
    std::vector<ImportMapLine> lines;
    CHECK(ParseImportMap(c.text, dir / "m.tsv", {"en", "es"}, &lines, &sink) == (*c.want == 0));
    std::string rendered = testing::RenderDiagnostics(sink);
    // The map's folder is the temporary one: its paths as the map says them.
    for (size_t at; (at = rendered.find(dir / "")) != std::string::npos;) {
      rendered.erase(at, (dir / "").size());
    }
    CHECK(rendered == c.want);
    std::string got;
    for (const ImportMapLine& l : lines) {
      got += l.source + ">" + Relative(l.translation, dir.path()) + "/" + l.lang + " ";
    }
    CHECK(got == c.lines);
  }
}

TEST_CASE("ImportPosts --pair map: a translation of another name; a post without a line") {
  Project p;
  Spit(p.dir / "posts/b.html", "<html lang=\"en\"><body><p>Two.</p></body></html>\n");
  REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", p.dir.path()).exit_code == 0);
  Spit(p.dir / "old/es/visita.html", kTranslated);
  Spit(p.dir / "old/map.tsv",
       "# post\ttranslation\n../posts/a.html\tes/visita.html\nz.html\tes/visita.html\n");
  ImportOptions options;
  options.pairing = ImportPairing::kMap;
  options.map_file = p.dir / "old/map.tsv";
  DiagnosticSink sink;
  ImportReport report;
  CHECK_FALSE(ImportPosts(p.config, options, &sink, &report));
  CHECK(testing::RenderDiagnostics(sink) ==
        p.dir / "old/map.tsv:3:1: error: no such file 'z.html'\n");
  Spit(p.dir / "old/z.html", "not a post of the project");
  DiagnosticSink sink2;
  REQUIRE(ImportPosts(p.config, options, &sink2, &report));
  CHECK(testing::RenderDiagnostics(sink2) ==
        p.dir /
            "old/map.tsv:3:1: warning: not used: 'z.html' is not a post of the "
            "project\n");
  REQUIRE(report.posts.size() == 2);
  CHECK(report.posts[0].post == "posts/a.html");
  CHECK(report.posts[0].translation == "old/es/visita.html");
  CHECK(report.posts[1].post == "posts/b.html");
  CHECK(report.posts[1].translation == "");
  std::string want = kImported;
  for (size_t at; (at = want.find("old/es/a.html")) != std::string::npos;) {
    want.replace(at, 13, "old/es/visita.html");
  }
  CHECK(Entries(Slurp(p.dir / "locales/es.po")) ==
        want + "\n#. paragraph, b\n#: posts/b.html:1\nmsgid \"Two.\"\nmsgstr \"\"\n");
}

TEST_CASE("the [import] table: its settings, each bad value located") {
  struct Case {
    const char* table;
    const char* want;  // diagnostics, or the options as "from|pair|map|accept"
  };
  const Case cases[] = {
      {"", "||0|2.00"},
      {"[import]\nfrom = \"old/es\"\npair = \"hreflang\"\naccept = 0.95\n", "p/old/es||2|0.95"},
      {"[import]\nmap = \"old/map.tsv\"\n", "||p/old/map.tsv|3|2.00"},
      {"[import]\nmap = \"/abs/map.tsv\"\npair = \"hugo\"\naccept = 1\n", "||/abs/map.tsv|1|1.00"},
      {"[import]\npair = \"Name\"\n",
       "p/l10n.toml:2:8: error: unknown pairing 'Name' (name, hreflang, hugo or map)\n"},
      {"[import]\naccept = 1.5\nform = \"x\"\nfrom = 3\n",
       "p/l10n.toml:2:10: error: 'import.accept' must be a number from 0 to 1\n"
       "p/l10n.toml:3:8: error: unknown setting 'import.form'\n"
       "p/l10n.toml:4:8: error: 'import.from' must be a string\n"},
      {"[import]\naccept = \"0.9\"\n",
       "p/l10n.toml:2:10: error: 'import.accept' must be a number from 0 to 1\n"},
      {"import = 1\n", "p/l10n.toml:1:10: error: 'import' must be a table\n"},
  };
  for (const Case& c : cases) {
    std::string text = std::string(c.table) +
                       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\n"
                       "posts = [\"posts/*.html\"]\n";
    CAPTURE(text);
    Config config;
    DiagnosticSink sink;
    std::string got;
    if (ParseConfig(text, "p/l10n.toml", &config, &sink)) {
      ImportOptions o = ImportOptionsOf(config);
      got = fmt::format("{}||{}|{}|{:.2f}", o.from_dir, o.map_file, static_cast<int>(o.pairing),
                        o.accept);
      if (o.map_file.empty()) {
        got = fmt::format("{}||{}|{:.2f}", o.from_dir, static_cast<int>(o.pairing), o.accept);
      }
    }
    CHECK(testing::RenderDiagnostics(sink) + got == c.want);
  }
}

TEST_CASE("l10n-import: [import] in l10n.toml, the command line over it, usage errors") {
  Project p;
  Spit(p.dir / "old/es/visita.html", kTranslated);
  Spit(p.dir / "old/map.tsv", "../posts/a.html\tes/visita.html\n");
  Spit(p.dir / "l10n.toml", Slurp(p.dir / "l10n.toml") +
                                "[import]\nfrom = \"old/es\"\nmap = \"old/map.tsv\"\n"
                                "accept = 0.9\n");
  const std::string before = Slurp(p.dir / "locales/es.po");
  // No --pair: the map pairs; --pair name finds no file called a.html.
  testing::CommandResult r =
      testing::Run(testing::Tool("l10n-import") + " --pair name", p.dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "posts/a.html: no translated post found\nNo file changed.\n");
  r = testing::Run(testing::Tool("l10n-import"), p.dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "posts/a.html <- old/es/visita.html: 5 1-1, 0 merged, 1 split, 0 and 1 left over; mean "
        "confidence 0.76; 5 imported (3 translated), 1 kept, 0 conflicts\nUpdated locales/es.po\n");
  // A bad map line: exit 1, nothing written.
  Spit(p.dir / "locales/es.po", before);
  Spit(p.dir / "other.tsv", "posts/a.html\n");
  r = testing::Run(testing::Tool("l10n-import") + " --map other.tsv", p.dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "other.tsv:1:13: error: expected a post, a tab and its translated post\n");
  CHECK(Slurp(p.dir / "locales/es.po") == before);
  // Usage errors: --pair map and no map; no project file and no --from.
  Spit(p.dir / "l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n"
       "[import]\nfrom = \"old/es\"\n");
  r = testing::Run(testing::Tool("l10n-import") + " --pair map", p.dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "l10n-import: --pair map needs --map FILE (or import.map)\n");
  Spit(p.dir / "l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n");
  r = testing::Run(testing::Tool("l10n-import"), p.dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "l10n-import: give XLIFF files or --from DIR (see --help)\n");
  std::filesystem::remove(p.dir / "l10n.toml");
  r = testing::Run(testing::Tool("l10n-import"), p.dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "l10n-import: give XLIFF files or --from DIR (see --help)\n");
}

// A page in `lang` with a <link rel="alternate" hreflang> in `link_lang`
// to `href`, and one paragraph.
std::string LinkingPage(const char* lang, const char* link_lang, const char* href,
                        const char* text) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>"
      "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"></head>\n<body>\n<p>{}</p>\n"
      "</body></html>\n",
      lang, link_lang, href, text);
}

TEST_CASE("ImportPosts --pair hreflang: the folder indexed once, decoys left out") {
  Project p;
  Spit(p.dir / "posts/b.html", "<html lang=\"en\"><body><p>Two.</p></body></html>\n");
  Spit(p.dir / "posts/c.html", "<html lang=\"en\"><body><p>Three.</p></body></html>\n");
  REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", p.dir.path()).exit_code == 0);
  // a: the post's own page copied (in English, naming itself) sorts first,
  // then its translation. b: two Spanish pages name it. c: only a page
  // linking to "/en/cc/", one whose link is in French, one in French.
  std::string own = Slurp(p.dir / "posts/a.html");
  own.insert(own.find("</head>"), "<link rel=\"alternate\" hreflang=\"en\" href=\"/en/a/\">");
  Spit(p.dir / "old/es/0-a.html", own);
  Spit(p.dir / "old/es/1-a.html", kTranslated);
  Spit(p.dir / "old/es/sub/b2.html", LinkingPage("es", "en", "/en/b.html?x=1", "Dos."));
  Spit(p.dir / "old/es/b1.html", LinkingPage("es", "en-US", "https://example.org/en/b/", "Dos."));
  Spit(p.dir / "old/es/c1.html", LinkingPage("es", "en", "/en/cc/", "Tres."));
  Spit(p.dir / "old/es/c2.html", LinkingPage("es", "fr", "/fr/c/", "Tres."));
  Spit(p.dir / "old/es/c3.html", LinkingPage("fr", "en", "/en/c/", "Trois."));
  ImportOptions options;
  options.from_dir = p.dir / "old/es";
  options.pairing = ImportPairing::kAlternateLink;
  DiagnosticSink sink;
  ImportReport report;
  REQUIRE(ImportPosts(p.config, options, &sink, &report));
  CHECK(testing::RenderDiagnostics(sink) ==
        "posts/b.html: warning: two pages link to the post as its translation into 'es': "
        "'old/es/b1.html' and 'old/es/sub/b2.html'; the first is imported\n");
  std::string pairs;
  for (const PostImport& r : report.posts) pairs += r.post + " <- " + r.translation + "\n";
  CHECK(pairs ==
        "posts/a.html <- old/es/1-a.html\nposts/b.html <- old/es/b1.html\nposts/c.html <- \n");
}

// Three paragraphs with nothing in common with the source's but their
// lengths: an added note as long as the first source paragraph, then the
// two translations. Only the catalog's translation of the first tells them
// apart.
constexpr const char* kLexiconPost =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n"
    "<p>We walked along the river before the rain came down on us.</p>\n"
    "<p>Then we ate bread and went to sleep.</p>\n"
    "</body></html>\n";
constexpr const char* kLexiconTranslated =
    "<!DOCTYPE html>\n<html lang=\"es\">\n<body>\n"
    "<p>Esta nota la escribió otra persona mucho después del viaje.</p>\n"
    "<p>Caminamos junto al río antes de la lluvia.</p>\n"
    "<p>Luego comimos pan con queso y nos fuimos a dormir muy cansados tras un día largo.</p>\n"
    "</body></html>\n";

TEST_CASE("ImportPosts: the catalog's translations decide what lengths cannot") {
  std::string pairs[2];  // without the lexicon, with it
  for (int with : {0, 1}) {
    DiagnosticSink sink;
    Segmentation source = PostFormatFor("a.html").Segment(kLexiconPost, "a.html", {}, &sink);
    Segmentation translated =
        PostFormatFor("b.html").Segment(kLexiconTranslated, "b.html", {}, &sink);
    std::unordered_map<std::string, std::string> lexicon = {
        {"We walked along the river before the rain came down on us.",
         "Caminamos junto al río antes de la lluvia."}};
    AlignOptions options;
    if (with) options.lexicon = &lexicon;
    for (const AlignedPair& a : AlignUnits({&source.units, kLexiconPost},
                                           {&translated.units, kLexiconTranslated}, options)) {
      pairs[with] += fmt::format("{}+{}:{}+{} ", a.source_begin, a.source_count,
                                 a.translation_begin, a.translation_count);
    }
  }
  CHECK(pairs[0] == "0+1:0+1 1+1:1+1 2+0:2+1 ");
  CHECK(pairs[1] == "0+0:0+1 0+1:1+1 1+1:2+1 ");

  testing::TempDir dir;
  std::filesystem::create_directories(dir / "posts");
  std::filesystem::create_directories(dir / "old/es");
  Spit(dir / "l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n");
  Spit(dir / "posts/a.html", kLexiconPost);
  REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string po = Slurp(dir / "locales/es.po");
  const std::string entry =
      "msgid \"We walked along the river before the rain came down on us.\"\nmsgstr \"\"";
  REQUIRE(po.find(entry) != std::string::npos);
  po.replace(po.find(entry), entry.size(),
             "msgid \"We walked along the river before the rain came down on us.\"\n"
             "msgstr \"Caminamos junto al río antes de la lluvia.\"");
  Spit(dir / "locales/es.po", po);
  Spit(dir / "old/es/a.html", kLexiconTranslated);
  Config config;
  DiagnosticSink sink;
  REQUIRE(ParseConfig(Slurp(dir / "l10n.toml"), dir / "l10n.toml", &config, &sink));
  ImportOptions options;
  options.from_dir = dir / "old/es";
  ImportReport report;
  REQUIRE(ImportPosts(config, options, &sink, &report));
  CHECK(testing::RenderDiagnostics(sink) == "");
  CHECK(Entries(Slurp(dir / "locales/es.po")) ==
        "#. paragraph, a\n#: posts/a.html:4\n"
        "msgid \"We walked along the river before the rain came down on us.\"\n"
        "msgstr \"Caminamos junto al río antes de la lluvia.\"\n\n"
        "# imported from old/es/a.html, 0.00\n#. paragraph, a\n#: posts/a.html:5\n#, fuzzy\n"
        "msgid \"Then we ate bread and went to sleep.\"\n"
        "msgstr \"\"\n"
        "\"Luego comimos pan con queso y nos fuimos a dormir muy cansados tras un día \"\n"
        "\"largo.\"\n");
}

}  // namespace
}  // namespace l10n
