#include "catalog/similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace l10n {

namespace {

// Minimal number of insertions and deletions turning a into b, or
// max_edits + 1 when it is larger (Myers 1986, the greedy forward search).
int EditDistance(std::string_view a, std::string_view b, int max_edits) {
  // Common prefix and suffix cost nothing.
  size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  a.remove_prefix(p);
  b.remove_prefix(p);
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (n == 0 || m == 0) return n + m;
  if (std::abs(n - m) > max_edits) return max_edits + 1;
  const int limit = std::min(max_edits, n + m);
  thread_local std::vector<int> v;
  v.assign(2 * static_cast<size_t>(limit) + 3, 0);
  const int offset = limit + 1;
  for (int d = 0; d <= limit; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max_edits + 1;
}

// x + y + *carry, the carry out in *carry: one adc instruction on x86-64.
inline uint64_t AddWithCarry(uint64_t x, uint64_t y, unsigned char* carry) {
#if defined(__x86_64__)
  unsigned long long sum;
  *carry = _addcarry_u64(*carry, x, y, &sum);
  return sum;
#else
  uint64_t sum = x + y;
  unsigned char out = sum < x;
  sum += *carry;
  *carry = out | (sum < *carry);
  return sum;
#endif
}

// One row of the LCS table per byte of b: bit i of v is 0 where the row
// steps up at column i, so the zeros below bit n count LCS(a, b[0, j)).
// Carries only go up: the bits above n do not disturb them. `W` is the
// number of words when small (the loops unrolled), 0 for `words`.
template <size_t W>
int LcsRows(const uint64_t* peq, size_t words, int bits, std::string_view b, int at_least) {
  if constexpr (W != 0) words = W;
  uint64_t fixed[W == 0 ? 1 : W];
  thread_local std::vector<uint64_t> dynamic;
  uint64_t* v = fixed;
  if constexpr (W == 0) {
    dynamic.assign(words, 0);
    v = dynamic.data();
  }
  for (size_t w = 0; w < words; ++w) v[w] = ~uint64_t{0};
  // LCS(a[0, k), b[0, j)): the zeros below bit k.
  auto length_below = [&](int k) {
    int ones = 0;
    size_t full = static_cast<size_t>(k) / 64;
    for (size_t w = 0; w < full; ++w) ones += std::popcount(v[w]);
    if (k % 64) ones += std::popcount(v[full] & ((uint64_t{1} << (k % 64)) - 1));
    return k - ones;
  };
  auto length = [&]() { return length_below(bits); };
  const int m = static_cast<int>(b.size());
  for (int j = 0; j < m; ++j) {
    const uint64_t* eq = peq + static_cast<unsigned char>(b[j]) * words;
    unsigned char carry = 0;
    for (size_t w = 0; w < words; ++w) {
      const uint64_t x = v[w];
      v[w] = AddWithCarry(x, x & eq[w], &carry) | (x & ~eq[w]);
    }
    // The r bytes of b still to come add r at most, and only matched
    // against the last r bytes of a can they add all r: the LCS ends below
    // max over i of LCS(a[0, i), b[0, j]) + min(n - i, r), which is at i = n - r.
    if ((j & 31) == 31) {
      const int r = m - 1 - j;
      if ((r < bits ? length_below(bits - r) : 0) + r < at_least) return length();
    }
  }
  return length();
}

// The edits a similarity of at least `lower_bound` allows between strings
// of `total` bytes, plus one: ratio >= lower_bound <=> edits <= (1 -
// lower_bound) * total.
int EditsAllowed(size_t total, double lower_bound) {
  double slack = (1.0 - std::max(0.0, lower_bound)) * static_cast<double>(total);
  return static_cast<int>(std::min<double>(static_cast<double>(total), std::floor(slack) + 1));
}

// The edits between a (the pattern's) and b through their LCS, or
// max_edits + 1 when there are more: edits <= max_edits <=> LCS >= (total
// - max_edits) / 2.
int LcsEdits(const LcsPattern& pattern, std::string_view b, size_t total, int max_edits) {
  int at_least = static_cast<int>((total - static_cast<size_t>(max_edits) + 1) / 2);
  int lcs = pattern.Length(b, at_least);
  return lcs < at_least ? max_edits + 1 : static_cast<int>(total) - 2 * lcs;
}

double Ratio(size_t total, int edits, int max_edits) {
  if (edits > max_edits) return 0.0;
  return static_cast<double>(total - static_cast<size_t>(edits)) / static_cast<double>(total);
}

}  // namespace

LcsPattern::LcsPattern(std::string_view a)
    : words_((a.size() + 63) / 64), bits_(static_cast<int>(a.size())) {
  peq_.assign(256 * words_, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    peq_[static_cast<unsigned char>(a[i]) * words_ + i / 64] |= uint64_t{1} << (i % 64);
  }
}

int LcsPattern::Length(std::string_view b, int at_least) const {
  if (bits_ == 0 || b.empty()) return 0;
  const uint64_t* peq = peq_.data();
  switch (words_) {
    case 1:
      return LcsRows<1>(peq, words_, bits_, b, at_least);
    case 2:
      return LcsRows<2>(peq, words_, bits_, b, at_least);
    case 3:
      return LcsRows<3>(peq, words_, bits_, b, at_least);
    case 4:
      return LcsRows<4>(peq, words_, bits_, b, at_least);
    case 5:
      return LcsRows<5>(peq, words_, bits_, b, at_least);
    case 6:
      return LcsRows<6>(peq, words_, bits_, b, at_least);
    default:
      return LcsRows<0>(peq, words_, bits_, b, at_least);
  }
}

double SimilarityWith(const LcsPattern* pattern, std::string_view a, std::string_view b,
                      double lower_bound) {
  const size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int max_edits = EditsAllowed(total, lower_bound);
  const size_t words = (a.size() + 63) / 64;
  const bool lcs = pattern && static_cast<size_t>(max_edits) * static_cast<size_t>(max_edits) >
                                  b.size() * words * 8;
  return Ratio(total, lcs ? LcsEdits(*pattern, b, total, max_edits) : EditDistance(a, b, max_edits),
               max_edits);
}

double Similarity(std::string_view a, std::string_view b, double lower_bound) {
  return SimilarityWith(nullptr, a, b, lower_bound);
}

double SimilarityBitParallel(std::string_view a, std::string_view b, double lower_bound) {
  const size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int max_edits = EditsAllowed(total, lower_bound);
  return Ratio(total, LcsEdits(LcsPattern(a), b, total, max_edits), max_edits);
}

}  // namespace l10n
