// The fuzz targets' bodies, shared by the libFuzzer drivers (tests/fuzz/
// *_fuzz.cc, `make fuzz`) and the regular test suite, which replays every
// seed and every input that once failed (tests/fuzz/corpus/<target>/,
// tests/fuzz/regressions/<target>/).
//
// Each checks properties and calls FuzzFail (abort, with a message) when
// one does not hold; sanitizers catch the rest.
#ifndef L10N_TESTS_FUZZ_FUZZ_TARGETS_H_
#define L10N_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace l10n::fuzz {

// Any bytes as an HTML post the input checks accept (post/post_input.h):
// segmenting never fails, units lie inside the input, and merging the post
// into its own language gives it back.
void Segment(std::string_view data);
// Any bytes as a PO file: l10n-check's findings lie in the file; a catalog
// the tools accept writes back to text that reads to the same catalog.
void ReadPoFile(std::string_view data);
// Any bytes as XLIFF: l10n-check's findings lie in the file; a catalog that
// reads writes as XLIFF 1.2 and 2.0 that read back to the same catalog.
void ReadXliffFile(std::string_view data);
// A fixed post merged with any bytes as its Spanish catalog: no markup,
// attribute, entity, URL scheme or bidi control the post does not have
// reaches the page.
void MergeCatalog(std::string_view data);
// A fixed post published from any catalog (PO, or XLIFF 1.2/2.0 when the
// bytes start with '<') and any taxonomy (after the first NUL byte), as
// l10n-merge takes them: the page has no element, attribute, entity, URL
// scheme or invisible character (control, bidi control, format character)
// the post does not have; the rest is escaped text, whatever the catalog
// and the taxonomy say.
void Publish(std::string_view data);
// Any bytes as a Markdown post the format's input checks accept: units
// lie inside the input, in order, without overlapping; merging the post
// into its own language gives it back byte for byte; a translation full
// of Markdown punctuation gives a post the checks accept again.
void Markdown(std::string_view data);
// Any bytes as the segmentation cache file (project/post_cache.h) of a
// fixed set of posts: every record found is exactly the post's
// segmentation; and as one encoded Segmentation (post/segmentation_codec.h):
// what decodes lies inside its post and encodes back to itself.
void SegmentCache(std::string_view data);
// The cache of SegmentCache's posts, as a run leaves it (a seed).
std::string SegmentCacheSeed();
// Dates and category labels from any attribute values, locales and
// patterns: errors, never crashes; output is valid UTF-8.
void FormatAttributes(std::string_view data);

}  // namespace l10n::fuzz

#endif  // L10N_TESTS_FUZZ_FUZZ_TARGETS_H_
