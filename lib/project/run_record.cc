// RunRecord (run_record.h). The record (docs/cache.md):
//
//   "L10NRUNR", varint format, string tool version, fixed64 Hash64 of the
//   rest, then: fixed64 inputs key; fixed64 patterns key; signed posts'
//   and files' stat times; string root; the folders (path, where it
//   leads); the posts' and the other files' stamps; the report; the
//   diagnostics; whether the whole run replays; the parts.
#include "project/run_record.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>

#include "base/byte_codec.h"
#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/parallel.h"
#include "base/path_glob.h"
#include "base/ui_text.h"
#include "project/merge_cache.h"
#include "project/post_cache.h"

namespace l10n {

namespace {

constexpr std::string_view kMagic = "L10NRUNR";
constexpr uint64_t kFormat = 3;
constexpr SizeCap kFileCap{size_t{1} << 30, N_("the file is {} bytes; over {} MiB is not read")};

// A new setting changes the size: add it to PutConfig, then update this.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
// (Config::progress and free_memory are no settings: they change no output.)
static_assert(sizeof(Config) == 1056);
static_assert(sizeof(SiteSettings) == 232);
#endif

void PutList(ByteWriter* w, const std::vector<std::string>& list) {
  w->Varint(list.size());
  for (const std::string& s : list) w->String(s);
}

void PutMap(ByteWriter* w, const std::map<std::string, std::string>& map) {
  w->Varint(map.size());
  for (const auto& [k, v] : map) {
    w->String(k);
    w->String(v);
  }
}

void PutConfig(ByteWriter* w, const Config& c) {
  for (const std::string* s :
       {&c.root, &c.project_name, &c.taxonomy, &c.template_pattern, &c.catalog_pattern,
        &c.output_pattern, &c.markdown_output_pattern, &c.xliff_pattern, &c.cache, &c.site_urls,
        &c.import_from, &c.import_pair, &c.import_map}) {
    w->String(*s);
  }
  for (const std::vector<std::string>* list :
       {&c.languages, &c.posts, &c.compendia, &c.check_errors, &c.check_warnings, &c.check_ignore,
        &c.unknown_xliff_versions, &c.segment.shortcode_names, &c.segment.prose_pre_classes,
        &c.segment.front_matter_keys}) {
    PutList(w, *list);
  }
  w->Varint(c.xliff_versions.size());
  for (XliffVersion v : c.xliff_versions) w->Varint(static_cast<uint64_t>(v));
  w->Bool(c.segment.shortcodes);
  w->Bool(c.fuzzy_matching);
  w->Bool(c.purge_obsolete);
  w->Signed(c.keep);
  w->Signed(c.check_min_coverage);
  w->Varint(static_cast<uint64_t>(c.date_style));
  PutMap(w, c.category_patterns);
  w->String(c.site.base_url);
  PutMap(w, c.site.post_url);
  PutMap(w, c.site.category_url);
  w->Varint(c.site.pages.size());
  for (const auto& page : c.site.pages) PutMap(w, page);
  w->String(c.site.x_default);
  PutMap(w, c.site.og_locale);
  w->String(std::to_string(c.import_accept));
  w->Bool(c.unknown_date_style.has_value());
  if (c.unknown_date_style) w->String(*c.unknown_date_style);
}

int64_t Nanoseconds(const struct timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// The clock the file system stamps files with (coarse: never ahead of a
// stamp given after it).
int64_t Now() {
  struct timespec t;
  ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
  return Nanoseconds(t);
}

// Where `folder` leads, as LoadPosts and l10n-merge resolve it, relative
// to where the project's root (`root`, canonical) leads: the same in a copy
// of the project ("\n": it cannot be resolved).
std::string WhereFolder(const std::string& folder, const std::filesystem::path& root) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(
      std::filesystem::absolute(folder.empty() ? "." : folder, ec), ec);
  if (ec) return "\n";
  return root.empty() ? real.string() : real.lexically_relative(root).string();
}

std::filesystem::path WhereRoot(const Config& config) {
  std::error_code ec;
  std::filesystem::path root =
      std::filesystem::canonical(config.root.empty() ? "." : config.root, ec);
  return ec ? std::filesystem::path() : root;
}

void PutStamp(ByteWriter* w, const std::string& path, const FileStamp& s) {
  w->String(path);
  w->Varint((s.exists ? 1 : 0) | (s.link ? 2 : 0));
  w->Varint(s.size);
  w->Signed(s.mtime_ns);
  w->Signed(s.ctime_ns);
  w->Varint(s.inode);
  w->Varint(s.device);
  if (s.link) w->String(s.target);
  w->Fixed64(s.hash);
}

void GetStamp(ByteReader* r, std::string* path, FileStamp* s) {
  *path = r->String();
  const uint64_t flags = r->Bounded(3);
  s->exists = flags & 1;
  s->link = flags & 2;
  s->size = r->Varint();
  s->mtime_ns = r->Signed();
  s->ctime_ns = r->Signed();
  s->inode = r->Varint();
  s->device = r->Varint();
  if (s->link) s->target = r->String();
  s->hash = r->Fixed64();
}

void PutDiagnostic(ByteWriter* w, const Diagnostic& d) {
  w->Varint(static_cast<uint64_t>(d.severity));
  w->String(d.path);
  w->Signed(d.line);
  w->Signed(d.column);
  w->String(d.message);
  w->Bool(d.whole);
  w->String(d.check);
}

int GetInt(ByteReader* r) {
  const int64_t v = r->Signed();
  if (v < INT_MIN || v > INT_MAX) r->Fail();
  return static_cast<int>(v);
}

void PutLanguages(ByteWriter* w, const std::vector<LanguageReport>& languages) {
  w->Varint(languages.size());
  for (const LanguageReport& l : languages) {
    w->String(l.lang);
    w->String(l.target);
    for (int count : {l.posts, l.units, l.translated, l.words, l.translated_words, l.fuzzy,
                      l.fuzzy_total, l.obsolete}) {
      w->Signed(count);
    }
    w->Varint(l.files.size());
    for (const std::string& f : l.files) w->String(f);
  }
}

void GetLanguages(ByteReader* r, std::vector<LanguageReport>* languages) {
  for (size_t n = r->Count(); n > 0 && r->ok(); --n) {
    LanguageReport& l = languages->emplace_back();
    l.lang = r->String();
    l.target = r->String();
    for (int* count : {&l.posts, &l.units, &l.translated, &l.words, &l.translated_words, &l.fuzzy,
                       &l.fuzzy_total, &l.obsolete}) {
      *count = GetInt(r);
    }
    for (size_t m = r->Count(); m > 0 && r->ok(); --m) l.files.push_back(r->String());
  }
}

void PutDiagnostics(ByteWriter* w, const std::vector<Diagnostic>& diagnostics) {
  w->Varint(diagnostics.size());
  for (const Diagnostic& d : diagnostics) PutDiagnostic(w, d);
}

void GetDiagnostics(ByteReader* r, std::vector<Diagnostic>* diagnostics) {
  for (size_t n = r->Count(); n > 0 && r->ok(); --n) {
    Diagnostic& diag = diagnostics->emplace_back();
    diag.severity = static_cast<Severity>(r->Bounded(static_cast<uint64_t>(Severity::kError)));
    diag.path = r->String();
    diag.line = GetInt(r);
    diag.column = GetInt(r);
    diag.message = r->String();
    diag.whole = r->Bool();
    diag.check = r->String();
  }
}

// The folder a file is in, as the record lists it.
std::string FolderOf(const std::string& file) {
  std::string parent = std::filesystem::path(file).parent_path().string();
  return parent.empty() ? "." : parent;
}

}  // namespace

// A record as read, nothing checked against the files yet.
struct RunRecord::Decoded {
  int64_t mtime_ns = 0;  // of the record's file
  uint64_t key = 0;
  uint64_t patterns_key = 0;
  int64_t posts_at = 0, files_at = 0;
  std::string root;
  struct Folder {
    std::string path, where;  // where it leads
    FileStamp stamp;          // its hash: of the names in it
  };
  std::vector<Folder> folders;
  std::vector<std::pair<std::string, FileStamp>> posts, files;
  RunReport report;
  std::vector<Diagnostic> diagnostics;
  bool replayable = false;
  std::vector<RunRecord::Part> parts;
  std::vector<std::vector<size_t>> part_files;  // per part: indices into `files`
};

namespace {

using Decoded = RunRecord::Decoded;

bool Decode(const std::string& path, Decoded* d) {
  if (path.empty()) return false;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  d->mtime_ns = Nanoseconds(st.st_mtim);
  Result<std::string> bytes = ReadFile(path, kFileCap);
  if (!bytes.ok() || bytes->compare(0, kMagic.size(), kMagic) != 0) return false;
  ByteReader h(std::string_view(*bytes).substr(kMagic.size()));
  if (h.Varint() != kFormat || h.StringView() != kCacheToolVersion) return false;
  const uint64_t checksum = h.Fixed64();
  if (!h.ok()) return false;
  std::string_view rest = std::string_view(*bytes).substr(bytes->size() - h.remaining());
  if (Hash64(rest) != checksum) return false;
  ByteReader r(rest);
  d->key = r.Fixed64();
  d->patterns_key = r.Fixed64();
  d->posts_at = r.Signed();
  d->files_at = r.Signed();
  d->root = r.String();
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    Decoded::Folder& folder = d->folders.emplace_back();
    GetStamp(&r, &folder.path, &folder.stamp);
    folder.where = r.String();
  }
  for (auto* list : {&d->posts, &d->files}) {
    for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
      auto& [file, stamp] = list->emplace_back();
      GetStamp(&r, &file, &stamp);
    }
  }
  GetLanguages(&r, &d->report.languages);
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) d->report.skipped.push_back(r.String());
  GetDiagnostics(&r, &d->diagnostics);
  d->replayable = r.Bool();
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    RunRecord::Part& part = d->parts.emplace_back();
    std::vector<size_t>& indices = d->part_files.emplace_back();
    part.name = r.String();
    part.key = r.Fixed64();
    for (size_t m = r.Count(); m > 0 && r.ok(); --m) {
      // An index past the files is a record that does not decode.
      const size_t i = r.Bounded(d->files.empty() ? 0 : d->files.size() - 1);
      if (d->files.empty()) r.Fail();
      const bool staged = r.Bool();
      if (!r.ok()) break;
      indices.push_back(i);
      part.files.emplace_back(d->files[i].first, staged);
    }
    GetLanguages(&r, &part.languages);
    GetDiagnostics(&r, &part.diagnostics);
  }
  return r.ok() && r.at_end();
}

