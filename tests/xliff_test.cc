// XLIFF 1.2 and 2.0: PO -> XLIFF -> PO round trips over the corpus catalogs
// and a fixture with every kind of entry, schema validation of what we write
// (when the OASIS schemas are beside the checkout), states both ways, a
// table of malformed and unsafe inputs with their exact errors, and a table
// of files other tools write (tests/fixtures/xliff/foreign) with what they
// read as. The tools with XLIFF copies and XLIFF catalogs:
// xliff_copies_test.cc.
#include "catalog/xliff.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/catalog_io.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "post/html_segmenter.h"
#include "test_util.h"

namespace l10n {
namespace {

const std::string kSource = L10N_SOURCE_DIR;

Catalog ReadPoFile(const std::string& path) {
  Catalog catalog;
  DiagnosticSink sink;
  REQUIRE_MESSAGE(ReadPo(Slurp(path), path, &catalog, &sink), path);
  return catalog;
}

// The other tests validate what they write with the OASIS schemas when
// they are there; this one says, in ctest's summary, when they are not, and
// shows that the validator can fail.
TEST_CASE("the OASIS schemas are there, and they refuse an invalid XLIFF file") {
  if (!testing::HaveXliffValidator()) {
    L10N_SKIP_TEST("no OASIS XLIFF schemas beside the checkout (../shared/xsd or $L10N_XSD_DIR)");
  }
  for (const char* f : {"locales/xliff1.2/es.xlf", "locales/xliff2.0/es.xlf"}) {
    std::string text = Slurp(kSource + "/" + f);
    testing::TempDir dir;
    // <note> where the schema allows none: right after the root element.
    std::string bad = text;
    size_t root = bad.find('>', bad.find("<xliff"));
    bad.insert(root + 1, "<bogus/>");
    testing::Spit(dir / "bad.xlf", bad);
    std::string xsd =
        std::getenv("L10N_XSD_DIR") ? std::getenv("L10N_XSD_DIR") : kSource + "/../shared/xsd";
    CAPTURE(f);
    CHECK(testing::Run("sh " + xsd + "/validate.sh " + kSource + "/" + f).exit_code == 0);
    CHECK(testing::Run("sh " + xsd + "/validate.sh " + dir / "bad.xlf").exit_code != 0);
  }
}

TEST_CASE("PO -> XLIFF 1.2 and 2.0 -> PO gives the catalog back, and the XLIFF validates") {
  const std::string kCatalogs[] = {
      kSource + "/locales/es.po",
      kSource + "/locales/en.po",
      kSource + "/tests/fixtures/xliff/roundtrip.po",
      kSource + "/tests/fixtures/poedit/es-crlf.po",
      kSource + "/tests/fixtures/check/fuzzy.po",
      kSource + "/tests/fixtures/check/obsolete.po",
  };
  for (const std::string& path : kCatalogs) {
    Catalog catalog = ReadPoFile(path);
    for (XliffVersion version : {XliffVersion::k12, XliffVersion::k20}) {
      std::string name = path + " as XLIFF " + XliffVersionName(version);
      CAPTURE(name);
      XliffOptions options;
      options.version = version;
      options.original = "locales/en.pot";
      Result<std::string> xliff = WriteXliff(catalog, options);
      REQUIRE(xliff.ok());
      testing::CheckValidXliff(*xliff, name);
      Catalog back;
      DiagnosticSink sink;
      CHECK(ReadXliff(*xliff, "t.xlf", &back, &sink));
      CHECK(sink.diagnostics().empty());
      back.style = catalog.style;
      CHECK(WritePo(back) == WritePo(catalog));
      // And XLIFF -> PO -> XLIFF changes nothing either.
      Result<std::string> again = WriteXliff(back, options);
      REQUIRE(again.ok());
      CHECK(*again == *xliff);
    }
  }
}

TEST_CASE("the project's own XLIFF files validate and read") {
  for (const char* f : {"locales/xliff1.2/es.xlf", "locales/xliff1.2/en.xlf",
                        "locales/xliff2.0/es.xlf", "locales/xliff2.0/en.xlf"}) {
    CAPTURE(f);
    std::string text = Slurp(kSource + "/" + f);
    testing::CheckValidXliff(text, f);
    Catalog catalog;
    DiagnosticSink sink;
    CHECK(ReadXliff(text, f, &catalog, &sink));
    CHECK(sink.diagnostics().empty());
  }
}

TEST_CASE("XLIFF keeps placeholders as inline codes Poedit shows as such") {
  Catalog catalog = ReadPoFile(kSource + "/tests/fixtures/xliff/roundtrip.po");
  XliffOptions options;
  options.original = "locales/en.pot";
  std::string v12 = *WriteXliff(catalog, options);
  CHECK(v12.find("<file original=\"locales/en.pot\" source-language=\"en\" "
                 "target-language=\"es\" datatype=\"html\">") != std::string::npos);
  CHECK(v12.find("<source>Read <g id=\"a\" ctype=\"x-html-a\">the <g id=\"em\" "
                 "ctype=\"x-html-em\">full</g> report</g> of <x id=\"time\" "
                 "ctype=\"x-html-time\" equiv-text=\"&lt;time/>\"/>.<x id=\"br\" "
                 "ctype=\"x-html-br\" equiv-text=\"&lt;br/>\"/>Thanks!</source>") !=
        std::string::npos);
  // Ids come from the unit, as the posts' units do, never from a sequence.
  CHECK(v12.find("<trans-unit id=\"" + UnitId(std::nullopt, "Field visit Peru and Colombia") +
                 "\">") != std::string::npos);
  CHECK(v12.find("<trans-unit id=\"" + UnitId(std::string("link"), "Donate") +
                 "\" resname=\"link\">") != std::string::npos);
  CHECK(v12.find("xml:space=\"preserve\"") != std::string::npos);
  // A translation with markup the source lacks goes as inert text.
  CHECK(v12.find("datatype=\"plaintext\">\n        <source>See &lt;a&gt;here&lt;/a&gt;</source>") !=
        std::string::npos);

  options.version = XliffVersion::k20;
  std::string v20 = *WriteXliff(catalog, options);
  CHECK(v20.find("<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                 "srcLang=\"en\" trgLang=\"es\">") != std::string::npos);
  CHECK(v20.find("<pc id=\"a\" dataRefStart=\"d-a-start\" dataRefEnd=\"d-a-end\">") !=
        std::string::npos);
  CHECK(v20.find("<ph id=\"time\" dataRef=\"d-time\" disp=\"&lt;time/>\"/>") != std::string::npos);
  CHECK(v20.find("<data id=\"d-a-start\">&lt;a&gt;</data>") != std::string::npos);
  CHECK(v20.find("<note category=\"location\">posts/visit.html:12</note>") != std::string::npos);
}

TEST_CASE("what Poedit saves is read, and written back to the same bytes") {
  // tests/fixtures/xliff/poedit-*.xlf: our XLIFF of tests/cli/basic, opened
  // in the real Poedit, the first entry translated, saved.
  for (const char* version : {"1.2", "2.0"}) {
    CAPTURE(version);
    std::string path = kSource + "/tests/fixtures/xliff/poedit-" + version + ".xlf";
    std::string saved = Slurp(path);
    Catalog catalog;
    DiagnosticSink sink;
    REQUIRE(ReadXliff(saved, path, &catalog, &sink));
    const Message* hello = catalog.Find(std::nullopt, "Hello world");
    REQUIRE(hello != nullptr);
    CHECK(hello->msgstr[0] == "Hola mundo");
    CHECK_FALSE(hello->fuzzy());
    const Message* date = catalog.Find(std::nullopt, "Publish Date: <time/>");
    REQUIRE(date != nullptr);
    CHECK(date->msgstr[0] == "");
    XliffOptions options;
    ParseXliffVersion(version, &options.version);
    options.original = "locales/en.pot";
    Result<std::string> written = WriteXliff(catalog, options);
    REQUIRE(written.ok());
    CHECK(*written == saved);
    testing::CheckValidXliff(saved, path);
  }
}

struct StateCase {
  const char* version;
  const char* unit;  // a trans-unit (1.2) or unit (2.0)
  const char* po;    // the entry read, as PO
};

std::string Wrap(const std::string& version, const std::string& unit) {
  if (version == "1.2") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" "
           "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"x\" "
           "source-language=\"en\" target-language=\"es\" datatype=\"html\"><body>\n" +
           unit + "\n</body></file></xliff>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"" + version +
         "\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" "
         "trgLang=\"es\">\n<file id=\"f\">\n" +
         unit + "\n</file></xliff>\n";
}

// The entries of a catalog, header left out.
std::string Entries(const Catalog& catalog) {
  Catalog copy;
  for (const Message& m : catalog.messages) {
    if (!m.is_header()) copy.messages.push_back(m);
  }
  return WritePo(copy);
}

TEST_CASE("XLIFF states map to PO and back, Poedit's included") {
  const StateCase kCases[] = {
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target "
       "state=\"translated\">Hola</target></trans-unit>",
       "msgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"1.2", "<trans-unit id=\"u\"><source>Hi</source><target>Hola</target></trans-unit>",
       "msgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"1.2", "<trans-unit id=\"u\"><source>Hi</source><target state=\"new\"/></trans-unit>",
       "msgid \"Hi\"\nmsgstr \"\"\n"},
      {"1.2", "<trans-unit id=\"u\"><source>Hi</source></trans-unit>",
       "msgid \"Hi\"\nmsgstr \"\"\n"},
      // Poedit 1.2: needs-translation and needs-l10n for work still to do.
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target state=\"needs-translation\"/></trans-unit>",
       "msgid \"Hi\"\nmsgstr \"\"\n"},
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target "
       "state=\"needs-l10n\">Hola</target></trans-unit>",
       "#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target "
       "state=\"needs-review-translation\">Hola</target></trans-unit>",
       "#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target state=\"final\">Hola</target></trans-unit>",
       "# xliff-state: final\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"1.2",
       "<trans-unit id=\"u\"><source>Hi</source><target "
       "state=\"signed-off\">Hola</target></trans-unit>",
       "# xliff-state: signed-off\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"2.0",
       "<unit id=\"u\"><segment "
       "state=\"translated\"><source>Hi</source><target>Hola</target></segment></unit>",
       "msgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"2.0", "<unit id=\"u\"><segment><source>Hi</source></segment></unit>",
       "msgid \"Hi\"\nmsgstr \"\"\n"},
      // 2.0: a segment without a state is "initial": a target there is a draft.
      {"2.0", "<unit id=\"u\"><segment><source>Hi</source><target>Hola</target></segment></unit>",
       "#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"2.0",
       "<unit id=\"u\"><segment state=\"translated\" "
       "subState=\"poedit:fuzzy\"><source>Hi</source><target>Hola</target></segment></unit>",
       "#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"2.0",
       "<unit id=\"u\"><segment "
       "state=\"reviewed\"><source>Hi</source><target>Hola</target></segment></unit>",
       "# xliff-state: reviewed\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
      {"2.1",
       "<unit id=\"u\" name=\"button\"><notes><note "
       "category=\"translator\">Short!</note></notes><segment "
       "state=\"final\"><source>Hi</source><target>Hola</target></segment></unit>",
       "# xliff-state: final\n# Short!\nmsgctxt \"button\"\nmsgid \"Hi\"\nmsgstr \"Hola\"\n"},
  };
  for (const StateCase& c : kCases) {
    CAPTURE(c.unit);
    Catalog catalog;
    DiagnosticSink sink;
    CHECK(ReadXliff(Wrap(c.version, c.unit), "t.xlf", &catalog, &sink));
    CHECK(sink.diagnostics().empty());
    CHECK(Entries(catalog) == c.po);
    CHECK(catalog.HeaderField("Language") == "es");
    CHECK(catalog.HeaderField("X-Source-Language") == "en");
  }
}

