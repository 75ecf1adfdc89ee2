// Fuzzy matching of source strings, with GNU msgmerge's judgement and
// without its cost.
//
// Similarity is gettext's fstrcmp: over bytes, (|a| + |b| - edits) /
// (|a| + |b|), where edits are the insertions and deletions of a shortest
// edit script; a match needs more than 0.6 (FUZZY_THRESHOLD). Candidates are
// found, as in msgmerge, through an index of character 4-grams and tried in
// order of how many 4-grams they share. Unlike msgmerge we stop as soon as
// no remaining candidate can beat the best one: each edit destroys at most
// four 4-grams, so a candidate sharing too few cannot be similar enough, and
// the edit distance is computed only up to the bound that could still win
// (Myers' O(ND) algorithm, stopped at D). Results are msgmerge's (the same
// best weight, ties to the same candidate) at a fraction of the time.
#ifndef L10N_FUZZY_MATCH_H_
#define L10N_FUZZY_MATCH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"

namespace l10n {

inline constexpr double kFuzzyThreshold = 0.6;

// fstrcmp(a, b); when the result would be below `lower_bound`, any value
// below it (the computation stops early).
double Similarity(std::string_view a, std::string_view b, double lower_bound = 0.0);

class FuzzyIndex {
 public:
  // Indexes the messages with a non-empty first msgstr. The messages must
  // outlive the index and keep their msgid.
  explicit FuzzyIndex(std::vector<const Message*> messages);

  // The message most similar to msgid (weight = similarity, plus 0.00001 when
  // the candidate has no msgctxt or the same one), if its weight is above
  // `lower_bound`; ties go to the candidate sharing more 4-grams, then to
  // the earlier one. `*weight` receives the winner's weight.
  const Message* Search(const std::optional<std::string>& msgctxt, std::string_view msgid,
                        double lower_bound = kFuzzyThreshold, double* weight = nullptr) const;

 private:
  struct Candidate {
    uint32_t index;
    uint32_t count;
  };
  const Message* SearchShort(const std::optional<std::string>& msgctxt, std::string_view msgid,
                             double lower_bound, double* weight) const;

  std::vector<const Message*> messages_;
  std::vector<uint32_t> lengths_;  // msgid bytes, beside each other for the filters
  // Byte counts of each msgid folded into 64 buckets (saturating): every
  // insertion or deletion changes one count by one, so the summed
  // difference of two histograms is a lower bound of their edits.
  using Histogram = std::array<uint8_t, 64>;
  std::vector<Histogram> histograms_;
  // 4-gram -> messages containing it, as one array: the grams' 64-bit hashes
  // in an open-addressing table, each with a slice of postings_.
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t last = 0;  // while building: 1 + the last message counted
  };
  struct Postings {
    const uint32_t* begin = nullptr;
    const uint32_t* end = nullptr;
    size_t size() const { return static_cast<size_t>(end - begin); }
  };
  Postings Find(std::string_view gram) const;
  std::vector<Slot> slots_;
  std::vector<uint32_t> postings_;
  std::vector<std::vector<uint32_t>> short_by_length_;  // byte length -> messages
};

}  // namespace l10n

#endif  // L10N_FUZZY_MATCH_H_
