// The progress of long runs: ProgressCounter from many threads, the steps
// LoadPosts, RunMerge and ImportPosts tell a Progress, and the tools' line
// on a terminal (a pty from util-linux's `script`) and nowhere else.
#include "base/progress.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "project/config.h"
#include "project/import_posts.h"
#include "project/project.h"
#include "test_util.h"

namespace l10n {
namespace {

// Every step told, by stage, in the order they came.
class FakeProgress : public Progress {
 public:
  void Step(ProgressStage stage, size_t done, size_t total) override {
    std::lock_guard<std::mutex> lock(mutex_);
    steps[stage].push_back(done);
    totals[stage].insert(total);
  }
  // 1..n, each once, whatever the order.
  bool CountedTo(ProgressStage stage, size_t n) {
    std::multiset<size_t> got(steps[stage].begin(), steps[stage].end()), want;
    for (size_t i = 1; i <= n; ++i) want.insert(i);
    return got == want && totals[stage] == std::set<size_t>{n};
  }
  std::map<ProgressStage, std::vector<size_t>> steps;
  std::map<ProgressStage, std::set<size_t>> totals;

 private:
  std::mutex mutex_;
};

TEST_CASE("ProgressCounter tells each item done once, from every thread") {
  for (size_t n : {0, 1, 7, 5000}) {
    CAPTURE(n);
    FakeProgress fake;
    ProgressCounter counter(&fake, ProgressStage::kPagesMerged, n);
    ParallelFor(n, [&](size_t) { counter.Done(); });
    CHECK(fake.steps.size() == (n > 0 ? 1u : 0u));
    CHECK(fake.steps[ProgressStage::kPagesMerged].size() == n);
    if (n > 0) CHECK(fake.CountedTo(ProgressStage::kPagesMerged, n));
  }
  ProgressCounter none(nullptr, ProgressStage::kPostsRead, 3);
  none.Done();  // nothing to tell
}

const char kPost[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Post {}</title></head><body>"
    "<p>The first paragraph of post {}.</p><p>And its second one.</p></body></html>\n";

const char kTranslation[] =
    "<!DOCTYPE html><html lang=\"es\"><head><title>Entrada {}</title></head><body>"
    "<p>El primer párrafo de la entrada {}.</p><p>Y el segundo.</p></body></html>\n";

std::string Numbered(const char* pattern, int i) {
  std::string s = pattern;
  for (size_t pos; (pos = s.find("{}")) != std::string::npos;) {
    s.replace(pos, 2, std::to_string(i));
  }
  return s;
}

// A project of `n` English posts, each with its Spanish translation in
// old/es/, extracted.
struct Project {
  TempDir dir;
  Config config;
  explicit Project(int n) {
    std::filesystem::create_directories(dir / "posts");
    std::filesystem::create_directories(dir / "old/es");
    Spit(dir / "l10n.toml",
         "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n"
         "[merge]\nkeep = 0\n");
    for (int i = 0; i < n; ++i) {
      Spit(dir / ("posts/p" + std::to_string(i) + ".html"), Numbered(kPost, i));
      Spit(dir / ("old/es/p" + std::to_string(i) + ".html"), Numbered(kTranslation, i));
    }
    REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
    DiagnosticSink sink;
    REQUIRE(ParseConfig(Slurp(dir / "l10n.toml"), dir / "l10n.toml", &config, &sink));
  }
};

TEST_CASE("LoadPosts, RunMerge and ImportPosts tell one step per post or page done") {
  Project p(40);
  FakeProgress fake;
  p.config.progress = &fake;
  DiagnosticSink sink;
  std::vector<Post> posts;
  REQUIRE(LoadPosts(p.config, &posts, &sink));
  CHECK(fake.CountedTo(ProgressStage::kPostsRead, 40));
  CHECK(fake.steps.size() == 1);

  fake.steps.clear();
  fake.totals.clear();
  RunReport report;
  REQUIRE(RunMerge(p.config, &sink, &report));
  CHECK(fake.CountedTo(ProgressStage::kPostsRead, 40));
  // Each post in each language: its own page copied, its translation.
  CHECK(fake.CountedTo(ProgressStage::kPagesMerged, 80));
  CHECK(fake.steps.size() == 2);

  fake.steps.clear();
  fake.totals.clear();
  ImportOptions options;
  options.from_dir = p.dir / "old/es";
  ImportReport imported;
  REQUIRE(ImportPosts(p.config, options, &sink, &imported));
  CHECK(fake.CountedTo(ProgressStage::kPostsRead, 40));
  CHECK(fake.CountedTo(ProgressStage::kPostsAligned, 40));
  CHECK(fake.steps.size() == 2);
}

bool HaveScript() { return Run("command -v script").exit_code == 0; }

// `command` run on a pty (stdin, stdout and stderr), all it wrote.
testing::CommandResult OnTerminal(const std::string& command, const std::string& dir) {
  return Run("script -qec '" + command + "' /dev/null </dev/null", dir);
}

TEST_CASE("the tools show progress on a terminal only, erased at the end, never with --quiet") {
  if (!HaveScript()) L10N_SKIP_TEST("no script (util-linux) to give the tools a terminal");
  Project p(5);
  const std::string env = "LANGUAGE=en LC_ALL=C.UTF-8 L10N_PROGRESS_DELAY=0 ";
  const std::string read = "\rposts read 5/5";
  struct Case {
    std::string tool;
    std::string last;  // the last line before it is erased
  };
  for (const Case& c :
       {Case{"l10n-extract --no-cache", read}, Case{"l10n-check --allow-untranslated", read},
        Case{"l10n-merge --no-cache", "\rpages merged 10/10"},
        Case{"l10n-import --from old/es", "\rposts aligned 5/5"}}) {
    CAPTURE(c.tool);
    testing::CommandResult r = OnTerminal(env + Tool(c.tool), p.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(read) != std::string::npos);
    size_t last = r.out.find(c.last);
    REQUIRE(last != std::string::npos);
    std::string tail = r.out.substr(last + c.last.size());
    CHECK(tail.substr(0, 1) == "\r");  // erased, then the report
    // Erased: as many spaces as its longest form, between \r.
    CHECK(r.out.find("\r" + std::string(c.last.size() - 1, ' ') + "\r") != std::string::npos);

    // --quiet, or stderr not a terminal: nothing.
    r = OnTerminal(env + Tool(c.tool) + " --quiet", p.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\r") == std::string::npos);
    r = OnTerminal(env + Tool(c.tool) + " 2>err.txt", p.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(Slurp(p.dir / "err.txt").find("\r") == std::string::npos);
    r = Run(env + Tool(c.tool), p.dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("\r") == std::string::npos);
  }
  // A run shorter than the delay shows nothing.
  testing::CommandResult r = OnTerminal(
      "LANGUAGE=en L10N_PROGRESS_DELAY=30 " + Tool("l10n-extract") + " --no-cache", p.dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("posts read") == std::string::npos);
}

}  // namespace
}  // namespace l10n
