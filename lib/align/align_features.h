// What the aligner compares between a source unit and a translated one,
// besides their lengths: the things a translation keeps as they are. The
// targets of the unit's placeholders (a link's href, an image's src, a
// date's datetime, a category's slug, read from the bytes the unit came
// from), its numbers, its URLs and its capitalised words (proper nouns:
// "Lima", "UNESCO"; a sentence's first word left out).
//
//   Unit + its post's bytes --UnitFeatures--> { length, keys }
#ifndef L10N_ALIGN_ALIGN_FEATURES_H_
#define L10N_ALIGN_ALIGN_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

struct UnitFeatures {
  UnitKind kind = UnitKind::kParagraph;
  int length = 0;  // code points of the visible text, tags left out
  // Sorted and unique, each key as a 64-bit hash (FeatureKey) of its text:
  // "L:/x" link target, "I:/a.png" image, "D:2024-05-01" date, "C:slug"
  // category, "N:2024" number, "U:https://..." URL, "P:Lima" capitalised
  // word. The aligner compares keys, never reads them: hashes compare
  // without allocating (two keys of 2^64 meet by chance, which only
  // lowers a cost).
  std::vector<uint64_t> keys;
  // Sorted and unique: the first four letters, lower-case, of its words of
  // five letters or more, packed in 32 bits ('d' << 24 | 'o' << 16 ...);
  // cognates share them ("document", "documento"; Simard, Foster and
  // Isabelle 1992).
  std::vector<uint32_t> stems;
};

// A key's hash: FNV-1a of `text`, its lowest bit set for a capitalised
// word ("P:..."), which weighs half as much as the other keys.
uint64_t FeatureKey(std::string_view text);
inline bool IsNameKey(uint64_t key) { return (key & 1) != 0; }

// The packed stem of four lower-case ASCII letters ("docu").
uint32_t FeatureStem(std::string_view four);

UnitFeatures FeaturesOf(const Unit& unit, std::string_view post_bytes);

// The value of attribute `name` (lower-case) in the start tag `tag`
// ("<a class=x href='/y'>"), HTML's attribute syntax; empty when absent.
std::string TagAttribute(std::string_view tag, std::string_view name);

// The placeholder's identity for matching across languages: "a href=/x",
// "img src=/y.png", "time 2024-05-01", "category a,b", or the element's
// name with its kind ("em") when no target names it.
std::string PlaceholderKey(const Placeholder& placeholder, std::string_view post_bytes);

}  // namespace l10n

#endif  // L10N_ALIGN_ALIGN_FEATURES_H_