struct BadCase {
  std::string xliff;
  const char* errors;
};

TEST_CASE("malformed and unsafe XLIFF is rejected with path:line:col errors") {
  const std::string k12 = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">";
  const std::string kFile =
      "<file original=\"x\" source-language=\"en\" datatype=\"html\"><body>\n";
  const std::string kEnd = "\n</body></file></xliff>\n";
  const std::string kV20 =
      "<xliff version=\"2.0\" srcLang=\"en\">\n<file id=\"f\"><unit id=\"u\"><segment><source>"
      "a";
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const BadCase kCases[] = {
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"http://evil.example/x.dtd\">\n"
       "<xliff version=\"1.2\"/>\n",
       "t.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n"},
      // External entity (XXE).
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
       "<xliff version=\"1.2\"><file><body><trans-unit id=\"a\"><source>&e;</source>"
       "</trans-unit></body></file></xliff>\n",
       "t.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n"},
      // Billion laughs.
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 "
       "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<xliff version=\"1.2\">"
       "<file><body><trans-unit id=\"a\"><source>&lol2;</source></trans-unit></body></file>"
       "</xliff>\n",
       "t.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n"},
      {"<xliff version=\"3.0\"><file/></xliff>",
       "t.xlf:1:1: error: unknown XLIFF version '3.0' (1.2, 2.0 or 2.1) [syntax]\n"},
      // Columns count from after a byte order mark.
      {"\xEF\xBB\xBF<xliff version=\"1.1\"><file/></xliff>",
       "t.xlf:1:1: error: unknown XLIFF version '1.1' (1.2, 2.0 or 2.1) [syntax]\n"},
      {"<xliff><file/></xliff>",
       "t.xlf:1:1: error: unknown XLIFF version '' (1.2, 2.0 or 2.1) [syntax]\n"},
      {"<po version=\"1.2\"/>",
       "t.xlf:1:1: error: the root element is <po>, not <xliff> [syntax]\n"},
      {"<xliff version=\"1.2\">\n<file><body><trans-unit id=\"a\"><source>x</source></body>"
       "</file></xliff>",
       "t.xlf:2:52: error: malformed XML: Start-end tags mismatch [syntax]\n"},
      {"<xliff version=\"1.2\"><file><body>caf\xE9</body></file></xliff>",
       "t.xlf:1:37: error: invalid UTF-8 byte '\\xe9' [encoding]\n"},
      {k12 + kFile + "<trans-unit><source>x</source></trans-unit>" + kEnd,
       "t.xlf:2:1: error: <trans-unit> without an id [syntax]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>x</source></trans-unit>\n"
           "<trans-unit id=\"a\"><source>y</source></trans-unit>" +
           kEnd,
       "t.xlf:3:1: error: duplicate id 'a' [duplicate]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><target>x</target></trans-unit>" + kEnd,
       "t.xlf:2:1: error: <trans-unit> without <source> [syntax]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><source>See <b>bold</b></source></trans-unit>" + kEnd,
       "t.xlf:2:32: error: <b> is not an inline code of this format in <source> [unsafe]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>See</source><target>Vea <script>x</script>"
           "</target></trans-unit>" +
           kEnd,
       "t.xlf:2:52: error: <script> is not an inline code of this format in <target> [unsafe]\n"},
      // Inline codes of the target that differ from the source's.
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>See <g id=\"a\">it</g></source><target>"
           "Vea <g id=\"a\">esto</g> y <g id=\"a\">eso</g></target></trans-unit>" +
           kEnd,
       "t.xlf:2:57: error: placeholder '<a>' is used twice [placeholder]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>See <g id=\"a\">it</g></source><target>"
           "Vea <g id=\"b\">esto</g></target></trans-unit>" +
           kEnd,
       "t.xlf:2:57: error: placeholder '<b>' is not in the source [placeholder]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>See <g id=\"a\">it</g></source><target>"
           "Vea <x id=\"a\"/></target></trans-unit>" +
           kEnd,
       "t.xlf:2:57: error: '<a/>' must enclose text, as in the source [placeholder]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><source>See <x/></source></trans-unit>" + kEnd,
       "t.xlf:2:32: error: inline code id '' is not a placeholder name [placeholder]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\" datatype=\"plaintext\"><source>See <g id=\"a\">it</g>"
           "</source></trans-unit>" +
           kEnd,
       "t.xlf:2:53: error: <g> in the text of a plain-text unit [unsafe]\n"},
      // A target whose text hides markup: unsafe by l10n-check's rules.
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>See <g id=\"a\">it</g></source><target>"
           "Vea <g id=\"a\">esto</g> javascript:alert(1)</target></trans-unit>" +
           kEnd,
       "t.xlf:2:57: error: URL scheme 'javascript:' is not in the source [unsafe]\n"},
      {"<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\">"
       "\n<file id=\"f\"><unit id=\"u\"><source>x</source></unit></file></xliff>",
       "t.xlf:2:14: error: <unit> without <segment> [syntax]\n"},
      {"<xliff version=\"2.0\" srcLang=\"en\">\n<file id=\"f\"><unit id=\"u\"><segment><source>"
       "a<bpt id=\"1\"/>b</source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <bpt> is not an inline code of this format in <source> [unsafe]\n"},
      {"<xliff version=\"1.2\"/>", "t.xlf:1:1: error: the XLIFF document has no <file> [syntax]\n"},
      // 2.0 <cp>: a Unicode scalar value in hexadecimal, never U+0000.
      {kV20 + "<cp hex=\"D800\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex 'D800' is not a character (U+0000, a surrogate, or above "
       "U+10FFFF) [encoding]\n"},
      {kV20 + "<cp hex=\"110000\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex '110000' is not a character (U+0000, a surrogate, or above "
       "U+10FFFF) [encoding]\n"},
      {kV20 + "<cp hex=\"0\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex '0' is not a character (U+0000, a surrogate, or above "
       "U+10FFFF) [encoding]\n"},
      {kV20 + "<cp hex=\"FFFFFFFFFFFFFFFFFFFF1F600\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex 'FFFFFFFFFFFFFFFF...' is not a character (U+0000, a "
       "surrogate, or above U+10FFFF) [encoding]\n"},
      {kV20 + "<cp hex=\"zz\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex 'zz' is not a hexadecimal code point [syntax]\n"},
      {kV20 + "<cp hex=\"0x41\"/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex '0x41' is not a hexadecimal code point [syntax]\n"},
      {kV20 + "<cp/></source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: <cp> hex '' is not a hexadecimal code point [syntax]\n"},
      // Character references, in 1.2 and 2.0 alike: what XML 1.0 allows
      // ("Legal Character"), else pugixml would write invalid UTF-8 or cut
      // the text at a NUL.
      {k12 + kFile + "<trans-unit id=\"a\"><source>x&#xD800;</source></trans-unit>" + kEnd,
       "t.xlf:2:29: error: character reference '&#xD800;' is not a character XML allows "
       "[syntax]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><source>Hola&#0;mundo</source></trans-unit>" + kEnd,
       "t.xlf:2:32: error: character reference '&#0;' is not a character XML allows [syntax]\n"},
      {k12 + kFile +
           "<trans-unit id=\"a\"><source>x</source><target>&#x110000;</target>"
           "</trans-unit>" +
           kEnd,
       "t.xlf:2:46: error: character reference '&#x110000;' is not a character XML allows "
       "[syntax]\n"},
      {k12 + kFile + "<trans-unit id=\"a\" resname=\"&#7;\"><source>x</source></trans-unit>" + kEnd,
       "t.xlf:2:29: error: character reference '&#7;' is not a character XML allows [syntax]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><source>&#99999999999999999999;</source></trans-unit>" +
           kEnd,
       "t.xlf:2:28: error: character reference '&#99999999999999...' is not a character XML "
       "allows [syntax]\n"},
      {k12 + kFile + "<trans-unit id=\"a\"><source>&#x;&#65;</source></trans-unit>" + kEnd,
       "t.xlf:2:28: error: malformed character reference '&#x;' [syntax]\n"},
      {kV20 + "&#X41;</source></segment></unit></file></xliff>",
       "t.xlf:2:45: error: malformed character reference '&#X41;' [syntax]\n"},
      // Nesting the reading would recurse into without end (a crash before).
      {kV20 + repeat("<mrk>", 1000) + repeat("</mrk>", 1000) +
           "</source></segment></unit></file></xliff>",
       "t.xlf:2:5020: error: elements nested more than 1000 deep [syntax]\n"},
      {k12 + kFile + repeat("<group>", 1000) + repeat("</group>", 1000) + kEnd,
       "t.xlf:2:6980: error: elements nested more than 1000 deep [syntax]\n"},
  };
  for (const BadCase& c : kCases) {
    CAPTURE(c.xliff);
    Catalog catalog;
    DiagnosticSink sink;
    CHECK_FALSE(ReadXliff(c.xliff, "t.xlf", &catalog, &sink));
    std::string got;
    for (const Diagnostic& d : sink.diagnostics()) got += d.Render() + "\n";
    CHECK(got == c.errors);
  }
}

