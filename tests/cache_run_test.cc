// The tools' cache (docs/cache.md) end to end: a project run with its cache
// and its twin run with --no-cache print the same and write the same files
// at every step (a post edited, one removed, a setting changed), whatever
// is done to the cache between runs; nothing changed, extract touches no
// file.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "base/hash.h"
#include "project/run_record.h"
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
// `change` is applied to both, and checks they agree. Returns the cold
// twin's exit code.
int Step(const std::string& cached, const std::string& cold, const char* what,
         const std::function<void(const std::string&)>& change) {
  const std::string step = what;  // printed as text, not as a pointer
  CAPTURE(step);
  change(cached);
  change(cold);
  Outcome a = Extract(cold, "--no-cache");
  Outcome b = Extract(cached, "");
  CHECK(b.exit_code == a.exit_code);
  CHECK(b.out == a.out);
  CHECK(b.err == a.err);
  CHECK(b.files == a.files);
  CHECK_FALSE(fs::exists(cold + "/.l10n-cache"));
  return a.exit_code;
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

// Every file's modification time below `dir`, the cache's too.
std::vector<std::pair<std::string, int64_t>> Stamps(const std::string& dir) {
  std::vector<std::pair<std::string, int64_t>> all;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st;
    REQUIRE(::lstat(e.path().c_str(), &st) == 0);
    all.emplace_back(e.path().string(),
                     static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
  }
  std::sort(all.begin(), all.end());
  return all;
}

TEST_CASE("cache: nothing changed, extract rewrites no file and keeps every mtime") {
  testing::TempDir dir;
  Generate(dir.path(), 40);
  REQUIRE(Extract(dir.path(), "").exit_code == 0);
  REQUIRE(Extract(dir.path(), "").exit_code == 0);
  auto stamps = [&] { return Stamps(dir.path()); };
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

// Twin sites of 30 posts, each run twice by `run`: the cold one with
// --no-cache.
void GenerateTwins(const std::string& cached, const std::string& cold,
                   const std::function<Outcome(const std::string&, const std::string&)>& run) {
  Generate(cached, 30);
  Generate(cold, 30);
  for (int i = 0; i < 2; ++i) {
    run(cached, "");
    run(cold, "--no-cache");
  }
}

TEST_CASE("cache: a damaged cache gives the run a cold run gives, a note at most") {
  for (const char* file : {"segments", "extract"}) {
    for (const Damage& damage : Damages()) {
      CAPTURE(file);
      CAPTURE(damage.name);
      testing::TempDir cached, cold;
      GenerateTwins(cached.path(), cold.path(), Extract);
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

// ---- l10n-merge's record (run_record.h), and extract's stat-first check --

// extract then merge in `dir`, `args` given to both, `env` before them.
Outcome ExtractThenMerge(const std::string& dir, const std::string& args,
                         const std::string& env = "") {
  testing::CommandResult e = Run(
      fmt::format("{} SOURCE_DATE_EPOCH=1700000000 {} {}", env, Tool("l10n-extract"), args), dir);
  testing::CommandResult m = Run(fmt::format("{} {} {}", env, Tool("l10n-merge"), args), dir);
  return {e.exit_code * 10 + m.exit_code, e.out + "--\n" + m.out, e.err + "--\n" + m.err,
          testing::Snapshot(dir)};
}

// A file's bytes replaced in place (same inode), its modification time put
// back: only its change time says it changed.
void RewriteKeepingTime(const std::string& path, const std::string& bytes) {
  struct stat st;
  REQUIRE(::stat(path.c_str(), &st) == 0);
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  struct timespec times[2] = {st.st_atim, st.st_mtim};
  REQUIRE(::futimens(fd, times) == 0);
  ::close(fd);
}

std::string FirstTranslated(const std::string& po) {
  size_t at = po.find("\nmsgstr \"", po.find("\nmsgstr \"") + 1);
  while (at != std::string::npos && po.compare(at + 9, 1, "\"") == 0) {
    at = po.find("\nmsgstr \"", at + 1);
  }
  return at == std::string::npos ? "" : po.substr(at + 9, 20);
}

TEST_CASE("cache: extract and merge with and without their records, step by step") {
  testing::TempDir cached, cold;
  Generate(cached.path(), 60);
  Generate(cold.path(), 60);
  std::string page;  // a page merge writes (Spanish)
  auto step = [&](const char* what, const std::function<void(const std::string&)>& change,
                  const std::string& env = "") {
    const std::string step_name = what;
    CAPTURE(step_name);
    change(cached.path());
    change(cold.path());
    Outcome a = ExtractThenMerge(cold.path(), "--no-cache", env);
    Outcome b = ExtractThenMerge(cached.path(), "", env);
    for (size_t at; (at = b.err.find(cached.path())) != std::string::npos;) {
      b.err.replace(at, cached.path().size(), cold.path());  // a refusal names the folder
    }
    const std::string cached_name = fs::path(cached.path()).filename().string();
    const std::string cold_name = fs::path(cold.path()).filename().string();
    for (auto& [name, bytes] : b.files) {  // a link outside is listed where it leads
      if (size_t at = name.find(cached_name); at != std::string::npos) {
        name.replace(at, cached_name.size(), cold_name);
      }
    }
    CHECK(b.exit_code == a.exit_code);
    CHECK(b.out == a.out);
    CHECK(b.err == a.err);
    CHECK(b.files == a.files);
    for (size_t i = 0; i < a.files.size() && i < b.files.size(); ++i) {
      CAPTURE(a.files[i].first);
      CHECK(a.files[i] == b.files[i]);
    }
    CHECK_FALSE(fs::exists(cold / ".l10n-cache"));
  };
  auto nothing = [](const std::string&) {};
  const std::string post =
      "posts/" + fs::path(*std::next(fs::directory_iterator(cached / "posts"))).filename().string();
  step("cold", nothing);
  step("again", nothing);
  REQUIRE(fs::exists(cached / ".l10n-cache/merge-run"));
  step("nothing changed", nothing);
  for (const auto& e : fs::recursive_directory_iterator(cached / "public")) {
    if (e.is_regular_file()) page = fs::relative(e.path(), cached.path()).string();
  }
  REQUIRE_FALSE(page.empty());
  step("a post edited", [&](const std::string& d) { EditOnePost(d, post); });
  step("a post touched, the same bytes",
       [&](const std::string& d) { Spit(d + "/" + post, Slurp(d + "/" + post)); });
  step("a post edited, its mtime put back", [&](const std::string& d) {
    std::string text = Slurp(d + "/" + post);
    size_t at = text.find("<p>");
    REQUIRE(at != std::string::npos);
    text[at + 3] = text[at + 3] == 'Q' ? 'Z' : 'Q';
    RewriteKeepingTime(d + "/" + post, text);
  });
  step("a catalog edited", [&](const std::string& d) {
    std::string po = Slurp(d + "/locales/es.po");
    std::string msgstr = FirstTranslated(po);
    REQUIRE_FALSE(msgstr.empty());
    size_t at = po.find("\nmsgstr \"" + msgstr);
    po.insert(at + 9, "Ya ");
    Spit(d + "/locales/es.po", po);
  });
  step("after the catalog", nothing);
  step("a page deleted", [&](const std::string& d) { fs::remove(d + "/" + page); });
  step("a page edited", [&](const std::string& d) {
    Spit(d + "/" + page, Slurp(d + "/" + page) + "<!-- mine -->\n");
  });
  step("the UI language changed", nothing, "LANG=C.UTF-8 LANGUAGE=es");
  step("again in Spanish", nothing, "LANG=C.UTF-8 LANGUAGE=es");
  step("back in English", nothing);
  step("a setting changed", [](const std::string& d) {
    Spit(d + "/l10n.toml", Slurp(d + "/l10n.toml") + "\n[merge]\nkeep = 0\n");
  });
  step("after the setting", nothing);
  step("a post removed", [&](const std::string& d) { fs::remove(d + "/" + post); });
  step("a post added", [&](const std::string& d) {
    Spit(d + "/posts/zz-new.html",
         "<!DOCTYPE html><html lang=\"en\"><body><p>A new post.</p></body></html>\n");
  });
  step("the end", nothing);
  // A post that leads outside the project is refused, also with the same
  // bytes as the post it replaces.
  const std::string moved = fs::path(post).replace_filename("zz-new.html").string();
  step("a post replaced by a link outside the project", [&](const std::string& d) {
    fs::create_directories(d + "-outside");
    fs::rename(d + "/" + moved, d + "-outside/zz-new.html");
    fs::create_symlink(d + "-outside/zz-new.html", d + "/" + moved);
  });
  step("still outside", nothing);
  for (const std::string& d : {cached.path(), cold.path()}) fs::remove_all(d + "-outside");
}

TEST_CASE("cache: nothing changed, extract and merge touch no file, also after cp -a") {
  testing::TempDir dir, copy;
  Generate(dir.path(), 40);
  for (int i = 0; i < 2; ++i) REQUIRE(ExtractThenMerge(dir.path(), "").exit_code == 0);
  auto before = Stamps(dir.path());
  Outcome again = ExtractThenMerge(dir.path(), "");
  CHECK(again.exit_code == 0);
  CHECK(Stamps(dir.path()) == before);
  // A copy keeps the times but not the inodes: every file is hashed, the
  // same bytes hold, nothing is written.
  fs::remove_all(copy.path());
  REQUIRE(Run(fmt::format("cp -a {} {}", dir.path(), copy.path())).exit_code == 0);
  auto copied = Stamps(copy.path());
  Outcome there = ExtractThenMerge(copy.path(), "");
  CHECK(there.out == again.out);
  CHECK(there.err == again.err);
  CHECK(Stamps(copy.path()) == copied);
}

TEST_CASE("cache: a damaged record of either tool gives the run a cold run gives") {
  testing::TempDir cached, cold;
  GenerateTwins(cached.path(), cold.path(),
                [](const std::string& d, const std::string& a) { return ExtractThenMerge(d, a); });
  const Outcome want = ExtractThenMerge(cold.path(), "--no-cache");
  for (const char* file : {"extract", "merge-run"}) {
    const std::string path = cached / (".l10n-cache/" + std::string(file));
    const std::string good = Slurp(path);
    std::vector<std::string> damaged;
    for (size_t n = 0; n < 80 && n < good.size(); ++n) damaged.push_back(good.substr(0, n));
    for (size_t k = 1; k < 16; ++k) damaged.push_back(good.substr(0, good.size() * k / 16));
    damaged.push_back(good.substr(0, good.size() - 1));
    std::string noise(good.size(), '\0');
    uint32_t x = 777;
    for (char& c : noise) c = static_cast<char>((x = x * 1103515245 + 12345) >> 16);
    damaged.push_back(noise);
    damaged.push_back(good.substr(0, 8) + noise.substr(8));
    std::string version = good;
    version[8] = static_cast<char>(version[8] + 1);
    damaged.push_back(version);
    for (size_t i = 0; i < damaged.size(); ++i) {
      CAPTURE(file);
      CAPTURE(i);
      Spit(path, damaged[i]);
      Outcome got = ExtractThenMerge(cached.path(), "");
      CHECK(got.exit_code == want.exit_code);
      CHECK(got.out == want.out);
      CHECK(got.err == want.err);
      CHECK(got.files == want.files);
    }
  }
}

TEST_CASE("cache: a racy file (changed within the tick it was recorded in) is read") {
  testing::TempDir dir;
  const std::string path = dir / "post.html";
  Spit(path, "aaaa");
  FileStamp recorded;
  REQUIRE(StatFile(path, &recorded));
  REQUIRE(HashFile(path, &recorded));
  CHECK(recorded.hash == Hash64("aaaa"));
  // Rewritten with the same size in the same tick: a stat as recorded
  // (here the new stat itself, with the old bytes' hash).
  RewriteKeepingTime(path, "bbbb");
  FileStamp now;
  REQUIRE(StatFile(path, &now));
  now.hash = recorded.hash;
  // Recorded in the tick of its change (racy): read, and the change found.
  CHECK_FALSE(StillHolds(path, now, now.mtime_ns));
  CHECK_FALSE(StillHolds(path, now, now.mtime_ns - 1));
  // Recorded after that tick: its stat is trusted, the file not read.
  CHECK(StillHolds(path, now, now.mtime_ns + 1));
  // A stat that differs (its change time here) is read and hashed: the
  // same bytes hold, others do not.
  CHECK_FALSE(StillHolds(path, recorded, INT64_MAX));
  recorded.hash = Hash64("bbbb");
  CHECK(StillHolds(path, recorded, 0));
  now.hash = Hash64("bbbb");
  CHECK(StillHolds(path, now, now.mtime_ns));
  // No file where one was, and one where none was.
  FileStamp none;
  CHECK(StillHolds(dir / "absent.html", none, 0));
  CHECK_FALSE(StillHolds(path, none, 0));
  fs::remove(path);
  CHECK_FALSE(StillHolds(path, now, 0));
}

// ---- extract's parts: a source language whose inputs did not change ----

// The generated posts of `dir` in `lang`, by path.
std::vector<std::string> PostsIn(const std::string& dir, const std::string& lang) {
  std::vector<std::string> posts;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "posts")) {
    if (Slurp(e.path().string()).find("<html lang=\"" + lang + "\"") != std::string::npos) {
      posts.push_back("posts/" + e.path().filename().string());
    }
  }
  std::sort(posts.begin(), posts.end());
  return posts;
}

// A category link put at the end of the post's article.
void AddCategory(const std::string& dir, const std::string& post, const std::string& slug,
                 const std::string& label) {
  std::string text = Slurp(dir + "/" + post);
  size_t at = text.find("</article>");
  REQUIRE(at != std::string::npos);
  text.insert(at, fmt::format("<p class=\"post-categories\"><a rel=\"category tag\" "
                              "href=\"https://example.org/category/{}/\">{}</a></p>\n",
                              slug, label));
  Spit(dir + "/" + post, text);
}

TEST_CASE(
    "cache: a language whose inputs did not change is not planned, and gives what planning "
    "gives") {
  testing::TempDir cached, cold;
  Generate(cached.path(), 60);
  Generate(cold.path(), 60);
  // Two XLIFF copies: a translation entered in one is taken in.
  for (const std::string& d : {cached.path(), cold.path()}) {
    std::string toml = Slurp(d + "/l10n.toml");
    toml.replace(toml.find("xliff = [\"1.2\"]"), 15, "xliff = [\"1.2\", \"2.0\"]");
    Spit(d + "/l10n.toml", toml);
  }
  const std::vector<std::string> en = PostsIn(cached.path(), "en");
  const std::vector<std::string> es = PostsIn(cached.path(), "es");
  REQUIRE(en.size() > 2);
  REQUIRE(es.size() > 2);
  auto nothing = [](const std::string&) {};
  // Each step a run that succeeds, with and without the cache alike.
  auto step = [&](const char* what, const std::function<void(const std::string&)>& change) {
    CHECK(Step(cached.path(), cold.path(), what, change) == 0);
  };
  step("cold", nothing);
  step("again", nothing);
  step("an English post edited", [&](const std::string& d) { EditOnePost(d, en[0]); });
  step("a Spanish post edited", [&](const std::string& d) { EditOnePost(d, es[0]); });
  step("one of each edited", [&](const std::string& d) {
    EditOnePost(d, en[1]);
    EditOnePost(d, es[1]);
  });
  step("nothing changed", nothing);
  // A Spanish category with no English name is an entry of the Spanish
  // template; a bilingual label in an English post names it, so that the
  // Spanish template loses the entry though no Spanish post changed.
  const std::string entry = "msgctxt \"category\"\nmsgid \"Zanahorias\"";
  step("a category in a Spanish post",
       [&](const std::string& d) { AddCategory(d, es[2], "zanahorias", "Zanahorias"); });
  CHECK(Slurp(cold / "locales/es.pot").find(entry) != std::string::npos);
  step("the category named in an English post",
       [&](const std::string& d) { AddCategory(d, en[2], "zanahorias", "Carrots / Zanahorias"); });
  CHECK(Slurp(cold / "locales/es.pot").find(entry) == std::string::npos);
  // The Spanish part's catalog (Spanish to English) edited by hand, an
  // English post edited: both parts planned.
  step("the unchanged language's catalog edited", [&](const std::string& d) {
    std::string po = Slurp(d + "/locales/en.po");
    std::string msgstr = FirstTranslated(po);
    REQUIRE_FALSE(msgstr.empty());
    po.insert(po.find("\nmsgstr \"" + msgstr) + 9, "Yes ");
    Spit(d + "/locales/en.po", po);
    EditOnePost(d, en[0]);
  });
  step("after the catalog", nothing);
  // A translation entered in the XLIFF copy of that catalog is taken in.
  const std::string xlf = "locales/xliff1.2/en.xlf";
  REQUIRE(fs::exists(cached / xlf));
  step("the unchanged language's XLIFF copy edited", [&](const std::string& d) {
    std::string text = Slurp(d + "/" + xlf);
    const std::string target = "<target state=\"translated\">";
    size_t at = text.find(target);
    REQUIRE(at != std::string::npos);
    text.insert(at + target.size(), "Entered ");
    Spit(d + "/" + xlf, text);
    EditOnePost(d, en[1]);
  });
  CHECK(Slurp(cold / "locales/en.po").find("msgstr \"Entered ") != std::string::npos);
  step("after the copy", nothing);
  step("a Spanish post removed", [&](const std::string& d) { fs::remove(d + "/" + es[0]); });
  step("an English post edited again", [&](const std::string& d) { EditOnePost(d, en[0]); });
}

// The extract record with `from` (its last occurrence) replaced by `to`
// (as long), its checksum made to hold again: as a run could have written it.
void RewriteRecord(const std::string& path, const std::string& from, const std::string& to) {
  REQUIRE(from.size() == to.size());
  std::string bytes = Slurp(path);
  // "L10NRUNR", varint format, string tool version (short), fixed64 checksum.
  REQUIRE(bytes.compare(0, 8, "L10NRUNR") == 0);
  const size_t sum = 8 + 1 + 1 + static_cast<uint8_t>(bytes[9]);
  REQUIRE(bytes.size() > sum + 8);
  size_t at = bytes.rfind(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(at > sum + 8);
  bytes.replace(at, from.size(), to);
  uint64_t h = Hash64(std::string_view(bytes).substr(sum + 8));
  for (int i = 0; i < 8; ++i) bytes[sum + i] = static_cast<char>(h >> (8 * i));
  Spit(path, bytes);
}

TEST_CASE("cache: a part held is replayed from the record, one whose inputs changed is planned") {
  testing::TempDir dir;
  Generate(dir.path(), 30);
  const std::vector<std::string> en = PostsIn(dir.path(), "en");
  const std::vector<std::string> es = PostsIn(dir.path(), "es");
  REQUIRE(!en.empty());
  REQUIRE(!es.empty());
  for (int i = 0; i < 2; ++i) REQUIRE(Extract(dir.path(), "").exit_code == 0);
  // What the record says of the Spanish part (its report's last file, the
  // Spanish to English catalog's XLIFF copy) made to differ from the
  // files, so that a replay shows.
  const std::string record = dir / ".l10n-cache/extract";
  RewriteRecord(record, "en.xlf", "en.xlX");
  EditOnePost(dir.path(), en[0]);
  Outcome held = Extract(dir.path(), "");
  CHECK(held.exit_code == 0);
  CHECK(held.out.find("en.xlX") != std::string::npos);  // the Spanish part replayed
  CHECK(held.out.find("es.xlf") != std::string::npos);  // the English part planned
  // The run records the part as it replayed it: held again, until a
  // Spanish post changes.
  EditOnePost(dir.path(), en[0]);
  CHECK(Extract(dir.path(), "").out.find("en.xlX") != std::string::npos);
  EditOnePost(dir.path(), es[0]);
  Outcome planned = Extract(dir.path(), "");
  CHECK(planned.exit_code == 0);
  CHECK(planned.out.find("en.xlX") == std::string::npos);
  CHECK(planned.out.find("en.xlf") != std::string::npos);
  // A Spanish part's file changed (touched: its stat differs, its bytes
  // hold) is still held; one whose bytes changed is planned.
  RewriteRecord(record, "en.xlf", "en.xlX");
  EditOnePost(dir.path(), en[0]);
  Spit(dir / "locales/es.pot", Slurp(dir / "locales/es.pot"));
  CHECK(Extract(dir.path(), "").out.find("en.xlX") != std::string::npos);
  RewriteRecord(record, "en.xlf", "en.xlX");
  EditOnePost(dir.path(), en[0]);
  Spit(dir / "locales/es.pot", Slurp(dir / "locales/es.pot") + "\n");
  Outcome replanned = Extract(dir.path(), "");
  CHECK(replanned.out.find("en.xlX") == std::string::npos);
}

TEST_CASE("cache: a damaged record of the parts gives what planning gives") {
  testing::TempDir cached, cold;
  GenerateTwins(cached.path(), cold.path(), Extract);
  const std::vector<std::string> en = PostsIn(cached.path(), "en");
  REQUIRE(!en.empty());
  const std::string path = cached / ".l10n-cache/extract";
  // A good record of a run that planned one part and held the other.
  EditOnePost(cached.path(), en[0]);
  EditOnePost(cold.path(), en[0]);
  Extract(cached.path(), "");
  Extract(cold.path(), "--no-cache");
  const std::string good = Slurp(path);
  std::vector<std::string> damaged;
  for (size_t k = 1; k < 24; ++k) damaged.push_back(good.substr(0, good.size() * k / 24));
  for (size_t n = 1; n < 40 && n < good.size(); ++n)
    damaged.push_back(good.substr(0, good.size() - n));
  for (size_t k = 1; k < 12; ++k) {
    std::string flipped = good;
    flipped[good.size() - good.size() * k / 48 - 1] ^= 0x04;
    damaged.push_back(flipped);
  }
  for (size_t i = 0; i < damaged.size(); ++i) {
    CAPTURE(i);
    Spit(path, damaged[i]);
    // Each time another edit of an English post: the Spanish part is what
    // the damaged record would hold.
    EditOnePost(cached.path(), en[0]);
    EditOnePost(cold.path(), en[0]);
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
