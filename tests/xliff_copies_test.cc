// The tools with XLIFF: extract writes copies beside the catalogs and takes
// in what a translator entered there (xliff_copies.h), merge and check take
// an XLIFF file as the catalog, and a catalog may be XLIFF itself.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

const std::string kSource = L10N_SOURCE_DIR;

// Adds settings to the [project] table of a test project's l10n.toml.
void AddProjectSettings(const TempDir& dir, const std::string& settings) {
  std::string config = Slurp(dir / "l10n.toml");
  size_t at = config.find("[project]\n");
  REQUIRE(at != std::string::npos);
  config.insert(at + 10, settings);
  Spit(dir / "l10n.toml", config);
}

// Translates "Hello world" in an XLIFF 2.0 file we wrote, as a CAT tool does.
void TranslateHelloWorld(const std::string& path) {
  std::string xliff = Slurp(path);
  const std::string from =
      "<segment state=\"initial\">\n        <source>Hello world</source>\n      </segment>";
  size_t at = xliff.find(from);
  REQUIRE(at != std::string::npos);
  xliff.replace(at, from.size(),
                "<segment state=\"translated\">\n        <source>Hello world</source>\n"
                "        <target>Hola, mundo</target>\n      </segment>");
  Spit(path, xliff);
}

// tests/cli/basic, extracted with XLIFF copies.
void XliffProject(const TempDir& dir) {
  std::filesystem::copy(kSource + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  AddProjectSettings(dir, "xliff = [\"1.2\", \"2.0\"]\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
}

TEST_CASE("extract writes XLIFF beside the catalogs, and merge and check take it as the catalog") {
  TempDir dir;
  XliffProject(dir);
  for (const char* f : {"locales/xliff1.2/es.xlf", "locales/xliff2.0/es.xlf",
                        "locales/xliff1.2/en.xlf", "locales/xliff2.0/en.xlf"}) {
    CAPTURE(f);
    REQUIRE(std::filesystem::exists(dir / f));
    testing::CheckValidXliff(Slurp(dir / f), f);
  }
  // A translator hands back the 2.0 file translated in a CAT tool.
  TranslateHelloWorld(dir / "locales/xliff2.0/es.xlf");
  std::string catalog = " --catalog 'locales/xliff2.0/{lang}.xlf' --keep 0";
  testing::CommandResult merge = Run(Tool("l10n-merge") + catalog + " -q", dir.path());
  CHECK(merge.exit_code == 0);
  CHECK(Slurp(dir / "public/es/hello.html").find("<title>Hola, mundo</title>") !=
        std::string::npos);
  testing::CommandResult check =
      Run(Tool("l10n-check") + " --catalog 'locales/xliff2.0/{lang}.xlf' --allow-untranslated",
          dir.path());
  CHECK(check.out.find("locales/xliff2.0/es.xlf (en -> es): 1 of 5 strings translated") !=
        std::string::npos);
  // The PO catalog does not have the translation yet: the next extract
  // takes it in, and the project's check says so.
  testing::CommandResult stale = Run(Tool("l10n-check") + " --allow-untranslated", dir.path());
  CHECK(stale.exit_code == 1);
  CHECK(stale.err.find("locales/es.po: error: differs from what l10n-extract writes "
                       "now; run l10n-extract [stale]\n") != std::string::npos);
}

// Replaces the one occurrence of `from` in the file.
void Edit(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = Slurp(path);
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, from);
  text.replace(at, from.size(), to);
  Spit(path, text);
}

TEST_CASE("a translation entered in an XLIFF copy comes into the PO at the next extract") {
  TempDir dir;
  XliffProject(dir);
  // In the 2.0 copy, as a CAT tool saves it.
  TranslateHelloWorld(dir / "locales/xliff2.0/es.xlf");
  // A note: printed unless -q.
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:15:1: note: translation of \"Hello world\" taken from "
        "locales/xliff2.0/es.xlf:18: \"Hola, mundo\"\n");
  CHECK(Slurp(dir / "locales/es.po").find("msgid \"Hello world\"\nmsgstr \"Hola, mundo\"\n") !=
        std::string::npos);
  CHECK(Slurp(dir / "locales/xliff1.2/es.xlf")
            .find("<target state=\"translated\">Hola, mundo</target>") != std::string::npos);
  CHECK(Slurp(dir / "locales/xliff2.0/es.xlf").find("<target>Hola, mundo</target>") !=
        std::string::npos);
  // Merge publishes it from the PO catalog; everything is in step again.
  CHECK(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "public/es/hello.html").find("<title>Hola, mundo</title>") !=
        std::string::npos);
  auto before = Snapshot(dir.path());
  r = Run(Tool("l10n-extract") + " -q", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(Snapshot(dir.path()) == before);
  CHECK(Run(Tool("l10n-check") + " --allow-untranslated", dir.path()).exit_code == 0);

  // In the 1.2 copy.
  Edit(dir / "locales/xliff1.2/es.xlf",
       "<source>Thanks for reading.</source>\n        <target state=\"new\"/>",
       "<source>Thanks for reading.</source>\n        <target state=\"translated\">Gracias por "
       "leer.</target>");
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:38:1: note: translation of \"Thanks for reading.\" taken from "
        "locales/xliff1.2/es.xlf:62: \"Gracias por leer.\"\n");
  CHECK(Slurp(dir / "locales/es.po")
            .find("msgid \"Thanks for reading.\"\nmsgstr \"Gracias por leer.\"\n") !=
        std::string::npos);
}

