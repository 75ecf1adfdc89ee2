#include "unit/text_hazards.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "base/utf8.h"

namespace l10n {

namespace {

// Code points a translation may not add (docs/check.md), by their Unicode
// properties: controls (Cc) but TAB and LF, format characters (Cf), default
// ignorable code points and bidirectional controls (Bidi_Control); but for
// those ordinary text needs: the soft hyphen, ZWNJ and ZWJ (joining in many
// scripts, emoji sequences), variation selectors (emoji presentation,
// glyph variants) and the prepended concatenation marks (Arabic number
// signs). Tag characters are allowed inside an emoji tag sequence only
// (FindInvisibles).
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

// The first byte of the UTF-8 of every code point of Invisibles().
struct FirstBytes {
  bool of[256] = {};
  FirstBytes() {
    const icu::UnicodeSet& invisibles = Invisibles();
    for (int32_t r = 0; r < invisibles.getRangeCount(); ++r) {
      UChar32 first = invisibles.getRangeStart(r), last = invisibles.getRangeEnd(r);
      for (UChar32 c = first; c <= last; ++c) {  // a few thousand, once
        std::string utf8;
        AppendUtf8(static_cast<char32_t>(c), &utf8);
        if (!utf8.empty()) of[static_cast<unsigned char>(utf8[0])] = true;
      }
    }
  }
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace

bool MayBeginInvisible(unsigned char byte) {
  static const FirstBytes first_bytes;
  return first_bytes.of[byte];
}

std::vector<std::pair<size_t, std::string>> FindEntities(std::string_view s) {
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

std::vector<std::pair<size_t, std::string>> FindUrlSchemes(std::string_view s) {
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
    for (size_t i = folded.find(scheme); i != std::string::npos; i = folded.find(scheme, i + 1)) {
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

std::vector<std::pair<size_t, std::string>> FindAttributes(std::string_view s) {
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
      bool known =
          std::find_if(std::begin(kAttributes), std::end(kAttributes),
                       [&name](const char* n) { return name == n; }) != std::end(kAttributes);
      if (event || known) out.emplace_back(i, name + "=");
    }
    i = j;
  }
  return out;
}

std::vector<std::pair<size_t, char32_t>> FindInvisibles(std::string_view s) {
  std::vector<std::pair<size_t, char32_t>> out;
  const icu::UnicodeSet& invisibles = Invisibles();
  UChar32 previous = -1;
  bool in_tag_sequence = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    UChar32 c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // most text: no lookup
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        out.emplace_back(start, static_cast<char32_t>(c));
      }
      ++i;
      previous = c;
      in_tag_sequence = false;
      continue;
    }
    bool well_formed = Utf8SequenceLength(s, i) > 0;
    c = static_cast<UChar32>(NextCodePoint(s, &i));
    if (!well_formed) {
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
      out.emplace_back(start, static_cast<char32_t>(c));
    }
    if (c == 0xE007F) in_tag_sequence = false;
    previous = c;
  }
  return out;
}

}  // namespace l10n
