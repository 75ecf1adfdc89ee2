// Replays the fuzz targets' seeds and every input that once failed
// (tests/fuzz/corpus/<target>/, the folders tests/fuzz/seeds.txt names,
// tests/fuzz/regressions/<target>/) through the targets' bodies, so that the regular suite (and its
// ASan + UBSan run) keeps them fixed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"
#include "test_util.h"

namespace l10n {
namespace {

struct Target {
  const char* name;
  std::function<void(std::string_view)> run;
};

TEST_CASE("fuzz seeds and regressions pass the fuzz targets' checks") {
  const Target kTargets[] = {
      {"segment", fuzz::Segment},         {"po", fuzz::ReadPoFile},
      {"xliff", fuzz::ReadXliffFile},     {"merge", fuzz::MergeCatalog},
      {"format", fuzz::FormatAttributes}, {"publish", fuzz::Publish},
      {"markdown", fuzz::Markdown},       {"cache", fuzz::SegmentCache},
  };
  const std::filesystem::path root = L10N_SOURCE_DIR;
  // tests/fuzz/seeds.txt: "target folder" lines.
  std::vector<std::pair<std::string, std::string>> seeds;
  std::istringstream lines(testing::Slurp((root / "tests/fuzz/seeds.txt").string()));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find(' ');
    seeds.emplace_back(line.substr(0, space), line.substr(space + 1));
  }
  for (const Target& t : kTargets) {
    size_t inputs = 0;
    std::vector<std::filesystem::path> dirs = {root / "tests/fuzz/corpus" / t.name,
                                               root / "tests/fuzz/regressions" / t.name};
    for (const auto& [target, folder] : seeds) {
      if (target == t.name) dirs.push_back(root / folder);
    }
    for (const std::filesystem::path& dir : dirs) {
      if (!std::filesystem::exists(dir)) continue;
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const std::filesystem::path& file : files) {
        CAPTURE(file.string());
        t.run(testing::Slurp(file.string()));
        ++inputs;
      }
    }
    CAPTURE(t.name);
    CHECK(inputs > 0);
  }
}

}  // namespace
}  // namespace l10n
