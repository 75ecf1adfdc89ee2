// Tests of po_reader and po_writer. The writer must produce what GNU gettext
// 0.21 msgcat produces byte for byte; the "msgcat" test cases check that
// against the real msgcat when it is installed.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "base/charset.h"
#include "base/diagnostic.h"
#include "catalog/po_line_break.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "test_util.h"

namespace l10n {
namespace {

// ---------------------------------------------------------------------------
// Helpers.

std::string Diagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) {
    out += d.Render();
    out += '\n';
  }
  return out;
}

// Reads `po`; any diagnostic fails the test.
Catalog MustRead(std::string_view po) {
  Catalog catalog;
  DiagnosticSink sink;
  bool ok = ReadPo(po, "t.po", &catalog, &sink);
  CHECK_MESSAGE(ok, Diagnostics(sink));
  CHECK_MESSAGE(sink.diagnostics().empty(), Diagnostics(sink));
  return catalog;
}

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

// "line N:\n  want: ...\n  got:  ..." for the first line that differs.
std::string FirstDifference(std::string_view want, std::string_view got) {
  size_t line = 1, pos = 0;
  while (pos < want.size() && pos < got.size() && want[pos] == got[pos]) {
    if (want[pos] == '\n') ++line;
    ++pos;
  }
  auto line_at = [](std::string_view s, size_t p) {
    size_t begin = s.rfind('\n', p == 0 ? 0 : p - 1);
    begin = begin == std::string_view::npos || p == 0 ? 0 : begin + 1;
    size_t end = s.find('\n', p);
    return std::string(s.substr(begin, end == std::string_view::npos ? s.npos : end - begin));
  };
  return std::string("first difference at line ") + std::to_string(line) +
         ":\n  want: " + line_at(want, pos) + "\n  got:  " + line_at(got, pos);
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
    {"msgid\nmsgstr \"\"\n", "t.po:2:1: error: expected string after 'msgid', got 'msgstr' [syntax]\n"},
    {"msgid \"a\"\nmsgstr", "t.po:2:7: error: expected string after 'msgstr' at end of file [syntax]\n"},
    {"msgid \"a\"\nmsgstr\n", "t.po:3:1: error: expected string after 'msgstr' at end of file [syntax]\n"},
    {"msgid \"abc\nmsgstr \"\"\n", "t.po:1:7: error: unterminated string [syntax]\n"},
    {"msgid \"abc\\\"\nmsgstr \"\"\n", "t.po:1:7: error: unterminated string [syntax]\n"},
    {"msgid \"a\\qb\"\nmsgstr \"\"\n", "t.po:1:9: error: invalid escape sequence '\\q' [syntax]\n"},
    {"msgid \"a\\\xC3\xA9\"\nmsgstr \"\"\n",
     "t.po:1:9: error: invalid escape sequence '\\\xC3\xA9' [syntax]\n"},
    {"msgstr \"x\"\n", "t.po:1:1: error: msgstr without msgid [syntax]\n"},
    {"msgid \"a\"\n", "t.po:1:1: error: missing 'msgstr' after 'msgid' [syntax]\n"},
    {"msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n", "t.po:3:1: error: unknown keyword 'msgfoo' [syntax]\n"},
    {"msgid \"a\" @\nmsgstr \"b\"\n", "t.po:1:11: error: unexpected character '@' [syntax]\n"},
    {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n",
     "t.po:3:1: error: expected 'msgstr[0]' after 'msgid_plural', got 'msgstr' [syntax]\n"},
    {"msgid \"a\"\nmsgstr[0] \"x\"\n", "t.po:2:1: error: 'msgstr[0]' without 'msgid_plural' [syntax]\n"},
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
    CHECK(Diagnostics(sink) == c.want);
    CHECK(ok == (*c.want == '\0'));
  }
}

// ---------------------------------------------------------------------------
// Writing. Every expected text below is what msgcat 0.21 writes.

// Files exactly as msgcat writes them: reading and writing gives them back.
struct RoundTripCase {
  const char* name;
  const char* po;
};

