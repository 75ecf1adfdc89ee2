#include "catalog/fuzzy_match.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/varint.h"

namespace l10n {

namespace {

// Byte length of the UTF-8 character starting at s[i] (1 for a stray byte),
// like gettext's character iterator for UTF-8.
size_t CharLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c >= 0x80 && c < 0xC0) n = 1;
  return std::min(n, s.size() - i);
}

// Byte offsets where each character starts, plus s.size().
std::vector<uint32_t> CharStarts(std::string_view s) {
  std::vector<uint32_t> starts;
  for (size_t i = 0; i < s.size(); i += CharLength(s, i))
    starts.push_back(static_cast<uint32_t>(i));
  starts.push_back(static_cast<uint32_t>(s.size()));
  return starts;
}

// Strings with fewer than 4 characters are at most this many bytes, and the
// strings similar enough to them at most kShortMax bytes.
constexpr size_t kShortBytes = 3 * 4;
constexpr size_t kShortMax = static_cast<size_t>(kShortBytes * (2 / kFuzzyThreshold - 1));

std::array<uint8_t, 32> MakeHistogram(std::string_view s) {
  std::array<uint8_t, 32> h{};
  for (unsigned char c : s) {
    uint8_t& bucket = h[c & 31];
    if (bucket < 255) ++bucket;
  }
  return h;
}

int HistogramDistance(const std::array<uint8_t, 32>& a, const std::array<uint8_t, 32>& b) {
  int d = 0;
  for (size_t i = 0; i < 32; ++i) d += std::abs(int{a[i]} - int{b[i]});
  return d;
}

double Bonus(const FuzzyKey& key, std::optional<std::string_view> msgctxt) {
  return (!key.msgctxt || (msgctxt && *msgctxt == *key.msgctxt)) ? 0.00001 : 0.0;
}

// The hash of a 4-gram (4 to 16 bytes): never 0, the empty slot.
uint64_t GramHash(const char* p, size_t n) {
  uint64_t w[2] = {0, 0};
  std::memcpy(w, p, std::min<size_t>(n, sizeof w));
  uint64_t h = w[0] * 0x9E3779B97F4A7C15ULL ^ (w[1] + n) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h | 1;
}

// Calls f(hash) for each run of four characters of s, in order.
template <typename F>
void ForEachGram(std::string_view s, F f) {
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (size_t i = 0; i + 4 <= s.size(); ++i) f(GramHash(s.data() + i, 4));
    return;
  }
  thread_local std::vector<uint32_t> starts;
  starts = CharStarts(s);
  for (size_t i = 0; i + 4 < starts.size(); ++i) {
    f(GramHash(s.data() + starts[i], starts[i + 4] - starts[i]));
  }
}

}  // namespace

bool FuzzyIndex::Postings::Contains(uint32_t j) const {
  const uint8_t* p = data;
  uint32_t value = 0;
  for (uint32_t k = 0; k < count; ++k) {
    value += static_cast<uint32_t>(GetVarint(&p));
    if (value >= j) return value == j;
  }
  return false;
}

template <typename F>
void FuzzyIndex::Postings::ForEach(F f) const {
  const uint8_t* p = data;
  uint32_t value = 0;
  for (uint32_t k = 0; k < count; ++k) {
    value += static_cast<uint32_t>(GetVarint(&p));
    f(value);
  }
}

