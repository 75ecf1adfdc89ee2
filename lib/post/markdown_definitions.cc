#include "post/markdown_definitions.h"

#include <optional>

namespace l10n {

namespace {

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// A line's container prefix: white space, quote markers and list markers
// before its content.
struct Prefix {
  size_t content = 0;  // where the line's content starts
  int quotes = 0;      // '>' markers
  bool list = false;   // a list marker: the line starts a list item
};

Prefix ReadPrefix(std::string_view text, size_t at) {
  Prefix p;
  size_t i = at;
  for (;;) {
    while (i < text.size() && IsSpaceOrTab(text[i])) ++i;
    if (i >= text.size()) break;
    char c = text[i];
    if (c == '>') {
      ++p.quotes;
      ++i;
      continue;
    }
    size_t j = i;
    if (c == '-' || c == '*' || c == '+') {
      ++j;
    } else {
      while (j < text.size() && j - i < 9 && text[j] >= '0' && text[j] <= '9') ++j;
      if (j == i || j >= text.size() || (text[j] != '.' && text[j] != ')')) break;
      ++j;
    }
    if (j >= text.size() || !IsSpaceOrTab(text[j])) break;
    p.list = true;
    i = j;
  }
  p.content = i;
  return p;
}

size_t LineEnd(std::string_view text, size_t at) {
  size_t nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl;
}

bool BlankFrom(std::string_view text, size_t at) {
  for (size_t i = at; i < text.size() && text[i] != '\n'; ++i) {
    if (!IsSpaceOrTab(text[i]) && text[i] != '\r') return false;
  }
  return true;
}

// Whether the line at `at` is blank once its quote markers are taken off.
bool BlankLine(std::string_view text, size_t at) {
  size_t i = at;
  while (i < text.size() && (IsSpaceOrTab(text[i]) || text[i] == '>')) ++i;
  return BlankFrom(text, i);
}

bool AtxHeading(std::string_view text, size_t at) {
  size_t i = at;
  while (i < text.size() && (IsSpaceOrTab(text[i]) || text[i] == '>')) ++i;
  size_t hashes = 0;
  while (i + hashes < text.size() && text[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  size_t after = i + hashes;
  return after >= text.size() || IsSpaceOrTab(text[after]) || text[after] == '\n' ||
         text[after] == '\r';
}

// Reads one definition from the "[" at `at`, `quotes` the quote markers of
// its first line (taken off its next lines too).
class DefinitionReader {
 public:
  DefinitionReader(std::string_view text, int quotes) : text_(text), quotes_(quotes) {}

  std::optional<LinkDefinition> Read(size_t at) {
    LinkDefinition def;
    size_t i = at + 1;
    size_t label_begin = i;
    bool words = false;
    while (true) {
      if (i >= text_.size() || i - label_begin > 999) return std::nullopt;
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && IsAsciiPunct(text_[i + 1])) {
        i += 2;
        words = true;
        continue;
      }
      if (c == '[') return std::nullopt;
      if (c == ']') break;
      if (c == '\n') {
        if (!NextLine(&i)) return std::nullopt;
        continue;
      }
      if (!IsSpaceOrTab(c) && c != '\r') words = true;
      ++i;
    }
    if (!words) return std::nullopt;
    def.label.assign(text_.substr(label_begin, i - label_begin));
    ++i;
    if (i >= text_.size() || text_[i] != ':') return std::nullopt;
    ++i;
    if (!SkipSpace(&i)) return std::nullopt;
    size_t dest_begin = i;
    if (!ReadDestination(&i)) return std::nullopt;
    size_t dest_end = i;
    def.destination = {dest_begin, dest_end};
    if (text_[dest_begin] == '<') def.destination = {dest_begin + 1, dest_end - 1};
    size_t dest_line_end = LineEnd(text_, dest_end);
    bool dest_line_done = BlankFrom(text_, dest_end);
    // The title: after white space, on this line or the next.
    size_t t = i;
    while (t < text_.size() && IsSpaceOrTab(text_[t])) ++t;
    bool spaced = t > i;
    if (t < text_.size() && (text_[t] == '\n' || text_[t] == '\r')) {
      if (text_[t] == '\r') ++t;
      if (t < text_.size() && text_[t] == '\n') {
        spaced = NextLine(&t);
        while (spaced && t < text_.size() && IsSpaceOrTab(text_[t])) ++t;
      }
    }
    if (spaced && t < text_.size() && ReadTitle(t, &def)) {
      def.range = {at, LineEnd(text_, def.title.end)};
      return def;
    }
    def.title = {};
    def.quote = 0;
    def.prefixed_title = false;
    if (!dest_line_done) return std::nullopt;
    def.range = {at, dest_line_end};
    return def;
  }

 private:
  // From the '\n' at *i past the next line's prefix; false at a blank line
  // or the end.
  bool NextLine(size_t* i) {
    size_t at = *i + 1;
    if (at >= text_.size() || BlankLine(text_, at)) return false;
    int quotes = 0;
    while (at < text_.size()) {
      if (IsSpaceOrTab(text_[at])) {
        ++at;
      } else if (text_[at] == '>' && quotes < quotes_) {
        ++quotes;
        ++at;
      } else {
        break;
      }
    }
    *i = at;
    return true;
  }

  // Spaces, tabs and at most one line break.
  bool SkipSpace(size_t* i) {
    bool newline = false;
    while (*i < text_.size()) {
      char c = text_[*i];
      if (IsSpaceOrTab(c) || c == '\r') {
        ++*i;
      } else if (c == '\n' && !newline) {
        newline = true;
        if (!NextLine(i)) return false;
      } else {
        break;
      }
    }
    return *i < text_.size();
  }

  bool ReadDestination(size_t* i) {
    size_t at = *i;
    if (text_[at] == '<') {
      for (++at; at < text_.size(); ++at) {
        char c = text_[at];
        if (c == '\\' && at + 1 < text_.size() && IsAsciiPunct(text_[at + 1])) {
          ++at;
        } else if (c == '\n' || c == '<') {
          return false;
        } else if (c == '>') {
          *i = at + 1;
          return true;
        }
      }
      return false;
    }
    int depth = 0;
    for (; at < text_.size(); ++at) {
      unsigned char c = static_cast<unsigned char>(text_[at]);
      if (c <= ' ' || c == 0x7F) break;
      if (c == '\\' && at + 1 < text_.size() && IsAsciiPunct(text_[at + 1])) {
        ++at;
      } else if (c == '(') {
        if (++depth > 32) return false;
      } else if (c == ')') {
        if (--depth < 0) break;
      }
    }
    if (at == *i || depth != 0) return false;
    *i = at;
    return true;
  }

  // A title from its opening delimiter at `at`, then only white space on
  // its last line.
  bool ReadTitle(size_t at, LinkDefinition* def) {
    char open = text_[at];
    if (open != '"' && open != '\'' && open != '(') return false;
    char close = open == '(' ? ')' : open;
    size_t i = at + 1;
    int lines = 1;
    bool prefixed = false;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && IsAsciiPunct(text_[i + 1])) {
        i += 2;
        continue;
      }
      if (c == close) break;
      if (open == '(' && c == '(') return false;
      if (c == '\n') {
        if (++lines > kMaxTitleLines) return false;
        size_t line = i + 1;
        if (!NextLine(&i)) return false;
        for (size_t j = line; j < i; ++j) prefixed = prefixed || text_[j] == '>';
        continue;
      }
      ++i;
    }
    if (i >= text_.size() || !BlankFrom(text_, i + 1)) return false;
    def->title = {at + 1, i};
    def->quote = open;
    def->prefixed_title = prefixed;
    return true;
  }

