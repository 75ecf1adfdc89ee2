// The project file: typed settings parsed once, and the messages of the
// settings that name nothing.
#include "project/config.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace l10n {
namespace {

std::string DumpVersions(const std::vector<XliffVersion>& versions) {
  std::string out;
  for (XliffVersion v : versions) out += std::string("[") + XliffVersionName(v) + "]";
  return out;
}

constexpr char kProject[] = "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n";

TEST_CASE("XLIFF versions and the date style are parsed once, into their types") {
  struct Case {
    std::vector<std::string> words;
    const char* versions;
    std::vector<std::string> unknown;
  };
  const Case cases[] = {
      {{}, "", {}},
      {{"1.2"}, "[1.2]", {}},
      {{"2.0", "1.2"}, "[2.0][1.2]", {}},
      // 2.1 is a version XLIFF files read may say, not one to write.
      {{"2.1"}, "", {"2.1"}},
      {{"1.2", "3.0", "2.0", ""}, "[1.2][2.0]", {"3.0", ""}},
  };
  for (const Case& c : cases) {
    Config config;
    config.unknown_xliff_versions = {"stale"};
    SetXliffVersions(c.words, &config);
    CHECK(DumpVersions(config.xliff_versions) == c.versions);
    CHECK(config.unknown_xliff_versions == c.unknown);
  }

  struct StyleCase {
    const char* word;
    DateStyle style;
    bool known;
  };
  const StyleCase styles[] = {
      {"short", DateStyle::kShort, true}, {"medium", DateStyle::kMedium, true},
      {"long", DateStyle::kLong, true},   {"full", DateStyle::kFull, true},
      {"Long", DateStyle::kLong, false},  {"", DateStyle::kLong, false},
  };
  for (const StyleCase& c : styles) {
    CAPTURE(c.word);
    Config config;
    SetDateStyle("bogus", &config);
    SetDateStyle(c.word, &config);
    CHECK(config.unknown_date_style.has_value() == !c.known);
    if (c.known) CHECK(config.date_style == c.style);
    if (!c.known) CHECK(*config.unknown_date_style == c.word);
  }
}

TEST_CASE("settings that name nothing: whole messages, in order") {
  struct Case {
    const char* project;  // lines added to [project]
    const char* rest;     // tables after it
    const char* want;
  };
  const Case cases[] = {
      {"", "", ""},
      {"xliff = [\"1.2\", \"2.0\"]\n", "", ""},
      {"xliff = [\"2.0\"]\n", "[merge]\ndate_style = \"full\"\n", ""},
      {"xliff = [\"1.2\", \"3.0\", \"2.1\"]\nxliff_path = \"x/{lang}.xlf\"\n", "",
       "l10n.toml: error: unknown XLIFF version '3.0' (1.2 or 2.0)\n"
       "l10n.toml: error: unknown XLIFF version '2.1' (1.2 or 2.0)\n"
       "l10n.toml: error: the XLIFF path needs '{lang}', and '{version}' when several versions "
       "are written\n"},
      // One version written, the unknown one not counted twice.
      {"xliff = [\"3.0\"]\nxliff_path = \"x/{lang}.xlf\"\n", "",
       "l10n.toml: error: unknown XLIFF version '3.0' (1.2 or 2.0)\n"},
      {"xliff_path = \"x/{lang}.xlf\"\n", "", ""},
      {"xliff = [\"2.0\"]\nxliff_path = \"x/es.xlf\"\n", "",
       "l10n.toml: error: the XLIFF path needs '{lang}', and '{version}' when several versions "
       "are written\n"},
      {"",
       "[site]\nbase_url = \"https://example.org\"\nurl = { en = \"/{slug}/\", es = "
       "\"/es/{slug}/\" }\n"
       "category_url = { es = \"/es/categoria/{slug}/\" }\n"
       "pages = { \"/about/\" = { es = \"/es/acerca/\" }, \"/es/codigo/\" = { en = \"/code/\" } "
       "}\n",
       ""},
      {"", "[site]\nbase_url = \"www.example.org\"\nurl = { en = \"/{slug}/\", es = \"es/\" }\n",
       "l10n.toml: error: site.base_url must be an http or https URL "
       "(\"https://www.example.org\")\n"
       "l10n.toml: error: site.url.es must be a path from the site's root with '{slug}'\n"},
      {"", "[site]\nbase_url = \"https://example.org\"\nurl = { en = \"/{slug}/\" }\n",
       "l10n.toml: error: site.url needs the URL of a post in 'es' (\"/es/{slug}/\")\n"},
      {"", "[merge]\ndate_style = \"Long\"\nkeep = 200\n",
       "l10n.toml: error: keep must be a percentage from 0 to 100\n"
       "l10n.toml: error: unknown date style 'Long' (long, medium, short or full)\n"},
  };
  for (const Case& c : cases) {
    std::string text = std::string(kProject) + c.project + c.rest;
    CAPTURE(text);
    Config config;
    DiagnosticSink sink;
    REQUIRE(ParseConfig(text, "l10n.toml", &config, &sink));
    CHECK(ValidateConfig(config, "l10n.toml", &sink) == (*c.want == '\0'));
    CHECK(RenderDiagnostics(sink) == std::string(c.want));
  }
}

TEST_CASE("settings of the wrong type are errors where they are") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"[project]\nxliff = \"2.0\"\n",
       "l10n.toml:2:9: error: 'project.xliff' must be an array of strings\n"},
      {"[project]\nxliff = [\"2.0\", 3]\n",
       "l10n.toml:2:17: error: 'project.xliff' must be a string\n"},
      {"[merge]\ndate_style = 5\n", "l10n.toml:2:14: error: 'merge.date_style' must be a string\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Config config;
    DiagnosticSink sink;
    CHECK_FALSE(ParseConfig(c.text, "l10n.toml", &config, &sink));
    CHECK(RenderDiagnostics(sink) == std::string(c.want));
  }
  // The strings of a list with a wrong item are kept.
  {
    Config site_config;
    DiagnosticSink site_sink;
    REQUIRE(ParseConfig(
        std::string(kProject) +
            "[site]\nbase_url = \"https://example.org/\"\n"
            "pages = { \"/about/\" = { es = \"/es/acerca/\" }, \"/es/codigo/\" = { en = "
            "\"/code/\" } }\n",
        "l10n.toml", &site_config, &site_sink));
    SiteSettings site = SiteSettingsOf(site_config);
    REQUIRE(site.pages.size() == 2);
    CHECK(site.pages[0] ==
          std::map<std::string, std::string>{{"en", "/about/"}, {"es", "/es/acerca/"}});
    CHECK(site.pages[1] ==
          std::map<std::string, std::string>{{"en", "/code/"}, {"es", "/es/codigo/"}});
  }
  Config config;
  DiagnosticSink sink;
  ParseConfig("[project]\nxliff = [\"2.0\", 3]\n", "l10n.toml", &config, &sink);
  CHECK(DumpVersions(config.xliff_versions) == "[2.0]");
}

}  // namespace
}  // namespace l10n