TEST_CASE("XLIFF 2.0 <cp> and character references are the characters they name, in UTF-8") {
  const std::string v20 =
      "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"es\">\n<file id=\"f\">"
      "<unit id=\"u\"><segment state=\"translated\"><source>Smile <cp hex=\"1F600\"/> "
      "&#x1F600; &#128512;<cp hex=\"7\"/></source><target>Sonr\xC3\xAD"
      "e <cp hex=\"1f600\"/>"
      "<cp hex=\"E9\"/><cp hex=\"00000041\"/>&#x7FF;&lt;<cp hex=\"3C\"/></target></segment></unit>"
      "</file></xliff>\n";
  Catalog catalog;
  DiagnosticSink sink;
  CHECK(ReadXliff(v20, "t.xlf", &catalog, &sink));
  std::string errors;
  for (const Diagnostic& d : sink.diagnostics()) errors += d.Render();
  REQUIRE(errors == "");
  const Message& m = catalog.messages.back();
  CHECK(m.msgid == "Smile \xF0\x9F\x98\x80 \xF0\x9F\x98\x80 \xF0\x9F\x98\x80\x07");
  // Unit text: a '<' is written "&lt;", however it came.
  CHECK(m.msgstr[0] ==
        "Sonr\xC3\xAD"
        "e \xF0\x9F\x98\x80\xC3\xA9"
        "A\xDF\xBF&lt;&lt;");
}

