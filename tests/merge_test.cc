// Merging translations back into posts.
#include "render/merge.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "post/html_segmenter.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

struct MergeRun {
  std::string html;
  std::string errors;
  MergeResult result;
};

MergeRun Merge(const std::string& html, const std::map<std::string, std::string>& translations,
               const std::string& source = "en", const std::string& target = "es",
               const Taxonomy* taxonomy = nullptr, const std::string& pattern = "") {
  DiagnosticSink sink;
  static Segmentation seg;
  seg = SegmentHtml(html, "post.html", &sink);
  MergeOptions options;
  options.source_lang = source;
  options.target_lang = target;
  options.taxonomy = taxonomy;
  options.category_pattern = pattern;
  options.translate = [&](const Unit& u) -> std::optional<Translation> {
    auto it = translations.find(u.text);
    if (it == translations.end()) return std::nullopt;
    return Translation{it->second, "es.po", 7, nullptr};
  };
  MergeRun run;
  run.result = MergePost(html, "post.html", seg, options, &sink);
  run.html = run.result.html;
  for (const Diagnostic& d : sink.diagnostics()) run.errors += d.Render() + "\n";
  return run;
}

// Every unit translated by itself, into the same language.
std::string Identity(const std::string& html) {
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "post.html", &sink);
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = "en";
  options.translate = [](const Unit& u) -> std::optional<Translation> {
    return Translation{u.text, "", 0, nullptr};
  };
  return MergePost(html, "post.html", seg, options, &sink).html;
}

TEST_CASE("identity merge gives every byte back") {
  const char* kPosts[] = {
      "<!DOCTYPE html>\n<html lang=\"en\"><head><title>T &amp; t</title></head>\n<body>\n"
      "<ul>\n  <li>One\n  <li>Two <em>x</em>\n</ul>\n<p>Para<p>Next &nbsp; one<!-- c -->\n"
      "<p>Date: <time datetime=\"2017-08-29\">Aug 29 2017</time></p>\n"
      "<p>Category: <a rel=\"category tag\" href='/category/a/'>A / B</a>, <a rel=\"category "
      "tag\" href=/category/c/>C</a></p>\n<img alt='It&#39;s' src=x>\n</body></html>\n",
      "<p>No html element, <br> tail",
      "<table><tr><td>Cell<td>Other</table>",
      "<html LANG=EN><p title=unquoted>Hello</p></html>",
      "\xEF\xBB\xBF<!DOCTYPE html>\n<html lang=\"en\"><p>Byte order <b>mark</b></p></html>\n",
      "<p>Before the fold. <!--more-->After <!-- wp:x {\"a\":1} -->it.</p>",
      "<pre class=\"wp-block-verse\">\r\n  Roses are red,\r\n\tviolets &amp; blue.  \n</pre>",
  };
  for (const char* post : kPosts) {
    CAPTURE(post);
    CHECK(Identity(post) == post);
  }
}

TEST_CASE("translations replace units, markup comes from the source") {
  MergeRun run = Merge(
      "<html lang=\"en\"><body>\n<p class=\"x\">See <a href=\"https://e.org/?a=1&amp;b=2\">the "
      "report</a> now.</p>\n<ul><li>One<li>Two</ul></body></html>",
      {{"See <a>the report</a> now.", "Mira <a>el informe</a> ahora & ya."},
       {"One", "Uno"},
       {"Two", "Dos"}});
  CHECK(run.errors == "");
  CHECK(run.html ==
        "<html lang=\"es\"><body>\n<p class=\"x\">Mira <a href=\"https://e.org/?a=1&amp;b=2\">el "
        "informe</a> ahora &amp; ya.</p>\n<ul><li>Uno<li>Dos</ul></body></html>");
  CHECK(run.result.units == 3);
  CHECK(run.result.translated == 3);
}

