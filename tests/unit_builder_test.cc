// Building a unit from the pieces a segmenter finds (post/unit_builder.h),
// whatever the post's format: placeholder names, shortcode pairing, words,
// notes.
#include "post/unit_builder.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

namespace l10n {
namespace {

Placeholder Named(const char* name, Placeholder::Kind kind = Placeholder::Kind::kPaired) {
  Placeholder p;
  p.name = name;
  p.kind = kind;
  return p;
}

Placeholder Shortcode(const char* name, bool closing) {
  Placeholder p = Named("shortcode", Placeholder::Kind::kOpaque);
  p.shortcode = name;
  p.shortcode_closing = closing;
  p.verbatim_text = closing ? std::string("[/") + name + "]" : std::string("[") + name + "]";
  return p;
}

TEST_CASE("UnitBuilder names placeholders, numbered when a name repeats") {
  UnitBuilder builder;
  builder.Clear();
  builder.AppendText("See <this> ");
  size_t a = builder.Open(Named("a"));
  builder.AppendText("one");
  builder.Close(a);
  builder.AppendText(" and\n  ");
  size_t a2 = builder.Open(Named("a"));
  builder.AppendText("two");
  builder.Close(a2);
  builder.AddSelfClosing(Named("br", Placeholder::Kind::kVoid));
  Unit unit;
  REQUIRE(builder.Finish(false, &unit));
  CHECK(unit.text == "See &lt;this> <a1>one</a1> and <a2>two</a2><br/>");
  CHECK(unit.translatable);
  REQUIRE(unit.placeholders.size() == 3);
  CHECK(unit.placeholders[2].name == "br");
}

TEST_CASE("UnitBuilder pairs shortcode tags of one scope, and keeps white space when asked") {
  UnitBuilder builder;
  builder.Clear();
  builder.AddShortcodeTag(Shortcode("caption", false), "[caption]");
  builder.AppendText(" A  boat. ");
  builder.AddShortcodeTag(Shortcode("caption", true), "[/caption]");
  builder.AddShortcodeTag(Shortcode("b", true), "[/b]");
  Unit unit;
  REQUIRE(builder.Finish(true, &unit));
  CHECK(unit.text == "<shortcode> A  boat. </shortcode>[/b]");
  REQUIRE(unit.placeholders.size() == 1);
  CHECK(unit.placeholders[0].kind == Placeholder::Kind::kPaired);
  CHECK(unit.placeholders[0].verbatim_text == "[caption]...[/caption]");
}

TEST_CASE("UnitBuilder joins category links separated by list punctuation") {
  UnitBuilder builder;
  builder.Clear();
  builder.AppendText("In ");
  builder.AddSelfClosing(Named("category", Placeholder::Kind::kCategory));
  builder.AppendText(", ");
  Placeholder* list = builder.JoinCategoryList();
  REQUIRE(list != nullptr);
  CHECK(list->name == "category");
  builder.AppendText(" and more");
  CHECK(builder.JoinCategoryList() == nullptr);
  Unit unit;
  REQUIRE(builder.Finish(false, &unit));
  CHECK(unit.text == "In <category/> and more");
}

TEST_CASE("a unit without words is kept only for a date or a category") {
  struct Case {
    const char* text;
    Placeholder::Kind kind;
    bool kept;
  };
  const Case kCases[] = {
      {"2017 — ", Placeholder::Kind::kVoid, false},
      {"2017 — ", Placeholder::Kind::kDate, true},
      {" ", Placeholder::Kind::kCategory, true},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    UnitBuilder builder;
    builder.Clear();
    builder.AppendText(c.text);
    builder.AddSelfClosing(Named("x", c.kind));
    Unit unit;
    CHECK(builder.Finish(false, &unit) == c.kept);
    CHECK_FALSE(unit.translatable);
  }
}

TEST_CASE("HasWords") {
  struct Case {
    const char* decoded;
    bool want;
  };
  const Case kCases[] = {
      {"Hello", true},
      {"2017", false},
      {"<&>", false},
      {"\xE2\x80\x94", false},             // an em dash
      {"\xD0\x9C\xD0\xB8\xD1\x80", true},  // "Мир"
      {"https://youtu.be/x", false},
      {" https://e.org/x ", false},
      {"See https://e.org/x", true},
      {"\xFF\xFE", false},  // not UTF-8: no letters
  };
  for (const Case& c : kCases) {
    CAPTURE(c.decoded);
    CHECK(HasWords(c.decoded) == c.want);
  }
}

TEST_CASE("UnitNote says what the unit is and what its placeholders stand for") {
  Unit unit;
  unit.kind = UnitKind::kParagraph;
  unit.placeholders.push_back(Named("time", Placeholder::Kind::kDate));
  unit.placeholders.push_back(Named("category", Placeholder::Kind::kCategory));
  Placeholder comment = Named("comment", Placeholder::Kind::kComment);
  // 41 bytes: cut at 40 would split the "\xC3\xA9" (U+00E9).
  comment.verbatim_text = std::string(39, 'x') + "\xC3\xA9 more";
  unit.placeholders.push_back(comment);
  Placeholder code = Named("code", Placeholder::Kind::kOpaque);
  code.verbatim_text = "make all";
  unit.placeholders.push_back(code);
  unit.placeholders.push_back(Named("em"));
  CHECK(UnitNote(unit, "my-post") ==
        "paragraph, my-post\n"
        "<time/> is a date, written out in your language\n"
        "<category/> is the list of categories, written out in your language\n"
        "<comment/> is the HTML comment <!--" +
            std::string(39, 'x') +
            "...-->: keep it\n"
            "<code/> stays as it is: \"make all\"");
}

}  // namespace
}  // namespace l10n
