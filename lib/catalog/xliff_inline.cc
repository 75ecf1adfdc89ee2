#include "catalog/xliff_inline.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/xliff_xml.h"
#include "unit/markup_check.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// The element name a placeholder stands for: "a2" -> "a".
std::string_view BaseName(std::string_view name) {
  while (!name.empty() && name.back() >= '0' && name.back() <= '9') name.remove_suffix(1);
  return name;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

bool IsPlaceholderNameSyntax(std::string_view name) {
  if (name.empty() || !IsAsciiLetter(name[0])) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return IsAsciiAlnum(c) || c == '-'; });
}

// A placeholder name for an inline code id: the id itself when it is one
// (ours are), else the id with every character a name cannot hold as '-',
// after a 'c' when it does not start with a letter ("1" -> "c1",
// "INTERPOLATION_1" -> "INTERPOLATION-1").
std::string CodeName(std::string_view id) {
  if (IsPlaceholderNameSyntax(id)) return std::string(id);
  std::string name;
  if (!IsAsciiLetter(id[0])) name = "c";
  for (size_t i = 0; i < id.size();) {
    char32_t c = NextCodePoint(id, &i);  // one '-' a character
    name += c < 0x80 && IsAsciiAlnum(static_cast<char>(c)) ? static_cast<char>(c) : '-';
  }
  return name;
}

// The value of an XLIFF 2.0 <cp hex>: one or more hexadecimal digits, no
// sign, prefix or space; nullopt otherwise. Values past U+10FFFF are kept
// as 0x110000 for the caller to refuse.
std::optional<char32_t> HexCodePoint(std::string_view hex) {
  if (hex.empty()) return std::nullopt;
  char32_t value = 0;
  for (char ch : hex) {
    int digit = ch >= '0' && ch <= '9'   ? ch - '0'
                : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                         : -1;
    if (digit < 0) return std::nullopt;
    value = std::min<char32_t>(value * 16 + static_cast<char32_t>(digit), 0x110000);
  }
  return value;
}

// Whether the placeholders of `tokens` nest properly: each end closes the
// innermost open one, none is left open and no name is used twice. Against
// itself such a text has nothing CheckTags could report: its placeholders
// are the source's, in the same places and with the same parents.
bool WellNested(const std::vector<Token>& tokens) {
  std::vector<std::string_view> open;
  std::vector<std::string_view> names;
  for (const Token& t : tokens) {
    if (t.type == Token::kText) continue;
    if (t.type == Token::kClose) {
      if (open.empty() || open.back() != t.text) return false;
      open.pop_back();
      continue;
    }
    names.push_back(t.text);
    if (t.type == Token::kOpen) open.push_back(t.text);
  }
  if (!open.empty()) return false;
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) == names.end();
}

}  // namespace

bool Codable(std::string_view text, std::string_view source) {
  // A text checked against itself (a msgid, or a translation that is its
  // source) breaks none of CheckMarkup's text rules: whatever it finds in
  // the translation, it finds in the source.
  bool itself = text == source;
  // Without a tag or an escape the text is its own decoding, and only the
  // text rules of CheckMarkup can refuse it.
  if (text.find('<') != std::string_view::npos || text.find('&') != std::string_view::npos) {
    Result<std::vector<Token>> tokens = TokenizeUnitText(text);
    if (!tokens.ok()) return false;
    std::string rebuilt;
    rebuilt.reserve(text.size());
    for (const Token& t : *tokens) {
      switch (t.type) {
        case Token::kText:
          AppendUnitText(t.text, &rebuilt);
          break;
        case Token::kOpen:
          rebuilt += '<';
          rebuilt += t.text;
          rebuilt += '>';
          break;
        case Token::kClose:
          rebuilt += "</";
          rebuilt += t.text;
          rebuilt += '>';
          break;
        case Token::kSelfClosing:
          rebuilt += '<';
          rebuilt += t.text;
          rebuilt += "/>";
          break;
      }
    }
    if (rebuilt != text) return false;
    if (itself && WellNested(*tokens)) return true;
  } else if (itself) {
    return true;
  }
  return CodableMarkup(text, source);
}

bool CodableMarkup(std::string_view text, std::string_view source) {
  for (const MarkupIssue& issue : CheckMarkup(source, text)) {
    if (issue.blocks_merge) return false;
  }
  return true;
}