// fn(i) for every i in [0, n), in blocks on every core: for stat() calls,
// each too short to be a task of its own.
void ForEachInBlocks(size_t n, const std::function<void(size_t)>& fn) {
  constexpr size_t kBlock = 128;
  ParallelFor((n + kBlock - 1) / kBlock, [&](size_t b) {
    for (size_t i = b * kBlock; i < n && i < (b + 1) * kBlock; ++i) fn(i);
  });
}

// Whether every file still holds what was recorded: stat first (on every
// core), then the files that need it read and hashed (the XLIFF copies are
// large, and after a `cp -a` every file is).
bool AllHold(const std::vector<std::pair<std::string, FileStamp>>& files, int64_t racy_ns) {
  enum : char { kHolds, kHash, kMiss };
  std::vector<char> state(files.size(), kMiss);
  ForEachInBlocks(files.size(), [&](size_t i) {
    const auto& [path, recorded] = files[i];
    FileStamp now;
    if (!StatFile(path, &now) || now.exists != recorded.exists) return;
    if (!now.exists) {
      state[i] = kHolds;
    } else if (now.link != recorded.link || now.target != recorded.target ||
               now.size != recorded.size) {
      return;
    } else {
      state[i] = now.SameStat(recorded) && now.mtime_ns < racy_ns ? kHolds : kHash;
    }
  });
  std::vector<size_t> to_hash;
  for (size_t i = 0; i < files.size(); ++i) {
    if (state[i] == kMiss) return false;
    if (state[i] == kHash) to_hash.push_back(i);
  }
  std::vector<char> same(to_hash.size(), 0);
  ParallelFor(to_hash.size(), [&](size_t k) {
    const auto& [path, recorded] = files[to_hash[k]];
    FileStamp now;
    same[k] = HashFile(path, &now) && now.hash == recorded.hash;
  });
  return std::all_of(same.begin(), same.end(), [](char s) { return s != 0; });
}

