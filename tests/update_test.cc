// Catalog updates: msgmerge --previous semantics, checked case by case and
// against the real msgmerge on generated catalogs; and the property that no
// update loses a translation.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <string>

#include "catalog/catalog_update.h"
#include "catalog/fuzzy_match.h"
#include "catalog/packed_catalog.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "post/html_segmenter.h"
#include "project/extract.h"
#include "test_util.h"

namespace l10n {
namespace {

Catalog Parse(const std::string& text) {
  Catalog c;
  DiagnosticSink sink;
  REQUIRE(ReadPo(text, "t.po", &c, &sink));
  return c;
}

const CatalogInfo kInfo{"Test", "en", "es", "2017-08-29 10:00+0000"};

const char kOld[] =
    "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; "
    "charset=UTF-8\\n\"\n\n"
    "# checked by Ana\nmsgid \"The partners met in Lima in August.\"\n"
    "msgstr \"Las organizaciones se reunieron en Lima en agosto.\"\n\n"
    "#, fuzzy\n#| msgid \"A visit to Peru.\"\nmsgid \"A visit to Peru and Colombia.\"\n"
    "msgstr \"Una visita a Perú.\"\n\n"
    "msgid \"Completely unrelated sentence here.\"\nmsgstr \"Frase sin relación.\"\n\n"
    "msgid \"Untranslated and gone.\"\nmsgstr \"\"\n\n"
    "#~ msgid \"Comes back.\"\n#~ msgstr \"Vuelve.\"\n";

const char kNew[] =
    "msgid \"\"\nmsgstr \"\"\n\"POT-Creation-Date: 2018-01-01 00:00+0000\\n\"\n\n"
    "msgid \"The partners met in Lima in September.\"\nmsgstr \"\"\n\n"
    "msgid \"A visit to Peru and Colombia in 2017.\"\nmsgstr \"\"\n\n"
    "msgid \"Comes back.\"\nmsgstr \"\"\n\n"
    "msgid \"Something else entirely, nothing alike.\"\nmsgstr \"\"\n";

TEST_CASE("update: fuzzy matches with previous msgids, revived and obsolete entries") {
  Catalog old = Parse(kOld);
  Catalog templ = Parse(kNew);
  UpdateStats stats;
  Catalog out = UpdateCatalog(templ, &old, kInfo, {}, &stats);
  CHECK(WritePo(out) ==
        "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n"
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        "\"POT-Creation-Date: 2018-01-01 00:00+0000\\n\"\n\n"
        "# checked by Ana\n#, fuzzy\n#| msgid \"The partners met in Lima in August.\"\n"
        "msgid \"The partners met in Lima in September.\"\n"
        "msgstr \"Las organizaciones se reunieron en Lima en agosto.\"\n\n"
        "#, fuzzy\n#| msgid \"A visit to Peru.\"\nmsgid \"A visit to Peru and Colombia in 2017.\"\n"
        "msgstr \"Una visita a Perú.\"\n\n"
        "msgid \"Comes back.\"\nmsgstr \"Vuelve.\"\n\n"
        "msgid \"Something else entirely, nothing alike.\"\nmsgstr \"\"\n\n"
        "#~ msgid \"Completely unrelated sentence here.\"\n#~ msgstr \"Frase sin relación.\"\n");
  CHECK(stats.fuzzy == 2);
  CHECK(stats.revived == 1);
  CHECK(stats.obsolete == 1);
  CHECK(stats.untranslated == 1);

  UpdateOptions purge;
  purge.purge_obsolete = true;
  std::string purged = WritePo(UpdateCatalog(templ, &old, kInfo, purge));
  CHECK(purged.find("#~") == std::string::npos);

  UpdateOptions exact_only;
  exact_only.fuzzy_matching = false;
  Catalog no_fuzzy = UpdateCatalog(templ, &old, kInfo, exact_only);
  CHECK(no_fuzzy.messages[1].msgstr[0] == "");
  CHECK_FALSE(no_fuzzy.messages[1].fuzzy());
}

TEST_CASE("update: compendia fill exact and fuzzy matches and never become obsolete") {
  Catalog templ = Parse(kNew);
  Catalog compendium = Parse(
      "msgid \"Something else entirely, nothing alike.\"\nmsgstr \"Otra cosa.\"\n\n"
      "msgid \"The partners met in Lima in October.\"\nmsgstr \"Se reunieron en octubre.\"\n\n"
      "msgid \"Unused.\"\nmsgstr \"Sin uso.\"\n");
  UpdateOptions options;
  options.compendia.push_back(&compendium);
  UpdateStats stats;
  Catalog out = UpdateCatalog(templ, nullptr, kInfo, options, &stats);
  CHECK(out.HeaderField("Language") == "es");
  CHECK(out.messages[1].msgstr[0] == "Se reunieron en octubre.");
  CHECK(out.messages[1].fuzzy());
  CHECK(out.messages[1].prev_msgid ==
        std::optional<std::string>("The partners met in Lima in October."));
  CHECK(out.messages[4].msgstr[0] == "Otra cosa.");
  CHECK_FALSE(out.messages[4].fuzzy());
  CHECK(stats.compendium == 2);
  CHECK(stats.obsolete == 0);
  CHECK(WritePo(out).find("Sin uso") == std::string::npos);
}

TEST_CASE("update: a compendium translates what the catalog has untranslated, as msgmerge -C") {
  // msgmerge looks a key up in the catalog and the compendia together and
  // prefers a translated entry (message_list_list_search).
  Catalog templ = Parse("msgid \"Hello world\"\nmsgstr \"\"\n\nmsgid \"Bye\"\nmsgstr \"\"\n");
  Catalog old = Parse(
      "msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgid \"Hello world\"\nmsgstr \"\"\n\n"
      "msgid \"Bye\"\nmsgstr \"Chao\"\n");
  Catalog compendium =
      Parse("msgid \"Hello world\"\nmsgstr \"Hola, mundo\"\n\nmsgid \"Bye\"\nmsgstr \"Adiós\"\n");
  UpdateOptions options;
  options.compendia.push_back(&compendium);
  UpdateStats stats;
  Catalog out = UpdateCatalog(templ, &old, kInfo, options, &stats);
  REQUIRE(out.messages.size() == 3);
  CHECK(out.messages[1].msgstr[0] == "Hola, mundo");
  CHECK_FALSE(out.messages[1].fuzzy());
  CHECK(out.messages[2].msgstr[0] == "Chao");  // the catalog's own translation stays
  CHECK(stats.compendium == 1);
  CHECK(stats.exact == 1);
}

// Deterministic English-like text.
class TextGen {
 public:
  explicit TextGen(unsigned seed) : rng_(seed) {}
  std::string Word() {
    static const char* kWords[] = {
        "the",         "partners",    "young",       "people",   "met",          "in",
        "Lima",        "to",          "share",       "their",    "work",         "with",
        "children",    "and",         "adolescents", "against",  "exploitation", "a",
        "regional",    "meeting",     "of",          "alliance", "hotel",        "staff",
        "learned",     "how",         "report",      "signs",    "police",       "prosecutors",
        "communities", "online",      "safety",      "campaign", "workshop",     "leaders",
        "network",     "visit",       "Colombia",    "Peru",     "Asia",         "Philippines",
        "prevention",  "tourism",     "code",        "conduct",  "for",          "is",
        "was",         "are",         "we",          "they",     "voices",       "change",
        "forum",       "declaration", "ministry",    "local",    "authorities",  "schools",
        "teachers",    "parents",     "risks",       "trust",    "together",     "stronger",
        "next"};
    return kWords[rng_() % (sizeof kWords / sizeof *kWords)];
  }
  std::string Sentence(int min_words, int max_words) {
    int n = min_words + static_cast<int>(rng_() % static_cast<unsigned>(max_words - min_words + 1));
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + Word();
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ".";
  }
  // Replaces, inserts or deletes one word.
  std::string EditWord(const std::string& s) {
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      words.push_back(s.substr(pos, end - pos));
      pos = end + 1;
    }
    size_t i = rng_() % words.size();
    switch (rng_() % 3) {
      case 0:
        words[i] = Word();
        break;
      case 1:
        words.insert(words.begin() + static_cast<long>(i), Word());
        break;
      default:
        if (words.size() > 2) words.erase(words.begin() + static_cast<long>(i));
        break;
    }
    std::string out;
    for (size_t k = 0; k < words.size(); ++k) out += (k ? " " : "") + words[k];
    return out;
  }
  unsigned Next() { return rng_(); }

