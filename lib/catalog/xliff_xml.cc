#include "catalog/xliff_xml.h"

#include <algorithm>

#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/byte_scan.h"

namespace l10n {

namespace {

void AppendXmlAttribute(std::string_view s, std::string* out) {
  size_t plain = 0;  // the bytes from here on to s[i] need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escaped;
    switch (s[i]) {
      case '&':
        escaped = "&amp;";
        break;
      case '<':
        escaped = "&lt;";
        break;
      case '"':
        escaped = "&quot;";
        break;
      case '\n':
        escaped = "&#10;";
        break;
      case '\t':
        escaped = "&#9;";
        break;
      case '\r':
        escaped = "&#13;";
        break;
      default:
        continue;
    }
    out->append(s.data() + plain, i - plain);
    *out += escaped;
    plain = i + 1;
  }
  out->append(s.data() + plain, s.size() - plain);
}

// XML 1.0's Char production: what a character reference may name.
bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace

Status CheckXmlText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // Printable ASCII, most of any text, eight bytes at a time.
    while (i + 8 <= s.size() && !HasNonPrintable(Load8(s.data() + i))) i += 8;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return Status::Error(_("invalid UTF-8 cannot be written to XLIFF"));
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return Status::Error(
          FormatUi("control character U+{:04X} cannot be written to XLIFF", static_cast<int>(c)));
    }
    if (n == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
      return Status::Error(_("U+FFFE and U+FFFF cannot be written to XLIFF"));
    }
    i += n;
  }
  return Status::Ok();
}

void AppendXmlText(std::string_view s, std::string* out) {
  // Most text has nothing to escape: find out eight bytes at a time.
  bool special = false;
  size_t k = 0;
  for (; k + 8 <= s.size() && !special; k += 8) {
    uint64_t w = Load8(s.data() + k);
    special = HasByte(w, '&') || HasByte(w, '<') || HasByte(w, '>') || HasByte(w, '\r');
  }
  for (; k < s.size() && !special; ++k) {
    char c = s[k];
    special |= (c == '&') | (c == '<') | (c == '>') | (c == '\r');
  }
  if (!special) {
    out->append(s);
    return;
  }
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escaped;
    switch (s[i]) {
      case '&':
        escaped = "&amp;";
        break;
      case '<':
        escaped = "&lt;";
        break;
      case '>':
        escaped = "&gt;";
        break;
      case '\r':
        escaped = "&#13;";
        break;
      default:
        continue;
    }
    out->append(s.data() + plain, i - plain);
    *out += escaped;
    plain = i + 1;
  }
  out->append(s.data() + plain, s.size() - plain);
}

std::string XmlAttr(std::string_view name, std::string_view value) {
  std::string out;
  AppendXmlAttr(name, value, &out);
  return out;
}

void AppendXmlAttr(std::string_view name, std::string_view value, std::string* out) {
  *out += ' ';
  *out += name;
  *out += "=\"";
  AppendXmlAttribute(value, out);
  *out += '"';
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n = a.name();
    if (n == name) return a;
    size_t colon = n.find(':');
    if (colon != std::string_view::npos && n.substr(0, colon) != "xml" &&
        n.substr(colon + 1) == name) {
      return a;
    }
  }
  return {};
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) out.push_back(c);
  }
  return out;
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

std::string TextOf(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

std::vector<std::string> Lines(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(separator, begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(begin, end - begin);
    if (separator == ',') {
      while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    }
    out.emplace_back(piece);
    begin = end + 1;
  }
  return out;
}

std::optional<std::pair<size_t, std::string>> BadCharacterReference(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '<') {
      std::string_view rest = text.substr(i);
      std::string_view end;
      if (rest.substr(0, 4) == "<!--") {
        end = "-->";
      } else if (rest.substr(0, 9) == "<![CDATA[") {
        end = "]]>";
      } else if (rest.substr(0, 2) == "<?") {
        end = "?>";
      } else {
        continue;
      }
      size_t close = text.find(end, i + 2);
      if (close == std::string_view::npos) return std::nullopt;  // malformed XML, reported so
      i = close + end.size() - 1;
      continue;
    }
    if (ch != '&' || i + 1 >= text.size() || text[i + 1] != '#') continue;
    size_t j = i + 2;
    bool hex = j < text.size() && text[j] == 'x';
    if (hex) ++j;
    size_t digits = j;
    char32_t value = 0;
    for (; j < text.size(); ++j) {
      char d = text[j];
      int digit = d >= '0' && d <= '9'          ? d - '0'
                  : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                  : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                : -1;
      if (digit < 0) break;
      value = std::min<char32_t>(value * (hex ? 16 : 10) + static_cast<char32_t>(digit), 0x110000);
    }
    size_t end = std::min(text.find_first_of(";<& \t\n\"'", i + 1), text.size());
    std::string shown = Utf8Excerpt(
        text.substr(i, end < text.size() && text[end] == ';' ? end + 1 - i : end - i), 16);
    if (j == digits || j >= text.size() || text[j] != ';') {
      return std::pair(i, FormatUi("malformed character reference '{}'", shown));
    }
    if (!IsXmlChar(value)) {
      return std::pair(i,
                       FormatUi("character reference '{}' is not a character XML allows", shown));
    }
  }
  return std::nullopt;
}

size_t XmlLocator::Offset(const pugi::xml_node& n) const {
  ptrdiff_t offset = n.offset_debug();
  if (offset < 0) return 0;
  size_t at = static_cast<size_t>(offset);
  if (n.type() == pugi::node_element && at > 0 && at <= text_.size() && text_[at - 1] == '<') {
    --at;
  }
  return at;
}

std::optional<size_t> XmlLocator::FirstTooDeep(const pugi::xml_document& doc, int max_depth) const {
  int depth = 0;
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (n.type() == pugi::node_element && depth + 1 > max_depth) return Offset(n);
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      --depth;
      if (n == doc) return std::nullopt;
    }
    if (n) n = n.next_sibling();
  }
  return std::nullopt;
}

std::pair<int, int> XmlLocator::LineColumnAt(size_t offset) {
  if (line_starts_.empty()) {
    line_starts_.push_back(text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  offset = std::max(std::min(offset, text_.size()), line_starts_[0]);
  size_t line = static_cast<size_t>(
      std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
  return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1]) + 1};
}

}  // namespace l10n
