#include "post/unit_builder.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"
#include "post/html_text.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// How much of a comment or shortcode a note quotes.
constexpr size_t kExcerptBytes = 40;

// Unit text back to the characters it stands for ("&lt;" -> "<").
std::string UnescapeUnitText(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&' && s.substr(i, 4) == "&lt;") {
      out += '<';
      i += 3;
    } else if (s[i] == '&' && s.substr(i, 5) == "&amp;") {
      out += '&';
      i += 4;
    } else {
      out += s[i];
    }
  }
  return out;
}

// True when `s`, trimmed, is one URL and nothing else ("https://youtu.be/x",
// an oEmbed line): a scheme, "://", and no whitespace.
bool IsOnlyUrl(std::string_view s) {
  std::string t = Collapse(s);
  if (t.empty() || t.find(' ') != std::string::npos) return false;
  size_t colon = t.find("://");
  if (colon == std::string::npos || colon == 0 || colon + 3 >= t.size()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(t[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = t[i];
    if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

bool HasLetter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextCodePoint(s, &i);
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC)) return true;
  }
  return false;
}

}  // namespace

void UnitBuilder::Clear() {
  pieces_.clear();
  placeholders_.clear();
  open_.clear();
}

void UnitBuilder::AppendText(std::string_view decoded) {
  if (pieces_.empty() || pieces_.back().type != Piece::kText) {
    pieces_.push_back({Piece::kText, std::string(), 0});
  }
  AppendUnitText(decoded, &pieces_.back().text);
}

void UnitBuilder::AddSelfClosing(Placeholder p) {
  placeholders_.push_back(std::move(p));
  pieces_.push_back({Piece::kSelfClosing, "", placeholders_.size() - 1});
}

size_t UnitBuilder::Open(Placeholder p) {
  placeholders_.push_back(std::move(p));
  size_t index = placeholders_.size() - 1;
  pieces_.push_back({Piece::kOpen, "", index});
  open_.push_back(index);
  return index;
}

void UnitBuilder::Close(size_t index) {
  open_.pop_back();
  pieces_.push_back({Piece::kClose, "", index});
}

void UnitBuilder::AddShortcodeTag(Placeholder p, std::string decoded) {
  placeholders_.push_back(std::move(p));
  Piece piece{Piece::kSelfClosing, std::move(decoded), placeholders_.size() - 1};
  piece.shortcode = true;
  piece.scope = open_.empty() ? 0 : open_.back() + 1;
  pieces_.push_back(std::move(piece));
}

Placeholder* UnitBuilder::JoinCategoryList() {
  for (auto it = pieces_.rbegin(); it != pieces_.rend(); ++it) {
    if (it->type == Piece::kText) {
      std::string t = Collapse(it->text);
      if (!(t.empty() || t == "," || t == ";" || t == "/" || t == "|" || t == "·")) return nullptr;
      continue;
    }
    if (it->type != Piece::kSelfClosing ||
        placeholders_[it->placeholder].kind != Placeholder::Kind::kCategory) {
      return nullptr;
    }
    while (pieces_.back().type == Piece::kText) pieces_.pop_back();
    return &placeholders_[pieces_.back().placeholder];
  }
  return nullptr;
}

// WordPress's pairing: an opening tag takes the first closing tag of its
// name after it, and what lies between is its content (where its own tags
// pair likewise). Paired within one scope, the two are one paired
// placeholder, <shortcode>..</shortcode>; a closing tag without an opening
// one is text, as WordPress shows it.
void UnitBuilder::PairShortcodes(const std::vector<size_t>& tags, std::vector<bool>* dead) {
  // The closing tags of each name, in order, to find the first after an
  // opening tag in O(log n); ranges on a stack, not recursion: 100,000
  // nested shortcodes must not overflow it.
  std::unordered_map<std::string, std::vector<size_t>> closers;
  for (size_t k = 0; k < tags.size(); ++k) {
    const Placeholder& p = placeholders_[pieces_[tags[k]].placeholder];
    if (p.shortcode_closing) closers[p.shortcode].push_back(k);
  }
  std::vector<std::pair<size_t, size_t>> ranges = {{0, tags.size()}};
  while (!ranges.empty()) {
    auto [i, hi] = ranges.back();
    ranges.pop_back();
    while (i < hi) {
      Piece& opener = pieces_[tags[i]];
      Placeholder& p = placeholders_[opener.placeholder];
      if (p.shortcode_closing) {
        (*dead)[opener.placeholder] = true;
        std::string text;
        AppendUnitText(opener.text, &text);
        opener = {Piece::kText, std::move(text), 0};
        ++i;
        continue;
      }
      if (p.shortcode_self_closing) {
        ++i;
        continue;
      }
      size_t j = hi;
      if (auto found = closers.find(p.shortcode); found != closers.end()) {
        auto next = std::upper_bound(found->second.begin(), found->second.end(), i);
        if (next != found->second.end() && *next < hi) j = *next;
      }
      if (j == hi) {
        ++i;
        continue;
      }
      Piece& closer = pieces_[tags[j]];
      Placeholder& closing = placeholders_[closer.placeholder];
      closing.shortcode_closing = false;  // taken
      if (closer.scope == opener.scope) {
        (*dead)[closer.placeholder] = true;
        p.kind = Placeholder::Kind::kPaired;
        p.end_tag = closing.element;
        p.verbatim_text += "..." + closing.verbatim_text;
        opener.type = Piece::kOpen;
        closer.type = Piece::kClose;
        closer.placeholder = opener.placeholder;
      }
      ranges.push_back({i + 1, j});
      i = j + 1;
    }
  }
}

