#include "catalog/po_syntax.h"

#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/po_flags.h"
#include "catalog/po_references.h"

namespace l10n {

namespace {

// The escapes of a PO string: byte, letter.
constexpr char kEscapes[][2] = {{'\a', 'a'}, {'\b', 'b'}, {'\f', 'f'},  {'\n', 'n'}, {'\r', 'r'},
                                {'\t', 't'}, {'\v', 'v'}, {'\\', '\\'}, {'"', '"'}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// An escape sequence read from a PO string.
struct PoEscape {
  bool valid = false;
  char byte = 0;      // what it stands for, when valid
  bool high = false;  // an octal or hex escape giving a byte >= 0x80
  size_t end = 0;     // offset after it; after an invalid one, where to go on
};

// The escape sequence whose backslash is just before s[i] (i < end), ending
// at `end` at the latest. After an invalid one the reader keeps the
// character (end == i), except after "\x" without digits (it drops the x).
PoEscape ReadPoEscape(std::string_view s, size_t i, size_t end) {
  PoEscape e;
  e.end = i;
  const char c = s[i];
  for (const auto& escape : kEscapes) {
    if (escape[1] == c) {
      e.valid = true;
      e.byte = escape[0];
      e.end = i + 1;
      return e;
    }
  }
  if (c >= '0' && c <= '7') {
    int value = 0;
    size_t j = i;
    for (int k = 0; k < 3 && j < end && s[j] >= '0' && s[j] <= '7'; ++k) {
      value = value * 8 + (s[j++] - '0');
    }
    e.valid = true;
    e.byte = static_cast<char>(value);
    e.high = value >= 0x80;
    e.end = j;
  } else if (c == 'x') {
    size_t digits = i + 1;
    size_t j = digits;
    int value = 0;
    while (j < end && IsHexDigit(s[j])) {
      char d = s[j++];
      value = value * 16 + (IsDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
      value &= 0xFFFF;
    }
    e.valid = j > digits;
    e.byte = static_cast<char>(value & 0xFF);
    e.high = (value & 0xFF) >= 0x80;
    e.end = e.valid ? j : i + 1;
  }
  return e;
}

}  // namespace

char PoEscapeLetter(char c) {
  for (const auto& escape : kEscapes) {
    if (escape[0] == c) return escape[1];
  }
  return 0;
}

void AddPoComment(std::string_view rest, Message* m, bool* reference_open) {
  char kind = rest.empty() ? '\0' : rest[0];
  switch (kind) {
    case '.':
      rest.remove_prefix(1);
      if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      m->extracted_comments.emplace_back(rest);
      break;
    case ':':
      ParsePoReferences(rest.substr(1), &m->references, reference_open);
      break;
    case ',':
    case '!':
      SplitPoFlags(rest.substr(1), &m->flags);
      break;
    default:
      if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      m->translator_comments.emplace_back(rest);
      break;
  }
}

PoKeyword ReadPoKeyword(std::string_view text, size_t begin, size_t end) {
  PoKeyword k;
  size_t i = begin;
  while (i < end && (IsPoKeywordStart(text[i]) || IsDigit(text[i]))) ++i;
  k.word = text.substr(begin, i - begin);
  k.end = i;
  if (k.word != "msgstr") return k;
  size_t j = i;
  while (j < end && IsPoBlank(text[j])) ++j;
  if (j >= end || text[j] != '[') return k;
  ++j;
  while (j < end && IsPoBlank(text[j])) ++j;
  size_t digits = j;
  long n = 0;
  while (j < end && IsDigit(text[j]) && n < 1000000) n = n * 10 + (text[j++] - '0');
  size_t digits_end = j;
  while (j < end && IsPoBlank(text[j])) ++j;
  if (digits_end == digits || j >= end || text[j] != ']') {
    k.bad_index = true;
    k.bad_at = j;
    return k;
  }
  k.index = static_cast<int>(n);
  k.end = j + 1;
  return k;
}

std::string_view PoTokenAt(std::string_view text, size_t offset) {
  size_t end = offset;
  while (end < text.size() && text[end] != '\n' && !IsPoBlank(text[end])) ++end;
  std::string_view token = text.substr(offset, end - offset);
  if (token.size() > 2 && token[0] == '#') token = token.substr(0, 2);
  if (token.size() > 20) token = token.substr(0, 20);
  return token;
}

PoString ReadPoString(std::string_view text, size_t open, size_t end, std::string* out,
                      std::vector<PoStringError>* errors) {
  PoString result;
  const size_t before = out->size();
  size_t i = open + 1;
  for (;;) {
    // Copy plain bytes in bulk.
    size_t plain = i;
    while (i < end && text[i] != '"' && text[i] != '\\' && text[i] != '\0') ++i;
    out->append(text.data() + plain, i - plain);
    if (i >= end) break;
    if (text[i] == '\0') {
      // gettext cannot hold a NUL in a string (C strings); nor can a page.
      errors->push_back({i, _("NUL byte in a string"), true});
      ++i;
      continue;
    }
    if (text[i] == '"') {
      ++i;
      result.closed = true;
      break;
    }
    // Escape sequence.
    size_t backslash = i++;
    if (i >= end) break;
    PoEscape escape = ReadPoEscape(text, i, end);
    if (escape.valid) {
      *out += escape.byte;
      result.high_escape = result.high_escape || escape.high;
    } else {
      size_t len = Utf8SequenceLength(text, i);
      errors->push_back({backslash,
                         FormatUi("invalid escape sequence '{}'",
                                  text.substr(backslash, (len == 0 ? 1 : len) + 1)),
                         false});
    }
    i = escape.end;
  }
  if (!result.closed) errors->push_back({open, _("unterminated string"), false});
  result.end = i;
  const std::string_view added = std::string_view(*out).substr(before);
  if (result.high_escape) result.escapes_utf8 = IsValidUtf8(added);
  if (added.find('\x04') != std::string_view::npos) {
    errors->push_back({open, _("context separator <EOT> within string"), false});
  }
  return result;
}

}  // namespace l10n
