#include "catalog_update.h"

#include <malloc.h>

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "file_io.h"
#include "fuzzy_match.h"
#include "po_reader.h"
#include "po_writer.h"

namespace l10n {

namespace {

bool HasTranslation(const Message& m) {
  return std::any_of(m.msgstr.begin(), m.msgstr.end(),
                     [](const std::string& s) { return !s.empty(); });
}

// The template entry with the translation of `old`.
void TakeTranslation(const Message& old, Message* m) {
  m->msgstr = old.msgstr;
  if (m->msgid_plural && m->msgstr.size() < 2) m->msgstr.resize(2);
  m->translator_comments = old.translator_comments;
  for (const std::string& flag : old.flags) {
    if (!m->HasFlag(flag)) m->flags.push_back(flag);
  }
  if (old.fuzzy()) {
    m->prev_msgctxt = old.prev_msgctxt;
    m->prev_msgid = old.prev_msgid;
    m->prev_msgid_plural = old.prev_msgid_plural;
  }
}

// A fuzzy match: the old translation, marked fuzzy, with the old source as
// the previous strings (or the old entry's own previous strings, when it was
// already fuzzy: they are what the translation was made from).
void TakeFuzzy(const Message& old, Message* m) {
  m->msgstr = old.msgstr;
  if (m->msgid_plural && m->msgstr.size() < 2) m->msgstr.resize(2);
  if (!m->msgid_plural && m->msgstr.size() > 1) m->msgstr.resize(1);
  m->translator_comments = old.translator_comments;
  m->SetFlag("fuzzy", true);
  if (old.fuzzy() && old.prev_msgid) {
    m->prev_msgctxt = old.prev_msgctxt;
    m->prev_msgid = old.prev_msgid;
    m->prev_msgid_plural = old.prev_msgid_plural;
  } else {
    m->prev_msgctxt = old.msgctxt;
    m->prev_msgid = old.msgid;
    m->prev_msgid_plural = old.msgid_plural;
  }
}

// gettext's key hashed, for the tables below.
uint64_t KeyHash(std::optional<std::string_view> msgctxt, std::string_view msgid) {
  uint64_t h = std::hash<std::string_view>()(msgid);
  if (msgctxt) h ^= (std::hash<std::string_view>()(*msgctxt) + 0x9e3779b97f4a7c15ULL) * 31;
  return h;
}

}  // namespace

// Entries of a packed catalog by msgctxt and msgid: positions in an
// open-addressing table, the keys themselves read from the catalog.
class CatalogUpdater::KeyTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  explicit KeyTable(const PackedCatalog* catalog) : catalog_(catalog) {
    size_t size = 16;
    while (size < 2 * catalog->size()) size *= 2;
    slots_.assign(size, kNone);
  }

  // Adds entry i unless its key is there; returns the entry holding the key.
  uint32_t Insert(uint32_t i) {
    size_t slot = Probe(catalog_->msgctxt(i), catalog_->msgid(i));
    if (slots_[slot] == kNone) slots_[slot] = i;
    return slots_[slot];
  }
  void Replace(uint32_t old_entry, uint32_t entry) {
    slots_[Probe(catalog_->msgctxt(old_entry), catalog_->msgid(old_entry))] = entry;
  }
  uint32_t Find(std::optional<std::string_view> msgctxt, std::string_view msgid) const {
    return slots_[Probe(msgctxt, msgid)];
  }

 private:
  size_t Probe(std::optional<std::string_view> msgctxt, std::string_view msgid) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(KeyHash(msgctxt, msgid)) & mask;; i = (i + 1) & mask) {
      uint32_t e = slots_[i];
      if (e == kNone || (catalog_->msgid(e) == msgid && catalog_->msgctxt(e) == msgctxt)) return i;
    }
  }

  const PackedCatalog* catalog_;
  std::vector<uint32_t> slots_;
};

