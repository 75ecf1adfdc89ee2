// l10n-check, the tool (tools/l10n_check.cc): one fixture per kind of
// finding (tests/fixtures/check/), each with its exact messages, locations
// and exit code; the output formats; the project mode (stale catalogs, merge
// refusing what check reports); options. Plural-Forms (catalog/plural_forms.h)
// and CheckMarkup (unit/markup_check.h) are tested here too, as before the
// stages had files of their own. The rules' modules have their own tests
// (check_policy_test.cc, style_check_test.cc, ...).
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "catalog/plural_forms.h"
#include "check/check_policy.h"
#include "test_util.h"
#include "unit/markup_check.h"

namespace l10n {
namespace {

const std::string kFixtures = std::string(L10N_SOURCE_DIR) + "/tests/fixtures/check";

struct FindingCase {
  const char* args;      // options and the fixture
  const char* findings;  // stderr, exactly
  int exit_code;
};

const FindingCase kFindingCases[] = {
    {"clean.po", "", 0},
    {"syntax.po", "syntax.po:15:7: error: unterminated string [syntax]\n", 1},
    {"duplicate.po",
     "duplicate.po:16:1: error: duplicate message definition [duplicate]\n"
     "duplicate.po:12:1: note: this is the location of the first definition\n",
     1},
    {"encoding.po",
     "encoding.po:13:30: error: invalid UTF-8 byte '\\xfa' [encoding]\n"
     "encoding.po:17:22: error: invalid UTF-8 byte '\\xe9' [encoding]\n",
     1},
    {"header-language.po",
     "header-language.po:2:1: error: header field 'Language' is missing [header]\n", 1},
    {"header-plural.po",
     "header-plural.po:8:2: error: invalid Plural-Forms: for n = 2 the expression gives form 2, "
     "but nplurals is 2 [header]\n",
     1},
    {"header-charset.po",
     "header-charset.po:6:2: warning: the catalog is in charset 'ISO-8859-1': the tools read it "
     "converted to UTF-8 and write it back in UTF-8 [header]\n",
     0},
    // Spellings gettext does not canonicalize read as UTF-8, with a warning.
    {"header-charset-spelling.po",
     "header-charset-spelling.po:6:2: warning: charset 'utf_8' is not a portable encoding name; "
     "gettext writes 'UTF-8' [header]\n",
     0},
    // The HTML checks apply to this project's catalogs (X-Source-Language),
    // not to a C program's: "%<PRId64>" is no placeholder there.
    {"c-program.po", "", 0},
    {"--html c-program.po",
     "c-program.po:10:34: error: placeholder '<PRId64>' is not closed [placeholder]\n"
     "c-program.po:16:9: error: control character U+001B is not in the source [unsafe]\n"
     "c-program.po:16:21: error: control character U+001B is not in the source [unsafe]\n",
     1},
    {"--no-html unsafe-script.po",
     "unsafe-script.po:13:1: warning: the translation ends with no punctuation, the source with "
     "'.' [punctuation]\n",
     0},
    {"untranslated.po",
     "untranslated.po:16:1: error: untranslated: \"We met our partners in Lima.\" "
     "[untranslated]\n",
     1},
    {"fuzzy.po", "fuzzy.po:18:1: error: fuzzy: \"We met our partners in Lima.\" [fuzzy]\n", 1},
    {"obsolete.po", "obsolete.po:15:1: warning: obsolete: \"Old footer text\" [obsolete]\n", 0},
    {"placeholder-missing.po",
     "placeholder-missing.po:13:1: warning: the translation ends with ':', the source with no "
     "punctuation [punctuation]\n"
     "placeholder-missing.po:13:9: error: the date '<time/>' is missing [placeholder]\n",
     1},
    {"placeholder-crossed.po",
     "placeholder-crossed.po:13:39: error: '</a>' closes '<a>' before '<em>' is closed: they "
     "cross [placeholder]\n",
     1},
    {"placeholder-twice.po",
     "placeholder-twice.po:13:32: error: placeholder '<a>' is used twice [placeholder]\n", 1},
    {"placeholder-nesting.po",
     "placeholder-nesting.po:13:13: error: '<em>' is inside '<a>' in the source but not here "
     "[placeholder]\n"
     "placeholder-nesting.po:13:20: error: '<a>' is inside '<em>' here but not in the source "
     "[placeholder]\n",
     1},
    {"unsafe-script.po",
     "unsafe-script.po:13:1: warning: the translation ends with no punctuation, the source with "
     "'.' [punctuation]\n"
     "unsafe-script.po:13:30: error: markup not in the source: '<script>' [unsafe]\n",
     1},
    {"unsafe-attribute.po",
     "unsafe-attribute.po:13:1: warning: the translation ends with no punctuation, the source "
     "with '.' [punctuation]\n"
     "unsafe-attribute.po:13:30: error: markup that is not a placeholder: '<img src=x "
     "onerror=alert(1)>' [unsafe]\n"
     "unsafe-attribute.po:13:35: error: attribute 'src=' is not in the source [unsafe]\n"
     "unsafe-attribute.po:13:41: error: attribute 'onerror=' is not in the source [unsafe]\n",
     1},
    {"unsafe-url.po",
     "unsafe-url.po:13:1: warning: the translation ends with ';', the source with no punctuation "
     "[punctuation]\n"
     "unsafe-url.po:13:15: error: URL scheme 'javascript:' is not in the source [unsafe]\n"
     "unsafe-url.po:13:35: error: entity '&#x3C;' is not in the source [unsafe]\n",
     1},
    {"unsafe-structure.po",
     "unsafe-structure.po:13:26: error: markup not in the source: '</div>' [unsafe]\n"
     "unsafe-structure.po:13:32: error: markup not in the source: '</article>' [unsafe]\n",
     1},
    {"unsafe-bidi.po",
     "unsafe-bidi.po:13:14: error: bidirectional control character U+202E is not in the source "
     "[unsafe]\n",
     1},
    // The second entry says "# l10n-check: ignore identical".
    {"identical.po",
     "identical.po:13:1: warning: translation is identical to the source: \"Youth Voices for "
     "Change\" [identical]\n",
     0},
    {"whitespace.po",
     "whitespace.po:13:1: warning: leading whitespace differs from the source [whitespace]\n"
     "whitespace.po:13:27: warning: trailing whitespace differs from the source [whitespace]\n",
     0},
    {"punctuation.po",
     "punctuation.po:13:1: warning: the translation ends with '.', the source with '?' "
     "[punctuation]\n",
     0},
    {"inverted-marks.po",
     "inverted-marks.po:13:33: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n", 0},
    {"--min-coverage=50 coverage.po",
     "coverage.po:16:1: warning: untranslated: \"We met our partners in Lima.\" [untranslated]\n"
     "coverage.po:20:1: warning: untranslated: \"Thanks for reading.\" [untranslated]\n"
     "coverage.po: error: 33% translated, below the minimum of 50% [coverage]\n",
     1},
    {"--min-coverage=30 coverage.po",
     "coverage.po:16:1: warning: untranslated: \"We met our partners in Lima.\" [untranslated]\n"
     "coverage.po:20:1: warning: untranslated: \"Thanks for reading.\" [untranslated]\n",
     0},
    {"--allow-untranslated untranslated.po",
     "untranslated.po:16:1: warning: untranslated: \"We met our partners in Lima.\" "
     "[untranslated]\n",
     0},
    {"--allow-fuzzy fuzzy.po",
     "fuzzy.po:18:1: warning: fuzzy: \"We met our partners in Lima.\" [fuzzy]\n", 0},
    {"--ignore=punctuation,whitespace whitespace.po punctuation.po", "", 0},
    {"--error obsolete obsolete.po",
     "obsolete.po:15:1: error: obsolete: \"Old footer text\" [obsolete]\n", 1},
    {"--warning placeholder placeholder-twice.po",
     "placeholder-twice.po:13:32: warning: placeholder '<a>' is used twice [placeholder]\n", 0},
    // Usage and input errors: exit 2, nothing checked.
    {"--ignore unsafe clean.po",
     "l10n-check: 'unsafe' is always an error: l10n-merge refuses such catalogs\n", 2},
    {"--warning syntax clean.po",
     "l10n-check: 'syntax' is always an error: l10n-merge refuses such catalogs\n", 2},
    {"--error nonsense clean.po", "l10n-check: unknown check 'nonsense' (see --list-checks)\n", 2},
    {"missing.po", "missing.po: error: cannot open file: No such file or directory\n", 2},
};

TEST_CASE("l10n-check reports each kind of finding with its message, location and exit code") {
  for (const FindingCase& c : kFindingCases) {
    CAPTURE(c.args);
    testing::CommandResult r = Run(Tool("l10n-check") + " " + c.args, kFixtures);
    CHECK(r.err == c.findings);
    CHECK(r.exit_code == c.exit_code);
  }
}

TEST_CASE("l10n-check summarizes each catalog and post, and counts findings") {
  testing::CommandResult r = Run(Tool("l10n-check") + " coverage.po obsolete.po", kFixtures);
  CHECK(r.out ==
        "coverage.po (en -> es): 1 of 3 strings translated (33%), 5 of 14 words; 0 fuzzy, "
        "2 untranslated\n"
        "  posts/visit.html: 1 of 3 strings translated (33%), 5 of 14 words; 0 fuzzy, "
        "2 untranslated\n"
        "obsolete.po (en -> es): 1 of 1 strings translated (100%), 5 of 5 words; 0 fuzzy, "
        "0 untranslated\n"
        "  posts/visit.html: 1 of 1 strings translated (100%), 5 of 5 words; 0 fuzzy, "
        "0 untranslated\n"
        "2 errors, 1 warning\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("l10n-check --format=json is parseable and complete") {
  testing::CommandResult r =
      Run(Tool("l10n-check") + " --format=json untranslated.po unsafe-url.po syntax.po", kFixtures);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "");
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["errors"] == 4);
  CHECK(j["warnings"] == 1);
  REQUIRE(j["findings"].size() == 5);
  const nlohmann::json& first = j["findings"][0];
  CHECK(first["path"] == "untranslated.po");
  CHECK(first["line"] == 16);
  CHECK(first["column"] == 1);
  CHECK(first["severity"] == "error");
  CHECK(first["check"] == "untranslated");
  CHECK(first["message"] == "untranslated: \"We met our partners in Lima.\"");
  const nlohmann::json& scheme = j["findings"][2];
  CHECK(scheme["path"] == "unsafe-url.po");
  CHECK(scheme["line"] == 13);
  CHECK(scheme["column"] == 15);
  CHECK(scheme["check"] == "unsafe");
  CHECK(scheme["message"] == "URL scheme 'javascript:' is not in the source");
  CHECK(j["findings"][4]["check"] == "syntax");
  REQUIRE(j["catalogs"].size() == 3);
  const nlohmann::json& catalog = j["catalogs"][0];
  CHECK(catalog["path"] == "untranslated.po");
  CHECK(catalog["language"] == "es");
  CHECK(catalog["source_language"] == "en");
  CHECK(catalog["read"] == true);
  CHECK(catalog["total"]["strings"] == 2);
  CHECK(catalog["total"]["translated"] == 1);
  CHECK(catalog["total"]["untranslated"] == 1);
  CHECK(catalog["total"]["words"] == 11);
  CHECK(catalog["total"]["translated_words"] == 5);
  CHECK(catalog["total"]["percent"] == 50);
  REQUIRE(catalog["posts"].size() == 1);
  CHECK(catalog["posts"][0]["path"] == "posts/visit.html");
  CHECK(j["catalogs"][2]["read"] == false);
}

TEST_CASE("l10n-check --format=github writes workflow annotations") {
  testing::CommandResult r =
      Run(Tool("l10n-check") + " --format=github duplicate.po obsolete.po", kFixtures);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=duplicate.po,line=16,col=1,title=l10n-check [duplicate]::"
                   "duplicate message definition\n"
                   "::notice file=duplicate.po,line=12,col=1,title=l10n-check::this is the "
                   "location of the first definition\n"
                   "::warning file=obsolete.po,line=15,col=1,title=l10n-check [obsolete]::"
                   "obsolete: \"Old footer text\"\n") == 0);
  CHECK(r.out.find("1 error, 1 warning\n") != std::string::npos);
}

