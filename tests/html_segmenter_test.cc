// Segmenting HTML snippets into units: table-driven, one dump line per unit
// "kind: text" (attributes as "@kind: text").
#include "post/html_segmenter.h"

#include <doctest/doctest.h>

#include <string>

namespace l10n {
namespace {

std::string Dump(const std::string& html) {
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "t.html", &sink);
  std::string out;
  for (const Unit& u : seg.units) {
    if (!u.translatable) out += '~';
    if (u.is_attribute) out += '@';
    out += UnitKindName(u.kind);
    if (u.context) out += "[" + *u.context + "]";
    out += ": " + u.text + "\n";
  }
  return out;
}

struct Case {
  const char* html;
  const char* want;
};

const Case kCases[] = {
    // Block containers.
    {"<title>Field visit</title><h1>Field visit</h1><p>Hello.</p>",
     "page title: Field visit\nheading: Field visit\nparagraph: Hello.\n"},
    {"<ul><li>One<li>Two</ul>", "list item: One\nlist item: Two\n"},
    {"<p>First<p>Second<div>Third</div>",
     "paragraph: First\nparagraph: Second\ntext block: Third\n"},
    {"<dl><dt>Term<dd>Meaning</dl>", "term: Term\ndefinition: Meaning\n"},
    {"<table><caption>Agenda</caption><tr><th>Time<th>Topic<tr><td>9:00<td>Welcome</table>",
     "table caption: Agenda\ntable header: Time\ntable header: Topic\ntable cell: Welcome\n"},
    {"<figure><img src=a.jpg alt=\"A meeting\"><figcaption>Caption with <a "
     "href=x>a link</a>.</figcaption></figure>",
     "@image alt text: A meeting\nfigure caption: Caption with <a>a link</a>.\n"},
    {"<blockquote><p>We want to be heard.</p></blockquote>", "quotation: We want to be heard.\n"},
    // Text directly inside a block that also holds blocks is its own unit.
    {"<li>Countries:<ul><li>Peru</li><li>Colombia</li></ul></li>",
     "list item: Countries:\nlist item: Peru\nlist item: Colombia\n"},
    {"<div>Intro <em>text</em><p>Para</p>Tail</div>",
     "text block: Intro <em>text</em>\nparagraph: Para\ntext block: Tail\n"},
    // Inline markup becomes placeholders, numbered when repeated.
    {"<p>See <a href=1>this</a> and <a href=2>that</a>.</p>",
     "paragraph: See <a1>this</a1> and <a2>that</a2>.\n"},
    {"<p>A <strong>bold <em>and</em> strong</strong> word</p>",
     "paragraph: A <strong>bold <em>and</em> strong</strong> word\n"},
    {"<p>Line one<br>line two<br/>three</p>", "paragraph: Line one<br1/>line two<br2/>three\n"},
    {"<p>An <img src=x.png alt=\"icon\"> inline image</p>",
     "paragraph: An <img/> inline image\n@image alt text: icon\n"},
    // Void elements at a unit's edges stay outside it, their attributes
    // still units.
    {"<table><tr><td><br>Wrap me.<br><br></td><td> <wbr><img src=x alt=\"A map\"> "
     "<a href=y>Map</a> <br></td></tr></table>",
     "table cell: Wrap me.\n@image alt text: A map\ntable cell: Map\n"},
    {"<p>Line one<br>line two</p>", "paragraph: Line one<br/>line two\n"},
    // A wrapper around the whole unit stays outside it.
    {"<li><a href=\"/\">Home</a></li>", "list item: Home\n"},
    {"<p><em>All of it</em></p>", "paragraph: All of it\n"},
    // Whitespace collapses; entities are decoded; '<' and '&lt;' escaped.
    {"<p>  Many\n   spaces\there  </p>", "paragraph: Many spaces here\n"},
    {"<p>Peace &amp; justice &rsquo;24&nbsp;hours&rsquo;</p>",
     "paragraph: Peace & justice \xE2\x80\x99"
     "24\xC2\xA0hours\xE2\x80\x99\n"},
    {"<p>a &lt; b and &amp;lt; literally</p>", "paragraph: a &lt; b and &amp;lt; literally\n"},
    // A comment inside a unit is a placeholder (WordPress reads <!--more-->);
    // at its edges it stays outside.
    {"<p>Hello <!-- note --> world</p>", "paragraph: Hello <comment/> world\n"},
    {"<p>Before the fold. <!--more-->After the fold.<!--nextpage--><em>Next</em></p>",
     "paragraph: Before the fold. <comment1/>After the fold.<comment2/><em>Next</em>\n"},
    {"<div><!-- wp:paragraph -->Block <b>text</b><!-- /wp:paragraph --></div>",
     "text block: Block <b>text</b>\n"},
    // Not extracted.
    {"<script>var s = 'Hello';</script><style>p{content:'x'}</style><p>Text</p>",
     "paragraph: Text\n"},
    {"<pre>code block</pre><p>Run <code>make demo</code> now</p>", "paragraph: Run <code/> now\n"},
    // Gutenberg's verse and preformatted blocks are prose, their line breaks
    // and spaces kept; its code block is code.
    {"<pre class=\"wp-block-verse\">\nRoses are red,\n  violets are <em>blue</em>.\n</pre>",
     "preformatted text: Roses are red,\n  violets are <em>blue</em>.\n"},
    {"<pre class=\"x wp-block-preformatted\">One  two\n\tthree</pre>"
     "<pre class=\"wp-block-code\"><code>make   all</code></pre>",
     "preformatted text: One  two\n\tthree\n"},
    {"<p translate=\"no\">Down To Zero</p><p>The <span translate=\"no\">DtZ</span> alliance</p>",
     "paragraph: The <span/> alliance\n"},
    {"<div translate=no><p>skip</p><p translate=yes>keep</p></div>", "paragraph: keep\n"},
    {"<p>2017</p><p>--- 42 ---</p><p> </p>", ""},
    // Letters are counted after entities are decoded; a URL alone (an
    // oEmbed line) is an address.
    {"<table><tr><td>&lt;</td><td>&amp;&gt;</td><td>&lt;b&gt;</td></tr></table>"
     "<img alt=\"&lt;&amp;\" src=x>",
     "table cell: &lt;b>\n"},
    {"<p>https://www.youtube.com/watch?v=abc</p><p><a href=x>https://vimeo.com/1</a></p>"
     "<p>See https://e.org/x</p><a title=\"https://e.org\">x</a>",
     "paragraph: See https://e.org/x\ntext block: x\n"},
    // Raw text is not HTML: an escaped translation would show "&lt;b&gt;".
    {"<p>Before</p><xmp>Use <b>bold</b></xmp><noembed>No <i>plugin</i></noembed>"
     "<noframes>No frames</noframes><iframe>Old browser</iframe><p>After</p>"
     "<plaintext>All the <p>rest</p>",
     "paragraph: Before\nparagraph: After\n"},
    // A pragma is an instruction to the browser, never text: a refresh
    // would let the translator redirect the page.
    {"<head><meta name=\"description\" http-equiv=\"refresh\" content=\"0;url=//evil.example/\">"
     "<meta property=\"og:title\" http-equiv=\"Content-Type\" content=\"text/html\">"
     "<meta name=\"description\" charset=\"utf-8\" content=\"Charset\"></head>",
     ""},
    // Dates and categories.
    {"<p>Publish Date: <time datetime=\"2017-08-29\">August 29, 2017</time></p>",
     "paragraph: Publish Date: <time/>\n"},
    {"<p><time datetime=\"2017-08-29\">August 29, 2017</time></p>", "~paragraph: <time/>\n"},
    {"<p>At <time>noon</time></p>", "paragraph: At <time>noon</time>\n"},
    {"<p>Category: <a rel=\"category tag\" href=\"/category/events/\">Events / Eventos</a>, "
     "<a rel=\"category tag\" href=\"/category/youth/\">Youth / Jóvenes</a></p>",
     "paragraph: Category: <category/>\n"},
    // An XHTML-style <a/> stays open in HTML5: the parser reconstructs it in
    // the next paragraph, where it has no bytes and is no placeholder.
    {"<h3><a name=\"x\"/>Title</h3><p>Text</p>", "heading: <a>Title</a>\nparagraph: Text\n"},
    // Attributes.
    {"<head><meta name=\"description\" content=\"About the visit\"><meta name=viewport "
     "content=\"width=device-width\"></head>",
     "@page metadata: About the visit\n"},
    {"<p>Read <a href=x title=\"The full report\">more</a></p>",
     "paragraph: Read <a>more</a>\n@title attribute: The full report\n"},
    {"<p data-l10n-context=\"menu\">Home</p>", "paragraph[menu]: Home\n"},
};

TEST_CASE("segmenting HTML snippets") {
  for (const Case& c : kCases) {
    CAPTURE(c.html);
    CHECK(Dump(c.html) == c.want);
  }
}

std::string DumpShortcodes(const std::string& html) {
  DiagnosticSink sink;
  SegmentOptions options;
  options.shortcodes = true;
  Segmentation seg = SegmentHtml(html, "t.html", options, &sink);
  std::string out;
  for (const Unit& u : seg.units) {
    if (!u.translatable) out += '~';
    out += u.text + "\n";
    for (const Placeholder& p : u.placeholders) {
      std::string start(html.substr(p.start_tag.begin, p.start_tag.end - p.start_tag.begin));
      std::string end(html.substr(p.end_tag.begin, p.end_tag.end - p.end_tag.begin));
      if (p.kind == Placeholder::Kind::kOpaque) {
        start = html.substr(p.element.begin, p.element.end - p.element.begin);
      }
      out += "  " + p.name + " " + start + (end.empty() ? "" : " " + end) + "\n";
    }
  }
  return out;
}

TEST_CASE("shortcodes are protected placeholders when the project says so") {
  const Case kShortcodes[] = {
      // Only shortcodes: not extracted.
      {"<p>[gallery columns=\"3\" ids=\"1,2\"]</p><p>[audio src=\"a.mp3\" /]</p>", ""},
      // An opening tag takes the first closing tag of its name.
      {"<p>[caption id=\"a1\" width=\"300\"]<img src=b.jpg> A boat.[/caption]</p>",
       "<shortcode><img/> A boat.</shortcode>\n"
       "  shortcode [caption id=\"a1\" width=\"300\"] [/caption]\n"
       "  img <img src=b.jpg>\n"},
      {"<p>Listen: [audio src=\"a.mp3\" /] and [embed]https://e.org/v[/embed] now.</p>",
       "Listen: <shortcode1/> and <shortcode2>https://e.org/v</shortcode2> now.\n"
       "  shortcode1 [audio src=\"a.mp3\" /]\n"
       "  shortcode2 [embed] [/embed]\n"},
      // [[name]] is WordPress's escape for literal text; a stray closing tag
      // is text; entities are decoded around the tags.
      {"<p>Write [[gallery]] &amp; [/b] for [x a=\"&lt;\"]this.</p>",
       "Write [[gallery]] & [/b] for <shortcode/>this.\n  shortcode [x a=\"&lt;\"]\n"},
      // Tags in different elements cannot pair: each is its own placeholder.
      {"<p>[note]<em>Careful[/note] here</em></p>",
       "<shortcode1/><em>Careful<shortcode2/> here</em>\n"
       "  shortcode1 [note]\n  em <em> </em>\n  shortcode2 [/note]\n"},
      // Brackets that are no tag stay text; any name is a shortcode.
      {"<p>See [1] and [ x ] or [a</p>", "See <shortcode/> and [ x ] or [a\n  shortcode [1]\n"},
  };
  for (const Case& c : kShortcodes) {
    CAPTURE(c.html);
    CHECK(DumpShortcodes(c.html) == c.want);
  }
  // Or only the names the project lists.
  DiagnosticSink sink;
  SegmentOptions options;
  options.shortcodes = true;
  options.shortcode_names = {"gallery"};
  Segmentation seg = SegmentHtml("<p>See [1] in [gallery]</p>", "t.html", options, &sink);
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].text == "See [1] in <shortcode/>");
  // 100,000 nested shortcodes, and brackets that never close: no deep
  // recursion, no quadratic search.
  std::string nested = "<p>";
  for (int i = 0; i < 100000; ++i) nested += "[a]x";
  for (int i = 0; i < 100000; ++i) nested += "[/a]";
  nested += "</p><p>" + std::string(200000, '[') + "a</p>";
  options.shortcode_names.clear();
  Segmentation deep = SegmentHtml(nested, "t.html", options, &sink);
  REQUIRE(deep.units.size() == 2);
  // The first [a] takes the first [/a]; the others are inside it, each on
  // its own; the other closing tags are text.
  CHECK(deep.units[0].placeholders.size() == 100000);
  const std::string& deep_text = deep.units[0].text;
  CHECK(deep_text.rfind("<shortcode1>x<shortcode2/>x<shortcode3/>", 0) == 0);
  CHECK(deep_text.find("<shortcode100000/>x</shortcode1>[/a][/a]") != std::string::npos);
  CHECK(deep.units[1].placeholders.empty());
  // Off by default: brackets are text.
  CHECK(Dump("<p>[gallery columns=\"3\"]</p>") == "paragraph: [gallery columns=\"3\"]\n");
}

