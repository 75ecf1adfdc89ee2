// gettext's fstrcmp similarity of two strings, the measure of msgmerge's
// fuzzy matches (fuzzy_match.h finds the candidates):
//
//   Similarity(a, b) = (|a| + |b| - edits) / (|a| + |b|)
//
// over bytes, edits being the insertions and deletions of a shortest edit
// script: Myers' O(ND) search stopped at the bound that could still win, or
// the bit-parallel LCS (LcsPattern) when many edits are allowed.
#ifndef L10N_CATALOG_SIMILARITY_H_
#define L10N_CATALOG_SIMILARITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace l10n {

inline constexpr double kFuzzyThreshold = 0.6;  // msgmerge's FUZZY_THRESHOLD

// fstrcmp(a, b); when the result would be below `lower_bound`, any value
// below it (the computation stops early).
double Similarity(std::string_view a, std::string_view b, double lower_bound = 0.0);

// The same computed with the bit-parallel LCS below, whatever the bound;
// for the tests, which compare the two ways.
double SimilarityBitParallel(std::string_view a, std::string_view b, double lower_bound = 0.0);

// Longest common subsequences of one string `a` with many others, 64
// columns of the table per machine word (Allison and Dix 1986; Hyyrö 2004):
// m * ceil(n / 64) word steps for a string of m bytes, however different.
class LcsPattern {
 public:
  explicit LcsPattern(std::string_view a);
  // LCS(a, b) in bytes; when it is below `at_least`, possibly a smaller
  // value still below it (the computation stops once it cannot get there).
  int Length(std::string_view b, int at_least = 0) const;

 private:
  size_t words_;
  int bits_;
  std::vector<uint64_t> peq_;  // byte value -> the bits of a that hold it
};

// Similarity(a, b, lower_bound), with `pattern` made of a when not null:
// the shortest edit script has n + m - 2 LCS(a, b) edits. Myers' search
// costs about (n + m) D, the bit-parallel LCS m n / 64 whatever D, so the
// first is taken when the edits allowed are few (a close match to beat),
// the second when they are many (nothing close found yet).
double SimilarityWith(const LcsPattern* pattern, std::string_view a, std::string_view b,
                      double lower_bound);

}  // namespace l10n

#endif  // L10N_CATALOG_SIMILARITY_H_
