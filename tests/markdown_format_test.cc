// The Markdown format's choices that are not segmenting proper: what the
// translator notes call a post (Hugo's names for bundles and translations).
#include "post/markdown_format.h"

#include <doctest/doctest.h>

#include <string>

namespace l10n {
namespace {

TEST_CASE("translator notes name a Markdown post as Hugo does") {
  struct Case {
    const char* path;
    const char* note;  // the first unit's
  };
  const Case kCases[] = {
      {"content/blog/lima/index.md", "paragraph, lima"},
      {"content/blog/lima/index.es.md", "paragraph, lima"},
      {"content/blog/_index.md", "paragraph, blog"},
      {"content/blog/dia-del-agua.es.md", "paragraph, dia-del-agua"},
      {"content/blog/water.md", "paragraph, water"},
      {"_posts/2017-08-29-visit.markdown", "paragraph, 2017-08-29-visit"},
      {"notes.v2.md", "paragraph, notes.v2"},  // "v2" is no language
      {"index.md", "paragraph, index"},        // no folder to name it
  };
  for (const Case& c : kCases) {
    CAPTURE(c.path);
    DiagnosticSink sink;
    Segmentation seg = MarkdownPostFormat().Segment("We met the committee.\n", c.path, {}, &sink);
    REQUIRE(seg.units.size() == 1);
    CHECK(seg.units[0].note == c.note);
  }
}

}  // namespace
}  // namespace l10n
