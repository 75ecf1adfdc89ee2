#include <doctest/doctest.h>

#include "catalog/catalog.h"

namespace l10n {
namespace {

TEST_CASE("header fields are read, replaced in place and appended") {
  Catalog c;
  c.Header().msgstr[0] = "Project-Id-Version: x\nLanguage: es\n";
  CHECK(c.HeaderField("Language") == "es");
  CHECK_FALSE(c.HeaderField("Lang").has_value());
  c.SetHeaderField("Language", "en");
  c.SetHeaderField("X-Generator", "Poedit 3.2.2");
  CHECK(c.Header().msgstr[0] == "Project-Id-Version: x\nLanguage: en\nX-Generator: Poedit 3.2.2\n");
}

TEST_CASE("messages are found by msgctxt and msgid") {
  Catalog c;
  Message a;
  a.msgid = "News";
  Message b = a;
  b.msgctxt = "category";
  b.msgstr = {"Noticias"};
  Message old = a;
  old.msgid = "Gone";
  old.obsolete = true;
  c.messages = {a, b, old};
  REQUIRE(c.Find(std::nullopt, "News"));
  CHECK(c.Find(std::nullopt, "News")->msgstr[0] == "");
  CHECK(c.Find(std::string("category"), "News")->msgstr[0] == "Noticias");
  CHECK(c.Find(std::nullopt, "Gone") == nullptr);
  c.messages.erase(c.messages.begin());
  CHECK(c.Find(std::nullopt, "News") == nullptr);
  CHECK(c.Find(std::string("category"), "News") != nullptr);
}

TEST_CASE("fuzzy comes first among flags") {
  Message m;
  m.flags = {"c-format"};
  m.SetFlag("fuzzy", true);
  CHECK(m.flags == std::vector<std::string>{"fuzzy", "c-format"});
  CHECK(m.fuzzy());
  m.SetFlag("fuzzy", false);
  CHECK_FALSE(m.fuzzy());
  m.msgstr = {"a", ""};
  CHECK_FALSE(m.translated());
}

}  // namespace
}  // namespace l10n