// stamp->hash from the names in the folder `path` (what a run killed
// mid-way leaves there is one); false when it cannot be read.
bool HashFolder(const std::string& path, FileStamp* stamp) {
  DIR* dir = ::opendir(path.c_str());
  if (!dir) return false;
  std::vector<std::string> names;
  while (const struct dirent* e = ::readdir(dir)) names.emplace_back(e->d_name);
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  Hasher h(2);
  for (const std::string& name : names) h.Add(name);
  stamp->hash = h.value();
  return true;
}

// Whether `folder` still leads where it did and holds the names it held (a
// run killed while writing there left its temporary files, which a run
// removes); `racy_ns` as for AllHold.
bool FolderHolds(const Decoded::Folder& folder, const std::filesystem::path& root,
                 int64_t racy_ns) {
  if (WhereFolder(folder.path, root) != folder.where) return false;
  FileStamp now;
  if (!StatFile(folder.path, &now) || now.exists != folder.stamp.exists) return false;
  if (!now.exists || (now.SameStat(folder.stamp) && now.mtime_ns < racy_ns)) return true;
  return HashFolder(folder.path, &now) && now.hash == folder.stamp.hash;
}

}  // namespace

bool StatFile(const std::string& path, FileStamp* stamp) {
  *stamp = FileStamp();
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT || errno == ENOTDIR;
  if (S_ISLNK(st.st_mode)) {
    stamp->link = true;
    char* real = ::realpath(path.c_str(), nullptr);
    if (real) {
      stamp->target = real;
      std::free(real);
    }
    if (::stat(path.c_str(), &st) != 0) {
      // A dangling link: a file that is not there, but a link.
      stamp->exists = false;
      return errno == ENOENT || errno == ENOTDIR;
    }
  }
  stamp->exists = true;
  stamp->size = static_cast<uint64_t>(st.st_size);
  stamp->mtime_ns = Nanoseconds(st.st_mtim);
  stamp->ctime_ns = Nanoseconds(st.st_ctim);
  stamp->inode = static_cast<uint64_t>(st.st_ino);
  stamp->device = static_cast<uint64_t>(st.st_dev);
  return true;
}

