// Fuzzy matching of source strings, with GNU msgmerge's judgement and
// without its cost.
//
// Similarity is gettext's fstrcmp (similarity.h): over bytes, (|a| + |b| -
// edits) / (|a| + |b|), where edits are the insertions and deletions of a
// shortest edit script; a match needs more than 0.6 (FUZZY_THRESHOLD). Candidates are
// found, as in msgmerge, through an index of character 4-grams and tried in
// order of how many 4-grams they share. Unlike msgmerge we stop as soon as
// no remaining candidate can beat the best one: each edit destroys at most
// four 4-grams, so a candidate sharing too few cannot be similar enough, and
// the edit distance is computed only up to the bound that could still win
// (Myers' O(ND) algorithm, stopped at D). Results are msgmerge's (the same
// best weight, ties to the same candidate) at a fraction of the time.
#ifndef L10N_CATALOG_FUZZY_MATCH_H_
#define L10N_CATALOG_FUZZY_MATCH_H_

#include <array>
#include <climits>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/similarity.h"

namespace l10n {

// What a fuzzy match compares: an entry's msgctxt and msgid.
struct FuzzyKey {
  std::optional<std::string_view> msgctxt;
  std::string_view msgid;
};

class FuzzyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Indexes keys 0 to count - 1; key(j) gives key j, and the strings it
  // points to must outlive the index (it asks again while searching, rather
  // than holding a copy). Searches answer with key numbers.
  FuzzyIndex(uint32_t count, std::function<FuzzyKey(uint32_t)> key);

  // The key most similar to msgid (weight = similarity, plus 0.00001 when
  // the candidate has no msgctxt or the same one), if its weight is above
  // `lower_bound`, else kNone; ties go to the candidate sharing more
  // 4-grams, then to the earlier one. `*weight` receives the winner's weight.
  uint32_t Search(std::optional<std::string_view> msgctxt, std::string_view msgid,
                  double lower_bound = kFuzzyThreshold, double* weight = nullptr) const;

 private:
  struct Candidate {
    uint32_t index;
    uint32_t count;
  };
  // A posting list: `count` ascending key positions, as varint deltas.
  struct Postings {
    const uint8_t* data = nullptr;
    uint32_t count = 0;
    size_t size() const { return count; }
    bool Contains(uint32_t j) const;
    template <typename F>
    void ForEach(F f) const;
  };
  uint32_t SearchShort(std::optional<std::string_view> msgctxt, std::string_view msgid,
                       double lower_bound, double* weight) const;
  Postings Find(std::string_view gram) const;

  uint32_t count_;
  std::function<FuzzyKey(uint32_t)> key_;
  std::vector<uint32_t> lengths_;  // msgid bytes, beside each other for the filters
  // Byte counts of each msgid folded into 32 buckets (saturating; lower-case letters apart): every
  // insertion or deletion changes one count by one, so the summed
  // difference of two histograms is a lower bound of their edits.
  using Histogram = std::array<uint8_t, 32>;
  std::vector<Histogram> histograms_;
  // 4-gram -> keys containing it: the grams' 64-bit hashes in an
  // open-addressing table, each with its slice of postings_. Deltas between
  // ascending positions take one byte for common grams, so the index is
  // about a byte per distinct 4-gram of each msgid.
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  std::vector<Slot> slots_;
  std::vector<uint8_t> postings_;
  std::vector<std::vector<uint32_t>> short_by_length_;  // byte length -> keys
};

}  // namespace l10n

#endif  // L10N_CATALOG_FUZZY_MATCH_H_