TEST_CASE("l10n-check --list-checks names every check once") {
  testing::CommandResult r = Run(Tool("l10n-check") + " --list-checks");
  CHECK(r.exit_code == 0);
  for (int i = 0; i < kCheckCount; ++i) {
    std::string name = CheckName(static_cast<Check>(i));
    CAPTURE(name);
    CHECK(r.out.find(name + " ") != std::string::npos);
    CHECK(ParseCheck(name) == static_cast<Check>(i));
  }
}

// A project: tests/cli/basic, extracted, then translated.
void ExtractedProject(const TempDir& dir) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
}

// XLIFF that another tool wrote has no po-header note: checked all the
// same, findings at the unit's line or at the file.
TEST_CASE("l10n-check on XLIFF without a header entry") {
  struct Case {
    const char* xliff;
    const char* err;
    const char* out;
  };
  const Case kCases[] = {
      {"<xliff version=\"2.0\"><file/></xliff>",
       "x.xlf:1:1: error: the XLIFF file names no target language ('target-language' or 'trgLang') "
       "[header]\n",
       "x.xlf: 0 of 0 strings translated (100%), 0 of 0 words; 0 fuzzy, 0 untranslated\n"
       "1 error, 0 warnings\n"},
      {"<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"es\">\n<file id=\"f\">\n<unit id=\"u1\">\n"
       "<segment state=\"translated\"><source>Thanks!</source><target>Gracias!</target>"
       "</segment>\n</unit>\n"
       "<unit id=\"u2\"><segment><source>Bye</source></segment></unit>\n</file>\n</xliff>\n",
       "x.xlf:3:1: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n"
       "x.xlf:6:1: error: untranslated: \"Bye\" [untranslated]\n",
       "x.xlf (en -> es): 1 of 2 strings translated (50%), 1 of 2 words; 0 fuzzy, 1 "
       "untranslated\n"
       "1 error, 1 warning\n"},
      {"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" "
       "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\" "
       "source-language=\"en\" target-language=\"es\" datatype=\"plaintext\"><body>\n"
       "<trans-unit id=\"a\"><source>Hello</source><target>Hola</target></trans-unit>\n"
       "</body></file></xliff>\n",
       "",
       "x.xlf (en -> es): 1 of 1 strings translated (100%), 1 of 1 words; 0 fuzzy, 0 "
       "untranslated\n0 errors, 0 warnings\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.xliff);
    TempDir dir;
    Spit(dir / "x.xlf", c.xliff);
    testing::CommandResult r = Run(Tool("l10n-check") + " x.xlf", dir.path());
    CHECK(r.err == c.err);
    CHECK(r.out == c.out);
    CHECK(r.exit_code == (*c.err && std::string(c.err).find("error:") != std::string::npos));
  }
}

// A post whose file name has spaces (non-ASCII letters, quotes): its
// references read back as written, so the catalogs are up to date after one
// l10n-extract, and l10n-extract leaves them alone after that.
TEST_CASE("l10n-check: posts with spaces and quotes in their names are not stale") {
  TempDir dir;
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  std::filesystem::rename(dir / "posts/hello.html", dir / "posts/hello world.html");
  std::filesystem::rename(dir / "posts/hola.html", dir / "posts/caf\xC3\xA9 \"q\" 'x'.html");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("#: \u2068posts/hello world.html\u2069:3 ") != std::string::npos);
  std::string check = Tool("l10n-check") + " --ignore untranslated";
  testing::CommandResult r = Run(check, dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("posts/hello world.html: ") != std::string::npos);
  auto before = testing::Snapshot(dir.path());
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(testing::Snapshot(dir.path()) == before);

  // A catalog written before isolates, as gettext 0.21 writes it, reads
  // as gettext reads it: stale until l10n-extract writes it again.
  std::string po = Slurp(dir / "locales/es.po");
  for (std::string_view mark : {"\u2068", "\u2069"}) {
    for (size_t at; (at = po.find(mark)) != std::string::npos;) po.erase(at, mark.size());
  }
  Spit(dir / "locales/es.po", po);
  r = Run(check, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("locales/es.po: error: not up to date with the posts: 0 new, 0 no longer in "
                   "a post, ") != std::string::npos);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  r = Run(check, dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
}

TEST_CASE("l10n-check finds catalogs that are stale against the posts") {
  TempDir dir;
  ExtractedProject(dir);
  std::string check = Tool("l10n-check") + " --ignore untranslated";
  testing::CommandResult r = Run(check, dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);

  // An editor changes a post and does not run l10n-extract.
  std::string post = Slurp(dir / "posts/hello.html");
  size_t at = post.find("Thanks for reading.");
  REQUIRE(at != std::string::npos);
  post.replace(at, 19, "Thank you for reading.");
  Spit(dir / "posts/hello.html", post);
  r = Run(check, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "locales/en.pot: error: not up to date with the posts: 1 new, 1 no longer in a post, 0 "
        "with other references or notes; run l10n-extract [stale]\n"
        "posts/hello.html:9: note: not in locales/en.pot: \"Thank you for reading.\"\n"
        "locales/en.pot:41: note: no longer in any post: \"Thanks for reading.\"\n"
        "locales/es.po: error: not up to date with the posts: 1 new, 1 no longer in a post, 0 "
        "with other references or notes; run l10n-extract [stale]\n"
        "posts/hello.html:9: note: not in locales/es.po: \"Thank you for reading.\"\n"
        "locales/es.po:40: note: no longer in any post: \"Thanks for reading.\"\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  r = Run(check, dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);

  // A catalog deleted.
  std::filesystem::remove(dir / "locales/en.po");
  r = Run(check, dir.path());
  CHECK(r.err == "locales/en.po: error: the file does not exist; run l10n-extract [stale]\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("l10n-merge refuses what l10n-check reports as unsafe, in the same words") {
  TempDir dir;
  ExtractedProject(dir);
  std::string po = Slurp(dir / "locales/es.po");
  std::string entry = "msgid \"Thanks for reading.\"\nmsgstr \"\"";
  size_t at = po.find(entry);
  REQUIRE(at != std::string::npos);
  po.replace(at, entry.size(),
             "msgid \"Thanks for reading.\"\nmsgstr \"Gracias.<img src=x onerror=alert(1)>\"");
  Spit(dir / "locales/es.po", po);

  testing::CommandResult check = Run(Tool("l10n-check") + " --allow-untranslated", dir.path());
  CHECK(check.exit_code == 1);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q", dir.path());
  CHECK(merge.exit_code == 1);
  const std::string finding =
      "locales/es.po:41:17: error: markup that is not a placeholder: '<img src=x "
      "onerror=alert(1)>' [unsafe]\n"
      "locales/es.po:41:22: error: attribute 'src=' is not in the source [unsafe]\n"
      "locales/es.po:41:28: error: attribute 'onerror=' is not in the source [unsafe]\n";
  CHECK(check.err.find(finding) != std::string::npos);
  CHECK(merge.err.find(finding) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "public/es/hello.html"));
}

// l10n-check (on the project) and l10n-merge, run with `options`, both
// report `finding`; merge exits 1 and publishes nothing of the English post
// into Spanish.
void BothRefuse(const TempDir& dir, const std::string& options, const std::string& finding) {
  testing::CommandResult check =
      Run(Tool("l10n-check") + " --allow-untranslated" + options, dir.path());
  CHECK(check.exit_code == 1);
  CHECK(check.err.find(finding) != std::string::npos);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q" + options, dir.path());
  CHECK(merge.exit_code == 1);
  CHECK(merge.err == finding);
  CHECK_FALSE(std::filesystem::exists(dir / "public/es/hello.html"));
}

// The basic project with a category the taxonomy knows in English only, so
// that its Spanish name is translated in the catalog (msgctxt "category").
void ProjectWithCategoryToTranslate(const TempDir& dir) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  std::string post = Slurp(dir / "posts/hello.html");
  post.replace(post.find(" / Visita de campo"), 18, "");
  Spit(dir / "posts/hello.html", post);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
}

TEST_CASE("a category name translated in the catalog is checked like any translation") {
  TempDir dir;
  ProjectWithCategoryToTranslate(dir);
  std::string po = Slurp(dir / "locales/es.po");
  std::string entry = "msgctxt \"category\"\nmsgid \"Blog fieldvisit\"\nmsgstr \"\"";
  size_t at = po.find(entry);
  REQUIRE(at != std::string::npos);
  po.replace(at, entry.size(),
             "msgctxt \"category\"\nmsgid \"Blog fieldvisit\"\n"
             "msgstr \"<script>alert(1)</script> \u202Enoticias\\a\"");
  Spit(dir / "locales/es.po", po);
  BothRefuse(dir, "",
             "locales/es.po:47:9: error: markup not in the source: '<script>' [unsafe]\n"
             "locales/es.po:47:35: error: bidirectional control character U+202E is not in the "
             "source [unsafe]\n"
             "locales/es.po:47:46: error: control character U+0007 is not in the source "
             "[unsafe]\n");

  // The same translation in XLIFF, as a plain-text unit (what the writer
  // makes of a translation l10n-check refuses).
  Spit(dir / "locales/es.xlf",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
       "<file original=\"x\" source-language=\"en\" target-language=\"es\" "
       "datatype=\"html\"><body>\n"
       "<trans-unit id=\"c\" resname=\"category\" datatype=\"plaintext\">"
       "<source>Blog fieldvisit</source><target>&lt;script&gt;alert(1)&lt;/script&gt; "
       "&#x202E;noticias</target></trans-unit>\n"
       "</body></file></xliff>\n");
  BothRefuse(dir, " --catalog 'locales/{lang}.xlf'",
             "locales/es.xlf:4:1: error: markup not in the source: '<script>' [unsafe]\n"
             "locales/es.xlf:4:1: error: bidirectional control character U+202E is not in the "
             "source [unsafe]\n");
}

TEST_CASE("the taxonomy's names are checked like any translation, where they are written") {
  TempDir dir;
  ExtractedProject(dir);
  std::string taxonomy = Slurp(dir / "locales/taxonomy.toml");
  std::string name = "es = \"Visita de campo\"";
  size_t at = taxonomy.find(name);
  REQUIRE(at != std::string::npos);
  taxonomy.replace(at, name.size(), "es = \"Visita \\u202Ede campo \\u0007\"");
  Spit(dir / "locales/taxonomy.toml", taxonomy);
  BothRefuse(dir, "",
             "locales/taxonomy.toml:5:14: error: bidirectional control character U+202E is not in "
             "the source [unsafe]\n"
             "locales/taxonomy.toml:5:29: error: control character U+0007 is not in the source "
             "[unsafe]\n");

  // A literal string, and one over several lines, are located as well.
  // (The Spanish post's own names are checked against its label.)
  taxonomy = Slurp(dir / "locales/taxonomy.toml");
  taxonomy.replace(taxonomy.find("es = \"Visita"), std::string::npos,
                   "es = 'Visita\u200Ede campo'\n\n[categories.events]\nen = \"Events\"\n"
                   "es = \"\"\"\nEventos\\\n   \u2066\"\"\"\n");
  Spit(dir / "locales/taxonomy.toml", taxonomy);
  testing::CommandResult check = Run(Tool("l10n-check") + " --allow-untranslated", dir.path());
  CHECK(check.err.find("locales/taxonomy.toml:5:13: error: bidirectional control character U+200E "
                       "is not in the source [unsafe]\n"
                       "locales/taxonomy.toml:11:4: error: bidirectional control character "
                       "U+2066 is not in the source [unsafe]\n") != std::string::npos);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q", dir.path());
  CHECK(merge.exit_code == 1);
  CHECK(merge.err.find("locales/taxonomy.toml:5:13: error: bidirectional control character "
                       "U+200E is not in the source [unsafe]\n") != std::string::npos);
  CHECK(merge.err.find("locales/taxonomy.toml:11:4: error: bidirectional control character "
                       "U+2066 is not in the source [unsafe]\n") != std::string::npos);
}

// Plural-Forms as gettext reads it: its grammar, C's precedence, unsigned
// long arithmetic; nesting bounded; division by zero only where evaluated.
TEST_CASE("Plural-Forms: one parser, gettext's grammar, bounded and defined") {
  struct Case {
    std::string value;
    std::string forms;  // the forms for n = 0..11, or the problem
  };
  const std::string deep_parens = std::string(20000, '(') + "n" + std::string(20000, ')');
  const std::string nested_100 = std::string(100, '(') + "n!=1" + std::string(100, ')');
  const std::string nested_101 = std::string(101, '(') + "n!=1" + std::string(101, ')');
  const Case kCases[] = {
      {"nplurals=2; plural=(n != 1);", "101111111111"},
      {"nplurals=2; plural=n>1;", "001111111111"},
      {"nplurals=1; plural=0;", "000000000000"},
      {" nplurals=3 ; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2;",
       "201112222222"},
      // gettext allows spaces after "nplurals=" and reads the expression up to ';'.
      {"nplurals= 2; plural=n != 1; whatever", "101111111111"},
      {"nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
       "n%100>=11 ? 4 : 5;",
       "012333333334"},
      // Precedence and associativity as in C: 2 - 1 - 1, 1 + 2 * 3 > 6, !!n.
      {"nplurals=2; plural=(n == 2 - 1 - 1) + (1 + 2 * 3 > 6) - 1 + !!n - (n>0);", "100000000000"},
      {"nplurals=2; plural=!n || !(n - 1) && n;", "110000000000"},
      // Unsigned arithmetic: 0 - 1 is the largest value, not UB.
      {"nplurals=2; plural=n - 1 > 5;", "100000011111"},
      {"nplurals=2; plural=18446744073709551615 * n + n;", "000000000000"},
      {"nplurals=2; plural=99999999999999999999 < n;", "000000000000"},
      // Division by zero is an error only on a branch that is evaluated.
      {"nplurals=2; plural=n > 1000 ? n / 0 : n != 1;", "101111111111"},
      {"nplurals=2; plural=n == 0 && 1 % 0;",
       "invalid Plural-Forms: for n = 0 the expression divides by zero"},
      {"nplurals=2; plural=n / 0;",
       "invalid Plural-Forms: for n = 0 the expression divides by zero"},
      {"nplurals=2; plural=n % (n - 3) && 0;",
       "invalid Plural-Forms: for n = 3 the expression divides by zero"},
      {"nplurals=2; plural=n;",
       "invalid Plural-Forms: for n = 2 the expression gives form 2, but nplurals is 2"},
      {"nplurals=2; plural=" + nested_100 + ";", "101111111111"},
      {"nplurals=2; plural=" + nested_101 + ";",
       "invalid Plural-Forms: the plural expression nests more than 100 deep at '(n!=1" +
           std::string(32, ')') + "...'"},
      {"nplurals=2; plural=" + deep_parens + ";",
       "invalid Plural-Forms: the plural expression nests more than 100 deep at '" +
           std::string(37, '(') + "...'"},
      {"nplurals=2; plural=" + std::string(500000, '!') + "n;",
       "invalid Plural-Forms: the plural expression nests more than 100 deep at '" +
           std::string(37, '!') + "...'"},
      {"nplurals=2; plural=n ? 1 : " + std::string(200, '(') + ";",
       "invalid Plural-Forms: the plural expression nests more than 100 deep at '" +
           std::string(37, '(') + "...'"},
      {"nplurals=2; plural=(n !!= 1);",
       "invalid Plural-Forms: cannot read the plural expression at '!!= 1)'"},
      {"nplurals=2; plural=n = 1;",
       "invalid Plural-Forms: cannot read the plural expression at '= 1'"},
      {"nplurals=2; plural=(n != 1;",
       "invalid Plural-Forms: cannot read the plural expression at ''"},
      {"nplurals=2; plural=n1;", "invalid Plural-Forms: cannot read the plural expression at '1'"},
      {"nplurals=2; plural=-n;", "invalid Plural-Forms: cannot read the plural expression at '-n'"},
      {"nplurals=2; plural=;", "invalid Plural-Forms: cannot read the plural expression at ''"},
      {"nplurals=99999999999999999999; plural=n != 1;",
       "invalid Plural-Forms: nplurals=99999999999999999999 is too large; at most 1000"},
      {"nplurals=1001; plural=0;",
       "invalid Plural-Forms: nplurals=1001 is too large; at most 1000"},
      {"nplurals=0; plural=0;",
       "Plural-Forms must read 'nplurals=N; plural=EXPRESSION;', not 'nplurals=0; plural=0;'"},
      {"plural=n != 1;",
       "Plural-Forms must read 'nplurals=N; plural=EXPRESSION;', not 'plural=n != 1;'"},
      {"nplurals=2; plural=(n != 1) and some more words after it",
       "invalid Plural-Forms: cannot read the plural expression at 'and some more words after it'"},
      {"nplurals=two; plural=(n != 1) with a long text after it, so that it is cut",
       "Plural-Forms must read 'nplurals=N; plural=EXPRESSION;', not 'nplurals=two; plural=(n != "
       "1) with a ...'"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.value.substr(0, 80));
    int nplurals = -1;
    std::optional<std::string> problem = PluralFormsProblem(c.value, &nplurals);
    std::string got;
    if (problem) {
      got = *problem;
    } else {
      Result<PluralForms> forms = PluralForms::Parse(c.value);
      REQUIRE(forms.ok());
      CHECK(forms->nplurals() == nplurals);
      for (uint64_t n = 0; n < 12; ++n) got += std::to_string(forms->Eval(n).value_or(9));
    }
    CHECK(got == c.forms);
  }
  // What the entries are checked against, even when the expression is bad.
  CHECK(PluralFormsCount("nplurals=3; plural=(((;") == 3);
  CHECK(PluralFormsCount("nplurals=99999999999999999999; plural=0;") == std::nullopt);
  CHECK(PluralFormsCount("plural=0;") == std::nullopt);
}

TEST_CASE("l10n-check reads its settings from the project's [check] section") {
  TempDir dir;
  ExtractedProject(dir);
  std::string config = Slurp(dir / "l10n.toml");
  Spit(dir / "l10n.toml", config + "\n[check]\nmin_coverage = 0\nignore = [\"obsolete\"]\n");
  testing::CommandResult r = Run(Tool("l10n-check"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: untranslated: ") != std::string::npos);

  Spit(dir / "l10n.toml", config + "\n[check]\nwarning = [\"unsafe\"]\n");
  r = Run(Tool("l10n-check"), dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "l10n-check: l10n.toml: 'unsafe' is always an error: l10n-merge refuses such "
        "catalogs\n");

  Spit(dir / "l10n.toml", config + "\n[check]\nmin_coverage = \"most\"\n");
  r = Run(Tool("l10n-check"), dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "l10n.toml:7:16: error: 'check.min_coverage' must be a percentage from 0 to "
        "100\n");
}

}  // namespace
}  // namespace l10n
