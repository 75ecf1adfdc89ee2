// Alignment of a post's units with the units of an existing translation of
// it: which translated units say what which source units say, so that years
// of hand translation can enter the catalogs (docs/align.md).
//
//   source units + translated units --AlignUnits--> AlignedPairs
//
// Dynamic programming over the two sequences, as Gale and Church do for
// sentences ("A Program for Aligning Sentences in Bilingual Corpora",
// Computational Linguistics 19(1), 1993): the moves 1-1, 1-0, 0-1, 2-1 and
// 1-2, each move's cost -log P(move) - log P(delta | move), where
//   delta = (l2 - l1 c) / sqrt(l1 s^2)
// for the lengths l1, l2 (characters of visible text) of the two sides,
// c = 1 and s^2 = 6.8 (their values for English and its neighbours, close
// to those for English and Spanish), and P(delta | move) = 2 (1 - Phi(|delta|)).
// The priors are theirs: 1-1 0.89, 1-0 and 0-1 0.0099 each, 2-1 and 1-2
// 0.089 each. To that cost the aligner adds what a translation keeps: the
// unit kinds, the targets of the placeholders (links, images, dates,
// categories), the numbers, URLs and capitalised words (align_features.h),
// and optionally a lexicon, the translations a catalog already has.
//
// The search runs in a band around the diagonal, widened while the best
// path touches its edges, its memory linear in the number of units,
// without recursion. Within a run of list items or table
// cells, a second pass pairs items that the translation reorders.
#ifndef L10N_ALIGN_ALIGN_H_
#define L10N_ALIGN_ALIGN_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "unit/unit.h"

namespace l10n {

// One side of an alignment: the units of a post and the post's bytes (their
// placeholders' ranges point into them).
struct AlignSide {
  const std::vector<Unit>* units = nullptr;
  std::string_view bytes;
};

struct AlignOptions {
  double c = 1.0;   // Gale-Church: expected length ratio, translation / source
  double s2 = 6.8;  // Gale-Church: variance of that ratio per character
  // Half the band's first width in units around the diagonal; doubled
  // while the best path runs along an edge, up to the translation's count
  // or 2^22 cells in all (align.cc).
  int band = 4;
  // Optional: the catalog's existing translations, unit text -> unit text.
  const std::unordered_map<std::string, std::string>* lexicon = nullptr;
};

struct AlignedPair {
  // The source units [source_begin, source_begin + source_count) and the
  // translated units [translation_begin, ...): counts 1-1, 2-1, 1-2, or a
  // left-over (a count of 0).
  int source_begin = 0;
  int source_count = 0;
  int translation_begin = 0;
  int translation_count = 0;
  // How sure the aligner is, in [0, 1]: 0 for a left-over.
  double confidence = 0;
  // A 1-1 or 1-2 pair: the translation in the source unit's placeholder
  // names (align/placeholder_map.h); empty for the others.
  std::string text;
  bool markup_removed = false;  // its markup could not be mapped
  bool reordered = false;       // paired by the reordering pass
};

// The pairs in source order (a left-over translated unit after the source
// unit before it); every unit of each side is in exactly one pair.
std::vector<AlignedPair> AlignUnits(const AlignSide& source, const AlignSide& translation,
                                    const AlignOptions& options);

}  // namespace l10n

#endif  // L10N_ALIGN_ALIGN_H_
