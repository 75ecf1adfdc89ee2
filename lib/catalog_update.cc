#include "catalog_update.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "fuzzy_match.h"

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

}  // namespace

Catalog UpdateCatalog(const Catalog& templ, const Catalog* existing, const CatalogInfo& info,
                      const UpdateOptions& options, UpdateStats* stats) {
  UpdateStats local;
  if (!stats) stats = &local;
  Catalog out;
  if (existing) out.style = existing->style;
  const Message* old_header = existing ? existing->FindHeader() : nullptr;
  out.messages.push_back(old_header ? *old_header : MakeCatalogHeader(info));
  if (auto date = templ.HeaderField("POT-Creation-Date")) {
    out.SetHeaderField("POT-Creation-Date", *date);
  }

  // The old entries in file order; by key, an active entry wins over an
  // obsolete one.
  std::unordered_map<std::string, const Message*> old_by_key;
  std::vector<const Message*> old_entries;
  if (existing) {
    for (const Message& m : existing->messages) {
      if (m.is_header()) continue;
      old_entries.push_back(&m);
      auto [it, inserted] = old_by_key.emplace(m.Key(), &m);
      if (!inserted && it->second->obsolete && !m.obsolete) it->second = &m;
    }
  }
  std::unordered_map<std::string, const Message*> compendium_by_key;
  std::vector<const Message*> compendium_entries;
  for (const Catalog* c : options.compendia) {
    for (const Message& m : c->messages) {
      if (m.is_header() || m.obsolete || !HasTranslation(m) || m.fuzzy()) continue;
      compendium_by_key.emplace(m.Key(), &m);
      compendium_entries.push_back(&m);
    }
  }

  std::unordered_set<const Message*> used;
  std::vector<size_t> unmatched;  // template entries left for fuzzy matching
  for (const Message& t : templ.messages) {
    if (t.is_header()) continue;
    Message m = t;
    m.line = 0;
    m.msgstr.assign(t.msgid_plural ? 2 : 1, std::string());
    m.flags.erase(std::remove(m.flags.begin(), m.flags.end(), "fuzzy"), m.flags.end());
    std::string key = t.Key();
    if (auto it = old_by_key.find(key); it != old_by_key.end()) {
      TakeTranslation(*it->second, &m);
      used.insert(it->second);
      ++(it->second->obsolete ? stats->revived : stats->exact);
    } else if (auto c = compendium_by_key.find(key); c != compendium_by_key.end()) {
      TakeTranslation(*c->second, &m);
      ++stats->compendium;
    } else {
      unmatched.push_back(out.messages.size());
    }
    out.messages.push_back(std::move(m));
  }

  if (options.fuzzy_matching && !unmatched.empty()) {
    // Like msgmerge, obsolete translations are candidates too.
    FuzzyIndex index(old_entries);
    std::unique_ptr<FuzzyIndex> compendium_index;
    if (!compendium_entries.empty()) compendium_index = std::make_unique<FuzzyIndex>(compendium_entries);
    // The searches only read the indexes: two threads share them (the
    // machines this runs on have two cores or more).
    struct Match {
      const Message* message = nullptr;
      bool from_compendium = false;
    };
    std::vector<Match> matches(unmatched.size());
    auto search = [&](size_t begin, size_t end) {
      for (size_t k = begin; k < end; ++k) {
        const Message& m = out.messages[unmatched[k]];
        double weight = kFuzzyThreshold;
        Match& match = matches[k];
        match.message = index.Search(m.msgctxt, m.msgid, kFuzzyThreshold, &weight);
        if (compendium_index) {
          double compendium_weight = weight;
          const Message* c =
              compendium_index->Search(m.msgctxt, m.msgid, weight, &compendium_weight);
          if (c && compendium_weight > weight) match = {c, true};
        }
      }
    };
    size_t half = unmatched.size() / 2;
    if (unmatched.size() >= 64 && std::thread::hardware_concurrency() > 1) {
      std::thread helper(search, half, unmatched.size());
      search(0, half);
      helper.join();
    } else {
      search(0, unmatched.size());
    }
    for (size_t k = 0; k < unmatched.size(); ++k) {
      if (!matches[k].message) continue;
      TakeFuzzy(*matches[k].message, &out.messages[unmatched[k]]);
      if (matches[k].from_compendium) {
        ++stats->compendium;
      } else {
        used.insert(matches[k].message);
        ++stats->fuzzy;
      }
    }
  }
  for (size_t i = 1; i < out.messages.size(); ++i) {
    if (!HasTranslation(out.messages[i])) ++stats->untranslated;
  }

  // Old translations nothing uses any more stay, as obsolete entries.
  if (!options.purge_obsolete) {
    for (const Message* m : old_entries) {
      if (used.count(m) || !HasTranslation(*m)) continue;
      Message kept = *m;
      kept.obsolete = true;
      kept.line = 0;
      out.messages.push_back(std::move(kept));
      ++stats->obsolete;
    }
  }
  return out;
}

}  // namespace l10n
