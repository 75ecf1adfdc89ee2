#include "unit/markup_check.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "base/ui_text.h"
#include "unit/text_hazards.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// Names the segmenter gives inline elements (docs/units.md), so that a tag
// with one of them is a placeholder out of place rather than foreign markup.
bool IsPlaceholderName(std::string_view name) {
  static constexpr const char* kInline[] = {
      "a",    "abbr",  "acronym", "b",     "bdi",      "bdo",    "big",      "br",      "cite",
      "code", "data",  "dfn",     "em",    "font",     "i",      "img",      "kbd",     "mark",
      "q",    "s",     "samp",    "small", "span",     "strike", "strong",   "sub",     "sup",
      "time", "tt",    "u",       "var",   "wbr",      "del",    "ins",      "ruby",    "rt",
      "rp",   "label", "nobr",    "meter", "progress", "output", "category", "comment", "shortcode",
  };
  while (!name.empty() && name.back() >= '0' && name.back() <= '9') name.remove_suffix(1);
  for (const char* known : kInline) {
    if (name == known) return true;
  }
  return false;
}

std::string Shown(const Token& t) {
  switch (t.type) {
    case Token::kOpen:
      return "<" + t.text + ">";
    case Token::kClose:
      return "</" + t.text + ">";
    case Token::kSelfClosing:
      return "<" + t.text + "/>";
    case Token::kText:
      break;
  }
  return t.text;
}

struct SourcePlaceholder {
  std::string name;
  bool paired = false;
  std::string parent;  // the paired placeholder it is inside, or ""
};

// The placeholders of a source unit text, in order; nullopt when the source
// itself does not tokenize (then only the text rules apply).
std::optional<std::vector<SourcePlaceholder>> SourcePlaceholders(std::string_view source) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(source);
  if (!tokens.ok()) return std::nullopt;
  std::vector<SourcePlaceholder> out;
  std::vector<std::string> open;
  for (const Token& t : *tokens) {
    if (t.type == Token::kText) continue;
    if (t.type == Token::kClose) {
      if (!open.empty()) open.pop_back();
      continue;
    }
    out.push_back({t.text, t.type == Token::kOpen, open.empty() ? "" : open.back()});
    if (t.type == Token::kOpen) open.push_back(t.text);
  }
  return out;
}

struct ByteClassTable {
  uint8_t of[256] = {};
  ByteClassTable() {
    of[static_cast<unsigned char>('<')] = kLessThan;
    of[static_cast<unsigned char>('&')] = kAmpersand;
    of[static_cast<unsigned char>(':')] = kColon;
    of[static_cast<unsigned char>('=')] = kEquals;
    of[static_cast<unsigned char>('?')] = kMark;
    of[static_cast<unsigned char>('!')] = kMark;
    for (int b = 0; b < 256; ++b) {
      if (MayBeginInvisible(static_cast<unsigned char>(b))) of[b] |= kControl;
    }
  }
};

const ByteClassTable& ByteClassesTable() {
  static const ByteClassTable table;
  return table;
}

// Tag-like text as HTML reads it: '<' then a letter, '/', '!' or '?', up to
// the next '>'.
std::vector<std::pair<size_t, std::string_view>> RawTags(std::string_view s) {
  std::vector<std::pair<size_t, std::string_view>> out;
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    char n = i + 1 < s.size() ? s[i + 1] : ' ';
    bool letter = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z');
    if (!letter && n != '/' && n != '!' && n != '?') continue;
    size_t end = s.find('>', i);
    if (end == std::string_view::npos) end = s.size() - 1;
    out.emplace_back(i, s.substr(i, end + 1 - i));
  }
  return out;
}

// A source that is not unit text (a catalog of another tool, whose msgids
// hold HTML with attributes): each tag of the translation must be one of the
// source's, byte for byte.
void CheckRawTags(std::string_view source, std::string_view translation,
                  std::vector<MarkupIssue>* issues) {
  std::vector<std::pair<size_t, std::string_view>> known = RawTags(source);
  for (const auto& [offset, raw] : RawTags(translation)) {
    std::string_view tag = raw;  // clang 14 cannot capture a structured binding
    auto same = [tag](const auto& k) { return k.second == tag; };
    if (std::find_if(known.begin(), known.end(), same) != known.end()) continue;
    std::string shown(tag.substr(0, 40));
    if (shown.size() < tag.size()) shown += "...";
    issues->push_back(
        {Check::kUnsafe, offset, FormatUi("markup not in the source: '{}'", shown), true});
  }
}

