// Durable writes and hostile catalogs, end to end:
//  - a tool killed with SIGKILL at random moments of a large run leaves every
//    catalog and post either as it was or as the run would have written it,
//    never a mix;
//  - a second run on a project that one is working on is refused, with a
//    clear message, and changes nothing;
//  - a catalog full of injections publishes no unsafe byte.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace l10n {
namespace {

// A project of `posts` English posts of 30 paragraphs each, extracted.
void LargeProject(const std::string& dir, int posts, const std::string& word) {
  std::filesystem::create_directories(dir + "/posts");
  Spit(dir + "/l10n.toml", "[project]\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n");
  for (int p = 0; p < posts; ++p) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Post " +
                       std::to_string(p) + "</title></head>\n<body>\n";
    for (int i = 0; i < 30; ++i) {
      html += "<p>Paragraph " + std::to_string(i) + " of post " + std::to_string(p) + ": the " +
              word + " visited <a href=\"/p" + std::to_string(i) + "\">our partners</a>.</p>\n";
    }
    html += "</body>\n</html>\n";
    Spit(dir + "/posts/post" + std::to_string(p) + ".html", html);
  }
}

using Files = std::map<std::string, std::string>;

// A temporary file of the tools: ".NAME.l10n-tmp-PID-XXXXXX" (earlier
// versions: "NAME.tmp-XXXXXX").
bool IsTemporary(const std::string& path) {
  return path.find(".l10n-tmp-") != std::string::npos || path.find(".tmp-") != std::string::npos;
}

Files Contents(const std::string& dir) {
  Files files;
  for (const auto& [path, content] : Snapshot(dir)) {
    if (IsTemporary(path)) continue;  // a killed run's temporary file
    // The tools' caches: whatever a killed run left there, the next run
    // checks (merge_cache_test.cc).
    if (path.rfind(".l10n-cache/", 0) == 0) continue;
    files[path] = content;
  }
  return files;
}

// Runs `tool` in `dir` and kills it with SIGKILL after `delay`, or, when
// `first_write` is set, as soon as that file's content changes (in the
// middle of the writes); returns whether it had finished by then.
bool RunAndKill(const std::string& tool, const std::string& dir, std::chrono::microseconds delay,
                const std::string& first_write = "") {
  // A replaced file is a new inode: stat() sees it at once, where reading
  // the content would let the run go on for a while.
  auto inode = [&first_write] {
    struct stat st;
    return ::stat(first_write.c_str(), &st) == 0 ? st.st_ino : 0;
  };
  const ino_t before = first_write.empty() ? 0 : inode();
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execl(tool.c_str(), tool.c_str(), "-q", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (first_write.empty()) {
    std::this_thread::sleep_for(delay);
  } else {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (inode() == before && std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid, nullptr, WNOHANG) == pid) return true;
    }
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status);
}

