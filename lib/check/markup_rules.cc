#include "check/markup_rules.h"

#include <algorithm>

#include "base/ui_text.h"
#include "unit/unit_text.h"

namespace l10n {

void CheckShortcodes(std::string_view source, std::string_view translation,
                     const SegmentOptions& options, std::vector<MarkupIssue>* issues) {
  if (!options.shortcodes) return;
  Result<std::vector<Token>> tokens = TokenizeUnitText(translation);
  Result<std::vector<Token>> source_tokens = TokenizeUnitText(source);
  if (!tokens.ok() || !source_tokens.ok()) return;  // CheckMarkup says why
  // The source's shortcode tags are placeholders; what its text holds
  // ("[[gallery]]", a stray "[/b]") the translation may keep.
  std::vector<std::string> known;
  for (const Token& t : *source_tokens) {
    if (t.type != Token::kText) continue;
    for (std::string& tag : ShortcodeTagsIn(t.text, options)) known.push_back(std::move(tag));
  }
  bool added = false;
  for (const Token& t : *tokens) {
    if (t.type != Token::kText) continue;
    for (const std::string& tag : ShortcodeTagsIn(t.text, options)) {
      auto it = std::find(known.begin(), known.end(), tag);
      if (it != known.end()) {
        known.erase(it);
        continue;
      }
      issues->push_back(
          {Check::kUnsafe, t.offset, FormatUi("shortcode not in the source: '{}'", tag), true});
      added = true;
    }
  }
  if (added) {
    std::stable_sort(
        issues->begin(), issues->end(),
        [](const MarkupIssue& a, const MarkupIssue& b) { return a.offset < b.offset; });
  }
}

std::vector<CategoryNameIssue> CheckCategoryNames(const Category& category, std::string_view label,
                                                  const std::string& source_lang,
                                                  const std::string& target_lang) {
  std::vector<CategoryNameIssue> out;
  auto check = [&out, &category](const std::string& lang, std::string_view source) {
    std::string name = category.Name(lang);
    if (name.empty() || source.find(name) != std::string_view::npos) return true;
    bool ok = true;
    for (MarkupIssue& issue : CheckMarkup(source, name)) {
      if (!issue.blocks_merge) continue;
      out.push_back({lang, std::move(issue)});
      ok = false;
    }
    return ok;
  };
  std::string source_name = category.Name(source_lang);
  bool source_ok = check(source_lang, label);
  if (target_lang != source_lang) {
    check(target_lang, source_ok && !source_name.empty() ? std::string_view(source_name) : label);
  }
  return out;
}

void CheckFormMarkup(const EntryForm& form, Findings* out) {
  if (!form.context.html) return;
  std::vector<MarkupIssue> issues;
  CheckMarkup(form.source, form.target, form.source_classes, form.target_classes, &issues);
  CheckShortcodes(form.source, form.target, form.context.segment, &issues);
  for (MarkupIssue& issue : issues) {
    out->AtTarget(form, issue.check, issue.offset, std::move(issue.message));
  }
}

}  // namespace l10n