void AppendInline(std::string_view text, bool raw, XliffVersion version, std::string* out) {
  if (raw) {
    AppendXmlText(text, out);
    return;
  }
  if (text.find('<') == std::string_view::npos && text.find('&') == std::string_view::npos) {
    AppendXmlText(text, out);  // its own decoding
    return;
  }
  bool v2 = version == XliffVersion::k20;
  Result<std::vector<Token>> tokens = TokenizeUnitText(text);  // Codable() said it would
  for (const Token& t : *tokens) {
    switch (t.type) {
      case Token::kText:
        AppendXmlText(t.text, out);
        break;
      case Token::kOpen:
        if (v2) {
          *out += "<pc";
          AppendXmlAttr("id", t.text, out);
          AppendXmlAttr("dataRefStart", "d-" + t.text + "-start", out);
          AppendXmlAttr("dataRefEnd", "d-" + t.text + "-end", out);
        } else {
          *out += "<g";
          AppendXmlAttr("id", t.text, out);
          AppendXmlAttr("ctype", "x-html-" + std::string(BaseName(t.text)), out);
        }
        *out += '>';
        break;
      case Token::kClose:
        *out += v2 ? "</pc>" : "</g>";
        break;
      case Token::kSelfClosing:
        if (v2) {
          *out += "<ph";
          AppendXmlAttr("id", t.text, out);
          AppendXmlAttr("dataRef", "d-" + t.text, out);
          AppendXmlAttr("disp", "<" + t.text + "/>", out);
        } else {
          *out += "<x";
          AppendXmlAttr("id", t.text, out);
          AppendXmlAttr("ctype", "x-html-" + std::string(BaseName(t.text)), out);
          AppendXmlAttr("equiv-text", "<" + t.text + "/>", out);
        }
        *out += "/>";
        break;
    }
  }
}

void AppendOriginalData(const std::string& indent, std::string_view source, std::string_view target,
                        std::string* out) {
  std::map<std::string, Token::Type> codes;
  for (std::string_view text : {source, target}) {
    Result<std::vector<Token>> tokens = TokenizeUnitText(text);
    if (!tokens.ok()) continue;
    for (const Token& t : *tokens) {
      if (t.type == Token::kOpen || t.type == Token::kSelfClosing) codes[t.text] = t.type;
    }
  }
  if (codes.empty()) return;
  *out += indent + "<originalData>\n";
  auto data = [&](const std::string& id, const std::string& value) {
    *out += indent + "  <data" + XmlAttr("id", id) + ">";
    AppendXmlText(value, out);
    *out += "</data>\n";
  };
  for (const auto& [name, type] : codes) {
    if (type == Token::kOpen) {
      data("d-" + name + "-start", "<" + name + ">");
      data("d-" + name + "-end", "</" + name + ">");
    } else {
      data("d-" + name, "<" + name + "/>");
    }
  }
  *out += indent + "</originalData>\n";
}

bool InlineReader::ReadText(const std::vector<pugi::xml_node>& nodes, bool raw, const char* where,
                            std::string* out) {
  for (bool paired : {true, false}) {
    paired_codes_ = paired;
    crossed_ = false;
    open_codes_.clear();
    out->clear();
    for (const pugi::xml_node& node : nodes) {
      if (!Read(node, raw, where, out)) return false;
    }
    if (!crossed_ && open_codes_.empty()) return true;
  }
  return true;
}

bool InlineReader::Read(const pugi::xml_node& node, bool raw, const char* where, std::string* out) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (raw) {
        *out += c.value();
      } else {
        AppendUnitText(c.value(), out);
      }
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    if (name == "mrk" || name == "sm" || name == "em") {
      // Annotations (comments, terms) a CAT tool may add: their content
      // is text of the unit.
      if (!Read(c, raw, where, out)) return false;
      continue;
    }
    if (name == "cp" && version_ == XliffVersion::k20) {
      // A character XML cannot hold, by its code point (XLIFF 2.0, 4.7.1.1).
      if (!ReadCodePoint(c, raw, out)) return false;
      continue;
    }
    if (!ReadCode(c, name, raw, where, out)) return false;
  }
  return true;
}

