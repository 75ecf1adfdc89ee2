#include "project/merge_cache.h"

#include <sys/stat.h>

#include <cstring>
#include <filesystem>

#include "base/file_io.h"
#include "base/input_limits.h"

namespace l10n {

namespace {

// The file: kMagic, the format number (a varint), the checksum of what
// follows (8 bytes, little-endian), then the records: a varint count and
// each record's fields, strings as a varint length and their bytes.
constexpr std::string_view kMagic = "l10n-merge-cache\n";
constexpr uint64_t kFormat = 1;
constexpr SizeCap kCacheCap = {uint64_t{1} << 30, "the merge cache is {} bytes, over {} MiB"};

constexpr uint64_t kK0 = 0xa0761d6478bd642full;
constexpr uint64_t kK1 = 0xe7037ed1a0b428dbull;
constexpr uint64_t kK2 = 0x8ebc6af09c88c6e3ull;

uint64_t Mix(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

class Writer {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void Signed(int64_t v) {
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Fixed(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_ += s;
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Every read is checked against the end: a truncated or garbled file is
// refused, never read past.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      uint8_t byte = static_cast<uint8_t>(in_[pos_++]);
      *v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return true;
    }
    return false;
  }
  bool Signed(int64_t* v) {
    uint64_t u;
    if (!Varint(&u)) return false;
    *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
  }
  bool Int(int* v) {
    int64_t s;
    if (!Signed(&s) || s < INT32_MIN || s > INT32_MAX) return false;
    *v = static_cast<int>(s);
    return true;
  }
  bool Fixed(uint64_t* v) {
    if (in_.size() - pos_ < 8) return false;
    *v = 0;
    for (int i = 0; i < 8; ++i)
      *v |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_++])) << (8 * i);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  // A count of items that each take at least one byte.
  bool Count(uint64_t* n) { return Varint(n) && *n <= in_.size() - pos_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

void EncodeRecord(const MergeRecord& r, Writer* w) {
  w->Fixed(r.key);
  w->Fixed(r.found);
  w->Varint(r.lookups.size());
  for (const MergeLookup& l : r.lookups) {
    w->Varint(static_cast<uint64_t>(l.unit + 1));
    if (l.unit >= 0) continue;
    w->Varint(l.context ? 1 : 0);
    if (l.context) w->String(*l.context);
    w->String(l.msgid);
  }
  w->Varint(static_cast<uint64_t>(r.outcome));
  for (int v : {r.units, r.translated, r.words, r.translated_words}) w->Signed(v);
  w->Varint(r.diagnostics.size());
  for (const Diagnostic& d : r.diagnostics) {
    w->Varint(static_cast<uint64_t>(d.severity));
    w->String(d.path);
    w->Signed(d.line);
    w->Signed(d.column);
    w->String(d.message);
    w->Varint(d.whole ? 1 : 0);
    w->String(d.check);
  }
  w->Fixed(r.site);
  w->Varint(r.size);
  w->Signed(r.mtime_ns);
}

bool DecodeRecord(Reader* in, MergeRecord* r) {
  uint64_t n, v;
  if (!in->Fixed(&r->key) || !in->Fixed(&r->found) || !in->Count(&n)) return false;
  r->lookups.resize(n);
  for (MergeLookup& l : r->lookups) {
    if (!in->Varint(&v) || v > uint64_t{INT32_MAX}) return false;
    l.unit = static_cast<int64_t>(v) - 1;
    if (l.unit >= 0) continue;
    if (!in->Varint(&v) || v > 1) return false;
    if (v == 1 && !in->String(&l.context.emplace())) return false;
    if (!in->String(&l.msgid)) return false;
  }
  if (!in->Varint(&v) || (v != 1 && v != 2)) return false;
  r->outcome = static_cast<MergeRecord::Outcome>(v);
  for (int* p : {&r->units, &r->translated, &r->words, &r->translated_words}) {
    if (!in->Int(p)) return false;
  }
  if (!in->Count(&n)) return false;
  r->diagnostics.resize(n);
  for (Diagnostic& d : r->diagnostics) {
    if (!in->Varint(&v) || v > static_cast<uint64_t>(Severity::kError)) return false;
    d.severity = static_cast<Severity>(v);
    if (!in->String(&d.path) || !in->Int(&d.line) || !in->Int(&d.column) ||
        !in->String(&d.message) || !in->Varint(&v) || v > 1) {
      return false;
    }
    d.whole = v == 1;
    if (!in->String(&d.check)) return false;
  }
  return in->Fixed(&r->site) && in->Varint(&r->size) && in->Signed(&r->mtime_ns);
}

}  // namespace

Hasher& Hasher::Add(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t h = Mix(h_ ^ kK0, n ^ kK1);
  for (; n >= 16; n -= 16, p += 16) h = Mix(Load64(p) ^ kK1, Load64(p + 8) ^ h);
  uint64_t a = 0, b = 0;
  std::memcpy(&a, p, n < 8 ? n : 8);
  if (n > 8) std::memcpy(&b, p + 8, n - 8);
  h_ = Mix(a ^ kK1 ^ h, b ^ kK2 ^ bytes.size());
  return *this;
}

Hasher& Hasher::Add(uint64_t value) {
  h_ = Mix(h_ ^ kK0, value ^ kK2);
  return *this;
}

bool MergeRecord::operator==(const MergeRecord& o) const {
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.severity == b.severity && a.path == b.path && a.line == b.line &&
           a.column == b.column && a.message == b.message && a.whole == b.whole &&
           a.check == b.check;
  };
  if (diagnostics.size() != o.diagnostics.size()) return false;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    if (!same(diagnostics[i], o.diagnostics[i])) return false;
  }
  return key == o.key && found == o.found && lookups == o.lookups && outcome == o.outcome &&
         units == o.units && translated == o.translated && words == o.words &&
         translated_words == o.translated_words && site == o.site && size == o.size &&
         mtime_ns == o.mtime_ns;
}

