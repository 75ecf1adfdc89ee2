// The tools on one core and on several write the same files and print the
// same diagnostics, in the same order (base/parallel.h: each post's result
// in its own slot, taken in order).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "merge_project.h"
#include "test_util.h"

namespace l10n {
namespace {

using testing::Run;
using testing::Spit;
using testing::Tool;

// A project of `count` posts, each with its translation in old/es (every
// third with a paragraph of its own added), and `bad` posts that cannot be
// read as posts.
void MakeProject(const std::string& dir, int count, int bad) {
  std::filesystem::create_directories(dir + "/posts");
  std::filesystem::create_directories(dir + "/old/es");
  Spit(dir + "/l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n");
  for (int i = 0; i < count; ++i) {
    Spit(fmt::format("{}/posts/p{:03}.html", dir, i),
         fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Visit {0}</title></head>\n"
                     "<body>\n<h1>Visit number {0} to Lima</h1>\n"
                     "<p>In May {1} our team met {0} youth groups.</p>\n"
                     "<p>Read the <a href=\"/r{0}.html\">report</a> of visit {0}.</p>\n"
                     "<ul><li>Water</li><li>Schools in {0} districts</li></ul>\n"
                     "</body></html>\n",
                     i, 2000 + i % 25));
    Spit(fmt::format("{}/old/es/p{:03}.html", dir, i),
         fmt::format("<!DOCTYPE html>\n<html lang=\"es\">\n<head><title>Visita {0}</title></head>\n"
                     "<body>\n<h1>Visita número {0} a Lima</h1>\n"
                     "<p>En mayo de {1} nuestro equipo conoció {0} grupos juveniles.</p>\n{2}"
                     "<p>Lea el <a href=\"/r{0}.html\">informe</a> de la visita {0}.</p>\n"
                     "<ul><li>Agua</li><li>Escuelas en {0} distritos</li></ul>\n"
                     "</body></html>\n",
                     i, 2000 + i % 25, i % 3 == 0 ? "<p>Nota añadida.</p>\n" : ""));
  }
  for (int i = 0; i < bad; ++i) {
    Spit(fmt::format("{}/posts/p{:03}x.html", dir, i * 7),
         i % 2 == 0 ? "<!DOCTYPE html><html><body><p>No language.</p></body></html>\n"
                    : "<!DOCTYPE html><html lang=en><body><p>\xff bad</p></body></html>\n");
  }
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
  std::vector<std::pair<std::string, std::string>> files;
};

Outcome RunWith(int threads, const std::string& dir, const std::string& tool,
                const std::string& args) {
  testing::CommandResult r =
      Run(fmt::format("L10N_THREADS={} {} {}", threads, Tool(tool), args), dir);
  Outcome o{r.exit_code, r.out, r.err, {}};
  for (auto& [path, content] : testing::Snapshot(dir)) {
    // The tools' caches hold modification times: they differ by folder.
    if (path.rfind(".l10n-cache/", 0) != 0) o.files.emplace_back(path, content);
  }
  return o;
}

TEST_CASE("extract and import --from: one thread and two, the same files and output") {
  testing::TempDir one, two;
  MakeProject(one.path(), 60, 0);
  MakeProject(two.path(), 60, 0);
  Outcome a = RunWith(1, one.path(), "l10n-extract", "");
  Outcome b = RunWith(2, two.path(), "l10n-extract", "");
  REQUIRE(a.exit_code == 0);
  CHECK(b.exit_code == a.exit_code);
  CHECK(b.out == a.out);
  CHECK(b.err == a.err);
  CHECK(b.files == a.files);
  a = RunWith(1, one.path(), "l10n-import", "--from old/es --format=json");
  b = RunWith(2, two.path(), "l10n-import", "--from old/es --format=json");
  REQUIRE(a.exit_code == 0);
  CHECK(a.out.find("\"imported\": 5") != std::string::npos);
  CHECK(b.exit_code == a.exit_code);
  CHECK(b.out == a.out);
  CHECK(b.err == a.err);
  CHECK(b.files == a.files);
}

TEST_CASE("extract: one thread and two, the same errors in the same order, nothing written") {
  testing::TempDir one, two;
  MakeProject(one.path(), 40, 6);
  MakeProject(two.path(), 40, 6);
  auto before = testing::Snapshot(one.path());
  Outcome a = RunWith(1, one.path(), "l10n-extract", "");
  Outcome b = RunWith(2, two.path(), "l10n-extract", "");
  CHECK(a.exit_code == 1);
  CHECK(b.exit_code == 1);
  CHECK(a.files == before);
  CHECK(b.err == a.err);
  CHECK(b.out == a.out);
  // Six posts, six errors, in path order.
  size_t errors = 0;
  for (size_t at = 0; (at = a.err.find(": error: ", at)) != std::string::npos; ++at) ++errors;
  CHECK(errors == 6);
  CHECK(a.err.find("posts/p000x.html") < a.err.find("posts/p035x.html"));
}

TEST_CASE("merge: one thread and two, the same pages, warnings and errors") {
  for (bool hostile : {false, true}) {
    CAPTURE(hostile);
    testing::TempDir one, two;
    testing::MakeMergeProject(one.path(), 50, hostile);
    testing::MakeMergeProject(two.path(), 50, hostile);
    // Without the cache: each thread count merges every page.
    Outcome a = RunWith(1, one.path(), "l10n-merge", "--no-cache");
    Outcome b = RunWith(2, two.path(), "l10n-merge", "--no-cache");
    CHECK(a.exit_code == (hostile ? 1 : 0));
    CHECK(b.exit_code == a.exit_code);
    CHECK(b.out == a.out);
    CHECK(b.err == a.err);
    CHECK(b.files == a.files);
    // Warnings (untranslated strings, pages below the threshold) and, for
    // the hostile catalog, the refused translation.
    CHECK(a.err.find("untranslated into 'es'") != std::string::npos);
    CHECK(a.err.find("(keep is 90%)") != std::string::npos);
    CHECK((a.err.find("error:") != std::string::npos) == hostile);
    // Links to the pages published in Spanish are rewritten.
    bool linked = false;
    for (const auto& [path, content] : a.files) {
      linked = linked || content.find("href=\"/es/p0") != std::string::npos;
    }
    CHECK(linked != hostile);
    // With the cache: the run that fills it and the run that takes it say
    // and write the same, on one thread and two.
    for (int round = 0; round < 2; ++round) {
      CAPTURE(round);
      Outcome c = RunWith(1, one.path(), "l10n-merge", "");
      Outcome d = RunWith(2, two.path(), "l10n-merge", "");
      CHECK(c.exit_code == a.exit_code);
      CHECK(c.out == a.out);
      CHECK(c.err == a.err);
      CHECK(c.files == a.files);
      CHECK(d.exit_code == a.exit_code);
      CHECK(d.out == a.out);
      CHECK(d.err == a.err);
      CHECK(d.files == a.files);
    }
  }
}

}  // namespace
}  // namespace l10n