TEST_CASE("attributes are translated in place, keeping their quotes") {
  MergeRun run = Merge("<html><img src=a alt='A \"meeting\"'><img alt=x1y src=b></html>",
                       {{"A \"meeting\"", "Una \"reunión\" de l'equipo"}, {"x1y", "Sí no"}});
  CHECK(run.html ==
        "<html lang=\"es\"><img src=a alt='Una \"reunión\" de l&#39;equipo'><img alt=\"Sí no\" "
        "src=b></html>");
}

TEST_CASE("dates are rendered in the target language") {
  MergeRun run = Merge("<p>Publish Date: <time datetime=\"2017-08-29\">August 29, 2017</time></p>",
                       {{"Publish Date: <time/>", "Fecha de publicación: <time/>"}});
  CHECK(run.html ==
        "<p>Fecha de publicación: <time datetime=\"2017-08-29\">29 de agosto de 2017</time></p>");
  // Untranslated sentence: the date is still rendered for the page.
  run = Merge("<p>Date: <time datetime=\"2017-08-29\">August 29, 2017</time></p>", {});
  CHECK(run.html == "<p>Date: <time datetime=\"2017-08-29\">29 de agosto de 2017</time></p>");
  CHECK(run.result.untranslated.size() == 1);
}

TEST_CASE("categories are rendered with the display pattern and joined as a list") {
  Taxonomy taxonomy;
  DiagnosticSink sink;
  REQUIRE(
      taxonomy.Parse("[categories.events]\nen = \"Events\"\nes = \"Eventos\"\n"
                     "[categories.youth-voices]\nen = \"Youth voices\"\nes = \"Voces jóvenes\"\n",
                     "taxonomy.toml", &sink));
  std::string html =
      "<p>Category: <a rel=\"category tag\" href=\"/category/events/\">Events / Eventos</a>, "
      "<a rel=\"category tag\" href=\"/category/youth-voices/\">Youth voices / Voces "
      "jóvenes</a></p>";
  MergeRun run =
      Merge(html, {{"Category: <category/>", "Categoría: <category/>"}}, "en", "es", &taxonomy);
  CHECK(run.errors == "");
  CHECK(run.html ==
        "<p>Categoría: <a rel=\"category tag\" href=\"/category/events/\">Eventos / Events</a> y "
        "<a rel=\"category tag\" href=\"/category/youth-voices/\">Voces jóvenes / Youth "
        "voices</a></p>");
  run = Merge(html, {{"Category: <category/>", "Categoría: <category/>"}}, "en", "es", &taxonomy,
              "{name}");
  CHECK(run.html ==
        "<p>Categoría: <a rel=\"category tag\" href=\"/category/events/\">Eventos</a> y "
        "<a rel=\"category tag\" href=\"/category/youth-voices/\">Voces jóvenes</a></p>");
}

