#include "align/align_features.h"

#include <algorithm>

#include "base/utf8.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Slice(std::string_view bytes, Range r) {
  if (r.begin >= r.end || r.end > bytes.size()) return {};
  return bytes.substr(r.begin, r.end - r.begin);
}

// The element name of a start tag ("<a href=..>" -> "a"), lower-case.
std::string TagName(std::string_view tag) {
  size_t i = 0;
  if (i < tag.size() && tag[i] == '<') ++i;
  size_t b = i;
  while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '>' && tag[i] != '/') ++i;
  return LowerAscii(tag.substr(b, i - b));
}

// FNV-1a, 64 bits, fed in pieces: a key's hash without building its text.
class KeyHash {
 public:
  KeyHash& Add(std::string_view text) {
    for (char c : text) {
      h_ ^= static_cast<unsigned char>(c);
      h_ *= 0x100000001b3ull;
    }
    return *this;
  }
  KeyHash& Add(char c) { return Add(std::string_view(&c, 1)); }
  uint64_t Done(bool name) const { return name ? h_ | 1 : h_ & ~uint64_t{1}; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ull;
};

uint64_t Key(std::string_view prefix, std::string_view value) {
  return KeyHash().Add(prefix).Add(value).Done(prefix == "P:");
}

// ASCII classes, as the "C" locale has them, whatever the process's locale.
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsPunct(char c) { return c > ' ' && c < 0x7f && !IsLetter(c) && !IsDigit(c); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Words of decoded text with their position: numbers, URLs, capitalised
// words not at a sentence's start.
void TextKeys(std::string_view text, std::vector<uint64_t>* keys) {
  bool sentence_start = true;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    std::string_view word = text.substr(b, i - b);
    if (word.empty()) break;
    bool ends_sentence = false;
    if (word.back() == '.' || word.back() == '!' || word.back() == '?' || word.back() == ':') {
      ends_sentence = true;
    }
    if (word.find("://") != std::string_view::npos || word.starts_with("www.")) {
      while (!word.empty() && IsPunct(word.back()) && word.back() != '/') word.remove_suffix(1);
      keys->push_back(Key("U:", word));
    } else {
      // Digits runs: "2,500" and "2.500" both give "2500" (the separators
      // of en and es differ).
      KeyHash digits;
      bool in_digits = false;
      digits.Add("N:");
      for (char c : word) {
        if (IsDigit(c)) {
          digits.Add(c);
          in_digits = true;
        } else if (c != ',' && c != '.' && in_digits) {
          keys->push_back(digits.Done(false));
          digits = KeyHash();
          digits.Add("N:");
          in_digits = false;
        }
      }
      if (in_digits) keys->push_back(digits.Done(false));
      // A capitalised word: its letters, punctuation stripped.
      size_t s = 0;
      while (s < word.size() && IsPunct(word[s]) && word[s] != '&') ++s;
      size_t e = word.size();
      while (e > s && IsPunct(word[e - 1])) --e;
      std::string_view core = word.substr(s, e - s);
      if (!sentence_start && core.size() >= 2 && IsUpper(core[0])) {
        keys->push_back(Key("P:", core));
      }
    }
    sentence_start = ends_sentence || word == "¿" || word == "¡";
  }
}

// The cognate stems of decoded text: ASCII letters only, so that "Perú"
// and "Peru" meet on "per" and diacritics elsewhere end the stem.
void Stems(std::string_view text, std::vector<uint32_t>* stems) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsLetter(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && (IsLetter(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) {
      ++i;
    }
    if (i - b >= 5) {
      char stem[4];
      size_t n = 0;
      for (size_t k = b; k < i && n < 4; ++k) {
        if (static_cast<unsigned char>(text[k]) >= 0x80) break;
        stem[n++] = Lower(text[k]);
      }
      if (n == 4) stems->push_back(FeatureStem(std::string_view(stem, 4)));
    }
  }
  std::sort(stems->begin(), stems->end());
  stems->erase(std::unique(stems->begin(), stems->end()), stems->end());
}

}  // namespace

uint64_t FeatureKey(std::string_view text) {
  return KeyHash().Add(text).Done(text.starts_with("P:"));
}

