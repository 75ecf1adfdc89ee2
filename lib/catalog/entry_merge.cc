#include "catalog/entry_merge.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "catalog/format_check.h"

namespace l10n {

namespace {

// Flags gettext takes from the template, never from the old entry
// (msgmerge's message_merge): the *-format flags, range, wrap and the
// syntax checks. Other flags it does not know stay the translator's.
bool TemplateFlag(std::string_view flag) {
  return flag.ends_with("-format") || flag.substr(0, 6) == "range:" || flag == "wrap" ||
         flag == "no-wrap" || flag.ends_with("-check");
}

}  // namespace

bool HasTranslation(const Message& m) {
  return std::any_of(m.msgstr.begin(), m.msgstr.end(),
                     [](const std::string& s) { return !s.empty(); });
}

bool RestoresTranslation(const Message& old, const Message& m) {
  return old.fuzzy() && old.prev_msgid && *old.prev_msgid == m.msgid &&
         old.prev_msgctxt == m.msgctxt && old.prev_msgid_plural == m.msgid_plural &&
         (old.msgid != m.msgid || old.msgctxt != m.msgctxt || old.msgid_plural != m.msgid_plural);
}

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
    if (std::optional<std::pair<uint64_t, uint64_t>> old_range = RangeFlag(old)) {
      std::optional<std::pair<uint64_t, uint64_t>> range = RangeFlag(*m);
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

}  // namespace l10n