bool HashFile(const std::string& path, FileStamp* stamp) {
  // Mapped, not copied: the catalogs' XLIFF copies are large.
  Result<MappedFile> bytes = MappedFile::Open(path, kFileCap);
  if (!bytes.ok()) return false;
  stamp->hash = Hash64(bytes->text());
  stamp->size = bytes->text().size();
  return true;
}

bool StillHolds(const std::string& path, const FileStamp& recorded, int64_t racy_ns) {
  return AllHold({{path, recorded}}, racy_ns);
}

uint64_t RunInputsKey(const Config& config, const char* tool) {
  std::string bytes;
  ByteWriter w(&bytes);
  w.Varint(kFormat);
  w.String(tool);
  w.String(kCacheToolVersion);
  w.Fixed64(ToolBuildKey());
  PutConfig(&w, config);
  // The messages are in the language gettext picks from these.
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    w.String(value ? value : "");
  }
  return Hash64(bytes);
}

RunRecord::RunRecord(const Config& config, const char* name) : config_(config) {
  if (config.cache.empty()) return;
  path_ = config.Expand(config.cache, "") + "/" + name;
  key_ = RunInputsKey(config, name);
}

bool RunRecord::ExpandPosts() {
  if (expanded_) return true;
  expanded_ = true;
  // As LoadPosts: each pattern expanded, the files sorted, each once; a
  // pattern that matches nothing is a warning.
  std::set<std::string> files;
  Hasher patterns(1);
  for (const std::string& pattern : config_.posts) {
    std::string full = config_.Expand(pattern, "");
    std::vector<std::string> matched = ExpandGlob(full);
    patterns.Add(full).Add(matched.empty() ? 1 : 0);
    files.insert(matched.begin(), matched.end());
  }
  patterns_key_ = patterns.value();
  posts_.assign(files.begin(), files.end());
  return true;
}

void RunRecord::StatPosts() {
  if (path_.empty() || !post_stamps_.empty()) return;
  ExpandPosts();
  posts_at_ = Now();
  post_stamps_.resize(posts_.size());
  std::vector<char> ok(posts_.size(), 0);
  ForEachInBlocks(posts_.size(), [&](size_t i) {
    ok[i] = StatFile(posts_[i], &post_stamps_[i]) && post_stamps_[i].exists;
  });
  posts_ok_ = std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; });
}

