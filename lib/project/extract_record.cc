// ExtractInputsKey, ReplayExtract, RecordExtract (extract_record.h). The
// record (docs/cache.md):
//
//   "L10NEXTR", varint format, string tool version, fixed64 Hash64 of the
//   rest, then: fixed64 inputs key; the files (path, exists, size,
//   modification time in nanoseconds, fixed64 Hash64 of the bytes); the
//   report; the diagnostics.
#include "project/extract_record.h"

#include <sys/stat.h>

#include <cstdlib>

#include "base/byte_codec.h"
#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/parallel.h"
#include "base/ui_text.h"
#include "project/post_cache.h"

namespace l10n {

namespace {

constexpr std::string_view kMagic = "L10NEXTR";
constexpr uint64_t kFormat = 1;
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

struct FileStamp {
  bool exists = false;
  uint64_t size = 0;
  uint64_t mtime = 0;
  uint64_t hash = 0;
  bool operator==(const FileStamp&) const = default;
};

// The file as it is now; `readable` false when it exists but cannot be
// read (no record is made then).
FileStamp StampOf(const std::string& path, bool* readable) {
  FileStamp stamp;
  *readable = true;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return stamp;
  stamp.exists = true;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.mtime = static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000u +
                static_cast<uint64_t>(st.st_mtim.tv_nsec);
  // Mapped, not copied: the catalogs' XLIFF copies are large. Under the
  // project's lock no run rewrites them, and runs replace files by
  // renaming, never in place.
  Result<MappedFile> bytes = MappedFile::Open(path, kFileCap);
  if (!bytes.ok() || bytes->text().size() != stamp.size) {
    *readable = false;
    return stamp;
  }
  stamp.hash = Hash64(bytes->text());
  return stamp;
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

int GetInt(ByteReader* r) { return static_cast<int>(r->Signed()); }

}  // namespace

std::string ExtractRecordPath(const Config& config) {
  if (config.cache.empty()) return "";
  return config.Expand(config.cache, "") + "/extract";
}

uint64_t ExtractInputsKey(const Config& config, const std::vector<Post>& posts) {
  std::string bytes;
  ByteWriter w(&bytes);
  w.Varint(kFormat);
  w.String(kCacheToolVersion);
  PutConfig(&w, config);
  // The messages are in the language gettext picks from these.
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    w.String(value ? value : "");
  }
  w.Varint(posts.size());
  for (const Post& post : posts) {
    w.String(post.path);
    w.Fixed64(Hash64(post.html));
    w.Varint(post.html.size());
  }
  return Hash64(bytes);
}

namespace {

// The record's bytes after its header, when the header and the checksum
// hold (false otherwise).
bool ReadRecord(const std::string& path, std::string* bytes, std::string_view* rest) {
  if (path.empty()) return false;
  Result<std::string> read = ReadFile(path, kFileCap);
  if (!read.ok() || read->compare(0, kMagic.size(), kMagic) != 0) return false;
  *bytes = std::move(*read);
  ByteReader r(std::string_view(*bytes).substr(kMagic.size()));
  if (r.Varint() != kFormat || r.StringView() != kCacheToolVersion) return false;
  const uint64_t checksum = r.Fixed64();
  if (!r.ok()) return false;
  *rest = std::string_view(*bytes).substr(bytes->size() - r.remaining());
  return Hash64(*rest) == checksum;
}

// The key and the files of a record, its reader left after them.
bool ReadFiles(ByteReader* r, uint64_t* key,
               std::vector<std::pair<std::string, FileStamp>>* files) {
  *key = r->Fixed64();
  for (size_t n = r->Count(); n > 0 && r->ok(); --n) {
    auto& [file, recorded] = files->emplace_back();
    file = r->String();
    recorded.exists = r->Bool();
    recorded.size = r->Varint();
    recorded.mtime = r->Varint();
    recorded.hash = r->Fixed64();
  }
  return r->ok();
}

}  // namespace

std::map<std::string, uint64_t> RecordedHashes(const std::string& path) {
  std::map<std::string, uint64_t> hashes;
  std::string bytes;
  std::string_view rest;
  if (!ReadRecord(path, &bytes, &rest)) return hashes;
  ByteReader r(rest);
  uint64_t key;
  std::vector<std::pair<std::string, FileStamp>> files;
  if (!ReadFiles(&r, &key, &files)) return hashes;
  for (const auto& [file, stamp] : files) {
    if (stamp.exists) hashes[file] = stamp.hash;
  }
  return hashes;
}

bool ReplayExtract(const std::string& path, uint64_t key, RunReport* report, DiagnosticSink* sink) {
  std::string bytes;
  std::string_view rest;
  if (!ReadRecord(path, &bytes, &rest)) return false;
  ByteReader r(rest);
  uint64_t recorded_key;
  std::vector<std::pair<std::string, FileStamp>> files;
  if (!ReadFiles(&r, &recorded_key, &files) || recorded_key != key) return false;
  // The files read and hashed on every core (the XLIFF copies are large).
  std::vector<char> same(files.size(), 0);
  ParallelFor(files.size(), [&](size_t i) {
    bool readable;
    same[i] = StampOf(files[i].first, &readable) == files[i].second && readable;
  });
  for (char s : same) {
    if (!s) return false;
  }
  RunReport replayed;
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    LanguageReport& l = replayed.languages.emplace_back();
    l.lang = r.String();
    l.target = r.String();
    for (int* count : {&l.posts, &l.units, &l.translated, &l.words, &l.translated_words, &l.fuzzy,
                       &l.fuzzy_total, &l.obsolete}) {
      *count = GetInt(&r);
    }
    for (size_t m = r.Count(); m > 0 && r.ok(); --m) l.files.push_back(r.String());
  }
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) replayed.skipped.push_back(r.String());
  std::vector<Diagnostic> diagnostics;
  for (size_t n = r.Count(); n > 0 && r.ok(); --n) {
    Diagnostic& d = diagnostics.emplace_back();
    d.severity = static_cast<Severity>(r.Bounded(static_cast<uint64_t>(Severity::kError)));
    d.path = r.String();
    d.line = GetInt(&r);
    d.column = GetInt(&r);
    d.message = r.String();
    d.whole = r.Bool();
    d.check = r.String();
  }
  if (!r.ok() || !r.at_end()) return false;
  for (LanguageReport& l : replayed.languages) report->languages.push_back(std::move(l));
  for (std::string& s : replayed.skipped) report->skipped.push_back(std::move(s));
  for (Diagnostic& d : diagnostics) sink->Report(std::move(d));
  return true;
}

