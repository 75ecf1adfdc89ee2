// What the tools refuse to read, before any parser sees it (docs/limits.md):
// the limits, and the problem a check reports. Files over their kind's size
// cap (enforced while reading, base/file_io.h); in posts (post/post_input.h)
// invalid UTF-8 or NUL bytes, an encoding declared other than
// UTF-8, elements nested deeper than 1,000 (quadratic time in the HTML5
// parser, and the tree walk's stack), elements with more than 100
// attributes (gumbo compares each with those before it), more than 100
// formatting elements open at once (gumbo searches them at each new one),
// and more than 100,000 elements the parser would reopen for unclosed
// inline markup (a 31 KB post could make it build millions of elements).
#ifndef L10N_BASE_INPUT_LIMITS_H_
#define L10N_BASE_INPUT_LIMITS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/ui_text.h"

namespace l10n {

inline constexpr size_t kMaxPostBytes = size_t{32} << 20;
// A catalog of 1,000,000 entries is about 110 MB; ten times that still reads.
inline constexpr size_t kMaxCatalogBytes = size_t{1} << 30;
// l10n.toml and taxonomy.toml.
inline constexpr size_t kMaxSettingsBytes = size_t{8} << 20;
inline constexpr int kMaxNesting = 1000;
inline constexpr size_t kMaxAttributes = 100;
inline constexpr size_t kMaxReopened = 100000;
inline constexpr size_t kMaxFormatting = 100;

// The most bytes a read accepts, and the message for a larger file: a
// format marked N_() (translated when used) with {} for the file's size in
// bytes, then {} for the cap in MiB.
struct SizeCap {
  size_t bytes;
  const char* too_large;
};

inline constexpr SizeCap kPostCap{kMaxPostBytes,
                                  N_("the post is {} bytes; posts over {} MiB are refused")};
// Catalogs, templates, compendia and XLIFF files.
inline constexpr SizeCap kCatalogCap{
    kMaxCatalogBytes, N_("the catalog is {} bytes; catalogs over {} MiB are refused")};
inline constexpr SizeCap kSettingsCap{
    kMaxSettingsBytes, N_("the file is {} bytes; settings files over {} MiB are refused")};

struct InputProblem {
  size_t offset = 0;  // where, in the input
  std::string message;
};

}  // namespace l10n

#endif  // L10N_BASE_INPUT_LIMITS_H_
