#include "catalog/xliff.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <thread>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <unicode/utf8.h>

#include "unit/markup_check.h"
#include "base/file_io.h"
#include "post/html_segmenter.h"
#include "base/input_limits.h"
#include "unit/unit_text.h"
#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

namespace {

constexpr std::string_view kObsoleteRestype = "x-gettext-obsolete";  // 1.2 group
constexpr std::string_view kObsoleteType = "l10n:obsolete";          // 2.0 group
constexpr std::string_view kRawType = "l10n:raw";                    // 2.0 unit
constexpr std::string_view kFuzzySubState = "l10n:fuzzy";
constexpr std::string_view kSignedOffSubState = "l10n:signed-off";
// The XLIFF states a PO file has no word for travel in a translator comment
// (gettext and Poedit drop flags they do not know, but keep comments).
constexpr std::string_view kStateComment = "xliff-state: ";
constexpr const char* kKeptStates[] = {"reviewed", "final", "signed-off"};

// "final" for an entry with the comment "xliff-state: final".
std::string_view KeptState(const Message& m) {
  for (const std::string& c : m.translator_comments) {
    std::string_view line = c;
    if (line.substr(0, kStateComment.size()) != kStateComment) continue;
    line.remove_prefix(kStateComment.size());
    for (const char* state : kKeptStates) {
      if (line == state) return state;
    }
  }
  return {};
}

bool IsStateComment(std::string_view line) {
  return line.substr(0, kStateComment.size()) == kStateComment;
}

// ---- Writing -----------------------------------------------------------------

// Characters XML 1.0 cannot hold, even escaped.
Status CheckXmlText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
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
  // Most text has nothing to escape: find out in one branch-free pass.
  bool special = false;
  for (char c : s) special |= (c == '&') | (c == '<') | (c == '>') | (c == '\r');
  if (!special) {
    out->append(s);
    return;
  }
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escaped;
    switch (s[i]) {
      case '&': escaped = "&amp;"; break;
      case '<': escaped = "&lt;"; break;
      case '>': escaped = "&gt;"; break;
      case '\r': escaped = "&#13;"; break;
      default: continue;
    }
    out->append(s.data() + plain, i - plain);
    *out += escaped;
    plain = i + 1;
  }
  out->append(s.data() + plain, s.size() - plain);
}

void AppendXmlAttribute(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '"': *out += "&quot;"; break;
      case '\n': *out += "&#10;"; break;
      case '\t': *out += "&#9;"; break;
      case '\r': *out += "&#13;"; break;
      default: *out += c;
    }
  }
}

std::string Attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  AppendXmlAttribute(value, &out);
  out += '"';
  return out;
}

// The element name a placeholder stands for: "a2" -> "a".
std::string_view BaseName(std::string_view name) {
  while (!name.empty() && name.back() >= '0' && name.back() <= '9') name.remove_suffix(1);
  return name;
}

// Unit text written as inline content with codes, when it can be read back
// to the same bytes: it tokenizes, its text is escaped canonically, and its
// tags are well formed against `source` (itself, for the source).
bool Codable(std::string_view text, std::string_view source) {
  bool plain = text.find('<') == std::string_view::npos &&
               text.find('&') == std::string_view::npos;
  if (plain) {
    // No tag and no escape: the text is its own decoding. Only the text
    // rules of CheckMarkup can refuse it.
    for (const MarkupIssue& issue : CheckMarkup(source, text)) {
      if (issue.blocks_merge) return false;
    }
    return true;
  }
  Result<std::vector<Token>> tokens = TokenizeUnitText(text);
  if (!tokens.ok()) return false;
  std::string rebuilt;
  for (const Token& t : *tokens) {
    switch (t.type) {
      case Token::kText: AppendUnitText(t.text, &rebuilt); break;
      case Token::kOpen: rebuilt += "<" + t.text + ">"; break;
      case Token::kClose: rebuilt += "</" + t.text + ">"; break;
      case Token::kSelfClosing: rebuilt += "<" + t.text + "/>"; break;
    }
  }
  if (rebuilt != text) return false;
  for (const MarkupIssue& issue : CheckMarkup(source, text)) {
    if (issue.blocks_merge) return false;
  }
  return true;
}

class XliffWriter {
 public:
  // `flush`, when set, takes the text written so far now and then (and the
  // rest at the end), so that a large catalog is not held twice.
  XliffWriter(const Catalog& catalog, const XliffOptions& options,
              std::function<Status(std::string_view)> flush = nullptr)
      : catalog_(catalog), options_(options), flush_(std::move(flush)) {}

