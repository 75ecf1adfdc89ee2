// The Markdown format's units: what a translator sees of each construct,
// and the bytes merge replaces (DumpMarkdownUnits: kind: msgid [bytes]).
#include <doctest/doctest.h>

#include "markdown_test_util.h"
#include "post/post_formats.h"
#include "test_util.h"

namespace l10n {
namespace {

struct Case {
  const char* name;
  const char* markdown;
  const char* units;
};

const Case kCases[] = {
    {"ATX heading, closing hashes outside the unit", "## Hello *world* ##\n",
     "heading: Hello <em>world</em> [Hello *world*]\n"},
    {"Setext heading", "Hello\n=====\n", "heading: Hello [Hello]\n"},
    {"heading attributes are not text", "### Hours {#hours}\n", "heading: Hours [Hours]\n"},
    {"hard-wrapped paragraph: one unit, soft breaks are spaces", "One two\nthree four.\n",
     "paragraph: One two three four. [One two\nthree four.]\n"},
    {"strong, em with both markers, strikethrough", "**a** __b__ *c* _d_ ~~e~~ ~f~ word\n",
     "paragraph: <strong1>a</strong1> <strong2>b</strong2> <em1>c</em1> <em2>d</em2> "
     "<del1>e</del1> <del2>f</del2> word [**a** __b__ *c* _d_ ~~e~~ ~f~ word]\n"},
    {"nested emphasis", "***both*** words\n",
     "paragraph: <em><strong>both</strong></em> words [***both*** words]\n"},
    {"inline link with a title: URL hidden, title its own unit",
     "See [the plan](https://x.org/p \"The plan\").\n",
     "paragraph: See <a>the plan</a>. [See [the plan](https://x.org/p \"The plan\").]\n"
     "@title attribute: The plan [The plan]\n"},
    {"reference link and its definition: the title a unit",
     "Read [it][ref] now.\n\n[ref]: /x \"T\"\n",
     "paragraph: Read <a>it</a> now. [Read [it][ref] now.]\n@title attribute: T [T]\n"},
    {"definition titles in each delimiter",
     "[a]: /a \"Annual report\"\n[b]: /b 'Budget 2024'\n[c]: </c d> (Chart \\(new\\))\n",
     "@title attribute: Annual report [Annual report]\n@title attribute: Budget 2024 [Budget "
     "2024]\n@title attribute: Chart (new) [Chart \\(new\\)]\n"},
    {"definition title over lines, and on the line after the destination",
     "[a]:\n  https://x.org/a\n  \"The annual\n  report\"\n\n[b]: /b\n'Budget'\n",
     "@title attribute: The annual report [The annual\n  report]\n"
     "@title attribute: Budget [Budget]\n"},
    {"definition after a heading, then text after it",
     "# Links\n[a]: /a \"Title A\"\nNow a paragraph.\n",
     "heading: Links [Links]\n@title attribute: Title A [Title A]\n"
     "paragraph: Now a paragraph. [Now a paragraph.]\n"},
    {"definition in a block quote and in a list item",
     "> [q]: /q \"In a quote\"\n\n- [l]: /l\n  \"In a list\"\n",
     "@title attribute: In a quote [In a quote]\n@title attribute: In a list [In a list]\n"},
    {"a title over quoted lines is left out (its prefix inside)", "> [q]: /q \"Over\n> lines\"\n",
     ""},
    {"not definitions: a paragraph's line, code, a bad title, a title with junk after it",
     "Text\n[a]: /a \"No\"\n\n    [b]: /b \"Code\"\n\n```\n[c]: /c \"Fence\"\n```\n\n"
     "[d]: /d \"Open\n\n[e]: /e \"T\" junk\n",
     "paragraph: Text [a]: /a \"No\" [Text\n[a]: /a \"No\"]\n"
     "paragraph: [d]: /d \"Open [[d]: /d \"Open]\n"
     "paragraph: [e]: /e \"T\" junk [[e]: /e \"T\" junk]\n"},
    {"a title holding a shortcode is left out", "[a]: /a \"See {{< x >}}\"\n", ""},
    {"code span protected", "Run `make demo` first.\n",
     "paragraph: Run <code/> first. [Run `make demo` first.]\n"},
    {"image: placeholder, alt its own unit", "A ![red door](door.jpg \"Door\") here.\n",
     "paragraph: A <img/> here. [A ![red door](door.jpg \"Door\") here.]\n"
     "@image alt text: red door [red door]\n@title attribute: Door [Door]\n"},
    {"image alone: alt only", "![Sunset over the bay](s.jpg)\n",
     "@image alt text: Sunset over the bay [Sunset over the bay]\n"},
    {"raw inline HTML protected", "Press <kbd>Ctrl</kbd> now.\n",
     "paragraph: Press <kbd1/>Ctrl<kbd2/> now. [Press <kbd>Ctrl</kbd> now.]\n"},
    {"hard breaks: two spaces and backslash", "One  \ntwo\\\nthree\n",
     "paragraph: One<br1/>two<br2/>three [One  \ntwo\\\nthree]\n"},
    {"autolinks are protected", "See <https://x.org> or www.x.org today.\n",
     "paragraph: See <a1/> or <a2/> today. [See <https://x.org> or www.x.org today.]\n"},
    {"escapes and entities decoded", "A \\*star\\* &amp; &copy; sign\n",
     "paragraph: A *star* & © sign [A \\*star\\* &amp; &copy; sign]\n"},
    {"lists: bullets and ordered, tight and nested", "- one\n- two\n  * nested\n\n1. first\n2) x\n",
     "list item: one [one]\nlist item: two [two]\nlist item: nested [nested]\n"
     "list item: first [first]\nlist item: x [x]\n"},
    {"loose list item paragraphs", "+ one\n\n+ two\n",
     "list item: one [one]\nlist item: two [two]\n"},
    {"block quote over lines: the prefix is inside the range", "> one\n> two\n",
     "quotation: one two [one\n> two]\n"},
    {"table cells", "| A | B |\n|---|---|\n| x *y* | z \\| w |\n",
     "table header: A [A]\ntable header: B [B]\ntable cell: x <em>y</em> [x *y*]\n"
     "table cell: z | w [z \\| w]\n"},
    {"fenced and indented code are not extracted", "```\ncode here\n```\n\n    indented code\n",
     ""},
    {"HTML block: its text as HTML's, no Markdown read in it",
     "<div class=\"note\">\nText *not md*\n</div>\n",
     "text block: Text *not md* [Text *not md*]\n"},
    {"HTML block: inline elements are placeholders", "<p>Hello <b>x</b></p>\n",
     "paragraph: Hello <b>x</b> [Hello <b>x</b>]\n"},
    {"HTML block: figure caption and image alt",
     "<figure>\n<img src=\"a.png\" alt=\"A red door\">\n"
     "<figcaption>Caption</figcaption>\n</figure>\n",
     "@image alt text: A red door [A red door]\nfigure caption: Caption [Caption]\n"},
    {"HTML block: unquoted and single-quoted attributes",
     "<p>Hello <b>x</b> <img src=a.png alt=door title='A \"door\"'></p>\n",
     "paragraph: Hello <b>x</b> [Hello <b>x</b>]\n@image alt text: door [door]\n@title attribute: "
     "A \"door\" [A \"door\"]\n"},
    {"HTML block: entities decoded", "<p>Fish &amp; chips</p>\n",
     "paragraph: Fish & chips [Fish &amp; chips]\n"},
    {"HTML block: translate=\"no\" on the outermost element, inherited",
     "<div translate=\"no\">\n<p>Brand <b>Name</b></p>\n</div>\n", ""},
    {"HTML block: translate=\"yes\" inside translate=\"no\"",
     "<div translate=\"no\">\n<p>Keep</p><p translate=\"yes\">Say</p>\n</div>\n",
     "paragraph: Say [Say]\n"},
    {"translate=\"no\" on an HTML block reaches the Markdown inside it, up to its end tag",
     "<div translate=\"no\">\n\nSome *Markdown*\n\n[a]: /a \"Title\"\n\n<p>HTML</p>\n\n</div>\n\n"
     "After.\n",
     "paragraph: After. [After.]\n"},
    {"translate=\"yes\" inside it, comments and quoted '>' do not confuse it",
     "<div translate=\"no\" title=\"a > b\"><!-- </div> -->\n\nNo.\n\n"
     "<section translate=\"yes\">\n\nYes.\n\n</section>\n\nNo again.\n\n</div>\n\nAfter.\n",
     "paragraph: Yes. [Yes.]\nparagraph: After. [After.]\n"},
    {"an element left open in a list item ends with the item",
     "- <div translate=\"no\">\n\n  No.\n\nAfter the list.\n",
     "paragraph: After the list. [After the list.]\n"},
    {"HTML block: nested blocks",
     "<section>\n<div><p>One</p>\n<ul><li>Two</li></ul></div>\n"
     "</section>\n",
     "paragraph: One [One]\nlist item: Two [Two]\n"},
    {"HTML comment, script and style blocks untouched",
     "<!-- a note\nfor editors -->\n\n<script>\nvar s = \"text\";\n</script>\n\n"
     "<style>\np { color: red }\n</style>\n",
     ""},
    {"HTML block between Markdown paragraphs: each its own",
     "Before.\n\n<div>\nInside\n</div>\n\nAfter.\n",
     "paragraph: Before. [Before.]\ntext block: Inside [Inside]\nparagraph: After. [After.]\n"},
    {"HTML block in a list item: the indentation is inside the range",
     "- item\n\n  <div>\n  Indented\n  text\n  </div>\n",
     "list item: item [item]\ntext block: Indented text [Indented\n  text]\n"},
    {"HTML block in a quote: a unit over a prefixed line is left out",
     "> <div>\n> <p>One line</p>\n> <p>Two\n> lines</p>\n> </div>\n",
     "paragraph: One line [One line]\n"},
    {"HTML block with a shortcode: that unit is left out",
     "<div>\n<p>See {{< ref \"a\" >}}</p>\n<p>Plain</p>\n</div>\n", "paragraph: Plain [Plain]\n"},
    {"a shortcode alone is not extracted", "{{< figure src=\"a.png\" >}}\n", ""},
    {"shortcodes inside text are protected", "Text {{% ref \"a_b\" %}} more.\n",
     "paragraph: Text <shortcode/> more. [Text {{% ref \"a_b\" %}} more.]\n"},
    {"shortcode punctuation is never Markdown", "A {{< x a=\"*b*\" >}} b\n",
     "paragraph: A <shortcode/> b [A {{< x a=\"*b*\" >}} b]\n"},
    {"Liquid tags (Jekyll) are protected", "Hi {{ page.author }}, see {% link a.md %}.\n",
     "paragraph: Hi <template1/>, see <template2/>. [Hi {{ page.author }}, see {% link a.md "
     "%}.]\n"},
    {"an unclosed shortcode is text", "Use {{< to open\n",
     "paragraph: Use {{&lt; to open [Use {{< to open]\n"},
    {"a unit without words is not extracted", "2024\n\n---\n\n***\n", ""},
    {"task list item", "- [ ] buy milk\n", "list item: buy milk [buy milk]\n"},
};

TEST_CASE("markdown: units of each construct") {
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.name));
    Segmentation seg = SegmentMarkdown(c.markdown);
    CHECK(DumpMarkdownUnits(seg, c.markdown) == std::string(c.units));
  }
}

