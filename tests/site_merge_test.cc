// l10n-merge with [site] settings over a whole project: translated slugs
// name the pages and their URLs, links follow the published pages, the
// record of what was published (locales/urls.tsv); without [site] nothing
// of this happens.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

using testing::Run;
using testing::Slurp;
using testing::Spit;
using testing::TempDir;
using testing::Tool;

constexpr char kSite[] =
    "[site]\n"
    "base_url = \"https://www.example.org\"\n"
    "url = { en = \"/{slug}/\", es = \"/es/{slug}/\" }\n"
    "category_url = { en = \"/category/{slug}/\", es = \"/es/categoria/{slug}/\" }\n"
    "pages = { \"/about-us/\" = { es = \"/es/quienes-somos/\" } }\n";

constexpr char kVisit[] =
    "<html lang=\"en\"><head><title>Field visit</title></head><body>\n"
    "<p>See <a href=\"/lima/#photos\">Lima</a>, <a href=\"https://www.example.org/draft/\">the "
    "draft</a>, <a href=\"../about-us/\">us</a>, <a href=\"/category/events/\">events</a>.</p>\n"
    "<a href=\"https://other.org/lima/\">elsewhere</a>\n"
    "</body></html>\n";

// `page` with the <head> lines merge adds to the page in `lang` of a post
// published in both languages at `en` and `es` (docs/site_head.md).
std::string WithSiteHead(std::string page, const std::string& lang, const std::string& en,
                         const std::string& es) {
  const std::string base = "https://www.example.org";
  bool spanish = lang == "es";
  std::string lines = "\n<link rel=\"canonical\" href=\"" + base + (spanish ? es : en) +
                      "\">\n"
                      "<link rel=\"alternate\" hreflang=\"en\" href=\"" +
                      base + en +
                      "\">\n"
                      "<link rel=\"alternate\" hreflang=\"es\" href=\"" +
                      base + es +
                      "\">\n"
                      "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
                      base + en + "\">\n" + "<meta property=\"og:locale\" content=\"" +
                      (spanish ? "es_ES" : "en_US") +
                      "\">\n"
                      "<meta property=\"og:locale:alternate\" content=\"" +
                      (spanish ? "en_US" : "es_ES") + "\">";
  page.insert(page.find("</head>"), lines);
  return page;
}

// A project of three posts: visit (its slug translated), lima (its slug's
// translation no slug), draft (not translated: below keep).
void Project(const TempDir& dir, bool site) {
  Spit(dir / "l10n.toml",
       std::string("[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n"
                   "output = \"public/{lang}/{slug}.html\"\n[merge]\nkeep = 80\n") +
           (site ? kSite : ""));
  Spit(dir / "posts/visit.html", kVisit);
  Spit(dir / "posts/lima.html",
       "<html lang=\"en\"><head><title>Lima</title></head><body>\n"
       "<p><a href=\"/visit/\">Back</a></p></body></html>\n");
  Spit(dir / "posts/draft.html",
       "<html lang=\"en\"><head><title>A draft</title></head><body>\n"
       "<p>Not yet translated</p></body></html>\n");
  Spit(dir / "locales/taxonomy.toml",
       "[categories.events]\nen = \"Events\"\nes = \"Eventos\"\nslug = { es = \"eventos\" }\n");
}

// Fills the translation of `msgid` (in `context`) in the catalog at `path`.
void Translate(const std::string& path, const std::string& context, const std::string& msgid,
               const std::string& msgstr) {
  std::string po = Slurp(path);
  std::string entry = (context.empty() ? "" : "msgctxt \"" + context + "\"\n") + "msgid \"" +
                      msgid + "\"\nmsgstr \"\"\n";
  size_t at = po.find(entry);
  REQUIRE_MESSAGE(at != std::string::npos, entry);
  po.replace(at, entry.size(),
             entry.substr(0, entry.size() - 2) + msgstr + "\"\n");  // msgstr "" -> "msgstr"
  Spit(path, po);
}

