#include "catalog/catalog.h"

#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <string>

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

// What Find gives for each key, as "key=msgstr" or "key=none", keys by
// their msgid (with "ctx|" for a msgctxt).
template <typename C>  // Catalog or const Catalog: either Find
std::string DumpFinds(C& c) {
  std::string out;
  for (const char* key : {"News", "category|News", "Gone", "Added"}) {
    std::string_view k = key;
    std::optional<std::string> msgctxt;
    if (size_t bar = k.find('|'); bar != std::string_view::npos) {
      msgctxt = std::string(k.substr(0, bar));
      k.remove_prefix(bar + 1);
    }
    auto* m = c.Find(msgctxt, k);
    out += std::string(key) + "=" + (m ? m->msgstr[0] : "none") + " ";
  }
  return out;
}

TEST_CASE("the const Find never changes the catalog and gives what the index would") {
  Message news;
  news.msgid = "News";
  news.msgstr = {"N"};
  Message category = news;
  category.msgctxt = "category";
  category.msgstr = {"Noticias"};
  Message gone = news;
  gone.msgid = "Gone";
  gone.obsolete = true;
  Message added = news;
  added.msgid = "Added";
  added.msgstr = {"A"};
  struct Case {
    const char* name;
    std::function<void(Catalog*)> change;  // after the index was built
    const char* want;
    const char* want_stale = nullptr;  // the const Find's without Reindex(), if other
  };
  const Case cases[] = {
      {"indexed", [](Catalog*) {}, "News=N category|News=Noticias Gone=none Added=none "},
      {"an entry appended", [&](Catalog* c) { c->messages.push_back(added); },
       "News=N category|News=Noticias Gone=none Added=A "},
      {"the first entry erased", [](Catalog* c) { c->messages.erase(c->messages.begin()); },
       "News=none category|News=Noticias Gone=none Added=none "},
      // A key edited in place: the const Find trusts the index, which has
      // no entry for it; the non-const one sees the old key's entry changed
      // and reindexes.
      {"an entry edited in place", [](Catalog* c) { c->messages[0].msgid = "Added"; },
       "News=none category|News=Noticias Gone=none Added=N ",
       "News=none category|News=Noticias Gone=none Added=none "},
      {"an entry made obsolete", [](Catalog* c) { c->messages[1].obsolete = true; },
       "News=N category|News=none Gone=none Added=none "},
      {"reordered", [](Catalog* c) { std::swap(c->messages[0], c->messages[1]); },
       "News=N category|News=Noticias Gone=none Added=none "},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    for (bool reindex : {false, true}) {
      CAPTURE(reindex);
      Catalog catalog;
      catalog.messages = {news, category, gone};
      catalog.Reindex();
      c.change(&catalog);
      if (reindex) catalog.Reindex();
      const Catalog& const_catalog = catalog;
      CHECK(DumpFinds(const_catalog) == (!reindex && c.want_stale ? c.want_stale : c.want));
      CHECK(DumpFinds(catalog) == std::string(c.want));  // the non-const Find reindexes
      CHECK(DumpFinds(const_catalog) == std::string(c.want));
    }
  }
  // Never indexed at all.
  Catalog plain;
  plain.messages = {news, category, gone, added};
  const Catalog& const_plain = plain;
  CHECK(DumpFinds(const_plain) == "News=N category|News=Noticias Gone=none Added=A ");
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