  Result<std::string> Write() {
    for (const Message& m : catalog_.messages) {
      if (m.msgid_plural) {
        return Status::Error(FormatUi(
            "plural entries cannot be written to XLIFF yet: \"{}\" (line {})", m.msgid, m.line));
      }
      for (std::string_view s : Strings(m)) {
        Status status = CheckXmlText(s);
        if (!status.ok()) {
          return Status::Error(FormatUi("{} (the entry \"{}\", line {})", status.message(),
                                        m.msgid, m.line));
        }
      }
    }
    std::string source = options_.source_lang;
    std::string target = options_.target_lang;
    if (source.empty()) source = catalog_.HeaderField("X-Source-Language").value_or("en");
    if (target.empty()) target = catalog_.HeaderField("Language").value_or("");
    if (source.empty()) source = "en";
    bool v2 = options_.version == XliffVersion::k20;
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (v2) {
      out_ += "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"" +
              Attr("srcLang", source) + (target.empty() ? "" : Attr("trgLang", target)) + ">\n";
      out_ += "  <file id=\"f1\"" + Attr("original", options_.original) + ">\n";
      WriteHeaderNotes("    ");
    } else {
      out_ += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
      out_ += "  <file" + Attr("original", options_.original) + Attr("source-language", source) +
              (target.empty() ? "" : Attr("target-language", target)) +
              " datatype=\"html\">\n";
      WriteHeaderNotes("    ");
      out_ += "    <body>\n";
    }
    std::string indent = v2 ? "    " : "      ";
    bool any = false;
    // Ids first, in file order (a collision gets a suffix); then the units,
    // in batches formatted half on each of two threads.
    std::vector<const Message*> active;
    std::vector<std::string> ids;
    for (const Message& m : catalog_.messages) {
      if (m.is_header() || m.obsolete) continue;
      active.push_back(&m);
      ids.push_back(Id(m));
    }
    any = !active.empty();
    constexpr size_t kBatch = 1024;
    XliffWriter helper(catalog_, options_);
    for (size_t begin = 0; begin < active.size(); begin += kBatch) {
      size_t end = std::min(begin + kBatch, active.size());
      size_t middle = end - begin >= 64 ? begin + (end - begin) / 2 : end;
      helper.out_.clear();
      std::thread second;
      if (middle < end) {
        second = std::thread([&] {
          for (size_t i = middle; i < end; ++i) helper.WriteUnit(*active[i], ids[i], indent);
        });
      }
      for (size_t i = begin; i < middle; ++i) WriteUnit(*active[i], ids[i], indent);
      if (second.joinable()) second.join();
      out_ += helper.out_;
      if (flush_ && out_.size() >= (256u << 10)) {
        Status status = flush_(out_);
        if (!status.ok()) return status;
        out_.clear();
      }
    }
    bool obsolete = std::any_of(catalog_.messages.begin(), catalog_.messages.end(),
                                [](const Message& m) { return m.obsolete; });
    if (obsolete || (v2 && !any)) {
      // 2.0 needs a unit or group in every file: an empty catalog gets the
      // (empty) group of obsolete entries.
      out_ += indent + (v2 ? "<group id=\"obsolete\" type=\"l10n:obsolete\" translate=\"no\">\n"
                           : "<group id=\"obsolete\" restype=\"x-gettext-obsolete\" "
                             "translate=\"no\">\n");
      for (const Message& m : catalog_.messages) {
        if (m.obsolete) WriteUnit(m, Id(m), indent + "  ");
      }
      out_ += indent + "</group>\n";
    }
    out_ += v2 ? "  </file>\n</xliff>\n" : "    </body>\n  </file>\n</xliff>\n";
    if (flush_) {
      Status status = flush_(out_);
      if (!status.ok()) return status;
      out_.clear();
    }
    return std::move(out_);
  }

 private:
  static std::vector<std::string_view> Strings(const Message& m) {
    std::vector<std::string_view> out = {m.msgid};
    if (m.msgctxt) out.push_back(*m.msgctxt);
    for (const std::string& s : m.msgstr) out.push_back(s);
    for (const auto& list : {&m.translator_comments, &m.extracted_comments, &m.references,
                             &m.flags}) {
      for (const std::string& s : *list) out.push_back(s);
    }
    if (m.prev_msgid) out.push_back(*m.prev_msgid);
    if (m.prev_msgctxt) out.push_back(*m.prev_msgctxt);
    return out;
  }

  static std::string Join(const std::vector<std::string>& lines, std::string_view separator) {
    std::string out;
    for (const std::string& l : lines) {
      if (!out.empty()) out += separator;
      out += l;
    }
    return out;
  }

  void Note(const std::string& indent, std::string_view kind, std::string_view text) {
    bool v2 = options_.version == XliffVersion::k20;
    out_ += indent + "<note" + Attr(v2 ? "category" : "from", kind) + ">";
    AppendXmlText(text, &out_);
    out_ += "</note>\n";
  }

  void WriteHeaderNotes(const std::string& indent) {
    const Message* header = catalog_.FindHeader();
    if (!header) return;
    bool v2 = options_.version == XliffVersion::k20;
    std::string inner = indent + "  ";
    out_ += indent + (v2 ? "<notes>\n" : "<header>\n");
    Note(inner, "po-header", header->msgstr[0]);
    if (!header->translator_comments.empty()) {
      Note(inner, "po-header-comments", Join(header->translator_comments, "\n"));
    }
    if (!header->flags.empty()) Note(inner, "po-header-flags", Join(header->flags, ", "));
    out_ += indent + (v2 ? "</notes>\n" : "</header>\n");
  }

