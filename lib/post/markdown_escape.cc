#include "post/markdown_escape.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>

#include "base/utf8.h"

namespace l10n {

namespace {

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "&name;" or "&#123;" at text[i].
bool StartsEntity(std::string_view text, size_t i) {
  size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  size_t start = j;
  while (j < text.size() && IsAlnum(text[j])) ++j;
  return j > start && j < text.size() && text[j] == ';';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether text appended to `out` starts a line's content: nothing but
// white space, quote markers and list markers before it on its line.
bool AtLineStart(const std::string& out) {
  size_t nl = out.rfind('\n');
  std::string_view line = std::string_view(out).substr(nl == std::string::npos ? 0 : nl + 1);
  return line.find_first_not_of(" \t>-*+.)0123456789") == std::string_view::npos;
}

}  // namespace

void AppendMarkdownText(std::string_view text, std::string* out) {
  size_t i = 0;
  bool line_start = AtLineStart(*out);
  // The start of a line: block markers.
  if (!line_start) {
  } else if (!text.empty() &&
             (text[0] == '-' || text[0] == '+' || text[0] == '=' || text[0] == '>')) {
    *out += '\\';
    *out += text[0];
    i = 1;
  } else {
    size_t d = 0;
    while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d;
    if (d > 0 && d < text.size() && (text[d] == '.' || text[d] == ')')) {
      out->append(text.substr(0, d));
      *out += '\\';
      *out += text[d];
      i = d + 1;
    }
  }
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (IsSpace(c)) {
      while (i + 1 < text.size() && IsSpace(text[i + 1])) ++i;
      *out += ' ';
      continue;
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '#':
      case '|':
      case '~':
        *out += '\\';
        break;
      case '&':
        if (StartsEntity(text, i)) *out += '\\';
        break;
      case ':':
        if (text.substr(i, 3) == "://") *out += '\\';
        break;
      case '.':
        if (i >= 3 && text.substr(i - 3, 3) == "www") *out += '\\';
        break;
      default:
        break;
    }
    *out += c;
  }
}

void AppendMarkdownAttribute(std::string_view text, char quote, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (IsSpace(c)) {
      while (i + 1 < text.size() && IsSpace(text[i + 1])) ++i;
      *out += ' ';
      continue;
    }
    // '|' splits a table row before links are read.
    bool escape = c == '\\' || c == '|' || (c == '&' && StartsEntity(text, i));
    if (quote == ']') {  // inline content: no emphasis, links or autolinks
      escape = escape || c == '[' || c == ']' || c == '*' || c == '_' || c == '`' || c == '<' ||
               c == '~' || c == '|' || (c == ':' && text.substr(i, 3) == "://") ||
               (c == '.' && i >= 3 && text.substr(i - 3, 3) == "www");
    } else if (quote == '(') {
      escape = escape || c == '(' || c == ')';
    } else {
      escape = escape || c == quote;
    }
    if (escape) *out += '\\';
    *out += c;
  }
}

std::string DecodeMarkdownEntity(std::string_view entity) {
  if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';')
    return std::string(entity);
  std::string_view name = entity.substr(1, entity.size() - 2);
  std::string out;
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 7) return std::string(entity);
    char* end = nullptr;
    unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end) return std::string(entity);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    AppendUtf8(static_cast<char32_t>(v), &out);
    return out;
  }
  static constexpr struct {
    const char* name;
    char32_t c;
  } kNames[] = {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},
                {"apos", '\''},    {"nbsp", 0xA0},    {"copy", 0xA9},     {"reg", 0xAE},
                {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"laquo", 0xAB},
                {"raquo", 0xBB},   {"euro", 0x20AC},  {"shy", 0xAD},      {"trade", 0x2122}};
  for (const auto& n : kNames) {
    if (name == n.name) {
      AppendUtf8(n.c, &out);
      return out;
    }
  }
  return std::string(entity);
}

std::string UnescapeMarkdown(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && IsAsciiPunct(text[i + 1])) ++i;
    out += text[i];
  }
  return out;
}

std::string DecodeMarkdownDestination(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && IsAsciiPunct(text[i + 1])) {
      out += text[++i];
      continue;
    }
    if (text[i] == '&') {
      size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 32) {
        std::string_view entity = text.substr(i, semi - i + 1);
        std::string decoded = DecodeMarkdownEntity(entity);
        if (decoded != entity) {
          out += decoded;
          i = semi;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

namespace {

// Whether `text` at `i` ('&') starts what reads as a character reference.
bool StartsReference(std::string_view text, size_t i) {
  size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  size_t name = j;
  while (j < text.size() && IsAlnum(text[j])) ++j;
  return j > name && j < text.size() && text[j] == ';';
}

}  // namespace

std::string MarkdownDestination(std::string_view url, bool angle) {
  bool bracket = angle || url.empty();
  for (char c : url) {
    if (c == ' ') bracket = true;
  }
  std::string out;
  if (bracket && !angle) out += '<';
  for (size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("%{:02X}", c);
      continue;
    }
    bool escape = c == '\\' || (bracket ? (c == '<' || c == '>') : (c == '(' || c == ')')) ||
                  (c == '&' && StartsReference(url, i));
    if (escape) out += '\\';
    out += static_cast<char>(c);
  }
  if (bracket && !angle) out += '>';
  return out;
}

}  // namespace l10n