TEST_CASE("category names in the target language are translations: checked, or not published") {
  // The taxonomy's names, located where they are written.
  Taxonomy taxonomy;
  DiagnosticSink parse;
  REQUIRE(
      taxonomy.Parse("[categories.events]\nen = \"Events\"\nes = \"<b>Eventos</b> "
                     "\\u200F\"\n[categories.news]\nen = \"News\"\n",
                     "taxonomy.toml", &parse));
  const std::string html =
      "<p>Category: <a rel=\"category tag\" href=\"/category/events/\">Events</a></p>";
  MergeRun run = Merge(html, {{"Category: <category/>", "Categoría: <category/>"}}, "en", "es",
                       &taxonomy, "{name}");
  CHECK(run.result.unsafe);
  CHECK(run.errors ==
        "taxonomy.toml:3:7: error: markup not in the source: '<b>' [unsafe]\n"
        "taxonomy.toml:3:22: error: bidirectional control character U+200F is not in the source "
        "[unsafe]\n"
        "post.html:1:4: note: the translation of this text is rejected; the post is not "
        "published\n");
  CHECK(run.html.find("Eventos") == std::string::npos);
  CHECK(run.html.find("\u200F") == std::string::npos);

  // The post's own label is the source: what it has is no injection, and
  // a source-language name it lacks is refused as well.
  Taxonomy marked;
  REQUIRE(marked.Parse("[categories.events]\nen = \"\\u200FEvents\"\nes = \"\\u200FEventos\"\n",
                       "taxonomy.toml", &parse));
  const std::string marked_html =
      "<p>Category: <a rel=\"category tag\" href=\"/category/events/\">\u200FEvents</a></p>";
  run = Merge(marked_html, {{"Category: <category/>", "Categoría: <category/>"}}, "en", "es",
              &marked, "{name}");
  CHECK(run.errors == "");
  CHECK(run.html.find(">\u200FEventos</a>") != std::string::npos);
  run = Merge(html, {{"Category: <category/>", "Categoría: <category/>"}}, "en", "es", &marked,
              "{name}");
  CHECK(run.result.unsafe);
  CHECK(run.errors.find("taxonomy.toml:2:7: error: bidirectional control character U+200F is "
                        "not in the source [unsafe]\n") == 0);
  CHECK(run.html.find("\u200F") == std::string::npos);

  // A name the catalog translates (msgctxt "category"), by the same rules.
  DiagnosticSink sink;
  const std::string news =
      "<p>Category: <a rel=\"category tag\" href=\"/category/news/\">News</a></p>";
  Segmentation seg = SegmentHtml(news, "post.html", &sink);
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = "es";
  options.taxonomy = &taxonomy;
  options.category_pattern = "{name}";
  std::string asked;
  options.translate_category = [&asked](std::string_view name) -> std::optional<Translation> {
    asked = std::string(name);
    return Translation{"Noticias\u202E javascript:x", "es.po", 9, nullptr};
  };
  MergeResult result = MergePost(news, "post.html", seg, options, &sink);
  CHECK(asked == "News");
  CHECK(result.unsafe);
  std::string errors;
  for (const Diagnostic& d : sink.diagnostics()) errors += d.Render() + "\n";
  CHECK(errors ==
        "es.po:9: error: bidirectional control character U+202E is not in the source [unsafe]\n"
        "es.po:9: error: URL scheme 'javascript:' is not in the source [unsafe]\n"
        "post.html:1:4: note: the translation of this text is rejected; the post is not "
        "published\n");
  CHECK(result.html.find("Noticias") == std::string::npos);

  // A clean one is used.
  options.translate_category = [](std::string_view) -> std::optional<Translation> {
    return Translation{"Noticias", "es.po", 9, nullptr};
  };
  DiagnosticSink clean;
  result = MergePost(news, "post.html", seg, options, &clean);
  CHECK_FALSE(result.unsafe);
  CHECK(clean.diagnostics().empty());
  CHECK(result.html.find(">Noticias</a>") != std::string::npos);
}

TEST_CASE("a category unknown to the taxonomy is read from its bilingual label") {
  MergeRun run = Merge(
      "<p>Category: <a rel=\"category tag\" href=\"/category/blog-fieldvisit/\">Blog fieldvisit "
      "/ Visita de campo</a></p>",
      {{"Category: <category/>", "Categoría: <category/>"}});
  CHECK(run.html ==
        "<p>Categoría: <a rel=\"category tag\" href=\"/category/blog-fieldvisit/\">Visita de "
        "campo / Blog fieldvisit</a></p>");
}

TEST_CASE("a lang attribute without a value is written over, and kept in a same-language merge") {
  // Found by tests/fuzz (segment target): "lang=" had its name replaced.
  const std::pair<const char*, const char*> kCases[] = {
      {"<html lang=><title>Hi</title>", "<html lang=\"es\"><title>Hola</title>"},
      {"<html lang><title>Hi</title>", "<html lang=\"es\"><title>Hola</title>"},
      {"<html lang = ><title>Hi</title>", "<html lang=\"es\" ><title>Hola</title>"},
      {"<html lang=\"\"><title>Hi</title>", "<html lang=\"es\"><title>Hola</title>"},
      {"<html data-x=1><title>Hi</title>", "<html lang=\"es\" data-x=1><title>Hola</title>"},
  };
  for (const auto& [html, want] : kCases) {
    CAPTURE(html);
    CHECK(Merge(html, {{"Hi", "Hola"}}).html == want);
    CHECK(Merge(html, {{"Hi", "Hi"}}, "en", "en").html == html);
  }
}

