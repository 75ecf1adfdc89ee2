// format_check: msgfmt -c's format argument check as msgmerge applies it,
// and the flags it reads.
#include "catalog/format_check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

TEST_CASE("format and range flags") {
  struct Case {
    const char* flag;
    const char* format;  // PossibleFormat
    const char* range;   // RangeFlag of an entry with the flag alone
  };
  const Case cases[] = {
      {"c-format", "c", ""},
      {"possible-c-format", "c", ""},
      {"python-format", "python", ""},
      {"no-c-format", "", ""},
      {"impossible-c-format", "", ""},
      {"fuzzy", "", ""},
      {"range: 0..10", "", "0..10"},
      {"range:3..5", "", "3..5"},
      {"range: 5", "", ""},
      {"range: ..5", "", ""},
      {"range: 1..", "", ""},
      {"range: 1..x", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.flag);
    CHECK(PossibleFormat(c.flag) == c.format);
    Message m;
    m.flags = {c.flag};
    auto range = RangeFlag(m);
    CHECK((range ? std::to_string(range->first) + ".." + std::to_string(range->second) : "") ==
          c.range);
    if (*c.format) CHECK(HasPossibleFormat(m, c.format));
  }
}

TEST_CASE("a translation passes msgfmt -c's format check, or not") {
  struct Case {
    const char* format;
    const char* msgid;
    const char* msgid_plural;  // nullptr: singular
    std::vector<std::string> msgstr;
    bool passes;
  };
  const Case cases[] = {
      {"c", "%d files", nullptr, {"%d ficheros"}, true},
      {"c", "%d files", nullptr, {"ficheros"}, false},
      {"c", "%d files", nullptr, {"%s ficheros"}, false},
      {"c", "%d of %s", nullptr, {"%2$s: %1$d"}, true},
      {"c", "%d of %s", nullptr, {"%1$d de %1$s"}, false},
      {"c", "100%", nullptr, {"cien"}, true},  // gettext checks nothing in an invalid source
      {"objc", "%d files", nullptr, {"%d ficheros"}, true},
      {"python", "%(n)d posts", nullptr, {"%(n)d entradas"}, true},
      {"python", "%(n)d posts", nullptr, {"entradas"}, false},
      // English's plural: the form for n = 1 may leave the argument out,
      // the other may not.
      {"c", "%d file", "%d files", {"un fichero", "%d ficheros"}, true},
      {"c", "%d file", "%d files", {"%d fichero", "ficheros"}, false},
      // A format not read here goes to a translator.
      {"java", "{0} files", nullptr, {"{0} ficheros"}, false},
  };
  const PluralDistribution english = MakeDistribution(std::nullopt);
  for (const Case& c : cases) {
    CAPTURE(c.msgid);
    CAPTURE(c.msgstr[0]);
    Message m;
    m.msgid = c.msgid;
    if (c.msgid_plural) m.msgid_plural = c.msgid_plural;
    m.msgstr = c.msgstr;
    CHECK(PassesFormatCheck(m, c.format, english) == c.passes);
  }
}

}  // namespace
}  // namespace l10n
