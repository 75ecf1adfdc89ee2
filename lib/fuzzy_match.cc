#include "fuzzy_match.h"

#include <algorithm>
#include <cmath>

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
  for (size_t i = 0; i < s.size(); i += CharLength(s, i)) starts.push_back(static_cast<uint32_t>(i));
  starts.push_back(static_cast<uint32_t>(s.size()));
  return starts;
}

// Strings with fewer than 4 characters are at most this many bytes, and the
// strings similar enough to them at most kShortMax bytes.
constexpr size_t kShortBytes = 3 * 4;
constexpr size_t kShortMax = static_cast<size_t>(kShortBytes * (2 / kFuzzyThreshold - 1));

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

std::array<uint8_t, 64> MakeHistogram(std::string_view s) {
  std::array<uint8_t, 64> h{};
  for (unsigned char c : s) {
    uint8_t& bucket = h[c & 63];
    if (bucket < 255) ++bucket;
  }
  return h;
}

int HistogramDistance(const std::array<uint8_t, 64>& a, const std::array<uint8_t, 64>& b) {
  int d = 0;
  for (size_t i = 0; i < 64; ++i) d += std::abs(int{a[i]} - int{b[i]});
  return d;
}

double Bonus(const Message& m, const std::optional<std::string>& msgctxt) {
  return (!m.msgctxt || (msgctxt && *msgctxt == *m.msgctxt)) ? 0.00001 : 0.0;
}

}  // namespace

double Similarity(std::string_view a, std::string_view b, double lower_bound) {
  const size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  // ratio >= lower_bound  <=>  edits <= (1 - lower_bound) * total
  double slack = (1.0 - std::max(0.0, lower_bound)) * static_cast<double>(total);
  int max_edits = static_cast<int>(std::min<double>(static_cast<double>(total), std::floor(slack) + 1));
  int edits = EditDistance(a, b, max_edits);
  if (edits > max_edits) return 0.0;
  return static_cast<double>(total - static_cast<size_t>(edits)) / static_cast<double>(total);
}

// Calls f(gram) for each run of four characters of s, in order.
template <typename F>
void ForEachGram(std::string_view s, F f) {
  size_t at[5];
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += CharLength(s, i)) {
    if (n < 5) {
      at[n++] = i;
    } else {
      for (int k = 0; k < 4; ++k) at[k] = at[k + 1];
      at[4] = i;
    }
    if (n == 5) f(s.substr(at[0], at[4] - at[0]));
  }
  if (n == 5) {
    f(s.substr(at[1], s.size() - at[1]));
  } else if (n == 4) {
    f(s.substr(at[0], s.size() - at[0]));
  }
}

uint64_t GramHash(std::string_view gram) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : gram) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h | 1;  // never 0, the empty slot
}

FuzzyIndex::FuzzyIndex(std::vector<const Message*> messages) {
  for (const Message* m : messages) {
    if (!m->msgstr.empty() && !m->msgstr[0].empty()) messages_.push_back(m);
  }
  short_by_length_.resize(kShortMax + 1);
  lengths_.reserve(messages_.size());
  histograms_.reserve(messages_.size());
  // Two passes over each message's 4-grams: count the postings of each
  // gram, then fill them; `last` keeps a message from counting twice.
  slots_.assign(1024, Slot());
  auto slot_of = [this](uint64_t hash) -> Slot& {
    size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      if (slots_[i].hash == hash || slots_[i].hash == 0) return slots_[i];
    }
  };
  size_t used = 0;
  for (uint32_t j = 0; j < messages_.size(); ++j) {
    std::string_view s = messages_[j]->msgid;
    lengths_.push_back(static_cast<uint32_t>(s.size()));
    histograms_.push_back(MakeHistogram(s));
    if (s.size() <= kShortMax) short_by_length_[s.size()].push_back(j);
    ForEachGram(s, [&](std::string_view gram) {
      uint64_t hash = GramHash(gram);
      if (slot_of(hash).hash == 0 && ++used * 4 > slots_.size() * 3) {
        // Keep the table at most 3/4 full: rebuild it twice as big.
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.size() * 2, Slot());
        for (const Slot& o : old) {
          if (o.hash) slot_of(o.hash) = o;
        }
      }
      Slot& slot = slot_of(hash);
      if (slot.hash == 0) {
        slot.hash = hash;
      } else if (slot.last == j + 1) {
        return;
      }
      slot.last = j + 1;
      ++slot.end;
    });
  }
  uint32_t offset = 0;
  for (Slot& slot : slots_) {
    if (!slot.hash) continue;
    slot.begin = offset;
    offset += slot.end;
    slot.end = slot.begin;
    slot.last = 0;
  }
  postings_.resize(offset);
  for (uint32_t j = 0; j < messages_.size(); ++j) {
    ForEachGram(messages_[j]->msgid, [&](std::string_view gram) {
      Slot& slot = slot_of(GramHash(gram));
      if (slot.last == j + 1) return;
      slot.last = j + 1;
      postings_[slot.end++] = j;
    });
  }
}