TEST_CASE("XLIFF that XML cannot hold is refused when writing") {
  Catalog catalog;
  catalog.Header().msgstr = {"Language: es\n"};
  Message m;
  m.msgid = "Bell \x07 here";
  m.line = 7;
  catalog.messages.push_back(m);
  Result<std::string> xliff = WriteXliff(catalog, XliffOptions());
  REQUIRE_FALSE(xliff.ok());
  CHECK(xliff.status().message() ==
        "control character U+0007 cannot be written to XLIFF (the entry \"Bell \x07 here\", "
        "line 7)");
}

// One line for an entry of a foreign file: context | source | target |
// state | translator and developer comments | references.
std::string Describe(const Message& m) {
  std::string state = m.msgstr.empty() || m.msgstr[0].empty() ? "untranslated"
                      : m.fuzzy()                             ? "fuzzy"
                                                              : "translated";
  std::string comments;
  for (const std::string& c : m.translator_comments) {
    if (c.rfind("xliff-state: ", 0) == 0 && state == "translated") {
      state = c.substr(13);
      continue;
    }
    comments += (comments.empty() ? "" : "; ") + c;
  }
  for (const std::string& c : m.extracted_comments) {
    comments += (comments.empty() ? "#. " : "; #. ") + c;
  }
  std::string references;
  for (const std::string& r : m.references) references += (references.empty() ? "" : " ") + r;
  return (m.msgctxt ? *m.msgctxt : "-") + " | " + m.msgid + " | " +
         (m.msgstr.empty() ? "" : m.msgstr[0]) + " | " + state + " | " + comments + " | " +
         references;
}

