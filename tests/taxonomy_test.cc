// Taxonomy: the category names file, parsed and serialized byte for byte.
#include "catalog/taxonomy.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"
#include "test_util.h"

namespace l10n {
namespace {

constexpr char kTaxonomyFile[] =
    "# Category names by language (slug -> name). Kept sorted by the l10n tools.\n"
    "\n"
    "[categories.blog-fieldvisit]\n"
    "en = \"Blog fieldvisit\"\n"
    "es = \"Visita de campo\"\n"
    "\n"
    "[categories.\"educación\"]\n"
    "es = \"Educación\"\n"
    "\n"
    "[categories.events]\n"
    "en = \"Events \\\"2017\\\"\"\n"
    "es = \"Eventos\\\\Actividades\\tya\"\n"
    "pt-BR = \"Eventos\"\n";

TEST_CASE("Taxonomy parses and serializes byte for byte") {
  Taxonomy taxonomy;
  DiagnosticSink sink;
  REQUIRE(taxonomy.Parse(kTaxonomyFile, "locales/taxonomy.toml", &sink));
  CHECK(RenderDiagnostics(sink).empty());
  REQUIRE(taxonomy.categories().size() == 3);
  const Category* events = taxonomy.Find("events");
  REQUIRE(events);
  CHECK(events->Name("en") == "Events \"2017\"");
  CHECK(events->Name("es") == "Eventos\\Actividades\tya");
  CHECK(events->Name("pt-BR") == "Eventos");
  CHECK(events->Name("fr").empty());
  CHECK(taxonomy.Find("educación")->Name("es") == "Educación");
  CHECK(taxonomy.Find("blog") == nullptr);
  CHECK(taxonomy.Serialize() == kTaxonomyFile);
}

TEST_CASE("Taxonomy round trips through Serialize") {
  Taxonomy taxonomy;
  CHECK(taxonomy.Add({"zeta", {{"es", "Última"}, {"en", "Last"}}}));
  CHECK(taxonomy.Add({"alpha", {{"en", "Line\nbreak \x01 \x7f"}}}));
  CHECK(taxonomy.Add({"with space", {{"en", "quote \" and backslash \\"}}}));
  CHECK(taxonomy.Add({"empty", {}}));
  CHECK_FALSE(taxonomy.Add({"", {{"en", "No slug"}}}));
  const std::string text = taxonomy.Serialize();
  CHECK(text ==
        "# Category names by language (slug -> name). Kept sorted by the l10n tools.\n"
        "\n"
        "[categories.alpha]\n"
        "en = \"Line\\nbreak \\u0001 \\u007F\"\n"
        "\n"
        "[categories.empty]\n"
        "\n"
        "[categories.\"with space\"]\n"
        "en = \"quote \\\" and backslash \\\\\"\n"
        "\n"
        "[categories.zeta]\n"
        "en = \"Last\"\n"
        "es = \"Última\"\n");

  Taxonomy parsed;
  DiagnosticSink sink;
  REQUIRE(parsed.Parse(text, "t.toml", &sink));
  CHECK(RenderDiagnostics(sink).empty());
  REQUIRE(parsed.categories().size() == taxonomy.categories().size());
  for (size_t i = 0; i < parsed.categories().size(); ++i) {
    CHECK(parsed.categories()[i].slug == taxonomy.categories()[i].slug);
    CHECK(parsed.categories()[i].names == taxonomy.categories()[i].names);
  }
  CHECK(parsed.Serialize() == text);
}

TEST_CASE("Taxonomy::Add keeps existing names") {
  Taxonomy taxonomy;
  CHECK(taxonomy.Add({"events", {{"en", "Events"}}}));
  CHECK_FALSE(taxonomy.Add({"events", {{"en", "Happenings"}}}));
  CHECK_FALSE(taxonomy.Add({"events", {{"es", ""}}}));
  CHECK(taxonomy.Add({"events", {{"en", "Other"}, {"es", "Eventos"}}}));
  CHECK(taxonomy.Add({"blog", {{"en", "Blog"}}}));
  CHECK(taxonomy.Find("events")->Name("en") == "Events");
  CHECK(taxonomy.Find("events")->Name("es") == "Eventos");
  REQUIRE(taxonomy.categories().size() == 2);
  CHECK(taxonomy.categories()[0].slug == "blog");
  CHECK(taxonomy.categories()[1].slug == "events");
}

TEST_CASE("Taxonomy reports errors with their location") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"", ""},
      {"# nothing yet\n", ""},
      {"[categories.x]\nen = \"a\" b\n",
       "t.toml:2:10: error: expected a comment or whitespace, saw 'b'\n"},
      // Columns count bytes, as everywhere else; toml++ counts code points.
      {"[categories.x]\nes = \"ñ\" b\n",
       "t.toml:2:11: error: expected a comment or whitespace, saw 'b'\n"},
      {"[categories.x]\nen = \"a\"\nen = \"b\"\n",
       "t.toml:3:6: error: cannot redefine existing string 'en'\n"},
      {"[categories.x\n", "t.toml:1:14: error: expected ']', saw '\\n'\n"},
      {"[categories.x]\nen = \"Blog\"\n\nes = 5\n",
       "t.toml:4:1: error: category 'x': expected a string for 'es'\n"},
      {"[categories.x]\nen = \"Blog\"\nes = [\"a\"]\nfr = 1.5\n",
       "t.toml:3:1: error: category 'x': expected a string for 'es'\n"
       "t.toml:4:1: error: category 'x': expected a string for 'fr'\n"},
      {"[categories.x]\n\"English name\" = \"Blog\"\n",
       "t.toml:2:1: error: category 'x': 'English name' is not a language code\n"},
      {"title = \"x\"\n[categories.y]\nen = \"Y\"\n", "t.toml:1:1: error: unknown key 'title'\n"},
      {"categories = 3\n", "t.toml:1:1: error: expected a table for 'categories'\n"},
      {"[categories]\nx = \"Blog\"\n", "t.toml:2:1: error: category 'x': expected a table\n"},
      {"[categories.\"\"]\nen = \"Blog\"\n", "t.toml:1:13: error: empty category slug\n"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    Taxonomy taxonomy;
    DiagnosticSink sink;
    bool ok = taxonomy.Parse(c.text, "t.toml", &sink);
    CHECK(ok == (*c.want == '\0'));
    CHECK(RenderDiagnostics(sink) == std::string(c.want));
  }
}