// Pairs the unit's shortcode tags and drops the placeholders that became
// part of another or text.
void UnitBuilder::ResolveShortcodes() {
  std::vector<size_t> tags;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    if (pieces_[i].shortcode) tags.push_back(i);
  }
  if (tags.empty()) return;
  std::vector<bool> dead(placeholders_.size(), false);
  PairShortcodes(tags, &dead);
  std::vector<size_t> remap(placeholders_.size());
  std::vector<Placeholder> kept;
  for (size_t i = 0; i < placeholders_.size(); ++i) {
    remap[i] = kept.size();
    if (!dead[i]) kept.push_back(std::move(placeholders_[i]));
  }
  placeholders_ = std::move(kept);
  for (Piece& piece : pieces_) {
    if (piece.type != Piece::kText) piece.placeholder = remap[piece.placeholder];
  }
}

// The tag name, numbered in order of appearance when a name occurs more
// than once in the unit. Counted in a map: a unit may hold 100,000 <br>s.
void UnitBuilder::NamePlaceholders() {
  if (placeholders_.size() <= 1) return;
  std::unordered_map<std::string, int> total, seen;
  for (const Placeholder& p : placeholders_) ++total[p.name];
  for (Placeholder& p : placeholders_) {
    if (total[p.name] > 1) p.name += std::to_string(++seen[p.name]);
  }
}

bool UnitBuilder::Finish(bool keep_space, Unit* unit) {
  ResolveShortcodes();
  NamePlaceholders();
  std::string raw;
  std::string words;  // the text outside placeholders, to look for letters
  for (const Piece& piece : pieces_) {
    switch (piece.type) {
      case Piece::kText:
        raw += piece.text;
        words += UnescapeUnitText(piece.text);
        break;
      case Piece::kOpen:
        raw += '<' + placeholders_[piece.placeholder].name + '>';
        break;
      case Piece::kClose:
        raw += "</" + placeholders_[piece.placeholder].name + '>';
        break;
      case Piece::kSelfClosing:
        raw += '<' + placeholders_[piece.placeholder].name + "/>";
        break;
    }
  }
  unit->text = keep_space ? Trim(raw) : Collapse(raw);
  unit->placeholders = std::move(placeholders_);
  placeholders_.clear();
  // Letters are counted once entities are decoded: "&lt;" has none.
  unit->translatable = HasWords(words);
  return unit->translatable || unit->HasDynamicPlaceholders();
}

bool HasWords(std::string_view decoded) { return HasLetter(decoded) && !IsOnlyUrl(decoded); }

std::string UnitNote(const Unit& unit, std::string_view slug) {
  std::string note = fmt::format("{}, {}", UnitKindName(unit.kind), slug);
  for (const Placeholder& p : unit.placeholders) {
    switch (p.kind) {
      case Placeholder::Kind::kDate:
        // Not the date itself: the entry may stand for a post of every day.
        note += fmt::format("\n<{}/> is a date, written out in your language", p.name);
        break;
      case Placeholder::Kind::kCategory:
        note +=
            fmt::format("\n<{}/> is the list of categories, written out in your language", p.name);
        break;
      case Placeholder::Kind::kComment:
        note += fmt::format("\n<{}/> is the HTML comment <!--{}-->: keep it", p.name,
                            Utf8Excerpt(p.verbatim_text, kExcerptBytes));
        break;
      case Placeholder::Kind::kPaired:
        if (!p.shortcode.empty()) {
          note += fmt::format("\n<{0}>...</{0}> is the shortcode {1}: keep it", p.name,
                              Utf8Excerpt(p.verbatim_text, kExcerptBytes));
        }
        break;
      case Placeholder::Kind::kOpaque:
        if (!p.verbatim_text.empty()) {
          note += fmt::format("\n<{}/> stays as it is: \"{}\"", p.name, p.verbatim_text);
        }
        break;
      default:
        break;
    }
  }
  return note;
}

}  // namespace l10n
