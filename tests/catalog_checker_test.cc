// CheckCatalogText (check/catalog_checker.h): the rules run in table order,
// the policy and the translator comment skip them, a file that does not
// parse keeps its syntax errors only, and a large file checked in two halves
// reports as one.
#include "check/catalog_checker.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

#include "check_test_util.h"

namespace l10n {
namespace {

const char kHeader[] =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: es\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
    "\"X-Source-Language: en\\n\"\n";

struct Case {
  const char* entries;  // after kHeader (6 lines) and a blank line
  const char* findings;
};

TEST_CASE("CheckCatalogText: every rule of an entry, in the order of the tables") {
  const Case kCases[] = {
      // Entry rules, then form rules; at one place, in row order.
      {"msgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"Uno\"\n",
       "t.po:8:1: error: 1 plural forms, but Plural-Forms says nplurals=2 [header]\n"},
      {"#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n", "t.po:9:1: error: fuzzy: \"Hi\" [fuzzy]\n"},
      {"#, fuzzy\nmsgid \"One\"\nmsgid_plural \"Many\"\nmsgstr[0] \"Uno\"\n",
       "t.po:9:1: error: 1 plural forms, but Plural-Forms says nplurals=2 [header]\n"
       "t.po:9:1: error: fuzzy: \"One\" [fuzzy]\n"},
      {"msgid \" Hi.\"\nmsgstr \"Hola\"\n",
       "t.po:9:1: warning: leading whitespace differs from the source [whitespace]\n"
       "t.po:9:1: warning: the translation ends with no punctuation, the source with '.' "
       "[punctuation]\n"},
      {"msgid \" Big news!\"\nmsgstr \"Big news! <b>\"\n",
       "t.po:9:1: warning: leading whitespace differs from the source [whitespace]\n"
       "t.po:9:17: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n"
       "t.po:9:19: error: markup not in the source: '<b>' [unsafe]\n"},
      // Each form against its source.
      {"msgid \"One!\"\nmsgid_plural \"Many!\"\nmsgstr[0] \"Uno!\"\nmsgstr[1] \"Muchos\"\n",
       "t.po:10:15: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n"
       "t.po:11:1: warning: the translation ends with no punctuation, the source with '!' "
       "[punctuation]\n"},
      // The translator's comment turns off a style check, not the others.
      {"# l10n-check: ignore identical, placeholder\nmsgid \"Same <b>\"\nmsgstr \"Same <b>\"\n",
       "t.po:10:17: error: placeholder '<b>' is not closed [placeholder]\n"},
      {"# l10n-check: ignore punctuation\nmsgid \"Hi <a>x</a>.\"\nmsgstr \"Hola <b>x</b>\"\n",
       "t.po:10:9: error: placeholder '<a>' is missing [placeholder]\n"
       "t.po:10:14: error: placeholder '<b>' is not in the source [placeholder]\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.entries));
    CheckReport report;
    std::string text = std::string(kHeader) + "\n" + c.entries;
    CHECK(CheckCatalogText(text, "t.po", CatalogCheckOptions(), CheckPolicy(), &report));
    CHECK(testing::Rendered(report.findings) == c.findings);
  }
}

TEST_CASE("CheckCatalogText: a check the policy turns off is not run") {
  CheckPolicy policy;
  REQUIRE(policy
              .SetNamed({}, {}, {"identical", "punctuation", "fuzzy"},
                        [](const std::string& n) { return n; })
              .ok());
  CheckReport report;
  std::string text = std::string(kHeader) +
                     "\nmsgid \"Big news.\"\nmsgstr \"Big news\"\n"
                     "\n#, fuzzy\nmsgid \"Hi\"\nmsgstr \"Hola\"\n";
  CHECK(CheckCatalogText(text, "t.po", CatalogCheckOptions(), policy, &report));
  CHECK(testing::Rendered(report.findings) == "");
  REQUIRE(report.catalogs.size() == 1);
  CHECK(report.catalogs[0].total.fuzzy == 1);
  CHECK(report.catalogs[0].total.translated == 1);
}

TEST_CASE("CheckCatalogText: a file that does not parse keeps its syntax errors only") {
  CheckReport report;
  std::string text =
      std::string(kHeader) + "\nmsgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"b\n";
  CHECK_FALSE(CheckCatalogText(text, "t.po", CatalogCheckOptions(), CheckPolicy(), &report));
  CHECK(testing::Rendered(report.findings) ==
        "t.po:11:1: error: duplicate message definition [duplicate]\n"
        "t.po:8:1: note: this is the location of the first definition\n"
        "t.po:12:8: error: unterminated string [syntax]\n");
  REQUIRE(report.catalogs.size() == 1);
  CHECK_FALSE(report.catalogs[0].read);
  CHECK(report.catalogs[0].total.strings == 0);
}

TEST_CASE("CheckCatalogText: a template has no findings of its entries, only counts") {
  CheckReport report;
  CatalogCheckOptions options;
  options.is_template = true;
  std::string text =
      "msgid \"\"\nmsgstr \"\"\n\"X-Source-Language: en\\n\"\n\n"
      "#: posts/a.html:3\nmsgid \"Hello world\"\nmsgstr \"\"\n\n#~ msgid \"Old\"\n#~ msgstr \"\"\n";
  CHECK(CheckCatalogText(text, "en.pot", options, CheckPolicy(), &report));
  CHECK(testing::Rendered(report.findings) == "");
  REQUIRE(report.catalogs.size() == 1);
  CHECK(report.catalogs[0].is_template);
  CHECK(report.catalogs[0].total.strings == 1);
  CHECK(report.catalogs[0].total.words == 2);
  CHECK(report.catalogs[0].posts.empty());
}

// Over 256 KiB: read in two halves on two threads, one report.
TEST_CASE("CheckCatalogText: a large file checked in two halves reports as one") {
  std::string text = std::string(kHeader) + "\n";
  const int kEntries = 6000;
  for (int i = 0; i < kEntries; ++i) {
    text += fmt::format(
        "#: posts/p{}.html:1\nmsgid \"Entry number {} of the large file.\"\n"
        "msgstr \"{}\"\n\n",
        i % 3, i % 5999, i == 5998 ? "" : "Entrada del archivo grande.");
  }
  REQUIRE(text.size() > (256u << 10));
  CheckReport report;
  CHECK(CheckCatalogText(text, "big.po", CatalogCheckOptions(), CheckPolicy(), &report));
  // Entry 5999 has entry 0's msgid: a duplicate across the halves.
  int first = 8, untranslated = 8 + 5998 * 4 + 1, duplicate = 8 + 5999 * 4 + 1;
  CHECK(testing::Rendered(report.findings) ==
        fmt::format("big.po:{}:1: error: untranslated: \"Entry number 5998 of the large file.\" "
                    "[untranslated]\n"
                    "big.po:{}:1: error: duplicate message definition [duplicate]\n"
                    "big.po:{}:1: note: this is the location of the first definition\n",
                    untranslated, duplicate, first + 1));
  REQUIRE(report.catalogs.size() == 1);
  const CatalogSummary& summary = report.catalogs[0];
  CHECK(summary.total.strings == kEntries);
  CHECK(summary.total.untranslated == 1);
  REQUIRE(summary.posts.size() == 3);
  CHECK(summary.posts[0].first == "posts/p0.html");
  CHECK(summary.posts[0].second.strings == 2000);
  CHECK(summary.posts[1].second.untranslated == 1);
}

}  // namespace
}  // namespace l10n
