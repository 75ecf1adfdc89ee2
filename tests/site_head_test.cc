// The site's <head> metadata, switchers and Hugo front matter
// (render/site_head.h): whole pages, as merge writes them with the edits.
#include "render/site_head.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/icu_util.h"
#include "post/html_segmenter.h"
#include "post/markdown_format.h"
#include "render/merge.h"
#include "test_util.h"

namespace l10n {
namespace {

// en and es published, fr below keep (not published).
SiteMap TestSite(const std::string& x_default = "",
                 std::map<std::string, std::string> og_locale = {}) {
  SiteSettings s;
  s.base_url = "https://www.example.org";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}, {"fr", "/fr/{slug}/"}};
  s.x_default = x_default;
  s.og_locale = std::move(og_locale);
  SiteMap site(s);
  site.AddPost("visit.html", "en", "field-visit", true);
  site.AddPost("visit.html", "es", "visita-de-campo", true);
  site.AddPost("visit.html", "fr", "visite", false);
  return site;
}

SitePage PageOf(const SiteMap& site, const std::string& lang) {
  SitePage page;
  page.site = &site;
  page.post = "visit.html";
  page.lang = lang;
  page.source_lang = "en";
  page.path = site.PostPath("visit.html", lang);
  return page;
}

// The page `html` (an English post) merged into page.lang, every unit
// kept, with the site's edits.
std::string Publish(const std::string& html, const SitePage& page,
                    const std::string& path = "post.html") {
  DiagnosticSink sink;
  Segmentation seg = path.ends_with(".md")
                         ? MarkdownPostFormat().Segment(html, path, SegmentOptions(), &sink)
                         : SegmentHtml(html, path, &sink);
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = page.lang;
  options.edits = SiteHeadEdits(html, seg, page);
  return MergePost(html, path, seg, options, &sink).html;
}

const char kTail[] = "<body><p>Hello</p></body>\n</html>\n";