struct ForeignCase {
  const char* file;                  // in tests/fixtures/xliff/foreign
  const char* schema;                // "strict", "transitional", or "" (not claimed valid)
  const char* language;              // the Language of the catalog's header
  std::vector<std::string> entries;  // Describe() of each, or
  const char* errors;                // the diagnostics, when it does not read
};

TEST_CASE("XLIFF that other tools write reads, with ids per file and their inline codes") {
  const ForeignCase kCases[] = {
      // Angular's ng extract-i18n: no header, <x> ids that are not names, two
      // units with one text (their ids become the contexts).
      {"angular-1.2.xlf",
       "strict",
       "es",
       {
           "- | Hello <INTERPOLATION/>! | ¡Hola, <INTERPOLATION/>! | translated | An introduction "
           "header for this sample; User welcome | src/app/app.component.html:4",
           "- | Updated <INTERPOLATION/> minutes ago by "
           "<START-BOLD-TEXT/><INTERPOLATION-1/><CLOSE-BOLD-TEXT/> | Actualizado hace "
           "<INTERPOLATION/> minutos por <START-BOLD-TEXT/><INTERPOLATION-1/><CLOSE-BOLD-TEXT/> | "
           "fuzzy |  | src/app/app.component.html:10",
           "saveButton | Save | Guardar | final | document | ",
           "6378922134567890123 | Save |  | untranslated | rescue | ",
       },
       ""},
      // ng extract-i18n --format=xlf2: numeric code ids.
      {"angular-2.0.xlf",
       "strict",
       "es",
       {
           "- | Hello <c0/>! | ¡Hola, <c0/>! | translated | An introduction header for this sample "
           "| src/app/app.component.html:4",
           "- | Read <c0>the guide</c0> first. | Lea <c0>la guía</c0> antes. | reviewed |  | "
           "src/app/app.component.html:9",
       },
       ""},
      // An Xcode .xcloc: a <file> per .strings file, the same id in two of them;
      // <tool build-num> is only in the transitional schema.
      {"xcode-1.2.xlf",
       "transitional",
       "es",
       {
           "Blog/en.lproj/Localizable.strings#Cancel | Cancel | Cancelar | translated | Button "
           "that dismisses the editor | ",
           "- | %d comments | %d comentarios | translated | No comment provided by engineer. | ",
           "Blog/en.lproj/Main.strings#Cancel | Cancel | Anular | translated | Class = "
           "\"UIBarButtonItem\"; title = \"Cancel\"; ObjectID = \"Cancel\"; | ",
           "- | New post |  | untranslated | Class = \"UINavigationItem\"; title = \"New post\"; "
           "ObjectID = \"Dj4-fL-Pq2\"; | ",
       },
       ""},
      // Okapi Rainbow: <group>s, <bpt>/<ept> that nest and that cross, <it>,
      // <ph>, <bx>/<ex> by rid, xml:space, translate="no" (no entries);
      // okp: attributes (transitional).
      {"okapi-1.2.xlf",
       "transitional",
       "es",
       {
           "- | Read <c1>this</c1> now.<c2/> | Lea <c1>esto</c1> ahora.<c2/> | translated |  | ",
           "- |   Keep   <c1/>spaces |   Guarde   <c1/>espacios | fuzzy |  | ",
           "- | <c1/>Home<c2/> page<c1-end/> now<c2-end/> | <c1/>Inicio<c2/> ya<c1-end/> "
           "ahora<c2-end/> | translated |  | ",
           "footer-note | Made with <r1>care</r1> |  | untranslated |  | ",
       },
       ""},
      // OmegaT: numeric ids, <g> and <x>, a note of the tool.
      {"omegat-1.2.xlf",
       "strict",
       "es-ES",
       {
           "- | First line of the notes. | Primera línea de las notas. | translated |  | ",
           "- | See <c0>the index</c0> and <c1/> below. | Vea <c0>el índice</c0> y <c1/> abajo. | "
           "fuzzy | Fuzzy match 82% | ",
           "- | Untranslated yet. |  | untranslated |  | ",
       },
       ""},
      // Crowdin: numeric ids with resnames, review states.
      {"crowdin-1.2.xlf",
       "strict",
       "es-ES",
       {
           "welcome.title | Welcome back | Bienvenido de nuevo | translated | Title of the home "
           "page | ",
           "welcome.body | You have new posts | Tiene entradas nuevas | signed-off |  | ",
           "welcome.cta | Read more |  | untranslated |  | ",
       },
       ""},
      // Crowdin 2.0: two files, each with a unit 1021 of one text and name.
      {"crowdin-2.0.xlf",
       "strict",
       "es-ES",
       {
           "/locales/en/messages.json#1021 | Welcome back | Bienvenido de nuevo | final | Title of "
           "the home page | ",
           "welcome.body | You have <c1/> new posts | Tiene <c1/> entradas nuevas | fuzzy |  | ",
           "/locales/en/errors.json#1021 | Welcome back | Hola otra vez | translated |  | ",
       },
       ""},
      // 2.0 codes: <pc> nested, <ph>, <mrk>, <sc>/<ec> nesting and crossing.
      {"inline-2.0.xlf",
       "strict",
       "es",
       {
           "- | Press <c1><c2>Ctrl</c2>+<c3/></c1> to save. | Pulse <c1><c2>Ctrl</c2>+<c3/></c1> "
           "para guardar. | translated |  | ",
           "- | Text in <c1>bold</c1>. | Texto en <c1>negrita</c1>. | translated |  | ",
           "- | <c1/>Crossed <c2>code<c1-end/> here</c2> | <c1/>Cruzado <c2>código<c1-end/> "
           "aquí</c2> | translated |  | ",
           "- | Ids <c-1/> and <x-y/> | Ids <c-1/> y <x-y/> | translated |  | ",
       },
       ""},
      // Several segments and <ignorable>s make one entry; the least advanced
      // state wins, and a segment without a target makes a draft.
      {"segments-2.0.xlf",
       "strict",
       "es",
       {
           "- | First sentence. Second <c1>sentence. Third</c1>. | Primera frase. Segunda "
           "<c1>frase.\nTercera</c1>. | translated |  | ",
           "- | Done. Not yet. | Hecho. Not yet. | fuzzy |  | ",
       },
       ""},
      // A byte order mark and CRLF line ends.
      {"bom-crlf-1.2.xlf",
       "strict",
       "es-MX",
       {
           "- | Good morning | Buenos días | translated |  | ",
           "- | Two\nlines | Dos\nlíneas | translated |  | ",
       },
       ""},
      // Versions no OASIS schema here covers.
      {"version-1.1.xlf",
       "",
       "",
       {},
       "version-1.1.xlf:2:1: error: unknown XLIFF version '1.1' (1.2, 2.0 or 2.1) [syntax]\n"},
      {"version-2.2.xlf",
       "",
       "",
       {},
       "version-2.2.xlf:2:1: error: unknown XLIFF version '2.2' (1.2, 2.0 or 2.1) [syntax]\n"},
      // A version in another version's namespace: no schema covers it.
      {"namespace-mismatch.xlf",
       "",
       "",
       {},
       "namespace-mismatch.xlf:3:1: error: the namespace 'urn:oasis:names:tc:xliff:document:1.2' "
       "is not that of XLIFF 2.0 [syntax]\n"},
      // Two files that cannot be told apart: the same original, id and text.
      {"same-original-1.2.xlf",
       "strict",
       "",
       {},
       "same-original-1.2.xlf:13:7: error: the entry \"Title\" is in this XLIFF file twice, with "
       "the id 'title' [duplicate]\n"},
      // A target's codes are the source's, by id.
      {"codes-differ-1.2.xlf",
       "strict",
       "",
       {},
       "codes-differ-1.2.xlf:7:9: error: markup not in the source: '<c9/>' [unsafe]\n"},
  };
  const std::string dir = kSource + "/tests/fixtures/xliff/foreign/";
  size_t fixtures = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    fixtures += IsXliffPath(e.path().string());
  CHECK(fixtures == std::size(kCases));  // every fixture has its expected result
  for (const ForeignCase& c : kCases) {
    std::string file = c.file;
    CAPTURE(file);
    std::string path = dir + file;
    std::string text = Slurp(path);
    if (*c.schema) testing::CheckValidXliff(text, c.file, c.schema);
    Catalog catalog;
    DiagnosticSink sink;
    bool ok = ReadXliff(text, c.file, &catalog, &sink);
    std::string got;
    for (const Diagnostic& d : sink.diagnostics()) got += d.Render() + "\n";
    CHECK(got == c.errors);
    CHECK(ok == (*c.errors == '\0'));
    if (!ok) continue;
    // No file has a header of ours: the catalog's is made up, in UTF-8.
    REQUIRE(!catalog.messages.empty());
    CHECK(catalog.messages[0].is_header());
    CHECK(catalog.HeaderField("Language").value_or("") == c.language);
    CHECK(catalog.HeaderField("Content-Type") == "text/plain; charset=UTF-8");
    std::vector<std::string> entries;
    for (size_t i = 1; i < catalog.messages.size(); ++i) {
      entries.push_back(Describe(catalog.messages[i]));
    }
    CHECK(entries == c.entries);
    // Written as our XLIFF (as l10n-extract would, the catalog being this
    // file), it validates and reads back to the same entries.
    for (XliffVersion version : {XliffVersion::k12, XliffVersion::k20}) {
      XliffOptions options;
      options.version = version;
      options.original = file;
      Result<std::string> written = WriteXliff(catalog, options);
      REQUIRE(written.ok());
      testing::CheckValidXliff(*written, file + " written as " + XliffVersionName(version));
      Catalog again;
      REQUIRE(ReadXliff(*written, "again.xlf", &again, &sink));
      std::vector<std::string> entries_again;
      for (size_t i = 1; i < again.messages.size(); ++i) {
        entries_again.push_back(Describe(again.messages[i]));
      }
      CHECK(entries_again == entries);
    }
  }
}

