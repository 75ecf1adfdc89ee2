// Reading and writing files: what a read refuses (anything but a regular
// file, anything over its cap), writing through symbolic links, the
// temporary files a killed run leaves, and write errors that name the file
// (a full disk, `ulimit -f`). Unit tests of lib/file_io.h, then the tools.
#include "base/file_io.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace l10n {
namespace {

const char kNotRegular[] =
    ": error: cannot read file: not a regular file (a FIFO, socket or device)";

mode_t Mode(const std::string& path) {
  struct stat st;
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Every temporary file of the tools below `dir`, either naming.
std::vector<std::string> Temporaries(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".l10n-tmp-") != std::string::npos || name.find(".tmp-") != std::string::npos) {
      found.push_back(entry.path().string());
    }
  }
  return found;
}

// A process id that was in use a moment ago and is not now.
pid_t GonePid() {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST_CASE("a read refuses what is not a regular file, before reading it") {
  TempDir dir;
  std::filesystem::create_symlink("/dev/null", dir / "null.po");
  struct Case {
    std::string path;
    std::string want;
  };
  const Case cases[] = {
      {"/dev/null", "/dev/null" + std::string(kNotRegular)},
      {dir / "null.po", dir / "null.po" + kNotRegular},
      {dir.path(), dir.path() + ": error: cannot read file: Is a directory"},
      {dir / "missing.po", dir / "missing.po: error: cannot open file: No such file or directory"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    Result<std::string> text = ReadFile(c.path);
    CHECK(text.status().message() == c.want);
    Result<MappedFile> mapped = MappedFile::Open(c.path);
    CHECK(mapped.status().message() == c.want);
  }
}

TEST_CASE("a read's size cap holds before and while reading") {
  TempDir dir;
  // A sparse file: its size is known without a byte read.
  Spit(dir / "big.po", "");
  std::filesystem::resize_file(dir / "big.po", (size_t{1} << 30) + 1);
  const std::string too_large = dir /
                                "big.po: error: the catalog is 1073741825 bytes; catalogs "
                                "over 1024 MiB are refused";
  CHECK(ReadFile(dir / "big.po", kCatalogCap).status().message() == too_large);
  CHECK(MappedFile::Open(dir / "big.po", kCatalogCap).status().message() == too_large);
  const SizeCap small{1000, kSettingsCap.too_large};
  Spit(dir / "small.toml", std::string(1000, 'x'));
  CHECK(ReadFile(dir / "small.toml", small).ok());
  Spit(dir / "small.toml", std::string(1001, 'x'));
  CHECK(ReadFile(dir / "small.toml", small).status().message() ==
        dir / "small.toml: error: the file is 1001 bytes; settings files over 0 MiB are refused");
  // A file that says it is empty and reads on (as if it grew while read):
  // the cap stops the read.
  Result<std::string> status = ReadFile("/proc/self/status", {64, kSettingsCap.too_large});
  CHECK(status.status().message() ==
        "/proc/self/status: error: the file grew past the limit of 64 bytes while it was read");
  CHECK(ReadFile("/proc/self/status", kSettingsCap).ok());
}

TEST_CASE("a write goes through a symbolic link and keeps the target's mode") {
  TempDir dir;
  Spit(dir / "shared/es.po", "old");
  ::chmod((dir / "shared/es.po").c_str(), 0640);
  std::filesystem::create_directories(dir / "locales");
  std::filesystem::create_symlink("../shared/es.po", dir / "locales/es.po");
  std::filesystem::create_symlink("es.po", dir / "locales/again.po");  // a link to a link

  REQUIRE(WriteFileAtomic(dir / "locales/es.po", "new").ok());
  CHECK(std::filesystem::is_symlink(dir / "locales/es.po"));
  CHECK(Slurp(dir / "shared/es.po") == "new");
  CHECK(Mode(dir / "shared/es.po") == 0640);
  REQUIRE(WriteFileAtomic(dir / "locales/again.po", "newer").ok());
  CHECK(std::filesystem::is_symlink(dir / "locales/again.po"));
  CHECK(Slurp(dir / "shared/es.po") == "newer");
  CHECK(Mode(dir / "shared/es.po") == 0640);

  // A replaced regular file keeps its mode too; a new one is 0644.
  Spit(dir / "plain.po", "old");
  ::chmod((dir / "plain.po").c_str(), 0600);
  REQUIRE(WriteFileAtomic(dir / "plain.po", "new").ok());
  CHECK(Mode(dir / "plain.po") == 0600);
  REQUIRE(WriteFileAtomic(dir / "fresh.po", "new").ok());
  CHECK(Mode(dir / "fresh.po") == 0644);
  CHECK(Temporaries(dir.path()).empty());

  // A dangling link, or one to something that is not a regular file, is
  // refused and left as it is.
  std::filesystem::create_symlink("../moved/es.po", dir / "locales/gone.po");
  CHECK(WriteFileAtomic(dir / "locales/gone.po", "x").message() ==
        dir /
            "locales/gone.po: error: cannot write through the symbolic link: its target "
            "'../moved/es.po' does not exist");
  CHECK(std::filesystem::is_symlink(dir / "locales/gone.po"));
  CHECK_FALSE(std::filesystem::exists(dir / "moved"));
  std::filesystem::create_symlink("/dev/null", dir / "locales/null.po");
  CHECK(WriteFileAtomic(dir / "locales/null.po", "x").message() ==
        dir /
            "locales/null.po: error: cannot write through the symbolic link: its target "
            "'/dev/null' is not a regular file");
  CHECK(std::filesystem::is_character_file("/dev/null"));
  CHECK(Temporaries(dir.path()).empty());
}

TEST_CASE("only the temporary files of a run that is gone are removed") {
  TempDir dir;
  const std::string gone = std::to_string(GonePid());
  const std::string alive = std::to_string(::getpid());
  const std::vector<std::string> removed = {
      ".hello.html.l10n-tmp-" + gone + "-aB3dE9",
      "hello.html.tmp-Xy12Zw",  // the earlier naming, beside a file written
  };
  const std::vector<std::string> kept = {
      ".hello.html.l10n-tmp-" + alive + "-aB3dE9",  // a process still running
      ".hello.html.l10n-tmp-1-aB3dE9",
      ".hello.html.l10n-tmp-" + gone + "-aB3dE",  // not mkstemp's six characters
      ".hello.html.l10n-tmp-" + gone + "-aB3dE9x",
      ".hello.html.l10n-tmp--aB3dE9",
      "hello.html.l10n-tmp-" + gone + "-aB3dE9",  // not hidden
      "notes.txt.tmp-Xy12Zw",                     // beside a file not written
      "hello.html.tmp-Xy12Z",
      "hello.html",
  };
  for (const std::string& name : removed) Spit(dir / name, "x");
  for (const std::string& name : kept) Spit(dir / name, "x");
  std::filesystem::create_symlink("hello.html", dir / (".a.l10n-tmp-" + gone + "-zzzzzz"));
  std::filesystem::create_directory(dir / (".b.l10n-tmp-" + gone + "-zzzzzz"));

  std::vector<std::string> got = RemoveLeftoverTemporaries(dir.path(), {"hello.html"});
  std::sort(got.begin(), got.end());
  std::vector<std::string> want;
  for (const std::string& name : removed) want.push_back(dir / name);
  std::sort(want.begin(), want.end());
  CHECK(got == want);
  for (const std::string& name : kept) {
    CAPTURE(name);
    CHECK(std::filesystem::exists(dir / name));
  }
  CHECK(std::filesystem::is_symlink(dir / (".a.l10n-tmp-" + gone + "-zzzzzz")));
  CHECK(std::filesystem::is_directory(dir / (".b.l10n-tmp-" + gone + "-zzzzzz")));
}

// ---- The tools ----

// tests/cli/basic after l10n-extract.
void Project(const TempDir& dir) {
  std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/tests/cli/basic", dir.path(),
                        std::filesystem::copy_options::recursive);
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
}

void Edit(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = Slurp(file);
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  Spit(file, text.replace(at, from.size(), to));
}

TEST_CASE("l10n-extract writes a catalog that is a symbolic link through the link") {
  TempDir dir;
  Project(dir);
  std::filesystem::create_directories(dir / "shared");
  std::filesystem::rename(dir / "locales/es.po", dir / "shared/es.po");
  std::filesystem::create_symlink("../shared/es.po", dir / "locales/es.po");
  ::chmod((dir / "shared/es.po").c_str(), 0664);
  Edit(dir / "posts/hello.html", "Thanks for reading.", "Thank you for reading.");

  testing::CommandResult r = Run(Tool("l10n-extract") + " -q", dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::is_symlink(dir / "locales/es.po"));
  CHECK(Slurp(dir / "shared/es.po").find("msgid \"Thank you for reading.\"") != std::string::npos);
  CHECK(Mode(dir / "shared/es.po") == 0664);
  CHECK(Temporaries(dir.path()).empty());
}

TEST_CASE("a post that leads outside the project is refused") {
  TempDir outside, dir;
  Project(dir);
  Spit(outside / "secret.html",
       "<!DOCTYPE html>\n<html lang=\"en\"><body><p>Not for publishing</p></body></html>\n");
  std::filesystem::create_symlink(outside / "secret.html", dir / "posts/secret.html");
  auto before = Snapshot(dir.path());
  const std::string secret = std::filesystem::canonical(outside / "secret.html").string();
  const std::string root = std::filesystem::canonical(dir.path()).string();
  for (const char* tool : {"l10n-extract", "l10n-merge"}) {
    CAPTURE(tool);
    testing::CommandResult r = Run(Tool(tool) + " -q", dir.path());
    CHECK(r.err == "posts/secret.html: error: the post leads to '" + secret +
                       "', outside the project folder '" + root + "'\n");
    CHECK(r.exit_code == 1);
    CHECK(Snapshot(dir.path()) == before);
  }
  // A link that stays inside the project is a post like any other.
  std::filesystem::remove(dir / "posts/secret.html");
  Spit(dir / "drafts/secret.html", Slurp(outside / "secret.html"));
  std::filesystem::create_symlink("../drafts/secret.html", dir / "posts/secret.html");
  CHECK(Run(Tool("l10n-extract") + " -q", dir.path()).exit_code == 0);
  CHECK(Slurp(dir / "locales/en.pot").find("Not for publishing") != std::string::npos);
}

TEST_CASE("a run removes the temporary files a killed run left where it writes") {
  TempDir dir;
  Project(dir);
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  const std::string gone = std::to_string(GonePid());
  const std::vector<std::string> leftovers = {
      "public/en/.hello.html.l10n-tmp-" + gone + "-k9Qz1A",
      "public/es/.hola.html.l10n-tmp-" + gone + "-Ab0000",
      "public/es/hello.html.tmp-Ab3XyZ",  // the earlier naming
  };
  const std::vector<std::string> others = {
      "public/en/.hello.html.l10n-tmp-1-k9Qz1A",  // a process that runs
      "public/en/hello.html.bak", "public/en/notes.tmp-Ab3XyZ",
      "public/.hello.html.l10n-tmp-" + gone + "-k9Qz1A",  // not a folder written to
  };
  for (const std::string& f : leftovers) Spit(dir / f, "<p>half a page");
  for (const std::string& f : others) Spit(dir / f, "mine");
  // Nothing to write: the pages are as they would be, and the leftovers go.
  testing::CommandResult r = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  for (const std::string& f : leftovers) {
    CAPTURE(f);
    CHECK_FALSE(std::filesystem::exists(dir / f));
  }
  for (const std::string& f : others) {
    CAPTURE(f);
    CHECK(Slurp(dir / f) == "mine");
  }
}

TEST_CASE("past ulimit -f a write fails with the file's path, and nothing is replaced") {
  TempDir dir;
  Project(dir);
  std::string paragraphs;
  for (int i = 0; i < 200; ++i) paragraphs += "<p>Paragraph " + std::to_string(i) + ".</p>\n";
  Edit(dir / "posts/hello.html", "</body>", paragraphs + "</body>");
  auto before = Snapshot(dir.path());
  // dash counts -f in 512-byte blocks, bash in 1024: the catalogs are larger
  // either way, the posts smaller.
  testing::CommandResult r = Run("ulimit -f 8 && " + Tool("l10n-extract") + " -q", dir.path());
  CHECK(r.err ==
        "locales/en.pot: error: cannot write file: File too large\n"
        "locales/es.po: error: cannot write file: File too large\n");
  CHECK(r.exit_code == 1);
  CHECK(Snapshot(dir.path()) == before);
  CHECK(Temporaries(dir.path()).empty());
  // Standard output too.
  r = Run("ulimit -f 1 && " + Tool("l10n-check") + " --format json > report.json", dir.path());
  CHECK(r.err == "<standard output>: error: cannot write file: File too large\n");
  CHECK(r.exit_code == 2);
}

// A tmpfs of 64 KiB mounted on a folder while it lives (root only).
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& path) : path_(path) {
    std::filesystem::create_directories(path);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", path.c_str(), "tmpfs", 0, "size=64k") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }

 private:
  std::string path_;
  bool mounted_ = false;
};

TEST_CASE("a full disk: the error names the file, and no page is replaced") {
  TempDir dir;
  Project(dir);
  SmallDisk disk(dir / "public");
  if (!disk.mounted()) {
    L10N_SKIP_TEST("cannot mount a tmpfs (not root); the ulimit -f case covers the write errors");
  }
  REQUIRE(Run(Tool("l10n-merge") + " -q --keep 0", dir.path()).exit_code == 0);
  // The Spanish post changes a little; the English one grows so that its
  // English page fits on the disk and its Spanish page then does not.
  Edit(dir / "posts/hola.html", "Hola mundo", "Hola, mundo");
  Edit(dir / "posts/hello.html", "</body>", "<p>" + std::string(40000, 'a') + "</p></body>");
  auto before = Snapshot(dir / "public");
  testing::CommandResult r = Run(Tool("l10n-merge") + " -q --keep 0", dir.path());
  CHECK(r.err == "public/es/hello.html: error: cannot write file: No space left on device\n");
  CHECK(r.exit_code == 1);
  CHECK(Snapshot(dir / "public") == before);
  CHECK(Temporaries(dir / "public").empty());
}

}  // namespace
}  // namespace l10n
