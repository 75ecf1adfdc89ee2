// The flags of a PO entry ("#, fuzzy, c-format, no-wrap"): split from the
// "#," lines as gettext reads them (po_reader), and understood and written
// back in gettext's order (po_writer): fuzzy, the *-format flags in the order
// of gettext's format_language[], range, no-wrap; then, unlike msgcat, the
// flags gettext does not know, in their order.
#ifndef L10N_CATALOG_PO_FLAGS_H_
#define L10N_CATALOG_PO_FLAGS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace l10n {

// "fuzzy, c-format" -> {"fuzzy", "c-format"} appended to *flags. Like gettext,
// white space separates flags too, and "range: 1..5" is one flag; a flag
// already in *flags is not added again.
void SplitPoFlags(std::string_view line, std::vector<std::string>* flags);

// gettext's format languages, in its order ("c" for "c-format").
constexpr int kPoFormatCount = 30;
extern const char* const kPoFormatNames[kPoFormatCount];
constexpr int kPoFormatC = 0, kPoFormatObjC = 1, kPoFormatPython = 2, kPoFormatPythonBrace = 3;

// "c-format", "no-c-format", "possible-c-format", "impossible-c-format".
enum PoFormatValue : uint8_t {
  kPoFormatUndecided,
  kPoFormatYes,
  kPoFormatNo,
  kPoFormatPossible,
  kPoFormatImpossible,
};

// An entry's flags as gettext understands them. Points into the strings it
// was parsed from.
struct PoFlags {
  bool fuzzy = false;
  std::array<PoFormatValue, kPoFormatCount> formats{};
  bool has_range = false;
  std::string range;                       // "range: 1..5", normalized
  int wrap = 0;                            // -1 no-wrap, 1 wrap, 0 undecided
  std::vector<const std::string*> others;  // flags gettext would not write
};

PoFlags ParsePoFlags(const std::vector<std::string>& flags);

// The first format (an index in kPoFormatNames) the message may be in, as
// gettext picks it to keep its directives whole; -1 for none.
int FirstPossibleFormat(const PoFlags& flags);

// Appends the "#, ..." line (nothing when there is no flag to write);
// `fuzzy` replaces flags.fuzzy, `with_range` says whether to write the range.
void AppendPoFlagsLine(const PoFlags& flags, bool fuzzy, bool with_range, std::string* out);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_FLAGS_H_