void CheckTags(std::string_view source, std::string_view translation,
               std::vector<MarkupIssue>* issues) {
  std::optional<std::vector<SourcePlaceholder>> placeholders = SourcePlaceholders(source);
  if (!placeholders) {
    CheckRawTags(source, translation, issues);
    return;
  }
  Result<std::vector<Token>> tokens = TokenizeUnitText(translation);
  if (!tokens.ok()) {
    // The tokenizer stops at the first tag-like text that is not a
    // placeholder tag; find where, for the location.
    size_t offset = 0;
    for (size_t i = 0; i < translation.size(); ++i) {
      if (translation[i] != '<') continue;
      if (!TokenizeUnitText(translation.substr(0, i)).ok()) break;
      offset = i;
    }
    issues->push_back({Check::kUnsafe, offset, tokens.status().message(), true});
    return;
  }
  // Sets and maps by name: a unit may hold 100,000 placeholders.
  std::unordered_map<std::string_view, const SourcePlaceholder*> by_name;
  for (const SourcePlaceholder& p : *placeholders) by_name.emplace(p.name, &p);
  auto find = [&](const std::string& name) -> const SourcePlaceholder* {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  };
  std::unordered_set<std::string> used;
  std::vector<std::string> open;
  std::unordered_map<std::string, int> open_count;
  std::unordered_set<std::string> unknown;
  for (const Token& t : *tokens) {
    if (t.type == Token::kText) continue;
    std::string shown = Shown(t);
    const SourcePlaceholder* p = find(t.text);
    if (!p) {
      // Once per name: "<em>x</em>" is one added placeholder.
      if (!unknown.insert(t.text).second) continue;
      if (placeholders && !placeholders->empty() && IsPlaceholderName(t.text)) {
        issues->push_back({Check::kPlaceholder, t.offset,
                           FormatUi("placeholder '{}' is not in the source", shown), true});
      } else {
        issues->push_back(
            {Check::kUnsafe, t.offset, FormatUi("markup not in the source: '{}'", shown), true});
      }
      continue;
    }
    if (p->paired && t.type == Token::kSelfClosing) {
      issues->push_back({Check::kPlaceholder, t.offset,
                         FormatUi("'{}' must enclose text, as in the source", shown), true});
      continue;
    }
    if (!p->paired && t.type != Token::kSelfClosing) {
      issues->push_back({Check::kPlaceholder, t.offset,
                         FormatUi("'{}' must be written '<{}/>'", shown, t.text), true});
      continue;
    }
    if (t.type == Token::kClose) {
      if (open_count[t.text] == 0) {
        issues->push_back({Check::kPlaceholder, t.offset,
                           FormatUi("'{}' closes a placeholder that is not open", shown), true});
        continue;
      }
      if (open.back() != t.text) {
        issues->push_back({Check::kPlaceholder, t.offset,
                           FormatUi("'{}' closes '<{}>' before '<{}>' is closed: they cross", shown,
                                    t.text, open.back()),
                           true});
        open.erase(std::find(open.begin(), open.end(), t.text));
        --open_count[t.text];
        continue;
      }
      open.pop_back();
      --open_count[t.text];
      continue;
    }
    if (used.count(t.text)) {
      issues->push_back(
          {Check::kPlaceholder, t.offset, FormatUi("placeholder '{}' is used twice", shown), true});
      if (t.type == Token::kOpen) {  // so its end tag matches
        open.push_back(t.text);
        ++open_count[t.text];
      }
      continue;
    }
    used.insert(t.text);
    std::string parent = open.empty() ? "" : open.back();
    if (parent != p->parent) {
      std::string message =
          p->parent.empty()
              ? FormatUi("'{}' is inside '<{}>' here but not in the source", shown, parent)
              : FormatUi("'{}' is inside '<{}>' in the source but not here", shown, p->parent);
      issues->push_back({Check::kPlaceholder, t.offset, std::move(message), true});
    }
    if (t.type == Token::kOpen) {
      open.push_back(t.text);
      ++open_count[t.text];
    }
  }
  for (const std::string& name : open) {
    issues->push_back({Check::kPlaceholder, translation.size(),
                       FormatUi("placeholder '<{}>' is not closed", name), true});
  }
  if (!placeholders) return;
  for (const SourcePlaceholder& p : *placeholders) {
    if (used.count(p.name)) continue;
    std::string shown = p.paired ? "<" + p.name + ">" : "<" + p.name + "/>";
    std::string message;
    std::string_view base = p.name;
    while (!base.empty() && base.back() >= '0' && base.back() <= '9') base.remove_suffix(1);
    if (!p.paired && base == "comment") {
      // A comment is no formatting: WordPress reads <!--more-->,
      // <!--nextpage--> and block delimiters. Left out, the page changes.
      issues->push_back(
          {Check::kPlaceholder, 0, FormatUi("the HTML comment '{}' is missing", shown), true});
      continue;
    }
    if (p.name == "time") {
      message = FormatUi("the date '{}' is missing", shown);
    } else if (p.name == "category") {
      message = FormatUi("the categories '{}' are missing", shown);
    } else {
      message = FormatUi("placeholder '{}' is missing", shown);
    }
    issues->push_back({Check::kPlaceholder, 0, std::move(message), false});
  }
}

