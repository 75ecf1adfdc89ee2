#include "post/html_prescan.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/ui_text.h"

namespace l10n {

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsVoidElement(std::string_view name) {
  return OneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link",
                      "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound",
                      "frame"});
}

// The elements whose content the tokenizer reads as text up to their end
// tag: raw text and RCDATA. <plaintext> has no end tag: the rest of the
// document is its text. <noscript> is markup (gumbo parses with scripting
// off).
bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "plaintext"});
}

// Start tags that close an open <p> (HTML5 "close a p element").
bool ClosesParagraph(std::string_view name) {
  return OneOf(name, {"address", "article", "aside", "blockquote", "center", "details", "dialog",
                      "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
                      "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "listing",
                      "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary",
                      "table", "ul", "li", "dd", "dt", "xmp", "plaintext"});
}

// The formatting elements of the HTML5 tree builder: the ones it keeps in
// its list of active formatting elements and reopens in later text.
bool IsFormatting(std::string_view name) {
  return OneOf(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                      "strong", "tt", "u"});
}

// Start tags that insert a marker into that list (and end tags that clear
// it back to the marker).
bool InsertsMarker(std::string_view name) {
  return OneOf(name, {"applet", "object", "marquee", "template", "td", "th", "caption"});
}

// Start tags the "in body" mode handles without reconstructing the active
// formatting elements first; every other start tag, and all text,
// reconstructs them.
bool SkipsReconstruction(std::string_view name) {
  return ClosesParagraph(name) ||
         OneOf(name, {"html", "head", "body", "frameset", "base", "basefont", "bgsound", "link",
                      "meta", "noframes", "script", "style", "template", "title", "textarea",
                      "iframe", "noembed", "noscript", "caption", "col", "colgroup", "frame",
                      "tbody", "td", "tfoot", "th", "thead", "tr", "optgroup", "option", "rb",
                      "rtc", "rp", "rt", "param", "source", "track"});
}

// The HTML5 "special" category, which stops the adoption agency's search
// for a furthest block and an "any other end tag".
bool IsSpecial(std::string_view name) {
  return OneOf(name, {"address", "applet", "area", "article", "aside", "base", "basefont",
                      "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col",
                      "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
                      "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
                      "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe",
                      "img", "input", "keygen", "li", "link", "listing", "main", "marquee",
                      "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol",
                      "p", "param", "plaintext", "pre", "script", "search", "section", "select",
                      "source", "style", "summary", "table", "tbody", "td", "template",
                      "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr",
                      "xmp", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext",
                      "annotation-xml"});
}

// Where "has an element in scope" stops looking.
bool EndsScope(std::string_view name) {
  return OneOf(name, {"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                      "template", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext",
                      "annotation-xml"});
}

// Where "has a p element in button scope" stops looking.
bool EndsButtonScope(std::string_view name) { return name == "button" || EndsScope(name); }

// Start tags that leave SVG or MathML content for HTML ("breakout").
bool BreaksOutOfForeign(std::string_view name) {
  return OneOf(name, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
                      "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
                      "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby",
                      "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
                      "ul", "var"});
}

// Inside SVG or MathML, the elements whose content is HTML again.
bool IsIntegrationPoint(std::string_view name) {
  return OneOf(name, {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext",
                      "annotation-xml"});
}

// WHATWG Encoding labels that a <meta> may declare for a UTF-8 page: the
// UTF-8 labels, and the UTF-16 ones, which the HTML encoding sniffing
// algorithm reads as UTF-8 when a meta element declares them.
bool IsUtf8Label(std::string_view label) {
  return OneOf(label, {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
                       "x-unicode20utf8", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode",
                       "unicodefeff", "utf-16", "utf-16le", "unicodefffe", "utf-16be"});
}

std::string NormalizeLabel(std::string_view label) {
  while (!label.empty() && IsSpace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsSpace(label.back())) label.remove_suffix(1);
  std::string out;
  for (char c : label) out += Lower(c);
  return out;
}

