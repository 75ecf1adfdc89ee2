// l10n-check's site checks (project/site_check.h): the `links` check over
// pages and a site map built here, as PlanMerge would give them; the
// `slug` check over catalogs; the reader of a page's links.
#include "project/site_check.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "project/site_check_links.h"
#include "test_util.h"

namespace l10n {
namespace {

SiteSettings Settings() {
  SiteSettings s;
  s.base_url = "https://www.example.org";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
  s.category_url = {{"en", "/category/{slug}/"}, {"es", "/es/categoria/{slug}/"}};
  s.pages = {{{"en", "/about-us/"}, {"es", "/es/quienes-somos/"}}};
  return s;
}

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + head + "</head>\n<body>\n" + body +
         "</body>\n</html>\n";
}

std::string Alternates(const std::string& en, const std::string& es) {
  std::string out;
  if (!en.empty()) {
    out += "<link rel=\"alternate\" hreflang=\"en\" href=\"https://www.example.org" + en + "\">\n";
  }
  if (!es.empty()) {
    out += "<link rel=\"alternate\" hreflang=\"es\" href=\"https://www.example.org" + es + "\">\n";
  }
  return out;
}

std::string Render(const CheckReport& report) {
  std::string out;
  for (const Diagnostic& d : report.findings) out += d.Render() + "\n";
  return out;
}

// Two English posts, a.html ("visit", Spanish slug "visita") and b.html
// ("draft", not published in Spanish); each test gives the pages' bodies.
struct Site {
  std::vector<Post> posts;
  MergePlan plan;

  Site(const std::string& a_en, const std::string& a_es, const std::string& b_en,
       bool b_published_es = false) {
    posts.resize(2);
    posts[0].path = "posts/a.html";
    posts[0].slug = "visit";
    posts[0].lang = "en";
    posts[0].html = a_en;
    posts[1].path = "posts/b.html";
    posts[1].slug = "draft";
    posts[1].lang = "en";
    posts[1].html = b_en;
    plan.site = std::make_unique<SiteMap>(Settings());
    plan.site->AddPost("posts/a.html", "en", "visit", true);
    plan.site->AddPost("posts/a.html", "es", "visita", true);
    plan.site->AddPost("posts/b.html", "en", "draft", true);
    plan.site->AddPost("posts/b.html", "es", "draft", b_published_es);
    plan.site->AddCategory("events", "en", "events");
    plan.site->AddCategory("events", "es", "eventos");
    plan.pages.push_back({"public/en/visit.html", a_en, "en", &posts[0]});
    plan.pages.push_back({"public/es/visita.html", a_es, "es", &posts[0]});
    plan.pages.push_back({"public/en/draft.html", b_en, "en", &posts[1]});
  }

