#include "catalog/xliff_copies.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "base/ui_text.h"

namespace l10n {

namespace {

// The translator comment that carries a review state (docs/xliff.md).
constexpr std::string_view kStateComment = "xliff-state: ";

std::optional<std::string> ReviewState(const Message& m) {
  for (const std::string& c : m.translator_comments) {
    if (std::string_view(c).substr(0, kStateComment.size()) == kStateComment) {
      return c.substr(kStateComment.size());
    }
  }
  return std::nullopt;
}

// An entry's translation and its state, as the catalog and its copies say.
struct EntryState {
  std::vector<std::string> msgstr;
  bool fuzzy = false;
  std::optional<std::string> review;  // reviewed, final, signed-off

  explicit EntryState(const Message& m)
      : msgstr(m.msgstr), fuzzy(m.fuzzy()), review(ReviewState(m)) {}
  bool empty() const {
    return std::all_of(msgstr.begin(), msgstr.end(),
                       [](const std::string& s) { return s.empty(); });
  }
  // untranslated 0, fuzzy 1, translated 2, reviewed 3, final 4, signed-off 5.
  int Progress() const {
    if (empty()) return 0;
    if (fuzzy) return 1;
    if (!review) return 2;
    if (*review == "reviewed") return 3;
    if (*review == "final") return 4;
    return 5;
  }
  bool operator==(const EntryState& o) const {
    return msgstr == o.msgstr && Progress() == o.Progress() && (empty() || review == o.review);
  }
  // "\"Hola\" (fuzzy)", for messages.
  std::string Describe() const {
    static const char* const kStates[] = {"", "fuzzy", "", "reviewed", "final", "signed-off"};
    if (empty()) return _("no translation");
    std::string text = msgstr[0];
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    std::string shown = "\"" + text + "\"";
    int p = Progress();
    if (p != 2) shown += std::string(" (") + kStates[p] + ")";
    return shown;
  }
};

// The entry takes the copy's translation and state.
void Take(const Message& x, Message* m) {
  m->msgstr = x.msgstr;
  if (m->msgid_plural && m->msgstr.size() < 2) m->msgstr.resize(2);
  m->SetFlag("fuzzy", x.fuzzy());
  auto& comments = m->translator_comments;
  comments.erase(std::remove_if(comments.begin(), comments.end(),
                                [](const std::string& c) {
                                  return std::string_view(c).substr(0, kStateComment.size()) ==
                                         kStateComment;
                                }),
                 comments.end());
  if (std::optional<std::string> review = ReviewState(x)) {
    comments.insert(comments.begin(), std::string(kStateComment) + *review);
  }
  if (!x.fuzzy()) {
    // A translation confirmed: what it was made from no longer matters.
    m->prev_msgctxt.reset();
    m->prev_msgid.reset();
    m->prev_msgid_plural.reset();
  } else if (!m->prev_msgid && x.prev_msgid) {
    m->prev_msgctxt = x.prev_msgctxt;
    m->prev_msgid = x.prev_msgid;
    m->prev_msgid_plural = x.prev_msgid_plural;
  }
}

struct Seen {
  const CatalogCopy* copy;
  const Message* entry;
};

std::string Where(const Seen& s) {
  return s.entry->line > 0 ? s.copy->path + ":" + std::to_string(s.entry->line) : s.copy->path;
}

std::string Shown(const Message& m) {
  std::string text = m.msgid.size() > 60 ? m.msgid.substr(0, 57) + "..." : m.msgid;
  return "\"" + text + "\"";
}

}  // namespace

bool TakeCopyTranslations(const std::string& path, const std::vector<CatalogCopy>& copies,
                          Catalog* catalog, DiagnosticSink* sink) {
  bool ok = true;
  for (Message& m : catalog->messages) {
    if (m.is_header() || m.obsolete) continue;
    const EntryState ours(m);
    int same = 0;
    std::vector<Seen> differing;  // copies with a translation other than ours
    for (const CatalogCopy& copy : copies) {
      const Message* x = copy.catalog->Find(m.msgctxt, m.msgid);
      if (!x) continue;
      EntryState theirs(*x);
      if (theirs == ours) {
        ++same;
      } else if (!theirs.empty()) {
        differing.push_back({&copy, x});
      }
    }
    if (differing.empty()) continue;
    bool agree = std::all_of(differing.begin(), differing.end(), [&](const Seen& s) {
      return EntryState(*s.entry) == EntryState(*differing[0].entry);
    });
    const int line = m.line;
    const int column = m.line > 0 ? 1 : 0;
    auto take = [&](const Seen& s) {
      sink->Report({Severity::kNote, path, line, column,
                    FormatUi("translation of {} taken from {}: {}", Shown(m), Where(s),
                             EntryState(*s.entry).Describe())});
      Take(*s.entry, &m);
    };
    if (agree && (ours.empty() || same > 0)) {
      // Nothing here to lose, or the catalog is what the last run wrote.
      take(differing[0]);
      continue;
    }
    if (agree && differing.size() >= 2) continue;  // the catalog was edited since
    // No way to tell which side changed: the same text goes to the state
    // further on; different texts are a conflict.
    const Seen* furthest = nullptr;
    bool same_text = true;
    for (const Seen& s : differing) {
      EntryState theirs(*s.entry);
      if (theirs.msgstr != ours.msgstr) same_text = false;
      if (!furthest || theirs.Progress() > EntryState(*furthest->entry).Progress()) furthest = &s;
    }
    if (same_text) {
      if (EntryState(*furthest->entry).Progress() > ours.Progress()) {
        take(*furthest);
      } else {
        for (const Seen& s : differing) {
          sink->Warning(path, line, column,
                        FormatUi("{} says {} for {}; the catalog's {} is kept", Where(s),
                                 EntryState(*s.entry).Describe(), Shown(m), ours.Describe()));
        }
      }
      continue;
    }
    std::string sides = FormatUi("this catalog has {}", ours.Describe());
    for (const Seen& s : differing) {
      sides += FormatUi("; {} has {}", Where(s), EntryState(*s.entry).Describe());
    }
    sink->Error(path, line, column,
                FormatUi("{}: {}: both were edited since the last l10n-extract; make them the "
                         "same (or delete the copy that is wrong) and run it again",
                         Shown(m), sides));
    ok = false;
  }
  return ok;
}

}  // namespace l10n