  // The id: derived from msgctxt and msgid, as the posts' units are; made
  // unique within the file should two entries collide.
  std::string Id(const Message& m) {
    std::string id = (m.obsolete ? "obsolete-" : "") + UnitId(m.msgctxt, m.msgid);
    std::string unique = id;
    for (int n = 2; !ids_.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
    return unique;
  }

  // Whitespace an XML tool could normalize: at either end, a line break or
  // tab, or two spaces in a row.
  static bool WhitespaceMatters(std::string_view s) {
    if (s.empty()) return false;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    if (space(s.front()) || space(s.back())) return true;
    for (char c : {'\n', '\t', '\r'}) {
      if (std::memchr(s.data(), c, s.size())) return true;
    }
    return s.find("  ") != std::string_view::npos;
  }

  // Inline content: codes for placeholders, or the text as it is (raw).
  void Inline(std::string_view text, bool raw) {
    if (raw) {
      AppendXmlText(text, &out_);
      return;
    }
    if (text.find('<') == std::string_view::npos && text.find('&') == std::string_view::npos) {
      AppendXmlText(text, &out_);  // its own decoding
      return;
    }
    bool v2 = options_.version == XliffVersion::k20;
    Result<std::vector<Token>> tokens = TokenizeUnitText(text);  // Codable() said it would
    for (const Token& t : *tokens) {
      switch (t.type) {
        case Token::kText:
          AppendXmlText(t.text, &out_);
          break;
        case Token::kOpen:
          if (v2) {
            out_ += "<pc" + Attr("id", t.text) + Attr("dataRefStart", "d-" + t.text + "-start") +
                    Attr("dataRefEnd", "d-" + t.text + "-end") + ">";
          } else {
            out_ += "<g" + Attr("id", t.text) +
                    Attr("ctype", "x-html-" + std::string(BaseName(t.text))) + ">";
          }
          break;
        case Token::kClose:
          out_ += v2 ? "</pc>" : "</g>";
          break;
        case Token::kSelfClosing:
          if (v2) {
            out_ += "<ph" + Attr("id", t.text) + Attr("dataRef", "d-" + t.text) +
                    Attr("disp", "<" + t.text + "/>") + "/>";
          } else {
            out_ += "<x" + Attr("id", t.text) +
                    Attr("ctype", "x-html-" + std::string(BaseName(t.text))) +
                    Attr("equiv-text", "<" + t.text + "/>") + "/>";
          }
          break;
      }
    }
  }

  // <originalData> for the codes of the source and the target (2.0).
  void OriginalData(const std::string& indent, std::string_view source, std::string_view target) {
    std::map<std::string, Token::Type> codes;
    for (std::string_view text : {source, target}) {
      Result<std::vector<Token>> tokens = TokenizeUnitText(text);
      if (!tokens.ok()) continue;
      for (const Token& t : *tokens) {
        if (t.type == Token::kOpen || t.type == Token::kSelfClosing) codes[t.text] = t.type;
      }
    }
    if (codes.empty()) return;
    out_ += indent + "<originalData>\n";
    auto data = [&](const std::string& id, const std::string& value) {
      out_ += indent + "  <data" + Attr("id", id) + ">";
      AppendXmlText(value, &out_);
      out_ += "</data>\n";
    };
    for (const auto& [name, type] : codes) {
      if (type == Token::kOpen) {
        data("d-" + name + "-start", "<" + name + ">");
        data("d-" + name + "-end", "</" + name + ">");
      } else {
        data("d-" + name, "<" + name + "/>");
      }
    }
    out_ += indent + "</originalData>\n";
  }

  void WriteUnit(const Message& m, const std::string& id, const std::string& indent) {
    bool v2 = options_.version == XliffVersion::k20;
    const std::string& target = m.msgstr[0];
    bool raw = !Codable(m.msgid, m.msgid) || (!target.empty() && !Codable(target, m.msgid));
    bool preserve = WhitespaceMatters(m.msgid) || WhitespaceMatters(target) ||
                    (m.prev_msgid && WhitespaceMatters(*m.prev_msgid));
    std::string in = indent + "  ";
    std::vector<std::string> other_flags;
    for (const std::string& f : m.flags) {
      if (f != "fuzzy") other_flags.push_back(f);
    }
    std::string_view state_flag = KeptState(m);
    std::vector<std::string> comments;
    for (const std::string& c : m.translator_comments) {
      if (!IsStateComment(c)) comments.push_back(c);
    }

    out_ += indent + (v2 ? "<unit" : "<trans-unit") + Attr("id", id);
    if (m.msgctxt) out_ += Attr(v2 ? "name" : "resname", *m.msgctxt);
    if (preserve) out_ += " xml:space=\"preserve\"";
    if (raw) out_ += v2 ? Attr("type", kRawType) : " datatype=\"plaintext\"";
    out_ += ">\n";

    if (v2) {
      bool notes = !m.references.empty() || !m.extracted_comments.empty() ||
                   !comments.empty() || !other_flags.empty() || m.prev_msgid || m.prev_msgctxt;
      if (notes) {
        out_ += in + "<notes>\n";
        for (const std::string& r : m.references) Note(in + "  ", "location", r);
        if (!m.extracted_comments.empty()) {
          Note(in + "  ", "developer", Join(m.extracted_comments, "\n"));
        }
        if (!comments.empty()) Note(in + "  ", "translator", Join(comments, "\n"));
        if (!other_flags.empty()) Note(in + "  ", "po-flags", Join(other_flags, ", "));
        if (m.prev_msgctxt) Note(in + "  ", "previous-context", *m.prev_msgctxt);
        if (m.prev_msgid) Note(in + "  ", "previous-source", *m.prev_msgid);
        out_ += in + "</notes>\n";
      }
      if (!raw) OriginalData(in, m.msgid, target);
      out_ += in + "<segment";
      if (target.empty()) {
        out_ += " state=\"initial\"";
      } else if (m.fuzzy()) {
        out_ += " state=\"initial\"" + Attr("subState", kFuzzySubState);
      } else if (state_flag == "signed-off") {
        out_ += " state=\"final\"" + Attr("subState", kSignedOffSubState);
      } else {
        out_ += Attr("state", state_flag.empty() ? "translated" : state_flag);
      }
      out_ += ">\n" + in + "  <source>";
      Inline(m.msgid, raw);
      out_ += "</source>\n";
      if (!target.empty()) {
        out_ += in + "  <target>";
        Inline(target, raw);
        out_ += "</target>\n";
      }
      out_ += in + "</segment>\n" + indent + "</unit>\n";
      return;
    }

    out_ += in + "<source>";
    Inline(m.msgid, raw);
    out_ += "</source>\n";
    // 1.2 has no "reviewed": an extension value says it.
    std::string kept = state_flag == "reviewed" ? "x-reviewed" : std::string(state_flag);
    std::string_view state = target.empty()   ? "new"
                             : m.fuzzy()      ? "needs-review-translation"
                             : !kept.empty() ? std::string_view(kept)
                                             : "translated";
    // An empty target as Poedit (pugixml) writes it.
    if (target.empty()) {
      out_ += in + "<target" + Attr("state", state) + "/>\n";
    } else {
      out_ += in + "<target" + Attr("state", state) + ">";
      Inline(target, raw);
      out_ += "</target>\n";
    }
    for (const std::string& r : m.references) {
      size_t colon = r.rfind(':');
      bool line = colon != std::string::npos && colon + 1 < r.size() &&
                  r.find_first_not_of("0123456789", colon + 1) == std::string::npos;
      out_ += in + "<context-group purpose=\"location\">\n";
      out_ += in + "  <context context-type=\"sourcefile\">";
      AppendXmlText(line ? std::string_view(r).substr(0, colon) : std::string_view(r), &out_);
      out_ += "</context>\n";
      if (line) {
        out_ += in + "  <context context-type=\"linenumber\">" + r.substr(colon + 1) +
                "</context>\n";
      }
      out_ += in + "</context-group>\n";
    }
    if (!m.extracted_comments.empty()) Note(in, "developer", Join(m.extracted_comments, "\n"));
    if (!comments.empty()) Note(in, "translator", Join(comments, "\n"));
    if (!other_flags.empty()) Note(in, "po-flags", Join(other_flags, ", "));
    if (m.prev_msgid || m.prev_msgctxt) {
      std::string previous = m.prev_msgid.value_or(m.msgid);
      bool previous_raw = !Codable(previous, previous);
      out_ += in + "<alt-trans alttranstype=\"previous-version\"";
      if (m.prev_msgctxt) out_ += Attr("resname", *m.prev_msgctxt);
      if (previous_raw) out_ += " datatype=\"plaintext\"";
      if (!m.prev_msgid) out_ += " extype=\"x-no-previous-msgid\"";
      out_ += ">\n" + in + "  <source>";
      Inline(previous, previous_raw);
      out_ += "</source>\n" + in + "  <target>";
      Inline(target, raw);
      out_ += "</target>\n" + in + "</alt-trans>\n";
    }
    out_ += indent + "</trans-unit>\n";
  }

  const Catalog& catalog_;
  const XliffOptions& options_;
  std::function<Status(std::string_view)> flush_;
  std::set<std::string> ids_;
  std::string out_;
};

// ---- Reading -----------------------------------------------------------------

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// An attribute by local name ("xml:space" keeps its prefix).
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

bool IsPlaceholderNameSyntax(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
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

// A Unicode scalar value as UTF-8.
void AppendUtf8(char32_t c, std::string* out) {
  uint8_t bytes[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(bytes, n, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(n));
}

// At most 16 characters of `s`, for a message.
std::string Shorten(std::string_view s) {
  if (s.size() <= 16) return std::string(s);
  size_t cut = 16;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

// XML 1.0's Char production: what a character reference may name.
bool IsXmlChar(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The first character reference ("&#233;", "&#xE9;") of XML text that is
// malformed or names no character XML allows (well-formedness constraint
// "Legal Character"): pugixml would write a surrogate or a value past
// U+10FFFF as invalid UTF-8 and cut the text at "&#0;". Comments, CDATA
// sections and processing instructions hold no references. Returns its
// offset and an error message.
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
      int digit = d >= '0' && d <= '9'            ? d - '0'
                  : hex && d >= 'a' && d <= 'f'   ? d - 'a' + 10
                  : hex && d >= 'A' && d <= 'F'   ? d - 'A' + 10
                                                  : -1;
      if (digit < 0) break;
      value = std::min<char32_t>(value * (hex ? 16 : 10) + static_cast<char32_t>(digit), 0x110000);
    }
    size_t end = std::min(text.find_first_of(";<& \t\n\"'", i + 1), text.size());
    std::string shown = Shorten(text.substr(i, end < text.size() && text[end] == ';' ? end + 1 - i
                                                                                    : end - i));
    if (j == digits || j >= text.size() || text[j] != ';') {
      return std::pair(i, FormatUi("malformed character reference '{}'", shown));
    }
    if (!IsXmlChar(value)) {
      return std::pair(i, FormatUi("character reference '{}' is not a character XML allows",
                                   shown));
    }
  }
  return std::nullopt;
}

class XliffReader {
 public:
  XliffReader(std::string_view text, const std::string& path, Catalog* catalog,
              DiagnosticSink* sink)
      : text_(text), path_(path), catalog_(catalog), sink_(sink) {}

  bool Run() {
    catalog_->messages.clear();
    catalog_->style = PoStyle();
    for (size_t i = 0; i < text_.size();) {
      size_t n = Utf8SequenceLength(text_, i);
      if (n == 0) {
        ErrorAt(i, FormatUi("invalid UTF-8 byte '\\x{:02x}'",
                            static_cast<int>(static_cast<unsigned char>(text_[i]))),
                "encoding");
        return false;
      }
      i += n;
    }
    if (auto bad = BadCharacterReference(text_)) {
      ErrorAt(bad->first, std::move(bad->second), "syntax");
      return false;
    }
    // No DTD: it may declare entities (billion laughs, external files).
    pugi::xml_parse_result parsed = doc_.load_buffer(
        text_.data(), text_.size(),
        pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype | pugi::parse_pi,
        pugi::encoding_utf8);
    if (!parsed) {
      ErrorAt(static_cast<size_t>(parsed.offset),
              FormatUi("malformed XML: {}", parsed.description()), "syntax");
      return false;
    }
    for (pugi::xml_node n : doc_.children()) {
      if (n.type() == pugi::node_doctype) {
        size_t at = text_.rfind("<!", Offset(n));
        ErrorAt(at == std::string_view::npos ? Offset(n) : at, _("a DTD or entity declaration is not allowed in XLIFF"), "unsafe");
        return false;
      }
    }
    // The reading recurses into groups and inline codes: no deeper than
    // the tools read HTML (lib/input_limits.h).
    if (std::optional<size_t> deep = TooDeep()) {
      ErrorAt(*deep, FormatUi("elements nested more than {} deep", kMaxNesting), "syntax");
      return false;
    }
    pugi::xml_node root = doc_.document_element();
    if (LocalName(root) != "xliff") {
      ErrorAt(Offset(root), FormatUi("the root element is <{}>, not <xliff>", root.name()),
              "syntax");
      return false;
    }
    std::string version = Attribute(root, "version").value();
    if (!ParseXliffVersion(version, &version_)) {
      ErrorAt(Offset(root), FormatUi("unknown XLIFF version '{}' (1.2, 2.0 or 2.1)", version),
              "syntax");
      return false;
    }
    // An XLIFF namespace must be the version's (2.1 keeps 2.0's): a 1.2
    // document in the 2.0 namespace is neither, and no schema covers it.
    std::string_view name = root.name();
    size_t colon = name.find(':');
    std::string xmlns = colon == std::string_view::npos
                            ? std::string("xmlns")
                            : "xmlns:" + std::string(name.substr(0, colon));
    std::string_view ns = root.attribute(xmlns.c_str()).value();
    constexpr std::string_view kNamespace = "urn:oasis:names:tc:xliff:document:";
    if (ns.substr(0, kNamespace.size()) == kNamespace &&
        ns.substr(kNamespace.size()) != XliffVersionName(version_)) {
      ErrorAt(Offset(root),
              FormatUi("the namespace '{}' is not that of XLIFF {}", ns, version), "syntax");
      return false;
    }
    if (version_ == XliffVersion::k20) {
      source_lang_ = Attribute(root, "srcLang").value();
      target_lang_ = Attribute(root, "trgLang").value();
    }
    std::vector<pugi::xml_node> files = Children(root, "file");
    if (files.empty()) {
      ErrorAt(Offset(root), _("the XLIFF document has no <file>"), "syntax");
      return false;
    }
    for (pugi::xml_node file : files) File(file);
    DistinctKeys();
    if (!header_) {
      // Located at the root, as l10n-check's findings about it are.
      Message header = SynthesizedHeader();
      header.line = LineColumnAt(Offset(root)).first;
      catalog_->messages.insert(catalog_->messages.begin(), std::move(header));
    }
    return ok_;
  }

 private:
  // Where a node starts: pugixml gives an element's name, one past its '<'.
  size_t Offset(const pugi::xml_node& n) const {
    ptrdiff_t offset = n.offset_debug();
    if (offset < 0) return 0;
    size_t at = static_cast<size_t>(offset);
    if (n.type() == pugi::node_element && at > 0 && at <= text_.size() && text_[at - 1] == '<') {
      --at;
    }
    return at;
  }

  // Where the first element nested deeper than kMaxNesting starts, if any
  // (walked without recursion).
  std::optional<size_t> TooDeep() const {
    int depth = 0;
    pugi::xml_node n = doc_.first_child();
    while (n) {
      if (n.type() == pugi::node_element && depth + 1 > kMaxNesting) return Offset(n);
      if (n.first_child()) {
        n = n.first_child();
        ++depth;
        continue;
      }
      while (n && !n.next_sibling()) {
        n = n.parent();
        --depth;
        if (n == doc_) return std::nullopt;
      }
      if (n) n = n.next_sibling();
    }
    return std::nullopt;
  }

  std::pair<int, int> LineColumnAt(size_t offset) {
    if (line_starts_.empty()) {
      // A byte order mark is no column of the first line.
      line_starts_.push_back(text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
      for (size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    offset = std::max(std::min(offset, text_.size()), line_starts_[0]);
    size_t line = static_cast<size_t>(
        std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
        line_starts_.begin());
    return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1]) + 1};
  }

  void ErrorAt(size_t offset, std::string message, const char* check) {
    auto [line, column] = LineColumnAt(offset);
    sink_->Report({Severity::kError, path_, line, column, std::move(message), false, check});
    ok_ = false;
  }

  void File(const pugi::xml_node& file) {
    // Ids are unique within a <file> (1.2 2.5.2, 2.0 4.3.1.25), not the
    // document: several files may each have a unit "1".
    ids_.clear();
    ++file_count_;
    file_key_ = Attribute(file, "original").value();
    if (file_key_.empty()) file_key_ = Attribute(file, "id").value();
    if (file_key_.empty()) file_key_ = "file" + std::to_string(file_count_);
    if (version_ == XliffVersion::k12) {
      if (source_lang_.empty()) source_lang_ = Attribute(file, "source-language").value();
      if (target_lang_.empty()) target_lang_ = Attribute(file, "target-language").value();
      HeaderNotes(Child(file, "header"));
      pugi::xml_node body = Child(file, "body");
      if (!body) {
        ErrorAt(Offset(file), _("<file> without <body>"), "syntax");
        return;
      }
      Container(body, false);
    } else {
      HeaderNotes(Child(file, "notes"));
      Container(file, false);
    }
  }

  void HeaderNotes(const pugi::xml_node& parent) {
    if (!parent) return;
    for (pugi::xml_node note : Children(parent, "note")) {
      std::string kind = Attribute(note, version_ == XliffVersion::k20 ? "category" : "from")
                             .value();
      if (kind != "po-header" && kind != "po-header-comments" && kind != "po-header-flags") {
        continue;
      }
      if (!header_) {
        Message header;
        header.line = LineColumnAt(Offset(note)).first;
        catalog_->messages.insert(catalog_->messages.begin(), std::move(header));
        header_ = true;
      }
      Message& header = catalog_->messages.front();
      std::string text = TextOf(note);
      if (kind == "po-header") {
        header.msgstr = {text};
      } else if (kind == "po-header-comments") {
        header.translator_comments = Lines(text, '\n');
      } else {
        header.flags = Lines(text, ',');
      }
    }
  }

  Message SynthesizedHeader() const {
    Message header;
    std::string text;
    if (!target_lang_.empty()) text += "Language: " + target_lang_ + "\n";
    // The file says nothing of plurals: gettext's rule for the language.
    std::string_view plural_forms =
        GettextPluralForms(target_lang_).value_or(kDefaultPluralForms);
    text += "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\nPlural-Forms: ";
    text += plural_forms;
    text += "\n";
    if (!source_lang_.empty()) text += "X-Source-Language: " + source_lang_ + "\n";
    header.msgstr = {text};
    return header;
  }

  // <body>, <file> (2.0) or <group>: units and groups, in order.
  void Container(const pugi::xml_node& node, bool obsolete) {
    bool v2 = version_ == XliffVersion::k20;
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = LocalName(c);
      // translate="no" (1.2 2.5.3, 2.0 4.3.1.36): text not to translate,
      // which another tool keeps beside what is; no entry of a catalog.
      // Our group of obsolete entries says so too, and they are read.
      bool translate = Attribute(c, "translate").value() != std::string_view("no");
      if (name == "group") {
        bool obsolete_group = v2 ? Attribute(c, "type").value() == kObsoleteType
                                 : Attribute(c, "restype").value() == kObsoleteRestype;
        if (translate || obsolete_group) Container(c, obsolete || obsolete_group);
      } else if (name == (v2 ? "unit" : "trans-unit")) {
        if (translate || obsolete) Unit(c, obsolete);
      }
    }
  }

  // Unit text from the inline content of `nodes` (the <source>s or
  // <target>s of a unit, in order). Paired codes written as a start and an
  // end (1.2 <bpt>/<ept>, <bx>/<ex>; 2.0 <sc>/<ec>) become <name>..</name>
  // when they nest; when they cross, or one is missing its partner, the
  // text is read again with every start <name/> and every end <name-end/>.
  bool InlineText(const std::vector<pugi::xml_node>& nodes, bool raw, const char* where,
                  std::string* out) {
    for (bool paired : {true, false}) {
      paired_codes_ = paired;
      crossed_ = false;
      open_codes_.clear();
      out->clear();
      for (const pugi::xml_node& node : nodes) {
        if (!Inline(node, raw, where, out)) return false;
      }
      if (!crossed_ && open_codes_.empty()) return true;
    }
    return true;
  }

  // A placeholder name for an inline code id: the id itself when it is one
  // (ours are), else the id with every character a name cannot hold as '-',
  // after a 'c' when it does not start with a letter ("1" -> "c1",
  // "INTERPOLATION_1" -> "INTERPOLATION-1").
  static std::string CodeName(std::string_view id) {
    if (IsPlaceholderNameSyntax(id)) return std::string(id);
    std::string name;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) name = "c";
    for (char c : id) {
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // one '-' a character
      bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      name += keep ? c : '-';
    }
    return name;
  }

