// The header rules (check/header_check.h): what l10n-check says of a
// catalog's header under its policy, and what the other tools refuse.
#include "check/header_check.h"

#include <doctest/doctest.h>

#include <string>

#include "catalog/po_reader.h"
#include "check_test_util.h"

namespace l10n {
namespace {

// A header entry with `fields` ("Name: value\n" each), and the PO text it
// was read from, a field a line from line 3.
struct HeaderEntry {
  explicit HeaderEntry(std::string_view fields) : po("msgid \"\"\nmsgstr \"\"\n") {
    for (size_t at = 0; at < fields.size();) {
      size_t end = fields.find('\n', at);
      po += testing::PoQuoted(fields.substr(at, end + 1 - at)) + "\n";
      at = end + 1;
    }
    Message header;
    header.line = 1;
    header.msgstr = {std::string(fields)};
    catalog.messages.push_back(std::move(header));
  }
  std::string po;
  Catalog catalog;
};

const char kGood[] =
    "Language: es\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n";

struct Case {
  HeaderEntry header;
  const char* findings;
};

TEST_CASE("ValidateHeaderForTools: no header, a charset not UTF-8, a bad Plural-Forms") {
  const Case kCases[] = {
      {HeaderEntry(kGood), ""},
      {HeaderEntry("Content-Type: text/plain; charset=CHARSET\n"), ""},
      {HeaderEntry("Language: es\nContent-Type: text/plain; charset=KOI8-R\n"
                   "Plural-Forms: nplurals=2; plural=n;\n"),
       "t.po:4:2: error: charset 'KOI8-R' is not UTF-8, the encoding of the posts [header]\n"
       "t.po:5:2: error: invalid Plural-Forms: for n = 2 the expression gives form 2, but "
       "nplurals is 2 [header]\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.header.po);
    DiagnosticSink sink;
    CHECK(ValidateHeaderForTools(c.header.catalog, c.header.po, "t.po", &sink) ==
          (*c.findings == '\0'));
    CHECK(testing::Rendered(sink.diagnostics()) == c.findings);
  }
  Catalog no_header;
  DiagnosticSink read, sink;
  ReadPo("msgid \"a\"\nmsgstr \"b\"\n", "t.po", &no_header, &read);
  CHECK_FALSE(ValidateHeaderForTools(no_header, "", "t.po", &sink));
  CHECK(testing::Rendered(sink.diagnostics()) ==
        "t.po:1:1: error: the catalog has no header entry [header]\n");
}

TEST_CASE("CheckHeaderEntry: Language, Content-Type and Plural-Forms, each where it is") {
  struct EntryCase {
    HeaderEntry header;
    const char* language;  // the project's for the catalog
    bool from_xliff;
    const char* findings;
  };
  const EntryCase kCases[] = {
      {HeaderEntry(kGood), "es", false, ""},
      {HeaderEntry(kGood), "es-MX", false, ""},
      {HeaderEntry(kGood), "fr", false,
       "t.po:3:2: error: header field 'Language' is 'es', but this catalog is for 'fr' "
       "[header]\n"},
      {HeaderEntry("Content-Type: text/plain; charset=UTF-8\n"
                   "Plural-Forms: nplurals=2; plural=(n != 1);\n"),
       "", false, "t.po:2:1: error: header field 'Language' is missing [header]\n"},
      {HeaderEntry("Plural-Forms: nplurals=2; plural=(n != 1);\n"), "", true,
       "t.po:2:1: error: the XLIFF file names no target language ('target-language' or "
       "'trgLang') [header]\n"
       "t.po:2:1: error: header field 'Content-Type: text/plain; charset=UTF-8' is missing "
       "[header]\n"},
      {HeaderEntry("Language: es\nContent-Type: text/plain\n"), "", false,
       "t.po:2:1: error: header field 'Content-Type: text/plain; charset=UTF-8' is missing "
       "[header]\n"
       "t.po:2:1: error: header field 'Plural-Forms' is missing [header]\n"},
      {HeaderEntry("Language: es\nContent-Type: text/plain; charset=BIG5\n"
                   "Plural-Forms: nplurals=3; plural=n%3;\n"),
       "", false,
       "t.po:4:2: error: charset 'BIG5' is not UTF-8, the encoding of the posts [header]\n"
       "t.po:5:2: error: Plural-Forms has nplurals=3, but 'es' has 2 plural forms [header]\n"},
      {HeaderEntry("Language: es\nContent-Type: text/plain; charset=UTF-8\n"
                   "Plural-Forms: nplurals=2; plural=n/0;\n"),
       "", false,
       "t.po:5:2: error: invalid Plural-Forms: for n = 0 the expression divides by zero "
       "[header]\n"},
  };
  for (const EntryCase& c : kCases) {
    CAPTURE(c.header.po);
    RuleContext context = testing::SpanishContext();
    CheckPolicy policy;
    std::string path = "t.po";
    Findings findings(c.header.po, path, policy);
    HeaderExpectations expected;
    expected.language = c.language;
    expected.from_xliff = c.from_xliff;
    CheckHeaderEntry(c.header.catalog.messages[0], expected, context, &findings);
    CHECK(testing::Rendered(findings.diagnostics()) == c.findings);
  }
}

TEST_CASE("CheckHeaderEntry warns of a file in another charset, or a name gettext does not write") {
  struct CharsetCase {
    const char* declared;
    const char* findings;
  };
  const CharsetCase kCases[] = {
      {"UTF-8", ""},
      {"ISO-8859-1",
       "t.po:4:2: warning: the catalog is in charset 'ISO-8859-1': the tools read it converted "
       "to UTF-8 and write it back in UTF-8 [header]\n"},
      {"utf8",
       "t.po:4:2: warning: charset 'utf8' is not a portable encoding name; gettext writes "
       "'UTF-8' [header]\n"},
      {"no-such-charset", ""},
  };
  const HeaderEntry header(kGood);
  for (const CharsetCase& c : kCases) {
    CAPTURE(c.declared);
    CheckPolicy policy;
    std::string path = "t.po";
    Findings findings(header.po, path, policy);
    HeaderExpectations expected;
    expected.declared_charset = c.declared;
    CheckHeaderEntry(header.catalog.messages[0], expected, testing::SpanishContext(), &findings);
    CHECK(testing::Rendered(findings.diagnostics()) == c.findings);
  }
}

}  // namespace
}  // namespace l10n
