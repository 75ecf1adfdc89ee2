// l10n-merge's cache (project/merge_cache.h): a run that takes what the last
// one recorded writes and says exactly what a run without it does, whatever
// changed in between (a post, a translation, the taxonomy, the settings, an
// output by hand) and whatever became of the cache's file; a run with
// nothing changed touches no file.
#include "project/merge_cache.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "merge_project.h"
#include "test_util.h"

namespace l10n {
namespace {

std::map<std::string, MergeRecord> SomeRecords() {
  MergeRecord a;
  a.key = 0x0123456789abcdefull;
  a.found = 42;
  a.lookups = {{3, std::nullopt, ""}, {-1, std::string("category"), "Events"}, {-1, {}, "Hi"}};
  a.units = 7;
  a.translated = 6;
  a.words = 30;
  a.translated_words = 25;
  a.diagnostics = {{Severity::kWarning, "posts/a.html", 3, 5, "untranslated", false, ""},
                   {Severity::kNote, "", 0, 0, "whole line", true, "unsafe"}};
  a.site = 9;
  a.size = 1234;
  a.mtime_ns = 1700000000123456789;
  MergeRecord b;
  b.outcome = MergeRecord::Outcome::kBelowKeep;
  b.mtime_ns = -5;
  return {{"public/es/a.html", a}, {"public/en/b.html", b}};
}

TEST_CASE("merge cache: records read back as written, and anything else is refused whole") {
  const std::map<std::string, MergeRecord> records = SomeRecords();
  const std::string bytes = MergeCache::Encode(records);
  std::map<std::string, MergeRecord> back;
  REQUIRE(MergeCache::Decode(bytes, &back));
  CHECK(back == records);
  // Every truncation, every byte changed, bytes added: refused, nothing kept.
  for (size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    CHECK_FALSE(MergeCache::Decode(bytes.substr(0, n), &back));
    CHECK(back.empty());
    std::string flipped = bytes;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x20);
    CHECK_FALSE(MergeCache::Decode(flipped, &back));
    CHECK(back.empty());
  }
  CHECK_FALSE(MergeCache::Decode(bytes + "x", &back));
  CHECK_FALSE(MergeCache::Decode("", &back));
  CHECK_FALSE(MergeCache::Decode(std::string(4096, '\xff'), &back));
  // Another format number, with a checksum that holds: refused too.
  std::string other = bytes;
  other[std::string_view("l10n-merge-cache\n").size()] = 2;
  CHECK_FALSE(MergeCache::Decode(other, &back));
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
  std::vector<std::pair<std::string, std::string>> files;  // but the caches
};

Outcome Merge(const std::string& dir, const std::string& args) {
  testing::CommandResult r = Run(Tool("l10n-merge") + " " + args, dir);
  Outcome o{r.exit_code, r.out, r.err, {}};
  for (auto& [path, content] : Snapshot(dir)) {
    if (path.rfind(".l10n-cache/", 0) != 0) o.files.emplace_back(path, content);
  }
  return o;
}

// Every file's modification time below `dir`.
std::map<std::string, std::filesystem::file_time_type> Times(const std::string& dir) {
  std::map<std::string, std::filesystem::file_time_type> times;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) times[e.path().string()] = e.last_write_time();
  }
  return times;
}

// After `change` to a project that was merged with its cache, a run with
// the cache gives what a run without it gives on a copy.
void CheckAgainstUncached(const std::string& what,
                          const std::function<void(const std::string&)>& change,
                          const std::string& args = "") {
  CAPTURE(what);
  TempDir base;
  testing::MakeMergeProject(base / "cached", 40);
  REQUIRE(Merge(base / "cached", args).exit_code == 0);
  change(base / "cached");
  std::filesystem::copy(base / "cached", base / "uncached",
                        std::filesystem::copy_options::recursive);
  Outcome cached = Merge(base / "cached", args);
  Outcome uncached = Merge(base / "uncached", args + " --no-cache");
  CHECK(cached.exit_code == uncached.exit_code);
  CHECK(cached.out == uncached.out);
  CHECK(cached.err == uncached.err);
  CHECK(cached.files == uncached.files);
  // And the run after it, with nothing changed, too.
  Outcome again = Merge(base / "cached", args);
  CHECK(again.exit_code == uncached.exit_code);
  CHECK(again.out == uncached.out);
  CHECK(again.err == uncached.err);
  CHECK(again.files == uncached.files);
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = Slurp(path);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  Spit(path, text.replace(at, from.size(), to));
}