  bool Inline(const pugi::xml_node& node, bool raw, const char* where, std::string* out) {
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
        if (!Inline(c, raw, where, out)) return false;
        continue;
      }
      if (name == "cp" && version_ == XliffVersion::k20) {
        // A character XML cannot hold, by its code point (XLIFF 2.0, 4.7.1.1).
        std::string_view hex = Attribute(c, "hex").value();
        std::optional<char32_t> code = HexCodePoint(hex);
        if (!code) {
          ErrorAt(Offset(c),
                  FormatUi("<cp> hex '{}' is not a hexadecimal code point", Shorten(hex)),
                  "syntax");
          return false;
        }
        if (*code == 0 || *code > 0x10FFFF || (*code >= 0xD800 && *code <= 0xDFFF)) {
          ErrorAt(Offset(c),
                  FormatUi("<cp> hex '{}' is not a character (U+0000, a surrogate, or above "
                           "U+10FFFF)",
                           Shorten(hex)),
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
        continue;
      }
      bool v2 = version_ == XliffVersion::k20;
      // The inline codes of each version: paired with content (1.2 <g>, 2.0
      // <pc>); standalone and empty (1.2 <x>, 2.0 <ph>); standalone with
      // native code as content, which is left out (1.2 <ph>, <it>); a start
      // or an end of a pair (1.2 <bx>/<ex> empty, <bpt>/<ept> with native
      // code; 2.0 <sc>/<ec>, standalone when isolated="yes").
      enum Kind { kNone, kPaired, kEmpty, kNative, kStart, kEnd } kind = kNone;
      if (v2) {
        kind = name == "pc" ? kPaired : name == "ph" ? kEmpty : name == "sc" ? kStart
               : name == "ec" ? kEnd : kNone;
      } else {
        kind = name == "g" ? kPaired : name == "x" ? kEmpty
               : name == "ph" || name == "it" ? kNative
               : name == "bx" || name == "bpt" ? kStart
               : name == "ex" || name == "ept" ? kEnd : kNone;
      }
      if (raw || kind == kNone) {
        ErrorAt(Offset(c),
                raw ? FormatUi("<{}> in the text of a plain-text unit", c.name())
                    : FormatUi("<{}> is not an inline code of this format in <{}>", c.name(),
                               where),
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
        ErrorAt(Offset(c), FormatUi("inline code id '{}' is not a placeholder name", id),
                "placeholder");
        return false;
      }
      std::string code = CodeName(id);
      if (kind == kEmpty) {
        if (c.first_child()) {
          ErrorAt(Offset(c), FormatUi("<{}> must be empty", c.name()), "unsafe");
          return false;
        }
        *out += "<" + code + "/>";
        continue;
      }
      if (kind == kNative || isolated) {
        *out += "<" + code + (kind == kEnd ? "-end" : "") + "/>";
        continue;
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
        continue;
      }
      // A paired code with content: a start or an end inside must have its
      // partner inside too (the mark "" stands for this code on the stack).
      open_codes_.push_back("");
      *out += "<" + code + ">";
      if (!Inline(c, raw, where, out)) return false;
      if (open_codes_.empty() || !open_codes_.back().empty()) {
        crossed_ = true;
      } else {
        open_codes_.pop_back();
      }
      *out += "</" + code + ">";
    }
    return true;
  }

  void Unit(const pugi::xml_node& unit, bool obsolete) {
    bool v2 = version_ == XliffVersion::k20;
    Message m;
    m.obsolete = obsolete;
    m.line = LineColumnAt(Offset(unit)).first;
    std::string id = Attribute(unit, "id").value();
    if (id.empty()) {
      ErrorAt(Offset(unit), FormatUi("<{}> without an id", unit.name()), "syntax");
      return;
    }
    if (!ids_.insert(id).second) {
      ErrorAt(Offset(unit), FormatUi("duplicate id '{}'", id), "duplicate");
      return;
    }
    if (pugi::xml_attribute name = Attribute(unit, v2 ? "name" : "resname")) {
      m.msgctxt = name.value();
    }
    bool raw = v2 ? Attribute(unit, "type").value() == kRawType
                  : Attribute(unit, "datatype").value() == std::string_view("plaintext");
    // 2.0: the <segment>s and <ignorable>s of the unit, in order, are one
    // entry: their sources joined are the msgid, their targets the msgstr
    // (an <ignorable> without a target stands for itself).
    std::vector<pugi::xml_node> parts;
    if (v2) {
      for (pugi::xml_node c : unit.children()) {
        if (c.type() == pugi::node_element &&
            (LocalName(c) == "segment" || LocalName(c) == "ignorable")) {
          parts.push_back(c);
        }
      }
      if (Children(unit, "segment").empty()) {
        ErrorAt(Offset(unit), FormatUi("<{}> without <segment>", unit.name()), "syntax");
        return;
      }
    } else {
      parts.push_back(unit);
    }
    std::vector<pugi::xml_node> sources, targets;
    pugi::xml_node target;  // the first, where errors about the translation go
    pugi::xml_node segment;  // 2.0: the least advanced segment, for the state
    int segments = 0, translated = 0, least = 99;
    // 2.0 segment states in their order (4.4.2.2); others count as initial.
    auto rank = [](std::string_view state) {
      return state == "translated" ? 1 : state == "reviewed" ? 2 : state == "final" ? 3 : 0;
    };
    for (const pugi::xml_node& part : parts) {
      pugi::xml_node source = Child(part, "source");
      if (!source) {
        ErrorAt(Offset(part), FormatUi("<{}> without <source>", unit.name()), "syntax");
        return;
      }
      sources.push_back(source);
      pugi::xml_node part_target = Child(part, "target");
      bool is_segment = part == unit || LocalName(part) == "segment";
      if (is_segment) {
        ++segments;
        if (part_target) ++translated;
        int r = rank(Attribute(part, "state").value());
        if (!segment || r < least) {
          segment = part;
          least = r;
        }
      }
      if (part_target && !target) target = part_target;
      targets.push_back(part_target ? part_target : source);
    }
    if (!InlineText(sources, raw, "source", &m.msgid)) return;
    std::string translation;
    if (translated > 0 && !InlineText(targets, raw, "target", &translation)) return;
    m.msgstr = {translation};

    // 2.0 says a segment without a state is "initial"; 1.2 has no default.
    // Some segments without a target: a draft.
    std::string state = Attribute(v2 ? segment : target, "state").value();
    if (v2 && (state.empty() || translated < segments)) state = "initial";
    std::string sub_state = v2 ? Attribute(segment, "subState").value() : "";
    if (translated < segments) sub_state.clear();
    ApplyState(state, sub_state, &m);

    if (v2) {
      for (pugi::xml_node note : Children(Child(unit, "notes"), "note")) {
        Note(Attribute(note, "category").value(), TextOf(note), &m);
      }
    } else {
      for (pugi::xml_node group : Children(unit, "context-group")) {
        if (Attribute(group, "purpose").value() != std::string_view("location")) continue;
        std::string file, line;
        for (pugi::xml_node context : Children(group, "context")) {
          std::string_view type = Attribute(context, "context-type").value();
          if (type == "sourcefile") file = TextOf(context);
          if (type == "linenumber") line = TextOf(context);
        }
        // A reference has one line: Angular writes a range "10,12" (its
        // first line, then), and a line that is no number is left out.
        line = line.substr(0, line.find_first_not_of("0123456789"));
        if (!file.empty()) m.references.push_back(line.empty() ? file : file + ":" + line);
      }
      for (pugi::xml_node note : Children(unit, "note")) {
        Note(Attribute(note, "from").value(), TextOf(note), &m);
      }
      for (pugi::xml_node alt : Children(unit, "alt-trans")) {
        if (Attribute(alt, "alttranstype").value() != std::string_view("previous-version")) {
          continue;
        }
        if (pugi::xml_attribute context = Attribute(alt, "resname")) {
          m.prev_msgctxt = context.value();
        }
        if (Attribute(alt, "extype").value() != std::string_view("x-no-previous-msgid")) {
          bool previous_raw =
              Attribute(alt, "datatype").value() == std::string_view("plaintext");
          std::string previous;
          if (!Inline(Child(alt, "source"), previous_raw, "source", &previous)) return;
          m.prev_msgid = previous;
        }
      }
    }

    // A translation whose codes differ from the source's: the rules of
    // l10n-check and l10n-merge, reported where the target is. A plain-text
    // unit is what the writer makes of a translation they refuse: it reads
    // back as it was, for the translator to mend, and l10n-check and
    // l10n-merge refuse it as they would in the PO file.
    if (!raw && !translation.empty()) {
      for (const MarkupIssue& issue : CheckMarkup(m.msgid, translation)) {
        if (!issue.blocks_merge) continue;
        ErrorAt(Offset(target), issue.message, CheckName(issue.check));
      }
    }
    units_.push_back({file_key_, id, Offset(unit)});
    catalog_->messages.push_back(std::move(m));
  }

  // msgctxt and msgid are the key of a catalog entry. Units of other tools
  // are keyed by their ids, so two may hold the same text in the same
  // context (two files, or two ids in one): each of those then has its id as
  // msgctxt, after its file's original (or 2.0 id) and '#' when the document
  // has several files. Our own files never have such a pair, and read back
  // as they were written. A unit with an empty source and no name gets its
  // id as well: the empty msgid without a context is the header.
  void DistinctKeys() {
    using Key = std::tuple<bool, std::optional<std::string>, std::string>;
    auto key = [](const Message& m) { return Key(m.obsolete, m.msgctxt, m.msgid); };
    // The units, in order, after the header when one was read.
    size_t first = header_ ? 1 : 0;
    std::vector<Message>& messages = catalog_->messages;
    std::map<Key, int> count;
    for (size_t i = first; i < messages.size(); ++i) ++count[key(messages[i])];
    bool renamed = false;
    for (size_t i = first; i < messages.size(); ++i) {
      Message& m = messages[i];
      // The empty msgid without a context is the header's key.
      if (count[key(m)] < 2 && !m.is_header()) continue;
      const UnitSource& where = units_[i - first];
      m.msgctxt = (file_count_ > 1 ? where.file + "#" : "") + where.id;
      renamed = true;
    }
    if (!renamed) return;
    // Still the same key twice (two files with one original): an error.
    std::map<Key, int> seen;
    for (size_t i = first; i < messages.size(); ++i) {
      if (++seen[key(messages[i])] != 2) continue;
      const UnitSource& where = units_[i - first];
      ErrorAt(where.offset,
              FormatUi("the entry \"{}\" is in this XLIFF file twice, with the id '{}'",
                       Shorten(messages[i].msgid), where.id),
              "duplicate");
    }
  }

  static void ApplyState(const std::string& state, const std::string& sub_state, Message* m) {
    bool empty = m->msgstr[0].empty();
    bool fuzzy = false;
    const char* kept = nullptr;
    if (sub_state == kFuzzySubState || sub_state == "poedit:fuzzy") {
      fuzzy = true;
    } else if (state == "reviewed" || state == "x-reviewed") {
      kept = "reviewed";
    } else if (state == "final") {
      kept = sub_state == kSignedOffSubState ? "signed-off" : "final";
    } else if (state == "signed-off") {
      kept = "signed-off";
    } else if (state == "needs-review-translation" || state == "needs-review-l10n" ||
               state == "needs-review-adaptation" || state == "needs-translation" ||
               state == "needs-l10n" || state == "needs-adaptation" || state == "new" ||
               state == "initial") {
      // Work still to do: a translation there is a draft.
      fuzzy = true;
    }
    if (empty) return;  // untranslated, whatever the state says
    if (fuzzy) m->SetFlag("fuzzy", true);
    if (kept) {
      m->translator_comments.insert(m->translator_comments.begin(),
                                    std::string(kStateComment) + kept);
    }
  }

  void Note(const std::string& kind, const std::string& text, Message* m) {
    if (kind == "location") {
      m->references.push_back(text);
    } else if (kind == "developer") {
      for (std::string& l : Lines(text, '\n')) m->extracted_comments.push_back(std::move(l));
    } else if (kind == "po-flags") {
      for (std::string& f : Lines(text, ',')) {
        if (!f.empty()) m->SetFlag(f, true);
      }
    } else if (kind == "previous-source") {
      m->prev_msgid = text;
    } else if (kind == "previous-context") {
      m->prev_msgctxt = text;
    } else {
      // "translator", and the notes CAT tools add.
      for (std::string& l : Lines(text, '\n')) m->translator_comments.push_back(std::move(l));
    }
  }

  std::string_view text_;
  const std::string& path_;
  Catalog* catalog_;
  DiagnosticSink* sink_;
  pugi::xml_document doc_;
  XliffVersion version_ = XliffVersion::k12;
  std::string source_lang_, target_lang_;
  bool header_ = false;
  bool ok_ = true;
  std::set<std::string> ids_;  // of the current <file>
  std::string file_key_;       // its original (1.2), or original or id (2.0)
  int file_count_ = 0;
  struct UnitSource {
    std::string file, id;
    size_t offset;
  };
  std::vector<UnitSource> units_;  // for each entry but the header, in order
  bool paired_codes_ = true;       // InlineText's reading of starts and ends
  bool crossed_ = false;
  std::vector<std::string> open_codes_;
  std::vector<size_t> line_starts_;
};

}  // namespace