uint32_t FeatureStem(std::string_view four) {
  uint32_t packed = 0;
  for (size_t k = 0; k < 4 && k < four.size(); ++k) {
    packed = packed << 8 | static_cast<unsigned char>(four[k]);
  }
  return packed;
}

std::string TagAttribute(std::string_view tag, std::string_view name) {
  size_t i = 0;
  if (i < tag.size() && tag[i] == '<') ++i;
  while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '>') ++i;  // the element name
  while (i < tag.size()) {
    while (i < tag.size() && (IsSpace(tag[i]) || tag[i] == '/')) ++i;
    if (i >= tag.size() || tag[i] == '>') break;
    size_t b = i;
    while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' && tag[i] != '/') {
      ++i;
    }
    std::string attr = LowerAscii(tag.substr(b, i - b));
    while (i < tag.size() && IsSpace(tag[i])) ++i;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && IsSpace(tag[i])) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        char q = tag[i++];
        size_t vb = i;
        while (i < tag.size() && tag[i] != q) ++i;
        value = std::string(tag.substr(vb, i - vb));
        if (i < tag.size()) ++i;
      } else {
        size_t vb = i;
        while (i < tag.size() && !IsSpace(tag[i]) && tag[i] != '>') ++i;
        value = std::string(tag.substr(vb, i - vb));
      }
    }
    if (attr == name) return value;
  }
  return {};
}

std::string PlaceholderKey(const Placeholder& p, std::string_view post_bytes) {
  switch (p.kind) {
    case Placeholder::Kind::kDate:
      return "time " + p.datetime;
    case Placeholder::Kind::kCategory: {
      std::string key = "category";
      for (const CategoryLink& c : p.categories) key += " " + c.slug;
      return key;
    }
    case Placeholder::Kind::kOpaque:
    case Placeholder::Kind::kComment:
      return "verbatim " + p.verbatim_text;
    case Placeholder::Kind::kPaired:
    case Placeholder::Kind::kVoid: {
      std::string_view tag = Slice(post_bytes, p.start_tag);
      std::string name = tag.empty() ? p.name : TagName(tag);
      for (const char* attr : {"href", "src"}) {
        std::string value = TagAttribute(tag, attr);
        if (!value.empty()) return name + " " + attr + "=" + value;
      }
      if (!p.shortcode.empty()) return "shortcode " + p.shortcode;
      return name;
    }
  }
  return p.name;
}

UnitFeatures FeaturesOf(const Unit& unit, std::string_view post_bytes) {
  UnitFeatures f;
  f.kind = unit.kind;
  std::string visible;
  Result<std::vector<Token>> tokens = TokenizeUnitText(unit.text);
  if (tokens.ok()) {
    for (const Token& t : *tokens) {
      if (t.type == Token::kText) {
        visible += t.text;
      } else {
        visible += ' ';
      }
    }
  } else {
    visible = unit.text;
  }
  size_t i = 0;
  while (i < visible.size()) {
    NextCodePoint(visible, &i);
    ++f.length;
  }
  TextKeys(visible, &f.keys);
  Stems(visible, &f.stems);
  for (const Placeholder& p : unit.placeholders) {
    switch (p.kind) {
      case Placeholder::Kind::kDate:
        f.keys.push_back(Key("D:", p.datetime));
        break;
      case Placeholder::Kind::kCategory:
        for (const CategoryLink& c : p.categories) f.keys.push_back(Key("C:", c.slug));
        break;
      case Placeholder::Kind::kPaired:
      case Placeholder::Kind::kVoid: {
        std::string_view tag = Slice(post_bytes, p.start_tag);
        std::string href = TagAttribute(tag, "href");
        if (!href.empty()) f.keys.push_back(Key("L:", href));
        std::string src = TagAttribute(tag, "src");
        if (!src.empty()) f.keys.push_back(Key("I:", src));
        break;
      }
      default:
        break;
    }
  }
  std::sort(f.keys.begin(), f.keys.end());
  f.keys.erase(std::unique(f.keys.begin(), f.keys.end()), f.keys.end());
  return f;
}

}  // namespace l10n