TEST_CASE("SiteHeadEdits: a head with none, some or all of the tags") {
  SiteMap site = TestSite();
  struct Case {
    const char* name;
    std::string lang;
    std::string head;      // between <head> and </head>
    std::string expected;  // the same, on the published page
  };
  const Case cases[] = {
      {"none, Spanish page", "es", "  <meta charset=\"utf-8\">\n  <title>Visit</title>\n",
       "  <meta charset=\"utf-8\">\n  <title>Visit</title>\n"
       "  <link rel=\"canonical\" href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "  <link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/field-visit/\">\n"
       "  <link rel=\"alternate\" hreflang=\"es\" "
       "href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "  <link rel=\"alternate\" hreflang=\"x-default\" "
       "href=\"https://www.example.org/field-visit/\">\n"
       "  <meta property=\"og:locale\" content=\"es_ES\">\n"
       "  <meta property=\"og:locale:alternate\" content=\"en_US\">\n"},
      {"none, English page, no indentation", "en", "<title>Visit</title>\n",
       "<title>Visit</title>\n"
       "<link rel=\"canonical\" href=\"https://www.example.org/field-visit/\">\n"
       "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/field-visit/\">\n"
       "<link rel=\"alternate\" hreflang=\"es\" "
       "href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "<link rel=\"alternate\" hreflang=\"x-default\" "
       "href=\"https://www.example.org/field-visit/\">\n"
       "<meta property=\"og:locale\" content=\"en_US\">\n"
       "<meta property=\"og:locale:alternate\" content=\"es_ES\">\n"},
      {"some: stale alternates updated, one to an unpublished page and a duplicate removed, "
       "og:url added beside og:title",
       "es",
       "  <title>Visit</title>\n"
       "  <link rel=\"alternate\" hreflang=\"EN\" href=\"/field-visit/\">\n"
       "  <link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/visite/\">\n"
       "  <link rel=\"alternate\" hreflang=\"en\" href=\"/field-visit/\">\n"
       "  <meta property=\"og:title\" content=\"Visit\">\n",
       "  <title>Visit</title>\n"
       "  <link rel=\"alternate\" hreflang=\"EN\" href=\"https://www.example.org/field-visit/\">\n"
       "  <link rel=\"alternate\" hreflang=\"es\" "
       "href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "  <link rel=\"alternate\" hreflang=\"x-default\" "
       "href=\"https://www.example.org/field-visit/\">\n"
       "  <meta property=\"og:title\" content=\"Visit\">\n"
       "  <link rel=\"canonical\" href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "  <meta property=\"og:locale\" content=\"es_ES\">\n"
       "  <meta property=\"og:locale:alternate\" content=\"en_US\">\n"
       "  <meta property=\"og:url\" content=\"https://www.example.org/es/visita-de-campo/\">\n"},
      {"all, copied from the English page: values rewritten in place, quotes kept", "es",
       "<link rel=canonical href='https://www.example.org/field-visit/'>\n"
       "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/field-visit/\">\n"
       "<link rel=\"alternate\" hreflang=\"es\" "
       "href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "<link rel=\"alternate\" hreflang=\"x-default\" "
       "href=\"https://www.example.org/field-visit/\">\n"
       "<meta property=\"og:locale\" content=en_US>\n"
       "<meta property=\"og:locale:alternate\" content=\"es_ES\">\n"
       "<meta property=\"og:locale:alternate\" content=\"fr_FR\">\n"
       "<meta property=\"og:url\" content>\n",
       "<link rel=canonical href='https://www.example.org/es/visita-de-campo/'>\n"
       "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/field-visit/\">\n"
       "<link rel=\"alternate\" hreflang=\"es\" "
       "href=\"https://www.example.org/es/visita-de-campo/\">\n"
       "<link rel=\"alternate\" hreflang=\"x-default\" "
       "href=\"https://www.example.org/field-visit/\">\n"
       "<meta property=\"og:locale\" content=\"es_ES\">\n"
       "<meta property=\"og:locale:alternate\" content=\"en_US\">\n"
       "<meta property=\"og:url\" content=\"https://www.example.org/es/visita-de-campo/\">\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + c.head + "</head>\n" + kTail;
    std::string expected = "<!DOCTYPE html>\n<html lang=\"" + c.lang + "\">\n<head>\n" +
                           c.expected + "</head>\n" + kTail;
    CHECK(Publish(html, PageOf(site, c.lang)) == expected);
    // Merged again, the page is as it was: nothing added twice.
    CHECK(Publish(expected, PageOf(site, c.lang)) == expected);
  }
}

TEST_CASE("SiteHeadEdits: a page already complete gets no edit") {
  SiteMap site = TestSite();
  std::string html = "<html lang=\"en\"><head><title>Visit</title></head>\n" + std::string(kTail);
  std::string once = Publish(html, PageOf(site, "en"));
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(once, "post.html", &sink);
  CHECK(SiteHeadEdits(once, seg, PageOf(site, "en")).empty());
}

TEST_CASE("SiteHeadEdits: implied head, one-line head, CRLF, a fragment") {
  SiteMap site = TestSite("es", {{"en", "en_GB"}});
  SitePage page = PageOf(site, "en");
  const std::string tags =
      "<link rel=\"canonical\" href=\"https://www.example.org/field-visit/\">|"
      "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/field-visit/\">|"
      "<link rel=\"alternate\" hreflang=\"es\" "
      "href=\"https://www.example.org/es/visita-de-campo/\">|"
      "<link rel=\"alternate\" hreflang=\"x-default\" "
      "href=\"https://www.example.org/es/visita-de-campo/\">|"
      "<meta property=\"og:locale\" content=\"en_GB\">|"
      "<meta property=\"og:locale:alternate\" content=\"es_ES\">|";
  auto lines = [&](const std::string& before, const std::string& after) {
    std::string out;
    for (size_t pos = 0; pos < tags.size();) {
      size_t bar = tags.find('|', pos);
      out += before + tags.substr(pos, bar - pos) + after;
      pos = bar + 1;
    }
    return out;
  };
  struct Case {
    const char* name;
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"no </head>", "<!DOCTYPE html>\n<html>\n<head>\n<title>Visit</title>\n<p>Hello</p>\n",
       "<!DOCTYPE html>\n<html>\n<head>\n<title>Visit</title>\n" + lines("", "\n") +
           "<p>Hello</p>\n"},
      {"no <head> either", "<!DOCTYPE html><title>Visit</title><p>Hello</p>",
       "<!DOCTYPE html><title>Visit</title>" + lines("\n", "") + "<p>Hello</p>"},
      {"one line", "<html><head><title>Visit</title></head><body><p>Hello</p></body></html>",
       "<html><head><title>Visit</title>" + lines("\n", "") +
           "</head><body><p>Hello</p></body></html>"},
      {"CRLF, tabs", "<html>\r\n<head>\r\n\t<title>Visit</title>\r\n</head>\r\n<p>Hello</p>\r\n",
       "<html>\r\n<head>\r\n\t<title>Visit</title>\r\n" + lines("\t", "\r\n") +
           "</head>\r\n<p>Hello</p>\r\n"},
      {"a fragment", "<p>Hello</p>\n", lines("\n", "").substr(1) + "\n<p>Hello</p>\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(Publish(c.html, page) == c.expected);
  }
}

TEST_CASE("SiteHeadEdits: hreflang only to published pages; x-default as configured") {
  struct Case {
    const char* name;
    std::string x_default;
    bool es_published;
    std::string expected;
  };
  const std::string self = "https://www.example.org/field-visit/";
  const Case cases[] = {
      {"es unpublished: no alternate to it, no og:locale:alternate", "", false,
       "<link rel=\"canonical\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"en\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + self +
           "\">\n<meta property=\"og:locale\" content=\"en_US\">\n"},
      {"x-default es, unpublished: the source's page", "es", false,
       "<link rel=\"canonical\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"en\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + self +
           "\">\n<meta property=\"og:locale\" content=\"en_US\">\n"},
      {"x-default es, published", "es", true,
       "<link rel=\"canonical\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"en\" href=\"" + self +
           "\">\n<link rel=\"alternate\" hreflang=\"es\" "
           "href=\"https://www.example.org/es/visita-de-campo/\">\n"
           "<link rel=\"alternate\" hreflang=\"x-default\" "
           "href=\"https://www.example.org/es/visita-de-campo/\">\n"
           "<meta property=\"og:locale\" content=\"en_US\">\n"
           "<meta property=\"og:locale:alternate\" content=\"es_ES\">\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    SiteSettings s;
    s.base_url = "https://www.example.org/";
    s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
    s.x_default = c.x_default;
    SiteMap site(s);
    site.AddPost("visit.html", "en", "field-visit", true);
    site.AddPost("visit.html", "es", "visita-de-campo", c.es_published);
    std::string html = "<head>\n<title>Visit</title>\n</head>\n<p>Hello</p>\n";
    CHECK(Publish(html, PageOf(site, "en")) ==
          "<head>\n<title>Visit</title>\n" + c.expected + "</head>\n<p>Hello</p>\n");
  }
}

TEST_CASE("OpenGraphLocale: the tag's region, else ICU's likely one") {
  const std::pair<const char*, const char*> cases[] = {
      {"es", "es_ES"},    {"en", "en_US"}, {"pt", "pt_BR"}, {"es-PE", "es_PE"},
      {"es_MX", "es_MX"}, {"zh", "zh_CN"}, {"", ""},        {"not a tag", ""},
  };
  for (auto [tag, expected] : cases) {
    CAPTURE(tag);
    CHECK(OpenGraphLocale(tag) == expected);
  }
  // Settings win over ICU.
  SiteMap site = TestSite("", {{"es", "es_LA"}});
  std::string out = Publish("<head></head><p>Hola</p>", PageOf(site, "es"));
  CHECK(out.find("<meta property=\"og:locale\" content=\"es_LA\">") != std::string::npos);
}

TEST_CASE("SiteHeadEdits: values from the settings are escaped for attributes") {
  SiteSettings s;
  s.base_url = "https://www.example.org";
  s.post_url = {{"en", "/{slug}/"}};
  s.og_locale = {{"en", "en_US\"><script>x</script>"}};
  SiteMap site(s);
  site.AddPost("visit.html", "en", "a&b", true);
  SitePage page = PageOf(site, "en");
  CHECK(Publish("<head></head>", page) ==
        "<head>\n<link rel=\"canonical\" href=\"https://www.example.org/a&amp;b/\">"
        "\n<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/a&amp;b/\">"
        "\n<link rel=\"alternate\" hreflang=\"x-default\" "
        "href=\"https://www.example.org/a&amp;b/\">"
        "\n<meta property=\"og:locale\" content=\"en_US&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
        "</head>");
}

TEST_CASE("SiteHeadEdits: the language switcher") {
  SiteMap site = TestSite();
  struct Case {
    const char* name;
    std::string lang;  // the page's
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"published, root-relative: rewritten in its form", "en",
       "<p><a data-l10n-alternate=\"es\" href=\"/field-visit/?ref=nav\">Español</a></p>",
       "<p><a data-l10n-alternate=\"es\" href=\"/es/visita-de-campo/?ref=nav\">Español</a></p>"},
      {"published, absolute, on the Spanish page", "es",
       "<p><a href='https://www.example.org/field-visit/#top' data-l10n-alternate=en>English</a>"
       "</p>",
       "<p><a href='https://www.example.org/field-visit/#top' data-l10n-alternate=en>English</a>"
       "</p>"},
      {"published, href elsewhere or absent: absolute", "en",
       "<a data-l10n-alternate=\"es\" href=\"#\">ES</a> <a data-l10n-alternate=\"es\">ES</a>",
       "<a data-l10n-alternate=\"es\" href=\"https://www.example.org/es/visita-de-campo/\">ES</a> "
       "<a href=\"https://www.example.org/es/visita-de-campo/\" "
       "data-l10n-alternate=\"es\">ES</a>"},
      {"unpublished: left as written, hidden", "en",
       "<li><a data-l10n-alternate=\"fr\" href=\"/fr/\">Français</a></li>"
       "<a hidden data-l10n-alternate=\"fr\" href=\"/fr/\">FR</a>",
       "<li><a hidden data-l10n-alternate=\"fr\" href=\"/fr/\">Français</a></li>"
       "<a hidden data-l10n-alternate=\"fr\" href=\"/fr/\">FR</a>"},
      {"a language the site does not have: hidden", "en",
       "<a data-l10n-alternate=\"de\" href=\"/de/\">DE</a>",
       "<a hidden data-l10n-alternate=\"de\" href=\"/de/\">DE</a>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(c.html, "post.html", &sink);
    seg.head.found = false;  // the switchers only
    MergeOptions options;
    options.source_lang = "en";
    options.target_lang = c.lang;
    options.edits = SiteHeadEdits(c.html, seg, PageOf(site, c.lang));
    CHECK(MergePost(c.html, "post.html", seg, options, &sink).html == c.expected);
  }
}

TEST_CASE("SiteHeadEdits: without [site] settings, no edit") {
  SiteMap site{SiteSettings()};
  SitePage page;
  page.site = &site;
  page.post = "visit.html";
  page.lang = "es";
  std::string html = "<head><title>x</title></head><a data-l10n-alternate=\"en\">EN</a>";
  DiagnosticSink sink;
  CHECK(SiteHeadEdits(html, SegmentHtml(html, "post.html", &sink), page).empty());
  page.site = nullptr;
  CHECK(SiteHeadEdits(html, SegmentHtml(html, "post.html", &sink), page).empty());
}

TEST_CASE(
    "SiteHeadEdits: Hugo front matter gets the page's slug and, where needed, "
    "translationKey") {
  SiteSettings s;
  s.base_url = "https://example.org";
  s.post_url = {{"en", "/blog/{slug}/"}, {"es", "/es/blog/{slug}/"}};
  SiteMap site(s);
  site.AddPost("content/blog/visit.md", "en", "visit", true);
  site.AddPost("content/blog/visit.md", "es", "visita", true);
  struct Case {
    const char* name;
    std::string lang;
    std::string file;  // the page's file
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"YAML, inserted", "es", "content/blog/visit.es.md", "---\ntitle: Visit\n---\nHello\n",
       "---\ntitle: Visit\nslug: \"visita\"\n---\nHello\n"},
      {"YAML, updated in its style", "es", "content/blog/visit.es.md",
       "---\ntitle: Visit\nslug: 'visit' # the URL\ndraft: false\n---\nHello\n",
       "---\ntitle: Visit\nslug: 'visita' # the URL\ndraft: false\n---\nHello\n"},
      {"TOML, inserted before the tables", "es", "content/blog/visit.es.md",
       "+++\ntitle = \"Visit\"\n[params]\nx = 1\n+++\nHello\n",
       "+++\nslug = \"visita\"\ntitle = \"Visit\"\n[params]\nx = 1\n+++\nHello\n"},
      {"TOML, updated", "es", "content/blog/visit.es.md", "+++\nslug = \"visit\"\n+++\nHello\n",
       "+++\nslug = \"visita\"\n+++\nHello\n"},
      {"CRLF", "es", "content/blog/visit.es.md", "---\r\ntitle: Visit\r\n---\r\nHello\r\n",
       "---\r\ntitle: Visit\r\nslug: \"visita\"\r\n---\r\nHello\r\n"},
      {"source language, no slug: as it is", "en", "", "---\ntitle: Visit\n---\nHello\n",
       "---\ntitle: Visit\n---\nHello\n"},
      {"another folder: translationKey too", "es", "content/es/blog/visita.md",
       "---\ntitle: Visit\n---\nHello\n",
       "---\ntitle: Visit\nslug: \"visita\"\ntranslationKey: \"blog/visit\"\n---\nHello\n"},
      {"translationKey already set", "es", "content/es/blog/visita.md",
       "+++\ntranslationKey = \"v\"\n+++\nHello\n",
       "+++\nslug = \"visita\"\ntranslationKey = \"v\"\n+++\nHello\n"},
      {"a slug that is no string: left alone, not doubled", "es", "content/blog/visit.es.md",
       "---\nslug:\n---\nHello\n", "---\nslug:\n---\nHello\n"},
      {"a YAML plain scalar in another case: updated", "es", "content/blog/visit.es.md",
       "---\nSlug: 12\n---\nHello\n", "---\nSlug: visita\n---\nHello\n"},
      {"TOML, not a string: left alone", "es", "content/blog/visit.es.md",
       "+++\nslug = 12\n+++\nHello\n", "+++\nslug = 12\n+++\nHello\n"},
      {"Slug in another case: updated", "es", "content/blog/visit.es.md",
       "+++\nSLUG = \"visit\"\n+++\nHello\n", "+++\nSLUG = \"visita\"\n+++\nHello\n"},
      {"no front matter: nothing", "es", "content/es/blog/visita.md", "Hello\n", "Hello\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    SitePage page;
    page.site = &site;
    page.post = "content/blog/visit.md";
    page.lang = c.lang;
    page.source_lang = "en";
    page.path = site.PostPath(page.post, c.lang);
    page.file = c.file;
    CHECK(Publish(c.text, page, "post.md") == c.expected);
  }
}

TEST_CASE(
    "SiteHeadEdits: a translated slug that is not lowercase letters, digits and hyphens "
    "is not written") {
  SiteSettings s;
  s.base_url = "https://example.org";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
  SiteMap site(s);
  site.AddPost("visit.md", "en", "visit", true);
  site.AddPost("visit.md", "es", "\"x\"\nlayout: evil", true);
  SitePage page;
  page.site = &site;
  page.post = "visit.md";
  page.lang = "es";
  page.source_lang = "en";
  page.path = site.PostPath(page.post, "es");
  CHECK(Publish("---\ntitle: Visit\n---\nHello\n", page, "post.md") ==
        "---\ntitle: Visit\n---\nHello\n");
}

TEST_CASE(
    "SiteHeadEdits: a corpus post on its own language's page changes only by the lines "
    "added before </head>, and once") {
  std::vector<std::string> posts;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(L10N_SOURCE_DIR) + "/corpus")) {
    if (e.path().extension() == ".html") posts.push_back(e.path().string());
  }
  std::sort(posts.begin(), posts.end());
  REQUIRE(posts.size() >= 8);
  for (const std::string& path : posts) {
    CAPTURE(path);
    std::string html = testing::Slurp(path);
    // The posts' language switchers change too (their own tests above):
    // here they are plain links.
    for (size_t at; (at = html.find(" data-l10n-alternate=")) != std::string::npos;) {
      html.erase(at, html.find('"', html.find('"', at) + 1) + 1 - at);
    }
    std::string lang = html.find("<html lang=\"es\">") != std::string::npos ? "es" : "en";
    SiteSettings s;
    s.base_url = "https://www.example.org";
    s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
    SiteMap site(s);
    site.AddPost(path, "en", "a", true);
    site.AddPost(path, "es", "b", true);
    SitePage page;
    page.site = &site;
    page.post = path;
    page.lang = lang;
    page.source_lang = lang;
    page.path = site.PostPath(path, lang);
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(html, path, &sink);
    MergeOptions options;
    options.source_lang = lang;
    options.target_lang = lang;
    options.edits = SiteHeadEdits(html, seg, page);
    std::string out = MergePost(html, path, seg, options, &sink).html;
    size_t at = html.find("</head>");
    REQUIRE(at != std::string::npos);
    std::string other = lang == "en" ? "es" : "en";
    std::string added =
        "<link rel=\"canonical\" href=\"https://www.example.org" + page.path + "\">\n" +
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org/a/\">\n" +
        "<link rel=\"alternate\" hreflang=\"es\" href=\"https://www.example.org/es/b/\">\n" +
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.example.org" +
        page.path + "\">\n" + "<meta property=\"og:locale\" content=\"" + lang +
        (lang == "en" ? "_US" : "_ES") + "\">\n" +
        "<meta property=\"og:locale:alternate\" content=\"" + other +
        (other == "en" ? "_US" : "_ES") + "\">\n";
    CHECK(out == html.substr(0, at) + added + html.substr(at));
    Segmentation again = SegmentHtml(out, path, &sink);
    CHECK(SiteHeadEdits(out, again, page).empty());
  }
}

