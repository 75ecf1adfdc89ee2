// Hostile and broken input, end to end: every case runs a tool on a copy of
// tests/cli/basic with one thing broken, and asserts the exact message, the
// exit code, and that no file was created or changed.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

// The project after l10n-extract, with one Spanish translation.
void BaseProject(const TempDir& dir) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
}

// Replaces the first `from` in a file of the project.
void Edit(const TempDir& dir, const std::string& file, const std::string& from,
          const std::string& to) {
  std::string text = Slurp(dir / file);
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  Spit(dir / file, text);
}

const char kHelloEntry[] = "msgid \"Hello world\"\nmsgstr \"\"";

std::string Xliff(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
         "<file original=\"x\" source-language=\"en\" target-language=\"es\" "
         "datatype=\"html\"><body>\n" +
         body + "\n</body></file></xliff>\n";
}

struct BadCase {
  const char* name;
  std::function<void(const TempDir&)> setup;
  const char* command;  // tool and arguments, run in the project
  const char* err;      // stderr, exactly
  int exit_code;
};

std::vector<BadCase> Cases() {
  std::vector<BadCase> cases = {
      // ---- PO catalogs ----
      {"PO: unterminated string",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry, "msgid \"Hello world\nmsgstr \"\"");
       },
       "l10n-merge", "locales/es.po:18:7: error: unterminated string [syntax]\n", 1},
      {"PO: bad escape",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry, "msgid \"Hello world\"\nmsgstr \"Hola\\q\"");
       },
       "l10n-merge", "locales/es.po:19:13: error: invalid escape sequence '\\q' [syntax]\n", 1},
      {"PO: msgstr before msgid",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry, "msgstr \"Hola\"\nmsgid \"Hello world\"");
       },
       "l10n-merge",
       "locales/es.po:18:1: error: msgstr without msgid [syntax]\n"
       "locales/es.po:19:1: error: missing 'msgstr' after 'msgid' [syntax]\n",
       1},
      {"PO: duplicate msgid",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string(kHelloEntry) + "\n\nmsgid \"Hello world\"\nmsgstr \"Hola\"");
       },
       "l10n-merge",
       "locales/es.po:21:1: error: duplicate message definition [duplicate]\n"
       "locales/es.po:18:1: note: this is the location of the first definition\n",
       1},
      {"PO: an obsolete entry repeating an active one",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string(kHelloEntry) + "\n\n#~ msgid \"Hello world\"\n#~ msgstr \"Hola\"");
       },
       "l10n-merge",
       "locales/es.po:21:4: error: duplicate message definition [duplicate]\n"
       "locales/es.po:18:1: note: this is the location of the first definition\n",
       1},
      {"PO: duplicate msgctxt and msgid",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string(kHelloEntry) +
                  "\n\nmsgctxt \"a\"\nmsgid \"Hi\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"Hi\"\n"
                  "msgstr \"Hola\"");
       },
       "l10n-merge",
       "locales/es.po:26:1: error: duplicate message definition [duplicate]\n"
       "locales/es.po:22:1: note: this is the location of the first definition\n",
       1},
      {"PO: invalid Plural-Forms",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "plural=(n != 1);", "plural=(n > 1 ? 2 : 0);");
       },
       "l10n-merge",
       "locales/es.po:12:2: error: invalid Plural-Forms: for n = 2 the expression gives form 2, "
       "but nplurals is 2 [header]\n",
       1},
      {"PO: unparsable Plural-Forms",
       [](const TempDir& d) { Edit(d, "locales/es.po", "plural=(n != 1);", "plural=(n !!= 1);"); },
       "l10n-merge",
       "locales/es.po:12:2: error: invalid Plural-Forms: cannot read the plural expression at "
       "'!!= 1)' [header]\n",
       1},
      // Nesting that once overflowed the stack of all three tools.
      {"PO: Plural-Forms nested 20,000 deep (l10n-extract)",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "plural=(n != 1);",
              "plural=" + std::string(20000, '(') + "n" + std::string(20000, ')') + ";");
       },
       "l10n-extract",
       "locales/es.po:12:2: error: invalid Plural-Forms: the plural expression nests more than 100 "
       "deep at '(((((((((((((((((((((((((((((((((((((...' [header]\n",
       1},
      {"PO: Plural-Forms with 500,000 '!' (l10n-merge)",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "plural=(n != 1);", "plural=" + std::string(500000, '!') + "n;");
       },
       "l10n-merge",
       "locales/es.po:12:2: error: invalid Plural-Forms: the plural expression nests more than 100 "
       "deep at '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!...' [header]\n",
       1},
      {"PO: Plural-Forms nested 20,000 deep (l10n-check)",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "plural=(n != 1);",
              "plural=" + std::string(20000, '(') + "n" + std::string(20000, ')') + ";");
       },
       "l10n-check -q --allow-untranslated locales/es.po",
       "locales/es.po:12:2: error: invalid Plural-Forms: the plural expression nests more than 100 "
       "deep at '(((((((((((((((((((((((((((((((((((((...' [header]\n",
       1},
      {"PO: nplurals too large to be a number",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "nplurals=2;", "nplurals=99999999999999999999;");
       },
       "l10n-check -q --allow-untranslated locales/es.po",
       "locales/es.po:12:2: error: invalid Plural-Forms: nplurals=99999999999999999999 is too "
       "large; at most 1000 [header]\n",
       1},
      {"PO: Plural-Forms dividing by zero",
       [](const TempDir& d) { Edit(d, "locales/es.po", "plural=(n != 1);", "plural=n % 0;"); },
       "l10n-merge",
       "locales/es.po:12:2: error: invalid Plural-Forms: for n = 0 the expression divides by zero "
       "[header]\n",
       1},
      {"PO: a byte that is no character of the declared charset",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "charset=UTF-8", "charset=BIG5");
         Edit(d, "locales/es.po", kHelloEntry, "msgid \"Hello world\"\nmsgstr \"Hola \xFF\"");
       },
       "l10n-merge",
       "locales/es.po:19:14: error: invalid byte '\\xff' in charset 'BIG5' [encoding]\n", 1},
      {"PO: a charset iconv does not know",
       [](const TempDir& d) { Edit(d, "locales/es.po", "charset=UTF-8", "charset=NO-SUCH"); },
       "l10n-merge",
       "locales/es.po:10:36: error: charset 'NO-SUCH' cannot be read: iconv does not know it, "
       "or it changes ASCII [encoding]\n",
       1},
      {"PO: NUL byte",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string("msgid \"Hello world\"\nmsgstr \"Hola") + '\0' + "\"");
       },
       "l10n-merge", "locales/es.po:19:13: error: NUL byte in a string [encoding]\n", 1},
      {"PO: NUL byte in a comment",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string("# a note") + '\0' + "cut here\n" + kHelloEntry);
       },
       "l10n-merge", "locales/es.po:18:9: error: NUL byte in a comment [encoding]\n", 1},
      {"PO: NUL byte in a reference",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", "#: posts/hello.html:3",
              std::string("#: posts/hello.html") + '\0' + ":3");
       },
       "l10n-check -q --allow-untranslated locales/es.po",
       "locales/es.po:17:20: error: NUL byte in a comment [encoding]\n", 1},
      {"PO: invalid UTF-8",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry, "msgid \"Hello world\"\nmsgstr \"Hola \xC3\x28\"");
       },
       "l10n-merge", "locales/es.po:19:14: error: invalid UTF-8 byte '\\xc3' [encoding]\n", 1},
      {"PO: a 10 MB line",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              std::string(kHelloEntry) + "\n" + std::string(10 << 20, 'x'));
       },
       "l10n-merge",
       "locales/es.po:20:1: error: unknown keyword 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' "
       "[syntax]\n",
       1},
      {"PO: missing header",
       [](const TempDir& d) {
         std::string po = Slurp(d / "locales/es.po");
         Spit(d / "locales/es.po", po.substr(po.find("#. page title")));
       },
       "l10n-merge", "locales/es.po:1:1: error: the catalog has no header entry [header]\n", 1},
      // ---- XLIFF catalogs ----
      {"XLIFF: DTD",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"xliff.dtd\">\n" +
                  Xliff("").substr(22));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n",
       1},
      {"XLIFF: external entity",
       [](const TempDir& d) {
         Spit(
             d / "locales/es.xlf",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n" +
                 Xliff("<trans-unit id=\"a\"><source>Hello world</source><target>&e;</target>"
                       "</trans-unit>")
                     .substr(39));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n",
       1},
      {"XLIFF: billion laughs",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
              "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 "
              "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n" +
                  Xliff("<trans-unit id=\"a\"><source>Hello world</source><target>&lol3;</target>"
                        "</trans-unit>")
                      .substr(39));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:2:1: error: a DTD or entity declaration is not allowed in XLIFF [unsafe]\n",
       1},
      {"XLIFF: wrong version",
       [](const TempDir& d) {
         std::string x = Xliff("");
         x.replace(x.find("version=\"1.2\""), 13, "version=\"1.1\"");
         Spit(d / "locales/es.xlf", x);
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:2:1: error: unknown XLIFF version '1.1' (1.2, 2.0 or 2.1) [syntax]\n", 1},
      {"XLIFF: missing id",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf", Xliff("<trans-unit><source>Hello world</source></trans-unit>"));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:4:1: error: <trans-unit> without an id [syntax]\n", 1},
      {"XLIFF: duplicate ids",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              Xliff("<trans-unit id=\"a\"><source>Hello world</source></trans-unit>\n"
                    "<trans-unit id=\"a\"><source>Thanks for reading.</source></trans-unit>"));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:5:1: error: duplicate id 'a' [duplicate]\n", 1},
      {"XLIFF: inline codes that differ from the source's",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              Xliff("<trans-unit id=\"a\"><source>We met <g id=\"a\">our partners</g> in "
                    "Lima.</source><target>Conocimos a <g id=\"a\">socios</g> <g id=\"b\">aquí"
                    "</g>.</target></trans-unit>"));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:4:79: error: placeholder '<b>' is not in the source [placeholder]\n", 1},
      {"XLIFF: malformed XML",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              Xliff("<trans-unit id=\"a\"><source>Hello world</target></trans-unit>"));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:4:41: error: malformed XML: Start-end tags mismatch [syntax]\n", 1},
      {"XLIFF: a NUL character reference",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              Xliff("<trans-unit id=\"a\"><source>Hello world</source><target>Hola&#0;"
                    "<script>x</script></target></trans-unit>"));
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:4:60: error: character reference '&#0;' is not a character XML allows "
       "[syntax]\n",
       1},
      {"XLIFF 2.0: <cp> of a surrogate",
       [](const TempDir& d) {
         Spit(d / "locales/es.xlf",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
              "srcLang=\"en\" trgLang=\"es\">\n<file id=\"f\">\n<unit id=\"a\"><segment "
              "state=\"translated\"><source>Hello world</source><target>Hola <cp hex=\"DC00\"/>"
              "</target></segment></unit>\n</file></xliff>\n");
       },
       "l10n-merge --catalog 'locales/{lang}.xlf'",
       "locales/es.xlf:4:83: error: <cp> hex 'DC00' is not a character (U+0000, a surrogate, or "
       "above U+10FFFF) [encoding]\n",
       1},
      // XLIFF that another tool wrote: no po-header note (findings at the
      // file, or at the unit's line).
      {"XLIFF 2.0 without a header: an empty <file>",
       [](const TempDir& d) { Spit(d / "x.xlf", "<xliff version=\"2.0\"><file/></xliff>"); },
       "l10n-check x.xlf",
       "x.xlf:1:1: error: the XLIFF file names no target language ('target-language' or 'trgLang') "
       "[header]\n",
       1},
      {"XLIFF 2.0 without a header: one unit on line 1",
       [](const TempDir& d) {
         Spit(d / "x.xlf",
              "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"es\"><file id=\"f\"><unit "
              "id=\"u\"><segment><source>Bye</source></segment></unit></file></xliff>");
       },
       "l10n-check x.xlf", "x.xlf:1:1: error: untranslated: \"Bye\" [untranslated]\n", 1},
      {"XLIFF 1.2 without a header",
       [](const TempDir& d) {
         Spit(d / "x.xlf",
              Xliff("<trans-unit id=\"a\">\n<source>Hello</source>\n<target>Hola?</target>\n"
                    "</trans-unit>\n<trans-unit id=\"b\">\n<source>Bye</source>\n</trans-unit>"));
       },
       "l10n-check x.xlf",
       "x.xlf:4:1: warning: the translation ends with '?', the source with no punctuation "
       "[punctuation]\n"
       "x.xlf:4:1: warning: '?' without an opening '¿' [inverted-marks]\n"
       "x.xlf:8:1: error: untranslated: \"Bye\" [untranslated]\n",
       1},
      {"XLIFF 1.2 without a header or languages",
       [](const TempDir& d) {
         Spit(d / "x.xlf",
              "<xliff version=\"1.2\"><file original=\"x\" datatype=\"html\"><body><trans-unit "
              "id=\"a\"><source>Hi</source><target>Hola</target></trans-unit></body></file>"
              "</xliff>");
       },
       "l10n-check x.xlf",
       "x.xlf:1:1: error: the XLIFF file names no target language ('target-language' or 'trgLang') "
       "[header]\n",
       1},
      // ---- HTML posts ----
      {"HTML: invalid UTF-8",
       [](const TempDir& d) { Edit(d, "posts/hello.html", "Hello world", "Hello w\xF6rld"); },
       "l10n-extract", "posts/hello.html:3:43: error: invalid UTF-8 byte '\\xf6'\n", 1},
      {"HTML: NUL byte",
       [](const TempDir& d) {
         Edit(d, "posts/hello.html", "Hello world", std::string("Hello\0world", 11));
       },
       "l10n-extract", "posts/hello.html:3:41: error: NUL byte in the post\n", 1},
      {"HTML: 50,000 nested elements",
       [](const TempDir& d) {
         std::string deep;
         for (int i = 0; i < 50000; ++i) deep += "<div>";
         Edit(d, "posts/hello.html", "<body>", "<body>" + deep);
       },
       "l10n-extract", "posts/hello.html:4:4997: error: elements nested more than 1000 deep\n", 1},
      {"HTML: 900 unclosed formatting elements, reopened in every paragraph",
       [](const TempDir& d) {
         std::string post = "<p>";
         for (int i = 0; i < 900; ++i) post += "<b id=" + std::to_string(i) + ">";
         post += "x</p>";
         for (int i = 0; i < 2700; ++i) post += "<p>Para</p>";
         Edit(d, "posts/hello.html", "<body>", "<body>" + post);
       },
       "l10n-extract",
       "posts/hello.html:4:900: error: more than 100 formatting elements ('<b>', '<i>', '<a>', "
       "...) open at once\n",
       1},
      {"HTML: an element with more than 100 attributes",
       [](const TempDir& d) {
         std::string attributes;
         for (int i = 0; i < 101; ++i) attributes += " data-a" + std::to_string(i) + "=x";
         Edit(d, "posts/hello.html", "<h1>", "<h1" + attributes + ">");
       },
       "l10n-extract", "posts/hello.html:5:1: error: more than 100 attributes on one element\n", 1},
      {"HTML: a post that declares windows-1252",
       [](const TempDir& d) {
         Edit(d, "posts/hello.html", "<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">");
       },
       "l10n-extract",
       "posts/hello.html:3:7: error: the post declares the encoding 'windows-1252'; posts must be "
       "UTF-8 (<meta charset=\"utf-8\">)\n",
       1},
      {"HTML: a post that declares Latin-1 in a Content-Type pragma",
       [](const TempDir& d) {
         Edit(d, "posts/hello.html", "<meta charset=\"utf-8\">",
              "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">");
       },
       "l10n-merge",
       "posts/hello.html:3:7: error: the post declares the encoding 'iso-8859-1'; posts must be "
       "UTF-8 (<meta charset=\"utf-8\">)\n",
       1},
      {"HTML: a 100 MB post",
       [](const TempDir& d) {
         Edit(d, "posts/hello.html", "</body>",
              "<p>" + std::string(100 << 20, 'a') + "</p></body>");
       },
       "l10n-extract",
       "posts/hello.html: error: the post is 104858060 bytes; posts over 32 MiB are refused\n", 1},
      {"HTML: binary garbage",
       [](const TempDir& d) {
         std::string garbage;
         for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 251 + 3);
         Spit(d / "posts/garbage.html", garbage);
       },
       "l10n-extract", "posts/garbage.html:1:2: error: invalid UTF-8 byte '\\x8d'\n", 1},
      {"HTML: a post without <html lang>",
       [](const TempDir& d) { Edit(d, "posts/hello.html", "<html lang=\"en\">", "<html>"); },
       "l10n-extract",
       "posts/hello.html:2:6: error: the post has no <html lang>, so its language is unknown\n", 1},
      {"HTML: a language the project does not have",
       [](const TempDir& d) { Edit(d, "posts/hello.html", "lang=\"en\"", "lang=\"fr\""); },
       "l10n-extract",
       "posts/hello.html:2:13: error: language 'fr' is not one of the project's languages\n", 1},
      {"HTML: a file name that cannot name an output",
       [](const TempDir& d) {
         std::filesystem::rename(d / "posts/hello.html", d / "posts/he\x01llo.html");
       },
       "l10n-extract",
       "posts/he\x01llo.html: error: 'he\x01llo' cannot name an output file: a post's file name "
       "must not start with '.' nor hold control characters\n",
       1},
      // ---- The project file ----
      {"config: unknown key",
       [](const TempDir& d) { Edit(d, "l10n.toml", "[project]\n", "[project]\ncolour = 1\n"); },
       "l10n-extract", "l10n.toml:2:10: error: unknown setting 'project.colour'\n", 2},
      {"config: wrong type",
       [](const TempDir& d) {
         Edit(d, "l10n.toml", "languages = [\"en\", \"es\"]", "languages = \"en es\"");
       },
       "l10n-extract", "l10n.toml:3:13: error: 'project.languages' must be an array of strings\n",
       2},
      {"config: not TOML", [](const TempDir& d) { Edit(d, "l10n.toml", "[project]", "[project"); },
       "l10n-extract",
       "l10n.toml:1:9: error: Error while parsing table header: expected ']', saw '\\n'\n", 2},
      {"config: a language that is not a tag",
       [](const TempDir& d) {
         Edit(d, "l10n.toml", "languages = [\"en\", \"es\"]", "languages = [\"en\", \"../es\"]");
       },
       "l10n-extract", "l10n.toml: error: '../es' is not a language tag\n", 2},
      {"config: missing file", [](const TempDir&) {}, "l10n-extract --config nope.toml",
       "nope.toml: error: cannot open file: No such file or directory\n", 2},
      {"config: keep out of range", [](const TempDir&) {}, "l10n-merge --keep 150",
       "l10n.toml: error: keep must be a percentage from 0 to 100\n", 2},
      {"config: a date style that names none, on the command line", [](const TempDir&) {},
       "l10n-merge --date-style Long",
       "l10n.toml: error: unknown date style 'Long' (long, medium, short or full)\n", 2},
      {"config: an XLIFF version only the reader knows, on the command line", [](const TempDir&) {},
       "l10n-extract --xliff 2.1", "l10n.toml: error: unknown XLIFF version '2.1' (1.2 or 2.0)\n",
       2},
      {"config: XLIFF versions that name none, counted for the path they need",
       [](const TempDir& d) {
         Edit(d, "l10n.toml", "languages = [\"en\", \"es\"]",
              "languages = [\"en\", \"es\"]\nxliff = [\"1.2\", \"3.0\"]\n"
              "xliff_path = \"x/{lang}.xlf\"");
       },
       "l10n-extract",
       "l10n.toml: error: unknown XLIFF version '3.0' (1.2 or 2.0)\n"
       "l10n.toml: error: the XLIFF path needs '{lang}', and '{version}' when several versions "
       "are written\n",
       2},
      {"taxonomy: not TOML",
       [](const TempDir& d) { Spit(d / "locales/taxonomy.toml", "[categories.x\nen = 1\n"); },
       "l10n-merge", "locales/taxonomy.toml:1:14: error: expected ']', saw '\\n'\n", 1},
      // ---- Files that are not regular files, or too large ----
      {"post: a symbolic link to /dev/zero",
       [](const TempDir& d) {
         std::filesystem::create_symlink("/dev/zero", d / "posts/zero.html");
       },
       "l10n-extract",
       "posts/zero.html: error: the post leads to '/dev/zero', outside the project folder "
       "'{dir}'\n",
       1},
      {"post: a FIFO",
       [](const TempDir& d) { REQUIRE(::mkfifo((d / "posts/fifo.html").c_str(), 0644) == 0); },
       "l10n-extract",
       "posts/fifo.html: error: cannot read file: not a regular file (a FIFO, socket or "
       "device)\n",
       1},
      {"post: a symbolic link to a FIFO",
       [](const TempDir& d) {
         REQUIRE(::mkfifo((d / "fifo").c_str(), 0644) == 0);
         std::filesystem::create_symlink("../fifo", d / "posts/fifo.html");
       },
       "l10n-merge",
       "posts/fifo.html: error: cannot read file: not a regular file (a FIFO, socket or "
       "device)\n",
       1},
      {"catalog: a symbolic link to /dev/zero",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/es.po");
         std::filesystem::create_symlink("/dev/zero", d / "locales/es.po");
       },
       "l10n-merge",
       "locales/es.po: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       1},
      {"catalog: a symbolic link to /dev/urandom",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/es.po");
         std::filesystem::create_symlink("/dev/urandom", d / "locales/es.po");
       },
       "l10n-check",
       "locales/es.po: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       2},
      {"catalog: a FIFO",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/es.po");
         REQUIRE(::mkfifo((d / "locales/es.po").c_str(), 0644) == 0);
       },
       "l10n-extract",
       "locales/es.po: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       1},
      {"catalog: a FIFO named on the command line",
       [](const TempDir& d) { REQUIRE(::mkfifo((d / "locales/fr.po").c_str(), 0644) == 0); },
       "l10n-check locales/fr.po",
       "locales/fr.po: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       2},
      {"template: a FIFO",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/en.pot");
         REQUIRE(::mkfifo((d / "locales/en.pot").c_str(), 0644) == 0);
       },
       "l10n-extract",
       "locales/en.pot: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       1},
      {"compendium: /dev/zero", [](const TempDir&) {}, "l10n-extract -C /dev/zero",
       "/dev/zero: error: cannot read file: not a regular file (a FIFO, socket or device)\n", 1},
      {"taxonomy: a symbolic link to /dev/urandom",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/taxonomy.toml");
         std::filesystem::create_symlink("/dev/urandom", d / "locales/taxonomy.toml");
       },
       "l10n-merge",
       "locales/taxonomy.toml: error: cannot read file: not a regular file (a FIFO, socket or "
       "device)\n",
       1},
      {"taxonomy: over 8 MiB",
       [](const TempDir& d) {
         std::filesystem::resize_file(d / "locales/taxonomy.toml", (8 << 20) + 1);
       },
       "l10n-merge",
       "locales/taxonomy.toml: error: the file is 8388609 bytes; settings files over 8 MiB are "
       "refused\n",
       1},
      {"config: a FIFO",
       [](const TempDir& d) {
         std::filesystem::remove(d / "l10n.toml");
         REQUIRE(::mkfifo((d / "l10n.toml").c_str(), 0644) == 0);
       },
       "l10n-merge",
       "l10n.toml: error: cannot read file: not a regular file (a FIFO, socket or device)\n", 2},
      {"config: a symbolic link to /dev/zero",
       [](const TempDir& d) {
         std::filesystem::remove(d / "l10n.toml");
         std::filesystem::create_symlink("/dev/zero", d / "l10n.toml");
       },
       "l10n-check",
       "l10n.toml: error: cannot read file: not a regular file (a FIFO, socket or device)\n", 2},
      // ---- Symbolic links and what is written ----
      {"post: a pattern that leaves the project",
       [](const TempDir& d) {
         std::filesystem::create_directories(d / "posts/inner");
         Spit(d / "posts/inner/l10n.toml",
              "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"../hello.html\"]\n");
       },
       "l10n-extract -q -c posts/inner/l10n.toml",
       "../hello.html: error: the post leads to '{dir}/posts/hello.html', outside the project "
       "folder '{dir}/posts/inner'\n",
       1},
      {"catalog: a dangling symbolic link",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/es.po");
         std::filesystem::create_symlink("../shared/es.po", d / "locales/es.po");
         Edit(d, "posts/hello.html", "Thanks for reading.", "Thank you for reading.");
       },
       "l10n-extract -q",
       "locales/es.po: error: cannot write through the symbolic link: its target "
       "'../shared/es.po' does not exist\n",
       1},
      {"catalog: a symbolic link to /dev/null",
       [](const TempDir& d) {
         std::filesystem::remove(d / "locales/es.po");
         std::filesystem::create_symlink("/dev/null", d / "locales/es.po");
       },
       "l10n-extract -q",
       "locales/es.po: error: cannot read file: not a regular file (a FIFO, socket or device)\n",
       1},
      {"output: a page that is a symbolic link out of the output folder",
       [](const TempDir& d) {
         Spit(d / "outside.html", "mine");
         std::filesystem::create_directories(d / "public/en");
         std::filesystem::create_symlink("../../outside.html", d / "public/en/hello.html");
       },
       "l10n-merge -q --keep 0",
       "posts/hello.html: error: 'public/en/hello.html' leads to '{dir}/outside.html', outside "
       "the output folder 'public/'\n",
       1},
      {"merge: one post refused as unsafe writes no page",
       [](const TempDir& d) {
         Edit(d, "locales/es.po", kHelloEntry,
              "msgid \"Hello world\"\nmsgstr \"<script>alert(1)</script>Hola\"");
       },
       "l10n-merge -q --keep 0",
       "locales/es.po:19:9: error: markup not in the source: '<script>' [unsafe]\n"
       "locales/es.po:19:9: error: markup not in the source: '<script>' [unsafe]\n",
       1},
      // ---- The command line ----
      {"CLI: a missing argument", [](const TempDir&) {}, "l10n-merge --keep",
       "--keep: 1 required PERCENT missing\nRun with --help for more information.\n", 2},
      {"CLI: an unknown option", [](const TempDir&) {}, "l10n-extract --frobnicate",
       "The following argument was not expected: --frobnicate\nRun with --help for more "
       "information.\n",
       2},
      {"CLI: a value of the wrong type", [](const TempDir&) {}, "l10n-merge --keep many",
       "Could not convert: --keep = many\nRun with --help for more information.\n", 2},
      {"CLI: an output folder that cannot be written", [](const TempDir&) {},
       "l10n-merge -q --keep 0 -o 'posts/hello.html/{lang}/{slug}.html'",
       "posts/hello.html/en: error: cannot create folder: Not a directory\n"
       "posts/hello.html/en: error: cannot create folder: Not a directory\n"
       "posts/hello.html/es: error: cannot create folder: Not a directory\n"
       "posts/hello.html/es: error: cannot create folder: Not a directory\n",
       1},
      {"CLI: an output pattern that leaves the output folder", [](const TempDir&) {},
       "l10n-merge -o 'public/{lang}/../../../outside/{slug}.html'",
       "posts/hello.html: error: 'public/en/../../../outside/hello.html' would be written outside "
       "the output folder 'public/'\n",
       1},
      {"CLI: no post matches", [](const TempDir&) {}, "l10n-extract --posts 'drafts/*.html'",
       "drafts/*.html: warning: no post matches this pattern\nerror: no posts found\n", 1},
      {"CLI: a compendium that does not exist", [](const TempDir&) {}, "l10n-extract -C old/es.po",
       "old/es.po: error: compendium not found\n", 1},
      {"CLI: check a catalog that does not exist", [](const TempDir&) {},
       "l10n-check locales/fr.po",
       "locales/fr.po: error: cannot open file: No such file or directory\n", 2},
  };
  return cases;
}