TEST_CASE("merge cache: a cached run writes and says what an uncached one does") {
  CheckAgainstUncached("nothing changed", [](const std::string&) {});
  CheckAgainstUncached("a post edited", [](const std::string& dir) {
    Spit(dir + "/posts/p007.html", testing::MergePost(7, 40, "youth team"));
  });
  CheckAgainstUncached("a post removed: the site's links change", [](const std::string& dir) {
    std::filesystem::remove(dir + "/posts/p008.html");
  });
  CheckAgainstUncached("a translation changed", [](const std::string& dir) {
    Replace(dir + "/locales/es.po", "msgstr \"ES Water\"", "msgstr \"Agua\"");
  });
  CheckAgainstUncached("a translation made fuzzy", [](const std::string& dir) {
    Replace(dir + "/locales/es.po", "msgid \"Water\"", "#, fuzzy\nmsgid \"Water\"");
  });
  CheckAgainstUncached("a category renamed", [](const std::string& dir) {
    Replace(dir + "/locales/taxonomy.toml", "es = \"Eventos\"", "es = \"Actividades\"");
  });
  CheckAgainstUncached("a setting changed", [](const std::string& dir) {
    Replace(dir + "/l10n.toml", "keep = 90", "keep = 50\ndate_style = \"short\"");
  });
  CheckAgainstUncached("an output deleted by hand", [](const std::string& dir) {
    std::filesystem::remove(dir + "/public/es/p003.html");
    std::filesystem::remove(dir + "/public/en/p004.html");
  });
  CheckAgainstUncached("an output edited by hand", [](const std::string& dir) {
    Spit(dir + "/public/es/p005.html", Slurp(dir + "/public/es/p005.html") + "<!-- mine -->");
    std::string page = Slurp(dir + "/public/en/p006.html");
    page[page.size() - 2] = 'X';  // the same size, a later time
    std::filesystem::file_time_type t =
        std::filesystem::last_write_time(dir + "/public/en/p006.html");
    Spit(dir + "/public/en/p006.html", page);
    std::filesystem::last_write_time(dir + "/public/en/p006.html", t + std::chrono::seconds(1));
  });
  CheckAgainstUncached("a URL record edited by hand",
                       [](const std::string& dir) { Spit(dir + "/locales/urls.tsv", ""); });
  CheckAgainstUncached("the cache truncated", [](const std::string& dir) {
    std::string cache = Slurp(dir + "/.l10n-cache/merge");
    Spit(dir + "/.l10n-cache/merge", cache.substr(0, cache.size() / 2));
    // With the outputs changed, so that a cache trusted blindly would show.
    std::filesystem::remove(dir + "/public/es/p003.html");
    Replace(dir + "/locales/es.po", "msgstr \"ES Water\"", "msgstr \"Agua\"");
  });
  CheckAgainstUncached("the cache of random bytes", [](const std::string& dir) {
    std::string junk;
    for (int i = 0; i < 5000; ++i) junk += static_cast<char>((i * 7919) % 251);
    Spit(dir + "/.l10n-cache/merge", junk);
    Replace(dir + "/locales/es.po", "msgstr \"ES Water\"", "msgstr \"Agua\"");
  });
  CheckAgainstUncached("the cache a folder", [](const std::string& dir) {
    std::filesystem::remove(dir + "/.l10n-cache/merge");
    std::filesystem::create_directories(dir + "/.l10n-cache/merge");
  });
}

// RunMerge writes the segmentation cache as soon as the posts are loaded
// (and lets it go); a note that it cannot be is still said last, after
// every page's warnings, and the pages are those of a run without caches.
TEST_CASE("merge cache: a segmentation cache that cannot be written is a note, said last") {
  TempDir dir;
  testing::MakeMergeProject(dir.path(), 30);
  std::filesystem::remove(dir / ".l10n-cache/segments");
  std::filesystem::create_directories(dir / ".l10n-cache/segments");
  Outcome uncached = Merge(dir.path(), "--no-cache");
  Outcome cached = Merge(dir.path(), "");
  REQUIRE(uncached.err.find("warning: untranslated") != std::string::npos);
  CHECK(cached.exit_code == uncached.exit_code);
  CHECK(cached.out == uncached.out);
  CHECK(cached.files == uncached.files);
  CHECK(cached.err == uncached.err +
                          ".l10n-cache/segments: note: the segmentation cache cannot be written "
                          "there; every post is segmented again on the next run\n");
  CHECK(std::filesystem::is_directory(dir / ".l10n-cache/segments"));
}

TEST_CASE("merge cache: the command line's settings are part of the record") {
  TempDir dir;
  testing::MakeMergeProject(dir.path(), 30);
  REQUIRE(Merge(dir.path(), "").exit_code == 0);
  Outcome cached = Merge(dir.path(), "--keep 0 --date-style short");
  Outcome uncached = Merge(dir.path(), "--keep 0 --date-style short --no-cache");
  CHECK(cached.err == uncached.err);
  CHECK(cached.out == uncached.out);
  CHECK(cached.files == uncached.files);
  CHECK(cached.err.find("(keep is") == std::string::npos);
}

TEST_CASE("merge cache: with nothing changed no file is touched") {
  TempDir dir;
  testing::MakeMergeProject(dir.path(), 30);
  REQUIRE(Merge(dir.path(), "").exit_code == 0);
  REQUIRE(std::filesystem::exists(dir / ".l10n-cache/merge"));
  auto before = Times(dir.path());
  Outcome again = Merge(dir.path(), "");
  CHECK(again.exit_code == 0);
  CHECK(Times(dir.path()) == before);
  // The records of pages found up to date (not stat()ed again) still hold
  // the next time, and so do those of pages whose output was replaced.
  Spit(dir / "public/es/p005.html", Slurp(dir / "public/es/p005.html") + "<!-- mine -->");
  Outcome third = Merge(dir.path(), "");
  CHECK(third.files == again.files);
  before = Times(dir.path());
  CHECK(Merge(dir.path(), "").files == again.files);
  CHECK(Times(dir.path()) == before);
  // --no-cache neither reads nor writes it.
  std::filesystem::remove(dir / ".l10n-cache/merge");
  CHECK(Merge(dir.path(), "--no-cache").files == again.files);
  CHECK_FALSE(std::filesystem::exists(dir / ".l10n-cache/merge"));
}

}  // namespace
}  // namespace l10n