const RoundTripCase kRoundTripCases[] = {
    {"header, comments, references, flags, context, plurals, previous, escapes, obsolete",
     "# Spanish translation of l10n-tools.\n"
     "# Copyright (C) 2024 The l10n-tools authors\n"
     "#\n"
     "msgid \"\"\n"
     "msgstr \"\"\n"
     "\"Project-Id-Version: l10n-tools 0.1\\n\"\n"
     "\"Report-Msgid-Bugs-To: https://example.com/bugs/new?\"\n"
     "\"component=translations&product=l10n-tools\\n\"\n"
     "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
     "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
     "\n"
     "#. TRANSLATORS: the button that saves the post.\n"
     "#: src/editor/toolbar.cc:120 src/editor/toolbar.cc:245\n"
     "#: src/editor/menu_bar_actions.cc:1024\n"
     "#: src/very/long/directory/name/for/wrapping/tests/file_with_a_long_name.cc:99999\n"
     "#: noline.html\n"
     "#, fuzzy, c-format\n"
     "msgctxt \"button\"\n"
     "msgid \"Save %s\"\n"
     "msgstr \"Guardar %s\"\n"
     "\n"
     "msgctxt \"\"\n"
     "msgid \"Empty context\"\n"
     "msgstr \"Contexto vacío\"\n"
     "\n"
     "#, python-format\n"
     "msgid \"%(count)d file\"\n"
     "msgid_plural \"%(count)d files\"\n"
     "msgstr[0] \"%(count)d archivo\"\n"
     "msgstr[1] \"%(count)d archivos\"\n"
     "\n"
     "#, fuzzy\n"
     "#| msgctxt \"old\"\n"
     "#| msgid \"Open the file\"\n"
     "#| msgid_plural \"Open the files\"\n"
     "msgid \"Open a file\"\n"
     "msgid_plural \"Open files\"\n"
     "msgstr[0] \"Abrir un archivo\"\n"
     "msgstr[1] \"Abrir archivos\"\n"
     "\n"
     "msgid \"\"\n"
     "\"Escapes: backslash \\\\ quote \\\" tab \\t bell \\a backspace \\b formfeed \\f vtab \"\n"
     "\"\\v cr \\r end\"\n"
     "msgstr \"Escapes: \\\\ \\\" \\t\"\n"
     "\n"
     "# A translator comment\n"
     "#~ msgctxt \"menu\"\n"
     "#~ msgid \"\"\n"
     "#~ \"Obsolete entry with a long enough message to be wrapped over two lines at \"\n"
     "#~ \"least\"\n"
     "#~ msgstr \"\"\n"
     "#~ \"Entrada obsoleta con un mensaje suficientemente largo para partirse en \"\n"
     "#~ \"dos líneas\"\n"
     "\n"
     "#, fuzzy\n"
     "#~| msgid \"Old\"\n"
     "#~ msgid \"Older\"\n"
     "#~ msgstr \"Más antiguo\"\n"},
    {"English and Spanish prose, hyphens, slashes, URLs, long words, \\n, NBSP, CJK",
     "msgid \"\"\n"
     "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
     "\n"
     "msgid \"\"\n"
     "\"The quick brown fox jumps over the lazy dog. This sentence is deliberately \"\n"
     "\"long so that it needs to be wrapped over several lines, with well-known \"\n"
     "\"hyphenated compounds such as state-of-the-art and/or read-only file-system \"\n"
     "\"paths like /usr/share/locale/es/LC_MESSAGES/l10n-tools.mo.\"\n"
     "msgstr \"\"\n"
     "\"¿Está seguro de que desea eliminar «la página» permanentemente? ¡Esta acción \"\n"
     "\"no se puede deshacer! Visite https://example.com/ayuda/preguntas-frecuentes?\"\n"
     "\"idioma=es&sección=borrado para más información sobre cómo recuperar páginas \"\n"
     "\"eliminadas.\"\n"
     "\n"
     "msgid \"\"\n"
     "\"Pneumonoultramicroscopicsilicovolcanoconiosis-\"\n"
     "\"Pneumonoultramicroscopicsilicovolcanoconiosis is long\"\n"
     "msgstr \"\"\n"
     "\"Pneumonoultramicroscopicsilicovolcanoconiosis_"
     "Pneumonoultramicroscopicsilicovolcanoconiosis \"\n"
     "\"es larga\"\n"
     "\n"
     "msgid \"\"\n"
     "\"First line of a paragraph that is quite long and will certainly need \"\n"
     "\"wrapping at seventy-nine columns.\\n\"\n"
     "\"Second line.\\n\"\n"
     "\"\\n\"\n"
     "\"Fourth line after a blank one, followed by a tab\\tand \\\"quoted\\\" text.\"\n"
     "msgstr \"\"\n"
     "\"Precio: 100\u00a0€ por mes, IVA incluido; pague antes del 15\u00a0de\u00a0marzo, para \"\n"
     "\"obtener un descuento del 10\u00a0% sobre el total.\"\n"
     "\n"
     "msgid \"Short line with newline at the end only\\n\"\n"
     "msgstr \"\"\n"
     "\"日本語のテキストは単語の間にスペースがありませんが、行分割は文字ごとに可能で\"\n"
     "\"す。これは折り返しのテストです。\"\n"},
    {"written with msgcat --width=100",
     "msgid \"\"\n"
     "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
     "\n"
     "msgid \"\"\n"
     "\"The quick brown fox jumps over the lazy dog. This sentence is deliberately long so that it "
     "needs \"\n"
     "\"to be wrapped over several lines, with well-known hyphenated compounds such as "
     "state-of-the-art \"\n"
     "\"and/or read-only file-system paths like /usr/share/locale/es/LC_MESSAGES/l10n-tools.mo.\"\n"
     "msgstr \"\"\n"
     "\"¿Está seguro de que desea eliminar «la página» permanentemente? ¡Esta acción no se puede "
     "\"\n"
     "\"deshacer! Visite https://example.com/ayuda/preguntas-frecuentes?idioma=es&sección=borrado "
     "para \"\n"
     "\"más información sobre cómo recuperar páginas eliminadas.\"\n"
     "\n"
     "msgid \"\"\n"
     "\"Pneumonoultramicroscopicsilicovolcanoconiosis-"
     "Pneumonoultramicroscopicsilicovolcanoconiosis is \"\n"
     "\"long\"\n"
     "msgstr \"\"\n"
     "\"Pneumonoultramicroscopicsilicovolcanoconiosis_"
     "Pneumonoultramicroscopicsilicovolcanoconiosis es \"\n"
     "\"larga\"\n"
     "\n"
     "msgid \"\"\n"
     "\"First line of a paragraph that is quite long and will certainly need wrapping at "
     "seventy-nine \"\n"
     "\"columns.\\n\"\n"
     "\"Second line.\\n\"\n"
     "\"\\n\"\n"
     "\"Fourth line after a blank one, followed by a tab\\tand \\\"quoted\\\" text.\"\n"
     "msgstr \"\"\n"
     "\"Precio: 100\u00a0€ por mes, IVA incluido; pague antes del 15\u00a0de\u00a0marzo, para "
     "obtener un descuento del \"\n"
     "\"10\u00a0% sobre el total.\"\n"
     "\n"
     "msgid \"Short line with newline at the end only\\n\"\n"
     "msgstr \"\"\n"
     "\"日本語のテキストは単語の間にスペースがありませんが、行分割は文字ごとに可能です。これは折り"
     "返しのテ\"\n"
     "\"ストです。\"\n"},
    {"format directives kept together in C format strings",
     "#, c-format\n"
     "msgctxt \"0\"\n"
     "msgid \"\"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx% d \"\n"
     "\"aaa\"\n"
     "msgstr \"\"\n"
     "\n"
     "msgctxt \"1\"\n"
     "msgid \"\"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx% \"\n"
     "\"d aaa\"\n"
     "msgstr \"\"\n"
     "\n"
     "#, c-format\n"
     "msgctxt \"2\"\n"
     "msgid \"\"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \"\n"
     "\"%-*d aaa\"\n"
     "msgstr \"\"\n"
     "\n"
     "msgctxt \"3\"\n"
     "msgid \"\"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx %-\"\n"
     "\"*d aaa\"\n"
     "msgstr \"\"\n"
     "\n"
     "#, python-brace-format\n"
     "msgctxt \"4\"\n"
     "msgid \"\"\n"
     "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx {obj.\"\n"
     "\"attrib} aaa\"\n"
     "msgstr \"\"\n"
     "\n"
     "#, python-brace-format\n"
     "msgctxt \"5\"\n"
     "msgid \"\"\n"
     "\"{a} xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx {obj.\"\n"
     "\"attrib} aaa\"\n"
     "msgstr \"\"\n"},
    // Other charsets: gettext converts them to find characters; a legacy CJK
    // charset makes ambiguous characters (± §) two columns wide.
    {"EUC-JP",
     "msgid \"\"\n"
     "msgstr \"Content-Type: text/plain; charset=EUC-JP\\n\"\n"
     "\n"
     "msgid \"\"\n"
     "\"Japanese text in EUC-JP: ambiguous-width characters such as \241\336 and \241\370 count "
     "\"\n"
     "\"as two columns\"\n"
     "msgstr \"\"\n"
     "\"\306\374\313\334\270\354\244\316\245\306\245\255\245\271\245\310\244\317\303\261\270\354"
     "\244\316\264\326\244\313\245\271\245\332\241\274\245\271\244\254\244\242\244\352\244\336\244"
     "\273\244\363\244\254\241\242\271\324\312\254\263\344\244\317\312\270\273\372\244\264\244\310"
     "\244\313\262\304\307\275\244\307\"\n"
     "\"\244\271\241\243\241\336\241\370\"\n"},
    {"ISO-8859-1, where a soft hyphen takes no column",
     "msgid \"\"\n"
     "msgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
     "\n"
     "msgid \"\"\n"
     "\"Latin-1 text: the soft hyphen in co\255ope\255ra\255ci\363n takes no column, so this line "
     "\"\n"
     "\"is longer\"\n"
     "msgstr \"\"\n"
     "\"El guion blando de co\255ope\255ra\255ci\363n no ocupa columna, as\355 que esta l\355nea "
     "es m\341s \"\n"
     "\"larga\"\n"},
    // gettext 0.21 marks brace directives relative to the directive, not to
    // the string, so "{name}" forbids breaks in the string's first columns.
    {"gettext's offsets for python-brace-format directives",
     "#, python-brace-format\n"
     "msgid \"\"\n"
     "\"a xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \"\n"
     "\"{name}\"\n"
     "msgstr \"\"\n"
     "\n"
     "msgid \"\"\n"
     "\"a \"\n"
     "\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy \"\n"
     "\"{name}\"\n"
     "msgstr \"x\"\n"},
};

