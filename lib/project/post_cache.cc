// PostCache (post_cache.h). The file (docs/cache.md):
//
//   header  "L10NSEGC", varint file format, varint segmentation format,
//           string tool version, fixed64 salt (the segment options and the
//           versions, hashed)
//   record  varint payload length, fixed64 Hash64 of the payload, payload:
//           fixed64 path hash, fixed64 text hash, varint text size, the
//           encoded Segmentation (post/segmentation_codec.h)
//
// Records follow the header to the end of the file, a log: a run appends
// the records it made, and a later record of a path stands for the earlier
// ones. The file is written whole again (only the records kept) when the
// records no run keeps any longer would outweigh those it keeps.
#include "project/post_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "base/byte_codec.h"
#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/ui_text.h"
#include "post/segmentation_codec.h"

#ifndef L10N_VERSION
#define L10N_VERSION "unknown"
#endif

namespace l10n {

const char kCacheToolVersion[] = "l10n-tools " L10N_VERSION;

namespace {

constexpr std::string_view kMagic = "L10NSEGC";
constexpr uint64_t kFileFormat = 2;
constexpr uint64_t kChecksumSeed = 0x6c31306e63686b73ULL;
constexpr uint64_t kTextSeed = 0x6c31306e74657874ULL;
// The cache is read whole; one larger than this is ignored.
constexpr SizeCap kCacheCap{size_t{1} << 30, N_("the cache is {} bytes; over {} MiB is ignored")};

uint64_t SaltOf(const SegmentOptions& options) {
  std::string bytes;
  ByteWriter w(&bytes);
  w.Varint(kFileFormat);
  w.Varint(kSegmentationFormat);
  w.String(kCacheToolVersion);
  w.Bool(options.shortcodes);
  for (const std::vector<std::string>* list :
       {&options.shortcode_names, &options.prose_pre_classes, &options.front_matter_keys}) {
    w.Varint(list->size());
    for (const std::string& s : *list) w.String(s);
  }
  return Hash64(bytes);
}

}  // namespace

std::string SegmentCachePath(const Config& config) {
  if (config.cache.empty()) return "";
  return config.Expand(config.cache, "") + "/segments";
}

void PostCache::Open(const std::string& path, const SegmentOptions& options) {
  path_ = path;
  salt_ = SaltOf(options);
  if (path_.empty()) return;
  Result<std::string> bytes = ReadFile(path_, kCacheCap);
  if (bytes.ok()) bytes_ = std::move(*bytes);
  Index();
}

void PostCache::OpenBytes(std::string bytes, const SegmentOptions& options) {
  opened_bytes_ = true;
  salt_ = SaltOf(options);
  bytes_ = std::move(bytes);
  Index();
}

void PostCache::Index() {
  records_.clear();
  file_ok_ = false;
  framed_ = 0;
  if (bytes_.compare(0, kMagic.size(), kMagic) != 0) return;
  ByteReader r(std::string_view(bytes_).substr(kMagic.size()));
  if (r.Varint() != kFileFormat || r.Varint() != kSegmentationFormat ||
      r.StringView() != kCacheToolVersion || r.Fixed64() != salt_ || !r.ok()) {
    return;
  }
  file_ok_ = true;
  framed_ = bytes_.size() - r.remaining();
  while (!r.at_end()) {
    const size_t left = r.remaining();
    const uint64_t length = r.Varint();
    r.Fixed64();
    std::string_view payload = r.Bytes(length);
    // What cannot be framed (a run killed while appending, damage) ends
    // the records: the rest is dropped when the next run appends.
    if (!r.ok() || payload.size() < 16) return;
    std::string_view record(bytes_.data() + (bytes_.size() - left), left - r.remaining());
    ByteReader key(payload);
    records_[key.Fixed64()] = record;  // a later record of the path stands
    framed_ = bytes_.size() - r.remaining();
  }
}

PostCache::Key PostCache::KeyOf(const std::string& path, std::string_view text) const {
  return {Hash64(path, salt_), Hash64(text, salt_ ^ kTextSeed), text.size()};
}

bool PostCache::Find(const std::string& path, std::string_view text, Segmentation* segmentation,
                     std::string_view* record) const {
  const Key key = KeyOf(path, text);
  auto it = records_.find(key.path);
  if (it == records_.end()) return false;
  ByteReader r(it->second);
  const uint64_t length = r.Varint();
  const uint64_t checksum = r.Fixed64();
  std::string_view payload = r.Bytes(length);
  if (!r.ok() || Hash64(payload, kChecksumSeed) != checksum) return false;
  ByteReader p(payload);
  if (p.Fixed64() != key.path || p.Fixed64() != key.text || p.Varint() != key.size || !p.ok()) {
    return false;
  }
  if (!DecodeSegmentation(payload.substr(payload.size() - p.remaining()), text.size(),
                          segmentation)) {
    return false;
  }
  *record = it->second;
  return true;
}

std::string PostCache::Record(const std::string& path, std::string_view text,
                              const Segmentation& segmentation) const {
  const Key key = KeyOf(path, text);
  std::string payload;
  ByteWriter p(&payload);
  p.Fixed64(key.path);
  p.Fixed64(key.text);
  p.Varint(key.size);
  EncodeSegmentation(segmentation, &payload);
  std::string record;
  ByteWriter w(&record);
  w.Varint(payload.size());
  w.Fixed64(Hash64(payload, kChecksumSeed));
  record += payload;
  return record;
}

void PostCache::KeepFound(std::string_view record) {
  kept_.push_back(record);
  found_bytes_ += record.size();
}

void PostCache::KeepMade(std::string record) {
  made_bytes_ += record.size();
  made_.push_back(std::move(record));
  kept_.push_back(made_.back());
}

std::string PostCache::Header() const {
  std::string out(kMagic);
  ByteWriter w(&out);
  w.Varint(kFileFormat);
  w.Varint(kSegmentationFormat);
  w.String(kCacheToolVersion);
  w.Fixed64(salt_);
  return out;
}

std::string PostCache::Serialize() const {
  std::string out = Header();
  for (std::string_view record : kept_) out += record;
  return out;
}

bool PostCache::Compacts() const {
  if (!file_ok_) return true;
  // The records kept that are in the file are in its framed part; the rest
  // of it (but the header) is records no longer kept, or superseded.
  const size_t records = framed_ - Header().size();
  const size_t dead = records > found_bytes_ ? records - found_bytes_ : 0;
  return dead > found_bytes_ + made_bytes_;
}

bool PostCache::changed() const { return Compacts() || !made_.empty() || framed_ != bytes_.size(); }

void PostCache::Save(DiagnosticSink* sink) {
  if (path_.empty() || !changed()) return;
  if (!Compacts() && Append()) return;
  // A run killed while writing left its temporary file (the lock is held).
  RemoveLeftoverTemporaries(std::filesystem::path(path_).parent_path().string(), {});
  // Written record by record: the file is not built in memory first.
  AtomicFile file(path_);
  Status status = file.Open();
  if (status.ok()) status = file.Append(Header());
  for (size_t i = 0; i < kept_.size() && status.ok(); ++i) status = file.Append(kept_[i]);
  if (status.ok()) status = file.Commit();
  if (!status.ok()) {
    sink->Report({Severity::kNote, path_, 0, 0,
                  _("the segmentation cache cannot be written there; every post is segmented "
                    "again on the next run")});
  }
}

bool PostCache::Append() {
  // Only to the regular file read (not through a link: Save replaces a
  // link as AtomicFile does), when it is still as long as it was read: the
  // lock keeps other runs out, but not a person.
  struct stat st;
  if (::lstat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uint64_t>(st.st_size) != bytes_.size()) {
    return false;
  }
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // What could not be framed goes, so that what is appended is framed.
  bool ok = ::ftruncate(fd, static_cast<off_t>(framed_)) == 0 &&
            ::lseek(fd, static_cast<off_t>(framed_), SEEK_SET) >= 0;
  for (size_t i = 0; ok && i < made_.size(); ++i) {
    std::string_view data = made_[i];
    while (ok && !data.empty()) {
      const ssize_t n = ::write(fd, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) data.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Not synced: a record lost or cut short by a crash is a miss, no more.
  ok = ::close(fd) == 0 && ok;
  // A failure part way left records that frame, or a tail that does not
  // (dropped by the next run); the file written whole is as good.
  return ok;
}

}  // namespace l10n
