// Prose-like text for the benchmarks' generated catalogs.
#ifndef L10N_BENCH_PROSE_H_
#define L10N_BENCH_PROSE_H_

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace l10n::bench {

// Prose-like text: a vocabulary of 6,000 words made of syllables, drawn
// with Zipf's law (word k about 1/k as often as the first), as words are in
// real posts; a tiny vocabulary would make every 4-gram common.
class Vocabulary {
 public:
  explicit Vocabulary(std::mt19937* rng) : rng_(rng) {
    static const char* kSyllables[] = {"ta", "ne", "ri", "so", "lu", "ma", "ke", "do", "vi",
                                       "pe", "ra", "co", "li", "an", "es", "or", "in", "tu",
                                       "ca", "mo", "se", "gu", "fa", "lo", "ni", "te", "ba"};
    const size_t n = sizeof kSyllables / sizeof *kSyllables;
    double total = 0;
    for (int k = 1; k <= 6000; ++k) {
      std::string w;
      int syllables = 1 + static_cast<int>((*rng)() % 4);
      for (int i = 0; i < syllables; ++i) w += kSyllables[(*rng)() % n];
      words_.push_back(w);
      total += 1.0 / k;
      cumulative_.push_back(total);
    }
  }
  const std::string& Word() {
    double x = std::uniform_real_distribution<double>(0, cumulative_.back())(*rng_);
    size_t k = static_cast<size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) -
                                   cumulative_.begin());
    return words_[std::min(k, words_.size() - 1)];
  }
  std::string Sentence(int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
      if (i) s += ' ';
      s += Word();
    }
    return s + '.';
  }

 private:
  std::mt19937* rng_;
  std::vector<std::string> words_;
  std::vector<double> cumulative_;
};

}  // namespace l10n::bench

#endif  // L10N_BENCH_PROSE_H_