bool HaveMsgcat();
bool RunMsgconvToUtf8(const std::string& po, std::string* out);

TEST_CASE("ReadPo then WritePo gives back what msgcat wrote") {
  for (const RoundTripCase& c : kRoundTripCases) {
    std::string name = c.name;
    CAPTURE(name);
    Catalog catalog = MustRead(c.po);
    std::string got = WritePo(catalog);
    std::string want = c.po;
    // A file in another charset is read converted to UTF-8, and written so:
    // as msgconv --to-code=UTF-8 writes it.
    if (!ResolveCharset(PoDeclaredCharset(c.po).value_or("")).utf8()) {
      if (!HaveMsgcat()) continue;
      REQUIRE(RunMsgconvToUtf8(c.po, &want));
    }
    CHECK_MESSAGE(got == want, FirstDifference(want, got));
  }
}

TEST_CASE("WritePo keeps CRLF line ends") {
  const char* po =
      "msgid \"\"\r\n"
      "\"A string that is long enough to be wrapped by gettext at seventy-nine \"\r\n"
      "\"columns.\"\r\n"
      "msgstr \"\"\r\n";
  Catalog catalog = MustRead(po);
  CHECK(catalog.style.crlf);
  CHECK(WritePo(catalog) == po);
}

Message Entry(std::string msgid, std::string msgstr) {
  Message m;
  m.msgid = std::move(msgid);
  m.msgstr = {std::move(msgstr)};
  return m;
}

