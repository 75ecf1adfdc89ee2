#include "align/align.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <unordered_map>

#include "align/align_features.h"
#include "align/placeholder_map.h"

namespace l10n {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Gale and Church's priors of the moves.
constexpr double kPrior11 = 0.89;
constexpr double kPrior10 = 0.0099;
constexpr double kPrior21 = 0.089 / 2;

struct Move {
  int ds, dt;
  double prior;
};
constexpr Move kMoves[] = {
    {1, 1, kPrior11}, {1, 0, kPrior10}, {0, 1, kPrior10}, {2, 1, kPrior21}, {1, 2, kPrior21}};

bool IsReorderable(UnitKind k) {
  return k == UnitKind::kListItem || k == UnitKind::kTableCell || k == UnitKind::kTerm ||
         k == UnitKind::kDefinition || k == UnitKind::kTableHeader;
}

// -log P(delta | 1-1) of Gale and Church's length model as a function of
// |delta|: -log(2 (1 - Phi(x))) = -log erfc(x / sqrt 2), tabulated at
// steps of 1/64 up to where erfc reaches 1e-12 (the floor the cost keeps),
// read by linear interpolation (within 1e-4 of the exact value).
class LengthTable {
 public:
  LengthTable() {
    for (int k = 0; k < kSize; ++k) table_[k] = Exact(k / kSteps);
  }
  double operator()(double x) const {
    double at = x * kSteps;
    if (!(at < kSize - 1)) return kFloor;
    int k = static_cast<int>(at);
    double f = at - k;
    return table_[k] + (table_[k + 1] - table_[k]) * f;
  }

 private:
  static constexpr double kSteps = 64;
  static constexpr int kSize = 8 * 64;  // |delta| up to 8 (erfc(8 / sqrt 2) < 1e-15)
  static constexpr double kFloor = 27.631021115928547;  // -log(1e-12)
  static double Exact(double x) {
    return -std::log(std::max(std::erfc(x / std::sqrt(2.0)), 1e-12));
  }
  double table_[kSize];
};

class Scorer {
 public:
  Scorer(const AlignSide& source, const AlignSide& translation, const AlignOptions& options)
      : source_(source), translation_(translation), options_(options) {
    s_.reserve(source.units->size());
    t_.reserve(translation.units->size());
    for (const Unit& u : *source.units) s_.push_back(FeaturesOf(u, source.bytes));
    for (const Unit& u : *translation.units) t_.push_back(FeaturesOf(u, translation.bytes));
    for (const UnitFeatures& f : s_) s_weight_.push_back(TotalWeight(f.keys));
    for (const UnitFeatures& f : t_) t_weight_.push_back(TotalWeight(f.keys));
  }

  int source_size() const { return static_cast<int>(s_.size()); }
  int translation_size() const { return static_cast<int>(t_.size()); }
  UnitKind source_kind(int i) const { return s_[i].kind; }
  UnitKind translation_kind(int j) const { return t_[j].kind; }