void RecordExtract(const std::string& path, uint64_t key, const std::vector<std::string>& files,
                   const RunReport& report, const std::vector<Diagnostic>& diagnostics,
                   DiagnosticSink* sink) {
  if (path.empty()) return;
  std::string rest;
  ByteWriter w(&rest);
  w.Fixed64(key);
  w.Varint(files.size());
  for (const std::string& file : files) {
    bool readable;
    FileStamp stamp = StampOf(file, &readable);
    if (!readable) return;
    w.String(file);
    w.Bool(stamp.exists);
    w.Varint(stamp.size);
    w.Varint(stamp.mtime);
    w.Fixed64(stamp.hash);
  }
  w.Varint(report.languages.size());
  for (const LanguageReport& l : report.languages) {
    w.String(l.lang);
    w.String(l.target);
    for (int count : {l.posts, l.units, l.translated, l.words, l.translated_words, l.fuzzy,
                      l.fuzzy_total, l.obsolete}) {
      w.Signed(count);
    }
    w.Varint(l.files.size());
    for (const std::string& f : l.files) w.String(f);
  }
  w.Varint(report.skipped.size());
  for (const std::string& s : report.skipped) w.String(s);
  w.Varint(diagnostics.size());
  for (const Diagnostic& d : diagnostics) PutDiagnostic(&w, d);
  std::string out(kMagic);
  ByteWriter header(&out);
  header.Varint(kFormat);
  header.String(kCacheToolVersion);
  header.Fixed64(Hash64(rest));
  out += rest;
  Status status = WriteFileAtomic(path, out);
  if (!status.ok()) {
    sink->Report({Severity::kNote, path, 0, 0,
                  _("the record of this run cannot be written there; the next run reads "
                    "every catalog again")});
  }
}

}  // namespace l10n
