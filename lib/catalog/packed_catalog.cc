#include "catalog/packed_catalog.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "base/varint.h"
#include "catalog/po_reader.h"

namespace l10n {

namespace {

size_t StringSize(std::string_view s) { return VarintSize(s.size()) + s.size(); }

char* PutString(char* p, std::string_view s) {
  p = PutVarint(p, s.size());
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

std::string_view GetString(const char** p) {
  size_t n = static_cast<size_t>(GetVarint(p));
  std::string_view s(*p, n);
  *p += n;
  return s;
}

size_t ListSize(const std::vector<std::string>& list) {
  size_t n = VarintSize(list.size());
  for (const std::string& s : list) n += StringSize(s);
  return n;
}

char* PutList(char* p, const std::vector<std::string>& list) {
  p = PutVarint(p, list.size());
  for (const std::string& s : list) p = PutString(p, s);
  return p;
}

void GetList(const char** p, std::vector<std::string>* list) {
  size_t n = static_cast<size_t>(GetVarint(p));
  list->clear();
  list->reserve(n);
  for (size_t i = 0; i < n; ++i) list->emplace_back(GetString(p));
}

}  // namespace

PackedCatalog PackedCatalog::FromCatalog(const Catalog& catalog) {
  PackedCatalog packed;
  packed.style = catalog.style;
  for (const Message& m : catalog.messages) packed.Add(m);
  return packed;
}

char* PackedCatalog::Reserve(size_t bytes) {
  if (capacity_ - used_ < bytes) {
    capacity_ = std::max(kBlockSize, bytes);
    blocks_.push_back(std::unique_ptr<char[]>(new char[capacity_]));
    used_ = 0;
  }
  char* p = blocks_.back().get() + used_;
  used_ += bytes;
  return p;
}

void PackedCatalog::Add(const Message& m) {
  uint8_t bits = 0;
  if (m.msgctxt) bits |= kHasContext;
  if (m.msgid_plural) bits |= kHasPlural;
  if (m.obsolete) bits |= kObsolete;
  if (m.fuzzy()) bits |= kFuzzy;
  if (std::any_of(m.msgstr.begin(), m.msgstr.end(),
                  [](const std::string& s) { return !s.empty(); }))
    bits |= kTranslated;
  if (m.prev_msgctxt) bits |= kHasPrevContext;
  if (m.prev_msgid) bits |= kHasPrevId;
  if (m.prev_msgid_plural) bits |= kHasPrevPlural;

  const uint64_t line = static_cast<uint64_t>(std::max(m.line, 0));
  static const std::vector<std::string> kNone;
  const std::vector<std::string>& extracted = drop_source_comments ? kNone : m.extracted_comments;
  const std::vector<std::string>& references = drop_source_comments ? kNone : m.references;
  size_t bytes = 2 + VarintSize(line) + StringSize(m.msgid) + ListSize(m.msgstr) +
                 ListSize(m.translator_comments) + ListSize(extracted) + ListSize(references) +
                 ListSize(m.flags);
  if (m.msgctxt) bytes += StringSize(*m.msgctxt);
  if (m.msgid_plural) bytes += StringSize(*m.msgid_plural);
  if (m.prev_msgctxt) bytes += StringSize(*m.prev_msgctxt);
  if (m.prev_msgid) bytes += StringSize(*m.prev_msgid);
  if (m.prev_msgid_plural) bytes += StringSize(*m.prev_msgid_plural);

  char* start = Reserve(bytes);
  char* p = start;
  *p++ = static_cast<char>(bits);
  *p++ = static_cast<char>(!m.msgstr.empty() && !m.msgstr[0].empty());
  p = PutVarint(p, line);
  if (m.msgctxt) p = PutString(p, *m.msgctxt);
  p = PutString(p, m.msgid);
  if (m.msgid_plural) p = PutString(p, *m.msgid_plural);
  p = PutList(p, m.msgstr);
  p = PutList(p, m.translator_comments);
  p = PutList(p, extracted);
  p = PutList(p, references);
  p = PutList(p, m.flags);
  if (m.prev_msgctxt) p = PutString(p, *m.prev_msgctxt);
  if (m.prev_msgid) p = PutString(p, *m.prev_msgid);
  if (m.prev_msgid_plural) p = PutString(p, *m.prev_msgid_plural);
  if (!header_ && m.is_header()) header_ = entries_.size();
  entries_.push_back(start);
}

std::optional<std::string_view> PackedCatalog::msgctxt(size_t i) const {
  if (!(Bits(i) & kHasContext)) return std::nullopt;
  const char* p = entries_[i] + 2;
  GetVarint(&p);
  return GetString(&p);
}

std::string_view PackedCatalog::msgid(size_t i) const {
  const char* p = entries_[i] + 2;
  GetVarint(&p);
  if (Bits(i) & kHasContext) GetString(&p);
  return GetString(&p);
}

bool PackedCatalog::is_header(size_t i) const {
  return !(Bits(i) & (kHasContext | kObsolete)) && msgid(i).empty();
}

Message PackedCatalog::Get(size_t i) const {
  const uint8_t bits = Bits(i);
  const char* p = entries_[i] + 2;
  Message m;
  m.line = static_cast<int>(GetVarint(&p));
  if (bits & kHasContext) m.msgctxt = std::string(GetString(&p));
  m.msgid = GetString(&p);
  if (bits & kHasPlural) m.msgid_plural = std::string(GetString(&p));
  GetList(&p, &m.msgstr);
  GetList(&p, &m.translator_comments);
  GetList(&p, &m.extracted_comments);
  GetList(&p, &m.references);
  GetList(&p, &m.flags);
  if (bits & kHasPrevContext) m.prev_msgctxt = std::string(GetString(&p));
  if (bits & kHasPrevId) m.prev_msgid = std::string(GetString(&p));
  if (bits & kHasPrevPlural) m.prev_msgid_plural = std::string(GetString(&p));
  m.obsolete = bits & kObsolete;
  return m;
}

bool ReadPackedPo(std::string_view text, const std::string& path, PackedCatalog* catalog,
                  DiagnosticSink* sink, const std::function<void(size_t)>& consumed) {
  class Pack : public PoEntrySink {
   public:
    explicit Pack(PackedCatalog* catalog) : catalog_(catalog) {}
    void Add(Message&& message) override { catalog_->Add(message); }
    bool SameKey(size_t i, size_t j) const override {
      return catalog_->msgid(i) == catalog_->msgid(j) &&
             catalog_->msgctxt(i) == catalog_->msgctxt(j);
    }

   private:
    PackedCatalog* catalog_;
  };
  PackedCatalog result;
  result.drop_source_comments = catalog->drop_source_comments;
  Pack pack(&result);
  bool ok = ReadPo(text, path, &pack, &result.style, sink, consumed);
  *catalog = std::move(result);
  return ok;
}

}  // namespace l10n