  std::string Check(const CheckPolicy& policy = CheckPolicy()) const {
    CheckReport report;
    CheckSiteLinks(posts, plan, ReadPageLinks, policy, &report);
    return Render(report);
  }
};

TEST_CASE("links: each link of a page names a page published in its language") {
  struct Case {
    const char* name;
    std::string en_link;  // on a.html, on line 8
    std::string es_link;  // the same link on its Spanish page
    std::string expected;
  };
  const Case cases[] = {
      {"rewritten, root-relative", "/draft/", "/es/quienes-somos/", ""},
      {"rewritten, absolute, fragment", "https://www.example.org/about-us/#team",
       "https://WWW.example.org/es/quienes-somos/#team", ""},
      {"relative, to a category", "../category/events/", "../categoria/eventos/", ""},
      {"another site, mailto, a fragment", "https://example.com/es/x/", "mailto:a@example.org", ""},
      {"a path the site does not know stays unchecked", "/wp-content/a.jpg", "/es/otra/", ""},
      {"left in English while a Spanish page exists", "/about-us/", "/about-us/",
       "posts/a.html:8:13: note: on its 'es' page, the link '/about-us/' leads into 'en'; its "
       "page in 'es' is '/es/quienes-somos/' [links]\n"},
      {"left in English, no Spanish page", "/draft/", "/draft/?x=1",
       "posts/a.html:8:13: note: on its 'es' page, the link '/draft/?x=1' leads into 'en' "
       "[links]\n"},
      {"to a translation that is not published", "/draft/", "/es/draft/",
       "posts/a.html:8:13: error: on its 'es' page, the link '/es/draft/' names a page that is "
       "not published in 'es' [links]\n"},
      {"to the other language's page from the English one", "/es/visita/", "/es/visita/",
       "posts/a.html:8:13: note: on its 'en' page, the link '/es/visita/' leads into 'es'; its "
       "page in 'en' is '/visit/' [links]\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string en_head = Alternates("/visit/", "/es/visita/");
    std::string a_en = Page(en_head, "<p><a href=\"" + c.en_link + "\">x</a></p>\n");
    std::string a_es = Page(en_head, "<p><a href=\"" + c.es_link + "\">x</a></p>\n");
    Site site(a_en, a_es, Page(Alternates("/draft/", ""), ""));
    CHECK(site.Check() == c.expected);
  }
}

TEST_CASE(
    "links: the switcher may name the other language; a link after a rewritten one is "
    "located by its order in the post") {
  std::string head = Alternates("/visit/", "/es/visita/");
  std::string a_en = Page(head,
                          "<p><a data-l10n-alternate=\"es\" href=\"/es/visita/\">ES</a>\n"
                          "<a href=\"/draft/\">d</a></p>\n");
  // The Spanish page's links are at other offsets (a longer switcher URL).
  std::string a_es = Page(head,
                          "<p><a data-l10n-alternate=\"en\" href=\"https://www.example.org/visit/"
                          "\">EN</a>\n<a href=\"/es/draft/\">d</a></p>\n");
  Site site(a_en, a_es, Page(Alternates("/draft/", ""), ""));
  CHECK(site.Check() ==
        "posts/a.html:9:10: error: on its 'es' page, the link '/es/draft/' names a page that is "
        "not published in 'es' [links]\n");
  // A switcher merge hid (its page is not published) is not followed.
  Site hidden(
      Page(head, "<p><a data-l10n-alternate=\"es\" href=\"/es/draft/\">ES</a></p>\n"),
      Page(head, "<p><a data-l10n-alternate=\"es\" hidden href=\"/es/draft/\">ES</a></p>\n"),
      Page("", ""));
  CHECK(hidden.Check() ==
        "posts/a.html:8:38: error: on its 'en' page, the link '/es/draft/' names a page that is "
        "not published in 'es' [links]\n");
}

TEST_CASE("links: every hreflang set is reciprocal and names published pages") {
  struct Case {
    const char* name;
    std::string en_head, es_head, b_head;
    std::string expected;
  };
  const Case cases[] = {
      {"reciprocal", Alternates("/visit/", "/es/visita/"), Alternates("/visit/", "/es/visita/"),
       Alternates("/draft/", ""), ""},
      {"none at all", "", "", "", ""},
      {"the Spanish page does not name the English one", Alternates("/visit/", "/es/visita/"),
       Alternates("", "/es/visita/"), Alternates("/draft/", ""),
       "posts/a.html: error: on its 'en' page, the hreflang 'es' alternate "
       "'https://www.example.org/es/visita/' is not reciprocal: that page names no 'en' "
       "alternate back [links]\n"},
      {"to a translation that is not published", Alternates("/visit/", "/es/visita/"),
       Alternates("/visit/", "/es/visita/"), Alternates("/draft/", "/es/draft/"),
       "posts/b.html: error: on its 'en' page, the hreflang 'es' alternate "
       "'https://www.example.org/es/draft/' names no page published in 'es' [links]\n"},
      {"hreflang that is not the target's language", Alternates("/visit/", "/visit/"),
       Alternates("/visit/", "/es/visita/"), "",
       "posts/a.html: error: on its 'en' page, the hreflang 'es' alternate "
       "'https://www.example.org/visit/' names no page published in 'es' [links]\n"
       "posts/a.html: error: on its 'es' page, the hreflang 'en' alternate "
       "'https://www.example.org/visit/' is not reciprocal: that page names no 'es' alternate "
       "back [links]\n"},
      {"hreflang with a region, any case; x-default in capitals",
       "<link rel=\"alternate\" hreflang=\"ES-pe\" href=\"/es/visita/\">\n"
       "<link rel=\"alternate\" hreflang=\"X-Default\" href=\"/visit/\">\n",
       "<link rel=\"alternate\" hreflang=\"en-US\" href=\"/visit/\">\n", "", ""},
      {"x-default to a page the site does not know",
       "<link rel=\"alternate\" hreflang=\"x-default\" href=\"/nowhere/\">\n", "", "",
       "posts/a.html: error: on its 'en' page, the x-default alternate '/nowhere/' names no "
       "published page [links]\n"},
      {"rel is a token list, any case; other <link>s are no alternates",
       "<link rel=\"ALTERNATE nofollow\" hreflang=\"es\" href=\"/es/visita/\">\n"
       "<link rel=\"alternate\" hreflang=\"en\" href=\"/visit/\">\n"
       "<link rel=\"canonical\" href=\"/visit/\">\n",
       "<link rel=\"stylesheet\" hreflang=\"en\" href=\"/visit/\">\n", "",
       "posts/a.html: error: on its 'en' page, the hreflang 'es' alternate '/es/visita/' is not "
       "reciprocal: that page names no 'en' alternate back [links]\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Site site(Page(c.en_head, ""), Page(c.es_head, ""), Page(c.b_head, ""));
    CHECK(site.Check() == c.expected);
  }
}

TEST_CASE("links: two posts at one URL in one language; the check's level is configurable") {
  Site site(Page("", ""), Page("", ""), Page("", ""));
  site.plan.site->AddPost("posts/b.html", "es", "visita", true);  // b's Spanish slug is a's
  CHECK(site.Check() ==
        "posts/b.html: error: its page in 'es' has the URL '/es/visita/' of the post "
        "posts/a.html [links]\n");
  CheckPolicy policy;
  REQUIRE(policy.Set(Check::kLinks, Severity::kWarning).ok());
  CHECK(site.Check(policy) ==
        "posts/b.html: warning: its page in 'es' has the URL '/es/visita/' of the post "
        "posts/a.html [links]\n");
  REQUIRE(policy.Set(Check::kLinks, std::nullopt).ok());
  CHECK(site.Check(policy).empty());
}

TEST_CASE("links: findings in the GitHub and JSON formats, the note as a notice") {
  std::string head = Alternates("/visit/", "/es/visita/");
  Site site(Page(head, "<p><a href=\"/draft/\">x</a></p>\n"),
            Page(head, "<p><a href=\"/es/draft/\">x</a> <a href=\"/draft/\">y</a></p>\n"),
            Page(Alternates("/draft/", ""), ""));
  // The pages have other links than their post: located at the post.
  CheckReport report;
  CheckSiteLinks(site.posts, site.plan, ReadPageLinks, CheckPolicy(), &report);
  std::string github = FormatGithub(report);
  CHECK(github.substr(0, github.find("0 warnings\n")) ==
        "::error file=posts/a.html,title=l10n-check [links]::on its 'es' page, the link "
        "'/es/draft/' names a page that is not published in 'es'\n"
        "::notice file=posts/a.html,title=l10n-check [links]::on its 'es' page, the link "
        "'/draft/' leads into 'en'\n"
        "1 error, ");
  std::string json = FormatJson(report);
  CHECK(json.find("    {\n      \"check\": \"links\",\n      \"column\": 0,\n      \"line\": 0,\n"
                  "      \"message\": \"on its 'es' page, the link '/draft/' leads into 'en'\",\n"
                  "      \"path\": \"posts/a.html\",\n      \"severity\": \"note\"\n    }") !=
        std::string::npos);
}

TEST_CASE("links: nothing without a site map ([site] settings)") {
  Site site(Page("", "<a href=\"/es/draft/\">x</a>\n"), Page("", ""), Page("", ""));
  site.plan.site.reset();
  CHECK(site.Check().empty());
}

TEST_CASE("ReadPageLinks: <a>, <area>, alternates and the switcher, decoded, in source order") {
  std::string html =
      "<html><head><link rel=alternate hreflang=es href='/es/a/?x=1&amp;y=2'>\n"
      "<link rel=\"canonical\" href=\"/a/\"></head><body>\n"
      "<a href=\"/b/\">b</a><map><area href=/c/></map><a name=top>no href</a>\n"
      "<a data-l10n-alternate=\"es\" href=\"/es/a/\">ES</a></body></html>\n";
  std::string got;
  for (const PageLink& link : ReadPageLinks(html, "posts/a.html")) {
    got += std::to_string(static_cast<int>(link.kind)) + " " + link.hreflang + " " + link.href +
           " @" + std::to_string(link.offset) + " " + html.substr(link.offset, 3) + "\n";
  }
  CHECK(got ==
        "1 es /es/a/?x=1&y=2 @50 /es\n"
        "0  /b/ @127 /b/\n"
        "0  /c/ @153 /c/\n"
        "2  /es/a/ @221 /es\n");
  // Markdown: the destinations of its inline links and definitions.
  const std::string md = "See [a](/b/ \"t\") and [c][d], not ![i](/i.png).\n\n[d]: </e f/>\n";
  got.clear();
  for (const PageLink& link : ReadPageLinks(md, "posts/a.md")) {
    got += std::to_string(static_cast<int>(link.kind)) + " " + link.href + " @" +
           std::to_string(link.offset) + "\n";
  }
  CHECK(got == "0 /b/ @8\n0 /e f/ @54\n");
  // A page nested deeper than any stack would hold is read all the same.
  std::string deep = "<html><body>" + std::string(200000, '\0') + "<a href=\"/x/\">x</a>";
  for (size_t i = 12; i < 200012; i += 5) deep.replace(i, 5, "<div>");
  std::vector<PageLink> deep_links = ReadPageLinks(deep, "posts/deep.html");
  REQUIRE(deep_links.size() == 1);
  CHECK(deep_links[0].href == "/x/");
}

// A catalog of es translations of en posts.
SlugCatalog EsCatalog(const std::string& text, Catalog* catalog) {
  *catalog = MustRead(text);
  return {"locales/es.po", text, "en", "es", catalog};
}

const char kPoHeader[] =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: "
    "es\\n\"\n\n";

std::string SlugEntry(const std::string& msgid, const std::string& msgstr) {
  return "msgctxt \"slug\"\nmsgid \"" + msgid + "\"\nmsgstr \"" + msgstr + "\"\n\n";
}

TEST_CASE("slug: a slug, unique in its language, not changed silently") {
  std::vector<Post> posts(3);
  posts[0].path = "posts/visit.html";
  posts[0].slug = "visit";
  posts[0].lang = "en";
  posts[1].path = "posts/code.html";
  posts[1].slug = "code";
  posts[1].lang = "en";
  posts[2].path = "posts/el-codigo.html";  // written in Spanish
  posts[2].slug = "el-codigo";
  posts[2].lang = "es";
  struct Case {
    const char* name;
    std::string visit, code;  // their translated slugs
    std::string record;       // locales/urls.tsv
    std::string expected;
  };
  const Case cases[] = {
      {"valid, distinct", "visita-de-campo", "codigo", "", ""},
      {"untranslated: the source slug", "", "", "", ""},
      {"not a slug", "Visita_de campo", "-codigo", "",
       "locales/es.po:8:9: error: 'Visita_de campo' is no slug: a slug is lowercase ASCII "
       "letters and digits, words joined by single hyphens [slug]\n"
       "locales/es.po:12:9: error: '-codigo' is no slug: a slug is lowercase ASCII letters and "
       "digits, words joined by single hyphens [slug]\n"},
      {"a double hyphen, non-ASCII", "visita--de",
       "c\xc3\xb3"
       "digo",
       "",
       "locales/es.po:8:9: error: 'visita--de' is no slug: a slug is lowercase ASCII letters "
       "and digits, words joined by single hyphens [slug]\n"
       "locales/es.po:12:9: error: 'c\xc3\xb3"
       "digo' is no slug: a slug is lowercase ASCII "
       "letters and digits, words joined by single hyphens [slug]\n"},
      {"two translations alike", "visita", "visita", "",
       "locales/es.po:8:9: error: the slug 'visita' in 'es' is the slug of the post "
       "posts/code.html too [slug]\n"
       "locales/es.po:12:9: error: the slug 'visita' in 'es' is the slug of the post "
       "posts/visit.html too [slug]\n"},
      {"the slug of a Spanish post", "el-codigo", "codigo", "",
       "locales/es.po:8:9: error: the slug 'el-codigo' in 'es' is the slug of the post "
       "posts/el-codigo.html too [slug]\n"},
      {"the published URL is kept", "visita", "",
       "posts/code.html\tes\t/es/code/\nposts/visit.html\ten\t/visit/\n"
       "posts/visit.html\tes\t/es/visita/\n",
       ""},
      {"a published slug changes", "visita-de-campo", "codigo",
       "posts/code.html\tes\t/es/code/\nposts/visit.html\ten\t/visit/\n"
       "posts/visit.html\tes\t/es/visita/\n",
       "locales/es.po:8:9: warning: the URL of this post in 'es' changes from '/es/visita/' to "
       "'/es/visita-de-campo/': links to the old one break [slug]\n"
       "locales/es.po:12:9: warning: the URL of this post in 'es' changes from '/es/code/' to "
       "'/es/codigo/': links to the old one break [slug]\n"},
      {"a source slug changes (the post was renamed)", "", "",
       "posts/visit.html\ten\t/field-visit/\nposts/visit.html\tes\t/es/visit/\n",
       "posts/visit.html: warning: the URL of this post in 'en' changes from '/field-visit/' to "
       "'/visit/': links to the old one break [slug]\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string po = std::string(kPoHeader) + SlugEntry("visit", c.visit) +
                     SlugEntry("code", c.code) + "msgid \"visit\"\nmsgstr \"Visita_x\"\n";
    Catalog catalog;
    std::vector<SlugCatalog> catalogs = {EsCatalog(po, &catalog)};
    CheckReport report;
    CheckSlugs(Settings(), posts, catalogs, ParseUrlRecord(c.record), CheckPolicy(), &report);
    CHECK(Render(report) == c.expected);
  }
}

TEST_CASE("slug: fuzzy and obsolete entries are not used; the check may be ignored") {
  std::vector<Post> posts(1);
  posts[0].path = "posts/visit.html";
  posts[0].slug = "visit";
  posts[0].lang = "en";
  std::string po = std::string(kPoHeader) + "#, fuzzy\n" + SlugEntry("visit", "Bad Slug") +
                   "#~ msgctxt \"slug\"\n#~ msgid \"code\"\n#~ msgstr \"Old Slug\"\n";
  Catalog catalog;
  std::vector<SlugCatalog> catalogs = {EsCatalog(po, &catalog)};
  CheckReport report;
  CheckSlugs(Settings(), posts, catalogs, {}, CheckPolicy(), &report);
  CHECK(Render(report).empty());
  po = std::string(kPoHeader) + SlugEntry("visit", "Bad Slug");
  catalogs = {EsCatalog(po, &catalog)};
  CheckPolicy policy;
  REQUIRE(policy.Set(Check::kSlug, std::nullopt).ok());
  CheckSlugs(Settings(), posts, catalogs, {}, policy, &report);
  CHECK(Render(report).empty());
}

TEST_CASE("IsValidSlug and ParseUrlRecord") {
  for (const char* good : {"a", "visita", "visita-de-campo-2024", "0"}) {
    CAPTURE(good);
    CHECK(IsValidSlug(good));
  }
  for (const char* bad : {"", "-a", "a-", "a--b", "A", "a_b", "a b", "a/b", "a.html"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsValidSlug(bad));
  }
  auto record = ParseUrlRecord("a.html\ten\t/a/\r\nno tabs\na.html\tes\t/es/a/\nx\ty\tz\tw\n");
  CHECK(record.size() == 1);
  CHECK(record["a.html"]["en"] == "/a/");
  CHECK(record["a.html"]["es"] == "/es/a/");
}

// tests/cli/basic with [site] settings, extracted, and a slug entry for
// hello.html in locales/es.po as l10n-extract adds it with [site].
void SiteProject(const testing::TempDir& dir, const std::string& slug, bool site = true) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  std::string config = testing::Slurp(dir / "l10n.toml");
  if (site) {
    config +=
        "\n[site]\nbase_url = \"https://www.example.org\"\n"
        "url = { en = \"/{slug}/\", es = \"/es/{slug}/\" }\n";
  }
  testing::Spit(dir / "l10n.toml", config + "\n[check]\nignore = [\"untranslated\", \"stale\"]\n");
  REQUIRE(testing::Run(testing::Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  // l10n-extract wrote the entry; the translator gives it `slug`.
  std::string po = testing::Slurp(dir / "locales/es.po");
  std::string entry = "msgctxt \"slug\"\nmsgid \"hello\"\nmsgstr \"\"\n";
  // Without [site] it writes none: one is added as a stale catalog would have it.
  size_t at = po.find(entry);
  REQUIRE((at != std::string::npos) == site);
  if (site) {
    po.replace(at, entry.size(), "msgctxt \"slug\"\nmsgid \"hello\"\nmsgstr \"" + slug + "\"\n");
  } else {
    po += "\nmsgctxt \"slug\"\nmsgid \"hello\"\nmsgstr \"" + slug + "\"\n";
  }
  testing::Spit(dir / "locales/es.po", po);
}

TEST_CASE("l10n-check: the slug check of a project with [site] settings, in every format") {
  testing::TempDir dir;
  SiteProject(dir, "Hola Mundo");
  std::string check = testing::Tool("l10n-check") + " -q";
  testing::CommandResult r = testing::Run(check + " --format=github", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=locales/es.po,line=19,col=9,title=l10n-check [slug]::'Hola "
                   "Mundo' is no slug: a slug is lowercase ASCII letters and digits, words joined "
                   "by single hyphens\n") == 0);
  r = testing::Run(check + " --format=json", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("      \"check\": \"slug\",\n      \"column\": 9,\n      \"line\": 19,\n") !=
        std::string::npos);
  r = testing::Run(check + " --ignore slug", dir.path());
  CHECK(r.exit_code == 0);

  // A valid slug that changes the URL merge recorded: a warning, exit 0.
  testing::TempDir renamed;
  SiteProject(renamed, "hola-mundo");
  testing::Spit(renamed / "locales/urls.tsv",
                "posts/hello.html\ten\t/hello/\nposts/hello.html\tes\t/es/hello/\n");
  r = testing::Run(testing::Tool("l10n-check"), renamed.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("locales/es.po:19:9: warning: the URL of this post in 'es' changes from "
                   "'/es/hello/' to '/es/hola-mundo/': links to the old one break [slug]\n") !=
        std::string::npos);
  // Without [site] settings no slug is checked.
  testing::TempDir plain;
  SiteProject(plain, "Hola Mundo", false);
  r = testing::Run(check, plain.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

}  // namespace
}  // namespace l10n