template <typename T>
bool Has(const std::vector<std::pair<size_t, T>>& list, const T& value) {
  return std::any_of(list.begin(), list.end(),
                     [&value](const auto& p) { return p.second == value; });
}

// `classes`: ByteClasses(translation).
void CheckText(std::string_view source, std::string_view translation, uint8_t classes,
               std::vector<MarkupIssue>* issues) {
  if (classes & kAmpersand) {
    auto source_entities = FindEntities(source);
    for (const auto& [offset, entity] : FindEntities(translation)) {
      if (!Has(source_entities, entity)) {
        issues->push_back(
            {Check::kUnsafe, offset, FormatUi("entity '{}' is not in the source", entity), true});
      }
    }
  }
  if (classes & kColon) {
    auto source_schemes = FindUrlSchemes(source);
    for (const auto& [offset, scheme] : FindUrlSchemes(translation)) {
      if (!Has(source_schemes, scheme)) {
        issues->push_back({Check::kUnsafe, offset,
                           FormatUi("URL scheme '{}' is not in the source", scheme), true});
      }
    }
  }
  if (classes & kEquals) {
    auto source_attributes = FindAttributes(source);
    for (const auto& [offset, attribute] : FindAttributes(translation)) {
      if (!Has(source_attributes, attribute)) {
        issues->push_back({Check::kUnsafe, offset,
                           FormatUi("attribute '{}' is not in the source", attribute), true});
      }
    }
  }
  if (!(classes & kControl)) return;
  auto source_controls = FindInvisibles(source);
  for (const auto& [offset, c] : FindInvisibles(translation)) {
    if (Has(source_controls, c)) continue;
    std::string code = fmt::format("U+{:04X}", static_cast<uint32_t>(c));
    std::string message;
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_BIDI_CONTROL)) {
      message = FormatUi("bidirectional control character {} is not in the source", code);
    } else if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR) {
      message = FormatUi("control character {} is not in the source", code);
    } else {
      message = FormatUi("invisible character {} is not in the source", code);
    }
    issues->push_back({Check::kUnsafe, offset, std::move(message), true});
  }
}

}  // namespace

uint8_t ByteClasses(std::string_view s) {
  const ByteClassTable& table = ByteClassesTable();
  uint8_t classes = 0;
  for (char c : s) classes |= table.of[static_cast<unsigned char>(c)];
  return classes;
}

// CheckMarkup with the byte classes of both sides known.
void CheckMarkup(std::string_view source, std::string_view translation, uint8_t source_classes,
                 uint8_t translation_classes, std::vector<MarkupIssue>* issues) {
  if ((source_classes | translation_classes) & kLessThan) {
    CheckTags(source, translation, issues);
  }
  CheckText(source, translation, translation_classes, issues);
  std::stable_sort(issues->begin(), issues->end(),
                   [](const MarkupIssue& a, const MarkupIssue& b) { return a.offset < b.offset; });
}

std::vector<MarkupIssue> CheckMarkup(std::string_view source, std::string_view translation) {
  std::vector<MarkupIssue> issues;
  CheckMarkup(source, translation, ByteClasses(source), ByteClasses(translation), &issues);
  return issues;
}

}  // namespace l10n
