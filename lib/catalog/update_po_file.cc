// UpdatePoFile (catalog_update.h): the update from files to a file, for
// catalogs of any size, the template read twice and the result written as
// it is made.
#include <malloc.h>

#include <functional>
#include <optional>

#include "base/file_io.h"
#include "base/parallel.h"
#include "catalog/catalog_update.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"

namespace l10n {

namespace {

// The template's entries as the reader gives them: the header, or the
// entry that Match() or Resolve() takes.
class TemplateEntries : public PoEntrySink {
 public:
  TemplateEntries(CatalogUpdater* updater, std::function<void(Message&&)> each)
      : updater_(updater), each_(std::move(each)) {}
  void Add(Message&& m) override {
    if (m.is_header()) {
      if (!header_) header_ = std::move(m);
      order_.push_back(kHeader);
      return;
    }
    order_.push_back(static_cast<uint32_t>(entries_++));
    each_(std::move(m));
  }
  bool SameKey(size_t i, size_t j) const override {
    if (order_[i] == kHeader || order_[j] == kHeader) return order_[i] == order_[j];
    return updater_->SameTemplateKey(order_[i], order_[j]);
  }
  const std::optional<Message>& header() const { return header_; }

 private:
  static constexpr uint32_t kHeader = UINT32_MAX;
  CatalogUpdater* updater_;
  std::function<void(Message&&)> each_;
  std::optional<Message> header_;
  std::vector<uint32_t> order_;  // entry -> Match() call, or kHeader
  size_t entries_ = 0;
};

}  // namespace

// Entries formatted together, and held until then.
constexpr size_t kWriteBatch = 512;

bool UpdatePoFile(const std::string& old_path, const std::string& template_path,
                  const std::string& out_path, const CatalogInfo& info,
                  const UpdateOptions& options, UpdateStats* stats, DiagnosticSink* sink) {
  auto io_error = [sink](const Status& status) {
    sink->Report(status);
    return false;
  };
  PackedCatalog old;
  old.drop_source_comments = true;
  {
    Result<MappedFile> file = MappedFile::Open(old_path);
    if (!file.ok()) return io_error(file.status());
    const MappedFile& mapped = *file;
    if (!ReadPackedPo(mapped.text(), old_path, &old, sink,
                      [&mapped](size_t offset) { mapped.Release(offset); })) {
      return false;
    }
  }
  malloc_trim(0);
  std::vector<PackedCatalog> packed_compendia;
  std::vector<const PackedCatalog*> compendia;
  for (const Catalog* c : options.compendia)
    packed_compendia.push_back(PackedCatalog::FromCatalog(*c));
  for (const PackedCatalog& c : packed_compendia) compendia.push_back(&c);
  CatalogUpdater updater(&old, std::move(compendia), options);

  Result<MappedFile> templ = MappedFile::Open(template_path);
  if (!templ.ok()) return io_error(templ.status());
  const MappedFile& mapped = *templ;
  auto release = [&mapped](size_t offset) { mapped.Release(offset); };

  TemplateEntries first(&updater, [&updater](Message&& m) { updater.Match(m); });
  PoStyle style;
  if (!ReadPo(mapped.text(), template_path, &first, &style, sink, release)) return false;
  // What reading left free goes back to the system before the index, the
  // largest thing, is built (glibc keeps freed memory otherwise, as after
  // the old catalog above).
  malloc_trim(0);
  updater.Search();

  const Message header = updater.Header(first.header() ? &*first.header() : nullptr, info);
  AtomicFile out(out_path);
  if (Status status = out.Open(); !status.ok()) return io_error(status);
  // Entries are formatted in batches, half of each on a second thread:
  // wrapping lines as gettext does is the costliest part of writing.
  PoWriter writer(&header, old.style);
  PoWriter helper_writer(&header, old.style);
  helper_writer.Continue();
  Status written;
  std::vector<Message> batch;
  auto flush = [&] {
    const size_t half = batch.size() / 2;
    std::string first_half, second_half;
    ParallelFor(2, [&](size_t part) {
      if (part == 0) {
        for (size_t i = 0; i < half; ++i) writer.Add(batch[i]);
        first_half = writer.Take();
      } else {
        for (size_t i = half; i < batch.size(); ++i) helper_writer.Add(batch[i]);
        second_half = helper_writer.Take();
      }
    });
    if (written.ok()) written = out.Append(first_half);
    if (written.ok()) written = out.Append(second_half);
    batch.clear();
  };
  writer.Add(header);
  TemplateEntries second(&updater, [&](Message&& m) {
    updater.Resolve(&m);
    batch.push_back(std::move(m));
    if (batch.size() == kWriteBatch) flush();
  });
  DiagnosticSink again;  // the same file: its diagnostics are known
  ReadPo(mapped.text(), template_path, &second, &style, &again, release);
  flush();
  updater.AddObsolete([&](Message&& m) {
    writer.Add(m);
    if (writer.buffered() >= (1 << 18) && written.ok()) written = out.Append(writer.Take());
  });
  if (written.ok()) written = out.Append(writer.Take());
  if (written.ok()) written = out.Commit();
  if (!written.ok()) return io_error(written);
  if (stats) *stats = updater.stats();
  return true;
}

}  // namespace l10n