// HTML5 "extracting a character encoding from a meta element", for
// <meta http-equiv="Content-Type" content="text/html; charset=...">.
std::optional<std::string> CharsetFromContent(std::string_view content) {
  std::string lower;
  for (char c : content) lower += Lower(c);
  size_t pos = 0;
  for (;;) {
    size_t at = lower.find("charset", pos);
    if (at == std::string::npos) return std::nullopt;
    size_t i = at + 7;
    while (i < lower.size() && IsSpace(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') {
      pos = at + 7;
      continue;
    }
    ++i;
    while (i < lower.size() && IsSpace(lower[i])) ++i;
    if (i >= lower.size()) return std::nullopt;
    if (lower[i] == '"' || lower[i] == '\'') {
      size_t end = lower.find(lower[i], i + 1);
      if (end == std::string::npos) return std::nullopt;
      return std::string(content.substr(i + 1, end - i - 1));
    }
    size_t end = i;
    while (end < lower.size() && !IsSpace(lower[end]) && lower[end] != ';') ++end;
    return std::string(content.substr(i, end - i));
  }
}

struct Attribute {
  std::string name;
  std::string_view value;
};

// Prefixed to the names of SVG and MathML elements (but svg and math).
constexpr char kForeign[] = "\x01";

// Follows the tree builder's stack of open elements and its list of active
// formatting elements (HTML5 13.2.4.3, 13.2.6.4.7) closely enough to count
// what gumbo would build, in time linear in the input: the elements a post
// writes, and the ones the parser reopens for it.
class PostScanner {
 public:
  explicit PostScanner(std::string_view html) : html_(html) {}

  std::optional<InputProblem> Run();
  size_t reopened() const { return reopened_; }

 private:
  struct Element {
    std::string name;
    int serial = 0;         // its entry in alive_
    bool marker = false;    // its end clears the formatting list to a marker
    bool foreign = false;   // its content is SVG or MathML
    bool p_in_scope = false;  // a <p> at or below it, in button scope
    // The tree builder is "in table" (not in a cell or caption) above it:
    // what it holds was foster-parented.
    bool table_mode = false;
  };
  struct Entry {  // of the list of active formatting elements
    bool marker = false;
    std::string name;
    std::string signature;  // its attributes, for the Noah's Ark clause
    int serial = -1;        // the element that stands for it
    size_t offset = 0;      // its start tag, for the message
  };

  void Fail(size_t offset, std::string message) {
    if (!problem_) problem_ = InputProblem{offset, std::move(message)};
  }
  bool InForeign() const { return !open_.empty() && open_.back().foreign; }

  size_t ReadTag(size_t i, bool* self_closing, std::vector<Attribute>* attributes);
  void Push(const std::string& name, size_t offset);
  void Pop();
  void EraseEntry(size_t k) {
    if (!active_[k].marker) --entries_;
    active_.erase(active_.begin() + static_cast<long>(k));
  }
  // "Clear the list of active formatting elements up to the last marker".
  void ClearToLastMarker();
  void PopThrough(size_t index) {  // pops open_[index] and everything above it
    while (open_.size() > index) Pop();
  }
  // The index in open_ of the element `serial`, or npos.
  size_t StackIndex(int serial) const;
  void ClosePIfInButtonScope();
  // Pops through the nearest open element named one of `names`, unless
  // `stop` holds for an element above it.
  void PopThroughNearest(std::initializer_list<std::string_view> names,
                         bool (*stop)(std::string_view));
  void Reconstruct();
  void AddFormatting(const std::string& name, const std::vector<Attribute>& attributes,
                     size_t offset);
  // Counts one element the parser makes up; `blame` is the outermost
  // unclosed element it stands for, which the message names.
  void Reopened(const Entry& blame);
  // The adoption agency for an end tag `name`; false: handle it as "any
  // other end tag".
  bool AdoptionAgency(const std::string& name);
  void AnyOtherEndTag(const std::string& name);
  // True when the tokenizer reads what follows as raw text.
  bool StartTag(const std::string& name, const std::vector<Attribute>& attributes,
                bool self_closing, size_t offset);
  void EndTag(const std::string& name);
  void CheckMeta(const std::vector<Attribute>& attributes, size_t offset);

  std::string_view html_;
  std::optional<InputProblem> problem_;
  std::vector<Element> open_;
  std::vector<Entry> active_;
  std::vector<bool> alive_;  // by serial: is the element on open_?
  std::unordered_map<std::string, int> open_count_;  // open elements by name
  size_t reopened_ = 0;
  size_t entries_ = 0;  // in active_, markers aside
  bool quirks_ = true;  // until a doctype names html: then <table> closes an open <p>
};

size_t PostScanner::ReadTag(size_t i, bool* self_closing, std::vector<Attribute>* attributes) {
  // The tokenizer's attribute states: names end at whitespace, '/', '>' or
  // '='; values are quoted, or end at whitespace or '>'.
  const size_t n = html_.size();
  *self_closing = false;
  attributes->clear();
  for (;;) {
    while (i < n && IsSpace(html_[i])) ++i;
    if (i >= n) return n;
    if (html_[i] == '>') return i + 1;
    if (html_[i] == '/') {
      ++i;
      if (i < n && html_[i] == '>') {
        *self_closing = true;
        return i + 1;
      }
      continue;
    }
    size_t name_begin = i++;
    while (i < n && !IsSpace(html_[i]) && html_[i] != '/' && html_[i] != '>' && html_[i] != '=') ++i;
    Attribute attribute;
    for (size_t k = name_begin; k < i; ++k) attribute.name += Lower(html_[k]);
    size_t after = i;
    while (after < n && IsSpace(html_[after])) ++after;
    if (after < n && html_[after] == '=') {
      i = after + 1;
      while (i < n && IsSpace(html_[i])) ++i;
      if (i < n && (html_[i] == '"' || html_[i] == '\'')) {
        size_t end = html_.find(html_[i], i + 1);
        if (end == std::string_view::npos) return n;
        attribute.value = html_.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        size_t begin = i;
        while (i < n && !IsSpace(html_[i]) && html_[i] != '>') ++i;
        attribute.value = html_.substr(begin, i - begin);
      }
    }
    attributes->push_back(std::move(attribute));
  }
}

void PostScanner::Push(const std::string& name, size_t offset) {
  Element el;
  // An element of SVG or MathML content is kept under a name no HTML rule
  // knows (an SVG <td> is no cell, an SVG <object> no marker); integration
  // points keep theirs, as the scopes name them.
  el.name = InForeign() && !IsIntegrationPoint(name) ? kForeign + name : name;
  el.serial = static_cast<int>(alive_.size());
  bool parent_foreign = InForeign();
  el.marker = InsertsMarker(name) && !parent_foreign;  // an SVG <title> is no marker
  el.foreign = name == "svg" || name == "math" || (parent_foreign && !IsIntegrationPoint(name));
  const std::string& n = el.name;
  el.p_in_scope = n == "p" || (!open_.empty() && open_.back().p_in_scope && !EndsButtonScope(n));
  el.table_mode = OneOf(n, {"table", "tbody", "thead", "tfoot", "tr"}) ||
                  (!OneOf(n, {"td", "th", "caption", "template", "html"}) && !open_.empty() &&
                   open_.back().table_mode);
  alive_.push_back(true);
  ++open_count_[name];
  open_.push_back(std::move(el));
  if (open_.back().marker) active_.push_back(Entry{true, "", "", -1, offset});
  if (static_cast<int>(open_.size()) > kMaxNesting) {
    Fail(offset, FormatUi("elements nested more than {} deep", kMaxNesting));
  }
}

void PostScanner::ClearToLastMarker() {
  while (!active_.empty()) {
    bool marker = active_.back().marker;
    EraseEntry(active_.size() - 1);
    if (marker) break;
  }
}

void PostScanner::Pop() {
  Element& el = open_.back();
  alive_[el.serial] = false;
  --open_count_[el.name];
  // Closing a cell or a caption clears the list to its marker; an object,
  // applet, marquee or template only its own end tag does (AnyOtherEndTag).
  bool clears = el.marker && OneOf(el.name, {"td", "th", "caption"});
  open_.pop_back();
  if (clears) ClearToLastMarker();
}

size_t PostScanner::StackIndex(int serial) const {
  if (serial < 0 || !alive_[serial]) return std::string::npos;
  for (size_t k = open_.size(); k-- > 0;) {
    if (open_[k].serial == serial) return k;
  }
  return std::string::npos;
}

void PostScanner::ClosePIfInButtonScope() {
  if (open_.empty() || !open_.back().p_in_scope) return;
  while (!open_.empty()) {
    bool was_p = open_.back().name == "p";
    Pop();
    if (was_p) break;
  }
}

void PostScanner::PopThroughNearest(std::initializer_list<std::string_view> names,
                                    bool (*stop)(std::string_view)) {
  for (size_t k = open_.size(); k-- > 0;) {
    if (OneOf(open_[k].name, names)) {
      PopThrough(k);
      return;
    }
    if (stop(open_[k].name)) return;
  }
}

void PostScanner::Reopened(const Entry& blame) {
  if (++reopened_ > kMaxReopened) {
    Fail(blame.offset, FormatUi("'<{}>' is never closed: the HTML parser would reopen it and "
                                "other unclosed inline elements more than {} times",
                                blame.name, kMaxReopened));
  }
}

void PostScanner::Reconstruct() {
  // "Reconstruct the active formatting elements": every entry after the
  // last marker or open element gets a new element, in list order.
  if (active_.empty()) return;
  auto settled = [&](const Entry& e) { return e.marker || (e.serial >= 0 && alive_[e.serial]); };
  size_t k = active_.size();
  if (settled(active_[k - 1])) return;
  while (k > 0 && !settled(active_[k - 1])) --k;
  const size_t first = k;
  for (; k < active_.size() && !problem_; ++k) {
    Entry& entry = active_[k];
    Push(entry.name, entry.offset);
    entry.serial = open_.back().serial;
    Reopened(active_[first]);
  }
}

void PostScanner::AddFormatting(const std::string& name, const std::vector<Attribute>& attributes,
                                size_t offset) {
  // The signature: the attributes by name, the first of duplicates kept.
  std::vector<std::pair<std::string_view, std::string_view>> sorted;
  for (const Attribute& a : attributes) sorted.emplace_back(a.name, a.value);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string signature;
  for (size_t k = 0; k < sorted.size(); ++k) {
    if (k > 0 && sorted[k].first == sorted[k - 1].first) continue;
    signature.append(sorted[k].first).append(1, '\0').append(sorted[k].second).append(1, '\0');
  }
  // Noah's Ark: at most three identical entries after the last marker.
  int identical = 0;
  size_t earliest = 0;
  for (size_t k = active_.size(); k-- > 0;) {
    const Entry& e = active_[k];
    if (e.marker) break;
    if (e.name == name && e.signature == signature) {
      ++identical;
      earliest = k;
    }
  }
  if (identical >= 3) EraseEntry(earliest);
  if (++entries_ > kMaxFormatting) {
    Fail(offset, FormatUi("more than {} formatting elements ('<b>', '<i>', '<a>', ...) open at once",
                          kMaxFormatting));
    return;
  }
  Push(name, offset);
  active_.push_back(Entry{false, name, std::move(signature), open_.back().serial, offset});
}

bool PostScanner::AdoptionAgency(const std::string& name) {
  // HTML5 13.2.6.4.7, "adoption agency algorithm".
  if (!open_.empty() && open_.back().name == name) {
    int serial = open_.back().serial;
    bool listed = std::any_of(active_.begin(), active_.end(),
                              [&](const Entry& e) { return !e.marker && e.serial == serial; });
    if (!listed) {
      Pop();
      return true;
    }
  }
  for (int outer = 0; outer < 8 && !problem_; ++outer) {
    size_t fe = std::string::npos;  // the formatting element's entry
    for (size_t k = active_.size(); k-- > 0;) {
      if (active_[k].marker) break;
      if (active_[k].name == name) {
        fe = k;
        break;
      }
    }
    if (fe == std::string::npos) return outer > 0;
    size_t fe_index = StackIndex(active_[fe].serial);
    if (fe_index == std::string::npos) {
      EraseEntry(fe);
      return true;
    }
    for (size_t k = fe_index + 1; k < open_.size(); ++k) {
      if (EndsScope(open_[k].name)) return true;  // not in scope: ignored
    }
    size_t furthest = std::string::npos;
    for (size_t k = fe_index + 1; k < open_.size(); ++k) {
      if (IsSpecial(open_[k].name)) {
        furthest = k;
        break;
      }
    }
    if (furthest == std::string::npos) {
      PopThrough(fe_index);
      EraseEntry(fe);
      return true;
    }
    // Elements between the formatting element and the furthest block:
    // the listed ones (at most three) are cloned, the others closed.
    size_t bookmark = fe + 1;
    size_t node = furthest;
    bool last_is_furthest = true;
    for (int inner = 1;; ++inner) {
      --node;
      if (node == fe_index) break;
      int serial = open_[node].serial;
      size_t entry = std::string::npos;
      for (size_t k = active_.size(); k-- > 0;) {
        if (!active_[k].marker && active_[k].serial == serial) {
          entry = k;
          break;
        }
      }
      if (inner > 3 && entry != std::string::npos) {
        EraseEntry(entry);
        if (entry < bookmark) --bookmark;
        if (entry < fe) --fe;
        entry = std::string::npos;
      }
      if (entry == std::string::npos) {
        alive_[serial] = false;
        --open_count_[open_[node].name];
        open_.erase(open_.begin() + static_cast<long>(node));
        --furthest;
        continue;
      }
      // A new element for the entry, in the node's place.
      alive_[serial] = false;
      int clone = static_cast<int>(alive_.size());
      alive_.push_back(true);
      open_[node].serial = clone;
      active_[entry].serial = clone;
      Reopened(active_[fe]);
      if (last_is_furthest) bookmark = entry + 1;
      last_is_furthest = false;
    }
    // The formatting element's clone goes into the furthest block: a new
    // entry at the bookmark, a new element just above the furthest block.
    Entry clone = active_[fe];
    int old_serial = clone.serial;
    clone.serial = static_cast<int>(alive_.size());
    alive_.push_back(true);
    Reopened(clone);
    active_.insert(active_.begin() + static_cast<long>(bookmark), clone);
    ++entries_;
    EraseEntry(bookmark <= fe ? fe + 1 : fe);
    Element moved = open_[fe_index];
    alive_[old_serial] = false;
    open_.erase(open_.begin() + static_cast<long>(fe_index));
    --furthest;
    moved.serial = clone.serial;
    moved.foreign = false;
    moved.p_in_scope = open_[furthest].p_in_scope;
    open_.insert(open_.begin() + static_cast<long>(furthest) + 1, std::move(moved));
  }
  return true;
}

void PostScanner::AnyOtherEndTag(const std::string& name) {
  auto count = open_count_.find(name);
  if (count == open_count_.end() || count->second == 0) return;  // ignored
  if (name == "body" || name == "html") return;  // they close nothing
  bool special = IsSpecial(name);
  for (size_t k = open_.size(); k-- > 0;) {
    if (open_[k].name == name) {
      PopThrough(k);
      if (OneOf(name, {"applet", "marquee", "object", "template"})) ClearToLastMarker();
      return;
    }
    // Ignored: past a special element, or for a special end tag past the
    // edge of its scope.
    const std::string& n = open_[k].name;
    bool table_part = OneOf(name, {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"});
    if (table_part ? OneOf(n, {"html", "table", "template"})
        : special  ? EndsScope(n) || (name == "li" && OneOf(n, {"ol", "ul"}))
                   : IsSpecial(n)) {
      return;
    }
  }
}

void PostScanner::CheckMeta(const std::vector<Attribute>& attributes, size_t offset) {
  const Attribute* charset = nullptr;
  const Attribute* http_equiv = nullptr;
  const Attribute* content = nullptr;
  for (const Attribute& a : attributes) {
    if (a.name == "charset" && !charset) charset = &a;
    if (a.name == "http-equiv" && !http_equiv) http_equiv = &a;
    if (a.name == "content" && !content) content = &a;
  }
  std::optional<std::string> label;
  if (charset) {
    label = std::string(charset->value);
  } else if (http_equiv && content && NormalizeLabel(http_equiv->value) == "content-type") {
    label = CharsetFromContent(content->value);
  }
  if (!label) return;
  std::string normalized = NormalizeLabel(*label);
  if (IsUtf8Label(normalized)) return;
  Fail(offset, FormatUi("the post declares the encoding '{}'; posts must be UTF-8 "
                        "(<meta charset=\"utf-8\">)",
                        *label));
}

bool PostScanner::StartTag(const std::string& name, const std::vector<Attribute>& attributes,
                           bool self_closing, size_t offset) {
  if (name == "meta") CheckMeta(attributes, offset);
  if (InForeign()) {
    bool font_breaks_out =
        name == "font" && std::any_of(attributes.begin(), attributes.end(), [](const Attribute& a) {
          return a.name == "color" || a.name == "face" || a.name == "size";
        });
    if (!BreaksOutOfForeign(name) && !font_breaks_out) {
      // "/>" closes only inside SVG and MathML.
      if (!self_closing) Push(name, offset);
      return false;
    }
    while (InForeign()) Pop();
  }
  // Table parts outside a table are ignored (so they add no marker).
  bool in_table = open_count_["table"] > 0 || open_count_["template"] > 0;
  if (!in_table && OneOf(name, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
                                "thead", "tr"})) {
    return false;
  }
  if (!open_.empty() && open_.back().table_mode) {
    // "In table": a table part first closes what was foster-parented, and
    // a <table> the open one.
    if (OneOf(name, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})) {
      while (!OneOf(open_.back().name, {"table", "tbody", "thead", "tfoot", "tr", "template", "html"})) {
        Pop();
      }
    } else if (name == "table") {
      PopThroughNearest({"table"}, [](std::string_view n) { return n == "html" || n == "template"; });
    }
  }
  if (IsRawText(name)) {
    // Its content is skipped by the caller; it opens and closes here.
    if (name == "xmp" || name == "plaintext") ClosePIfInButtonScope();
    if (name == "xmp") Reconstruct();
    if (name == "plaintext") Push(name, offset);
    return true;
  }
  // Elements whose end tag is optional close their open sibling, as the
  // tree builder looks for it.
  auto list_stop = [](std::string_view n) { return IsSpecial(n) && !OneOf(n, {"address", "div", "p"}); };
  auto table_stop = [](std::string_view n) { return OneOf(n, {"html", "table", "template"}); };
  if (name == "li") {
    PopThroughNearest({"li"}, list_stop);
  } else if (name == "dd" || name == "dt") {
    PopThroughNearest({"dd", "dt"}, list_stop);
  } else if (OneOf(name, {"td", "th", "tr", "caption", "col", "colgroup", "tbody", "thead", "tfoot"})) {
    // A table part closes the open cell, and the row and section it cannot be in.
    PopThroughNearest({"td", "th"}, table_stop);
    if (name != "td" && name != "th") PopThroughNearest({"tr"}, table_stop);
    if (!OneOf(name, {"td", "th", "tr"})) PopThroughNearest({"tbody", "thead", "tfoot"}, table_stop);
  } else if (name == "option" && !open_.empty() && open_.back().name == "option") {
    Pop();
  } else if (name == "button") {
    PopThroughNearest({"button"}, EndsScope);
  }
  if (ClosesParagraph(name) && !(name == "table" && quirks_)) ClosePIfInButtonScope();
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !open_.empty()) {
    const std::string& top = open_.back().name;
    if (top.size() == 2 && top[0] == 'h' && top[1] >= '1' && top[1] <= '6') Pop();
  }
  // <svg/> and <math/> close at once.
  if ((name == "svg" || name == "math") && self_closing) {
    Reconstruct();
    return false;
  }
  if (IsVoidElement(name)) {
    if (OneOf(name, {"area", "br", "embed", "img", "image", "keygen", "wbr", "input"})) {
      Reconstruct();
    }
    return false;
  }
  if (name == "nobr") {
    // A <nobr> in scope is closed first, after the list is reconstructed.
    Reconstruct();
    if (open_count_["nobr"] > 0) {
      AdoptionAgency(name);
      Reconstruct();
    }
  } else if (name == "a") {
    // A second <a> first closes the open one: the adoption agency, then
    // that element leaves the list and the stack if still there.
    int serial = -1;
    for (size_t k = active_.size(); k-- > 0 && !active_[k].marker;) {
      if (active_[k].name == name) {
        serial = active_[k].serial;
        break;
      }
    }
    if (serial >= 0) {
      AdoptionAgency(name);
      for (size_t k = active_.size(); k-- > 0;) {
        if (!active_[k].marker && active_[k].serial == serial) {
          EraseEntry(k);
          break;
        }
      }
      size_t index = StackIndex(serial);
      if (index != std::string::npos) {
        alive_[serial] = false;
        --open_count_[name];
        open_.erase(open_.begin() + static_cast<long>(index));
      }
    }
  }
  if (!SkipsReconstruction(name)) Reconstruct();
  if (problem_) return false;
  if (IsFormatting(name)) {
    AddFormatting(name, attributes, offset);
  } else {
    Push(name, offset);
  }
  return false;
}