  // The cost of pairing source [sb, sb+sc) with translation [tb, tb+tc);
  // infinite outside the sequences.
  double Cost(int sb, int sc, int tb, int tc, double prior) const {
    if (sb < 0 || tb < 0 || sb + sc > source_size() || tb + tc > translation_size()) return kInf;
    bool pair = sc > 0 && tc > 0;
    if (!pair) {
      // A unit left over has no length to compare with: its cost is the
      // move's alone (Gale and Church's delta would grow with its length)
      // and its keys', which nothing shares.
      double weight = 0;
      for (int k = 0; k < sc; ++k) weight += s_weight_[sb + k];
      for (int k = 0; k < tc; ++k) weight += t_weight_[tb + k];
      return -std::log(prior) + 0.5 * weight;
    }
    double l1 = 0, l2 = 0;
    for (int k = 0; k < sc; ++k) l1 += s_[sb + k].length;
    for (int k = 0; k < tc; ++k) l2 += t_[tb + k].length;
    double cost = -std::log(prior) + LengthCost(l1, l2);
    // Sorted and unique, without allocating: a unit's own lists, or the
    // union of two in a buffer kept for the next call.
    const Keys& a = Gather(&UnitFeatures::keys, s_, sb, sc, &keys_[0]);
    const Keys& b = Gather(&UnitFeatures::keys, t_, tb, tc, &keys_[1]);
    double shared = 0, different = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i] < b[j]) {
        different += Weight(a[i++]);
      } else if (b[j] < a[i]) {
        different += Weight(b[j++]);
      } else {
        shared += Weight(a[i]);
        ++i, ++j;
      }
    }
    for (; i < a.size(); ++i) different += Weight(a[i]);
    for (; j < b.size(); ++j) different += Weight(b[j]);
    cost += 1.5 * different - 2.0 * shared;
    for (int k = 0; k < sc; ++k) {
      for (int m = 0; m < tc; ++m) {
        if (s_[sb + k].kind != t_[tb + m].kind) cost += 4.0;
      }
    }
    cost -= 3.0 * Dice(Gather(&UnitFeatures::stems, s_, sb, sc, &stems_[0]),
                       Gather(&UnitFeatures::stems, t_, tb, tc, &stems_[1]));
    if (options_.lexicon != nullptr && sc == 1 && tc == 1) {
      auto it = options_.lexicon->find((*source_.units)[sb].text);
      if (it != options_.lexicon->end() && it->second == (*translation_.units)[tb].text) {
        cost -= 6.0;
      }
    }
    return cost;
  }

 private:
  using Keys = std::vector<uint64_t>;
  using Stems = std::vector<uint32_t>;

  static double Weight(uint64_t key) { return IsNameKey(key) ? 0.5 : 1.0; }
  static double TotalWeight(const Keys& keys) {
    double w = 0;
    for (uint64_t k : keys) w += Weight(k);
    return w;
  }

  // The sorted union of the lists of units [b, b + c) (c at most 2).
  template <typename List>
  static const List& Gather(List UnitFeatures::*list, const std::vector<UnitFeatures>& f, int b,
                            int c, List* buffer) {
    static const List kEmpty;
    if (c == 0) return kEmpty;
    if (c == 1) return f[b].*list;
    const List& x = f[b].*list;
    const List& y = f[b + 1].*list;
    buffer->clear();
    std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(*buffer));
    return *buffer;
  }

  // Dice's coefficient of two sorted lists of stems.
  static double Dice(const Stems& a, const Stems& b) {
    if (a.empty() || b.empty()) return 0;
    size_t shared = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i] < b[j]) {
        ++i;
      } else if (b[j] < a[i]) {
        ++j;
      } else {
        ++shared, ++i, ++j;
      }
    }
    return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
  }

  // -log P(delta | move), Gale and Church's length model.
  double LengthCost(double l1, double l2) const {
    static const LengthTable kTable;
    double mean = (l1 + l2 / options_.c) / 2;  // as their program does
    if (mean <= 0) return 0;
    double delta = (l2 - l1 * options_.c) / std::sqrt(mean * options_.s2);
    return kTable(std::abs(delta));
  }

  const AlignSide& source_;
  const AlignSide& translation_;
  const AlignOptions& options_;
  std::vector<UnitFeatures> s_, t_;
  std::vector<double> s_weight_, t_weight_;  // the total weight of each unit's keys
  mutable Keys keys_[2];                     // Gather's buffers, one for each side of a call
  mutable Stems stems_[2];
};

double Logistic(double x) { return 1 / (1 + std::exp(-x)); }

// The confidence of a pair: how much cheaper it is than the best other
// reading of the same units (a neighbour paired instead, or the units left
// over), through a logistic.
double Confidence(const Scorer& sc, const AlignedPair& p) {
  int i = p.source_begin, j = p.translation_begin, ns = p.source_count, nt = p.translation_count;
  if (ns == 0 || nt == 0) return 0;
  Move self{ns, nt, ns == 1 && nt == 1 ? kPrior11 : kPrior21};
  double cost = sc.Cost(i, ns, j, nt, self.prior);
  double alt = kInf;
  // Each unit left over.
  double left = 0;
  for (int k = 0; k < ns; ++k) left += sc.Cost(i + k, 1, j, 0, kPrior10);
  for (int k = 0; k < nt; ++k) left += sc.Cost(i, 0, j + k, 1, kPrior10);
  alt = std::min(alt, left);
  // A neighbour in its place, on either side.
  for (int d : {-1, 1}) {
    alt = std::min(alt, sc.Cost(i + d, 1, j, 1, kPrior11));
    alt = std::min(alt, sc.Cost(i, 1, j + d, 1, kPrior11));
  }
  // Another grouping.
  if (ns == 1 && nt == 1) {
    alt = std::min({alt, sc.Cost(i, 2, j, 1, kPrior21), sc.Cost(i - 1, 2, j, 1, kPrior21),
                    sc.Cost(i, 1, j, 2, kPrior21), sc.Cost(i, 1, j - 1, 2, kPrior21)});
  } else if (ns == 2) {  // 2-1: one of the two paired, the other left over
    alt = std::min({alt, sc.Cost(i, 1, j, 1, kPrior11) + sc.Cost(i + 1, 1, j, 0, kPrior10),
                    sc.Cost(i + 1, 1, j, 1, kPrior11) + sc.Cost(i, 1, j, 0, kPrior10)});
  } else {  // 1-2
    alt = std::min({alt, sc.Cost(i, 1, j, 1, kPrior11) + sc.Cost(i, 0, j + 1, 1, kPrior10),
                    sc.Cost(i, 1, j + 1, 1, kPrior11) + sc.Cost(i, 0, j, 1, kPrior10)});
  }
  double margin = alt - cost;
  return std::clamp(Logistic(margin - 2.0), 0.0, 1.0);
}

