// The report formats (check/check_report.h): text, JSON and GitHub Actions
// of one report, each compared whole.
#include "check/check_report.h"

#include <doctest/doctest.h>

#include <string>

namespace l10n {
namespace {

CheckReport SampleReport() {
  CheckReport report;
  report.findings = {
      {Severity::kError, "es.po", 16, 1, "untranslated: \"Hi\"", false, "untranslated"},
      {Severity::kNote, "es.po", 12, 1, "this is the location of the first definition"},
      {Severity::kWarning, "a:b,c.po", 3, 0, "50% done\r\nnext", false, "identical"},
      {Severity::kError, "es.po", 0, 0, "33% translated, below the minimum of 50%", false,
       "coverage"},
  };
  CatalogSummary es{"es.po", "es", "en", false, true, {}, {}, {}, {}};
  es.total.Add(true, false, 5);
  es.total.Add(false, false, 3);
  es.posts = {{"posts/a.html", es.total}};
  CatalogSummary pot{"en.pot", "", "en", true, true, {}, {}, {}, {}};
  pot.total.Add(false, false, 1);
  CatalogSummary bad{"bad.po", "", "", false, false, {}, {}, {}, {}};
  CatalogSummary nameless{"x.xlf", "", "", false, true, {}, {}, {}, {}};
  report.catalogs = {es, pot, bad, nameless};
  return report;
}

const char kSummary[] =
    "es.po (en -> es): 1 of 2 strings translated (50%), 5 of 8 words; 0 fuzzy, 1 untranslated\n"
    "  posts/a.html: 1 of 2 strings translated (50%), 5 of 8 words; 0 fuzzy, 1 untranslated\n"
    "en.pot: template, 1 string\n"
    "bad.po: not read\n"
    "x.xlf: 0 of 0 strings translated (100%), 0 of 0 words; 0 fuzzy, 0 untranslated\n"
    "2 errors, 1 warning\n";

TEST_CASE("FormatText: gcc-style findings, then the summary") {
  CheckReport report = SampleReport();
  CHECK(report.errors() == 2);
  CHECK(report.warnings() == 1);
  std::string diagnostics, summary;
  FormatText(report, &diagnostics, &summary);
  CHECK(diagnostics ==
        "es.po:16:1: error: untranslated: \"Hi\" [untranslated]\n"
        "es.po:12:1: note: this is the location of the first definition\n"
        "a:b,c.po:3: warning: 50% done\r\nnext [identical]\n"
        "es.po: error: 33% translated, below the minimum of 50% [coverage]\n");
  CHECK(summary == kSummary);
}

TEST_CASE("FormatGithub: workflow commands, escaped, then the summary") {
  CHECK(FormatGithub(SampleReport()) ==
        std::string("::error file=es.po,line=16,col=1,title=l10n-check [untranslated]::"
                    "untranslated: \"Hi\"\n"
                    "::notice file=es.po,line=12,col=1,title=l10n-check::this is the location of "
                    "the first definition\n"
                    "::warning file=a%3Ab%2Cc.po,line=3,title=l10n-check [identical]::50%25 "
                    "done%0D%0Anext\n"
                    "::error file=es.po,title=l10n-check [coverage]::33%25 translated, below the "
                    "minimum of 50%25\n") +
            kSummary);
}

TEST_CASE("FormatJson: findings, catalogs and counts") {
  CheckReport report;
  report.findings = {{Severity::kWarning, "es.po", 3, 9, "bad \xFF byte", false, "identical"}};
  CatalogSummary es{"es.po", "es", "en", false, true, {}, {}, {}, {}};
  es.total.Add(true, false, 2);
  es.posts = {{"posts/a.html", es.total}};
  report.catalogs = {es};
  CHECK(FormatJson(report) ==
        "{\n"
        "  \"catalogs\": [\n"
        "    {\n"
        "      \"language\": \"es\",\n"
        "      \"path\": \"es.po\",\n"
        "      \"posts\": [\n"
        "        {\n"
        "          \"fuzzy\": 0,\n"
        "          \"path\": \"posts/a.html\",\n"
        "          \"percent\": 100,\n"
        "          \"strings\": 1,\n"
        "          \"translated\": 1,\n"
        "          \"translated_words\": 2,\n"
        "          \"untranslated\": 0,\n"
        "          \"words\": 2\n"
        "        }\n"
        "      ],\n"
        "      \"read\": true,\n"
        "      \"source_language\": \"en\",\n"
        "      \"template\": false,\n"
        "      \"total\": {\n"
        "        \"fuzzy\": 0,\n"
        "        \"percent\": 100,\n"
        "        \"strings\": 1,\n"
        "        \"translated\": 1,\n"
        "        \"translated_words\": 2,\n"
        "        \"untranslated\": 0,\n"
        "        \"words\": 2\n"
        "      }\n"
        "    }\n"
        "  ],\n"
        "  \"errors\": 0,\n"
        "  \"findings\": [\n"
        "    {\n"
        "      \"check\": \"identical\",\n"
        "      \"column\": 9,\n"
        "      \"line\": 3,\n"
        "      \"message\": \"bad \xEF\xBF\xBD byte\",\n"
        "      \"path\": \"es.po\",\n"
        "      \"severity\": \"warning\"\n"
        "    }\n"
        "  ],\n"
        "  \"warnings\": 1\n"
        "}\n");
}

}  // namespace
}  // namespace l10n