std::string MergeCache::Encode(const std::map<std::string, MergeRecord>& records) {
  Writer body;
  body.Varint(records.size());
  for (const auto& [output, record] : records) {
    body.String(output);
    EncodeRecord(record, &body);
  }
  Writer file;
  file.out() += kMagic;
  file.Varint(kFormat);
  file.Fixed(Hasher(kFormat).Add(body.out()).value());
  file.out() += body.out();
  return std::move(file.out());
}

bool MergeCache::Decode(std::string_view bytes, std::map<std::string, MergeRecord>* records) {
  records->clear();
  if (bytes.substr(0, kMagic.size()) != kMagic) return false;
  Reader head(bytes.substr(kMagic.size()));
  uint64_t format, checksum;
  if (!head.Varint(&format) || format != kFormat || !head.Fixed(&checksum)) return false;
  std::string_view body = bytes.substr(kMagic.size() + 1 + 8);
  if (Hasher(kFormat).Add(body).value() != checksum) return false;
  Reader in(body);
  uint64_t n;
  if (!in.Count(&n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    std::string output;
    MergeRecord record;
    if (!in.String(&output) || !DecodeRecord(&in, &record)) {
      records->clear();
      return false;
    }
    (*records)[std::move(output)] = std::move(record);
  }
  if (!in.done()) records->clear();
  return in.done();
}

void MergeCache::Load() {
  old_.clear();
  loaded_bytes_.clear();
  if (file_.empty() || !FileExists(file_)) return;
  Result<std::string> bytes = ReadFile(file_, kCacheCap);
  if (!bytes.ok()) return;  // unreadable: rebuilt
  if (Decode(*bytes, &old_)) loaded_bytes_ = std::move(*bytes);
}

const MergeRecord* MergeCache::Find(const std::string& output) const {
  auto it = old_.find(output);
  return it == old_.end() ? nullptr : &it->second;
}

void MergeCache::Put(const std::string& output, MergeRecord record) {
  new_[output] = std::move(record);
}

MergeRecord* MergeCache::Pending(const std::string& output) {
  auto it = new_.find(output);
  return it == new_.end() ? nullptr : &it->second;
}

Status MergeCache::Save() const {
  if (file_.empty()) return Status::Ok();
  // What a killed run left (the project's lock is held).
  std::filesystem::path path(file_);
  RemoveLeftoverTemporaries(path.parent_path().string(), {path.filename().string()});
  std::string bytes = Encode(new_);
  if (bytes == loaded_bytes_) return Status::Ok();
  AtomicFile file(file_, Durability::kReplaced);
  Status status = file.Open();
  if (status.ok()) status = file.Append(bytes);
  if (status.ok()) status = file.Commit();
  return status;
}

bool StatOutput(const std::string& path, uint64_t* size, int64_t* mtime_ns) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *size = static_cast<uint64_t>(st.st_size);
  *mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

uint64_t ToolBuildKey() {
  uint64_t size = 0;
  int64_t mtime = 0;
  if (!StatOutput("/proc/self/exe", &size, &mtime)) return 0;
  return Hasher(kFormat).Add(size).Add(static_cast<uint64_t>(mtime)).value();
}

}  // namespace l10n
