#include "base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace l10n {
namespace {

TEST_CASE("ParallelFor: every index once, results in their slots") {
  for (size_t n : {0u, 1u, 2u, 3u, 1000u, 100000u}) {
    std::vector<int> runs(n, 0);
    std::vector<size_t> out(n, 0);
    ParallelFor(n, [&](size_t i) {
      ++runs[i];  // each slot is written by one index only
      out[i] = i * i;
    });
    for (size_t i = 0; i < n; ++i) {
      REQUIRE(runs[i] == 1);
      REQUIRE(out[i] == i * i);
    }
  }
}

TEST_CASE("ParallelFor: an exception reaches the caller after every thread stopped") {
  std::atomic<int> ran{0};
  CHECK_THROWS_AS(ParallelFor(10000,
                              [&](size_t i) {
                                ++ran;
                                if (i == 17) throw std::runtime_error("seventeen");
                              }),
                  std::runtime_error);
  CHECK(ran.load() >= 1);
}

TEST_CASE("Concurrency: L10N_THREADS when it is a number from 1 to 256") {
  const char* old = std::getenv("L10N_THREADS");
  std::string saved = old ? old : "";
  unsetenv("L10N_THREADS");
  const int hardware = Concurrency();
  CHECK(hardware >= 1);
  setenv("L10N_THREADS", "3", 1);
  CHECK(Concurrency() == 3);
  for (const char* bad : {"0", "-1", "257", "2x", ""}) {
    setenv("L10N_THREADS", bad, 1);
    CHECK(Concurrency() == hardware);
  }
  setenv("L10N_THREADS", "1", 1);
  std::vector<int> out(50, 0);
  ParallelFor(out.size(), [&](size_t i) { out[i] = static_cast<int>(i); });
  std::vector<int> want(50);
  std::iota(want.begin(), want.end(), 0);
  CHECK(out == want);
  if (old) {
    setenv("L10N_THREADS", saved.c_str(), 1);
  } else {
    unsetenv("L10N_THREADS");
  }
}

}  // namespace
}  // namespace l10n