TEST_CASE("units of other tools keep keys of their own: ids per file, empty sources") {
  const std::string k12 =
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
  auto file = [](const std::string& original, const std::string& units) {
    return "<file original=\"" + original +
           "\" source-language=\"en\" datatype=\"plaintext\">"
           "<body>\n" +
           units + "</body></file>\n";
  };
  struct KeyCase {
    std::string xliff;
    std::vector<std::string> entries;
  };
  const KeyCase kCases[] = {
      // One id in two files, different texts: the keys differ already.
      {k12 + file("a.strings", "<trans-unit id=\"1\"><source>One</source></trans-unit>\n") +
           file("b.strings", "<trans-unit id=\"1\"><source>Two</source></trans-unit>\n") +
           "</xliff>\n",
       {"- | One |  | untranslated |  | ", "- | Two |  | untranslated |  | "}},
      // An empty source is no header: its id is its context.
      {k12 +
           file("a.strings",
                "<trans-unit id=\"e\"><source></source><target>x</target>"
                "</trans-unit>\n<trans-unit id=\"f\"><source>Hi</source>"
                "</trans-unit>\n") +
           "</xliff>\n",
       {"e |  | x | translated |  | ", "- | Hi |  | untranslated |  | "}},
      // The same text twice in one file, one with a resname: the ids tell them apart.
      {k12 +
           file("a.strings",
                "<trans-unit id=\"s1\" resname=\"save\"><source>Save</source>"
                "</trans-unit>\n<trans-unit id=\"s2\" resname=\"save\"><source>"
                "Save</source></trans-unit>\n<trans-unit id=\"s3\"><source>Save"
                "</source></trans-unit>\n") +
           "</xliff>\n",
       {"s1 | Save |  | untranslated |  | ", "s2 | Save |  | untranslated |  | ",
        "- | Save |  | untranslated |  | "}},
  };
  for (const KeyCase& c : kCases) {
    CAPTURE(c.xliff);
    Catalog catalog;
    DiagnosticSink sink;
    REQUIRE(ReadXliff(c.xliff, "t.xlf", &catalog, &sink));
    std::vector<std::string> entries;
    for (const Message& m : catalog.messages) {
      if (&m != &catalog.messages.front()) entries.push_back(Describe(m));
    }
    CHECK(catalog.messages.front().is_header());
    CHECK(entries == c.entries);
  }
}