TEST_CASE("units know their location and note") {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n  <p>Hello\n  world</p>\n";
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "corpus/my-post.html", &sink);
  REQUIRE(seg.units.size() == 1);
  const Unit& u = seg.units[0];
  CHECK(u.line == 4);
  CHECK(u.column == 6);
  CHECK(html.substr(u.range.begin, u.range.end - u.range.begin) == "Hello\n  world");
  CHECK(u.note == "paragraph, my-post");
  CHECK(seg.lang == "en");
  CHECK(html.substr(seg.lang_range.begin, seg.lang_range.end - seg.lang_range.begin) == "en");
  CHECK(u.Id().size() == 16);
}

TEST_CASE("stable ids depend on the text only") {
  DiagnosticSink sink;
  Segmentation a = SegmentHtml("<p>Same text</p>", "a.html", &sink);
  Segmentation b = SegmentHtml("<div>\n<p>Other</p><p>Same   text</p></div>", "b.html", &sink);
  REQUIRE(a.units.size() == 1);
  REQUIRE(b.units.size() == 2);
  CHECK(a.units[0].Id() == b.units[1].Id());
  CHECK(a.units[0].Id() != b.units[0].Id());
}

TEST_CASE("a time element whose datetime is not a date is reported") {
  DiagnosticSink sink;
  Segmentation seg =
      SegmentHtml("<p>On <time datetime=\"2017-02-30\">then</time></p>", "t.html", &sink);
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].text == "On <time>then</time>");
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].Render() ==
        "t.html:1:22: warning: '2017-02-30' is not a date; the element is kept as text");
}