TEST_CASE("WritePo normalizes like gettext") {
  Catalog catalog;
  Message a = Entry("flags", "banderas");
  a.flags = {"c-format",
             "no-wrap",
             "my-flag",
             "python-format",
             "fuzzy",
             "possible-sh-format",
             "impossible-lisp-format"};
  Message b = Entry("untranslated fuzzy", "");
  b.flags = {"fuzzy"};
  b.references = {"./src/a.c:1", "././b.c"};
  b.translator_comments = {"two\nlines", ""};
  b.extracted_comments = {""};
  Message c = Entry("obsolete untranslated", "");
  c.obsolete = true;
  Message d = Entry("obsolete", "obsoleto");
  d.obsolete = true;
  d.flags = {"range: 0..10", "fuzzy"};
  catalog.messages = {a, d, c, b};
  CHECK(WritePo(catalog) ==
        "#, fuzzy, c-format, python-format, sh-format, no-wrap, my-flag\n"
        "msgid \"flags\"\n"
        "msgstr \"banderas\"\n"
        "\n"
        "# two\n"
        "# lines\n"
        "#\n"
        "#.\n"
        "#: src/a.c:1 b.c\n"
        "msgid \"untranslated fuzzy\"\n"
        "msgstr \"\"\n"
        "\n"
        "#, fuzzy\n"
        "#~ msgid \"obsolete\"\n"
        "#~ msgstr \"obsoleto\"\n");
}

TEST_CASE("WritePo honours the width, --no-wrap and the no-wrap flag") {
  const std::string text =
      "Lines are broken at Unicode line-break opportunities: after spaces, after "
      "hyphens in well-known words, never inside \\escapes\\ or \"quotes\".\nSecond line.";
  Catalog catalog;
  catalog.messages = {Entry(text, "")};
  catalog.messages[0].references = {"src/editor/toolbar.cc:120", "src/editor/toolbar.cc:245",
                                    "src/editor/menu.cc:1024"};
  catalog.style.width = 60;
  CHECK(WritePo(catalog) ==
        "#: src/editor/toolbar.cc:120 src/editor/toolbar.cc:245\n"
        "#: src/editor/menu.cc:1024\n"
        "msgid \"\"\n"
        "\"Lines are broken at Unicode line-break opportunities: \"\n"
        "\"after spaces, after hyphens in well-known words, never \"\n"
        "\"inside \\\\escapes\\\\ or \\\"quotes\\\".\\n\"\n"
        "\"Second line.\"\n"
        "msgstr \"\"\n");
  catalog.style.no_wrap = true;  // references still fill the page width
  CHECK(WritePo(catalog) ==
        "#: src/editor/toolbar.cc:120 src/editor/toolbar.cc:245\n"
        "#: src/editor/menu.cc:1024\n"
        "msgid \"\"\n"
        "\"Lines are broken at Unicode line-break opportunities: after spaces, after "
        "hyphens in well-known words, never inside \\\\escapes\\\\ or \\\"quotes\\\".\\n\"\n"
        "\"Second line.\"\n"
        "msgstr \"\"\n");
  catalog.style.no_wrap = false;
  catalog.style.width = 79;
  catalog.messages[0].flags = {"no-wrap"};
  catalog.messages[0].references.clear();
  CHECK(WritePo(catalog) ==
        "#, no-wrap\n"
        "msgid \"\"\n"
        "\"Lines are broken at Unicode line-break opportunities: after spaces, after "
        "hyphens in well-known words, never inside \\\\escapes\\\\ or \\\"quotes\\\".\\n\"\n"
        "\"Second line.\"\n"
        "msgstr \"\"\n");
}

