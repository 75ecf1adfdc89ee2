// Tests of the PO reader (po_reader and its parts: po_parser, po_input_text,
// po_wrap_detect): what it reads into a Catalog, the wrapping it detects,
// every syntax and charset error as the whole rendered message.
#include "catalog/po_reader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/charset.h"
#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/po_writer.h"
#include "test_util.h"

namespace l10n {
namespace {

// ---------------------------------------------------------------------------
// Helpers.

std::string Escape(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

// One line per message: "line: [obsolete] [ctxt=..] id=.. [plural=..]
// str=.. | str[0]=.. str[1]=.. [#=..] [#.=..] [#:=..] [#,=..] [prev...]".
std::string Dump(const Catalog& catalog) {
  std::string out;
  auto add = [&out](const char* label, const std::string& value) {
    out += label;
    out += value;
  };
  for (const Message& m : catalog.messages) {
    out += std::to_string(m.line);
    out += ':';
    if (m.obsolete) out += " obsolete";
    if (m.msgctxt) add(" ctxt=", Escape(*m.msgctxt));
    add(" id=", Escape(m.msgid));
    if (m.msgid_plural) add(" plural=", Escape(*m.msgid_plural));
    if (m.msgid_plural) {
      for (size_t i = 0; i < m.msgstr.size(); ++i) {
        add(" str[", std::to_string(i));
        add("]=", Escape(m.msgstr[i]));
      }
    } else {
      add(" str=", Escape(m.msgstr.empty() ? "" : m.msgstr[0]));
    }
    std::vector<std::string> escaped;
    for (const std::string& c : m.translator_comments) escaped.push_back(Escape(c));
    if (!escaped.empty()) add(" #=", Join(escaped, ","));
    escaped.clear();
    for (const std::string& c : m.extracted_comments) escaped.push_back(Escape(c));
    if (!escaped.empty()) add(" #.=", Join(escaped, ","));
    if (!m.references.empty()) add(" #:=", Join(m.references, ","));
    if (!m.flags.empty()) add(" #,=", Join(m.flags, ","));
    if (m.prev_msgctxt) add(" prev_ctxt=", Escape(*m.prev_msgctxt));
    if (m.prev_msgid) add(" prev_id=", Escape(*m.prev_msgid));
    if (m.prev_msgid_plural) add(" prev_plural=", Escape(*m.prev_msgid_plural));
    out += '\n';
  }
  return out;
}

std::string StyleOf(const Catalog& catalog) {
  return std::string("width=") + std::to_string(catalog.style.width) +
         " no_wrap=" + std::to_string(catalog.style.no_wrap) +
         " crlf=" + std::to_string(catalog.style.crlf);
}

// ---------------------------------------------------------------------------
// Reading.

struct ReadCase {
  const char* name;
  const char* po;
  const char* want;  // Dump()
};

const ReadCase kReadCases[] = {
    {"comments of every kind",
     "# translator\n"
     "#\n"
     "#  indented\n"
     "#. extracted\n"
     "#: src/a.c:12 src/b.c:3\n"
     "#: lib/c.h:7\n"
     "#, fuzzy, c-format\n"
     "msgid \"a\"\n"
     "msgstr \"b\"\n",
     "1: id=\"a\" str=\"b\" #=\"translator\",\"\",\" indented\" #.=\"extracted\" "
     "#:=src/a.c:12,src/b.c:3,lib/c.h:7 #,=fuzzy,c-format\n"},
    {"flags split on commas and spaces, range kept whole",
     "#,  fuzzy ,c-format  python-format\n"
     "#, range: 1..5, fuzzy\n"
     "msgid \"a\"\n"
     "msgstr \"b\"\n",
     "1: id=\"a\" str=\"b\" #,=fuzzy,c-format,python-format,range: 1..5\n"},
    {"older reference spellings",
     "#: a.c: 12 b.c :3 ./c.c:0042 nofile d.c:x\n"
     "msgid \"a\"\n"
     "msgstr \"b\"\n",
     "1: id=\"a\" str=\"b\" #:=a.c:12,b.c:3,./c.c:42,nofile,d.c:x\n"},
    {"all escapes",
     "msgid \"\\a\\b\\t\\n\\v\\f\\r\\\\\\\"\\101\\x41\\0101\\7\"\n"
     "msgstr \"\"\n",
     "1: id=\"\\007\\010\\t\\n\\013\\014\\015\\\\\\\"AA\\0101\\007\" str=\"\"\n"},
    {"strings continued over lines and tokens on one line",
     "msgid \"\"\n"
     "\"one \"\n"
     "\"two\"\n"
     "msgstr \"uno \" \"dos\"\n",
     "1: id=\"one two\" str=\"uno dos\"\n"},
    {"msgctxt absent, empty and set",
     "msgid \"a\"\nmsgstr \"1\"\n\n"
     "msgctxt \"\"\nmsgid \"a\"\nmsgstr \"2\"\n\n"
     "msgctxt \"menu\"\nmsgid \"a\"\nmsgstr \"3\"\n",
     "1: id=\"a\" str=\"1\"\n"
     "4: ctxt=\"\" id=\"a\" str=\"2\"\n"
     "8: ctxt=\"menu\" id=\"a\" str=\"3\"\n"},
    {"plurals",
     "msgid \"file\"\n"
     "msgid_plural \"files\"\n"
     "msgstr[0] \"archivo\"\n"
     "msgstr [ 1 ] \"archivos\"\n",
     "1: id=\"file\" plural=\"files\" str[0]=\"archivo\" str[1]=\"archivos\"\n"},
    {"previous strings",
     "#, fuzzy\n"
     "#| msgctxt \"old\"\n"
     "#| msgid \"\"\n"
     "#| \"Open the \"\n"
     "#| \"file\"\n"
     "#| msgid_plural \"Open files\"\n"
     "msgid \"Open a file\"\n"
     "msgid_plural \"Open files\"\n"
     "msgstr[0] \"\"\n"
     "msgstr[1] \"\"\n",
     "1: id=\"Open a file\" plural=\"Open files\" str[0]=\"\" str[1]=\"\" #,=fuzzy "
     "prev_ctxt=\"old\" prev_id=\"Open the file\" prev_plural=\"Open files\"\n"},
    {"obsolete entries",
     "msgid \"a\"\nmsgstr \"b\"\n\n"
     "# kept comment\n"
     "#~ msgctxt \"ctx\"\n"
     "#~ msgid \"\"\n"
     "#~ \"old \"\n"
     "#~ \"text\"\n"
     "#~ msgstr \"viejo\"\n\n"
     "#, fuzzy\n"
     "#~| msgid \"older\"\n"
     "#~ msgid \"old\"\n"
     "#~ msgstr \"x\"\n",
     "1: id=\"a\" str=\"b\"\n"
     "4: obsolete ctxt=\"ctx\" id=\"old text\" str=\"viejo\" #=\"kept comment\"\n"
     "11: obsolete id=\"old\" str=\"x\" #,=fuzzy prev_id=\"older\"\n"},
    {"header and BOM",
     "\xEF\xBB\xBFmsgid \"\"\n"
     "msgstr \"\"\n"
     "\"Content-Type: text/plain; charset=UTF-8\\n\"\n",
     "1: id=\"\" str=\"Content-Type: text/plain; charset=UTF-8\\n\"\n"},
    {"CRLF line ends", "# c\r\nmsgid \"a\"\r\nmsgstr \"\"\r\n\"b\"\r\n",
     "1: id=\"a\" str=\"b\" #=\"c\"\n"},
    {"entry line is its first comment or keyword",
     "\n\n#. x\n\nmsgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"c\"\nmsgid \"a\"\nmsgstr \"\"\n",
     "3: id=\"a\" str=\"\" #.=\"x\"\n"
     "8: ctxt=\"c\" id=\"a\" str=\"\"\n"},
    {"comments after the last entry are dropped, as gettext does",
     "msgid \"a\"\nmsgstr \"\"\n\n# trailing\n", "1: id=\"a\" str=\"\"\n"},
};

TEST_CASE("ReadPo reads every part of an entry") {
  for (const ReadCase& c : kReadCases) {
    std::string name = c.name;
    CAPTURE(name);
    Catalog catalog = MustRead(c.po);
    CHECK(Dump(catalog) == c.want);
  }
}

struct StyleCase {
  const char* name;
  const char* po;
  const char* want;
};

const StyleCase kStyleCases[] = {
    {"short lines tell nothing: default", "msgid \"a\"\nmsgstr \"b\"\n",
     "width=79 no_wrap=0 crlf=0"},
    {"CRLF", "msgid \"a\"\r\nmsgstr \"b\"\r\n", "width=79 no_wrap=0 crlf=1"},
    {"wrapped at 79",
     "msgid \"\"\n"
     "\"The quick brown fox jumps over the lazy dog. This sentence is deliberately \"\n"
     "\"long so that it needs to be wrapped.\"\n"
     "msgstr \"\"\n",
     "width=79 no_wrap=0 crlf=0"},
    {"long line, only breaks after \\n: --no-wrap",
     "msgid \"\"\n"
     "\"The quick brown fox jumps over the lazy dog. This sentence is deliberately long.\\n\"\n"
     "\"Second line\"\n"
     "msgstr \"\"\n",
     "width=79 no_wrap=1 crlf=0"},
    {"a long unbreakable line between wrapped ones is not --no-wrap",
     "msgid \"\"\n"
     "\"see \"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \"\n"
     "\"for more\"\n"
     "msgstr \"\"\n",
     "width=79 no_wrap=0 crlf=0"},
    {"a long unbreakable string alone is not --no-wrap",
     "msgid "
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n"
     "msgstr \"\"\n",
     "width=79 no_wrap=0 crlf=0"},
    {"msgcat --width=60",
     "msgid \"\"\n"
     "\"Lines are broken at Unicode line-break opportunities: \"\n"
     "\"after spaces, after hyphens in well-known words, never \"\n"
     "\"inside \\\\escapes\\\\ or \\\"quotes\\\".\\n\"\n"
     "\"Second line.\"\n"
     "msgstr \"\"\n",
     "width=60 no_wrap=0 crlf=0"},
};

TEST_CASE("ReadPo detects line ends and wrapping") {
  for (const StyleCase& c : kStyleCases) {
    std::string name = c.name;
    CAPTURE(name);
    Catalog catalog = MustRead(c.po);
    CHECK(StyleOf(catalog) == c.want);
  }
}

struct ErrorCase {
  const char* po;
  const char* want;  // all diagnostics, rendered
};

const ErrorCase kErrorCases[] = {
    {"msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
     "t.po:4:1: error: duplicate message definition [duplicate]\n"
     "t.po:1:1: note: this is the location of the first definition\n"},
    // An obsolete entry is in the same list, as msgfmt reads it.
    {"msgctxt \"m\"\nmsgid \"a\"\nmsgstr \"\"\n#~ msgctxt \"m\"\n#~ msgid \"a\"\n#~ msgstr \"x\"\n",
     "t.po:5:4: error: duplicate message definition [duplicate]\n"
     "t.po:2:1: note: this is the location of the first definition\n"},
    {"#~ msgid \"a\"\n#~ msgstr \"x\"\n\n#~ msgid \"a\"\n#~ msgstr \"y\"\n",
     "t.po:4:4: error: duplicate message definition [duplicate]\n"
     "t.po:1:4: note: this is the location of the first definition\n"},
    {"msgctxt \"m\"\nmsgid \"a\"\nmsgstr \"\"\n#~ msgid \"a\"\n#~ msgstr \"x\"\n", ""},
    {"msgid\nmsgstr \"\"\n",
     "t.po:2:1: error: expected string after 'msgid', got 'msgstr' [syntax]\n"},
    {"msgid \"a\"\nmsgstr",
     "t.po:2:7: error: expected string after 'msgstr' at end of file [syntax]\n"},
    {"msgid \"a\"\nmsgstr\n",
     "t.po:3:1: error: expected string after 'msgstr' at end of file [syntax]\n"},
    {"msgid \"abc\nmsgstr \"\"\n", "t.po:1:7: error: unterminated string [syntax]\n"},
    {"msgid \"abc\\\"\nmsgstr \"\"\n", "t.po:1:7: error: unterminated string [syntax]\n"},
    {"msgid \"a\\qb\"\nmsgstr \"\"\n", "t.po:1:9: error: invalid escape sequence '\\q' [syntax]\n"},
    {"msgid \"a\\\xC3\xA9\"\nmsgstr \"\"\n",
     "t.po:1:9: error: invalid escape sequence '\\\xC3\xA9' [syntax]\n"},
    {"msgstr \"x\"\n", "t.po:1:1: error: msgstr without msgid [syntax]\n"},
    {"msgid \"a\"\n", "t.po:1:1: error: missing 'msgstr' after 'msgid' [syntax]\n"},
    {"msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n",
     "t.po:3:1: error: unknown keyword 'msgfoo' [syntax]\n"},
    {"msgid \"a\" @\nmsgstr \"b\"\n", "t.po:1:11: error: unexpected character '@' [syntax]\n"},
    {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n",
     "t.po:3:1: error: expected 'msgstr[0]' after 'msgid_plural', got 'msgstr' [syntax]\n"},
    {"msgid \"a\"\nmsgstr[0] \"x\"\n",
     "t.po:2:1: error: 'msgstr[0]' without 'msgid_plural' [syntax]\n"},
    {"msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"\"\nmsgstr[2] \"\"\n",
     "t.po:4:1: error: expected 'msgstr[1]', got 'msgstr[2]' [syntax]\n"},
    {"#~ msgid \"a\"\nmsgstr \"b\"\n", "t.po:2:1: error: inconsistent use of '#~' [syntax]\n"},
    {"msgid \"a\\004b\"\nmsgstr \"\"\n",
     "t.po:1:7: error: context separator <EOT> within string [syntax]\n"},
    {"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
     "msgid \"caf\xE9\"\nmsgstr \"\"\n",
     "t.po:4:11: error: invalid UTF-8 byte '\\xe9' [encoding]\n"},
    {"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
     "msgid \"caf\xE9\"\nmsgstr \"\"\n",
     ""},
    {"\"stray\"\nmsgid \"a\"\nmsgstr \"\"\n", "t.po:1:1: error: unexpected string [syntax]\n"},
    // One domain per catalog; the entries before a directive are "messages".
    {"msgid \"a\"\nmsgstr \"b\"\n\ndomain \"foo\"\nmsgid \"c\"\nmsgstr \"d\"\n",
     "t.po:4:1: error: entries of a second domain 'foo' (the ones before are of 'messages'): a "
     "catalog holds one domain; split the file by domain [syntax]\n"},
    {"domain \"foo\"\nmsgid \"a\"\nmsgstr \"b\"\ndomain \"messages\"\nmsgid \"c\"\nmsgstr \"\"\n",
     "t.po:4:1: error: entries of a second domain 'messages' (the ones before are of 'foo'): a "
     "catalog holds one domain; split the file by domain [syntax]\n"},
    {"domain\nmsgid \"a\"\nmsgstr \"b\"\n",
     "t.po:2:1: error: expected string after 'domain', got 'msgid' [syntax]\n"},
    {"domain \"foo\"\nmsgid \"a\"\nmsgstr \"b\"\n\ndomain \"foo\"\nmsgid \"c\"\nmsgstr \"\"\n", ""},
    // Several errors: the reader goes on and reports them all, in order.
    {"msgid \"a\\q\"\nmsgstr \"\"\n\nmsgid \"b\"\nmsgstr \"x\n\nmsgid \"a\\q\"\nmsgstr \"\"\n",
     "t.po:1:9: error: invalid escape sequence '\\q' [syntax]\n"
     "t.po:5:8: error: unterminated string [syntax]\n"
     "t.po:7:1: error: duplicate message definition [duplicate]\n"
     "t.po:1:1: note: this is the location of the first definition\n"
     "t.po:7:9: error: invalid escape sequence '\\q' [syntax]\n"},
};

TEST_CASE("ReadPo reports syntax errors as path:line:col and goes on") {
  for (const ErrorCase& c : kErrorCases) {
    std::string po = c.po;
    CAPTURE(po);
    Catalog catalog;
    DiagnosticSink sink;
    bool ok = ReadPo(c.po, "t.po", &catalog, &sink);
    CHECK(RenderDiagnostics(sink) == c.want);
    CHECK(ok == (*c.want == '\0'));
  }
}

// ---------------------------------------------------------------------------
// File names with spaces in "#:" references: gettext 0.22 writes them between
// U+2068 and U+2069; gettext 0.21 reads such a name as several references,
// split at its spaces, and fills the lines with those (so a name may be
// broken across "#:" lines). Without isolates a name with spaces is several
// references, as gettext reads it.

#define LRI "\u2068"
#define PDI "\u2069"

std::string ReferencesOf(std::string_view comments) {
  std::string po =
      std::string("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n") +
      std::string(comments) + "\nmsgid \"x\"\nmsgstr \"\"\n";
  Catalog catalog = MustRead(po);
  std::string out;
  for (const std::string& r : catalog.messages.back().references) out += "[" + r + "]";
  return out;
}

TEST_CASE("ReadPo reads file names with spaces between isolates, and the older form") {
  struct Case {
    const char* comments;
    const char* refs;
  };
  const Case kCases[] = {
      {"#: " LRI "posts/hello world.html" PDI ":3 posts/b.html:4",
       "[posts/hello world.html:3][posts/b.html:4]"},
      {"#: " LRI "posts/caf\xC3\xA9 \"q\" 'x'.html" PDI ":12",
       "[posts/caf\xC3\xA9 \"q\" 'x'.html:12]"},
      {"#: " LRI "a b.html" PDI " c.html", "[a b.html][c.html]"},
      {"#: " LRI "a b" PDI " : 012 " LRI "c d" PDI ":x", "[a b:12][c d][:x]"},
      // As msgcat 0.21 fills the lines: the name goes on on the next line.
      {"#: posts/x.html:1 " LRI "posts/a very\n#: long name.html" PDI ":7 posts/y.html:2",
       "[posts/x.html:1][posts/a very long name.html:7][posts/y.html:2]"},
      {"#: " LRI "a\n#: b\n#: c" PDI ":1", "[a b c:1]"},
      // Unterminated: the name runs to the end of the entry's references.
      {"#: " LRI "a b:1", "[a b:1]"},
      // Without isolates: what gettext reads.
      {"#: posts/hello world.html:3", "[posts/hello][world.html:3]"},
      {"#: a.c: 12 b.c : 3", "[a.c:12][b.c:3]"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.comments);
    CHECK(ReferencesOf(c.comments) == c.refs);
  }
}

#undef LRI
#undef PDI

// ---------------------------------------------------------------------------
// Catalogs in other charsets (tests/fixtures/charsets/, made by make.sh there
// with msgconv and iconv from the UTF-8 originals).

std::string CharsetFixture(const std::string& name) {
  return testing::Slurp(std::string(L10N_SOURCE_DIR) + "/tests/fixtures/charsets/" + name);
}

void CheckSameMessages(const Catalog& got, const Catalog& want) {
  REQUIRE(got.messages.size() == want.messages.size());
  for (size_t i = 0; i < got.messages.size(); ++i) {
    const Message& a = got.messages[i];
    const Message& b = want.messages[i];
    CAPTURE(b.msgid);
    CHECK(a.msgctxt == b.msgctxt);
    CHECK(a.msgid == b.msgid);
    CHECK(a.msgid_plural == b.msgid_plural);
    CHECK(a.msgstr == b.msgstr);
    CHECK(a.translator_comments == b.translator_comments);
    CHECK(a.extracted_comments == b.extracted_comments);
    CHECK(a.references == b.references);
    CHECK(a.flags == b.flags);
    CHECK(a.obsolete == b.obsolete);
  }
}

TEST_CASE("ReadPo reads a catalog in any charset gettext reads as its UTF-8 original") {
  struct Case {
    const char* file;
    const char* original;
  };
  for (Case c : {Case{"latin1.po", "latin.utf8.po"}, Case{"windows-1252.po", "latin.utf8.po"},
                 Case{"koi8-r.po", "cyrillic.utf8.po"}, Case{"big5.po", "zh_TW.utf8.po"},
                 Case{"big5-hkscs.po", "zh_TW.utf8.po"}, Case{"gbk.po", "zh_CN.utf8.po"},
                 Case{"gb18030.po", "zh_CN.utf8.po"}, Case{"shift_jis.po", "ja.utf8.po"},
                 Case{"euc-jp.po", "ja.utf8.po"}}) {
    CAPTURE(c.file);
    Catalog original = MustRead(CharsetFixture(c.original));
    Catalog converted = MustRead(CharsetFixture(c.file));
    CheckSameMessages(converted, original);
    // Written back in UTF-8, as msgconv --to-code=UTF-8 writes it.
    // (msgconv refuses the names that are not portable: "windows-1252".)
    std::string by_msgcat;
    if (HaveMsgcat() && ResolveCharset(*PoDeclaredCharset(CharsetFixture(c.file))).portable) {
      REQUIRE(RunMsgconvToUtf8(CharsetFixture(c.file), &by_msgcat));
      CHECK(WritePo(converted) == by_msgcat);
    }
    // The catalog is UTF-8 now and says so.
    CHECK(converted.HeaderField("Content-Type") == "text/plain; charset=UTF-8");
  }
}

TEST_CASE("ReadPo: a BIG5 second byte 0x5C is part of a character, not an escape") {
  // U+529F is A5 5C in BIG5.
  Catalog c = MustRead(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=BIG5\\n\"\n\n"
      "msgid \"a\"\nmsgstr \"\xa5\x5c\"\n\nmsgid \"b\"\nmsgstr \"\xa5\x5c\\n\"\n");
  REQUIRE(c.messages.size() == 3);
  CHECK(c.messages[1].msgstr[0] == "\xe5\x8a\x9f");
  CHECK(c.messages[2].msgstr[0] == "\xe5\x8a\x9f\n");
}

TEST_CASE("ReadPo: bytes invalid in the declared charset are located errors") {
  Catalog catalog;
  DiagnosticSink sink;
  // 0xFF is no BIG5 lead byte.
  CHECK_FALSE(
      ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=BIG5\\n\"\n\n"
             "msgid \"a\"\nmsgstr \"\xa5\x5c \xff\"\n",
             "t.po", &catalog, &sink));
  CHECK(RenderDiagnostics(sink) ==
        "t.po:5:12: error: invalid byte '\\xff' in charset 'BIG5' [encoding]\n");
  DiagnosticSink sink2;
  // Positions are the file's columns: the error after a two-byte character.
  CHECK_FALSE(
      ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
             "msgid \"\xe9\"\nmsgstr \"\xe9\xe9\" x\n",
             "t.po", &catalog, &sink2));
  CHECK(RenderDiagnostics(sink2) == "t.po:5:13: error: unknown keyword 'x' [syntax]\n");
  DiagnosticSink sink3;
  CHECK_FALSE(ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=NO-SUCH\\n\"\n",
                     "t.po", &catalog, &sink3));
  CHECK(RenderDiagnostics(sink3) ==
        "t.po:2:43: error: charset 'NO-SUCH' cannot be read: iconv does not know it, or it "
        "changes ASCII [encoding]\n");
  // Charsets iconv knows but where ASCII bytes are not ASCII characters.
  for (const char* charset : {"UTF-16", "UTF-7", "ISO-2022-JP"}) {
    CAPTURE(charset);
    DiagnosticSink s;
    CHECK_FALSE(ReadPo(std::string("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=") +
                           charset + "\\n\"\n",
                       "t.po", &catalog, &s));
    CHECK(RenderDiagnostics(s) ==
          std::string("t.po:2:43: error: charset '") + charset +
              "' cannot be read: iconv does not know it, or it changes ASCII "
              "[encoding]\n");
  }
}

TEST_CASE("ReadPo accepts the domain directive, and WritePo writes it back as msgcat does") {
  const std::string po =
      "domain \"foo\"\n"
      "msgid \"\"\n"
      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "msgid \"a\"\n"
      "msgstr \"b\"\n"
      "\n"
      "domain \"foo\"\n"
      "msgid \"c\"\n"
      "msgstr \"d\"\n";
  Catalog c = MustRead(po);
  CHECK(c.messages.size() == 3);
  CHECK(c.style.domain == "foo");
  const std::string want =
      "domain \"foo\"\n"
      "\n"
      "msgid \"\"\n"
      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "msgid \"a\"\n"
      "msgstr \"b\"\n"
      "\n"
      "msgid \"c\"\n"
      "msgstr \"d\"\n";
  CHECK(WritePo(c) == want);
  std::string by_msgcat;
  if (HaveMsgcat()) {
    REQUIRE(RunMsgcat(po, "", &by_msgcat));
    CHECK(by_msgcat == want);
  }
  // The default domain needs no directive.
  CHECK(MustRead("domain \"messages\"\nmsgid \"a\"\nmsgstr \"b\"\n").style.domain.empty());
}

}  // namespace
}  // namespace l10n