 private:
  std::mt19937 rng_;
};

std::string Header() {
  return "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
         "\"Language: es\\n\"\n";
}

Message Entry(const std::string& msgid, const std::string& msgstr) {
  Message m;
  m.msgid = msgid;
  m.msgstr = {msgstr};
  return m;
}

TEST_CASE("update agrees with msgmerge --previous on generated catalogs") {
  testing::RequireProgram("msgmerge");
  TextGen gen(20171129);
  Catalog old = Parse(Header());
  Catalog templ =
      Parse("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
  std::set<std::string> seen;
  std::set<std::string> edited;
  for (int i = 0; i < 800; ++i) {
    std::string s = gen.Sentence(3, 30);
    if (!seen.insert(s).second) continue;
    old.messages.push_back(Entry(s, "ES " + std::to_string(i)));
    unsigned r = gen.Next() % 100;
    if (r < 10) {
      std::string e = gen.EditWord(s);
      if (seen.insert(e).second) {
        templ.messages.push_back(Entry(e, ""));
        edited.insert(e);
      }
    } else if (r < 13) {
      // dropped from the posts
    } else {
      templ.messages.push_back(Entry(s, ""));
    }
    if (gen.Next() % 40 == 0) {
      std::string fresh = gen.Sentence(5, 20);
      if (seen.insert(fresh).second) templ.messages.push_back(Entry(fresh, ""));
    }
  }
  testing::TempDir dir;
  testing::Spit(dir / "old.po", WritePo(old));
  testing::Spit(dir / "new.pot", WritePo(templ));
  REQUIRE(
      testing::Run("msgmerge --previous -q -o theirs.po old.po new.pot", dir.path()).exit_code ==
      0);
  Catalog theirs = Parse(testing::Slurp(dir / "theirs.po"));
  Catalog ours = UpdateCatalog(templ, &old, kInfo);

  int exact_total = 0, exact_same = 0, edited_total = 0, edited_same = 0;
  std::string disagreements;
  for (const Message& t : theirs.messages) {
    if (t.is_header() || t.obsolete) continue;
    const Message* o = ours.Find(t.msgctxt, t.msgid);
    REQUIRE(o);
    bool same = o->msgstr == t.msgstr && o->fuzzy() == t.fuzzy() && o->prev_msgid == t.prev_msgid;
    if (edited.count(t.msgid)) {
      ++edited_total;
      edited_same += same;
    } else if (!t.fuzzy() && !t.msgstr[0].empty()) {
      ++exact_total;
      exact_same += same;
    }
    if (!same) {
      disagreements += "msgid: " + t.msgid + "\n  msgmerge: " + t.msgstr[0] +
                       (t.fuzzy() ? " (fuzzy)" : "") + "\n  ours:     " + o->msgstr[0] +
                       (o->fuzzy() ? " (fuzzy)" : "") + "\n";
    }
  }
  std::set<std::string> theirs_obsolete, ours_obsolete;
  for (const Message& m : theirs.messages)
    if (m.obsolete) theirs_obsolete.insert(m.msgid);
  for (const Message& m : ours.messages)
    if (m.obsolete) ours_obsolete.insert(m.msgid);
  CHECK(theirs_obsolete == ours_obsolete);
  CHECK(exact_total > 500);
  CHECK(exact_same == exact_total);
  REQUIRE(edited_total > 40);
  double agreement = 100.0 * edited_same / edited_total;
  MESSAGE("fuzzy decisions: " << edited_same << " of " << edited_total
                              << " edited strings as msgmerge (" << agreement << "%)\n"
                              << disagreements);
  CHECK(agreement >= 95.0);
}

TEST_CASE("property: random edits followed by updates never lose a translation") {
  int checked = 0;
  TextGen gen(42);
  for (int round = 0; round < 30; ++round) {
    // A catalog of translated strings, some of them obsolete already.
    Catalog po = Parse(Header());
    std::vector<std::string> units;
    for (int i = 0; i < 60; ++i) units.push_back(gen.Sentence(2, 15));
    for (size_t i = 0; i < units.size(); ++i) {
      if (gen.Next() % 3) po.messages.push_back(Entry(units[i], "T" + std::to_string(i)));
    }
    po.Reindex();
    std::set<std::pair<std::string, std::string>> translated;
    for (const Message& m : po.messages) {
      if (!m.is_header() && !m.msgstr[0].empty()) translated.insert({m.msgid, m.msgstr[0]});
    }
    // Several generations of edits: insert, delete, edit, reorder units.
    for (int generation = 0; generation < 4; ++generation) {
      for (int e = 0; e < 12; ++e) {
        size_t i = gen.Next() % units.size();
        switch (gen.Next() % 4) {
          case 0:
            units.insert(units.begin() + static_cast<long>(i), gen.Sentence(2, 15));
            break;
          case 1:
            if (units.size() > 5) units.erase(units.begin() + static_cast<long>(i));
            break;
          case 2:
            units[i] = gen.EditWord(units[i]);
            break;
          default:
            std::swap(units[i], units[gen.Next() % units.size()]);
            break;
        }
      }
      Catalog templ =
          Parse("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
      std::set<std::string> seen;
      for (const std::string& u : units) {
        if (seen.insert(u).second) templ.messages.push_back(Entry(u, ""));
      }
      po = Parse(WritePo(UpdateCatalog(templ, &po, kInfo)));
      // Each translation is still there for its source text: as the entry
      // of that msgid (active or obsolete), or as a fuzzy entry whose "#|"
      // previous msgid is that text, as msgmerge --previous keeps it.
      for (const auto& [msgid, msgstr] : translated) {
        bool found = false;
        for (const Message& m : po.messages) {
          if (m.msgstr[0] == msgstr && (m.msgid == msgid || m.prev_msgid == msgid)) found = true;
        }
        CAPTURE(msgid);
        REQUIRE(found);
        ++checked;
      }
    }
  }
  CHECK(checked > 3000);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// tests/fixtures/msgmerge/expected.po is what GNU msgmerge 0.21 --previous
// wrote for old.po and new.pot: short strings, contexts, plurals, an already
// fuzzy entry, an obsolete source, a string like nothing before. We write
// the same bytes (no disagreement is known; the generated comparison above
// prints any it meets).
TEST_CASE("update gives msgmerge's output on the tricky-cases fixture") {
  std::string dir = std::string(L10N_SOURCE_DIR) + "/tests/fixtures/msgmerge/";
  Catalog old = Parse(testing::Slurp(dir + "old.po"));
  Catalog templ = Parse(testing::Slurp(dir + "new.pot"));
  const std::string expected = testing::Slurp(dir + "expected.po");
  CHECK(WritePo(UpdateCatalog(templ, &old, kInfo)) == expected);

  // The same from files, as msgmerge is run.
  testing::TempDir tmp;
  DiagnosticSink sink;
  UpdateStats stats;
  REQUIRE(UpdatePoFile(dir + "old.po", dir + "new.pot", tmp / "out.po", kInfo, {}, &stats, &sink));
  CHECK(sink.diagnostics().empty());
  CHECK(testing::Slurp(tmp / "out.po") == expected);
  CHECK(stats.obsolete > 0);
  CHECK(stats.fuzzy > 0);
}

// A catalog of `n` entries with every kind of part, and a template that
// edits, drops, adds and brings back strings.
void MakeUpdateFiles(const testing::TempDir& dir, int n, bool crlf) {
  TextGen gen(static_cast<unsigned>(n) * 7 + crlf);
  Catalog old = Parse(Header());
  old.style.crlf = crlf;
  Catalog templ =
      Parse("msgid \"\"\nmsgstr \"\"\n\"POT-Creation-Date: 2019-05-05 10:00+0000\\n\"\n");
  std::set<std::string> seen;
  for (int i = 0; i < n; ++i) {
    std::string s = gen.Sentence(2, 40);
    if (!seen.insert(s).second) continue;
    Message m = Entry(s, i % 9 == 0 ? "" : "ES " + gen.Sentence(2, 30));
    m.references = {"corpus/post-" + std::to_string(i / 10) + ".html:" + std::to_string(i)};
    m.extracted_comments = {"paragraph"};
    if (i % 5 == 0) m.translator_comments = {"checked"};
    if (i % 7 == 0) m.msgctxt = "category";
    if (i % 11 == 0) m.SetFlag("fuzzy", true);
    if (i % 13 == 0) m.obsolete = true;
    Message t = m;
    t.msgstr = {""};
    t.translator_comments.clear();
    t.flags.clear();
    t.obsolete = false;
    unsigned r = gen.Next() % 100;
    if (r < 10) t.msgid = gen.EditWord(s);
    old.messages.push_back(std::move(m));
    if (r >= 10 && r < 15) continue;  // dropped
    if (seen.insert(t.msgid).second || t.msgid == s) templ.messages.push_back(std::move(t));
    if (r >= 95) templ.messages.push_back(Entry(gen.Sentence(3, 20), ""));
  }
  testing::Spit(dir / "old.po", WritePo(old));
  testing::Spit(dir / "new.pot", WritePo(templ));
}

TEST_CASE("UpdatePoFile writes what UpdateCatalog gives") {
  for (bool crlf : {false, true}) {
    CAPTURE(crlf);
    testing::TempDir dir;
    MakeUpdateFiles(dir, 600, crlf);
    Catalog old = Parse(testing::Slurp(dir / "old.po"));
    Catalog templ = Parse(testing::Slurp(dir / "new.pot"));
    for (bool purge : {false, true}) {
      UpdateOptions options;
      options.purge_obsolete = purge;
      UpdateStats in_memory, from_files;
      const std::string want = WritePo(UpdateCatalog(templ, &old, kInfo, options, &in_memory));
      DiagnosticSink sink;
      REQUIRE(UpdatePoFile(dir / "old.po", dir / "new.pot", dir / "out.po", kInfo, options,
                           &from_files, &sink));
      const std::string got = testing::Slurp(dir / "out.po");
      CHECK(got.size() == want.size());
      CHECK(got == want);
      CHECK(from_files.exact == in_memory.exact);
      CHECK(from_files.fuzzy == in_memory.fuzzy);
      CHECK(from_files.obsolete == in_memory.obsolete);
      CHECK(in_memory.fuzzy > 20);
      CHECK((in_memory.obsolete > 20) == !purge);
    }
  }
}

TEST_CASE("UpdatePoFile leaves the output as it was when an input is bad") {
  testing::TempDir dir;
  MakeUpdateFiles(dir, 200, false);
  testing::Spit(dir / "out.po", "precious\n");
  testing::Spit(dir / "bad.pot",
                "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"\"\nmsgid oops\n");
  struct Case {
    std::string old_path, template_path;
    std::string want;
  } cases[] = {
      {dir / "old.po", dir / "bad.pot",
       dir / "bad.pot:4:1: error: duplicate message definition [duplicate]\n" +
           dir / "bad.pot:1:1: note: this is the location of the first definition\n" +
           dir / "bad.pot:6:1: error: missing 'msgstr' after 'msgid' [syntax]\n" +
           dir / "bad.pot:6:7: error: expected string after 'msgid', got 'oops' [syntax]\n"},
      {dir / "bad.pot", dir / "new.pot",
       dir / "bad.pot:4:1: error: duplicate message definition [duplicate]\n" +
           dir / "bad.pot:1:1: note: this is the location of the first definition\n" +
           dir / "bad.pot:6:1: error: missing 'msgstr' after 'msgid' [syntax]\n" +
           dir / "bad.pot:6:7: error: expected string after 'msgid', got 'oops' [syntax]\n"},
      {dir / "missing.po", dir / "new.pot",
       dir / "missing.po: error: cannot open file: No such file or directory\n"},
  };
  for (const Case& c : cases) {
    DiagnosticSink sink;
    CHECK_FALSE(
        UpdatePoFile(c.old_path, c.template_path, dir / "out.po", kInfo, {}, nullptr, &sink));
    std::string got;
    for (const Diagnostic& d : sink.diagnostics()) got += d.Render() + "\n";
    CHECK(got == c.want);
    CHECK(testing::Slurp(dir / "out.po") == "precious\n");
  }
  // Nothing else was left behind (no temporary file).
  CHECK(testing::Snapshot(dir.path()).size() == 4);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// tests/fixtures/msgmerge/flags_expected.po is what GNU msgmerge 0.21
// --previous wrote for flags_old.po (a Russian catalog, nplurals=3) and
// flags_new.pot: entries that became plural or singular, a changed
// msgid_plural, a new plural entry (three empty forms), one with two forms
// kept as it is, format flags the template adds (a translation that passes
// the c-format or python-format check stays translated, one that fails or an
// objc-format one is fuzzy), replaces (no-c-format) or drops, a range that
// narrows (kept) or goes (fuzzy), and no-wrap gone with the template.
TEST_CASE("update takes plural forms, format flags and ranges as msgmerge does") {
  std::string dir = std::string(L10N_SOURCE_DIR) + "/tests/fixtures/msgmerge/";
  Catalog old = Parse(testing::Slurp(dir + "flags_old.po"));
  Catalog templ = Parse(testing::Slurp(dir + "flags_new.pot"));
  const std::string expected = testing::Slurp(dir + "flags_expected.po");
  CHECK(WritePo(UpdateCatalog(templ, &old, kInfo)) == expected);

  testing::TempDir tmp;
  DiagnosticSink sink;
  REQUIRE(UpdatePoFile(dir + "flags_old.po", dir + "flags_new.pot", tmp / "out.po", kInfo, {},
                       nullptr, &sink));
  CHECK(testing::Slurp(tmp / "out.po") == expected);

  // A new catalog has as many forms as its language.
  CatalogInfo russian = kInfo;
  russian.target_lang = "ru";
  Catalog fresh = UpdateCatalog(templ, nullptr, russian);
  const Message* tree = fresh.Find(std::nullopt, "%d tree");
  REQUIRE(tree);
  CHECK(tree->msgstr.size() == 3);

  if (testing::Run("command -v msgmerge").exit_code == 0) {
    REQUIRE(testing::Run("msgmerge --previous -q -o theirs.po " + dir + "flags_old.po " + dir +
                             "flags_new.pot",
                         tmp.path())
                .exit_code == 0);
    CHECK(testing::Slurp(tmp / "theirs.po") == expected);
  }
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// msgmerge keeps fuzzy an entry whose source was edited and then set back:
// it is matched, fuzzily, with its own edited version, whose "#|" previous
// msgid is the source again. The translation was made for that very text
// and nobody touched it since (editing it, a translator removes "fuzzy"), so
// we give it back translated (docs/catalog_update.md).
TEST_CASE("update: an edit undone gives the translation back, where msgmerge keeps it fuzzy") {
  const std::string old_text =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "#, fuzzy\n#| msgid \"The partners met in Lima.\"\n"
      "msgid \"The partners met in Lima in August.\"\nmsgstr \"Los socios se reunieron en "
      "Lima.\"\n\n"
      "#, fuzzy\n#| msgctxt \"title\"\n#| msgid \"A visit to Peru.\"\n"
      "msgctxt \"title\"\nmsgid \"A visit to Peru and Colombia.\"\nmsgstr \"Una visita a "
      "Perú.\"\n\n"
      "#~ #, fuzzy\n#~| msgid \"Young people share their work.\"\n"
      "#~ msgid \"Young people share their work online.\"\n"
      "#~ msgstr \"Los jóvenes comparten su trabajo.\"\n\n"
      "#, fuzzy\n#| msgid \"Hotel staff learned the signs.\"\n"
      "msgid \"Hotel staff learned the signs.\"\nmsgstr \"El personal aprendió las señales.\"\n";
  const std::string templ_text =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"The partners met in Lima.\"\nmsgstr \"\"\n\n"
      "msgctxt \"title\"\nmsgid \"A visit to Peru.\"\nmsgstr \"\"\n\n"
      "msgid \"Young people share their work.\"\nmsgstr \"\"\n\n"
      "msgid \"Hotel staff learned the signs.\"\nmsgstr \"\"\n";
  Catalog old = Parse(old_text);
  Catalog templ = Parse(templ_text);
  UpdateStats stats;
  Catalog ours = UpdateCatalog(templ, &old, kInfo, {}, &stats);
  CHECK(WritePo(ours) ==
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        "msgid \"The partners met in Lima.\"\nmsgstr \"Los socios se reunieron en Lima.\"\n\n"
        "msgctxt \"title\"\nmsgid \"A visit to Peru.\"\nmsgstr \"Una visita a Perú.\"\n\n"
        "msgid \"Young people share their work.\"\nmsgstr \"Los jóvenes comparten su trabajo.\"\n\n"
        // Fuzzy for its own msgid, as msgmerge leaves a format or range
        // change: it stays so.
        "#, fuzzy\n#| msgid \"Hotel staff learned the signs.\"\n"
        "msgid \"Hotel staff learned the signs.\"\nmsgstr \"El personal aprendió las señales.\"\n");
  CHECK(stats.fuzzy == 0);
  // Without fuzzy matching too: it is the entry's own translation.
  UpdateOptions exact_only;
  exact_only.fuzzy_matching = false;
  CHECK(WritePo(UpdateCatalog(templ, &old, kInfo, exact_only)) == WritePo(ours));

  if (testing::Run("command -v msgmerge").exit_code != 0) return;
  testing::TempDir dir;
  testing::Spit(dir / "old.po", old_text);
  testing::Spit(dir / "new.pot", templ_text);
  REQUIRE(
      testing::Run("msgmerge --previous -q -o theirs.po old.po new.pot", dir.path()).exit_code ==
      0);
  Catalog theirs = Parse(testing::Slurp(dir / "theirs.po"));
  const Message* lima = theirs.Find(std::nullopt, "The partners met in Lima.");
  REQUIRE(lima);
  CHECK(lima->fuzzy());
  CHECK(lima->prev_msgid == lima->msgid);
  CHECK(lima->msgstr[0] == "Los socios se reunieron en Lima.");
}

// A small project: posts of paragraphs, translated in full. Random edits
// (a word changed, a paragraph rewritten or removed) over a few extract
// runs, then every edit undone and one more run: every translation is back
// as it was, not fuzzy, through the PO file each run writes and reads.
TEST_CASE("property: edits undone give every translation back, as it was") {
  TextGen gen(20261201);
  int restored = 0;
  for (int round = 0; round < 40; ++round) {
    std::vector<std::vector<std::string>> original(3);
    for (auto& post : original) {
      for (int i = 0; i < 6; ++i) post.push_back(gen.Sentence(3, 14));
    }
    auto extract = [](const std::vector<std::vector<std::string>>& posts, const Catalog* old) {
      std::vector<Segmentation> segs;
      std::vector<PostUnits> units;
      DiagnosticSink sink;
      segs.reserve(posts.size());
      for (size_t p = 0; p < posts.size(); ++p) {
        std::string html;
        for (const std::string& paragraph : posts[p]) {
          if (!paragraph.empty()) html += "<p>" + paragraph + "</p>\n";
        }
        segs.push_back(SegmentHtml(html, "post" + std::to_string(p) + ".html", &sink));
      }
      for (size_t p = 0; p < posts.size(); ++p) {
        units.push_back({"post" + std::to_string(p) + ".html", "en", &segs[p]});
      }
      CatalogInfo info{"Test", "en", "", "2017-08-29 10:00+0000"};
      Catalog templ = BuildTemplate(units, Taxonomy(), "es", info);
      return Parse(WritePo(UpdateCatalog(templ, old, kInfo)));
    };
    Catalog po = extract(original, nullptr);
    std::map<std::string, std::string> translated;
    for (Message& m : po.messages) {
      if (m.is_header()) continue;
      m.msgstr = {"ES " + std::to_string(translated.size()) + " " + m.msgid.substr(0, 8)};
      translated[m.msgid] = m.msgstr[0];
    }
    po = Parse(WritePo(po));
    std::vector<std::vector<std::string>> posts = original;
    const int runs = 1 + static_cast<int>(gen.Next() % 3);
    for (int run = 0; run < runs; ++run) {
      for (int e = 0; e < 5; ++e) {
        std::vector<std::string>& post = posts[gen.Next() % posts.size()];
        std::string& paragraph = post[gen.Next() % post.size()];
        switch (gen.Next() % 6) {
          case 0:
            paragraph = gen.Sentence(3, 14);
            break;  // rewritten
          case 1:
            paragraph.clear();
            break;  // removed
          case 2:
            paragraph = original[0][gen.Next() % 6];
            break;  // copied
          default:
            if (!paragraph.empty()) paragraph = gen.EditWord(paragraph);
            break;
        }
      }
      po = extract(posts, &po);
    }
    po = extract(original, &po);
    for (const auto& [msgid, msgstr] : translated) {
      CAPTURE(round);
      CAPTURE(msgid);
      const Message* m = po.Find(std::nullopt, msgid);
      REQUIRE(m);
      CHECK(m->msgstr == std::vector<std::string>{msgstr});
      CHECK_FALSE(m->fuzzy());
      CHECK_FALSE(m->prev_msgid);
      ++restored;
    }
  }
  CHECK(restored > 500);
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// Odd flags, directives and plural counts make no crash: ranges that do not
// read or overflow count as none, a "%" at the end is a directive of its own.
TEST_CASE("update: odd ranges, directives and plural counts") {
  std::string old_text =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\"Plural-Forms: nplurals=1000; plural=n%1000;\\n\"\n\n";
  std::string templ_text =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
  const char* ranges[] = {"range: 18446744073709551615..18446744073709551616",
                          "range: ..",
                          "range: 5",
                          "range:",
                          "range: 9..1",
                          "range: 0..18446744073709551615"};
  const char* texts[] = {"%", "%(", "%(a", "%1$", "%99999999999999999999$d", "%%%", "%-+ #0*.*lld"};
  int n = 0;
  for (const char* range : ranges) {
    for (const char* text : texts) {
      std::string id = std::string(text) + " " + std::to_string(n++);
      old_text +=
          std::string("#, ") + range + "\nmsgid \"" + id + "\"\nmsgstr \"" + text + "\"\n\n";
      templ_text += std::string("#, c-format, python-format, ") + ranges[n % 6] + "\nmsgid \"" +
                    id + "\"\nmsgid_plural \"" + text + "\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n";
    }
  }
  Catalog old = Parse(old_text);
  Catalog templ = Parse(templ_text);
  Catalog out = UpdateCatalog(templ, &old, kInfo);
  REQUIRE(out.messages.size() == templ.messages.size());
  for (const Message& m : out.messages) {
    if (m.is_header()) continue;
    CHECK(m.msgstr.size() == 1000);  // became plural: the catalog's forms
    CHECK(m.fuzzy());
  }
  CHECK(Parse(WritePo(out)).messages.size() == out.messages.size());
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// Random format strings, translations, flags, ranges and plurals, in
// catalogs with two, three and one plural forms: our update is the same
// bytes as msgmerge's.
TEST_CASE("update agrees with msgmerge on random format flags and plurals") {
  testing::RequireProgram("msgmerge");
  const char* pieces[] = {"%d", "%s", "%1$s", "%2$d", "%(a)s", "%(b)d", "%5.2f", "%ld", "%%",
                          "%u", "%x", "%c",   "%*d",  "%(a)d", "%",     "%1$d",  "%3$s"};
  const char* template_flags[] = {"",
                                  "c-format",
                                  "python-format",
                                  "no-c-format",
                                  "possible-c-format",
                                  "c-format, range: 0..5",
                                  "c-format, range: 1..1",
                                  "python-format, range: 2..20"};
  const char* old_flags[] = {"", "", "c-format", "python-format", "range: 0..10", "no-c-format"};
  const char* headers[] = {
      "",
      "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
      "(n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n",
      "\"Plural-Forms: nplurals=1; plural=0;\\n\"\n",
      "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"};
  std::mt19937 rng(20261202);
  auto text = [&](const char* word) {
    std::string s = word;
    int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) s += std::string(" ") + pieces[rng() % std::size(pieces)];
    return s;
  };
  int compared = 0;
  for (const char* header : headers) {
    std::string old_po =
        std::string("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n") +
        header + "\n";
    std::string pot = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
    const size_t forms = header == headers[1] ? 3 : header == headers[2] ? 1 : 2;
    for (int i = 0; i < 300; ++i) {
      std::string id = text(("w" + std::to_string(i)).c_str());
      std::string plural = text(("p" + std::to_string(i)).c_str());
      bool old_plural = rng() % 3 == 0, new_plural = rng() % 3 == 0 ? !old_plural : old_plural;
      const char* of = old_flags[rng() % std::size(old_flags)];
      if (*of) old_po += std::string("#, ") + of + "\n";
      old_po += "msgid \"" + id + "\"\n";
      if (old_plural) {
        old_po += "msgid_plural \"" + plural + "\"\n";
        for (size_t f = 0; f < forms; ++f) {
          old_po += "msgstr[" + std::to_string(f) + "] \"" + text("t") + "\"\n";
        }
      } else {
        old_po += "msgstr \"" + text("t") + "\"\n";
      }
      old_po += "\n";
      const char* tf = template_flags[rng() % std::size(template_flags)];
      if (*tf) pot += std::string("#, ") + tf + "\n";
      pot += "msgid \"" + id + "\"\n";
      if (new_plural) {
        std::string p = rng() % 4 == 0 ? text("q") : plural;
        pot += "msgid_plural \"" + p + "\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n";
      } else {
        pot += "msgstr \"\"\n\n";
      }
    }
    testing::TempDir dir;
    testing::Spit(dir / "old.po", old_po);
    testing::Spit(dir / "new.pot", pot);
    REQUIRE(
        testing::Run("msgmerge --previous -q -o theirs.po old.po new.pot", dir.path()).exit_code ==
        0);
    Catalog old = Parse(old_po);
    Catalog templ = Parse(pot);
    std::string ours = WritePo(UpdateCatalog(templ, &old, kInfo));
    std::string theirs = testing::Slurp(dir / "theirs.po");
    CAPTURE(header);
    // Entry by entry, for a readable failure.
    Catalog a = Parse(ours), b = Parse(theirs);
    REQUIRE(a.messages.size() == b.messages.size());
    for (size_t i = 0; i < a.messages.size(); ++i) {
      CAPTURE(a.messages[i].msgid);
      CHECK(a.messages[i].flags == b.messages[i].flags);
      CHECK(a.messages[i].msgstr == b.messages[i].msgstr);
      CHECK(a.messages[i].prev_msgid == b.messages[i].prev_msgid);
      CHECK(a.messages[i].prev_msgid_plural == b.messages[i].prev_msgid_plural);
      ++compared;
    }
  }
  CHECK(compared > 1000);
}

}  // namespace
}  // namespace l10n