TEST_CASE("l10n-check gives findings on XLIFF other tools write, and refuses what does not read") {
  struct CheckCase {
    const char* file;
    int exit_code;
    const char* err;
    const char* out;
  };
  const CheckCase kCases[] = {
      {"crowdin-2.0.xlf", 1,
       "crowdin-2.0.xlf:13:1: error: fuzzy: \"You have <c1/> new posts\" [fuzzy]\n",
       "crowdin-2.0.xlf (en -> es-ES): 2 of 3 strings translated (66%), 4 of 8 words; 1 fuzzy, 0 "
       "untranslated\n1 error, 0 warnings\n"},
      {"segments-2.0.xlf", 1, "segments-2.0.xlf:25:1: error: fuzzy: \"Done. Not yet.\" [fuzzy]\n",
       "segments-2.0.xlf (en -> es): 1 of 2 strings translated (50%), 6 of 9 words; 1 fuzzy, 0 "
       "untranslated\n1 error, 0 warnings\n"},
      {"inline-2.0.xlf", 0, "",
       "inline-2.0.xlf (en -> es): 4 of 4 strings translated (100%), 14 of 14 words; 0 fuzzy, 0 "
       "untranslated\n0 errors, 0 warnings\n"},
      {"xcode-1.2.xlf", 1, "xcode-1.2.xlf:30:1: error: untranslated: \"New post\" [untranslated]\n",
       "xcode-1.2.xlf (en -> es): 3 of 4 strings translated (75%), 4 of 6 words; 0 fuzzy, 1 "
       "untranslated\n1 error, 0 warnings\n"},
      {"version-2.2.xlf", 1,
       "version-2.2.xlf:2:1: error: unknown XLIFF version '2.2' (1.2, 2.0 or 2.1) [syntax]\n",
       "version-2.2.xlf: not read\n1 error, 0 warnings\n"},
  };
  for (const CheckCase& c : kCases) {
    std::string file = c.file;
    CAPTURE(file);
    testing::CommandResult r =
        Run(Tool("l10n-check") + " " + file, kSource + "/tests/fixtures/xliff/foreign");
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err == c.err);
    CHECK(r.out == c.out);
  }
}