// Runs of 1-1 pairs and left-overs of list items or table cells: two pairs
// exchange their translated items, and a left-over source item takes a
// left-over translated one, when that is cheaper by a clear margin than
// the order the search found.
void Reorder(const Scorer& sc, std::vector<AlignedPair>* pairs) {
  constexpr double kMargin = 2.0;
  auto in_run = [&](const AlignedPair& p) {
    if (p.source_count > 1 || p.translation_count > 1) return false;
    if (p.source_count == 1 && !IsReorderable(sc.source_kind(p.source_begin))) return false;
    if (p.translation_count == 1 && !IsReorderable(sc.translation_kind(p.translation_begin))) {
      return false;
    }
    return true;
  };
  auto cost = [&](const AlignedPair& p) {
    return sc.Cost(p.source_begin, p.source_count, p.translation_begin, p.translation_count,
                   p.source_count == 1 && p.translation_count == 1 ? kPrior11 : kPrior10);
  };
  size_t n = pairs->size();
  size_t b = 0;
  while (b < n) {
    if (!in_run((*pairs)[b])) {
      ++b;
      continue;
    }
    size_t e = b;
    while (e < n && e - b < 64 && in_run((*pairs)[e])) ++e;
    bool changed = true;
    for (int round = 0; changed && round < 64; ++round) {
      changed = false;
      for (size_t x = b; x < e; ++x) {
        for (size_t y = x + 1; y < e; ++y) {
          AlignedPair& p = (*pairs)[x];
          AlignedPair& q = (*pairs)[y];
          if (p.source_count == 1 && q.source_count == 1 && p.translation_count == 1 &&
              q.translation_count == 1) {
            double now = cost(p) + cost(q);
            double swapped = sc.Cost(p.source_begin, 1, q.translation_begin, 1, kPrior11) +
                             sc.Cost(q.source_begin, 1, p.translation_begin, 1, kPrior11);
            if (swapped + kMargin < now) {
              std::swap(p.translation_begin, q.translation_begin);
              p.reordered = q.reordered = true;
              changed = true;
            }
          } else if ((p.source_count == 1 && p.translation_count == 0 && q.source_count == 0 &&
                      q.translation_count == 1) ||
                     (p.source_count == 0 && p.translation_count == 1 && q.source_count == 1 &&
                      q.translation_count == 0)) {
            // A source item left over and a translated one: paired in the
            // place of the source's.
            AlignedPair& s = p.source_count == 1 ? p : q;
            AlignedPair& t = p.source_count == 1 ? q : p;
            double paired = sc.Cost(s.source_begin, 1, t.translation_begin, 1, kPrior11);
            if (paired + kMargin < cost(s) + cost(t)) {
              s.translation_begin = t.translation_begin;
              s.translation_count = 1;
              s.reordered = true;
              t.translation_count = 0;  // emptied: removed below
              changed = true;
            }
          }
        }
      }
    }
    b = e;
  }
  pairs->erase(std::remove_if(pairs->begin(), pairs->end(),
                              [](const AlignedPair& p) {
                                return p.source_count == 0 && p.translation_count == 0;
                              }),
               pairs->end());
}

