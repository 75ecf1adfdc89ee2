// project/post_cache.h: a record is found only for the bytes, path and
// options it was made of; a cache damaged in any way finds nothing wrong,
// only less.
#include "project/post_cache.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "post/post_formats.h"
#include "test_util.h"

namespace l10n {
namespace {

struct CachedPost {
  std::string path;
  std::string text;
  Segmentation segmentation;
};

std::vector<CachedPost> Posts(int n) {
  std::vector<CachedPost> posts;
  for (int i = 0; i < n; ++i) {
    CachedPost p;
    p.path = fmt::format("posts/p{}.html", i);
    p.text = fmt::format(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Visit {0}</title></head><body>"
        "<p>We met {0} <em>groups</em> in <a href=\"/lima/\">Lima</a>.</p></body></html>",
        i);
    DiagnosticSink sink;
    p.segmentation = PostFormatFor(p.path).Segment(p.text, p.path, SegmentOptions(), &sink);
    posts.push_back(std::move(p));
  }
  return posts;
}

// The cache file a run over `posts` leaves.
std::string Written(const std::vector<CachedPost>& posts, const SegmentOptions& options = {}) {
  PostCache cache;
  cache.OpenBytes("", options);
  for (const CachedPost& p : posts) cache.KeepMade(cache.Record(p.path, p.text, p.segmentation));
  return cache.Serialize();
}

// How many of `posts` the cache in `bytes` finds; each found must be right.
int Found(const std::string& bytes, const std::vector<CachedPost>& posts,
          const SegmentOptions& options = {}) {
  PostCache cache;
  cache.OpenBytes(bytes, options);
  int found = 0;
  for (const CachedPost& p : posts) {
    Segmentation s;
    std::string_view record;
    if (!cache.Find(p.path, p.text, &s, &record)) continue;
    CHECK(s == p.segmentation);
    ++found;
  }
  return found;
}

TEST_CASE("post cache: found for the same path, bytes and options only") {
  std::vector<CachedPost> posts = Posts(5);
  const std::string bytes = Written(posts);
  CHECK(Found(bytes, posts) == 5);
  std::vector<CachedPost> edited = posts;
  edited[2].text.insert(edited[2].text.find("groups"), "youth ");
  CHECK(Found(bytes, edited) == 4);
  std::vector<CachedPost> moved = posts;
  moved[0].path = "posts/other.html";
  CHECK(Found(bytes, moved) == 4);
  SegmentOptions shortcodes;
  shortcodes.shortcodes = true;
  CHECK(Found(bytes, posts, shortcodes) == 0);
}

TEST_CASE("post cache: unchanged only when every record read was kept, in order") {
  std::vector<CachedPost> posts = Posts(3);
  const std::string bytes = Written(posts);
  PostCache cache;
  cache.OpenBytes(bytes, {});
  for (const CachedPost& p : posts) {
    Segmentation s;
    std::string_view record;
    REQUIRE(cache.Find(p.path, p.text, &s, &record));
    cache.KeepFound(record);
  }
  CHECK_FALSE(cache.changed());
  CHECK(cache.Serialize() == bytes);
  PostCache fewer;
  fewer.OpenBytes(bytes, {});
  Segmentation s;
  std::string_view record;
  REQUIRE(fewer.Find(posts[0].path, posts[0].text, &s, &record));
  fewer.KeepFound(record);
  CHECK(fewer.changed());
  CHECK(fewer.Serialize() == Written({posts[0]}));
  PostCache empty;
  empty.OpenBytes("", {});
  CHECK(empty.changed());
}

TEST_CASE("post cache: truncated, flipped, random or of another version: nothing wrong found") {
  std::vector<CachedPost> posts = Posts(4);
  const std::string bytes = Written(posts);
  // Every prefix: the records wholly inside it at most.
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    CAPTURE(cut);
    CHECK(Found(bytes.substr(0, cut), posts) < 4);
  }
  // Every bit of every byte flipped: never a wrong segmentation (Found
  // checks each one found), and the record it falls in is lost (a length
  // that says more or fewer loses at most the records past it).
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      CAPTURE(i);
      CHECK(Found(damaged, posts) < 4);
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string random(rng() % 400, '\0');
    for (char& c : random) c = static_cast<char>(rng());
    if (round % 2) random = bytes.substr(0, 8) + random;  // the magic, then noise
    CHECK(Found(random, posts) == 0);
  }
  std::string version = bytes;
  version[8] = static_cast<char>(version[8] + 1);  // the file format after the magic
  CHECK(Found(version, posts) == 0);
}

