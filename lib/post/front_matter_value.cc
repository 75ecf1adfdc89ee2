#include "post/front_matter_value.h"

#include <fmt/format.h>

namespace l10n {

namespace {

constexpr size_t kNpos = std::string_view::npos;

void AppendEscaped(std::string_view text, bool toml, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '"':
        *out += "\\\"";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          *out += toml ? fmt::format("\\u{:04X}", c) : fmt::format("\\x{:02X}", c);
        } else {
          *out += static_cast<char>(c);
        }
    }
  }
}

std::string DoubleQuoted(std::string_view text, bool toml) {
  std::string out = "\"";
  AppendEscaped(text, toml, &out);
  return out + "\"";
}

// Whether YAML reads `text`, written plain, as this string.
bool SafePlainYaml(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`.+~0123456789").find(text.front()) != kNpos)
    return false;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  if (text.find(": ") != kNpos || text.find(" #") != kNpos) return false;
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* word : {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}) {
    if (lower == word) return false;
  }
  return true;
}

std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Whether `text` has a C0 control character or DEL other than those in
// `allowed`: YAML and TOML write them only as escapes.
bool HasControl(std::string_view text, std::string_view allowed) {
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 || c == 0x7f) && allowed.find(ch) == kNpos) return true;
  }
  return false;
}

// `text` without control characters other than newlines (a block scalar
// has no escapes).
std::string WithoutControl(std::string_view text) {
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    out += (c < 0x20 || c == 0x7f) && ch != '\n' ? ' ' : ch;
  }
  return out;
}

std::string Quoted(std::string_view quote, std::string_view text) {
  std::string out(quote);
  out.append(text);
  out.append(quote);
  return out;
}

}  // namespace

std::string RenderFrontMatterValue(const Unit& unit, std::string_view text) {
  switch (unit.quote) {
    case kYamlPlain: {
      std::string line = Collapse(text);
      return SafePlainYaml(line) ? line : DoubleQuoted(line, false);
    }
    case kYamlFlowPlain: {
      std::string line = Collapse(text);
      bool safe = SafePlainYaml(line) && line.find_first_of(",[]{}") == kNpos;
      return safe ? line : DoubleQuoted(line, false);
    }
    case kYamlSingle: {
      if (HasControl(text, "")) return DoubleQuoted(text, false);
      std::string out = "'";
      for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
      return out + "'";
    }
    case kYamlLiteral: {
      // The first line sets the block's indentation: no white space of
      // its own before it.
      std::string clean = WithoutControl(text);
      std::string_view t = clean;
      while (!t.empty() && (t[0] == ' ' || t[0] == '\n')) t.remove_prefix(1);
      text = t;
      std::string indent(unit.column > 0 ? unit.column - 1 : 0, ' ');
      std::string out;
      size_t pos = 0;
      while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == kNpos ? kNpos : nl - pos);
        if (pos > 0) {
          out += '\n';
          if (!line.empty()) out += indent;
        }
        out.append(line);
        if (nl == kNpos) break;
        pos = nl + 1;
      }
      return out;
    }
    case kYamlFolded:
      return Collapse(WithoutControl(text));
    case kTomlLiteral:
      if (text.find('\'') != kNpos || HasControl(text, "\t")) return DoubleQuoted(text, true);
      return Quoted("'", text);
    case kTomlMultiLiteral:
      if (text.find("'''") == kNpos && (text.empty() || text.back() != '\'') &&
          !HasControl(text, "\t\n"))
        return Quoted("'''", text);
      return DoubleQuoted(text, true);
    case kTomlMultiBasic: {
      std::string out = "\"\"\"";
      for (char c : text) {
        if (c == '\\' || c == '"') {
          out += '\\';
          out += c;
        } else if (HasControl(std::string_view(&c, 1), "\t\n")) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
      }
      return out + "\"\"\"";
    }
    case kTomlBasic:
      return DoubleQuoted(text, true);
    default:  // kYamlDouble
      return DoubleQuoted(text, false);
  }
}

}  // namespace l10n