std::vector<uint64_t> RunRecord::HashPosts(const std::vector<Post>& posts) {
  std::vector<uint64_t> hashes;
  if (path_.empty() || !posts_ok_) return hashes;
  std::map<std::string_view, size_t> read;  // file -> its post
  for (size_t k = 0; k < posts.size(); ++k) read[posts[k].file] = k;
  hashes.resize(posts.size());
  std::vector<char> found(posts.size(), 0);
  std::vector<char> ok(posts_.size(), 1);
  ParallelFor(posts_.size(), [&](size_t i) {
    FileStamp& stamp = post_stamps_[i];
    auto it = read.find(posts_[i]);
    if (it == read.end()) {
      // Left out (another post's page): read, not kept.
      uint64_t size = stamp.size;
      ok[i] = HashFile(posts_[i], &stamp) && stamp.size == size;
    } else {
      const std::string& html = posts[it->second].html;
      ok[i] = html.size() == stamp.size;
      stamp.hash = Hash64(html);
      hashes[it->second] = stamp.hash;
      found[it->second] = 1;
    }
  });
  posts_ok_ = std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; }) &&
              std::all_of(found.begin(), found.end(), [](char c) { return c != 0; });
  if (!posts_ok_) hashes.clear();
  return hashes;
}

RunRecord::~RunRecord() = default;

const RunRecord::Decoded* RunRecord::Last() const {
  if (!read_) {
    read_ = true;
    last_ = std::make_unique<Decoded>();
    if (!Decode(path_, last_.get())) last_.reset();
  }
  return last_.get();
}

bool RunRecord::Replay(RunReport* report, DiagnosticSink* sink) {
  if (!Last() || last_->key != key_ || !last_->replayable) return false;
  Decoded& d = *last_;
  ExpandPosts();
  if (d.patterns_key != patterns_key_ || d.posts.size() != posts_.size()) return false;
  for (size_t i = 0; i < posts_.size(); ++i) {
    if (d.posts[i].first != posts_[i]) return false;
  }
  const std::filesystem::path root = WhereRoot(config_);
  if (d.root != (root.empty() ? "" : ".")) return false;
  // The folders: where they lead, and what is in them (a run killed while
  // writing there left its temporary files, which a run removes).
  for (const Decoded::Folder& folder : d.folders) {
    if (!FolderHolds(folder, root, std::min(d.files_at, d.mtime_ns))) return false;
  }
  // The stat of the posts, taken before anything reads them, is also what
  // StatPosts() keeps when this misses.
  StatPosts();
  std::vector<size_t> to_hash;
  for (size_t i = 0; i < posts_.size(); ++i) {
    const FileStamp& now = post_stamps_[i];
    const FileStamp& recorded = d.posts[i].second;
    if (!now.exists || !recorded.exists || now.link != recorded.link ||
        now.target != recorded.target || now.size != recorded.size) {
      return false;
    }
    if (!now.SameStat(recorded) || now.mtime_ns >= std::min(d.posts_at, d.mtime_ns)) {
      to_hash.push_back(i);
    }
  }
  std::vector<char> same(to_hash.size(), 0);
  ParallelFor(to_hash.size(), [&](size_t k) {
    FileStamp now;
    same[k] = HashFile(posts_[to_hash[k]], &now) && now.hash == d.posts[to_hash[k]].second.hash;
  });
  if (!std::all_of(same.begin(), same.end(), [](char s) { return s != 0; })) return false;
  if (!AllHold(d.files, std::min(d.files_at, d.mtime_ns))) return false;
  for (const LanguageReport& l : d.report.languages) report->languages.push_back(l);
  for (const std::string& s : d.report.skipped) report->skipped.push_back(s);
  for (const Diagnostic& diag : d.diagnostics) sink->Report(diag);
  return true;
}

const RunRecord::Part* RunRecord::HeldPart(const std::string& name, uint64_t key) const {
  if (!Last() || last_->key != key_) return nullptr;
  const Decoded& d = *last_;
  size_t k = 0;
  while (k < d.parts.size() && d.parts[k].name != name) ++k;
  if (k == d.parts.size() || d.parts[k].key != key) return nullptr;
  const std::filesystem::path root = WhereRoot(config_);
  if (d.root != (root.empty() ? "" : ".")) return nullptr;
  const int64_t racy_ns = std::min(d.files_at, d.mtime_ns);
  std::vector<std::pair<std::string, FileStamp>> files;
  std::set<std::string> folders;
  for (size_t i : d.part_files[k]) {
    files.push_back(d.files[i]);
    folders.insert(FolderOf(d.files[i].first));
  }
  for (const Decoded::Folder& folder : d.folders) {
    if (folders.erase(folder.path) > 0 && !FolderHolds(folder, root, racy_ns)) return nullptr;
  }
  // Every folder was recorded (a record that lacks one is not used).
  if (!folders.empty() || !AllHold(files, racy_ns)) return nullptr;
  return &d.parts[k];
}