TEST_CASE("PoColumns and PoNextBreak follow libunistring") {
  struct ColumnsCase {
    const char* text;
    int want;
  };
  const ColumnsCase kColumns[] = {
      {"", 0},        {"abc", 3},      {"\u00e9\u00f1\u00bf", 3},
      {"e\u0301", 1}, {"a\u00adb", 2}, {"\u65e5\u672c", 4},
      {"\uff21", 2},  {"a\tb", 2},     {"\u200b", 0},
  };
  for (const ColumnsCase& c : kColumns) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(PoColumns(c.text) == c.want);
  }
  struct BreakCase {
    const char* escaped;
    size_t want;
  };
  const BreakCase kBreaks[] = {
      {"hello world", 6},       // after spaces
      {"state-of-the-art", 6},  // after a hyphen before a letter
      {"-5 and", 3},            // not between a hyphen and a digit
      {"and/or", 4},            // after a slash
      {"e.g. x", 2},            // libunistring breaks between '.' and a letter
      {"100\u00a0% x", 7},      // never at a no-break space (offsets in bytes)
      {"word \u060c next", 8},  // not before an Arabic comma
      {"a \\\"b\\\"", 2},       // before the backslash of \"
      {"x\\nyz", 5},            // never inside an escape sequence
      {"5;\\n", 4},             // nor before a final \n
      {"\u65e5\u672c", 3},      // between ideographs
      {"unbreakable", 11},
  };
  for (const BreakCase& c : kBreaks) {
    std::string escaped = c.escaped;
    CAPTURE(escaped);
    CHECK(PoNextBreak(c.escaped) == c.want);
  }
}

// ---------------------------------------------------------------------------
// Equality with the real msgcat on pseudo-random catalogs.

// splitmix64: the same sequence on every platform.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Percent(int p) { return Below(100) < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(static_cast<int>(N))];
  }

 private:
  uint64_t state_;
};

const char* const kWords[] = {
    "the",
    "a",
    "of",
    "translation",
    "file",
    "page",
    "is",
    "not",
    "and",
    "to",
    "in",
    "post",
    "category",
    "author",
    "published",
    "draft",
    "cannot",
    "be",
    "saved",
    "because",
    "it",
    "was",
    "changed",
    "by",
    "another",
    "user",
    "while",
    "you",
    "were",
    "editing",
    "página",
    "categoría",
    "señal",
    "año",
    "está",
    "cómo",
    "también",
    "después",
    "información",
    "acción",
    "pingüino",
    "niño",
    "corazón",
    "él",
    "día",
    "sí",
    "qué",
    "guía",
    "más",
    "I",
    "OK",
    "x",
    "de",
    "la",
    "el",
    "en",
    "un",
    "una",
    "por",
    "para",
    "con",
    "sin",
    "internationalization",
    "responsibilities",
    "misunderstanding",
    "characteristically",
    "desafortunadamente",
    "electroencefalografista",
    "state-of-the-art",
    "read-only",
    "well-known",
    "e-mail",
    "and/or",
    "input/output",
    "km/h",
    "3.14",
    "1,234",
    "50%",
    "100\u00a0%",
    "15\u00a0de\u00a0marzo",
    "\"quoted\"",
    "'single'",
    "«comillas»",
    "“curly”",
    "(parenthesis)",
    "[brackets]",
    "{braces}",
    "etc.",
    "e.g.",
    "i.e.,",
    "—",
    "–",
    "…",
    "→",
    "✓",
    "日本語",
    "中文",
    "한국어",
    "\\backslash",
    "C:\\Temp\\new",
    "foo_bar",
    "fooBar()",
    "<b>bold</b>",
    "&amp;",
    "$HOME",
    "#hash",
    "@user",
    "~tilde",
    "file.txt",
    "README.md",
    "v1.2.3",
    "2024-01-15",
    "10:30",
    "+34",
    "-5",
    "x²",
    "½",
    // Characters that exercise more of the line breaking rules: soft hyphen,
    // combining accent, zero width space and joiner, emoji sequences, flags,
    // Hebrew with a hyphen, Thai, fullwidth and halfwidth forms, line separator.
    "co\u00adope\u00adra\u00adción",
    "cafe\u0301",
    "zero\u200bwidth",
    "👩\u200d💻",
    "👍🏽",
    "🇪🇸🇫🇷",
    "שלום-עולם",
    "ภาษาไทย",
    "（全角）",
    "ﾃｽﾄ",
    "a\u2028b",
    "x\u00a0-\u00a0y",
};

const char* const kUrls[] = {
    "https://example.com/",
    "https://example.com/path/to/some-page.html?x=1&y=two#frag",
    "http://www.gnu.org/software/gettext/manual/html_node/PO-Files.html",
    "/usr/share/locale/es/LC_MESSAGES/l10n-tools.mo",
    "mailto:someone@example.org",
    "https://es.wikipedia.org/wiki/Ping%C3%BCino",
};

const char* const kCDirectives[] = {
    "%s",   "%d",  "%5.2f", "%-10s", "% d", "%1$s", "%2$d", "%%", "%<PRId64>", "%.*s",
    "%-*d", "%lu", "%zu",   "%'d",   "%c",  "%#x",  "%",    "%-", "%.",
};
const char* const kPythonDirectives[] = {
    "%(name)s", "%(count)d", "%(first name)s", "%-5d", "% d", "%s", "%%", "%(x)",
};
const char* const kBraceDirectives[] = {
    "{name}",      "{0}",     "{count: >10}", "{obj.attr}", "{items[0]}",
    "{{literal}}", "{a.b-c}", "{x:{y}}",      "{}",
};

