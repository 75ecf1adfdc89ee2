// ImportPosts (project/import_posts.h): a project's posts, their existing
// translations in another folder, the catalog l10n-extract made; whole
// catalogs compared.
#include "project/import_posts.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "project/config.h"
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
