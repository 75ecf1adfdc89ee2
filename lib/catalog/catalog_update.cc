#include "catalog/catalog_update.h"

#include <malloc.h>

#include <algorithm>
#include <map>
#include <memory>
#include <thread>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "base/file_io.h"
#include "catalog/fuzzy_match.h"
#include "catalog/plural_forms.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"

namespace l10n {

namespace {

bool HasTranslation(const Message& m) {
  return std::any_of(m.msgstr.begin(), m.msgstr.end(),
                     [](const std::string& s) { return !s.empty(); });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Flags gettext takes from the template, never from the old entry
// (msgmerge's message_merge): the *-format flags, range, wrap and the
// syntax checks. Other flags it does not know stay the translator's.
bool TemplateFlag(std::string_view flag) {
  return EndsWith(flag, "-format") || flag.substr(0, 6) == "range:" || flag == "wrap" ||
         flag == "no-wrap" || EndsWith(flag, "-check");
}

// "range: 0..10" -> {0, 10}.
std::optional<std::pair<uint64_t, uint64_t>> Range(const Message& m) {
  for (const std::string& flag : m.flags) {
    std::string_view f = flag;
    if (f.substr(0, 6) != "range:") continue;
    f.remove_prefix(6);
    while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
    size_t dots = f.find("..");
    if (dots == std::string_view::npos || dots == 0 || dots + 2 >= f.size()) return std::nullopt;
    uint64_t lo = 0, hi = 0;
    for (char c : f.substr(0, dots)) {
      if (c < '0' || c > '9' || lo > UINT64_MAX / 10 - 1) return std::nullopt;
      lo = lo * 10 + static_cast<uint64_t>(c - '0');
    }
    for (char c : f.substr(dots + 2)) {
      if (c < '0' || c > '9' || hi > UINT64_MAX / 10 - 1) return std::nullopt;
      hi = hi * 10 + static_cast<uint64_t>(c - '0');
    }
    return std::make_pair(lo, hi);
  }
  return std::nullopt;
}

// The arguments a C or Python "%" format string takes, as gettext's
// format-c.c and format-python.c read it: by position (numbered ones "%2$d"
// put in their place), or by name for Python's "%(name)s". Each as the type
// its conversion reads ("d" and "i" are one type, "u", "o", "x" another; a
// C length modifier is part of it). nullopt when gettext would call the
// string invalid (an unknown conversion, a "%" at the end, numbered and
// unnumbered arguments mixed, a number missing or taken with two types).
struct FormatArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
};

std::optional<FormatArgs> ParseFormat(std::string_view s, bool python) {
  FormatArgs args;
  std::map<uint64_t, std::string> numbered;
  bool unnumbered = false;
  auto add = [&](std::optional<uint64_t> number, std::string type) {
    if (!number) {
      unnumbered = true;
      args.positional.push_back(std::move(type));
      return true;
    }
    auto [it, inserted] = numbered.emplace(*number, type);
    return inserted || it->second == type;
  };
  auto read_number = [&](size_t* j) -> std::optional<uint64_t> {
    size_t k = *j;
    uint64_t value = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
      if (value > 1000000) return std::nullopt;
      value = value * 10 + static_cast<uint64_t>(s[k] - '0');
      ++k;
    }
    if (k == *j || k >= s.size() || s[k] != '$' || value == 0) return std::nullopt;
    *j = k + 1;
    return value;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    size_t j = i + 1;
    if (j >= s.size()) return std::nullopt;
    if (s[j] == '%') {
      i = j;
      continue;
    }
    std::optional<std::string> name;
    std::optional<uint64_t> number;
    if (python && s[j] == '(') {
      size_t close = s.find(')', j);
      if (close == std::string_view::npos) return std::nullopt;
      name = std::string(s.substr(j + 1, close - j - 1));
      j = close + 1;
    } else if (!python) {
      number = read_number(&j);
    }
    const std::string_view flags = python ? "-+ #0" : "-+ #0'I";
    while (j < s.size() && flags.find(s[j]) != std::string_view::npos) ++j;
    // Width and precision: digits, or "*" (an int argument of its own).
    for (int part = 0; part < 2; ++part) {
      if (part == 1) {
        if (j >= s.size() || s[j] != '.') break;
        ++j;
      }
      if (j < s.size() && s[j] == '*') {
        ++j;
        if (name) return std::nullopt;
        std::optional<uint64_t> star = python ? std::nullopt : read_number(&j);
        if (!add(star, "i")) return std::nullopt;
      } else {
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      }
    }
    std::string length;
    const std::string_view lengths = python ? "hlL" : "hlLqjzt";
    while (j < s.size() && lengths.find(s[j]) != std::string_view::npos) {
      if (!python) length += s[j];
      ++j;
    }
    if (j >= s.size()) return std::nullopt;
    if (s[j] == '%') {  // "% %": a "%" with a flag, no argument
      i = j;
      continue;
    }
    std::string type;
    switch (s[j]) {
      case 'd': case 'i': type = "i"; break;
      case 'u': case 'o': case 'x': case 'X': type = python ? "i" : "u"; break;
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': type = "f"; break;
      case 'a': case 'A': type = python ? "s" : "f"; break;
      case 'c': type = "c"; break;
      case 's': type = "s"; break;
      case 'r': if (!python) return std::nullopt; type = "s"; break;
      case 'p': case 'n': if (python) return std::nullopt; type = std::string(1, s[j]); break;
      default: return std::nullopt;
    }
    type += length;
    if (name) {
      if (!args.positional.empty()) return std::nullopt;
      auto [it, inserted] = args.named.emplace(*name, type);
      if (!inserted && it->second != type) return std::nullopt;
    } else {
      if (!args.named.empty()) return std::nullopt;
      if (!add(number, type)) return std::nullopt;
    }
    i = j;
  }
  if (!numbered.empty()) {
    if (unnumbered) return std::nullopt;
    uint64_t expected = 1;
    for (auto& [n, type] : numbered) {
      if (n != expected++) return std::nullopt;  // an argument number missing
      args.positional.push_back(std::move(type));
    }
  }
  return args;
}

// gettext's check of a translation's arguments against the source's:
// strictly the same ones, or (not strict) some of them.
bool FormatArgsMatch(const FormatArgs& source, const FormatArgs& translation, bool strict) {
  if (!source.named.empty() || !translation.named.empty()) {
    if (!source.positional.empty() || !translation.positional.empty()) {
      // Names on one side, positions on the other: only an empty side fits.
      return !strict && translation.named.empty() && translation.positional.empty();
    }
    for (const auto& [name, type] : translation.named) {
      auto it = source.named.find(name);
      if (it == source.named.end() || it->second != type) return false;
    }
    return !strict || translation.named.size() == source.named.size();
  }
  if (strict ? translation.positional.size() != source.positional.size()
             : translation.positional.size() > source.positional.size()) {
    return false;
  }
  for (size_t i = 0; i < translation.positional.size(); ++i) {
    if (translation.positional[i] != source.positional[i]) return false;
  }
  return true;
}

// The old catalog's plural forms as msgfmt -c weighs them: the forms taken
// for at least 5 values of n in 0..1000 ("often"), whose translations must
// have every argument; the others (the form for n = 1 in English) may leave
// some out. Without a Plural-Forms, English's; with one that is unusable or
// has more than 100 forms, no form is "often".
}  // namespace