FuzzyIndex::FuzzyIndex(uint32_t count, std::function<FuzzyKey(uint32_t)> key)
    : count_(count), key_(std::move(key)) {
  short_by_length_.resize(kShortMax + 1);
  lengths_.reserve(count_);
  histograms_.reserve(count_);
  // Two passes over each msgid's 4-grams: count the postings of each gram
  // and their bytes, then fill them. `last` (one more than the last key
  // counted) keeps a key from counting twice and gives the deltas. What a
  // gram needs while building sits in one cache line.
  struct Building {
    uint64_t hash = 0;   // 0: empty
    uint64_t bytes = 0;  // while counting: size; while filling: end
    uint32_t count = 0;
    uint32_t last = 0;
  };
  std::vector<Building> table(4096);
  auto find = [&table](uint64_t hash) {
    size_t mask = table.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      if (table[i].hash == hash || table[i].hash == 0) return i;
    }
  };
  size_t used = 0;
  for (uint32_t j = 0; j < count_; ++j) {
    std::string_view s = key_(j).msgid;
    lengths_.push_back(static_cast<uint32_t>(s.size()));
    histograms_.push_back(MakeHistogram(s));
    if (s.size() <= kShortMax) short_by_length_[s.size()].push_back(j);
    ForEachGram(s, [&](uint64_t hash) {
      size_t i = find(hash);
      if (table[i].hash == 0) {
        if (++used * 4 > table.size() * 3) {
          // Keep the table at most 3/4 full: rebuild it twice as big.
          std::vector<Building> old(table.size() * 2);
          old.swap(table);
          for (const Building& b : old) {
            if (b.hash) table[find(b.hash)] = b;
          }
          i = find(hash);
        }
        table[i].hash = hash;
      } else if (table[i].last == j + 1) {
        return;
      }
      Building& b = table[i];
      b.bytes += VarintSize(j - (b.last ? b.last - 1 : 0));
      b.last = j + 1;
      ++b.count;
    });
  }
  uint64_t offset = 0;
  for (Building& b : table) {
    if (!b.hash) continue;
    uint64_t begin = offset;
    offset += b.bytes;
    b.bytes = begin;
    b.last = 0;
  }
  postings_.resize(offset);
  slots_.resize(table.size());
  for (size_t i = 0; i < table.size(); ++i) {
    slots_[i] = {table[i].hash, static_cast<uint32_t>(table[i].bytes), table[i].count};
  }
  for (uint32_t j = 0; j < count_; ++j) {
    ForEachGram(key_(j).msgid, [&](uint64_t hash) {
      Building& b = table[find(hash)];
      if (b.last == j + 1) return;
      uint8_t* end = PutVarint(postings_.data() + b.bytes, j - (b.last ? b.last - 1 : 0));
      b.bytes = static_cast<uint64_t>(end - postings_.data());
      b.last = j + 1;
    });
  }
}

FuzzyIndex::Postings FuzzyIndex::Find(std::string_view gram) const {
  uint64_t hash = GramHash(gram.data(), gram.size());
  size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash) return {postings_.data() + slot.begin, slot.count};
    if (slot.hash == 0) return {};
  }
}

uint32_t FuzzyIndex::SearchShort(std::optional<std::string_view> msgctxt, std::string_view msgid,
                                 double lower_bound, double* weight) const {
  const double l = static_cast<double>(msgid.size());
  size_t lmin = static_cast<size_t>(std::ceil(l / (2 / kFuzzyThreshold - 1)));
  size_t lmax = std::min(kShortMax, static_cast<size_t>(l * (2 / kFuzzyThreshold - 1)));
  uint32_t best = kNone;
  double best_weight = lower_bound;
  for (size_t len = lmin; len <= lmax; ++len) {
    for (uint32_t j : short_by_length_[len]) {
      const FuzzyKey key = key_(j);
      double bonus = Bonus(key, msgctxt);
      double w = Similarity(msgid, key.msgid, best_weight - bonus * 1.01) + bonus;
      if (w > best_weight) {
        best_weight = w;
        best = j;
      }
    }
  }
  if (weight) *weight = best_weight;
  return best;
}

