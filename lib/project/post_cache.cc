// PostCache (post_cache.h). The file (docs/cache.md):
//
//   header  "L10NSEGC", varint file format, varint segmentation format,
//           string tool version, fixed64 salt (the segment options and the
//           versions, hashed), varint record count
//   record  varint payload length, fixed64 Hash64 of the payload, payload:
//           fixed64 path hash, fixed64 text hash, varint text size, the
//           encoded Segmentation (post/segmentation_codec.h)
#include "project/post_cache.h"

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
constexpr uint64_t kFileFormat = 1;
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
  read_records_ = 0;
  file_ok_ = false;
  if (bytes_.compare(0, kMagic.size(), kMagic) != 0) return;
  ByteReader r(std::string_view(bytes_).substr(kMagic.size()));
  if (r.Varint() != kFileFormat || r.Varint() != kSegmentationFormat ||
      r.StringView() != kCacheToolVersion || r.Fixed64() != salt_ || !r.ok()) {
    return;
  }
  const size_t count = r.Count();
  for (size_t i = 0; i < count; ++i) {
    const size_t left = r.remaining();
    const uint64_t length = r.Varint();
    r.Fixed64();
    std::string_view payload = r.Bytes(length);
    if (!r.ok() || payload.size() < 16) return;  // the rest cannot be framed
    std::string_view record(bytes_.data() + (bytes_.size() - left), left - r.remaining());
    ByteReader key(payload);
    records_[key.Fixed64()] = record;
    ++read_records_;
  }
  file_ok_ = r.at_end() && records_.size() == count;
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

void PostCache::KeepFound(std::string_view record) { kept_.push_back(record); }

void PostCache::KeepMade(std::string record) {
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
  w.Varint(kept_.size());
  return out;
}

std::string PostCache::Serialize() const {
  std::string out = Header();
  for (std::string_view record : kept_) out += record;
  return out;
}

bool PostCache::changed() const {
  // Every record kept was found, and every record read was kept: the same
  // records, in the order LoadPosts keeps them (path order) as it wrote them.
  return !(file_ok_ && made_.empty() && kept_.size() == read_records_);
}

void PostCache::Save(DiagnosticSink* sink) {
  if (path_.empty() || !changed()) return;
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

}  // namespace l10n