void TranslateAll(const TempDir& dir) {
  std::string es = dir / "locales/es.po";
  Translate(es, "", "Field visit", "Visita de campo");
  Translate(es, "", "See <a1>Lima</a1>, <a2>the draft</a2>, <a3>us</a3>, <a4>events</a4>.",
            "Vea <a1>Lima</a1>, <a2>el borrador</a2>, <a3>nosotros</a3>, <a4>eventos</a4>.");
  Translate(es, "", "elsewhere", "en otro sitio");
  Translate(es, "", "Lima", "Lima");
  Translate(es, "", "Back", "Volver");
  Translate(es, "slug", "visit", "visita-de-campo");
  Translate(es, "slug", "lima", "Lima Perú");
}

TEST_CASE("[site]: translated slugs, links to published pages, the record of the URLs") {
  TempDir dir;
  Project(dir, true);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string po = Slurp(dir / "locales/es.po");
  CHECK(po.find("#. the URL of this post in es: lowercase ASCII letters, digits and hyphens "
                "(/es/{slug}/)\n#: posts/visit.html:1\nmsgctxt \"slug\"\nmsgid \"visit\"\n") !=
        std::string::npos);
  TranslateAll(dir);
  testing::CommandResult r = Run(Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == 0);
  CAPTURE(r.err);
  // The slug that is none: a warning where it is, the source slug used.
  CHECK(r.err.find("locales/es.po:") != std::string::npos);
  CHECK(r.err.find(": warning: the slug 'Lima Perú' of posts/lima.html in 'es' is not lowercase "
                   "ASCII letters, digits and hyphens: its page is published as 'lima'\n") !=
        std::string::npos);
  CHECK(
      r.err.find("only 0% translated into 'es' (keep is 80%): public/es/draft.html not written") !=
      std::string::npos);

  // The page under its translated slug; every link to a published page of
  // the site in Spanish, in the form it had; the draft's stays English.
  CHECK_FALSE(std::filesystem::exists(dir / "public/es/visit.html"));
  CHECK(Slurp(dir / "public/es/visita-de-campo.html") ==
        WithSiteHead("<html lang=\"es\"><head><title>Visita de campo</title></head><body>\n"
                     "<p>Vea <a href=\"/es/lima/#photos\">Lima</a>, <a "
                     "href=\"https://www.example.org/draft/\">el borrador</a>, <a "
                     "href=\"../quienes-somos/\">nosotros</a>, <a "
                     "href=\"/es/categoria/eventos/\">eventos</a>."
                     "</p>\n"
                     "<a href=\"https://other.org/lima/\">en otro sitio</a>\n"
                     "</body></html>\n",
                     "es", "/visit/", "/es/visita-de-campo/"));
  CHECK(Slurp(dir / "public/es/lima.html") ==
        WithSiteHead("<html lang=\"es\"><head><title>Lima</title></head><body>\n"
                     "<p><a href=\"/es/visita-de-campo/\">Volver</a></p></body></html>\n",
                     "es", "/lima/", "/es/lima/"));
  CHECK_FALSE(std::filesystem::exists(dir / "public/es/draft.html"));
  // The source language's pages: not a byte changed outside <head>.
  CHECK(Slurp(dir / "public/en/visit.html") ==
        WithSiteHead(kVisit, "en", "/visit/", "/es/visita-de-campo/"));
  CHECK(Slurp(dir / "locales/urls.tsv") ==
        "posts/draft.html\ten\t/draft/\n"
        "posts/lima.html\ten\t/lima/\n"
        "posts/lima.html\tes\t/es/lima/\n"
        "posts/visit.html\ten\t/visit/\n"
        "posts/visit.html\tes\t/es/visita-de-campo/\n");

  // Once the draft's Spanish page exists, it is published: links to it
  // follow, and the record lists it.
  Spit(dir / "public/es/draft.html", "<html lang=\"es\"></html>\n");
  REQUIRE(Run(Tool("l10n-merge") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "public/es/visita-de-campo.html")
            .find("href=\"https://www.example.org/es/draft/\"") != std::string::npos);
  CHECK(Slurp(dir / "locales/urls.tsv").find("posts/draft.html\tes\t/es/draft/\n") !=
        std::string::npos);
}

