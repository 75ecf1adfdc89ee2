// Units -> templates -> catalogs.
#include "project/extract.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "catalog/catalog_update.h"
#include "catalog/plural_forms.h"
#include "catalog/po_reader.h"
#include "post/html_segmenter.h"
#include "test_util.h"

namespace l10n {
namespace {

struct Posts {
  std::vector<Segmentation> segs;
  std::vector<PostUnits> units;
  Posts(std::initializer_list<std::pair<const char*, const char*>> posts) {
    DiagnosticSink sink;
    for (const auto& [path, html] : posts) segs.push_back(SegmentHtml(html, path, &sink));
    size_t i = 0;
    for (const auto& p : posts) units.push_back({p.first, "en", &segs[i++]});
  }
};

CatalogInfo Info(const char* target = "") {
  return {"Test", "en", target, "2017-08-29 10:00+0000"};
}

TEST_CASE("identical text across posts is one entry with every reference") {
  Posts posts({{"a/one.html", "<p>Footer text</p>\n<p>Only here</p>"},
               {"a/two.html", "<h1>Title</h1>\n\n<p>Footer text</p>"}});
  Catalog t = BuildTemplate(posts.units, Taxonomy(), "es", Info());
  REQUIRE(t.messages.size() == 4);
  CHECK(t.messages[0].is_header());
  CHECK(t.messages[1].msgid == "Footer text");
  CHECK(t.messages[1].references == std::vector<std::string>{"a/one.html:1", "a/two.html:3"});
  // The references list the posts; the note does not.
  CHECK(t.messages[1].extracted_comments == std::vector<std::string>{"paragraph"});
  CHECK(t.messages[2].msgid == "Only here");
  CHECK(t.messages[3].msgid == "Title");
  CHECK(t.HeaderField("X-Source-Language") == "en");
  CHECK(t.HeaderField("POT-Creation-Date") == "2017-08-29 10:00+0000");
  CHECK(t.messages[0].fuzzy());
}

TEST_CASE("the note of a string shared by many posts says each thing once") {
  std::vector<std::pair<std::string, std::string>> html;
  for (int i = 1; i <= 72; ++i) {
    html.push_back({"corpus/post-" + std::to_string(i) + ".html",
                    "<h1>Publish Date: <time datetime=\"2017-0" + std::to_string(i % 9 + 1) + "-1" +
                        std::to_string(i % 10) +
                        "\">x</time></h1>\n<p>Publish Date: <time datetime=\"2018-01-0" +
                        std::to_string(i % 9 + 1) + "\">x</time></p>"});
  }
  DiagnosticSink sink;
  std::vector<Segmentation> segs;
  for (const auto& [path, text] : html) segs.push_back(SegmentHtml(text, path, &sink));
  std::vector<PostUnits> units;
  for (size_t i = 0; i < html.size(); ++i) units.push_back({html[i].first, "en", &segs[i]});
  Catalog t = BuildTemplate(units, Taxonomy(), "es", Info());
  REQUIRE(t.messages.size() == 2);
  CHECK(t.messages[1].msgid == "Publish Date: <time/>");
  CHECK(t.messages[1].references.size() == 144);
  CHECK(t.messages[1].extracted_comments ==
        std::vector<std::string>{"heading", "<time/> is a date, written out in your language",
                                 "paragraph"});
  // In one post, two kinds keep the post's name.
  Posts one({{"a/one.html", "<h1>Same</h1><p>Same</p>"}});
  Catalog u = BuildTemplate(one.units, Taxonomy(), "es", Info());
  REQUIRE(u.messages.size() == 2);
  CHECK(u.messages[1].extracted_comments ==
        std::vector<std::string>{"heading, one", "paragraph, one"});
}

// A string's notes and references as BuildTemplate gives them: whether an
// earlier reference is of another post decides "kind" or "kind, slug".
TEST_CASE("a string's notes depend on the posts of its earlier references") {
  struct Case {
    std::vector<std::pair<const char*, const char*>> posts;
    const char* want;  // each entry: "msgid [notes] {references}"
  };
  const Case cases[] = {
      // In one post, then another, then the first again.
      {{{"a/one.html", "<h1>S</h1>\n<p>S</p>"},
        {"a/two.html", "<p>S</p>"},
        {"a/one.html", "<li>S</li>"}},
       "S [heading;paragraph;list item;] {a/one.html:1 a/one.html:2 a/two.html:1 }\n"},
      // The same line twice in a post is one reference.
      {{{"a/one.html", "<p>S</p><p>S</p>"}, {"a/two.html", "<h2>S</h2>"}},
       "S [paragraph;heading;] {a/one.html:1 a/two.html:1 }\n"},
      // ... also when the post comes again after another (one path, one
      // post), and the same line in another post is another reference.
      {{{"a/one.html", "<p>S</p>"}, {"a/two.html", "<p>S</p>"}, {"a/one.html", "<h2>S</h2>"}},
       "S [paragraph;heading;] {a/one.html:1 a/two.html:1 }\n"},
      // Kinds collapsed once a second post has the string; a third post's
      // kind added as a kind alone, a kind already there not again.
      {{{"a/one.html", "<h1>S</h1>\n<p>S</p>"},
        {"a/two.html", "<li>S</li>"},
        {"a/three.html", "<h2>S</h2>\n<td>S</td>\n<p>S</p>"}},
       "S [heading;paragraph;list item;text block;] {a/one.html:1 a/one.html:2 a/two.html:1 "
       "a/three.html:1 a/three.html:2 a/three.html:3 }\n"},
      // A path that holds ':': the reference "x/p:q.html:1" starts with
      // "x/p:", so it counts as one of x/p's (as it always has).
      {{{"x/p:q.html", "<h1>S</h1>"}, {"x/p", "<p>S</p>"}},
       "S [heading, p:q;paragraph, p;] {x/p:q.html:1 x/p:1 }\n"},
      {{{"x/p", "<h1>S</h1>"}, {"x/p:q.html", "<p>S</p>"}},
       "S [heading;paragraph;] {x/p:1 x/p:q.html:1 }\n"},
      // Placeholder lines once, whatever the post.
      {{{"a/one.html", "<p>On <time datetime=\"2017-01-01\">x</time></p>"},
        {"a/two.html", "<p>On <time datetime=\"2018-01-01\">y</time></p>"},
        {"a/two.html", "<h1>On <time datetime=\"2018-01-01\">y</time></h1>"}},
       "On <time/> [paragraph;<time/> is a date, written out in your language;heading;] "
       "{a/one.html:1 a/two.html:1 }\n"},
  };
  for (const Case& c : cases) {
    DiagnosticSink sink;
    std::vector<Segmentation> segs;
    segs.reserve(c.posts.size());
    std::vector<PostUnits> units;
    for (const auto& [path, html] : c.posts) {
      segs.push_back(SegmentHtml(html, path, &sink));
      units.push_back({path, "en", &segs.back(), "", ""});
    }
    Catalog t = BuildTemplate(units, Taxonomy(), "es", Info());
    std::string got;
    for (const Message& m : t.messages) {
      if (m.is_header()) continue;
      got += m.msgid + " [";
      for (const std::string& n : m.extracted_comments) got += n + ";";
      got += "] {";
      for (const std::string& r : m.references) got += r + " ";
      got += "}\n";
    }
    CHECK(got == c.want);
  }
}

TEST_CASE("category names without a translation become msgctxt entries") {
  Posts posts(
      {{"p.html", "<p>Category: <a rel=\"category tag\" href=\"/category/news/\">News</a></p>"}});
  Taxonomy taxonomy;
  CHECK(LearnCategories(posts.segs[0], "en", {"en", "es"}, &taxonomy));
  REQUIRE(taxonomy.Find("news"));
  CHECK(taxonomy.Find("news")->Name("en") == "News");
  CHECK(taxonomy.Find("news")->Name("es") == "");
  Catalog t = BuildTemplate(posts.units, taxonomy, "es", Info());
  REQUIRE(t.messages.size() == 3);
  CHECK(t.messages[2].msgctxt == std::optional<std::string>("category"));
  CHECK(t.messages[2].msgid == "News");
  // Once the taxonomy names it in Spanish, the entry goes away.
  Category named;
  named.slug = "news";
  named.names["es"] = "Noticias";
  CHECK(taxonomy.Add(named));
  CHECK(BuildTemplate(posts.units, taxonomy, "es", Info()).messages.size() == 2);
}

TEST_CASE("update keeps translations, makes vanished ones obsolete, restores returning ones") {
  Posts v1({{"p.html", "<p>Kept</p><p>Removed</p><p>Untranslated</p>"}});
  Catalog po =
      UpdateCatalog(BuildTemplate(v1.units, Taxonomy(), "es", Info()), nullptr, Info("es"));
  CHECK(po.HeaderField("Language") == "es");
  CHECK_FALSE(po.messages[0].fuzzy());
  po.messages[1].msgstr = {"Conservado"};
  po.messages[2].msgstr = {"Quitado"};
  po.messages[2].translator_comments = {"checked"};
  po.SetHeaderField("Last-Translator", "Ana <ana@example.org>");

  Posts v2({{"p.html", "<p>Kept</p><p>New</p>"}});
  Catalog t2 =
      BuildTemplate(v2.units, Taxonomy(), "es", {"Test", "en", "", "2018-01-01 00:00+0000"});
  Catalog po2 = UpdateCatalog(t2, &po, Info("es"));
  REQUIRE(po2.messages.size() == 4);
  CHECK(po2.HeaderField("Last-Translator") == "Ana <ana@example.org>");
  CHECK(po2.HeaderField("POT-Creation-Date") == "2018-01-01 00:00+0000");
  CHECK(po2.messages[1].msgstr[0] == "Conservado");
  CHECK(po2.messages[2].msgid == "New");
  CHECK(po2.messages[2].msgstr[0] == "");
  CHECK(po2.messages[3].msgid == "Removed");
  CHECK(po2.messages[3].obsolete);
  CHECK(po2.messages[3].translator_comments == std::vector<std::string>{"checked"});

  Catalog po3 = UpdateCatalog(BuildTemplate(v1.units, Taxonomy(), "es", Info()), &po2, Info("es"));
  REQUIRE(po3.messages.size() == 4);
  CHECK(po3.messages[2].msgid == "Removed");
  CHECK_FALSE(po3.messages[2].obsolete);
  CHECK(po3.messages[2].msgstr[0] == "Quitado");
}

TEST_CASE("catalogs that differ only in their dates are the same") {
  Posts posts({{"p.html", "<p>Text</p>"}});
  Catalog a = BuildTemplate(posts.units, Taxonomy(), "es", Info());
  Catalog b =
      BuildTemplate(posts.units, Taxonomy(), "es", {"Test", "en", "", "2030-01-01 00:00+0000"});
  CHECK(SameIgnoringDates(a, b));
  b.messages[1].msgstr[0] = "x";
  CHECK_FALSE(SameIgnoringDates(a, b));
}

TEST_CASE("a new catalog has gettext's Plural-Forms for its language, as msginit writes") {
  Posts posts({{"p.html", "<p>Text</p>"}});
  Catalog templ = BuildTemplate(posts.units, Taxonomy(), "es", Info());
  auto plural_forms = [&templ](const char* lang) {
    return UpdateCatalog(templ, nullptr, Info(lang)).HeaderField("Plural-Forms").value_or("");
  };
  CHECK(plural_forms("ru") ==
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
        "n%100>=20) ? 1 : 2);");
  CHECK(plural_forms("ja") == "nplurals=1; plural=0;");
  CHECK(plural_forms("fr") == "nplurals=2; plural=(n > 1);");
  CHECK(plural_forms("pt-BR") == "nplurals=2; plural=(n > 1);");
  CHECK(plural_forms("pt") == "nplurals=2; plural=(n != 1);");
  CHECK(plural_forms("sl_SI") ==
        "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);");
  // A language gettext has no rule for gets the English one (the tools
  // warn), where msginit writes "nplurals=INTEGER; plural=EXPRESSION;".
  CHECK(plural_forms("is") == "nplurals=2; plural=(n != 1);");
  CHECK_FALSE(GettextPluralForms("is"));
  for (const char* lang : {"ru", "pl", "cs", "ga", "sl", "ja", "fr", "is"}) {
    int nplurals = 0;
    CHECK_FALSE(PluralFormsProblem(plural_forms(lang), &nplurals));
  }

  // The same as the real msginit 0.21, language by language.
  testing::RequireProgram("msginit");
  testing::TempDir dir;
  testing::Spit(
      dir / "t.pot",
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n\"\n\nmsgid \"a\"\nmsgstr \"\"\n");
  for (const char* lang :
       {"ja", "vi", "ko", "en", "es", "de", "tr", "he", "pt", "pt_BR", "fr", "ga", "lv", "lt",
        "ru", "uk", "be", "sr", "hr", "cs", "sk", "pl", "ro", "sl",    "ca", "ar", "zh", "is"}) {
    CAPTURE(std::string(lang));
    REQUIRE(testing::Run(std::string("msginit --no-translator -i t.pot -o out.po -l ") + lang,
                         dir.path())
                .exit_code == 0);
    Catalog theirs;
    DiagnosticSink sink;
    REQUIRE(ReadPo(testing::Slurp(dir / "out.po"), "out.po", &theirs, &sink));
    std::string expected = theirs.HeaderField("Plural-Forms").value_or("");
    if (expected == "nplurals=INTEGER; plural=EXPRESSION;") {
      CHECK_FALSE(GettextPluralForms(lang));
    } else {
      CHECK(GettextPluralForms(lang) == expected);
      CHECK(plural_forms(lang) == expected);
    }
  }
}

// The tools: a fresh Russian catalog passes l10n-check's header rule; a
// language gettext has no rule for gets the English one, with a warning.
TEST_CASE("l10n-extract gives a new catalog its language's plural forms, or warns") {
  for (const std::string lang : {"ru", "is"}) {
    CAPTURE(lang);
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "posts");
    testing::Spit(dir / "l10n.toml", "[project]\nname = \"T\"\nlanguages = [\"en\", \"" + lang +
                                         "\"]\nposts = [\"posts/*.html\"]\n");
    testing::Spit(dir / "posts/a.html",
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<body><p>Hello</p></body></html>\n");
    // A warning: printed unless -q.
    testing::CommandResult r = testing::Run(testing::Tool("l10n-extract"), dir.path());
    CHECK(r.exit_code == 0);
    Catalog po;
    DiagnosticSink sink;
    REQUIRE(ReadPo(testing::Slurp(dir / ("locales/" + lang + ".po")), "po", &po, &sink));
    const std::string warning =
        "locales/is.po: warning: gettext has no plural rule for 'is': the "
        "new catalog says \"nplurals=2; plural=(n != 1);\"; correct its "
        "Plural-Forms if the language's plurals differ\n";
    if (lang == "ru") {
      CHECK(PluralFormsCount(po.HeaderField("Plural-Forms").value_or("")) == 3);
      CHECK(r.err == "");
    } else {
      CHECK(po.HeaderField("Plural-Forms") == "nplurals=2; plural=(n != 1);");
      CHECK(r.err == warning);
    }
    r = testing::Run(testing::Tool("l10n-check") + " -q --allow-untranslated", dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[header]") == std::string::npos);
    CHECK(r.err.find("[header]") == std::string::npos);
    // Run again: the catalog exists, nothing to warn about.
    r = testing::Run(testing::Tool("l10n-extract") + " -q", dir.path());
    CHECK(r.err == "");
  }
}

}  // namespace
}  // namespace l10n
