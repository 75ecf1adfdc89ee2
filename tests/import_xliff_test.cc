// ImportXliff (catalog/xliff_import.h) and l10n-import: XLIFF back from a
// CAT tool into the PO file it was made from, every other byte kept.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "catalog/xliff.h"
#include "catalog/xliff_import.h"
#include "test_util.h"

namespace l10n {
namespace {

using testing::FirstDifference;
using testing::MustRead;
using testing::RenderDiagnostics;

const char kPo[] = R"(# Spanish translations of the blog.
msgid ""
msgstr ""
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Source-Language: en\n"

#. page title
#: corpus/a.html:3
msgid "Hello"
msgstr "Hola"

#: corpus/a.html:5
msgid "Read the <a>report</a>."
msgstr ""

#: corpus/a.html:7
msgid "Goodbye"
msgstr "Adiós"

#, fuzzy
#| msgid "Old thanks"
msgid "Thanks"
msgstr "Gracias viejas"

#  a comment gettext would write with one space
msgctxt "slug"
msgid "a"
msgstr "a"

#~ msgid "Gone"
#~ msgstr "Ido"
)";

std::string Xliff(XliffVersion version, const std::string& po = kPo) {
  XliffOptions options;
  options.version = version;
  options.original = "locales/en.pot";
  Result<std::string> xliff = WriteXliff(MustRead(po), options);
  REQUIRE(xliff.ok());
  return *xliff;
}

// `text` with its one `from` replaced.
std::string Edit(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  INFO(text);
  INFO(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

struct Imported {
  bool ok = false;
  std::string po;
  XliffImportStats stats;
  std::string diagnostics;
};

Imported Import(const std::string& xliff, const std::string& po = kPo, bool overwrite = false) {
  Imported r;
  DiagnosticSink sink;
  XliffImportOptions options;
  options.overwrite = overwrite;
  r.po = "(not written)";
  r.ok = ImportXliff(xliff, "es.xlf", po, "es.po", options, &r.po, &r.stats, &sink);
  r.diagnostics = RenderDiagnostics(sink);
  return r;
}

std::string Stats(const XliffImportStats& s) {
  return "updated " + std::to_string(s.updated) + ", fuzzy " + std::to_string(s.fuzzy) +
         ", conflicts " + std::to_string(s.conflicts) + ", unmatched " +
         std::to_string(s.unmatched);
}

TEST_CASE("import_xliff: what l10n-extract wrote, unchanged, changes nothing") {
  for (XliffVersion v : {XliffVersion::k12, XliffVersion::k20}) {
    Imported r = Import(Xliff(v));
    CHECK(r.ok);
    CHECK(r.diagnostics == "");
    CHECK(r.po == kPo);
    CHECK(Stats(r.stats) == "updated 0, fuzzy 0, conflicts 0, unmatched 0");
  }
}

// kPo as the CAT tool's edits leave it: "Hello" back to review, the link
// sentence translated, "Thanks" translated anew; "Goodbye" got a match
// from translation memory and a note, the slug unit moved first.
const char kEdited[] = R"(# Spanish translations of the blog.
msgid ""
msgstr ""
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Source-Language: en\n"

#. page title
#: corpus/a.html:3
#, fuzzy
msgid "Hello"
msgstr "Hola"

#: corpus/a.html:5
msgid "Read the <a>report</a>."
msgstr "Lee el <a>informe</a>."

#: corpus/a.html:7
msgid "Goodbye"
msgstr "Adiós"

msgid "Thanks"
msgstr "Gracias"

#  a comment gettext would write with one space
msgctxt "slug"
msgid "a"
msgstr "a"

#~ msgid "Gone"
#~ msgstr "Ido"
)";

// Moves the unit that starts with `first` (up to its closing `end`) before
// the one that starts with `before`.
std::string MoveUnit(std::string text, const std::string& first, const std::string& end,
                     const std::string& before) {
  size_t at = text.find(first);
  REQUIRE(at != std::string::npos);
  size_t stop = text.find(end, at);
  REQUIRE(stop != std::string::npos);
  std::string unit = text.substr(at, stop + end.size() - at);
  text.erase(at, unit.size());
  size_t to = text.find(before);
  REQUIRE(to != std::string::npos);
  return text.insert(to, unit);
}

std::string Edited12() {
  std::string x = Xliff(XliffVersion::k12);
  x = Edit(x, "<target state=\"translated\">Hola</target>",
           "<target state=\"needs-review-translation\">Hola</target>");
  x = Edit(x, "<target state=\"new\"/>",
           "<target state=\"translated\" xml:lang=\"es\"><mrk mtype=\"seg\" mid=\"1\">Lee el "
           "<g id=\"a\" ctype=\"x-html-a\">informe</g>.</mrk></target>");
  x = Edit(x, "<target state=\"needs-review-translation\">Gracias viejas</target>",
           "<target state=\"final\">Gracias</target>");
  x = Edit(x, "<target state=\"translated\">Adiós</target>",
           "<target state=\"translated\">Adiós</target>\n"
           "        <alt-trans match-quality=\"100\" origin=\"tm\" xmlns:okp=\"okapi\" "
           "okp:engine=\"x\"><source>Goodbye</source><target>Adiós</target></alt-trans>\n"
           "        <note from=\"memoQ\" annotates=\"target\">checked</note>\n"
           "        <okp:extra xmlns:okp=\"okapi\"><okp:x/></okp:extra>");
  return MoveUnit(x, "      <trans-unit id=\"2d140dd5f955d9fd\"", "</trans-unit>\n",
                  "      <trans-unit id=\"63f0bfacf2c00f6b\"");
}

std::string Edited20() {
  std::string x = Xliff(XliffVersion::k20);
  x = Edit(x, "<segment state=\"translated\">\n        <source>Hello</source>",
           "<segment state=\"initial\">\n        <source>Hello</source>");
  x = Edit(x,
           "<segment state=\"initial\">\n        <source>Read the <pc id=\"a\" "
           "dataRefStart=\"d-a-start\" dataRefEnd=\"d-a-end\">report</pc>.</source>\n",
           "<segment state=\"translated\">\n        <source>Read the <pc id=\"a\" "
           "dataRefStart=\"d-a-start\" dataRefEnd=\"d-a-end\">report</pc>.</source>\n"
           "        <target>Lee el <pc id=\"a\" dataRefStart=\"d-a-start\" "
           "dataRefEnd=\"d-a-end\">informe</pc>.</target>\n");
  x = Edit(x,
           "<segment state=\"initial\" subState=\"l10n:fuzzy\">\n        <source>Thanks</source>\n"
           "        <target>Gracias viejas</target>",
           "<segment state=\"reviewed\">\n        <source>Thanks</source>\n"
           "        <target>Gracias</target>");
  x = Edit(x, "<note category=\"location\">corpus/a.html:7</note>",
           "<note category=\"location\">corpus/a.html:7</note>\n"
           "        <note category=\"memoQ\">checked</note>");
  x = Edit(x, "        <target>Adiós</target>\n      </segment>",
           "        <target>Adiós</target>\n      </segment>\n"
           "      <mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"><mtc:match "
           "ref=\"#1\"><source>Goodbye</source><target>Adiós</target></mtc:match></mtc:matches>");
  return MoveUnit(x, "    <unit id=\"2d140dd5f955d9fd\"", "</unit>\n",
                  "    <unit id=\"63f0bfacf2c00f6b\"");
}

TEST_CASE("import_xliff: a CAT tool's edits, and only they, reach the PO file") {
  for (const std::string& xliff : {Edited12(), Edited20()}) {
    INFO(xliff);
    Imported r = Import(xliff);
    CHECK(r.ok);
    CHECK(r.diagnostics == "");
    CHECK_MESSAGE(r.po == kEdited, FirstDifference(kEdited, r.po));
    CHECK(Stats(r.stats) == "updated 2, fuzzy 1, conflicts 0, unmatched 0");
    // gettext reads the result and would write it the same.
    if (testing::HaveMsgcat()) {
      std::string again;
      REQUIRE(testing::RunMsgcat(r.po, "", &again));
      CHECK_MESSAGE(again == r.po, FirstDifference(r.po, again));
    }
    REQUIRE(testing::RequireProgram("msgfmt"));
    std::string out;
    CHECK(testing::RunGettextTool("msgfmt", r.po, "-c -o /dev/null", &out));
    // Imported again: nothing more changes.
    Imported twice = Import(xliff, r.po);
    CHECK(twice.po == r.po);
    CHECK(Stats(twice.stats) == "updated 0, fuzzy 0, conflicts 0, unmatched 0");
  }
}

TEST_CASE("import_xliff: states") {
  struct Case {
    XliffVersion version;
    const char* state;
    bool fuzzy;
  } cases[] = {
      {XliffVersion::k12, "", false},
      {XliffVersion::k12, " state=\"translated\"", false},
      {XliffVersion::k12, " state=\"final\"", false},
      {XliffVersion::k12, " state=\"signed-off\"", false},
      {XliffVersion::k12, " state=\"needs-review-translation\"", true},
      {XliffVersion::k12, " state=\"needs-review-l10n\"", true},
      {XliffVersion::k12, " state=\"needs-translation\"", true},
      {XliffVersion::k12, " state=\"new\"", true},
      {XliffVersion::k20, "", true},  // 2.0: no state is "initial"
      {XliffVersion::k20, " state=\"initial\"", true},
      {XliffVersion::k20, " state=\"translated\"", false},
      {XliffVersion::k20, " state=\"reviewed\"", false},
      {XliffVersion::k20, " state=\"final\"", false},
  };
  const std::string entry = "#: corpus/a.html:7\nmsgid \"Goodbye\"\nmsgstr \"Adiós\"\n";
  const std::string untranslated = "#: corpus/a.html:7\nmsgid \"Goodbye\"\nmsgstr \"\"\n";
  const std::string po = Edit(kPo, entry, untranslated);
  for (const Case& c : cases) {
    INFO(c.state);
    std::string xliff = Xliff(c.version, po);
    if (c.version == XliffVersion::k12) {
      xliff = Edit(
          xliff, "<source>Goodbye</source>\n        <target state=\"new\"/>",
          std::string("<source>Goodbye</source>\n        <target") + c.state + ">Adiós</target>");
    } else {
      xliff = Edit(xliff, "<segment state=\"initial\">\n        <source>Goodbye</source>",
                   std::string("<segment") + c.state +
                       ">\n        <source>Goodbye</source>\n        <target>Adiós</target>");
    }
    Imported r = Import(xliff, po);
    CHECK(r.ok);
    CHECK(r.diagnostics == "");
    std::string want =
        c.fuzzy ? "#: corpus/a.html:7\n#, fuzzy\nmsgid \"Goodbye\"\nmsgstr \"Adiós\"\n" : entry;
    CHECK_MESSAGE(r.po == Edit(po, untranslated, want), FirstDifference(want, r.po));
  }
}

TEST_CASE("import_xliff: every other byte of the PO file stays, CRLF and odd wrapping too") {
  // Not as gettext would write it: wrapped narrow, CRLF, two blank lines.
  std::string po = std::string(kPo);
  po = Edit(po, "#: corpus/a.html:7\nmsgid \"Goodbye\"\nmsgstr \"Adiós\"\n",
            "#: corpus/a.html:7\nmsgid \"\"\n\"Good\"\n\"bye\"\nmsgstr \"Adi\"\n\"ós\"\n\n");
  std::string crlf;
  for (char c : po) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (const std::string& text : {po, crlf}) {
    Imported r = Import(Edit(Xliff(XliffVersion::k12), "<target state=\"new\"/>",
                             "<target state=\"translated\">Lee el <g id=\"a\" "
                             "ctype=\"x-html-a\">informe</g>.</target>"),
                        text);
    CHECK(r.ok);
    std::string nl = text == crlf ? "\r\n" : "\n";
    std::string want =
        Edit(text, "msgstr \"\"" + nl + nl, "msgstr \"Lee el <a>informe</a>.\"" + nl + nl);
    CHECK_MESSAGE(r.po == want, FirstDifference(want, r.po));
  }
}

TEST_CASE("import_xliff: a translated entry with another translation is a conflict") {
  std::string xliff = Edit(Xliff(XliffVersion::k12), "<target state=\"translated\">Hola</target>",
                           "<target state=\"translated\">Hola a todos</target>");
  Imported r = Import(xliff);
  CHECK(r.ok);
  CHECK(r.po == kPo);
  CHECK(r.diagnostics ==
        "es.xlf:15:7: warning: the translation differs from that of es.po:11, which is kept "
        "(--overwrite replaces it)\n");
  CHECK(Stats(r.stats) == "updated 0, fuzzy 0, conflicts 1, unmatched 0");
  Imported overwritten = Import(xliff, kPo, true);
  CHECK(overwritten.po == Edit(kPo, "msgstr \"Hola\"", "msgstr \"Hola a todos\""));
  CHECK(Stats(overwritten.stats) == "updated 1, fuzzy 0, conflicts 0, unmatched 0");
}

TEST_CASE("import_xliff: a source changed on either side makes the translation fuzzy") {
  // The CAT tool's source is not the PO's msgid any more; the id still
  // names the entry.
  std::string xliff = Edit(
      Edit(Xliff(XliffVersion::k12), "Read the <g id=\"a\" ctype=\"x-html-a\">report</g>.",
           "Read the <g id=\"a\" ctype=\"x-html-a\">full report</g>."),
      "<target state=\"new\"/>",
      "<target state=\"translated\">Lee el <g id=\"a\" ctype=\"x-html-a\">informe completo</g>."
      "</target>");
  Imported r = Import(xliff);
  CHECK(r.ok);
  CHECK(r.diagnostics == "");
  std::string want =
      Edit(kPo, "#: corpus/a.html:5\nmsgid \"Read the <a>report</a>.\"\nmsgstr \"\"",
           "#: corpus/a.html:5\n#, fuzzy\n#| msgid \"Read the <a>full report</a>.\"\n"
           "msgid \"Read the <a>report</a>.\"\n"
           "msgstr \"Lee el <a>informe completo</a>.\"");
  CHECK_MESSAGE(r.po == want, FirstDifference(want, r.po));
  CHECK(Stats(r.stats) == "updated 0, fuzzy 1, conflicts 0, unmatched 0");
}

TEST_CASE("import_xliff: other tools' files: matched by source text, unknown units reported") {
  // OmegaT's and Okapi's shape: their own ids, no resname.
  const std::string xliff = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:xliff-extensions">
<file original="es.po" source-language="en-US" target-language="es-ES" datatype="po" tool-id="OmegaT">
<header><tool tool-id="OmegaT" tool-name="OmegaT"/></header>
<body>
<trans-unit id="1" okp:engine="x"><source xml:lang="en-US">Goodbye</source><target xml:lang="es-ES" state="translated">Adiós</target></trans-unit>
<trans-unit id="2"><source>Read the <bpt id="1">&lt;a&gt;</bpt>report<ept id="1">&lt;/a&gt;</ept>.</source><target state="signed-off">Lee el <bpt id="1">&lt;a&gt;</bpt>informe<ept id="1">&lt;/a&gt;</ept>.</target></trans-unit>
<trans-unit id="3"><source>Unknown</source><target>Desconocido</target></trans-unit>
<trans-unit id="4" translate="no"><source>Skipped</source><target>Saltado</target></trans-unit>
</body>
</file>
</xliff>
)";
  Imported r = Import(xliff);
  CHECK(r.ok);
  CHECK(r.diagnostics ==
        "es.xlf:8:1: warning: no entry of es.po has the id '3' or this source text\n");
  CHECK(r.po == Edit(kPo, "msgid \"Read the <a>report</a>.\"\nmsgstr \"\"",
                     "msgid \"Read the <a>report</a>.\"\nmsgstr \"Lee el <a>informe</a>.\""));
  CHECK(Stats(r.stats) == "updated 1, fuzzy 0, conflicts 0, unmatched 1");
  std::string source, target;
  XliffLanguages(xliff, &source, &target);
  CHECK(source + " " + target == "en-US es-ES");
}

// Every other tool's file of tests/fixtures/xliff/foreign/ that reads, into
// the PO file of its units untranslated: each translation comes in, as
// ReadXliff reads it, and no unit is left over.
TEST_CASE("import_xliff: the files of other tools (Crowdin, Okapi, OmegaT, Angular, Xcode)") {
  int files = 0;
  for (const auto& f : std::filesystem::directory_iterator(std::string(L10N_SOURCE_DIR) +
                                                           "/tests/fixtures/xliff/foreign")) {
    const std::string path = f.path().string();
    INFO(path);
    std::string xliff = testing::Slurp(path);
    Catalog read;
    DiagnosticSink ignored;
    if (!ReadXliff(xliff, path, &read, &ignored)) continue;  // the error fixtures
    ++files;
    Catalog empty = read;
    std::erase_if(empty.messages, [](const Message& m) { return m.obsolete; });
    int translated = 0;
    for (Message& m : empty.messages) {
      if (m.is_header()) continue;
      if (!m.msgstr[0].empty()) ++translated;
      m.msgstr = {""};
      m.SetFlag("fuzzy", false);
    }
    Imported r = Import(xliff, WritePo(empty));
    CHECK(r.ok);
    CHECK(r.diagnostics == "");
    CHECK(r.stats.updated + r.stats.fuzzy == translated);
    CHECK(r.stats.unmatched + r.stats.conflicts == 0);
    Catalog back = MustRead(r.po);
    for (const Message& m : read.messages) {
      if (m.is_header() || m.obsolete) continue;
      const Message* got = back.Find(m.msgctxt, m.msgid);
      REQUIRE(got != nullptr);
      CHECK(got->msgstr == m.msgstr);
      CHECK(got->fuzzy() == (m.fuzzy() && !m.msgstr[0].empty()));
    }
  }
  CHECK(files >= 10);
}

// The project's own catalog, long wrapped paragraphs and all: importing its
// XLIFF copies changes no byte; a state and a translation edited in them
// give what gettext writes for the catalog with those two changes.
TEST_CASE("import_xliff: the corpus catalog and its XLIFF copies") {
  const std::string root = L10N_SOURCE_DIR;
  const std::string po = testing::Slurp(root + "/locales/es.po");
  for (const char* copy : {"/locales/xliff1.2/es.xlf", "/locales/xliff2.0/es.xlf"}) {
    INFO(copy);
    std::string xliff = testing::Slurp(root + copy);
    Imported same = Import(xliff, po);
    CHECK(same.ok);
    CHECK(same.po == po);

    Catalog read;
    DiagnosticSink sink;
    REQUIRE(ReadXliff(xliff, "es.xlf", &read, &sink));
    // The first and last entries with a translation long enough to wrap.
    Message* first = nullptr;
    Message* last = nullptr;
    for (Message& m : read.messages) {
      if (m.is_header() || m.msgstr[0].size() < 200) continue;
      if (!first) first = &m;
      last = &m;
    }
    REQUIRE(first != last);
    const std::string old_first = first->msgstr[0], old_last = last->msgstr[0];
    xliff = Edit(xliff, old_first, old_first + " Otra frase al final.");
    const bool v12 = std::string(copy).find("1.2") != std::string::npos;
    if (v12) {
      xliff = Edit(xliff, "<target state=\"translated\">" + old_last,
                   "<target state=\"needs-review-translation\">" + old_last);
    }
    Imported r = Import(xliff, po, /*overwrite=*/true);
    CHECK(r.ok);
    Catalog want = MustRead(po);
    for (Message& m : want.messages) {
      if (m.msgstr[0] == old_first) m.msgstr[0] += " Otra frase al final.";
      if (m.msgstr[0] == old_last && v12) m.SetFlag("fuzzy", true);
    }
    CHECK_MESSAGE(r.po == WritePo(want), FirstDifference(WritePo(want), r.po));
  }
}

TEST_CASE("import_xliff: errors, where they are, and nothing written") {
  struct Case {
    const char* name;
    std::string xliff;
    const char* want;
  } cases[] = {
      {"truncated", Xliff(XliffVersion::k12).substr(0, 900),
       "es.xlf:23:9: error: malformed XML: Start-end tags mismatch [syntax]\n"},
      {"codes that the source lacks",
       Edit(Xliff(XliffVersion::k12), "<target state=\"new\"/>",
            "<target state=\"translated\">Lee <g id=\"b\" ctype=\"x-html-b\">el</g> <g id=\"a\" "
            "ctype=\"x-html-a\">informe</g>.</target>"),
       "es.xlf:26:9: error: placeholder '<b>' is not in the source [placeholder]\n"},
      {"codes that the PO msgid lacks",
       Edit(Edit(Xliff(XliffVersion::k12), "Read the <g id=\"a\" ctype=\"x-html-a\">report</g>.",
                 "Read <g id=\"b\" ctype=\"x-html-b\">the</g> <g id=\"a\" "
                 "ctype=\"x-html-a\">report</g>."),
            "<target state=\"new\"/>",
            "<target state=\"translated\">Lee <g id=\"b\" ctype=\"x-html-b\">el</g> <g id=\"a\" "
            "ctype=\"x-html-a\">informe</g>.</target>"),
       "es.xlf:24:7: error: placeholder '<b>' is not in the source (against the source of "
       "es.po:16) [placeholder]\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Imported r = Import(c.xliff);
    CHECK(!r.ok);
    CHECK(r.po == "(not written)");
    CHECK(r.diagnostics == c.want);
  }
  // A PO file that is not UTF-8.
  Imported latin1 =
      Import(Xliff(XliffVersion::k12), Edit(kPo, "charset=UTF-8", "charset=ISO-8859-1"));
  CHECK(!latin1.ok);
  CHECK(latin1.diagnostics ==
        "es.po:1:1: error: the catalog is in 'ISO-8859-1': import writes UTF-8 catalogs only "
        "(convert it with msgconv --to-code=UTF-8)\n");
  CHECK(latin1.po == "(not written)");
}

// l10n-import on a project: the catalog its target language names, the
// report, and nothing written on an error.
TEST_CASE("import_xliff: l10n-import") {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "locales");
  testing::Spit(dir / "l10n.toml",
                "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"corpus/*.html\"]\n");
  testing::Spit(dir / "locales/es.po", kPo);
  testing::Spit(dir / "es.xlf", Edited12());
  testing::Spit(dir / "bad.xlf", Xliff(XliffVersion::k20).substr(0, 700));
  const std::string tool = testing::Tool("l10n-import");

  testing::CommandResult bad = testing::Run(tool + " es.xlf bad.xlf", dir.path());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out == "");
  CHECK(bad.err == "bad.xlf:19:35: error: malformed XML: Start-end tags mismatch [syntax]\n");
  CHECK(testing::Slurp(dir / "locales/es.po") == kPo);

  testing::CommandResult json = testing::Run(tool + " --format=json es.xlf", dir.path());
  CHECK(json.exit_code == 0);
  CHECK(json.err == "");
  CHECK(json.out == R"({
  "diagnostics": [],
  "files": [
    {
      "catalog": "locales/es.po",
      "conflicts": 0,
      "file": "es.xlf",
      "fuzzy": 1,
      "unmatched": 0,
      "updated": 2
    }
  ]
}
)");
  CHECK(testing::Slurp(dir / "locales/es.po") == kEdited);

  // Again, into a catalog named on its own: nothing left to change.
  testing::CommandResult again = testing::Run(tool + " --catalog locales/es.po es.xlf", dir.path());
  CHECK(again.exit_code == 0);
  CHECK(again.err == "");
  CHECK(again.out ==
        "es.xlf -> locales/es.po: 0 updated, 0 fuzzy, 0 conflicts, 0 unmatched\n"
        "No file changed.\n");

  testing::CommandResult usage = testing::Run(tool + " --format=xml es.xlf", dir.path());
  CHECK(usage.exit_code == 2);
}

}  // namespace
}  // namespace l10n
