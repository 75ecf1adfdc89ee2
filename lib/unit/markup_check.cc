#include "unit/markup_check.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf8.h>

#include "base/ui_text.h"
#include "base/utf8.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// Names the segmenter gives inline elements (docs/units.md), so that a tag
// with one of them is a placeholder out of place rather than foreign markup.
bool IsPlaceholderName(std::string_view name) {
  static constexpr const char* kInline[] = {
      "a",     "abbr", "acronym", "b",      "bdi",   "bdo",  "big",  "br",   "cite",
      "code",  "data", "dfn",     "em",     "font",  "i",    "img",  "kbd",  "mark",
      "q",     "s",    "samp",    "small",  "span",  "strike", "strong", "sub", "sup",
      "time",  "tt",   "u",       "var",    "wbr",   "del",  "ins",  "ruby", "rt",
      "rp",    "label", "nobr",   "meter",  "progress", "output", "category", "comment", "shortcode",
  };
  while (!name.empty() && name.back() >= '0' && name.back() <= '9') name.remove_suffix(1);
  for (const char* known : kInline) {
    if (name == known) return true;
  }
  return false;
}

std::string Shown(const Token& t) {
  switch (t.type) {
    case Token::kOpen: return "<" + t.text + ">";
    case Token::kClose: return "</" + t.text + ">";
    case Token::kSelfClosing: return "<" + t.text + "/>";
    case Token::kText: break;
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


// Code points a translation may not add (docs/check.md), by their Unicode
// properties: controls (Cc) but TAB and LF, format characters (Cf), default
// ignorable code points and bidirectional controls (Bidi_Control); but for
// those ordinary text needs: the soft hyphen, ZWNJ and ZWJ (joining in many
// scripts, emoji sequences), variation selectors (emoji presentation,
// glyph variants) and the prepended concatenation marks (Arabic number
// signs). Tag characters are allowed inside an emoji tag sequence only
// (InvisibleIssues).
const icu::UnicodeSet& Invisibles() {
  static const icu::UnicodeSet* set = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* s = new icu::UnicodeSet(
        UNICODE_STRING_SIMPLE("[[[:Cc:][:Cf:][:Default_Ignorable_Code_Point:][:Bidi_Control:]]"
                              "-[\\u0009\\u000A\\u00AD\\u200C\\u200D[:Variation_Selector:]"
                              "[:Prepended_Concatenation_Mark:]]]"),
        status);
    if (U_FAILURE(status)) {  // cannot happen with ICU's own property names
      s->clear();
      s->add(0, 0x1F).add(0x7F, 0x9F).remove('\t').remove('\n');
    }
    s->freeze();
    return s;
  }();
  return *set;
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
    // The first byte of the UTF-8 of every code point of Invisibles().
    const icu::UnicodeSet& invisibles = Invisibles();
    for (int32_t r = 0; r < invisibles.getRangeCount(); ++r) {
      UChar32 first = invisibles.getRangeStart(r), last = invisibles.getRangeEnd(r);
      for (UChar32 c = first; c <= last;) {
        std::string utf8;
        AppendUtf8(static_cast<char32_t>(c), &utf8);
        if (!utf8.empty()) of[static_cast<unsigned char>(utf8[0])] |= kControl;
        // The next code point with another first byte.
        c = c < 0x80      ? c + 1
            : c < 0x800   ? (c | 0x3F) + 1
            : c < 0x10000 ? (c | 0xFFF) + 1
                          : (c | 0x3FFFF) + 1;
      }
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
                           FormatUi("'{}' closes '<{}>' before '<{}>' is closed: they cross",
                                    shown, t.text, open.back()),
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
      issues->push_back({Check::kPlaceholder, 0,
                         FormatUi("the HTML comment '{}' is missing", shown), true});
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

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Entity references as HTML reads them: "&name;", "&#123;", "&#x1F;". The
// unit text's own escapes ("&lt;", "&amp;") are text, not entities.
std::vector<std::pair<size_t, std::string>> Entities(std::string_view s) {
  std::vector<std::pair<size_t, std::string>> out;
  for (size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      ++j;
      bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      size_t digits = j;
      while (j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j])) != 0
                                  : (s[j] >= '0' && s[j] <= '9'))) {
        ++j;
      }
      if (j == digits) continue;
    } else {
      size_t name = j;
      while (j < s.size() && IsAsciiAlnum(s[j]) && j - name < 32) ++j;
      if (j == name || !IsAsciiAlpha(s[name])) continue;
    }
    if (j >= s.size() || s[j] != ';') continue;
    std::string entity(s.substr(i, j + 1 - i));
    if (entity == "&lt;" || entity == "&amp;") continue;
    out.emplace_back(i, std::move(entity));
  }
  return out;
}