TEST_CASE("an XLIFF file given as a compendium translates the PO's untranslated entries") {
  TempDir dir;
  XliffProject(dir);
  // A translator's file handed back beside the project, not as its copy.
  std::filesystem::copy(dir / "locales/xliff2.0/es.xlf", dir / "handback.xlf");
  TranslateHelloWorld(dir / "handback.xlf");
  testing::CommandResult r = Run(Tool("l10n-extract") + " -q -C handback.xlf", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(Slurp(dir / "locales/es.po").find("msgid \"Hello world\"\nmsgstr \"Hola, mundo\"\n") !=
        std::string::npos);
}

TEST_CASE("a state changed in an XLIFF copy comes into the PO") {
  TempDir dir;
  XliffProject(dir);
  TranslateHelloWorld(dir / "locales/xliff2.0/es.xlf");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  // A reviewer sends the translation back for review in the 1.2 copy.
  Edit(dir / "locales/xliff1.2/es.xlf", "<target state=\"translated\">Hola, mundo</target>",
       "<target state=\"needs-review-translation\">Hola, mundo</target>");
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:15:1: note: translation of \"Hello world\" taken from "
        "locales/xliff1.2/es.xlf:19: \"Hola, mundo\" (fuzzy)\n");
  CHECK(Slurp(dir / "locales/es.po")
            .find("#, fuzzy\nmsgid \"Hello world\"\nmsgstr \"Hola, mundo\"\n") !=
        std::string::npos);
  CHECK(Slurp(dir / "locales/xliff2.0/es.xlf")
            .find("<segment state=\"initial\" subState=\"l10n:fuzzy\">") != std::string::npos);
  // And signs it off in the 2.0 copy.
  Edit(dir / "locales/xliff2.0/es.xlf", "<segment state=\"initial\" subState=\"l10n:fuzzy\">",
       "<segment state=\"final\">");
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:15:1: note: translation of \"Hello world\" taken from "
        "locales/xliff2.0/es.xlf:18: \"Hola, mundo\" (final)\n");
  CHECK(Slurp(dir / "locales/es.po")
            .find("# xliff-state: final\n#. page title, hello\n#. heading, hello\n"
                  "#: posts/hello.html:3 posts/hello.html:5\nmsgid \"Hello world\"\nmsgstr \"Hola, "
                  "mundo\"\n") != std::string::npos);
}

TEST_CASE(
    "a translation edited in the PO stays, and edited in the PO and a copy it is a conflict") {
  TempDir dir;
  XliffProject(dir);
  TranslateHelloWorld(dir / "locales/xliff2.0/es.xlf");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  // The PO edited: both copies still say what the last run wrote.
  Edit(dir / "locales/es.po", "msgstr \"Hola, mundo\"", "msgstr \"Hola a todos\"");
  testing::CommandResult r = Run(Tool("l10n-extract") + " -q", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(Slurp(dir / "locales/xliff2.0/es.xlf").find("<target>Hola a todos</target>") !=
        std::string::npos);
  // The PO and the 2.0 copy edited differently.
  Edit(dir / "locales/es.po", "msgstr \"Hola a todos\"", "msgstr \"Hola\"");
  Edit(dir / "locales/xliff2.0/es.xlf", "<target>Hola a todos</target>",
       "<target>Hola, mundo</target>");
  auto before = Snapshot(dir.path());
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "locales/es.po:15:1: error: \"Hello world\": this catalog has \"Hola\"; "
        "locales/xliff1.2/es.xlf:19 has \"Hola a todos\"; locales/xliff2.0/es.xlf:18 has "
        "\"Hola, mundo\": both were edited since the last l10n-extract; make them the same (or "
        "delete the copy that is wrong) and run it again\n");
  CHECK(Snapshot(dir.path()) == before);
  // Resolved by deleting the copies that are wrong.
  std::filesystem::remove(dir / "locales/xliff1.2/es.xlf");
  std::filesystem::remove(dir / "locales/xliff2.0/es.xlf");
  CHECK(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "locales/xliff2.0/es.xlf").find("<target>Hola</target>") != std::string::npos);
}