TEST_CASE("a header-less XLIFF file's catalog has gettext's plural forms for its language") {
  struct PluralCase {
    const char* target;
    const char* plural_forms;
  };
  const PluralCase kCases[] = {
      {"ru",
       "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
       "&& (n%100<10 || n%100>=20) ? 1 : 2);\n"},
      {"ja", "Plural-Forms: nplurals=1; plural=0;\n"},
      {"es-ES", "Plural-Forms: nplurals=2; plural=(n != 1);\n"},
      {"pt-BR", "Plural-Forms: nplurals=2; plural=(n > 1);\n"},
      // No rule in gettext's table: the project's default.
      {"is", "Plural-Forms: nplurals=2; plural=(n != 1);\n"},
  };
  for (const PluralCase& c : kCases) {
    CAPTURE(c.target);
    std::string xliff = std::string(
                            "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:"
                            "document:2.0\" srcLang=\"en\" trgLang=\"") +
                        c.target +
                        "\"><file id=\"f\"><unit id=\"u\"><segment><source>Hi</source>"
                        "</segment></unit></file></xliff>\n";
    Catalog catalog;
    DiagnosticSink sink;
    REQUIRE(ReadXliff(xliff, "t.xlf", &catalog, &sink));
    REQUIRE(catalog.messages.front().is_header());
    CHECK(catalog.messages.front().msgstr[0].find(c.plural_forms) != std::string::npos);
  }
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("WritesAs: the writing compared piece by piece, any difference found") {
  Catalog catalog = ReadPoFile(kSource + "/locales/es.po");
  // Long enough for the XLIFF writer to hand it over in several pieces.
  for (int i = 0; i < 4000; ++i) {
    catalog.messages.push_back(testing::Entry("Entry number " + std::to_string(i) + " of the test",
                                              "Entrada número " + std::to_string(i)));
  }
  for (const char* path : {"es.xlf", "es.po"}) {
    for (XliffVersion version : {XliffVersion::k12, XliffVersion::k20}) {
      CatalogWriteOptions options;
      options.xliff.version = version;
      options.xliff.original = "locales/en.pot";
      Result<std::string> written = WriteCatalog(catalog, path, options);
      REQUIRE(written.ok());
      const std::string& bytes = *written;
      CHECK(WritesAs(catalog, path, options, bytes));
      // A byte changed anywhere, one added or removed at the end, a prefix.
      for (size_t at : {size_t{0}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
        std::string other = bytes;
        other[at] = other[at] == 'x' ? 'y' : 'x';
        CHECK_FALSE(WritesAs(catalog, path, options, other));
      }
      CHECK_FALSE(WritesAs(catalog, path, options, bytes + "\n"));
      CHECK_FALSE(WritesAs(catalog, path, options, bytes.substr(0, bytes.size() - 1)));
      CHECK_FALSE(WritesAs(catalog, path, options, ""));
      // Pieces: the writing is long enough to come in more than one.
      if (std::string_view(path).ends_with(".xlf")) {
        size_t pieces = 0;
        std::string joined;
        REQUIRE(WriteXliffPieces(catalog, options.xliff, [&](std::string_view piece) {
                  ++pieces;
                  joined += piece;
                  return Status::Ok();
                }).ok());
        CHECK(joined == bytes);
        CHECK(pieces >= 2);
      }
    }
  }
}

}  // namespace
}  // namespace l10n
