// The tools' cache (docs/cache.md) end to end: a project run with its cache
// and its twin run with --no-cache print the same and write the same files
// at every step (a post edited, one removed, a setting changed), whatever
// is done to the cache between runs; nothing changed, extract touches no
// file.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "test_util.h"

namespace l10n {
namespace {

namespace fs = std::filesystem;
using testing::Run;
using testing::Slurp;
using testing::Spit;
using testing::Tool;

// The site's own project (corpus/, locales/, l10n.toml) in `dir`.
void CopyCorpus(const std::string& dir) {
  const std::string root = L10N_SOURCE_DIR;
  fs::copy(root + "/corpus", dir + "/corpus", fs::copy_options::recursive);
  fs::copy(root + "/locales", dir + "/locales", fs::copy_options::recursive);
  fs::copy(root + "/l10n.toml", dir + "/l10n.toml");
}

// `count` generated posts (tests/compare/generate_posts.py) with the site's
// catalogs.
void Generate(const std::string& dir, int count) {
  const std::string root = L10N_SOURCE_DIR;
  testing::CommandResult r = Run(fmt::format("python3 {}/tests/compare/generate_posts.py "
                                             "{}/corpus posts {} >/dev/null",
                                             root, root, count),
                                 dir);
  REQUIRE(r.exit_code == 0);
  fs::create_directories(dir + "/locales");
  for (const char* f : {"en.po", "es.po", "en.pot", "es.pot", "taxonomy.toml"}) {
    fs::copy(root + "/locales/" + f, dir + "/locales/" + f);
  }
  Spit(dir + "/l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n"
       "shortcodes = true\nxliff = [\"1.2\"]\n");
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
  std::vector<std::pair<std::string, std::string>> files;
  bool operator==(const Outcome&) const = default;
};

Outcome Extract(const std::string& dir, const std::string& args) {
  testing::CommandResult r =
      Run(fmt::format("SOURCE_DATE_EPOCH=1700000000 {} {}", Tool("l10n-extract"), args), dir);
  return {r.exit_code, r.out, r.err, testing::Snapshot(dir)};
}

// Runs extract in `cached` (with its cache) and `cold` (--no-cache) after
// `change` is applied to both, and checks they agree.
void Step(const std::string& cached, const std::string& cold, const char* what,
          const std::function<void(const std::string&)>& change) {
  CAPTURE(what);
  change(cached);
  change(cold);
  Outcome a = Extract(cold, "--no-cache");
  Outcome b = Extract(cached, "");
  CHECK(b.exit_code == a.exit_code);
  CHECK(b.out == a.out);
  CHECK(b.err == a.err);
  CHECK(b.files == a.files);
  CHECK_FALSE(fs::exists(cold + "/.l10n-cache"));
}

void EditOnePost(const std::string& dir, const std::string& post) {
  std::string text = Slurp(dir + "/" + post);
  size_t at = text.find("<p>");
  REQUIRE(at != std::string::npos);
  text.insert(at + 3, "Indeed, ");
  Spit(dir + "/" + post, text);
}

void Steps(const std::string& cached, const std::string& cold, const std::string& post,
           const std::string& removed) {
  auto nothing = [](const std::string&) {};
  Step(cached, cold, "cold", nothing);
  Step(cached, cold, "again", nothing);
  Step(cached, cold, "nothing changed", nothing);
  REQUIRE(fs::exists(cached + "/.l10n-cache/segments"));
  REQUIRE(fs::exists(cached + "/.l10n-cache/extract"));
  Step(cached, cold, "one post edited", [&](const std::string& d) { EditOnePost(d, post); });
  Step(cached, cold, "after the edit", nothing);
  Step(cached, cold, "a post removed",
       [&](const std::string& d) { fs::remove(d + "/" + removed); });
  Step(cached, cold, "a setting changed", [](const std::string& d) {
    Spit(d + "/l10n.toml", Slurp(d + "/l10n.toml") + "\n[extract]\nfuzzy_matching = false\n");
  });
  Step(cached, cold, "after the setting", nothing);
}

TEST_CASE("cache: the corpus with and without the cache, step by step") {
  testing::TempDir cached, cold;
  CopyCorpus(cached.path());
  CopyCorpus(cold.path());
  std::vector<std::string> posts;
  for (const auto& e : fs::directory_iterator(cached / "corpus")) {
    posts.push_back("corpus/" + e.path().filename().string());
  }
  std::sort(posts.begin(), posts.end());
  REQUIRE(posts.size() > 2);
  Steps(cached.path(), cold.path(), posts[1], posts[2]);
}

TEST_CASE("cache: 200 generated posts with and without the cache, step by step") {
  testing::TempDir cached, cold;
  Generate(cached.path(), 200);
  Generate(cold.path(), 200);
  std::vector<std::string> posts;
  for (const auto& e : fs::directory_iterator(cached / "posts")) {
    posts.push_back("posts/" + e.path().filename().string());
  }
  std::sort(posts.begin(), posts.end());
  REQUIRE(posts.size() == 200);
  Steps(cached.path(), cold.path(), posts[17], posts[42]);
}

TEST_CASE("cache: nothing changed, extract rewrites no file and keeps every mtime") {
  testing::TempDir dir;
  Generate(dir.path(), 40);
  REQUIRE(Extract(dir.path(), "").exit_code == 0);
  REQUIRE(Extract(dir.path(), "").exit_code == 0);
  auto stamps = [&] {
    std::vector<std::pair<std::string, int64_t>> all;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      struct stat st;
      REQUIRE(::stat(e.path().c_str(), &st) == 0);
      all.emplace_back(e.path().string(),
                       static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
    }
    std::sort(all.begin(), all.end());
    return all;
  };
  auto before = stamps();
  Outcome again = Extract(dir.path(), "");
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("No file changed.") != std::string::npos);
  CHECK(stamps() == before);  // the cache's files too
  // Without the cache the run plans every file, and Commit leaves those
  // whose bytes are the same alone.
  Outcome cold = Extract(dir.path(), "--no-cache");
  CHECK(cold.out == again.out);
  CHECK(stamps() == before);
}

// What each damage does to the file at `path`.
struct Damage {
  const char* name;
  std::function<void(const std::string&)> apply;
};

std::vector<Damage> Damages() {
  return {
      {"truncated", [](const std::string& p) { fs::resize_file(p, fs::file_size(p) / 2); }},
      {"empty", [](const std::string& p) { Spit(p, ""); }},
      {"random bytes",
       [](const std::string& p) {
         std::string noise(fs::file_size(p), '\0');
         uint32_t x = 12345;
         for (char& c : noise) c = static_cast<char>((x = x * 1103515245 + 12345) >> 16);
         Spit(p, noise);
       }},
      {"a byte flipped inside a record",
       [](const std::string& p) {
         std::string bytes = Slurp(p);
         bytes[bytes.size() * 2 / 3] ^= 0x20;
         Spit(p, bytes);
       }},
      {"another version",
       [](const std::string& p) {
         std::string bytes = Slurp(p);
         bytes[8] = static_cast<char>(bytes[8] + 1);
         Spit(p, bytes);
       }},
      {"a folder",
       [](const std::string& p) {
         fs::remove(p);
         fs::create_directories(p + "/x");
       }},
      {"a dangling link",
       [](const std::string& p) {
         fs::remove(p);
         fs::create_symlink("nowhere/at/all", p);
       }},
  };
}

TEST_CASE("cache: a damaged cache gives the run a cold run gives, a note at most") {
  for (const char* file : {"segments", "extract"}) {
    for (const Damage& damage : Damages()) {
      CAPTURE(file);
      CAPTURE(damage.name);
      testing::TempDir cached, cold;
      Generate(cached.path(), 30);
      Generate(cold.path(), 30);
      for (int i = 0; i < 2; ++i) {
        Extract(cached.path(), "");
        Extract(cold.path(), "--no-cache");
      }
      damage.apply(cached / (".l10n-cache/" + std::string(file)));
      // Nothing changed, then a post edited: as the cold twin both times.
      std::string post;
      for (const auto& e : fs::directory_iterator(cached / "posts")) {
        post = std::max(post, "posts/" + e.path().filename().string());
      }
      for (int round = 0; round < 2; ++round) {
        if (round == 1) {
          EditOnePost(cached.path(), post);
          EditOnePost(cold.path(), post);
        }
        Outcome a = Extract(cold.path(), "--no-cache");
        Outcome b = Extract(cached.path(), "");
        CHECK(b.exit_code == a.exit_code);
        CHECK(b.out == a.out);
        CHECK(b.files == a.files);
        if (b.err != a.err) {  // only a note that the cache could not be written
          CHECK(b.err.find(": note: ") != std::string::npos);
          CHECK(b.err.find("error") == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("cache: runs killed mid-way leave a cache the next run can use or ignore") {
  testing::TempDir cached;
  Generate(cached.path(), 150);
  for (int delay_ms : {5, 20, 40, 80, 160, 320}) {
    CAPTURE(delay_ms);
    // A new post each time, so that the run has the cache to write.
    Spit(fmt::format("{}/posts/new-{}.html", cached.path(), delay_ms),
         fmt::format("<!DOCTYPE html><html lang=\"en\"><body><p>Post {}.</p></body></html>\n",
                     delay_ms));
    Run(fmt::format("{} >/dev/null 2>&1 & pid=$!; sleep {}; kill -9 $pid; wait $pid",
                    Tool("l10n-extract"), delay_ms / 1000.0),
        cached.path());
    // The project as the killed run left it, without its cache.
    testing::TempDir cold;
    fs::copy(cached.path(), cold.path(), fs::copy_options::recursive);
    fs::remove_all(cold / ".l10n-cache");
    Outcome a = Extract(cold.path(), "--no-cache");
    Outcome b = Extract(cached.path(), "");
    CHECK(b.exit_code == a.exit_code);
    CHECK(b.out == a.out);
    CHECK(b.err == a.err);
    CHECK(b.files == a.files);
  }
}

}  // namespace
}  // namespace l10n