// Every HTML and Markdown input the fuzz targets keep (their seeds and
// the regressions they found), merged with the site's edits twice: the
// edits stay inside the page, and the second time there are none.
TEST_CASE("SiteHeadEdits: the fuzz targets' inputs get edits inside the page, once") {
  SiteMap site = TestSite("es");
  std::vector<std::string> files;
  std::string root = std::string(L10N_SOURCE_DIR) + "/tests/fuzz/";
  for (const char* dir : {"corpus/segment", "corpus/merge", "corpus/markdown",
                          "regressions/segment", "regressions/merge", "regressions/markdown"}) {
    if (!std::filesystem::is_directory(root + dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(root + dir)) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  for (const std::string& file : files) {
    CAPTURE(file);
    std::string text = testing::Slurp(file);
    bool markdown = file.find("markdown") != std::string::npos;
    std::string path = markdown ? "post.md" : "post.html";
    for (const std::string lang : {"en", "es"}) {
      SitePage page = PageOf(site, lang);
      page.file = markdown ? "other/visit.es.md" : "";
      DiagnosticSink sink;
      auto segment = [&](const std::string& t) {
        return markdown ? MarkdownPostFormat().Segment(t, path, SegmentOptions(), &sink)
                        : SegmentHtml(t, path, &sink);
      };
      Segmentation seg = segment(text);
      std::vector<TextEdit> edits = SiteHeadEdits(text, seg, page);
      for (const TextEdit& e : edits) {
        CHECK(e.range.begin <= e.range.end);
        CHECK(e.range.end <= text.size());
      }
      MergeOptions options;
      options.source_lang = "en";
      options.target_lang = "en";
      options.edits = edits;
      std::string once = MergePost(text, path, seg, options, &sink).html;
      Segmentation again = segment(once);
      CHECK(SiteHeadEdits(once, again, page).empty());
    }
  }
}

}  // namespace
}  // namespace l10n
