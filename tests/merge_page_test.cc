// What a page of l10n-merge reads of its post and catalog when the run
// does not hold them (project/merge_page.h): the post's segmentation kept
// encoded and its bytes read again, the catalog's text read again to
// locate a refused translation; each used only when it is what the run
// read first.
#include "project/merge_page.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/hash.h"
#include "project/config.h"
#include "project/project.h"
#include "test_util.h"

namespace l10n {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

const char kPost[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>A visit</title></head>\n<body>\n"
    "<p>We met <a href=\"/b/\">the team</a> in <b>Lima</b>.</p>\n"
    "<p>Published <time datetime=\"2018-05-16\">May 16, 2018</time>.</p>\n</body></html>\n";

Config PostsIn(const TempDir& dir) {
  Config config;
  config.root = dir.path();
  config.languages = {"en", "es"};
  config.posts = {"posts/*.html"};
  return config;
}

TEST_CASE("LoadPosts keep_encoded: the segmentation decodes to what LoadPosts makes") {
  TempDir dir;
  Spit(dir / "posts/a.html", kPost);
  Spit(dir / "posts/b.html", "<html lang=\"es\"><p>Una <i>visita</i>.</p></html>\n");
  std::vector<Post> decoded, encoded;
  DiagnosticSink sink;
  REQUIRE(LoadPosts(PostsIn(dir), &decoded, &sink));
  REQUIRE(LoadPosts(PostsIn(dir), &encoded, &sink, nullptr, /*keep_encoded=*/true));
  REQUIRE(encoded.size() == 2);
  for (size_t i = 0; i < encoded.size(); ++i) {
    CAPTURE(encoded[i].path);
    CHECK_FALSE(decoded[i].segmentation.units.empty());
    CHECK(decoded[i].encoded.empty());
    CHECK(encoded[i].segmentation.units.empty());  // only the encoding is held
    CHECK_FALSE(encoded[i].encoded.empty());
    CHECK(encoded[i].size == encoded[i].html.size());
    CHECK(encoded[i].hash == Hash64(encoded[i].html));
    Segmentation scratch;
    CHECK(DecodedSegmentation(encoded[i], &scratch) == decoded[i].segmentation);
    CHECK(&DecodedSegmentation(decoded[i], &scratch) == &decoded[i].segmentation);
  }
}

TEST_CASE("PostText: a dropped post is read again, and refused when its file changed") {
  TempDir dir;
  Spit(dir / "posts/a.html", kPost);
  std::vector<Post> posts;
  DiagnosticSink sink;
  REQUIRE(LoadPosts(PostsIn(dir), &posts, &sink, nullptr, /*keep_encoded=*/true));
  REQUIRE(posts.size() == 1);
  Post& post = posts[0];
  std::string().swap(post.html);
  post.dropped = true;
  {
    PostText text(post);
    DiagnosticSink read;
    CHECK(text.Read(&read));
    CHECK(read.diagnostics().empty());
    CHECK(text.html() == kPost);
    CHECK(text.segmentation().units.size() >= 2);
  }
  // The same size, one byte changed; then the file gone.
  std::string changed = kPost;
  changed[changed.find("Lima")] = 'X';
  Spit(dir / "posts/a.html", changed);
  {
    PostText text(post);
    DiagnosticSink read;
    CHECK_FALSE(text.Read(&read));
    CHECK(testing::RenderDiagnostics(read) ==
          "posts/a.html: error: the post changed while l10n-merge was reading it: run again\n");
  }
  std::filesystem::remove(dir / "posts/a.html");
  {
    PostText text(post);
    DiagnosticSink read;
    CHECK_FALSE(text.Read(&read));
    CHECK(read.has_errors());
  }
  // A post that was not dropped is its own text: nothing is read.
  Post kept = post;
  kept.dropped = false;
  kept.html = kPost;
  PostText text(kept);
  DiagnosticSink read;
  CHECK(text.Read(&read));
  CHECK(&text.html() == &kept.html);
}

TEST_CASE("CatalogText: read again when asked, empty when the file changed since") {
  TempDir dir;
  const std::string po = "msgid \"\"\nmsgstr \"\"\n\nmsgid \"A\"\nmsgstr \"B\"\n";
  Spit(dir / "es.po", po);
  CatalogText same(dir / "es.po", po);
  CHECK(same.Get() == po);
  CHECK(same.Get() == po);  // once read, kept
  CatalogText changed(dir / "es.po", po + "\n");
  CHECK(changed.Get().empty());
  CatalogText gone(dir / "none.po", po);
  CHECK(gone.Get().empty());
  CHECK(Slurp(dir / "es.po") == po);
}

}  // namespace
}  // namespace l10n