TEST_CASE("Taxonomy keeps the valid categories of a file with errors") {
  Taxonomy taxonomy;
  DiagnosticSink sink;
  CHECK_FALSE(
      taxonomy.Parse("[categories.a]\nen = 1\n[categories.b]\nen = \"B\"\n", "t.toml", &sink));
  CHECK(RenderDiagnostics(sink) == "t.toml:2:1: error: category 'a': expected a string for 'en'\n");
  REQUIRE(taxonomy.Find("b"));
  CHECK(taxonomy.Find("b")->Name("en") == "B");
}

TEST_CASE("Taxonomy: a category's slug per language, parsed, serialized, kept by Add") {
  constexpr char kFile[] =
      "# Category names by language (slug -> name). Kept sorted by the l10n tools.\n"
      "\n"
      "[categories.events]\n"
      "en = \"Events\"\n"
      "es = \"Eventos\"\n"
      "slug = { es = \"eventos\", pt-BR = \"eventos-2\" }\n"
      "\n"
      "[categories.news]\n"
      "en = \"News\"\n";
  Taxonomy taxonomy;
  DiagnosticSink sink;
  REQUIRE(taxonomy.Parse(kFile, "t.toml", &sink));
  CHECK(RenderDiagnostics(sink).empty());
  const Category* events = taxonomy.Find("events");
  REQUIRE(events);
  CHECK(events->Slug("es") == "eventos");
  CHECK(events->Slug("pt-BR") == "eventos-2");
  CHECK(events->Slug("en") == "events");
  CHECK(events->Name("slug").empty());
  CHECK(taxonomy.Find("news")->Slug("es") == "news");
  CHECK(taxonomy.Serialize() == kFile);

  CHECK_FALSE(taxonomy.Add({"events", {}, {{"es", "otro"}}}));  // kept
  CHECK(taxonomy.Add({"news", {}, {{"es", "noticias"}}}));
  CHECK(taxonomy.Find("news")->Slug("es") == "noticias");

  struct Case {
    std::string text;
    std::string errors;
  };
  const Case cases[] = {
      {"[categories.a]\nslug = \"x\"\n",
       "t.toml:2:1: error: category 'a': expected a table of slugs by language for 'slug'\n"},
      {"[categories.a]\nslug = { es = \"Eventos 2\" }\n",
       "t.toml:2:15: error: category 'a': the slug in 'es' must be lowercase ASCII letters, "
       "digits and hyphens\n"},
      {"[categories.a]\nslug = { es = \"a--b\" }\n",
       "t.toml:2:15: error: category 'a': the slug in 'es' must be lowercase ASCII letters, "
       "digits and hyphens\n"},
      {"[categories.a]\nslug = { es = 3 }\n",
       "t.toml:2:15: error: category 'a': the slug in 'es' must be lowercase ASCII letters, "
       "digits and hyphens\n"},
      {"[categories.a]\nslug = { 1x = \"b\" }\n",
       "t.toml:2:10: error: category 'a': '1x' is not a language code\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Taxonomy t;
    DiagnosticSink errors;
    CHECK_FALSE(t.Parse(c.text, "t.toml", &errors));
    CHECK(RenderDiagnostics(errors) == c.errors);
  }
}

TEST_CASE("IsUrlSlug: lowercase ASCII letters and digits joined by single hyphens") {
  for (const char* good : {"a", "visita-de-campo", "2024", "a-1-b"}) {
    CAPTURE(good);
    CHECK(IsUrlSlug(good));
  }
  for (const char* bad : {"", "-a", "a-", "a--b", "A", "a b", "a_b", "visitá", "a/b", "a.b"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsUrlSlug(bad));
  }
}

}  // namespace
}  // namespace l10n