// What Match() found for a template entry.
struct CatalogUpdater::Decision {
  enum Kind : uint8_t { kNone, kOld, kCompendium, kFuzzy };
  Kind kind = kNone;
  Kind from = kNone;    // for kFuzzy: kOld or kCompendium
  uint32_t source = 0;  // the compendium
  uint32_t entry = 0;   // in the old catalog or the compendium (or the query, while searching)
};

CatalogUpdater::CatalogUpdater(const PackedCatalog* existing,
                               std::vector<const PackedCatalog*> compendia,
                               const UpdateOptions& options)
    : existing_(existing), compendia_(std::move(compendia)), options_(options) {
  if (existing_) {
    // By key, an active entry wins over an obsolete one.
    old_keys_ = std::make_unique<KeyTable>(existing_);
    for (uint32_t i = 0; i < existing_->size(); ++i) {
      if (existing_->is_header(i)) continue;
      uint32_t holder = old_keys_->Insert(i);
      if (holder != i && existing_->obsolete(holder) && !existing_->obsolete(i)) {
        old_keys_->Replace(holder, i);
      }
    }
    used_.assign(existing_->size(), false);
  }
  for (const PackedCatalog* c : compendia_) {
    compendium_keys_.push_back(std::make_unique<KeyTable>(c));
    for (uint32_t i = 0; i < c->size(); ++i) {
      if (c->is_header(i) || c->obsolete(i) || c->fuzzy(i) || !c->has_translation(i)) continue;
      compendium_keys_.back()->Insert(i);
    }
  }
}

CatalogUpdater::~CatalogUpdater() = default;

Message CatalogUpdater::Header(const Message* template_header, const CatalogInfo& info) const {
  Catalog header;
  if (existing_ && existing_->header()) {
    header.messages.push_back(existing_->Get(*existing_->header()));
    header.messages.back().line = 0;
  } else {
    header.messages.push_back(MakeCatalogHeader(info));
  }
  if (template_header) {
    Catalog templ;
    templ.messages.push_back(*template_header);
    if (auto date = templ.HeaderField("POT-Creation-Date")) {
      header.SetHeaderField("POT-Creation-Date", *date);
    }
  }
  return std::move(header.messages.front());
}

void CatalogUpdater::Match(const Message& t) {
  Decision d;
  std::optional<std::string_view> msgctxt;
  if (t.msgctxt) msgctxt = *t.msgctxt;
  uint32_t e = old_keys_ ? old_keys_->Find(msgctxt, t.msgid) : KeyTable::kNone;
  // As msgmerge looks a key up in the catalog and the compendia together, a
  // translated compendium entry wins over the catalog's untranslated one.
  if (e != KeyTable::kNone && !existing_->has_translation(e)) {
    for (size_t c = 0; c < compendia_.size() && d.kind == Decision::kNone; ++c) {
      if (compendium_keys_[c]->Find(msgctxt, t.msgid) != KeyTable::kNone) e = KeyTable::kNone;
    }
  }
  if (e != KeyTable::kNone) {
    d.kind = Decision::kOld;
    d.entry = e;
    used_[e] = true;
    ++(existing_->obsolete(e) ? stats_.revived : stats_.exact);
  } else {
    for (size_t c = 0; c < compendia_.size() && d.kind == Decision::kNone; ++c) {
      if (uint32_t ce = compendium_keys_[c]->Find(msgctxt, t.msgid); ce != KeyTable::kNone) {
        d = {Decision::kCompendium, Decision::kNone, static_cast<uint32_t>(c), ce};
        ++stats_.compendium;
      }
    }
  }
  if (d.kind == Decision::kNone) {
    // Kept for the fuzzy search, and to tell duplicates apart.
    if (options_.fuzzy_matching) d.kind = Decision::kFuzzy;
    d.entry = static_cast<uint32_t>(queries_.size());
    Message key;
    key.msgctxt = t.msgctxt;
    key.msgid = t.msgid;
    queries_.Add(key);
  }
  if (decisions_.empty() && existing_) decisions_.reserve(existing_->size() + existing_->size() / 8);
  decisions_.push_back(d);
}