bool InlineReader::ReadCodePoint(const pugi::xml_node& c, bool raw, std::string* out) {
  std::string_view hex = Attribute(c, "hex").value();
  std::optional<char32_t> code = HexCodePoint(hex);
  if (!code) {
    error_(c, FormatUi("<cp> hex '{}' is not a hexadecimal code point", Utf8Excerpt(hex, 16)),
           "syntax");
    return false;
  }
  if (*code == 0 || *code > 0x10FFFF || (*code >= 0xD800 && *code <= 0xDFFF)) {
    error_(c,
           FormatUi("<cp> hex '{}' is not a character (U+0000, a surrogate, or above "
                    "U+10FFFF)",
                    Utf8Excerpt(hex, 16)),
           "encoding");
    return false;
  }
  std::string text;
  AppendUtf8(*code, &text);
  if (raw) {
    *out += text;
  } else {
    AppendUnitText(text, out);
  }
  return true;
}

bool InlineReader::ReadCode(const pugi::xml_node& c, std::string_view name, bool raw,
                            const char* where, std::string* out) {
  bool v2 = version_ == XliffVersion::k20;
  // The inline codes of each version: paired with content (1.2 <g>, 2.0
  // <pc>); standalone and empty (1.2 <x>, 2.0 <ph>); standalone with
  // native code as content, which is left out (1.2 <ph>, <it>); a start
  // or an end of a pair (1.2 <bx>/<ex> empty, <bpt>/<ept> with native
  // code; 2.0 <sc>/<ec>, standalone when isolated="yes").
  enum Kind { kNone, kPaired, kEmpty, kNative, kStart, kEnd } kind = kNone;
  if (v2) {
    kind = name == "pc"   ? kPaired
           : name == "ph" ? kEmpty
           : name == "sc" ? kStart
           : name == "ec" ? kEnd
                          : kNone;
  } else {
    kind = name == "g"                     ? kPaired
           : name == "x"                   ? kEmpty
           : name == "ph" || name == "it"  ? kNative
           : name == "bx" || name == "bpt" ? kStart
           : name == "ex" || name == "ept" ? kEnd
                                           : kNone;
  }
  if (raw || kind == kNone) {
    error_(c,
           raw ? FormatUi("<{}> in the text of a plain-text unit", c.name())
               : FormatUi("<{}> is not an inline code of this format in <{}>", c.name(), where),
           "unsafe");
    return false;
  }
  bool isolated = v2 && Attribute(c, "isolated").value() == std::string_view("yes");
  // An end names its start: 2.0 startRef (its own id when isolated),
  // 1.2 rid when given (else the id it shares with its start).
  std::string id = Attribute(c, "id").value();
  if (kind == kEnd && v2 && !isolated) {
    id = Attribute(c, "startRef").value();
  } else if ((kind == kStart || kind == kEnd) && !v2) {
    if (pugi::xml_attribute rid = Attribute(c, "rid")) id = rid.value();
  }
  if (id.empty()) {
    error_(c, FormatUi("inline code id '{}' is not a placeholder name", id), "placeholder");
    return false;
  }
  std::string code = CodeName(id);
  if (kind == kEmpty) {
    if (c.first_child()) {
      error_(c, FormatUi("<{}> must be empty", c.name()), "unsafe");
      return false;
    }
    *out += "<" + code + "/>";
    return true;
  }
  if (kind == kNative || isolated) {
    *out += "<" + code + (kind == kEnd ? "-end" : "") + "/>";
    return true;
  }
  if (kind == kStart || kind == kEnd) {
    if (!paired_codes_) {
      *out += "<" + code + (kind == kEnd ? "-end" : "") + "/>";
    } else if (kind == kStart) {
      open_codes_.push_back(id);
      *out += "<" + code + ">";
    } else if (!open_codes_.empty() && open_codes_.back() == id) {
      open_codes_.pop_back();
      *out += "</" + code + ">";
    } else {
      crossed_ = true;
    }
    return true;
  }
  // A paired code with content: a start or an end inside must have its
  // partner inside too (the mark "" stands for this code on the stack).
  open_codes_.push_back("");
  *out += "<" + code + ">";
  if (!Read(c, raw, where, out)) return false;
  if (open_codes_.empty() || !open_codes_.back().empty()) {
    crossed_ = true;
  } else {
    open_codes_.pop_back();
  }
  *out += "</" + code + ">";
  return true;
}

}  // namespace l10n
