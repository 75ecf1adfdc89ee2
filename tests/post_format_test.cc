// The post formats (post/post_format.h, post/post_formats.h): which format a
// post's file name picks, and the HTML format's escaping of what merge
// writes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "post/html_format.h"
#include "post/post_formats.h"

namespace l10n {
namespace {

TEST_CASE("PostFormatFor picks the format by extension, HTML by default") {
  for (const char* path : {"a.html", "posts/b.htm", "C.HTML", "no-extension", "notes.txt"}) {
    CAPTURE(path);
    CHECK(&PostFormatFor(path) == &HtmlPostFormat());
  }
}

TEST_CASE("the HTML format escapes text and attribute values, closes elements, sets the language") {
  const PostFormat& html = HtmlPostFormat();
  std::string text;
  html.AppendText(
      "a < b & c > d\xC2\xA0"
      "e \"q\" 'a'",
      &text);
  CHECK(text == "a &lt; b &amp; c &gt; d&nbsp;e \"q\" 'a'");

  struct Case {
    char quote;
    const char* translation;
    const char* want;
  };
  const Case kCases[] = {
      {'"', "Un \"mapa\" & 'más'", "Un &quot;mapa&quot; &amp; 'más'"},
      {'\'', "Un \"mapa\" & 'más'", "Un \"mapa\" &amp; &#39;más&#39;"},
      {0, "Un mapa <b>grande</b>", "\"Un mapa grande\""},  // unquoted: quoted now
  };
  for (const Case& c : kCases) {
    CAPTURE(c.translation);
    Unit unit;
    unit.is_attribute = true;
    unit.quote = c.quote;
    Result<std::vector<Token>> tokens = TokenizeUnitText(c.translation);
    REQUIRE(tokens.ok());
    CHECK(html.RenderAttribute(unit, *tokens) == c.want);
  }

  CHECK(html.ImpliedEndTag(Placeholder::Kind::kDate) == "</time>");
  CHECK(html.ImpliedEndTag(Placeholder::Kind::kCategory) == "</a>");

  Segmentation seg;
  seg.has_lang_edit = true;
  seg.lang_attribute_present = true;
  seg.lang_range = {6, 8};
  CHECK(html.LanguageEdit(seg, "es") == "es");
  seg.lang_attribute_present = false;  // <html lang=>: written over
  CHECK(html.LanguageEdit(seg, "es") == "lang=\"es\"");
  seg.lang_range = {5, 5};  // no lang: inserted after "<html"
  CHECK(html.LanguageEdit(seg, "es") == " lang=\"es\"");
}

TEST_CASE("the HTML format refuses what the prescan refuses, and segments") {
  const PostFormat& html = HtmlPostFormat();
  std::optional<InputProblem> problem = html.CheckInput(std::string("<p>a\0b</p>", 10));
  REQUIRE(problem);
  CHECK(problem->offset == 4);
  CHECK(problem->message == "NUL byte in the post");
  DiagnosticSink sink;
  Segmentation seg = html.Segment("<html lang=en><p>Hi <b>there</b></p>", "p.html", {}, &sink);
  CHECK(seg.lang == "en");
  REQUIRE(seg.units.size() == 1);
  CHECK(seg.units[0].text == "Hi <b>there</b>");
}

}  // namespace
}  // namespace l10n