// Gale and Church's search in a band of half-width w around the diagonal:
// the pairs of the best path, in source order, into `pairs`. Returns
// false when that path comes within a unit of a band edge that is not the
// matrix's own (or finds no path): a wider band may hold a cheaper one.
bool SearchBand(const Scorer& sc, int w, std::vector<AlignedPair>* pairs) {
  const int n = sc.source_size(), m = sc.translation_size();
  const int width = 2 * w + 1;
  // Row i holds columns center(i) - w .. center(i) + w.
  auto center = [&](int i) -> long {
    return n == 0 ? 0 : static_cast<long>((static_cast<int64_t>(i) * m + n / 2) / n);
  };
  auto slot = [&](int i, int j) -> long {
    long c = j - center(i) + w;
    if (c < 0 || c >= width) return -1;
    return static_cast<long>(i) * width + c;
  };
  std::vector<double> cost(static_cast<size_t>(n + 1) * width, kInf);
  std::vector<uint8_t> back(static_cast<size_t>(n + 1) * width, 0xff);
  cost[slot(0, 0)] = 0;
  for (int i = 0; i <= n; ++i) {
    long lo = std::max<long>(0, center(i) - w), hi = std::min<long>(m, center(i) + w);
    for (long j = lo; j <= hi; ++j) {
      long here = slot(i, static_cast<int>(j));
      if (i == 0 && j == 0) continue;
      double best = kInf;
      uint8_t from = 0xff;
      for (uint8_t k = 0; k < 5; ++k) {
        int pi = i - kMoves[k].ds, pj = static_cast<int>(j) - kMoves[k].dt;
        if (pi < 0 || pj < 0) continue;
        long prev = slot(pi, pj);
        if (prev < 0 || cost[prev] == kInf) continue;
        double c = cost[prev] + sc.Cost(pi, kMoves[k].ds, pj, kMoves[k].dt, kMoves[k].prior);
        if (c < best) best = c, from = k;
      }
      cost[here] = best;
      back[here] = from;
    }
  }
  // Back from (n, m), iteratively.
  bool clear = true;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    long here = slot(i, j);
    if (here < 0 || back[here] == 0xff) return false;  // no path in this band
    long off = j - center(i);
    if ((off <= 1 - w && center(i) - w > 0) || (off >= w - 1 && center(i) + w < m)) clear = false;
    const Move& mv = kMoves[back[here]];
    AlignedPair p;
    p.source_begin = i - mv.ds;
    p.source_count = mv.ds;
    p.translation_begin = j - mv.dt;
    p.translation_count = mv.dt;
    pairs->push_back(p);
    i -= mv.ds;
    j -= mv.dt;
  }
  return clear;
}

}  // namespace

std::vector<AlignedPair> AlignUnits(const AlignSide& source, const AlignSide& translation,
                                    const AlignOptions& options) {
  static const std::vector<Unit> kNone;
  AlignSide s = source, t = translation;
  if (s.units == nullptr) s.units = &kNone;
  if (t.units == nullptr) t.units = &kNone;
  Scorer sc(s, t, options);
  const int n = sc.source_size(), m = sc.translation_size();
  // The band starts narrow and doubles while the best path runs along one
  // of its edges (a wider band could hold a cheaper one), up to the whole
  // translation or kMaxCells cells (yet wide enough that a path stays
  // inside: m / n columns a row and 2 more).
  constexpr int64_t kMaxCells = int64_t{1} << 22;
  int64_t widest = m;
  if ((n + int64_t{1}) * (2 * widest + 1) > kMaxCells) {
    int64_t reach = n == 0 ? m : m / n + 2;
    widest = std::min<int64_t>(m, std::max<int64_t>(reach, kMaxCells / (n + int64_t{1}) / 2));
  }
  std::vector<AlignedPair> pairs;
  for (int64_t w = std::min<int64_t>(std::max(options.band, 1), widest);; w *= 2) {
    w = std::min(w, widest);
    pairs.clear();
    if (SearchBand(sc, static_cast<int>(w), &pairs) || w == widest) break;
  }
  std::reverse(pairs.begin(), pairs.end());
  Reorder(sc, &pairs);
  for (AlignedPair& p : pairs) {
    p.confidence = Confidence(sc, p);
    if (p.source_count == 1 && p.translation_count >= 1) {
      std::vector<const Unit*> parts;
      for (int k = 0; k < p.translation_count; ++k) {
        parts.push_back(&(*t.units)[p.translation_begin + k]);
      }
      MappedTranslation mapped =
          MapPlaceholders((*s.units)[p.source_begin], s.bytes, parts, t.bytes);
      p.text = std::move(mapped.text);
      p.markup_removed = mapped.markup_removed;
    }
  }
  return pairs;
}

}  // namespace l10n