std::string RandomWord(Random& r) {
  int kind = r.Below(100);
  if (kind < 70) return r.Pick(kWords);
  if (kind < 80) {
    std::string w;
    int n = 1 + r.Below(r.Percent(20) ? 60 : 12);
    for (int i = 0; i < n; ++i) w += static_cast<char>('a' + r.Below(26));
    return w;
  }
  if (kind < 85) return r.Pick(kUrls);
  if (kind < 90) return std::string(r.Pick(kWords)) + "-" + r.Pick(kWords);
  if (kind < 93) return std::string(r.Pick(kWords)) + "/" + r.Pick(kWords);
  if (kind < 96) return std::string("¿") + r.Pick(kWords) + "?";
  return std::string("¡") + r.Pick(kWords) + "!";
}

// `format`: 0 none, 1 C, 2 Python, 3 Python brace.
std::string RandomText(Random& r, int format) {
  int size = r.Below(100);
  int words = size < 30 ? 1 + r.Below(4) : size < 75 ? 5 + r.Below(15) : 20 + r.Below(60);
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i > 0) {
      int sep = r.Below(100);
      if (sep < 85) {
        text += ' ';
      } else if (sep < 89) {
        text += "  ";
      } else if (sep < 93) {
        text += "\n";
      } else if (sep < 95) {
        text += ". ";
      } else if (sep < 97) {
        text += ", ";
      } else if (sep < 98) {
        text += '\t';
      } else {
        text += "";
      }
    }
    if (format != 0 && r.Percent(15)) {
      text += format == 1   ? r.Pick(kCDirectives)
              : format == 2 ? r.Pick(kPythonDirectives)
                            : r.Pick(kBraceDirectives);
    } else {
      text += RandomWord(r);
    }
  }
  if (r.Percent(15)) text += "\n";
  if (r.Percent(10)) text += ".";
  return text;
}

std::string RandomReference(Random& r) {
  const char* dirs[] = {"src/", "lib/", "", "./tools/",
                        "content/posts/2024/very-long-directory-name/"};
  std::string ref = r.Pick(dirs);
  int n = 1 + r.Below(25);
  for (int i = 0; i < n; ++i) ref += static_cast<char>('a' + r.Below(26));
  ref += r.Percent(50) ? ".cc" : ".html";
  if (r.Percent(85)) {
    ref += ':';
    ref += std::to_string(1 + r.Below(r.Percent(20) ? 100000 : 500));
  }
  return ref;
}

Catalog RandomCatalog(Random& r) {
  Catalog catalog;
  Message header;
  header.translator_comments = {"Spanish translation of the random test catalog.", ""};
  header.msgstr[0] =
      "Project-Id-Version: l10n-tools 0.1\n"
      "Report-Msgid-Bugs-To: https://example.com/bugs/new?component=translations&product=l10n\n"
      "Language: es\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: 8bit\n"
      "Plural-Forms: nplurals=2; plural=(n != 1);\n";
  if (r.Percent(20)) header.flags = {"fuzzy"};
  catalog.messages.push_back(header);
  std::set<std::string> keys;
  int count = 30 + r.Below(30);
  for (int i = 0; i < count; ++i) {
    Message m;
    int format = 0;
    int f = r.Below(100);
    if (f < 15) {
      m.flags.push_back("c-format");
      format = 1;
    } else if (f < 25) {
      m.flags.push_back("python-format");
      format = 2;
    } else if (f < 30) {
      m.flags.push_back("python-brace-format");
      format = 3;
    } else if (f < 33) {
      m.flags.push_back("no-c-format");
    }
    if (r.Percent(30)) m.flags.insert(m.flags.begin(), "fuzzy");
    if (r.Percent(5)) m.flags.push_back("no-wrap");
    if (r.Percent(15)) m.msgctxt = r.Percent(20) ? "" : RandomText(r, 0);
    do {
      m.msgid = RandomText(r, format);
    } while (m.msgid.empty() || !keys.insert(MakeKey(m.msgctxt, m.msgid)).second);
    bool translated = r.Percent(80);
    if (r.Percent(20)) {
      m.msgid_plural = RandomText(r, format);
      m.msgstr = {translated ? RandomText(r, format) : "", translated ? RandomText(r, format) : ""};
      if (r.Percent(10)) m.flags.push_back("range: 0..10");
    } else {
      m.msgstr = {translated ? RandomText(r, format) : ""};
    }
    for (int n = r.Below(3); n > 0; --n)
      m.translator_comments.push_back(r.Percent(10) ? "" : RandomText(r, 0));
    for (std::string& c : m.translator_comments) {
      // gettext reads one leading space of a comment as the separator.
      if (!c.empty() && c[0] == ' ') c[0] = '_';
    }
    for (int n = r.Below(2); n > 0; --n) {
      std::string c = RandomText(r, 0);
      for (char& ch : c) {
        if (ch == '\n') ch = ' ';
      }
      if (!c.empty() && (c[0] == ' ' || c[0] == '\t')) c[0] = '_';
      m.extracted_comments.push_back(c);
    }
    for (int n = r.Percent(60) ? r.Below(8) : 0; n > 0; --n)
      m.references.push_back(RandomReference(r));
    if (r.Percent(12)) {
      if (r.Percent(30)) m.prev_msgctxt = RandomText(r, 0);
      m.prev_msgid = RandomText(r, format);
      if (m.msgid_plural) m.prev_msgid_plural = RandomText(r, format);
    }
    m.obsolete = r.Percent(10);
    catalog.messages.push_back(std::move(m));
  }
  return catalog;
}

