// Replays the fuzz targets' seeds and every input that once failed
// (tests/fuzz/corpus/<target>/, tests/fuzz/regressions/<target>/) through
// the targets' bodies, so that the regular suite (and its ASan + UBSan run)
// keeps them fixed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
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
      {"segment", fuzz::Segment},        {"po", fuzz::ReadPoFile},
      {"xliff", fuzz::ReadXliffFile},    {"merge", fuzz::MergeCatalog},
      {"format", fuzz::FormatAttributes},
  };
  for (const Target& t : kTargets) {
    size_t inputs = 0;
    for (const char* kind : {"corpus", "regressions"}) {
      std::filesystem::path dir =
          std::filesystem::path(L10N_SOURCE_DIR) / "tests/fuzz" / kind / t.name;
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