// URL schemes that make a link or load something: "javascript:" even with
// spaces or controls inside (browsers strip them), the others as written.
std::vector<std::pair<size_t, std::string>> Schemes(std::string_view s) {
  std::vector<std::pair<size_t, std::string>> out;
  // Folded: ASCII lowercase, without whitespace and control characters.
  std::string folded;
  std::vector<size_t> where;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7F) continue;
    folded += Lower(static_cast<char>(c));
    where.push_back(i);
  }
  for (const char* scheme : {"javascript:", "vbscript:", "livescript:"}) {
    for (size_t i = folded.find(scheme); i != std::string::npos;
         i = folded.find(scheme, i + 1)) {
      out.emplace_back(where[i], std::string(scheme));
    }
  }
  std::string lower(s);
  for (char& c : lower) c = Lower(c);
  auto word_start = [&lower](size_t i) { return i == 0 || !IsAsciiAlnum(lower[i - 1]); };
  for (const char* scheme : {"http://", "https://", "ftp://", "file:", "mailto:", "data:"}) {
    size_t n = std::strlen(scheme);
    for (size_t i = lower.find(scheme); i != std::string::npos; i = lower.find(scheme, i + 1)) {
      if (!word_start(i)) continue;
      if (std::strcmp(scheme, "data:") == 0) {
        // "data:text/html,...", not "Source data: ..."
        size_t j = i + n;
        while (j < lower.size() && IsAsciiAlpha(lower[j])) ++j;
        if (j == i + n || j >= lower.size() || lower[j] != '/') continue;
      } else if (i + n >= lower.size() || lower[i + n] == ' ') {
        continue;
      }
      std::string name(scheme);
      out.emplace_back(i, name.substr(0, name.find(':') + 1));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Attribute-like text ("onerror=", "href ="): harmless as text, but a sign of
// an attempt, and never what a translation of the source needs.
std::vector<std::pair<size_t, std::string>> Attributes(std::string_view s) {
  std::vector<std::pair<size_t, std::string>> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAsciiAlpha(s[i]) || (i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == '-'))) continue;
    size_t j = i;
    while (j < s.size() && (IsAsciiAlnum(s[j]) || s[j] == '-' || s[j] == ':')) ++j;
    std::string name(s.substr(i, j - i));
    for (char& c : name) c = Lower(c);
    size_t k = j;
    while (k < s.size() && (s[k] == ' ' || s[k] == '\t')) ++k;
    if (k < s.size() && s[k] == '=') {
      static constexpr const char* kAttributes[] = {"href",   "src",    "style",      "srcdoc",
                                               "srcset", "action", "formaction", "xlink:href"};
      bool event = name.size() > 4 && name.compare(0, 2, "on") == 0;
      bool known = std::find_if(std::begin(kAttributes), std::end(kAttributes),
                                [&name](const char* n) { return name == n; }) !=
                   std::end(kAttributes);
      if (event || known) out.emplace_back(i, name + "=");
    }
    i = j;
  }
  return out;
}

// The code points of Invisibles() in `s`, with their offsets. A tag
// character (U+E0020..U+E007F) is text in an emoji tag sequence (UTS #51:
// an emoji, tag characters, U+E007F), as in the flag of Scotland.
std::vector<std::pair<size_t, char32_t>> Controls(std::string_view s) {
  std::vector<std::pair<size_t, char32_t>> out;
  const icu::UnicodeSet& invisibles = Invisibles();
  UChar32 previous = -1;
  bool in_tag_sequence = false;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    int32_t start = i;
    UChar32 c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // most text: no lookup
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        out.emplace_back(static_cast<size_t>(start), static_cast<char32_t>(c));
      }
      ++i;
      previous = c;
      in_tag_sequence = false;
      continue;
    }
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) {
      previous = -1;
      in_tag_sequence = false;
      continue;
    }
    bool tag = c >= 0xE0020 && c <= 0xE007F;
    if (tag) {
      in_tag_sequence =
          in_tag_sequence ||
          (previous >= 0 && (u_hasBinaryProperty(previous, UCHAR_EMOJI) || previous == 0xFE0F));
    } else {
      in_tag_sequence = false;
    }
    if (invisibles.contains(c) && !(tag && in_tag_sequence)) {
      out.emplace_back(static_cast<size_t>(start), static_cast<char32_t>(c));
    }
    if (c == 0xE007F) in_tag_sequence = false;
    previous = c;
  }
  return out;
}

template <typename T>
bool Has(const std::vector<std::pair<size_t, T>>& list, const T& value) {
  return std::any_of(list.begin(), list.end(), [&value](const auto& p) { return p.second == value; });
}

// `classes`: ByteClasses(translation).
void CheckText(std::string_view source, std::string_view translation, uint8_t classes,
               std::vector<MarkupIssue>* issues) {
  if (classes & kAmpersand) {
    auto source_entities = Entities(source);
    for (const auto& [offset, entity] : Entities(translation)) {
      if (!Has(source_entities, entity)) {
        issues->push_back(
            {Check::kUnsafe, offset, FormatUi("entity '{}' is not in the source", entity), true});
      }
    }
  }
  if (classes & kColon) {
    auto source_schemes = Schemes(source);
    for (const auto& [offset, scheme] : Schemes(translation)) {
      if (!Has(source_schemes, scheme)) {
        issues->push_back({Check::kUnsafe, offset,
                           FormatUi("URL scheme '{}' is not in the source", scheme), true});
      }
    }
  }
  if (classes & kEquals) {
    auto source_attributes = Attributes(source);
    for (const auto& [offset, attribute] : Attributes(translation)) {
      if (!Has(source_attributes, attribute)) {
        issues->push_back({Check::kUnsafe, offset,
                           FormatUi("attribute '{}' is not in the source", attribute), true});
      }
    }
  }
  if (!(classes & kControl)) return;
  auto source_controls = Controls(source);
  for (const auto& [offset, c] : Controls(translation)) {
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
  std::stable_sort(issues->begin(), issues->end(), [](const MarkupIssue& a, const MarkupIssue& b) {
    return a.offset < b.offset;
  });
}

std::vector<MarkupIssue> CheckMarkup(std::string_view source, std::string_view translation) {
  std::vector<MarkupIssue> issues;
  CheckMarkup(source, translation, ByteClasses(source), ByteClasses(translation), &issues);
  return issues;
}

}  // namespace l10n