std::pair<std::optional<std::string_view>, std::string_view> CatalogUpdater::TemplateKey(
    size_t a) const {
  const Decision& d = decisions_.at(a);
  const PackedCatalog* catalog = nullptr;
  if (d.kind == Decision::kOld) catalog = existing_;
  if (d.kind == Decision::kCompendium) catalog = compendia_[d.source];
  if (catalog) return {catalog->msgctxt(d.entry), catalog->msgid(d.entry)};
  return {queries_.msgctxt(d.entry), queries_.msgid(d.entry)};
}

bool CatalogUpdater::SameTemplateKey(size_t a, size_t b) const {
  return TemplateKey(a) == TemplateKey(b);
}

void CatalogUpdater::Search() {
  if (!options_.fuzzy_matching || queries_.size() == 0) return;
  // Like msgmerge, obsolete translations are candidates too.
  std::vector<uint32_t> old_entry;
  if (existing_) {
    for (uint32_t i = 0; i < existing_->size(); ++i) {
      if (!existing_->is_header(i) && existing_->first_translated(i)) old_entry.push_back(i);
    }
  }
  FuzzyIndex index(static_cast<uint32_t>(old_entry.size()), [this, &old_entry](uint32_t j) {
    return FuzzyKey{existing_->msgctxt(old_entry[j]), existing_->msgid(old_entry[j])};
  });
  std::vector<std::pair<uint32_t, uint32_t>> compendium_entry;  // compendium, entry
  for (uint32_t c = 0; c < compendia_.size(); ++c) {
    const PackedCatalog& catalog = *compendia_[c];
    for (uint32_t i = 0; i < catalog.size(); ++i) {
      if (catalog.is_header(i) || catalog.obsolete(i) || catalog.fuzzy(i) ||
          !catalog.first_translated(i)) {
        continue;
      }
      compendium_entry.emplace_back(c, i);
    }
  }
  std::unique_ptr<FuzzyIndex> compendium_index;
  if (!compendium_entry.empty()) {
    compendium_index = std::make_unique<FuzzyIndex>(
        static_cast<uint32_t>(compendium_entry.size()), [this, &compendium_entry](uint32_t j) {
          const PackedCatalog& catalog = *compendia_[compendium_entry[j].first];
          return FuzzyKey{catalog.msgctxt(compendium_entry[j].second),
                          catalog.msgid(compendium_entry[j].second)};
        });
  }

  // The searches only read the indexes: two threads share them (the
  // machines this runs on have two cores or more).
  std::vector<Decision> found(queries_.size());
  auto search = [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const std::optional<std::string_view> msgctxt = queries_.msgctxt(k);
      const std::string_view msgid = queries_.msgid(k);
      double weight = kFuzzyThreshold;
      uint32_t j = index.Search(msgctxt, msgid, kFuzzyThreshold, &weight);
      if (j != FuzzyIndex::kNone) found[k] = {Decision::kOld, Decision::kNone, 0, old_entry[j]};
      if (compendium_index) {
        double compendium_weight = weight;
        uint32_t c = compendium_index->Search(msgctxt, msgid, weight, &compendium_weight);
        if (c != FuzzyIndex::kNone && compendium_weight > weight) {
          found[k] = {Decision::kCompendium, Decision::kNone, compendium_entry[c].first,
                      compendium_entry[c].second};
        }
      }
    }
  };
  size_t half = queries_.size() / 2;
  if (queries_.size() >= 64 && std::thread::hardware_concurrency() > 1) {
    std::thread helper(search, half, queries_.size());
    search(0, half);
    helper.join();
  } else {
    search(0, queries_.size());
  }
  for (Decision& d : decisions_) {
    if (d.kind != Decision::kFuzzy) continue;
    const Decision& f = found[d.entry];
    if (f.kind == Decision::kOld) {
      used_[f.entry] = true;
      ++stats_.fuzzy;
    } else if (f.kind == Decision::kCompendium) {
      ++stats_.compendium;
    }
    d = {f.kind == Decision::kNone ? Decision::kNone : Decision::kFuzzy, f.kind, f.source, f.entry};
  }
}

