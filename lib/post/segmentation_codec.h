// A Segmentation (post_format.h) as bytes and back, for the segmentation
// cache (project/post_cache.h, docs/cache.md): every field, in declaration
// order, varints for numbers and lengths (base/byte_codec.h).
//
// Decoding trusts nothing: any bytes either decode to a Segmentation whose
// ranges and offsets all lie within the post they were made from, or are
// refused. A new field in Segmentation or in a struct inside it is encoded
// here and bumps kSegmentationFormat.
#ifndef L10N_POST_SEGMENTATION_CODEC_H_
#define L10N_POST_SEGMENTATION_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "post/post_format.h"

namespace l10n {

// The encoding's version; part of every cache key made of it.
inline constexpr uint32_t kSegmentationFormat = 1;

// Appends the encoding of `segmentation` to *out.
void EncodeSegmentation(const Segmentation& segmentation, std::string* out);

// Decodes exactly `data` (nothing may follow) into *segmentation, made from
// a post of `text_size` bytes. False when `data` is not such an encoding: it
// ends early, holds a value out of range (an enum, a bool other than 0 or
// 1, a range past text_size or reversed), or has bytes left over;
// *segmentation is unspecified then.
bool DecodeSegmentation(std::string_view data, size_t text_size, Segmentation* segmentation);

}  // namespace l10n

#endif  // L10N_POST_SEGMENTATION_CODEC_H_