struct UnsafeCase {
  const char* translation;
  const char* errors;  // as l10n-check words them, one per line
};

TEST_CASE("markup a translation adds is never published") {
  const UnsafeCase kCases[] = {
      {"Mira <script>alert(1)</script>", "markup not in the source: '<script>' [unsafe]"},
      {"Mira <a href=\"javascript:x\">aquí</a>",
       "markup that is not a placeholder: '<a href=\"javascript:x\">' [unsafe]\n"
       "attribute 'href=' is not in the source [unsafe]\n"
       "URL scheme 'javascript:' is not in the source [unsafe]"},
      {"Mira <a>aquí</a><a>otra</a>", "placeholder '<a>' is used twice [placeholder]"},
      {"Mira <a>aquí", "placeholder '<a>' is not closed [placeholder]"},
      {"Mira </a>aquí<a>",
       "'</a>' closes a placeholder that is not open [placeholder]\n"
       "placeholder '<a>' is not closed [placeholder]"},
      {"Mira <img onerror=x>",
       "markup that is not a placeholder: '<img onerror=x>' [unsafe]\n"
       "attribute 'onerror=' is not in the source [unsafe]"},
      {"Mira <a/>", "'<a/>' must enclose text, as in the source [placeholder]"},
      {"Mira <!-- x -->", "markup that is not a placeholder: '<!-- x -->' [unsafe]"},
      {"Cierra </div> aquí", "markup not in the source: '</div>' [unsafe]"},
      {"Mira <a>aquí</a> &#60;script&#62;",
       "entity '&#60;' is not in the source [unsafe]\n"
       "entity '&#62;' is not in the source [unsafe]"},
      {"Mira <a>aquí</a>\xE2\x80\xAE",
       "bidirectional control character U+202E is not in the "
       "source [unsafe]"},
      {"Mira <em><a>aquí</a></em>", "placeholder '<em>' is not in the source [placeholder]"},
  };
  for (const UnsafeCase& c : kCases) {
    CAPTURE(c.translation);
    MergeRun run =
        Merge("<p>See <a href=\"/x\">here</a></p>", {{"See <a>here</a>", c.translation}});
    std::string want;
    for (std::string_view rest = c.errors; !rest.empty();) {
      size_t end = rest.find('\n');
      want += "es.po:7: error: " + std::string(rest.substr(0, end)) + "\n";
      rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
    }
    want +=
        "post.html:1:4: note: the translation of this text is rejected; the post is not "
        "published\n";
    CHECK(run.errors == want);
    CHECK(run.result.unsafe);
    CHECK(run.html == "<p>See <a href=\"/x\">here</a></p>");
  }
}

TEST_CASE("a byte order mark stays, and the page's lang is set after it") {
  MergeRun run = Merge("\xEF\xBB\xBF<!DOCTYPE html><html lang=\"en\"><p>Hello</p></html>",
                       {{"Hello", "Hola"}});
  CHECK(run.errors == "");
  CHECK(run.html == "\xEF\xBB\xBF<!DOCTYPE html><html lang=\"es\"><p>Hola</p></html>");
}

TEST_CASE("mis-nested inline markup is never rebuilt without its end tags") {
  // After </b> the parser reopens <i> for " four"; the source's </i> closes
  // that reopened element. A rebuilt unit would drop it, and the rest of the
  // page would be italic.
  const char kPost[] = "<p>One <b>two <i>three</b> four</i> five.</p><p>Next</p>";
  MergeRun run =
      Merge(kPost,
            {{"One <b>two <i>three</i></b> four five.", "Uno <b>dos <i>tres</i></b> cuatro cinco."},
             {"Next", "Luego"}});
  CHECK(run.html == "<p>One <b>two <i>three</b> four</i> five.</p><p>Luego</p>");
  CHECK(run.errors ==
        "post.html:1:32: warning: mis-nested inline markup: '</i>' closes an element the HTML "
        "parser reopened; this text is left untranslated\n");
}

