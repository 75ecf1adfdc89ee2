// A catalog packed into a few large byte blocks instead of one heap object
// per string: about the size of its text, for catalogs read only to look
// entries up and copy a few of them out (the old catalog and compendia of a
// catalog update). Entries are appended in file order and never change.
//
// Layout of an entry (integers as LEB128 varints, strings as length + bytes):
//   bits (kHas*), first msgstr not empty (0/1), line, [msgctxt], msgid, [msgid_plural],
//   n, msgstr * n, then translator comments, extracted comments, references
//   and flags, each as n, string * n, then [prev msgctxt], [prev msgid],
//   [prev msgid_plural].
// An entry never straddles two blocks; blocks are allocated once, never
// moved, so growing the catalog never holds two copies of it.
#ifndef L10N_CATALOG_PACKED_CATALOG_H_
#define L10N_CATALOG_PACKED_CATALOG_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"

namespace l10n {

class PackedCatalog {
 public:
  PackedCatalog() = default;
  PackedCatalog(const PackedCatalog&) = delete;
  PackedCatalog& operator=(const PackedCatalog&) = delete;
  PackedCatalog(PackedCatalog&&) = default;
  PackedCatalog& operator=(PackedCatalog&&) = default;

  static PackedCatalog FromCatalog(const Catalog& catalog);

  void Add(const Message& message);
  size_t size() const { return entries_.size(); }

  // The whole entry, unpacked.
  Message Get(size_t i) const;
  std::string_view msgid(size_t i) const;
  std::optional<std::string_view> msgctxt(size_t i) const;
  bool obsolete(size_t i) const { return Bits(i) & kObsolete; }
  bool fuzzy(size_t i) const { return Bits(i) & kFuzzy; }
  // Some msgstr is not empty.
  bool has_translation(size_t i) const { return Bits(i) & kTranslated; }
  // The first msgstr is not empty.
  bool first_translated(size_t i) const { return entries_[i][1] != 0; }
  bool is_header(size_t i) const;
  // The first header entry, if any.
  std::optional<size_t> header() const { return header_; }

  PoStyle style;
  // Add() leaves out references and extracted comments (catalog updates
  // take them from the template, and never need the old ones).
  bool drop_source_comments = false;

 private:
  enum : uint8_t {
    kHasContext = 1,
    kHasPlural = 2,
    kObsolete = 4,
    kFuzzy = 8,
    kTranslated = 16,
    kHasPrevContext = 32,
    kHasPrevId = 64,
    kHasPrevPlural = 128,
  };
  static constexpr size_t kBlockSize = 1 << 18;

  uint8_t Bits(size_t i) const { return static_cast<uint8_t>(*entries_[i]); }
  char* Reserve(size_t bytes);

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = kBlockSize;  // in the last block; full until one exists
  size_t capacity_ = kBlockSize;
  std::vector<const char*> entries_;
  std::optional<size_t> header_;
};

// ReadPo (po_reader.h) into a packed catalog; `consumed` as there.
bool ReadPackedPo(std::string_view text, const std::string& path, PackedCatalog* catalog,
                  DiagnosticSink* sink, const std::function<void(size_t)>& consumed = nullptr);

}  // namespace l10n

#endif  // L10N_CATALOG_PACKED_CATALOG_H_