void CatalogUpdater::Resolve(Message* m) {
  const Decision& d = decisions_.at(resolved_++);
  m->line = 0;
  m->msgstr.assign(m->msgid_plural ? 2 : 1, std::string());
  m->flags.erase(std::remove(m->flags.begin(), m->flags.end(), "fuzzy"), m->flags.end());
  switch (d.kind) {
    case Decision::kOld:
      TakeTranslation(existing_->Get(d.entry), m);
      break;
    case Decision::kCompendium:
      TakeTranslation(compendia_[d.source]->Get(d.entry), m);
      break;
    case Decision::kFuzzy:
      TakeFuzzy(d.from == Decision::kOld ? existing_->Get(d.entry)
                                         : compendia_[d.source]->Get(d.entry),
                m);
      break;
    case Decision::kNone:
      break;
  }
  if (!HasTranslation(*m)) ++stats_.untranslated;
}

void CatalogUpdater::AddObsolete(const std::function<void(Message&&)>& add) {
  if (options_.purge_obsolete || !existing_) return;
  for (uint32_t i = 0; i < existing_->size(); ++i) {
    if (used_[i] || existing_->is_header(i) || !existing_->has_translation(i)) continue;
    Message kept = existing_->Get(i);
    kept.obsolete = true;
    kept.line = 0;
    // msgmerge keeps no source comments on obsolete entries: they describe
    // where a string was, and it is nowhere now.
    kept.extracted_comments.clear();
    kept.references.clear();
    add(std::move(kept));
    ++stats_.obsolete;
  }
}

Catalog UpdateCatalog(const Catalog& templ, const Catalog* existing, const CatalogInfo& info,
                      const UpdateOptions& options, UpdateStats* stats) {
  PackedCatalog packed_existing;
  packed_existing.drop_source_comments = true;
  if (existing) {
    packed_existing.style = existing->style;
    for (const Message& m : existing->messages) packed_existing.Add(m);
  }
  std::vector<PackedCatalog> packed_compendia;
  std::vector<const PackedCatalog*> compendia;
  for (const Catalog* c : options.compendia) packed_compendia.push_back(PackedCatalog::FromCatalog(*c));
  for (const PackedCatalog& c : packed_compendia) compendia.push_back(&c);
  CatalogUpdater updater(existing ? &packed_existing : nullptr, std::move(compendia), options);

  Catalog out;
  if (existing) out.style = existing->style;
  out.messages.push_back(updater.Header(templ.FindHeader(), info));
  for (const Message& t : templ.messages) {
    if (!t.is_header()) updater.Match(t);
  }
  updater.Search();
  for (const Message& t : templ.messages) {
    if (t.is_header()) continue;
    out.messages.push_back(t);
    updater.Resolve(&out.messages.back());
  }
  updater.AddObsolete([&out](Message&& m) { out.messages.push_back(std::move(m)); });
  if (stats) *stats = updater.stats();
  return out;
}

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
    sink->Report({Severity::kError, "", 0, 0, status.message(), true});
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
  for (const Catalog* c : options.compendia) packed_compendia.push_back(PackedCatalog::FromCatalog(*c));
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
    std::string second_half;
    std::thread helper([&] {
      for (size_t i = half; i < batch.size(); ++i) helper_writer.Add(batch[i]);
      second_half = helper_writer.Take();
    });
    for (size_t i = 0; i < half; ++i) writer.Add(batch[i]);
    std::string first_half = writer.Take();
    helper.join();
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