void PostScanner::EndTag(const std::string& name) {
  if (InForeign()) {
    // In SVG or MathML: the open foreign element of that name, if any
    // before the HTML content around it.
    std::string foreign = kForeign + name;
    for (size_t k = open_.size(); k-- > 0 && open_[k].foreign;) {
      if (open_[k].name == foreign || open_[k].name == name) {
        PopThrough(k);
        return;
      }
    }
  }
  if (name == "br") {  // </br> is read as <br>
    Reconstruct();
    return;
  }
  if (name == "p") {
    ClosePIfInButtonScope();
    return;
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    // Any heading's end tag closes the open heading, whatever its level.
    PopThroughNearest({"h1", "h2", "h3", "h4", "h5", "h6"}, EndsScope);
    return;
  }
  if (IsFormatting(name)) {
    if (!AdoptionAgency(name)) AnyOtherEndTag(name);
    return;
  }
  AnyOtherEndTag(name);
}

std::optional<InputProblem> PostScanner::Run() {
  const size_t n = html_.size();
  std::string name;
  std::vector<Attribute> attributes;
  size_t i = 0;
  size_t text_begin = 0;  // text not yet seen by the tree builder
  auto text = [&](size_t end) {
    // Character tokens: in body they reconstruct the formatting elements;
    // whitespace does not where a table or the head holds it.
    bool blank = true;
    for (size_t k = text_begin; k < end && blank; ++k) blank = IsSpace(html_[k]);
    if (text_begin < end && !InForeign() &&
        !(blank && !open_.empty() &&
          (open_.back().table_mode || OneOf(open_.back().name, {"head", "colgroup", "select"})))) {
      Reconstruct();
    }
  };
  while (i < n && !problem_) {
    size_t lt = html_.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    bool end_tag = i < n && html_[i] == '/';
    bool tag = end_tag ? i + 1 < n && IsAsciiLetter(html_[i + 1]) : i < n && IsAsciiLetter(html_[i]);
    bool markup = i < n && (html_[i] == '!' || html_[i] == '?' || (end_tag && !tag));
    if (!tag && !markup) continue;  // a '<' in the text
    text(lt);
    if (html_.compare(lt, 4, "<!--") == 0) {
      if (html_.compare(lt, 5, "<!-->") == 0) {
        i = lt + 5;
      } else if (html_.compare(lt, 6, "<!--->") == 0) {
        i = lt + 6;
      } else {
        size_t end = html_.find("-->", lt + 4);
        i = end == std::string_view::npos ? n : end + 3;
      }
      text_begin = i;
      continue;
    }
    if (markup) {  // doctype, bogus comment, "</>"
      size_t end = html_.find('>', i);
      std::string head;
      for (size_t k = i; k < std::min({end, i + 14, n}); ++k) head += Lower(html_[k]);
      if (head.compare(0, 8, "!doctype") == 0) {
        size_t k = 8;
        while (k < head.size() && IsSpace(head[k])) ++k;
        quirks_ = head.compare(k, 4, "html") != 0;
      }
      i = end == std::string_view::npos ? n : end + 1;
      text_begin = i;
      continue;
    }
    if (end_tag) ++i;
    name.clear();
    while (i < n && !IsSpace(html_[i]) && html_[i] != '/' && html_[i] != '>') name += Lower(html_[i++]);
    bool self_closing = false;
    i = ReadTag(i, &self_closing, &attributes);
    text_begin = i;
    if (i >= n && html_[n - 1] != '>') break;  // a tag cut off by the end is dropped
    if (attributes.size() > kMaxAttributes) {
      // gumbo compares every attribute with the ones before it.
      Fail(lt, FormatUi("more than {} attributes on one element", kMaxAttributes));
      break;
    }
    if (end_tag) {
      EndTag(name);
      continue;
    }
    if (!StartTag(name, attributes, self_closing, lt) || problem_) continue;
    if (name == "plaintext") {  // the rest of the document is its text
      text_begin = i;
      text(n);
      break;
    }
    // Raw text: up to "</name" followed by whitespace, '/' or '>'.
    size_t end = i;
    for (;;) {
      end = html_.find("</", end);
      if (end == std::string_view::npos) break;
      size_t k = 0;
      while (k < name.size() && end + 2 + k < n && Lower(html_[end + 2 + k]) == name[k]) ++k;
      size_t after = end + 2 + k;
      if (k == name.size() && (after >= n || IsSpace(html_[after]) || html_[after] == '/' ||
                               html_[after] == '>')) {
        break;
      }
      end += 2;
    }
    i = end == std::string_view::npos ? n : end;
    text_begin = i;
  }
  if (!problem_) text(n);
  return problem_;
}

}  // namespace

std::optional<InputProblem> PrescanHtml(std::string_view html, size_t* reopened) {
  PostScanner scanner(html);
  std::optional<InputProblem> problem = scanner.Run();
  if (reopened) *reopened = scanner.reopened();
  return problem;
}

}  // namespace l10n