TEST_CASE("markdown: an HTML block's units and warnings are located in the post") {
  std::string post =
      "---\ntitle: T\n---\nIntro.\n\n<div>\n  <p>Hello</p>\n <p><b>two <i>three</b> four</i></p>\n"
      "</div>\n";
  DiagnosticSink sink;
  Segmentation seg = MarkdownPostFormat().Segment(post, "content/x.md", SegmentOptions(), &sink);
  REQUIRE(seg.units.size() == 3);
  CHECK(seg.units[2].text == "Hello");
  CHECK(seg.units[2].embedded_html);
  CHECK_FALSE(seg.units[1].embedded_html);
  CHECK(seg.units[2].line == 7);
  CHECK(seg.units[2].column == 6);
  CHECK(seg.units[2].note == "paragraph, x");
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].Render() ==
        "content/x.md:8:29: warning: mis-nested inline markup: '</i>' closes an element the "
        "HTML parser reopened; this text is left untranslated");
}

TEST_CASE("markdown: a definition's title has a note naming its label") {
  Segmentation seg = SegmentMarkdown("See [the report].\n\n[The Report]: /r \"Annual report\"\n",
                                     "content/lima/index.md");
  REQUIRE(seg.units.size() == 2);
  CHECK(seg.units[1].note == "link title, [The Report], lima");
  CHECK(seg.units[1].quote == '"');
  CHECK(seg.units[1].line == 3);
  CHECK(seg.units[1].column == 19);
}