bool HaveMsgcat() { return std::system("msgcat --version >/dev/null 2>&1") == 0; }

// Runs `tool options file` on `po`; false when it fails.
bool RunGettextTool(const char* tool, const std::string& po, const char* options,
                    std::string* out) {
  char path[] = "/tmp/po_test_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return false;
  bool written = write(fd, po.data(), po.size()) == static_cast<ssize_t>(po.size());
  close(fd);
  std::string command = std::string(tool) + " " + options + " " + path + " 2>/dev/null";
  FILE* pipe = written ? popen(command.c_str(), "r") : nullptr;
  out->clear();
  int status = -1;
  if (pipe) {
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out->append(buffer, n);
    status = pclose(pipe);
  }
  unlink(path);
  return status == 0;
}

bool RunMsgcat(const std::string& po, const char* options, std::string* out) {
  return RunGettextTool("msgcat", po, options, out);
}

// msgcat refuses to convert non-ASCII msgids; msgconv does it.
bool RunMsgconvToUtf8(const std::string& po, std::string* out) {
  return RunGettextTool("msgconv", po, "--to-code=UTF-8", out);
}

TEST_CASE("WritePo writes what msgcat writes, for random catalogs") {
  if (!HaveMsgcat()) {
    MESSAGE("msgcat not found; skipping the comparison with GNU gettext");
    return;
  }
  struct Mode {
    const char* options;
    int width;
    bool no_wrap;
  };
  const Mode kModes[] = {{"", 79, false}, {"--width=60", 60, false}, {"--no-wrap", 79, true}};
  // PO_TEST_RANDOM_CATALOGS and PO_TEST_SEED allow longer runs.
  const char* count_env = std::getenv("PO_TEST_RANDOM_CATALOGS");
  const char* seed_env = std::getenv("PO_TEST_SEED");
  const int kCatalogsPerMode = count_env ? std::atoi(count_env) : 15;
  Random r(seed_env ? std::strtoull(seed_env, nullptr, 10) : 20240115);
  int compared = 0;
  for (const Mode& mode : kModes) {
    for (int i = 0; i < kCatalogsPerMode; ++i) {
      Catalog catalog = RandomCatalog(r);
      catalog.style.width = mode.width;
      catalog.style.no_wrap = mode.no_wrap;
      std::string ours = WritePo(catalog);
      std::string theirs;
      std::string options = mode.options;
      CAPTURE(options);
      CAPTURE(i);
      REQUIRE(RunMsgcat(ours, mode.options, &theirs));
      CHECK_MESSAGE(ours == theirs, FirstDifference(theirs, ours));
      ++compared;

      // What msgcat wrote reads back, with its wrapping detected, and
      // writes out unchanged.
      Catalog again = MustRead(theirs);
      std::string rewritten = WritePo(again);
      CHECK_MESSAGE(rewritten == theirs, "detected width " << again.style.width << " no_wrap "
                                                           << again.style.no_wrap << ", "
                                                           << FirstDifference(theirs, rewritten));
    }
  }
  MESSAGE(compared << " random catalogs written like msgcat");
}