TEST_CASE("bad input: exact message and exit code, and nothing created or changed") {
  std::vector<BadCase> cases = Cases();
  CHECK(cases.size() >= 40);
  for (const BadCase& c : cases) {
    CAPTURE(c.name);
    TempDir dir;
    BaseProject(dir);
    c.setup(dir);
    auto before = Snapshot(dir.path());
    std::string command = c.command;
    std::string tool = command.substr(0, command.find(' '));
    std::string args = command.size() > tool.size() ? command.substr(tool.size()) : "";
    // A tool that waits on a FIFO fails the case instead of the suite.
    testing::CommandResult r = Run("timeout 60 " + Tool(tool) + args, dir.path());
    // L10N_DUMP=1 prints every case's stderr as a C string, to review and
    // paste when a message changes on purpose.
    if (std::getenv("L10N_DUMP")) {
      std::string escaped;
      for (char ch : r.err.substr(0, 400)) {
        if (ch == '\n')
          escaped += "\\n";
        else if (ch == '"')
          escaped += "\\\"";
        else if (ch == '\\')
          escaped += "\\\\";
        else if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x80) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(ch));
          escaped += buf;
        } else
          escaped += ch;
      }
      std::printf("CASE %s\n  \"%s\" %d\n", c.name, escaped.c_str(), r.exit_code);
    }
    if (*c.err != '\0') {
      // "{dir}" stands for the project's folder, symbolic links resolved.
      std::string want = c.err;
      const std::string real = std::filesystem::canonical(dir.path()).string();
      for (size_t at; (at = want.find("{dir}")) != std::string::npos;) want.replace(at, 5, real);
      CHECK(r.err == want);
    } else {
      CHECK(r.err.find("error: ") != std::string::npos);
    }
    CHECK(r.exit_code == c.exit_code);
    CHECK(Snapshot(dir.path()) == before);
  }
}

}  // namespace
}  // namespace l10n