TEST_CASE("[site] urls: the record where the project says") {
  TempDir dir;
  Project(dir, true);
  Spit(dir / "l10n.toml", Slurp(dir / "l10n.toml") + "urls = \"site/published.tsv\"\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "site/published.tsv").find("posts/visit.html\tes\t/es/visit/\n") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "locales/urls.tsv"));
}

TEST_CASE("without [site]: no slug entries, no link changed, no record") {
  TempDir dir;
  Project(dir, false);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "locales/es.po").find("msgctxt \"slug\"") == std::string::npos);
  std::string es = dir / "locales/es.po";
  Translate(es, "", "Field visit", "Visita de campo");
  Translate(es, "", "See <a1>Lima</a1>, <a2>the draft</a2>, <a3>us</a3>, <a4>events</a4>.",
            "Vea <a1>Lima</a1>, <a2>el borrador</a2>, <a3>nosotros</a3>, <a4>eventos</a4>.");
  Translate(es, "", "elsewhere", "en otro sitio");
  REQUIRE(Run(Tool("l10n-merge") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "public/es/visit.html") ==
        "<html lang=\"es\"><head><title>Visita de campo</title></head><body>\n"
        "<p>Vea <a href=\"/lima/#photos\">Lima</a>, <a "
        "href=\"https://www.example.org/draft/\">el borrador</a>, <a "
        "href=\"../about-us/\">nosotros</a>, <a href=\"/category/events/\">eventos</a>.</p>\n"
        "<a href=\"https://other.org/lima/\">en otro sitio</a>\n"
        "</body></html>\n");
  CHECK(Slurp(dir / "public/en/visit.html") == kVisit);
  CHECK_FALSE(std::filesystem::exists(dir / "locales/urls.tsv"));
}

TEST_CASE("[site] on Markdown posts: destinations rewritten, the source page unchanged") {
  TempDir dir;
  Spit(dir / "l10n.toml",
       std::string("[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"content/*.md\"]\n"
                   "markdown_output = \"out/{lang}/{slug}.md\"\n") +
           kSite);
  const std::string visit =
      "---\ntitle: Visit\n---\n\nSee [Lima](/lima/ \"Lima\") and [us][about].\n\n"
      "[about]: <../about-us/>\n";
  Spit(dir / "content/visit.md", visit);
  Spit(dir / "content/lima.md", "---\ntitle: Lima\n---\n\nBack to [the visit](../visit/).\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string es = dir / "locales/es.po";
  Translate(es, "slug", "lima", "lima-peru");
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  // The pages are not where Hugo pairs them by name (out/ is no content
  // folder): each gets the post's translationKey, a translation its slug.
  CHECK(Slurp(dir / "out/es/visit.md") ==
        "---\ntitle: Visit\nslug: \"visit\"\ntranslationKey: \"visit\"\n---\n\n"
        "See [Lima](/es/lima-peru/ \"Lima\") and [us][about].\n\n"
        "[about]: <../quienes-somos/>\n");
  CHECK(Slurp(dir / "out/es/lima-peru.md") ==
        "---\ntitle: Lima\nslug: \"lima-peru\"\ntranslationKey: \"lima\"\n---\n\n"
        "Back to [the visit](../visit/).\n");
  // The source page: its front matter's translationKey only.
  CHECK(Slurp(dir / "out/en/visit.md") ==
        "---\ntitle: Visit\ntranslationKey: \"visit\"\n---\n\n"
        "See [Lima](/lima/ \"Lima\") and [us][about].\n\n[about]: <../about-us/>\n");
}

TEST_CASE("[site]: two pages under one translated slug are an error, nothing written") {
  TempDir dir;
  Project(dir, true);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  Translate(dir / "locales/es.po", "slug", "visit", "lima");
  auto before = testing::Snapshot(dir.path());
  testing::CommandResult r = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "posts/visit.html: error: its page in 'es' would be written at 'public/es/lima.html', the "
        "page of posts/lima.html: give one of them another slug\n");
  CHECK(testing::Snapshot(dir.path()) == before);
}

}  // namespace
}  // namespace l10n