TEST_CASE("post cache: a file that is no cache, a folder, or none") {
  testing::TempDir dir;
  std::vector<CachedPost> posts = Posts(2);
  Segmentation s;
  std::string_view record;
  PostCache none;
  none.Open(dir / "missing/segments", {});
  CHECK_FALSE(none.Find(posts[0].path, posts[0].text, &s, &record));
  std::filesystem::create_directories(dir / "folder/segments");
  PostCache folder;
  folder.Open(dir / "folder/segments", {});
  CHECK_FALSE(folder.Find(posts[0].path, posts[0].text, &s, &record));
  folder.KeepMade(folder.Record(posts[0].path, posts[0].text, posts[0].segmentation));
  DiagnosticSink sink;
  folder.Save(&sink);  // cannot replace a folder: a note, nothing else
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(testing::RenderDiagnostics(sink) ==
        dir / "folder/segments" +
            ": note: the segmentation cache cannot be written there; every post is segmented "
            "again on the next run\n");
  CHECK(std::filesystem::is_directory(dir / "folder/segments"));
}

// A run over `posts` with the cache file at `path`, as LoadPosts and
// RunExtract use it: each post's record found and kept, or made; then saved.
// Returns whether the run wrote the file.
bool SaveRun(const std::string& path, const std::vector<CachedPost>& posts,
             bool* compacted = nullptr) {
  PostCache cache;
  cache.Open(path, {});
  for (const CachedPost& p : posts) {
    Segmentation s;
    std::string_view record;
    if (cache.Find(p.path, p.text, &s, &record)) {
      CHECK(s == p.segmentation);
      cache.KeepFound(record);
    } else {
      cache.KeepMade(cache.Record(p.path, p.text, p.segmentation));
    }
  }
  if (compacted) *compacted = cache.Compacts();
  const bool changed = cache.changed();
  DiagnosticSink sink;
  cache.Save(&sink);
  CHECK(sink.diagnostics().empty());
  return changed;
}

// `posts` with the i-th edited (a word added, `round` times).
void EditPost(std::vector<CachedPost>* posts, size_t i, int round) {
  CachedPost& p = (*posts)[i];
  p.text.insert(p.text.find("groups"), fmt::format("youth{} ", round));
  DiagnosticSink sink;
  p.segmentation = PostFormatFor(p.path).Segment(p.text, p.path, SegmentOptions(), &sink);
}

TEST_CASE(
    "post cache: a run appends the records it made, and writes the file whole when the "
    "records no longer kept outweigh the others") {
  testing::TempDir dir;
  const std::string path = dir / "segments";
  std::vector<CachedPost> posts = Posts(4);
  CHECK(SaveRun(path, posts));
  const std::string first = testing::Slurp(path);
  CHECK(first == Written(posts));
  CHECK_FALSE(SaveRun(path, posts));  // nothing made: nothing written
  CHECK(testing::Slurp(path) == first);
  // One post edited: its record appended, the others' bytes left alone.
  EditPost(&posts, 2, 1);
  bool compacted = true;
  CHECK(SaveRun(path, posts, &compacted));
  CHECK_FALSE(compacted);
  const std::string second = testing::Slurp(path);
  CHECK(second.size() > first.size());
  CHECK(second.compare(0, first.size(), first) == 0);
  CHECK(Found(second, posts) == 4);     // the later record of the post stands
  CHECK(Found(second, Posts(4)) == 3);  // the earlier one no longer does
  CHECK_FALSE(SaveRun(path, posts));
  // Edits until the records superseded outweigh the four kept: then the
  // file is the four, as a first run writes them.
  int appends = 0;
  for (int round = 2; round < 12 && !compacted; ++round) {
    EditPost(&posts, round % 4, round);
    CHECK(SaveRun(path, posts, &compacted));
    if (!compacted) ++appends;
    CHECK(Found(testing::Slurp(path), posts) == 4);
  }
  CHECK(compacted);
  CHECK(appends == 3);  // five records dead outweigh four
  CHECK(testing::Slurp(path) == Written(posts));
  // A post removed: its record is dead, and written out with the next
  // compaction.
  posts.pop_back();
  CHECK_FALSE(SaveRun(path, posts));
  CHECK(Found(testing::Slurp(path), posts) == 3);
}

TEST_CASE("post cache: a tail that does not frame (a run killed while appending) is dropped") {
  testing::TempDir dir;
  const std::string path = dir / "segments";
  std::vector<CachedPost> posts = Posts(3);
  CHECK(SaveRun(path, posts));
  const std::string good = testing::Slurp(path);
  EditPost(&posts, 1, 1);
  PostCache made;
  made.OpenBytes("", {});
  const std::string record = made.Record(posts[1].path, posts[1].text, posts[1].segmentation);
  for (size_t cut : {size_t{1}, size_t{9}, record.size() / 2, record.size() - 1}) {
    CAPTURE(cut);
    testing::Spit(path, good + record.substr(0, cut));
    CHECK(Found(testing::Slurp(path), Posts(3)) == 3);  // the records before the tail hold
    CHECK(SaveRun(path, posts));                        // the tail dropped, the record appended
    CHECK(testing::Slurp(path) == good + record);
    CHECK(Found(testing::Slurp(path), posts) == 3);
  }
  // Nothing made, a tail: cut off.
  testing::Spit(path, good + record.substr(0, 5));
  CHECK(SaveRun(path, Posts(3)));
  CHECK(testing::Slurp(path) == good);
}

}  // namespace
}  // namespace l10n
