#include "catalog/xliff_extensions.h"

namespace l10n {

namespace {

constexpr std::string_view kStateComment = "xliff-state: ";
constexpr const char* kKeptStates[] = {"reviewed", "final", "signed-off"};

}  // namespace

bool IsStateComment(std::string_view line) {
  return line.substr(0, kStateComment.size()) == kStateComment;
}

std::string_view KeptState(const Message& m) {
  for (const std::string& c : m.translator_comments) {
    std::string_view line = c;
    if (!IsStateComment(line)) continue;
    line.remove_prefix(kStateComment.size());
    for (const char* state : kKeptStates) {
      if (line == state) return state;
    }
  }
  return {};
}

void ApplyXliffState(const std::string& state, const std::string& sub_state, Message* m) {
  bool empty = m->msgstr[0].empty();
  bool fuzzy = false;
  const char* kept = nullptr;
  if (sub_state == kFuzzySubState || sub_state == "poedit:fuzzy") {
    fuzzy = true;
  } else if (state == "reviewed" || state == "x-reviewed") {
    kept = "reviewed";
  } else if (state == "final") {
    kept = sub_state == kSignedOffSubState ? "signed-off" : "final";
  } else if (state == "signed-off") {
    kept = "signed-off";
  } else if (state == "needs-review-translation" || state == "needs-review-l10n" ||
             state == "needs-review-adaptation" || state == "needs-translation" ||
             state == "needs-l10n" || state == "needs-adaptation" || state == "new" ||
             state == "initial") {
    // Work still to do: a translation there is a draft.
    fuzzy = true;
  }
  if (empty) return;  // untranslated, whatever the state says
  if (fuzzy) m->SetFlag("fuzzy", true);
  if (kept) {
    m->translator_comments.insert(m->translator_comments.begin(),
                                  std::string(kStateComment) + kept);
  }
}

}  // namespace l10n
