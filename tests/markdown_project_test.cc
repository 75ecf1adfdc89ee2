// A Markdown post in a project: its front matter's slug names its pages,
// and project.front_matter_keys says which keys are translated.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

void Project(const TempDir& dir, const std::string& extra) {
  Spit(dir / "l10n.toml",
       "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"content/*.md\"]\n"
       "markdown_output = \"out/{lang}/{slug}.md\"\n" +
           extra);
  Spit(dir / "content/visit.md",
       "---\ntitle: A field visit\ndescription: Three days in Lima\nslug: lima-visit\n---\n\n"
       "We met the **youth committee**.\n");
}

TEST_CASE("a front matter's slug names the post's pages") {
  TempDir dir;
  Project(dir, "");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "out/es/lima-visit.md").find("slug: lima-visit") != std::string::npos);
  CHECK_FALSE(std::ifstream(dir / "out/es/visit.md").good());
}

TEST_CASE("a slug that cannot name a file is a located error, nothing written") {
  TempDir dir;
  Project(dir, "");
  Spit(dir / "content/visit.md", "---\ntitle: A field visit\nslug: .hidden\n---\n\nText.\n");
  auto before = Snapshot(dir.path());
  testing::CommandResult r = Run(Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "content/visit.md: error: '.hidden' cannot name an output file: a post's file name must "
        "not start with '.' nor hold control characters\n");
  CHECK(Snapshot(dir.path()) == before);
}

TEST_CASE("project.front_matter_keys: only those keys are translated") {
  TempDir dir;
  Project(dir, "front_matter_keys = [\"title\"]\n");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  std::string pot = Slurp(dir / "locales/en.pot");
  CHECK(pot.find("msgid \"A field visit\"") != std::string::npos);
  CHECK(pot.find("Three days in Lima") == std::string::npos);
  CHECK(pot.find("youth committee") != std::string::npos);

  TempDir all;
  Project(all, "");
  REQUIRE(Run(Tool("l10n-extract") + " -q", all.path()).exit_code == 0);
  CHECK(Slurp(all / "locales/en.pot").find("msgid \"Three days in Lima\"") != std::string::npos);
}

}  // namespace
}  // namespace l10n