// Pins the catalogs' dates for the tools a test runs, so that a run in the
// next minute writes the same bytes.
class FixedDate {
 public:
  FixedDate() { ::setenv("SOURCE_DATE_EPOCH", "2000000000", 1); }
  ~FixedDate() { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_CASE("a tool killed at any moment leaves each file old or new, never a mix") {
  FixedDate date;
  TempDir base;
  LargeProject(base / "old", 80, "team");
  REQUIRE(Run(Tool("l10n-extract") + " -q", base / "old").exit_code == 0);
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", base / "old").exit_code == 0);
  // The run to interrupt: every post edited, so every catalog and page changes.
  std::filesystem::copy(base / "old", base / "new", std::filesystem::copy_options::recursive);
  LargeProject(base / "new", 80, "youth team");
  Files edited;  // the edited posts: the run's input
  for (const auto& [path, content] : Contents(base / "new")) {
    if (path.rfind("posts/", 0) == 0) edited[path] = content;
  }
  REQUIRE(Run(Tool("l10n-extract") + " -q", base / "new").exit_code == 0);
  REQUIRE(Run(Tool("l10n-merge") + " -q", base / "new").exit_code == 0);
  Files old_files = Contents(base / "old");
  Files new_files = Contents(base / "new");

  for (const char* tool : {"l10n-extract", "l10n-merge"}) {
    CAPTURE(tool);
    // How long a whole run takes, to kill within it.
    TempDir timing;
    std::filesystem::copy(base / "old", timing.path(), std::filesystem::copy_options::recursive);
    for (const auto& [path, content] : edited) Spit(timing / path, content);
    auto start = std::chrono::steady_clock::now();
    REQUIRE(Run(Tool(tool) + " -q", timing.path()).exit_code == 0);
    auto full = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);

    // Kills spread over the second half of a run and a little beyond, where
    // the writes are; earlier ones find nothing written yet.
    std::mt19937 rng(7);
    int finished = 0, killed = 0, partly = 0, leftovers = 0;
    for (int round = 0; round < 16; ++round) {
      TempDir run;
      std::filesystem::copy(base / "old", run.path(), std::filesystem::copy_options::recursive);
      for (const auto& [path, content] : edited) Spit(run / path, content);
      std::chrono::microseconds delay(full.count() / 2 + rng() % (full.count() + 1));
      // merge's threshold is left at its default here: the Spanish pages
      // stay as they are, the English ones are rewritten.
      // Half the rounds kill at the first file written.
      std::string first_write;
      if (round % 2 == 1) {
        first_write = std::string(tool) == "l10n-extract" ? run / "locales/en.pot"
                                                          : run / "public/en/post0.html";
      }
      if (RunAndKill(Tool(tool), run.path(), delay, first_write)) {
        ++finished;
      } else {
        ++killed;
      }
      int changed = 0, unchanged = 0;
      for (const auto& [path, content] : Contents(run.path())) {
        CAPTURE(path);
        // What this tool writes: the catalogs, or the pages.
        bool written =
            path.rfind(std::string(tool) == "l10n-extract" ? "locales/" : "public/", 0) == 0;
        if (!written) {
          // Nothing else is touched.
        } else if (new_files.count(path) && new_files[path] == content &&
                   old_files[path] != content && !edited.count(path)) {
          ++changed;
        } else if (old_files.count(path) && old_files[path] == content &&
                   new_files[path] != content) {
          ++unchanged;
        }
        auto old_it = old_files.find(path);
        auto new_it = new_files.find(path);
        bool is_old = old_it != old_files.end() && old_it->second == content;
        bool is_new = new_it != new_files.end() && new_it->second == content;
        bool is_input = edited.count(path) && edited[path] == content;
        CHECK((is_old || is_new || is_input));
      }
      if (changed > 0 && unchanged > 0) ++partly;
      // The next run removes what a killed one left (checked in a few
      // rounds: a run takes a while).
      bool left = false;
      for (const auto& [path, content] : Snapshot(run.path())) left = left || IsTemporary(path);
      if (left && leftovers < 4) {
        ++leftovers;
        REQUIRE(Run(Tool(tool) + " -q", run.path()).exit_code == 0);
        for (const auto& [path, content] : Snapshot(run.path())) {
          CAPTURE(path);
          CHECK_FALSE(IsTemporary(path));
        }
      }
    }
    MESSAGE(std::string(tool) << ": " << killed << " runs killed (" << partly
                              << " in the middle of writing, " << leftovers
                              << " leaving temporary files the next run removed), " << finished
                              << " finished");
    CHECK(killed > 0);
    CHECK(partly > 0);
  }
}

TEST_CASE("a second run on a busy project is refused and changes nothing") {
  TempDir dir;
  LargeProject(dir.path(), 3, "team");
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  LargeProject(dir.path(), 3, "youth team");
  auto before = Snapshot(dir.path());
  // Another run holds the project: the lock the tools take, on its folder.
  int fd = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  const std::string busy = dir.path() +
                           ": error: another l10n-extract or l10n-merge is working on this "
                           "project; run again when it has finished\n";
  for (const char* tool : {"l10n-extract", "l10n-merge"}) {
    CAPTURE(tool);
    testing::CommandResult r = Run(Tool(tool) + " -c " + dir / "l10n.toml", "/");
    CHECK(r.err == busy);
    CHECK(r.exit_code == 1);
  }
  CHECK(Snapshot(dir.path()) == before);
  ::close(fd);
  // Once it is done, the next run goes ahead.
  CHECK(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(Snapshot(dir.path()) != before);
}

TEST_CASE("a catalog full of injections publishes no unsafe byte") {
  TempDir dir;
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  // Every Spanish string gets one attack, in turn; some attacks are text
  // that merge must publish escaped, others markup it must refuse.
  const std::vector<std::string> kAttacks = {
      "<script>alert(1)</script>Hola",
      "<img src=x onerror=alert(1)>",
      "Vea <a href=\\\"javascript:alert(1)\\\">esto</a>",
      "javascript:alert(document.cookie)",
      "</article></body><script src=//evil.example/x.js></script>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "&#60;script&#62;alert(1)&#60;/script&#62;",
      "Hola \xE2\x80\xAE"
      "dlrow olleH",
      "\\\" onmouseover=\\\"alert(1)",
      "<!-- --><svg onload=alert(1)>",
      "Categor\xC3\xAD"
      "a: <category/><category/>",
      "Fecha: <time/> <time/>",
  };
  std::string po = Slurp(dir / "locales/es.po");
  size_t at = 0;
  int n = 0;
  const std::string empty = "msgstr \"\"\n";
  while ((at = po.find(empty, at)) != std::string::npos) {
    if (at < 40) {  // the header
      at += empty.size();
      continue;
    }
    std::string attack = "msgstr \"" + kAttacks[n++ % kAttacks.size()] + "\"\n";
    po.replace(at, empty.size(), attack);
    at += attack.size();
  }
  Spit(dir / "locales/es.po", po);
  Spit(dir / "locales/en.po", Slurp(dir / "locales/en.po"));

  testing::CommandResult check = Run(Tool("l10n-check"), dir.path());
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("[unsafe]") != std::string::npos);
  testing::CommandResult merge = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(merge.exit_code == 1);
  std::string source = Slurp(dir / "posts/hello.html");
  // A run writes all of its pages or none: the Spanish page's units were
  // attacked, so no page is published at all.
  CHECK_FALSE(std::filesystem::exists(dir / "public"));
  (void)source;

  // Text that only looks like markup is published, escaped.
  po = Slurp(dir / "locales/es.po");
  const std::vector<std::string> kText = {
      "&lt;script>alert(1)&lt;/script> y 5 &lt; 6 &amp;&amp; 7 > 2",
      "Fecha de publicaci\xC3\xB3n: <time/>",
      "Categor\xC3\xAD"
      "a: <category/>",
      "Gracias por leer &amp;lt;b&amp;gt;.",
      "Conocimos a <a>nuestras socias</a> en Lima &amp; Cusco.",
  };
  size_t k = 0;
  for (const char* msgid : {"Hello world", "Publish Date: <time/>", "Category: <category/>",
                            "Thanks for reading.", "We met <a>our partners</a> in Lima."}) {
    size_t entry = po.find(std::string("msgid \"") + msgid + "\"\nmsgstr \"");
    REQUIRE(entry != std::string::npos);
    size_t value = po.find("msgstr \"", entry) + 8;
    size_t end = po.find("\"\n", value);
    std::string text = kText[k++ % kText.size()];
    if (std::string(msgid).find("<time/>") != std::string::npos) text = kText[1];
    if (std::string(msgid).find("<category/>") != std::string::npos) text = kText[2];
    po.replace(value, end - value, text);
  }
  Spit(dir / "locales/es.po", po);
  merge = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(merge.err == "");
  CHECK(merge.exit_code == 0);
  REQUIRE(std::filesystem::exists(dir / "public/es/hello.html"));
  std::string page = Slurp(dir / "public/es/hello.html");
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; y 5 &lt; 6 &amp;&amp; 7 &gt; 2") !=
        std::string::npos);
  for (const char* needle : {"<script", "onmouseover=\"", "<b>"}) {
    CAPTURE(needle);
    CHECK(page.find(needle) == std::string::npos);
  }
}

}  // namespace
}  // namespace l10n