TEST_CASE("markdown: the format is picked by the file name") {
  CHECK(&PostFormatFor("content/post/index.md") == &MarkdownPostFormat());
  CHECK(&PostFormatFor("_posts/2017-08-29-x.MARKDOWN") == &MarkdownPostFormat());
  CHECK(&PostFormatFor("post.html") != &MarkdownPostFormat());
}

TEST_CASE("markdown: notes name the kind and the post") {
  Segmentation seg = SegmentMarkdown("Use `x` here.\n", "content/hello.md");
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].note == "paragraph, hello\n<code/> stays as it is: \"x\"");
  CHECK(seg.units[0].line == 1);
  CHECK(seg.units[0].column == 1);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// Linear in the nesting: a block's kind is not found by walking every
// open block (a million '>' took minutes).
TEST_CASE("markdown: deep nesting segments, and deep front matter is refused") {
  std::string quotes = std::string(300000, '>') + " deep text\n";
  Segmentation seg = SegmentMarkdown(quotes);
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].text == "deep text");
  CHECK(MarkdownPostFormat().CheckInput("---\nx: " + std::string(100000, '[') +
                                        std::string(100000, ']') + "\n---\n"));
  CHECK(MarkdownPostFormat().CheckInput("+++\nx = " + std::string(100000, '[') + "\n+++\n"));
}

}  // namespace
}  // namespace l10n