struct PluralDistribution {
  std::optional<PluralForms> forms;
  std::vector<bool> often;
};

namespace {

PluralDistribution MakeDistribution(const std::optional<std::string>& plural_forms) {
  PluralDistribution d;
  std::string value = plural_forms.value_or(std::string(kDefaultPluralForms));
  if (value.find("plural=") == std::string::npos || value.find("nplurals=") == std::string::npos) {
    value = std::string(kDefaultPluralForms);
  }
  int nplurals = 0;
  if (PluralFormsProblem(value, &nplurals) || nplurals > 100) return d;
  Result<PluralForms> forms = PluralForms::Parse(value);
  if (!forms.ok()) return d;
  std::vector<int> count(static_cast<size_t>(nplurals), 0);
  for (uint64_t n = 0; n <= 1000; ++n) {
    if (std::optional<uint64_t> form = forms->Eval(n); form && *form < count.size()) ++count[*form];
  }
  for (int c : count) d.often.push_back(c >= 5);
  d.forms = std::move(*forms);
  return d;
}

// Whether form j is taken for at most one n of [lo, hi] (msgfmt's
// histogram; looked at up to 100,000 values, beyond which it counts as
// taken more often).
bool AtMostOnceInRange(const PluralForms& forms, uint64_t lo, uint64_t hi, size_t j) {
  int seen = 0;
  for (uint64_t n = lo, steps = 0; n <= hi && steps < 100000; ++n, ++steps) {
    if (forms.Eval(n) == std::optional<uint64_t>(j) && ++seen > 1) return false;
    if (n == UINT64_MAX) break;
    if (steps + 1 == 100000) return false;
  }
  return true;
}

// Whether the translation passes msgfmt -c's check of `format` ("c",
// "python", ...), as check_msgid_msgstr_format_i does: each msgstr against
// the msgid_plural (or msgid), strictly unless the entry is plural, has
// several forms, and the form is not one `distribution` has often. For the
// formats not read here, false: the entry then goes to a translator, as
// msgmerge sends it when its check fails.
bool PassesFormatCheck(const Message& m, std::string_view format,
                       const PluralDistribution& distribution) {
  if (format != "c" && format != "objc" && format != "python") return false;
  const bool python = format == "python";
  std::optional<FormatArgs> source =
      ParseFormat(m.msgid_plural ? *m.msgid_plural : m.msgid, python);
  if (!source) return true;  // gettext checks nothing then
  const bool has_plural_translations = m.msgstr.size() > 1;
  const std::optional<std::pair<uint64_t, uint64_t>> range = Range(m);
  for (size_t j = 0; j < m.msgstr.size(); ++j) {
    std::optional<FormatArgs> translation = ParseFormat(m.msgstr[j], python);
    if (!translation) return false;
    const bool often =
        distribution.forms && j < distribution.often.size() && distribution.often[j] &&
        !(range && AtMostOnceInRange(*distribution.forms, range->first, range->second, j));
    const bool strict = !m.msgid_plural || !has_plural_translations || often;
    if (!FormatArgsMatch(*source, *translation, strict)) return false;
  }
  return true;
}

// "c-format" / "possible-c-format" -> "c"; otherwise empty.
std::string_view PossibleFormat(std::string_view flag) {
  if (!EndsWith(flag, "-format") || flag.substr(0, 3) == "no-" ||
      flag.substr(0, 11) == "impossible-") {
    return {};
  }
  flag.remove_suffix(7);
  if (flag.substr(0, 9) == "possible-") flag.remove_prefix(9);
  return flag;
}

bool HasPossibleFormat(const Message& m, std::string_view format) {
  return std::any_of(m.flags.begin(), m.flags.end(),
                     [&](const std::string& f) { return PossibleFormat(f) == format; });
}

// Whether the fuzzy entry `old` holds the translation of `m` as it is: its
// previous strings are m's msgctxt, msgid and msgid_plural, while its own
// differ. That is a source edited (which made it fuzzy) and then undone;
// the translation was made for exactly this text.
bool RestoresTranslation(const Message& old, const Message& m) {
  return old.fuzzy() && old.prev_msgid && *old.prev_msgid == m.msgid &&
         old.prev_msgctxt == m.msgctxt && old.prev_msgid_plural == m.msgid_plural &&
         (old.msgid != m.msgid || old.msgctxt != m.msgctxt || old.msgid_plural != m.msgid_plural);
}

// The template entry `m` (its flags the template's, without "fuzzy") with
// the translation of `old`, as msgmerge's message_merge makes it:
// translation and translator comments from `old`; format flags, range and
// wrapping from the template; fuzzy when `old` was, when `force_fuzzy` (a
// fuzzy match), when the entry became plural or its msgid_plural changed,
// when the template adds a format the translation fails, or narrows no
// more the range `old` assumed. A fuzzy entry gets `#|` previous strings:
// the old entry's own when it was fuzzy (they are what the translation was
// made from; none for an exact match of a fuzzy entry without them), else
// its msgctxt and msgid. `nplurals` is the catalog's: an entry that became
// plural gets that many copies of the translation. A fuzzy entry that
// RestoresTranslation() is taken as the old translation of `m` itself.
void MergeEntry(const Message& old, Message* m, bool force_fuzzy, int nplurals,
                const PluralDistribution& distribution) {
  const bool restored = RestoresTranslation(old, *m);
  // What the translation was made for.
  const std::optional<std::string>& source_plural =
      restored ? old.prev_msgid_plural : old.msgid_plural;
  m->msgstr = old.msgstr;
  if (m->msgstr.empty()) m->msgstr.emplace_back();
  if (m->msgid_plural && !old.msgid_plural && m->msgstr.size() == 1) {
    const std::string translation = m->msgstr.front();
    m->msgstr.assign(static_cast<size_t>(std::max(nplurals, 1)), translation);
  } else if (!m->msgid_plural && m->msgstr.size() > 1) {
    m->msgstr.resize(1);
  }
  m->translator_comments = old.translator_comments;
  for (const std::string& flag : old.flags) {
    if (flag != "fuzzy" && !TemplateFlag(flag) && !m->HasFlag(flag)) m->flags.push_back(flag);
  }
  bool fuzzy = restored ? false : old.fuzzy() || force_fuzzy;
  if (!fuzzy && m->msgid_plural != source_plural) fuzzy = true;
  for (size_t i = 0; i < m->flags.size() && !fuzzy; ++i) {
    std::string_view format = PossibleFormat(m->flags[i]);
    if (!format.empty() && !HasPossibleFormat(old, format) &&
        !PassesFormatCheck(*m, format, distribution)) {
      fuzzy = true;
    }
  }
  if (!fuzzy) {
    if (std::optional<std::pair<uint64_t, uint64_t>> old_range = Range(old)) {
      std::optional<std::pair<uint64_t, uint64_t>> range = Range(*m);
      if (!range || range->first < old_range->first || range->second > old_range->second) {
        fuzzy = true;
      }
    }
  }
  m->SetFlag("fuzzy", fuzzy);
  if (!fuzzy) {
    m->prev_msgctxt.reset();
    m->prev_msgid.reset();
    m->prev_msgid_plural.reset();
  } else if (old.fuzzy() && (old.prev_msgid || !force_fuzzy)) {
    // An exact match of a fuzzy entry keeps its previous strings, if any.
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
      MergeEntry(d.from == Decision::kOld ? existing_->Get(d.entry)
                                          : compendia_[d.source]->Get(d.entry),
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
