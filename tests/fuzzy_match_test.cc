// fuzzy_match: gettext's fstrcmp similarity, exact and bit-parallel.
#include "catalog/fuzzy_match.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

namespace l10n {
namespace {

TEST_CASE("similarity is gettext's fstrcmp") {
  struct Case {
    const char* a;
    const char* b;
    double bound;
    double want;  // < 0: below the bound, not computed exactly
    bool approx;  // want is a quotient that floating point rounds
  };
  const Case cases[] = {
      {"", "", 0, 1.0, false},
      {"abc", "", 0, 0.0, false},
      {"close", "close", 0, 1.0, false},
      // "close" vs "c l o s e": 5 common characters of 14.
      {"close", "c l o s e", 0, 10.0 / 14.0, true},
      {"kitten", "sitting", 0, 8.0 / 13.0, true},
      // Below the bound the exact value is not computed.
      {"abcdefgh", "zyxwvuts", 0.6, -1, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    for (double got : {Similarity(c.a, c.b, c.bound), SimilarityBitParallel(c.a, c.b, c.bound)}) {
      if (c.want < 0) {
        CHECK(got < c.bound);
      } else if (c.approx) {
        CHECK(got == doctest::Approx(c.want));
      } else {
        CHECK(got == c.want);
      }
    }
  }
}

TEST_CASE("the bit-parallel LCS gives Myers' edit distance, across word boundaries") {
  // Strings of 1 to 500 bytes (up to eight 64-bit words) over small
  // alphabets, UTF-8 among them; every bound from 0 to 0.9.
  std::mt19937 rng(7);
  const std::string kAlphabets[] = {"ab", "abc ", "etaoin shrdlu", "a\xC3\xA9\xC3\xB1 o"};
  for (int i = 0; i < 3000; ++i) {
    const std::string& alphabet = kAlphabets[i % 4];
    auto text = [&](size_t n) {
      std::string s;
      for (size_t k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
      return s;
    };
    std::string a = text(1 + rng() % 500);
    // Half of the pairs are near copies: a few bytes changed.
    std::string b = text(1 + rng() % 500);
    if (i % 2) {
      b = a;
      for (int e = static_cast<int>(rng() % 12); e > 0; --e) {
        size_t at = rng() % b.size();
        if (rng() % 2)
          b.erase(at, 1);
        else
          b.insert(at, 1, alphabet[rng() % alphabet.size()]);
        if (b.empty()) b = "x";
      }
    }
    double bound = static_cast<double>(rng() % 10) / 10;
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(bound);
    double exact = Similarity(a, b);
    CHECK(SimilarityBitParallel(a, b) == exact);
    double bounded = SimilarityBitParallel(a, b, bound);
    if (exact >= bound) {
      CHECK(bounded == exact);
    } else {
      CHECK(bounded < bound);
    }
  }
}

}  // namespace
}  // namespace l10n
