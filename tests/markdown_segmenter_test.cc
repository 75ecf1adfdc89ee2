// The Markdown format's units: what a translator sees of each construct,
// and the bytes merge replaces.
#include <doctest/doctest.h>

#include "markdown_test_util.h"
#include "test_util.h"

namespace l10n {
namespace {

TEST_CASE("markdown: debug dump") {
  for (const char* f : {"/tmp/md1.md"}) {
  std::string text = Slurp(f);
  Segmentation seg = SegmentMarkdown(text);
  MESSAGE(DumpMarkdownUnits(seg, text));
  std::string meta = seg.lang + "|" + seg.metadata.slug + "|" + seg.metadata.date + "|" + std::to_string(seg.metadata.categories.size()) + std::to_string(seg.metadata.tags.size());
  MESSAGE(meta);
  }
}

}  // namespace
}  // namespace l10n