TEST_CASE("text that merely looks like markup is escaped") {
  MergeRun run = Merge("<p>a &lt; b</p>", {{"a &lt; b", "a &lt; b & c > d < 3"}});
  CHECK(run.errors == "");
  CHECK(run.html == "<p>a &lt; b &amp; c &gt; d &lt; 3</p>");
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("a comment inside a unit is restored from the source, and never lost") {
  const std::string post = "<p>Before the fold. <!--more-->After the fold.</p>";
  MergeRun run = Merge(post, {{"Before the fold. <comment/>After the fold.",
                               "Antes del corte. <comment/>Después del corte."}});
  CHECK(run.errors == "");
  CHECK(run.html == "<p>Antes del corte. <!--more-->Después del corte.</p>");
  // Left out, the page would lose its fold: refused like unsafe markup.
  MergeRun dropped = Merge(post, {{"Before the fold. <comment/>After the fold.",
                                   "Antes del corte. Después del corte."}});
  CHECK(dropped.result.unsafe);
  CHECK(dropped.errors.find("the HTML comment '<comment/>' is missing [placeholder]") !=
        std::string::npos);
  CHECK(dropped.html == post);
  // A translator cannot write a comment of their own.
  MergeRun added = Merge(post, {{"Before the fold. <comment/>After the fold.",
                                 "Antes <!--x--> del corte. <comment/>Después."}});
  CHECK(added.result.unsafe);
  CHECK(added.html == post);
}

TEST_CASE("shortcodes are restored from the source; a translation cannot write one") {
  const std::string post =
      "<p>[caption id=\"a1\" width=\"300\"]<img src=b.jpg> A boat.[/caption] [audio src=a /]</p>";
  SegmentOptions shortcodes;
  shortcodes.shortcodes = true;
  auto merge = [&](const std::string& translation) {
    DiagnosticSink sink;
    static Segmentation seg;
    seg = SegmentHtml(post, "post.html", shortcodes, &sink);
    MergeOptions options;
    options.source_lang = "en";
    options.target_lang = "es";
    options.segment = shortcodes;
    options.translate = [&](const Unit& u) -> std::optional<Translation> {
      if (u.text != "<shortcode1><img/> A boat.</shortcode1> <shortcode2/>") return std::nullopt;
      return Translation{translation, "es.po", 7, nullptr};
    };
    MergeRun run;
    run.result = MergePost(post, "post.html", seg, options, &sink);
    run.html = run.result.html;
    for (const Diagnostic& d : sink.diagnostics()) run.errors += d.Render() + "\n";
    return run;
  };
  MergeRun ok = merge("<shortcode2/> <shortcode1><img/> Un barco.</shortcode1>");
  CHECK(ok.errors == "");
  CHECK(ok.html ==
        "<p>[audio src=a /] [caption id=\"a1\" width=\"300\"]<img src=b.jpg> Un "
        "barco.[/caption]</p>");
  // Closed before it opens: refused, as for any paired placeholder.
  MergeRun crossed = merge("</shortcode1><shortcode1><img/> Un barco. <shortcode2/>");
  CHECK(crossed.result.unsafe);
  CHECK(crossed.html == post);
  // A shortcode of the translator's own is markup not in the source.
  MergeRun added = merge("<shortcode1><img/> Un barco.</shortcode1> <shortcode2/>[embed]x[/embed]");
  CHECK(added.result.unsafe);
  CHECK(added.errors.find("es.po:7: error: shortcode not in the source: '[embed]' [unsafe]") !=
        std::string::npos);
  CHECK(added.html == post);
}

TEST_CASE("a verse block keeps its line breaks in the translation") {
  MergeRun run = Merge(
      "<pre class=\"wp-block-verse\">Roses are red,\n  violets are blue.</pre>",
      {{"Roses are red,\n  violets are blue.", "Las rosas son rojas,\n  las violetas, azules."}});
  CHECK(run.errors == "");
  CHECK(run.html ==
        "<pre class=\"wp-block-verse\">Las rosas son rojas,\n  las violetas, azules.</pre>");
}

}  // namespace
}  // namespace l10n