uint32_t FuzzyIndex::Search(std::optional<std::string_view> msgctxt, std::string_view msgid,
                            double lower_bound, double* weight) const {
  std::vector<uint32_t> starts = CharStarts(msgid);
  const size_t chars = starts.size() - 1;
  if (chars < 4) return SearchShort(msgctxt, msgid, lower_bound, weight);

  // The query's 4-gram positions and their posting lists, rarest first.
  const size_t grams = chars - 3;
  std::vector<Postings> lists;
  lists.reserve(grams);
  for (size_t i = 0; i < grams; ++i) {
    lists.push_back(Find(msgid.substr(starts[i], starts[i + 4] - starts[i])));
  }
  std::vector<Postings> rare = lists;
  std::stable_sort(rare.begin(), rare.end(),
                   [](const Postings& a, const Postings& b) { return a.size() < b.size(); });

  // msgmerge's candidate order: shared positions, more first, then index.
  auto full_count = [&lists](uint32_t j) {
    uint32_t n = 0;
    for (const Postings& list : lists) n += list.Contains(j);
    return n;
  };

  const double len = static_cast<double>(msgid.size());
  const Histogram query_histogram = MakeHistogram(msgid);
  const LcsPattern pattern(msgid);
  uint32_t best = kNone;
  double best_weight = lower_bound;
  auto consider = [&](uint32_t j) {
    if (j == best) return;
    const double other = static_cast<double>(lengths_[j]);
    if (2 * std::min(len, other) / (len + other) + 0.00001 < best_weight) return;
    // ratio = 1 - edits / total must stay above best_weight (less the bonus).
    double max_edits = (1 - best_weight + 0.0001) * (len + other);
    if (HistogramDistance(query_histogram, histograms_[j]) > max_edits) return;
    const FuzzyKey key = key_(j);
    double bonus = Bonus(key, msgctxt);
    double w = SimilarityWith(&pattern, msgid, key.msgid, best_weight - bonus * 1.01) + bonus;
    bool better = w > best_weight;
    if (!better && best != kNone && w == best_weight) {  // a tie: msgmerge keeps its first
      uint32_t a = full_count(j), b = full_count(best);
      better = a > b || (a == b && j < best);
    }
    if (better) {
      best_weight = w;
      best = j;
    }
  };
  // How many positions a candidate must share to beat best_weight: each
  // edit destroys at most four of the query's 4-gram positions.
  auto needed = [&]() {
    double ratio = best_weight - 0.0001;
    double longest = len * (2 / ratio - 1);
    double max_edits = (1 - ratio) * (len + longest);
    return static_cast<double>(grams) - 4 * max_edits;
  };

  thread_local std::vector<uint32_t> counts;
  thread_local std::vector<uint32_t> touched;
  if (counts.size() != count_) counts.assign(count_, 0);
  touched.clear();
  size_t processed = 0;
  auto process = [&](size_t upto) {
    for (; processed < upto && processed < rare.size(); ++processed) {
      rare[processed].ForEach([](uint32_t j) {
        if (counts[j]++ == 0) touched.push_back(j);
      });
    }
  };

  // Seed: the best of the few candidates the rarest positions point to.
  process(std::min<size_t>(grams, 8));
  {
    std::vector<uint32_t> seeds = touched;
    std::sort(seeds.begin(), seeds.end(), [](uint32_t a, uint32_t b) {
      return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
    });
    if (seeds.size() > 8) seeds.resize(8);
    for (uint32_t j : seeds) consider(j);
  }
  double need = needed();
  if (need > 0) {
    // A candidate sharing at least `need` positions shares one of the
    // (grams - need + 1) rarest: no other message can beat best_weight.
    size_t prefix = grams - static_cast<size_t>(std::ceil(need)) + 1;
    process(prefix);
    // Cheap positions beyond the prefix tighten each candidate's count.
    while (processed < grams && rare[processed].size() <= 256) {
      process(processed + 1);
    }
    const double unseen = static_cast<double>(grams - processed);
    double threshold = needed() - unseen;
    double threshold_for = best_weight;
    for (uint32_t j : touched) {
      if (best_weight != threshold_for) {
        threshold = needed() - unseen;
        threshold_for = best_weight;
      }
      if (static_cast<double>(counts[j]) >= threshold) consider(j);
    }
  } else {
    // No good match yet: every message sharing a 4-gram, as msgmerge does,
    // in its order, stopping once the rest share too few.
    process(grams);
    std::vector<Candidate> candidates;
    candidates.reserve(touched.size());
    for (uint32_t j : touched) candidates.push_back({j, counts[j]});
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.count != b.count ? a.count > b.count : a.index < b.index;
    });
    for (const Candidate& c : candidates) {
      if (static_cast<double>(c.count) < needed()) break;
      consider(c.index);
    }
  }
  for (uint32_t j : touched) counts[j] = 0;
  if (weight) *weight = best_weight;
  return best;
}

}  // namespace l10n