std::map<std::string, uint64_t> RunRecord::RecordedHashes() const {
  std::map<std::string, uint64_t> hashes;
  if (!Last()) return hashes;
  for (const auto& [file, stamp] : last_->files) {
    if (stamp.exists) hashes[file] = stamp.hash;
  }
  return hashes;
}

void RunRecord::Record(const std::vector<std::string>& files, const RunReport& report,
                       const std::vector<Diagnostic>& diagnostics, DiagnosticSink* sink,
                       const std::vector<Part>& parts, bool replayable) {
  if (path_.empty() || !posts_ok_) return;
  const int64_t files_at = Now();
  std::vector<FileStamp> stamps(files.size());
  std::vector<char> ok(files.size(), 0);
  // A file whose stat is as the last record has it (and not racy there)
  // keeps its hash: only what changed is read (most pages of a merge).
  std::map<std::string_view, const FileStamp*> last;
  int64_t last_racy = 0;
  if (Last()) {
    last_racy = std::min(last_->files_at, last_->mtime_ns);
    for (const auto& [file, stamp] : last_->files) last[file] = &stamp;
  }
  ParallelFor(files.size(), [&](size_t i) {
    FileStamp& stamp = stamps[i];
    if (!StatFile(files[i], &stamp)) return;
    auto it = last.find(files[i]);
    if (stamp.exists && it != last.end() && it->second->exists && stamp.SameStat(*it->second) &&
        stamp.mtime_ns < last_racy) {
      stamp.hash = it->second->hash;
      ok[i] = 1;
      return;
    }
    const uint64_t size = stamp.size;
    ok[i] = !stamp.exists || (HashFile(files[i], &stamp) && stamp.size == size);
  });
  if (!std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; })) return;
  std::set<std::string> folders;
  for (const std::vector<std::string>* list :
       {static_cast<const std::vector<std::string>*>(&posts_), &files}) {
    for (const std::string& file : *list) folders.insert(FolderOf(file));
  }
  std::string rest;
  ByteWriter w(&rest);
  w.Fixed64(key_);
  w.Fixed64(patterns_key_);
  w.Signed(posts_at_);
  w.Signed(files_at);
  const std::filesystem::path root = WhereRoot(config_);
  w.String(root.empty() ? "" : ".");
  w.Varint(folders.size());
  for (const std::string& folder : folders) {
    FileStamp stamp;
    if (!StatFile(folder, &stamp) || (stamp.exists && !HashFolder(folder, &stamp))) return;
    PutStamp(&w, folder, stamp);
    w.String(WhereFolder(folder, root));
  }
  w.Varint(posts_.size());
  for (size_t i = 0; i < posts_.size(); ++i) PutStamp(&w, posts_[i], post_stamps_[i]);
  w.Varint(files.size());
  for (size_t i = 0; i < files.size(); ++i) PutStamp(&w, files[i], stamps[i]);
  PutLanguages(&w, report.languages);
  w.Varint(report.skipped.size());
  for (const std::string& s : report.skipped) w.String(s);
  PutDiagnostics(&w, diagnostics);
  w.Bool(replayable);
  // Each part's files by their place among `files`; a part with a file
  // that is not one of them is left out (it could not be checked).
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < files.size(); ++i) index.emplace(files[i], i);
  std::vector<const Part*> kept;
  for (const Part& part : parts) {
    if (std::all_of(part.files.begin(), part.files.end(),
                    [&index](const auto& f) { return index.count(f.first) > 0; })) {
      kept.push_back(&part);
    }
  }
  w.Varint(kept.size());
  for (const Part* part : kept) {
    w.String(part->name);
    w.Fixed64(part->key);
    w.Varint(part->files.size());
    for (const auto& file : part->files) {
      w.Varint(index[file.first]);
      w.Bool(file.second);
    }
    PutLanguages(&w, part->languages);
    PutDiagnostics(&w, part->diagnostics);
  }
  std::string out(kMagic);
  ByteWriter header(&out);
  header.Varint(kFormat);
  header.String(kCacheToolVersion);
  header.Fixed64(Hash64(rest));
  out += rest;
  Status status = WriteFileAtomic(path_, out);
  if (!status.ok()) {
    sink->Report({Severity::kNote, path_, 0, 0,
                  _("the record of this run cannot be written there; the next run reads "
                    "every catalog again")});
  }
}

}  // namespace l10n