TEST_CASE("ReadPo and WritePo round-trip 20,000 entries") {
  // Sizes like those of a real catalog: a few words per string, some long.
  Random r(7);
  auto text = [&r]() {
    std::string t = RandomWord(r);
    for (int n = r.Percent(10) ? 30 : r.Below(10); n > 0; --n) {
      t += ' ';
      t += RandomWord(r);
    }
    return t;
  };
  Catalog catalog;
  catalog.messages.push_back(Entry("", "Content-Type: text/plain; charset=UTF-8\n"));
  for (int i = 0; i < 20000; ++i) {
    Message m = Entry(text() + " #" + std::to_string(i), r.Percent(80) ? text() : "");
    m.references = {RandomReference(r)};
    if (r.Percent(10)) m.flags = {"fuzzy"};
    catalog.messages.push_back(std::move(m));
  }
  auto start = std::chrono::steady_clock::now();
  std::string po = WritePo(catalog);
  auto written = std::chrono::steady_clock::now();
  Catalog again;
  DiagnosticSink sink;
  CHECK(ReadPo(po, "big.po", &again, &sink));
  auto read = std::chrono::steady_clock::now();
  CHECK(again.messages.size() == catalog.messages.size());
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  MESSAGE("20000 entries, " << po.size() / 1024 << " KiB: write " << ms(written - start)
                            << " ms, read " << ms(read - written) << " ms");
  // Speed is measured by the benchmarks (bench/), not asserted here.
  CHECK(WritePo(again) == po);
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

TEST_CASE("WritePo isolates file names with spaces, filled as msgcat 0.21 fills them") {
  struct Case {
    std::vector<std::string> refs;
    const char* charset;
    const char* want;  // the "#:" lines
  };
  const Case kCases[] = {
      {{"posts/hello world.html:3", "./posts/b.html:4"}, "UTF-8",
       "#: " LRI "posts/hello world.html" PDI ":3 posts/b.html:4\n"},
      {{"posts/caf\xC3\xA9 \"q\" 'x'.html:12", "a\tb.html"}, "UTF-8",
       "#: " LRI "posts/caf\xC3\xA9 \"q\" 'x'.html" PDI ":12 " LRI "a\tb.html" PDI "\n"},
      // Spaces kept as they are; the line breaks only at single spaces.
      {{"posts/first.html:1", "posts/second.html:22", "posts/a  b.html:3",
        "posts/the third long    post.html:4", "x y.html"},
       "UTF-8",
       "#: posts/first.html:1 posts/second.html:22 " LRI "posts/a  b.html" PDI ":3 " LRI
       "posts/the\n"
       "#: third long    post.html" PDI ":4 " LRI "x y.html" PDI "\n"},
      {{" a :1", "b "}, "UTF-8", "#: " LRI " a " PDI ":1 " LRI "b " PDI "\n"},
      // Filled with the pieces between spaces, bytes counted as gettext
      // 0.21 counts them (79 columns).
      {{"posts/first.html:1", "posts/second.html:22", "posts/the third long post.html:333",
        "posts/fourth.html:4444"},
       "UTF-8",
       "#: posts/first.html:1 posts/second.html:22 " LRI "posts/the third long\n"
       "#: post.html" PDI ":333 posts/fourth.html:4444\n"},
      {{"posts/first.html:1", "posts/second.html:22", "posts/third one.html:333",
        "posts/the fourth post of the year.html:4444", "posts/fifth.html:5"},
       "UTF-8",
       "#: posts/first.html:1 posts/second.html:22 " LRI "posts/third one.html" PDI ":333\n"
       "#: " LRI "posts/the fourth post of the year.html" PDI ":4444 posts/fifth.html:5\n"},
      // The same bytes in another charset: the reader takes them there too.
      {{"posts/hello world.html:3"}, "ISO-8859-1", "#: " LRI "posts/hello world.html" PDI ":3\n"},
  };
  int compared = 0;
  for (const Case& c : kCases) {
    CAPTURE(c.want);
    Catalog catalog;
    catalog.messages.push_back(
        Entry("", std::string("Content-Type: text/plain; charset=") + c.charset + "\n"));
    Message m = Entry("x", "");
    m.references = c.refs;
    catalog.messages.push_back(m);
    std::string po = WritePo(catalog);
    size_t at = po.find("#:");
    REQUIRE(at != std::string::npos);
    CHECK(po.substr(at, po.find("msgid \"x\"") - at) == c.want);
    // Read back: the same references (without "./"). In another charset
    // the isolates' UTF-8 bytes are that charset's characters.
    if (std::string_view(c.charset) != "UTF-8") continue;
    Catalog again = MustRead(po);
    std::vector<std::string> want = c.refs;
    for (std::string& r : want) {
      if (r.rfind("./", 0) == 0) r.erase(0, 2);
    }
    CHECK(again.messages.back().references == want);
    // And msgcat 0.21 writes the file as it is.
    std::string by_msgcat;
    // msgcat 0.21 reads names with single spaces only, and drops "./".
    bool single_spaces = want == c.refs && std::string_view(c.charset) == "UTF-8";
    for (const std::string& r : c.refs) {
      single_spaces = single_spaces && r.find("  ") == std::string::npos &&
                      r.find('\t') == std::string::npos && r.front() != ' ' &&
                      r.find(" :") == std::string::npos && r.back() != ' ';
    }
    if (HaveMsgcat() && single_spaces) {
      CHECK(RunMsgcat(po, "", &by_msgcat));
      CHECK(by_msgcat == po);
      ++compared;
    }
  }
  if (HaveMsgcat()) CHECK(compared == 2);
}

#undef LRI
#undef PDI

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

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
  CHECK_FALSE(ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=BIG5\\n\"\n\n"
                     "msgid \"a\"\nmsgstr \"\xa5\x5c \xff\"\n",
                     "t.po", &catalog, &sink));
  CHECK(Diagnostics(sink) == "t.po:5:12: error: invalid byte '\\xff' in charset 'BIG5' [encoding]\n");
  DiagnosticSink sink2;
  // Positions are the file's columns: the error after a two-byte character.
  CHECK_FALSE(ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
                     "msgid \"\xe9\"\nmsgstr \"\xe9\xe9\" x\n",
                     "t.po", &catalog, &sink2));
  CHECK(Diagnostics(sink2) == "t.po:5:13: error: unknown keyword 'x' [syntax]\n");
  DiagnosticSink sink3;
  CHECK_FALSE(ReadPo("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=NO-SUCH\\n\"\n",
                     "t.po", &catalog, &sink3));
  CHECK(Diagnostics(sink3) ==
        "t.po:2:43: error: charset 'NO-SUCH' cannot be read: iconv does not know it, or it "
        "changes ASCII [encoding]\n");
  // Charsets iconv knows but where ASCII bytes are not ASCII characters.
  for (const char* charset : {"UTF-16", "UTF-7", "ISO-2022-JP"}) {
    CAPTURE(charset);
    DiagnosticSink s;
    CHECK_FALSE(ReadPo(std::string("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=") +
                           charset + "\\n\"\n",
                       "t.po", &catalog, &s));
    CHECK(Diagnostics(s) == std::string("t.po:2:43: error: charset '") + charset +
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
