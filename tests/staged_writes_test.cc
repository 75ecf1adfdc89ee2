// StagedWrites::Absorb (project_io.h): what is staged apart (l10n-extract
// stages each language's files on a thread of its own) commits in one
// order, all or nothing, and leaves nothing behind when it is not committed.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "project/project.h"
#include "project/project_io.h"
#include "test_util.h"

namespace l10n {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// `writes` staged in a StagedWrites of their own, then absorbed by `all`.
void StageApart(const std::vector<PendingWrite>& writes, StagedWrites* all) {
  StagedWrites part;
  for (const PendingWrite& w : writes) part.Stage(w);
  all->Absorb(&part);
}  // the part, emptied, removes nothing

TEST_CASE("absorbed stagings commit after the absorber's, in their order") {
  TempDir dir;
  testing::Spit(dir / "same.po", "kept\n");
  StagedWrites all;
  all.Stage({dir / "a.pot", "a\n"});
  StageApart({{dir / "new/b.po", "b\n"},
              {dir / "same.po", "kept\n"},  // holds it already: not written
              {dir / "c.xlf", "c\n"}},
             &all);
  StageApart({{dir / "a.pot", "a again\n"}}, &all);  // staged again: the later content
  DiagnosticSink sink;
  RunReport report;
  REQUIRE(all.Commit(&sink, &report));
  CHECK(testing::RenderDiagnostics(sink) == "");
  CHECK(report.changed == std::vector<std::string>{dir / "new/b.po", dir / "c.xlf", dir / "a.pot"});
  CHECK(
      testing::Snapshot(dir.path()) ==
      Files{{"a.pot", "a again\n"}, {"c.xlf", "c\n"}, {"new/b.po", "b\n"}, {"same.po", "kept\n"}});
}

TEST_CASE("an absorbed staging that failed writes nothing of either") {
  TempDir dir;
  testing::Spit(dir / "file", "not a folder\n");
  StagedWrites all;
  all.Stage({dir / "a.pot", "a\n"});
  StageApart({{dir / "file/b.po", "b\n"}}, &all);
  DiagnosticSink sink;
  RunReport report;
  CHECK_FALSE(all.Commit(&sink, &report));
  CHECK(sink.has_errors());
  CHECK(report.changed.empty());
  CHECK(testing::Snapshot(dir.path()) == Files{{"file", "not a folder\n"}});
}

TEST_CASE("stagings never committed leave no file and no folder") {
  TempDir dir;
  {
    StagedWrites all;
    all.Stage({dir / "a.pot", "a\n"});
    StageApart({{dir / "new/deeper/b.po", "b\n"}}, &all);
    StagedWrites other;  // staged, neither absorbed nor committed
    other.Stage({dir / "other/c.po", "c\n"});
  }
  CHECK(testing::Snapshot(dir.path()).empty());
  CHECK_FALSE(std::filesystem::exists(dir / "new"));
  CHECK_FALSE(std::filesystem::exists(dir / "other"));
}

}  // namespace
}  // namespace l10n