FuzzyIndex::Postings FuzzyIndex::Find(std::string_view gram) const {
  uint64_t hash = GramHash(gram);
  size_t mask = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash) return {postings_.data() + slot.begin, postings_.data() + slot.end};
    if (slot.hash == 0) return {};
  }
}

const Message* FuzzyIndex::SearchShort(const std::optional<std::string>& msgctxt,
                                       std::string_view msgid, double lower_bound,
                                       double* weight) const {
  const double l = static_cast<double>(msgid.size());
  size_t lmin = static_cast<size_t>(std::ceil(l / (2 / kFuzzyThreshold - 1)));
  size_t lmax = std::min(kShortMax, static_cast<size_t>(l * (2 / kFuzzyThreshold - 1)));
  const Message* best = nullptr;
  double best_weight = lower_bound;
  for (size_t len = lmin; len <= lmax; ++len) {
    for (uint32_t j : short_by_length_[len]) {
      const Message& m = *messages_[j];
      double bonus = Bonus(m, msgctxt);
      double w = Similarity(msgid, m.msgid, best_weight - bonus * 1.01) + bonus;
      if (w > best_weight) {
        best_weight = w;
        best = &m;
      }
    }
  }
  if (weight) *weight = best_weight;
  return best;
}

const Message* FuzzyIndex::Search(const std::optional<std::string>& msgctxt,
                                  std::string_view msgid, double lower_bound,
                                  double* weight) const {
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
    for (const Postings& list : lists) {
      if (std::binary_search(list.begin, list.end, j)) ++n;
    }
    return n;
  };

  const double len = static_cast<double>(msgid.size());
  const Histogram query_histogram = MakeHistogram(msgid);
  const Message* best = nullptr;
  uint32_t best_index = 0;
  double best_weight = lower_bound;
  auto consider = [&](uint32_t j) {
    const double other = static_cast<double>(lengths_[j]);
    if (2 * std::min(len, other) / (len + other) + 0.00001 < best_weight) return;
    // ratio = 1 - edits / total must stay above best_weight (less the bonus).
    double max_edits = (1 - best_weight + 0.0001) * (len + other);
    if (HistogramDistance(query_histogram, histograms_[j]) > max_edits) return;
    const Message& m = *messages_[j];
    double bonus = Bonus(m, msgctxt);
    double w = Similarity(msgid, m.msgid, best_weight - bonus * 1.01) + bonus;
    bool better = w > best_weight;
    if (!better && best && w == best_weight) {  // a tie: msgmerge keeps its first
      uint32_t a = full_count(j), b = full_count(best_index);
      better = a > b || (a == b && j < best_index);
    }
    if (better) {
      best_weight = w;
      best = &m;
      best_index = j;
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
  if (counts.size() != messages_.size()) counts.assign(messages_.size(), 0);
  touched.clear();
  size_t processed = 0;
  auto process = [&](size_t upto) {
    for (; processed < upto && processed < rare.size(); ++processed) {
      for (const uint32_t* p = rare[processed].begin; p != rare[processed].end; ++p) {
        if (counts[*p]++ == 0) touched.push_back(*p);
      }
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
