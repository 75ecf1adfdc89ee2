// Tests of the PO writer (po_writer and its parts: po_wrap, po_references,
// po_flags): whole files compared, and compared with what the real msgcat
// (GNU gettext 0.21, on libunistring) writes for the same catalogs.
#include "catalog/po_writer.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/charset.h"
#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/po_reader.h"
#include "test_util.h"

namespace l10n {
namespace {

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

TEST_CASE("WritePo writes what msgcat writes, for random catalogs") {
  HaveMsgcat();
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

#define LRI "\u2068"
#define PDI "\u2069"

TEST_CASE("WritePo isolates file names with spaces, filled as msgcat 0.21 fills them") {
  struct Case {
    std::vector<std::string> refs;
    const char* charset;
    const char* want;  // the "#:" lines
  };
  const Case kCases[] = {
      {{"posts/hello world.html:3", "./posts/b.html:4"},
       "UTF-8",
       "#: " LRI "posts/hello world.html" PDI ":3 posts/b.html:4\n"},
      {{"posts/caf\xC3\xA9 \"q\" 'x'.html:12", "a\tb.html"},
       "UTF-8",
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