  std::string_view text_;
  int quotes_;
};

}  // namespace

std::vector<LinkDefinition> FindLinkDefinitions(std::string_view text, size_t begin,
                                                const std::function<bool(Range)>& unread) {
  std::vector<LinkDefinition> found;
  size_t previous = std::string_view::npos;          // the previous line's start
  size_t after_definition = std::string_view::npos;  // the line after the last one found
  for (size_t line = begin; line < text.size();) {
    size_t end = LineEnd(text, line);
    Prefix p = ReadPrefix(text, line);
    bool starts = line == begin || p.list || line == after_definition ||
                  (previous != std::string_view::npos &&
                   (BlankLine(text, previous) || AtxHeading(text, previous) ||
                    p.quotes > ReadPrefix(text, previous).quotes));
    if (starts && p.content < end && text[p.content] == '[') {
      std::optional<LinkDefinition> def = DefinitionReader(text, p.quotes).Read(p.content);
      if (def && unread(def->range)) {
        end = def->range.end;
        after_definition = end + 1;
        found.push_back(std::move(*def));
      }
    }
    // The line that ends at `end` is the previous one of the next line.
    size_t last_start = text.rfind('\n', end == 0 ? 0 : end - 1);
    previous = last_start == std::string_view::npos || last_start < line ? line : last_start + 1;
    line = end + 1;
  }
  return found;
}

}  // namespace l10n
