#include "align/placeholder_map.h"

#include <map>

#include "align/align_features.h"
#include "unit/markup_check.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

const Placeholder* FindPlaceholder(const Unit& unit, std::string_view name) {
  for (const Placeholder& p : unit.placeholders) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void AppendTag(const Token& t, const std::string& name, std::string* out) {
  switch (t.type) {
    case Token::kOpen:
      *out += "<" + name + ">";
      break;
    case Token::kClose:
      *out += "</" + name + ">";
      break;
    case Token::kSelfClosing:
      *out += "<" + name + "/>";
      break;
    case Token::kText:
      break;
  }
}

}  // namespace

MappedTranslation MapPlaceholders(const Unit& source, std::string_view source_bytes,
                                  const std::vector<const Unit*>& translations,
                                  std::string_view translation_bytes) {
  // The source's names by key, in order.
  std::map<std::string, std::vector<std::string>> free_names;
  for (const Placeholder& p : source.placeholders) {
    free_names[PlaceholderKey(p, source_bytes)].push_back(p.name);
  }
  MappedTranslation mapped;
  std::string plain;
  bool mappable = true;
  for (size_t k = 0; k < translations.size(); ++k) {
    const Unit& unit = *translations[k];
    if (k > 0) {
      mapped.text += ' ';
      plain += ' ';
    }
    Result<std::vector<Token>> tokens = TokenizeUnitText(unit.text);
    if (!tokens.ok()) {
      mappable = false;
      AppendUnitText(unit.text, &plain);
      continue;
    }
    std::map<std::string, std::string> renamed;  // the unit's name -> the source's
    for (const Token& t : *tokens) {
      if (t.type == Token::kText) {
        AppendUnitText(t.text, &mapped.text);
        AppendUnitText(t.text, &plain);
        continue;
      }
      auto it = renamed.find(t.text);
      if (it == renamed.end()) {
        const Placeholder* p = FindPlaceholder(unit, t.text);
        std::string name;
        if (p != nullptr) {
          auto names = free_names.find(PlaceholderKey(*p, translation_bytes));
          if (names != free_names.end() && !names->second.empty()) {
            name = names->second.front();
            names->second.erase(names->second.begin());
          }
        }
        if (name.empty()) {
          mappable = false;
          continue;
        }
        it = renamed.emplace(t.text, name).first;
      }
      AppendTag(t, it->second, &mapped.text);
    }
  }
  if (mappable) {
    for (const MarkupIssue& issue : CheckMarkup(source.text, mapped.text)) {
      if (issue.blocks_merge) mappable = false;
    }
  }
  if (!mappable) {
    mapped.text = plain;
    mapped.markup_removed = true;
  }
  return mapped;
}

}  // namespace l10n