TEST_CASE("with one XLIFF copy, a state goes forward and different texts are a conflict") {
  TempDir dir;
  std::filesystem::copy(kSource + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  AddProjectSettings(dir, "xliff = [\"2.0\"]\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  TranslateHelloWorld(dir / "locales/xliff2.0/es.xlf");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  const std::string xliff = dir / "locales/xliff2.0/es.xlf";
  // Signed off in the copy: further on than the catalog's, taken.
  Edit(xliff, "<segment state=\"translated\">",
       "<segment state=\"final\" subState=\"l10n:signed-off\">");
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:15:1: note: translation of \"Hello world\" taken from "
        "locales/xliff2.0/es.xlf:18: \"Hola, mundo\" (signed-off)\n");
  CHECK(Slurp(dir / "locales/es.po").find("# xliff-state: signed-off\n") != std::string::npos);
  // A state behind the catalog's: the catalog's stays, with a warning.
  Edit(xliff, "<segment state=\"final\" subState=\"l10n:signed-off\">",
       "<segment state=\"translated\">");
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "locales/es.po:15:1: warning: locales/xliff2.0/es.xlf:18 says \"Hola, mundo\" for "
        "\"Hello world\"; the catalog's \"Hola, mundo\" (signed-off) is kept\n");
  CHECK(Slurp(xliff).find("<segment state=\"final\" subState=\"l10n:signed-off\">") !=
        std::string::npos);
  // Another text in the copy: nothing tells which side changed.
  Edit(xliff, "<target>Hola, mundo</target>", "<target>Hola</target>");
  auto before = Snapshot(dir.path());
  r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "locales/es.po:15:1: error: \"Hello world\": this catalog has \"Hola, mundo\" "
        "(signed-off); locales/xliff2.0/es.xlf:18 has \"Hola\" (signed-off): both were edited "
        "since the last l10n-extract; make them the same (or delete the copy that is wrong) and "
        "run it again\n");
  CHECK(Snapshot(dir.path()) == before);
}

TEST_CASE("an XLIFF copy that does not read stops extract, nothing written") {
  TempDir dir;
  XliffProject(dir);
  Edit(dir / "locales/xliff2.0/es.xlf", "<source>Hello world</source>",
       "<source>Hello world</sauce>");
  auto before = Snapshot(dir.path());
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "locales/xliff2.0/es.xlf:26:30: error: malformed XML: Start-end tags mismatch [syntax]\n");
  CHECK(Snapshot(dir.path()) == before);
}

TEST_CASE("catalogs can be XLIFF instead of PO, and updates keep their translations") {
  TempDir dir;
  std::filesystem::copy(kSource + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  AddProjectSettings(dir,
                     "catalog = \"locales/{lang}.xlf\"\nxliff = [\"2.0\"]\n"
                     "xliff_path = \"locales/{lang}.xlf\"\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "locales/es.po"));
  std::string xliff = Slurp(dir / "locales/es.xlf");
  CHECK(xliff.find("<xliff version=\"2.0\"") != std::string::npos);
  testing::CheckValidXliff(xliff, "locales/es.xlf");
  TranslateHelloWorld(dir / "locales/es.xlf");
  // A post changes; extract updates the XLIFF catalog and keeps the
  // translation.
  std::string post = Slurp(dir / "posts/hello.html");
  size_t thanks = post.find("Thanks for reading.");
  REQUIRE(thanks != std::string::npos);
  post.replace(thanks, 19, "Thank you for reading.");
  Spit(dir / "posts/hello.html", post);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string updated = Slurp(dir / "locales/es.xlf");
  CHECK(updated.find("<target>Hola, mundo</target>") != std::string::npos);
  CHECK(updated.find("<source>Thank you for reading.</source>") != std::string::npos);
  testing::CheckValidXliff(updated, "locales/es.xlf, updated");
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(merge.exit_code == 0);
  CHECK(Slurp(dir / "public/es/hello.html").find("<title>Hola, mundo</title>") !=
        std::string::npos);
  testing::CommandResult check = Run(Tool("l10n-check") + " --allow-untranslated", dir.path());
  CHECK(check.exit_code == 0);
}

}  // namespace
}  // namespace l10n
