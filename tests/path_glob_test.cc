#include "base/path_glob.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "test_util.h"

namespace l10n {
namespace {

std::vector<std::string> Relative(const std::vector<std::string>& paths, const std::string& root) {
  std::vector<std::string> out;
  for (const std::string& p : paths) out.push_back(p.substr(root.size() + 1));
  return out;
}

TEST_CASE("ExpandGlob: * within a segment, ** across folders, hidden names left out") {
  TempDir dir;
  std::string root = dir.path();
  for (const char* f : {"content/a.md", "content/b.html", "content/blog/x/index.md",
                        "content/blog/x/index.es.md", "content/blog/y.md", "content/.git/z.md",
                        "content/.hidden.md", "content/blog/.draft/w.md", "other/c.md"}) {
    std::filesystem::create_directories(std::filesystem::path(root + "/" + f).parent_path());
    Spit(root + "/" + f, "x");
  }
  struct Case {
    std::string pattern;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"content/*.md", {"content/a.md"}},
      {"content/**/*.md",
       {"content/a.md", "content/blog/x/index.es.md", "content/blog/x/index.md",
        "content/blog/y.md"}},
      {"content/**/index.md", {"content/blog/x/index.md"}},
      {"**/a.md", {"content/a.md"}},
      {"content/blog/**",
       {"content/blog/x/index.es.md", "content/blog/x/index.md", "content/blog/y.md"}},
      {"content/*/?.md", {"content/blog/y.md"}},
      {"content/[ab].*", {"content/a.md", "content/b.html"}},
      {"content/.*.md", {"content/.hidden.md"}},
      {"content/a.md", {"content/a.md"}},
      {"content/none.md", {}},
      {"nowhere/**/*.md", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CHECK(Relative(ExpandGlob(root + "/" + c.pattern), root) == c.expected);
  }
}

}  // namespace
}  // namespace l10n