TEST_CASE("mis-nested inline markup is left untranslated, and said") {
  // The parser reopens <i> after </b>: the source's </i> closes an element
  // no placeholder stands for, so a rebuilt unit would lose it.
  std::string html = "<p>One <b>two <i>three</b> four</i> five.</p>\n<p>Fine <b>bold</b>.</p>";
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "t.html", &sink);
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].text == "Fine <b>bold</b>.");
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].Render() ==
        "t.html:1:32: warning: mis-nested inline markup: '</i>' closes an element the HTML "
        "parser reopened; this text is left untranslated");
}

TEST_CASE("a byte order mark before the doctype is no text") {
  std::string html = "\xEF\xBB\xBF<!DOCTYPE html>\n<html lang=\"en\"><p>Hi <em>there</em></p>";
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "t.html", &sink);
  CHECK(seg.lang == "en");
  CHECK(seg.has_lang_edit);
  CHECK(html.substr(seg.lang_range.begin, seg.lang_range.end - seg.lang_range.begin) == "en");
  REQUIRE(seg.units.size() == 1);
  const Unit& u = seg.units[0];
  CHECK(html.substr(u.range.begin, u.range.end - u.range.begin) == "Hi <em>there</em>");
  REQUIRE(u.placeholders.size() == 1);
  CHECK(html.substr(u.placeholders[0].start_tag.begin, 4) == "<em>");
}

TEST_CASE("html without lang attribute gets an insertion point") {
  std::string html = "<html><p>Hi there</p>";
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(html, "t.html", &sink);
  CHECK(seg.has_lang_edit);
  CHECK_FALSE(seg.lang_attribute_present);
  CHECK(seg.lang_range.begin == 5);
  CHECK(seg.lang_range.empty());
}

}  // namespace
}  // namespace l10n