bool ParseXliffVersion(std::string_view text, XliffVersion* version) {
  if (text == "1.2") {
    *version = XliffVersion::k12;
    return true;
  }
  if (text == "2.0" || text == "2.1") {
    *version = XliffVersion::k20;
    return true;
  }
  return false;
}

const char* XliffVersionName(XliffVersion version) {
  return version == XliffVersion::k12 ? "1.2" : "2.0";
}

bool IsXliffPath(std::string_view path) {
  auto ends = [&path](std::string_view s) {
    return path.size() >= s.size() && path.substr(path.size() - s.size()) == s;
  };
  return ends(".xlf") || ends(".xliff");
}

Result<std::string> WriteXliff(const Catalog& catalog, const XliffOptions& options) {
  return XliffWriter(catalog, options).Write();
}

Status WriteXliffFile(const Catalog& catalog, const XliffOptions& options,
                      const std::string& path) {
  AtomicFile file(path);
  Status status = file.Open();
  if (!status.ok()) return status;
  Result<std::string> written = XliffWriter(catalog, options, [&file](std::string_view text) {
                                  return file.Append(text);
                                }).Write();
  if (!written.ok()) return written.status();
  return file.Commit();
}

bool ReadXliff(std::string_view text, const std::string& path, Catalog* catalog,
               DiagnosticSink* sink) {
  return XliffReader(text, path, catalog, sink).Run();
}

}  // namespace l10n
