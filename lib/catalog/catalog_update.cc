#include "catalog/catalog_update.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <utility>

#include "base/parallel.h"
#include "catalog/entry_merge.h"
#include "catalog/fuzzy_match.h"

namespace l10n {

namespace {

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
    : existing_(existing),
      compendia_(std::move(compendia)),
      options_(options),
      distribution_(std::make_unique<PluralDistribution>(MakeDistribution(std::nullopt))) {
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
    std::optional<std::string> plural_forms;
    if (existing_->header()) {
      Catalog header;
      header.messages.push_back(existing_->Get(*existing_->header()));
      plural_forms = header.HeaderField("Plural-Forms");
    }
    distribution_ = std::make_unique<PluralDistribution>(MakeDistribution(plural_forms));
    // Fuzzy entries by their previous key, an active one before an
    // obsolete one: the translations of sources edited since.
    for (uint32_t i = 0; i < existing_->size(); ++i) {
      if (existing_->is_header(i) || !existing_->fuzzy(i) || !existing_->has_translation(i)) {
        continue;
      }
      Message e = existing_->Get(i);
      if (!e.prev_msgid) continue;
      auto [it, inserted] = previous_keys_.emplace(MakeKey(e.prev_msgctxt, *e.prev_msgid), i);
      if (!inserted && existing_->obsolete(it->second) && !e.obsolete) it->second = i;
    }
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
  // As msgmerge, two forms when the header gives no usable number.
  nplurals_ = 2;
  if (std::optional<std::string> plural_forms = header.HeaderField("Plural-Forms")) {
    nplurals_ = PluralFormsCount(*plural_forms).value_or(2);
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
  // Without a translation under its key, the entry takes back the one made
  // for it before its source was edited, and the edit undone (an active or
  // obsolete fuzzy entry whose previous strings are its key).
  if ((e == KeyTable::kNone || !existing_->has_translation(e)) && !previous_keys_.empty()) {
    if (auto it = previous_keys_.find(MakeKey(t.msgctxt, t.msgid)); it != previous_keys_.end()) {
      if (RestoresTranslation(existing_->Get(it->second), t)) e = it->second;
    }
  }
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
  if (decisions_.empty() && existing_)
    decisions_.reserve(existing_->size() + existing_->size() / 8);
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
  if (queries_.size() >= 64 && Concurrency() > 1) {
    ParallelFor(2, [&](size_t part) {
      if (part == 0) {
        search(0, half);
      } else {
        search(half, queries_.size());
      }
    });
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
  m->msgstr.assign(m->msgid_plural ? static_cast<size_t>(nplurals_) : 1, std::string());
  m->flags.erase(std::remove(m->flags.begin(), m->flags.end(), "fuzzy"), m->flags.end());
  switch (d.kind) {
    case Decision::kOld:
      MergeEntry(existing_->Get(d.entry), m, false, nplurals_, *distribution_);
      break;
    case Decision::kCompendium:
      MergeEntry(compendia_[d.source]->Get(d.entry), m, false, nplurals_, *distribution_);
      break;
    case Decision::kFuzzy:
      MergeEntry(
          d.from == Decision::kOld ? existing_->Get(d.entry) : compendia_[d.source]->Get(d.entry),
          m, true, nplurals_, *distribution_);
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
  for (const Catalog* c : options.compendia)
    packed_compendia.push_back(PackedCatalog::FromCatalog(*c));
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

}  // namespace l10n
