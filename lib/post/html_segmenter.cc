#include "post/html_segmenter.h"

#include <gumbo.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "base/ui_text.h"
#include "post/category_link.h"
#include "unit/datetime.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Elements whose content is never extracted. The raw text elements (script,
// style, xmp, iframe, noembed, noframes, and plaintext, which runs to the end
// of the document) and the RCDATA element textarea are among them: their text
// is not HTML, so an escaped translation would show as "&lt;b&gt;". The
// other RCDATA element, title, is a unit: its entities are decoded as in
// any text, and merge's escaping reads back the same.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_PRE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_B:
    case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_BIG: case GUMBO_TAG_BR:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_IMG:
    case GUMBO_TAG_KBD: case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_DEL: case GUMBO_TAG_INS: case GUMBO_TAG_RUBY: case GUMBO_TAG_RT:
    case GUMBO_TAG_RP: case GUMBO_TAG_LABEL: case GUMBO_TAG_INPUT: case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_METER: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_OUTPUT:
      return true;
    default:
      return false;
  }
}

bool IsVoid(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_WBR || tag == GUMBO_TAG_IMG ||
         tag == GUMBO_TAG_INPUT;
}

UnitKind KindOf(GumboTag tag, UnitKind inherited) {
  switch (tag) {
    case GUMBO_TAG_TITLE: return UnitKind::kTitle;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return UnitKind::kHeading;
    case GUMBO_TAG_P: return inherited == UnitKind::kQuote ? UnitKind::kQuote : UnitKind::kParagraph;
    case GUMBO_TAG_LI: return UnitKind::kListItem;
    case GUMBO_TAG_DT: return UnitKind::kTerm;
    case GUMBO_TAG_DD: return UnitKind::kDefinition;
    case GUMBO_TAG_TH: return UnitKind::kTableHeader;
    case GUMBO_TAG_TD: return UnitKind::kTableCell;
    case GUMBO_TAG_CAPTION: return UnitKind::kTableCaption;
    case GUMBO_TAG_FIGCAPTION: return UnitKind::kFigureCaption;
    case GUMBO_TAG_BLOCKQUOTE: return UnitKind::kQuote;
    default:
      return inherited == UnitKind::kQuote ? UnitKind::kQuote : UnitKind::kBlock;
  }
}

const GumboAttribute* Attr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name);
}

bool HasToken(const char* list, std::string_view token) {
  std::string_view s(list);
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && IsHtmlSpace(s[pos])) ++pos;
    size_t end = pos;
    while (end < s.size() && !IsHtmlSpace(s[end])) ++end;
    std::string_view word = s.substr(pos, end - pos);
    if (word.size() == token.size() &&
        std::equal(word.begin(), word.end(), token.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
    pos = end;
  }
  return false;
}

// Collapses runs of HTML whitespace to one space and trims both ends.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// At most 40 bytes of `s`, cut at a character boundary, "..." when cut.
std::string Excerpt(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  size_t end = 40;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end)) + "...";
}

// `s` without HTML whitespace at either end.
std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsHtmlSpace(s[b])) ++b;
  while (e > b && IsHtmlSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

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
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c > 0 && u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return true;
  }
  return false;
}

std::string TagName(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.empty() ? "span" : name;
}

// A piece of a unit's msgid before placeholder names are final.
struct Piece {
  enum Type { kText, kOpen, kClose, kSelfClosing } type;
  std::string text;       // kText; a shortcode tag: its decoded text
  size_t placeholder = 0;  // other types
  // A shortcode tag: 1 + the innermost paired placeholder open around it
  // (0: none), so that only tags of one scope pair up.
  bool shortcode = false;
  size_t scope = 0;
};

// A WordPress shortcode tag in source text (get_shortcode_regex).
struct ShortcodeTag {
  size_t begin = 0;
  size_t end = 0;
  std::string name;
  bool closing = false;       // [/name]
  bool self_closing = false;  // [name ... /]
};

bool IsShortcodeNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

// The tag starting at s[j] == '[', if it is one: "[name attrs]",
// "[name attrs /]" or "[/name]". Attributes hold no ']', and a '/' only when
// no ']' follows it.
std::optional<ShortcodeTag> ParseShortcodeTag(std::string_view s, size_t j) {
  ShortcodeTag tag;
  tag.begin = j;
  size_t k = j + 1;
  if (k < s.size() && s[k] == '/') {
    tag.closing = true;
    ++k;
  }
  size_t name_begin = k;
  while (k < s.size() && IsShortcodeNameChar(s[k])) ++k;
  if (k == name_begin) return std::nullopt;
  tag.name = std::string(s.substr(name_begin, k - name_begin));
  if (tag.closing) {
    if (k >= s.size() || s[k] != ']') return std::nullopt;
    tag.end = k + 1;
    return tag;
  }
  for (; k < s.size(); ++k) {
    if (s[k] == ']') {
      tag.end = k + 1;
      return tag;
    }
    if (s[k] == '/' && k + 1 < s.size() && s[k + 1] == ']') {
      tag.self_closing = true;
      tag.end = k + 2;
      return tag;
    }
  }
  return std::nullopt;
}

// The shortcode tags of source text, in order. "[[name]]" is WordPress's
// escape for the literal text "[name]": no tag.
std::vector<ShortcodeTag> FindShortcodeTags(std::string_view s) {
  std::vector<ShortcodeTag> tags;
  // Every tag ends with a ']': none starts after the last one (and a failed
  // tag never scans past it, so the search is linear).
  size_t last = s.rfind(']');
  if (last == std::string_view::npos) return tags;
  s = s.substr(0, last + 1);
  size_t i = s.find('[');
  while (i != std::string_view::npos && i < s.size()) {
    if (i + 1 < s.size() && s[i + 1] == '[') {
      std::optional<ShortcodeTag> inner = ParseShortcodeTag(s, i + 1);
      if (inner && !inner->closing && inner->end < s.size() && s[inner->end] == ']') {
        i = s.find('[', inner->end + 1);
        continue;
      }
      i = i + 1;  // a literal '[' before a possible tag
      continue;
    }
    if (std::optional<ShortcodeTag> tag = ParseShortcodeTag(s, i)) {
      size_t end = tag->end;
      tags.push_back(std::move(*tag));
      i = s.find('[', end);
      continue;
    }
    i = s.find('[', i + 1);
  }
  return tags;
}

// Source text (of a text node outside RCDATA) decoded as the HTML parser
// decodes it: entities, newlines, NUL.
std::string DecodeHtmlText(std::string_view source) {
  if (source.find_first_of("&\r", 0) == std::string_view::npos &&
      source.find('\0') == std::string_view::npos) {
    return std::string(source);
  }
  std::string doc = "<body><div>";
  doc += source;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, doc.data(), doc.size());
  std::string out;
  const GumboNode* node = output->root;
  // html > body > div
  for (int depth = 0; depth < 2 && node; ++depth) {
    const GumboVector& children = node->v.element.children;
    const GumboNode* next = nullptr;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_ELEMENT &&
          c->v.element.tag == (depth == 0 ? GUMBO_TAG_BODY : GUMBO_TAG_DIV)) {
        next = c;
        break;
      }
    }
    node = next;
  }
  if (node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) out += c->v.text.text;
    }
  }
  gumbo_destroy_output(&options, output);
  return out;
}

class Segmenter {
 public:
  Segmenter(std::string_view html, const std::string& path, const SegmentOptions& options,
            DiagnosticSink* sink)
      : html_(html), path_(path), options_(options), sink_(sink) {
    size_t slash = path.find_last_of('/');
    slug_ = path.substr(slash == std::string::npos ? 0 : slash + 1);
    size_t dot = slug_.rfind('.');
    if (dot != std::string::npos && dot > 0) slug_.resize(dot);
    line_starts_.push_back(0);
    for (size_t i = 0; i < html.size(); ++i) {
      if (html[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Segmentation Run() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    // A byte order mark is no text (the HTML encoding sniffing algorithm
    // takes it off before tokenizing); gumbo would read it as text before
    // the doctype and imply an <html> without our lang. Offsets stay those
    // of the whole input, so merge copies the mark with the other bytes.
    if (html_.substr(0, 3) == "\xEF\xBB\xBF") base_ = 3;
    GumboOutput* output =
        gumbo_parse_with_options(&options, html_.data() + base_, html_.size() - base_);
    FindLang(output->root);
    Walk(output->root, UnitKind::kBlock, true, std::nullopt);
    gumbo_destroy_output(&options, output);
    std::stable_sort(result_.units.begin(), result_.units.end(),
                     [](const Unit& a, const Unit& b) { return a.range.begin < b.range.begin; });
    // Foster parenting can move text out of source order; a unit whose
    // source overlaps the previous one cannot be replaced safely: drop it.
    std::vector<Unit> kept;
    size_t last_end = 0;
    for (Unit& u : result_.units) {
      if (u.range.begin > u.range.end) continue;
      if (!kept.empty() && u.range.begin < last_end && !u.is_attribute) continue;
      if (!u.is_attribute) last_end = std::max(last_end, u.range.end);
      kept.push_back(std::move(u));
    }
    result_.units = std::move(kept);
    return std::move(result_);
  }

 private:
  size_t Offset(const char* p) const { return static_cast<size_t>(p - html_.data()); }

  void Locate(size_t offset, int* line, int* column) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
    *line = static_cast<int>(index) + 1;
    *column = static_cast<int>(offset - line_starts_[index]) + 1;
  }

  // False for elements the parser made up (implied html/body/tbody, and
  // formatting elements it reconstructed or cloned): their original_tag, if
  // any, belongs to another element.
  static bool HasStartTag(const GumboElement& el) {
    constexpr unsigned kMadeUp = GUMBO_INSERTION_BY_PARSER |
                                 GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                 GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
    // GumboElement lives inside its GumboNode (a C struct), which has the flags.
    const GumboNode* node = reinterpret_cast<const GumboNode*>(
        reinterpret_cast<const char*>(&el) - offsetof(GumboNode, v));
    return el.original_tag.length > 0 && (node->parse_flags & kMadeUp) == 0;
  }

  bool HasOwnEndTag(const GumboElement& el) const {
    if (el.original_end_tag.length < 3) return false;
    std::string name = TagName(el);
    std::string_view end(el.original_end_tag.data, el.original_end_tag.length);
    if (end.size() < name.size() + 2) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(end[i + 2])) != name[i]) return false;
    }
    return true;
  }

  // Where a node's source begins / ends; elements the parser inserted have
  // no bytes of their own and span their children.
  size_t NodeBegin(const GumboNode* node) const {
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& el = node->v.element;
      if (HasStartTag(el)) return Offset(el.original_tag.data);
      if (el.children.length > 0) return NodeBegin(static_cast<GumboNode*>(el.children.data[0]));
      return base_ + el.start_pos.offset;
    }
    if (node->v.text.original_text.data) return Offset(node->v.text.original_text.data);
    return base_ + node->v.text.start_pos.offset;
  }

  size_t NodeEnd(const GumboNode* node) const {
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& el = node->v.element;
      if (HasOwnEndTag(el)) return Offset(el.original_end_tag.data) + el.original_end_tag.length;
      // Remembered: every placeholder of 1,000 nested unclosed elements
      // asks for the end of the ones inside it.
      auto cached = end_cache_.find(node);
      if (cached != end_cache_.end()) return cached->second;
      size_t end = HasStartTag(el) ? Offset(el.original_tag.data) + el.original_tag.length
                                   : base_ + el.start_pos.offset;
      for (unsigned i = 0; i < el.children.length; ++i) {
        end = std::max(end, NodeEnd(static_cast<GumboNode*>(el.children.data[i])));
      }
      end_cache_.emplace(node, end);
      return end;
    }
    return NodeBegin(node) + node->v.text.original_text.length;
  }

  Range StartTag(const GumboElement& el) const {
    if (!HasStartTag(el)) return {};
    size_t b = Offset(el.original_tag.data);
    return {b, b + el.original_tag.length};
  }

  Range EndTag(const GumboElement& el) const {
    if (!HasOwnEndTag(el)) return {};
    size_t b = Offset(el.original_end_tag.data);
    return {b, b + el.original_end_tag.length};
  }

  void FindLang(const GumboNode* root) {
    if (root->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = root->v.element;
    if (!HasStartTag(el)) return;
    result_.has_lang_edit = true;
    const GumboAttribute* lang = Attr(el, "lang");
    // gumbo gives a valueless attribute its name as original_value.
    bool valueless = lang && lang->value[0] == '\0' &&
                     !(lang->original_value.length >= 2 && (lang->original_value.data[0] == '"' ||
                                                            lang->original_value.data[0] == '\''));
    if (valueless) {
      // "<html lang>" or "<html lang=>": no value to replace, so the
      // attribute as written is (found by tests/fuzz, segment target).
      size_t b = Offset(lang->original_name.data);
      size_t e = b + lang->original_name.length;
      size_t k = e;
      while (k < html_.size() && IsHtmlSpace(html_[k])) ++k;
      if (k < html_.size() && html_[k] == '=') e = k + 1;
      result_.lang = lang->value;
      result_.lang_range = {b, e};
    } else if (lang) {
      result_.lang = lang->value;
      result_.lang_attribute_present = true;
      result_.lang_range = ValueRange(*lang, nullptr);
    } else {
      // Insert after "<html".
      size_t at = Offset(el.original_tag.data) + 5;
      result_.lang_range = {at, at};
    }
  }

  // The range of an attribute's value without quotes; *quote receives the
  // quote character or 0.
  Range ValueRange(const GumboAttribute& attr, char* quote) const {
    size_t b = Offset(attr.original_value.data);
    size_t e = b + attr.original_value.length;
    char q = 0;
    if (attr.original_value.length >= 2 &&
        (attr.original_value.data[0] == '"' || attr.original_value.data[0] == '\'')) {
      q = attr.original_value.data[0];
      ++b;
      --e;
    }
    if (quote) *quote = q;
    return {b, e};
  }

  void Walk(const GumboNode* node, UnitKind kind, bool translate,
            std::optional<std::string> context) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
      WalkChildren(node->v.document.children, kind, translate, context);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return;
    bool prose_pre = el.tag == GUMBO_TAG_PRE && IsProsePre(el);
    if (IsSkipped(el.tag) && !prose_pre) return;
    UpdateScope(el, &translate, &context);
    if (translate) CollectAttributes(el, context);
    if (prose_pre) ++pre_depth_;
    WalkChildren(el.children, prose_pre ? UnitKind::kPreformatted : KindOf(el.tag, kind),
                 translate, context);
    if (prose_pre) --pre_depth_;
  }

  bool IsProsePre(const GumboElement& el) const {
    const GumboAttribute* cls = Attr(el, "class");
    if (!cls) return false;
    for (std::string c : options_.prose_pre_classes) {
      for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (HasToken(cls->value, c)) return true;
    }
    return false;
  }

  void UpdateScope(const GumboElement& el, bool* translate,
                   std::optional<std::string>* context) const {
    if (const GumboAttribute* t = Attr(el, "translate")) {
      std::string v = t->value;
      for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (v == "no") *translate = false;
      if (v == "yes" || v.empty()) *translate = true;
    }
    if (const GumboAttribute* c = Attr(el, "data-l10n-context")) *context = std::string(c->value);
  }

  bool ContainsBlock(const GumboNode* node) const {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    auto cached = block_cache_.find(node);  // asked again at every level of the walk
    if (cached != block_cache_.end()) return cached->second;
    const GumboElement& el = node->v.element;
    bool block = false;
    bool nested = false;  // only then is it worth remembering
    for (unsigned i = 0; i < el.children.length && !block; ++i) {
      const GumboNode* child = static_cast<GumboNode*>(el.children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      nested = true;
      block = !IsInline(child->v.element.tag) || ContainsBlock(child);
    }
    if (nested) block_cache_.emplace(node, block);
    return block;
  }

  bool IsInlineNode(const GumboNode* node) const {
    switch (node->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
      case GUMBO_NODE_COMMENT:
        return true;
      case GUMBO_NODE_ELEMENT:
        return IsInline(node->v.element.tag) && !ContainsBlock(node);
      default:
        return false;
    }
  }

  void WalkChildren(const GumboVector& children, UnitKind kind, bool translate,
                    const std::optional<std::string>& context) {
    std::vector<const GumboNode*> run;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* child = static_cast<GumboNode*>(children.data[i]);
      if (IsInlineNode(child)) {
        run.push_back(child);
        continue;
      }
      FlushRun(&run, kind, translate, context);
      Walk(child, kind, translate, context);
    }
    FlushRun(&run, kind, translate, context);
  }

  static bool IsBlankText(const GumboNode* node) {
    if (node->type == GUMBO_NODE_COMMENT) return true;
    if (node->type == GUMBO_NODE_WHITESPACE) return true;
    if (node->type != GUMBO_NODE_TEXT && node->type != GUMBO_NODE_CDATA) return false;
    for (const char* p = node->v.text.text; *p; ++p) {
      if (!IsHtmlSpace(*p)) return false;
    }
    return true;
  }

  // True for a node that stays outside the unit at its edge: blank text, a
  // comment, or a void element (whose attributes are still units).
  bool TrimEdge(const GumboNode* node, const std::optional<std::string>& context) {
    if (IsBlankText(node)) return true;
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML || !IsVoid(el.tag) || !HasStartTag(el)) {
      return false;
    }
    bool translate = true;
    std::optional<std::string> inner = context;
    UpdateScope(el, &translate, &inner);
    if (translate) CollectAttributes(el, inner);
    return true;
  }

  // An element whose only content is a run of inline nodes that is wholly
  // wrapped in one plain paired element (<li><a href>Home</a></li>) gives the
  // unit "Home": the wrapper stays outside the unit.
  const GumboNode* SoleWrapper(const std::vector<const GumboNode*>& run) const {
    const GumboNode* sole = nullptr;
    for (const GumboNode* n : run) {
      if (IsBlankText(n)) continue;
      if (sole) return nullptr;
      sole = n;
    }
    if (!sole || sole->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboElement& el = sole->v.element;
    if (IsVoid(el.tag) || IsSkipped(el.tag) || !HasStartTag(el) || !HasOwnEndTag(el)) return nullptr;
    if (el.tag == GUMBO_TAG_TIME || el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE) return nullptr;
    if (el.tag == GUMBO_TAG_A) {
      const GumboAttribute* rel = Attr(el, "rel");
      if (rel && HasToken(rel->value, "category")) return nullptr;
    }
    if (const GumboAttribute* t = Attr(el, "translate")) {
      if (std::string_view(t->value) == "no") return nullptr;
    }
    if (Attr(el, "data-l10n-context")) return nullptr;
    return sole;
  }

  void FlushRun(std::vector<const GumboNode*>* run, UnitKind kind, bool translate,
                const std::optional<std::string>& context) {
    if (run->empty()) return;
    std::vector<const GumboNode*> nodes;
    nodes.swap(*run);
    if (!translate) return;
    // Trim blank nodes and void elements (<td><br>Wrap me.<br><br></td>)
    // at both ends, then take off a wrapper around the rest, and again.
    size_t first = 0, last = nodes.size();
    for (;;) {
      while (first < last && TrimEdge(nodes[first], context)) ++first;
      while (last > first && TrimEdge(nodes[last - 1], context)) --last;
      std::vector<const GumboNode*> rest(nodes.begin() + first, nodes.begin() + last);
      const GumboNode* wrapper = SoleWrapper(rest);
      if (!wrapper) break;
      CollectAttributes(wrapper->v.element, context);
      const GumboVector& children = wrapper->v.element.children;
      nodes.assign(reinterpret_cast<GumboNode**>(children.data),
                   reinterpret_cast<GumboNode**>(children.data) + children.length);
      first = 0;
      last = nodes.size();
    }
    if (first == last) return;

    // The parser may have put the nodes out of source order (misnested
    // markup, the adoption agency): the unit's bytes would not be its text,
    // so it stays as it is (found by tests/fuzz, segment target).
    for (size_t i = first, end = 0; i < last; ++i) {
      if (NodeBegin(nodes[i]) < end || NodeEnd(nodes[i]) < NodeBegin(nodes[i])) return;
      end = NodeEnd(nodes[i]);
    }

    Unit unit;
    unit.kind = kind;
    unit.context = context;
    pieces_.clear();
    unit_placeholders_.clear();
    open_.clear();
    lost_end_tag_.reset();
    for (size_t i = first; i < last; ++i) AppendInline(nodes[i], context);
    if (lost_end_tag_) {
      // Mis-nested inline markup (<b>two <i>three</b> four</i>): an end tag
      // closes an element the parser reopened, which no placeholder stands
      // for. A rebuilt unit would lose that end tag and leave its element
      // open for the rest of the page, so the text stays as it is.
      const GumboStringPiece& tag = *lost_end_tag_;
      int line, column;
      Locate(Offset(tag.data), &line, &column);
      sink_->Warning(path_, line, column,
                     FormatUi("mis-nested inline markup: '{}' closes an element the HTML parser "
                              "reopened; this text is left untranslated",
                              std::string_view(tag.data, tag.length)));
      unit_placeholders_.clear();
      return;
    }

    // Range: from the first non-blank byte to one past the last.
    size_t begin = NodeBegin(nodes[first]);
    size_t end = NodeEnd(nodes[last - 1]);
    while (begin < end && IsHtmlSpace(html_[begin])) ++begin;
    while (end > begin && IsHtmlSpace(html_[end - 1])) --end;
    unit.range = {begin, end};
    Locate(begin, &unit.line, &unit.column);
    FinishUnit(std::move(unit));
  }

  size_t AddPlaceholder(Placeholder p) {
    unit_placeholders_.push_back(std::move(p));
    return unit_placeholders_.size() - 1;
  }

  void AppendText(std::string_view text) {
    if (pieces_.empty() || pieces_.back().type != Piece::kText) {
      pieces_.push_back({Piece::kText, std::string(), 0});
    }
    AppendUnitText(text, &pieces_.back().text);
  }

  std::string VisibleText(const GumboNode* node) const {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      return node->v.text.text;
    }
    std::string out;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& el = node->v.element;
      if (el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE) return out;
      for (unsigned i = 0; i < el.children.length; ++i) {
        out += VisibleText(static_cast<GumboNode*>(el.children.data[i]));
      }
    }
    return out;
  }

  // True when the pieces since the last placeholder, which must be a
  // category, hold only list punctuation: the next category link joins it.
  bool ContinuesCategoryList() const {
    for (auto it = pieces_.rbegin(); it != pieces_.rend(); ++it) {
      if (it->type == Piece::kText) {
        std::string t = Collapse(it->text);
        if (!(t.empty() || t == "," || t == ";" || t == "/" || t == "|" || t == "·")) return false;
        continue;
      }
      return it->type == Piece::kSelfClosing &&
             unit_placeholders_[it->placeholder].kind == Placeholder::Kind::kCategory;
    }
    return false;
  }

  void AppendInline(const GumboNode* node, const std::optional<std::string>& context) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
        if (options_.shortcodes && !InRcdata(node) && AppendShortcodes(node)) return;
        AppendText(node->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        AppendText(node->v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
        break;
      case GUMBO_NODE_COMMENT: {
        // Inside a unit a comment is markup the page needs (WordPress's
        // <!--more-->, <!--nextpage-->, block delimiters): a placeholder
        // copied from the source. At the unit's edges it stays outside.
        Placeholder p;
        p.kind = Placeholder::Kind::kComment;
        p.name = "comment";
        p.element = {NodeBegin(node), NodeEnd(node)};
        p.verbatim_text = Collapse(node->v.text.text);
        pieces_.push_back({Piece::kSelfClosing, "", AddPlaceholder(std::move(p))});
        return;
      }
      default:
        return;
    }
    const GumboElement& el = node->v.element;
    if (!HasStartTag(el) && el.tag_namespace == GUMBO_NAMESPACE_HTML && !IsSkipped(el.tag)) {
      // Inserted by the parser (a formatting element reconstructed after an
      // unclosed <a/> or <b>): it has no bytes of its own, so it is no
      // placeholder; its content is part of the unit. Unless an end tag in
      // the source closes it: then the unit cannot be rebuilt (FlushRun).
      if (HasOwnEndTag(el) && !lost_end_tag_) lost_end_tag_ = el.original_end_tag;
      for (unsigned i = 0; i < el.children.length; ++i) {
        AppendInline(static_cast<GumboNode*>(el.children.data[i]), context);
      }
      return;
    }
    std::string name = TagName(el);
    bool translate = true;
    std::optional<std::string> inner_context = context;
    UpdateScope(el, &translate, &inner_context);

    Placeholder p;
    p.name = name;
    p.start_tag = StartTag(el);
    p.end_tag = EndTag(el);
    p.element = {NodeBegin(node), NodeEnd(node)};

    if (!translate || IsSkipped(el.tag) || el.tag == GUMBO_TAG_SCRIPT ||
        el.tag == GUMBO_TAG_STYLE || el.tag_namespace != GUMBO_NAMESPACE_HTML) {
      p.kind = Placeholder::Kind::kOpaque;
      p.verbatim_text = Collapse(VisibleText(node));
      pieces_.push_back({Piece::kSelfClosing, "", AddPlaceholder(std::move(p))});
      return;
    }
    CollectAttributes(el, inner_context);
    if (IsVoid(el.tag)) {
      p.kind = Placeholder::Kind::kVoid;
      pieces_.push_back({Piece::kSelfClosing, "", AddPlaceholder(std::move(p))});
      return;
    }
    if (el.tag == GUMBO_TAG_TIME) {
      if (const GumboAttribute* dt = Attr(el, "datetime")) {
        if (ParseDatetime(dt->value)) {
          p.kind = Placeholder::Kind::kDate;
          p.datetime = dt->value;
          p.name = "time";
          pieces_.push_back({Piece::kSelfClosing, "", AddPlaceholder(std::move(p))});
          return;
        }
        int line, column;
        Locate(Offset(dt->original_value.data), &line, &column);
        sink_->Warning(path_, line, column,
                       FormatUi("'{}' is not a date; the element is kept as text",
                                   dt->value));
      }
    }
    if (el.tag == GUMBO_TAG_A) {
      const GumboAttribute* rel = Attr(el, "rel");
      if (rel && HasToken(rel->value, "category")) {
        CategoryLink link;
        link.start_tag = p.start_tag;
        link.end_tag = p.end_tag;
        link.label = Collapse(VisibleText(node));
        const GumboAttribute* href = Attr(el, "href");
        link.slug = CategorySlug(href ? href->value : "", link.label);
        if (ContinuesCategoryList()) {
          while (pieces_.back().type == Piece::kText) pieces_.pop_back();
          Placeholder& list = unit_placeholders_[pieces_.back().placeholder];
          list.element.end = p.element.end;
          list.categories.push_back(std::move(link));
          return;
        }
        p.kind = Placeholder::Kind::kCategory;
        p.name = "category";
        p.categories.push_back(std::move(link));
        pieces_.push_back({Piece::kSelfClosing, "", AddPlaceholder(std::move(p))});
        return;
      }
    }
    p.kind = Placeholder::Kind::kPaired;
    size_t index = AddPlaceholder(std::move(p));
    pieces_.push_back({Piece::kOpen, "", index});
    open_.push_back(index);
    for (unsigned i = 0; i < el.children.length; ++i) {
      AppendInline(static_cast<GumboNode*>(el.children.data[i]), inner_context);
    }
    open_.pop_back();
    pieces_.push_back({Piece::kClose, "", index});
  }

  static bool InRcdata(const GumboNode* node) {
    const GumboNode* parent = node->parent;
    return parent && parent->type == GUMBO_NODE_ELEMENT &&
           (parent->v.element.tag == GUMBO_TAG_TITLE || parent->v.element.tag == GUMBO_TAG_TEXTAREA);
  }

  // A text node with shortcode tags: the text between them, and each tag as
  // a protected placeholder (paired up in FinishUnit). False when it has none.
  bool AppendShortcodes(const GumboNode* node) {
    const GumboText& text = node->v.text;
    if (!text.original_text.data) return false;
    std::string_view source(text.original_text.data, text.original_text.length);
    std::vector<ShortcodeTag> tags = FindShortcodeTags(source);
    if (!options_.shortcode_names.empty()) {
      const std::vector<std::string>& names = options_.shortcode_names;
      tags.erase(std::remove_if(tags.begin(), tags.end(),
                                [&names](const ShortcodeTag& t) {
                                  return std::find(names.begin(), names.end(), t.name) ==
                                         names.end();
                                }),
                 tags.end());
    }
    if (tags.empty()) return false;
    size_t base = Offset(text.original_text.data);
    size_t pos = 0;
    for (ShortcodeTag& tag : tags) {
      if (tag.begin > pos) AppendText(DecodeHtmlText(source.substr(pos, tag.begin - pos)));
      Placeholder p;
      p.kind = Placeholder::Kind::kOpaque;
      p.name = "shortcode";
      p.element = {base + tag.begin, base + tag.end};
      p.start_tag = p.element;
      std::string decoded = DecodeHtmlText(source.substr(tag.begin, tag.end - tag.begin));
      p.verbatim_text = decoded;
      p.shortcode = tag.name;
      p.shortcode_closing = tag.closing;
      p.shortcode_self_closing = tag.self_closing;
      Piece piece{Piece::kSelfClosing, std::move(decoded), AddPlaceholder(std::move(p))};
      piece.shortcode = true;
      piece.scope = open_.empty() ? 0 : open_.back() + 1;
      pieces_.push_back(std::move(piece));
      pos = tag.end;
    }
    if (pos < source.size()) AppendText(DecodeHtmlText(source.substr(pos)));
    return true;
  }

  // WordPress's pairing: an opening tag takes the first closing tag of its
  // name after it, and what lies between is its content (where its own tags
  // pair likewise). Paired within one scope, the two are one paired
  // placeholder, <shortcode>..</shortcode>; a closing tag without an opening
  // one is text, as WordPress shows it.
  void PairShortcodes(const std::vector<size_t>& tags, std::vector<bool>* dead) {
    // The closing tags of each name, in order, to find the first after an
    // opening tag in O(log n); ranges on a stack, not recursion: 100,000
    // nested shortcodes must not overflow it.
    std::unordered_map<std::string, std::vector<size_t>> closers;
    for (size_t k = 0; k < tags.size(); ++k) {
      const Placeholder& p = unit_placeholders_[pieces_[tags[k]].placeholder];
      if (p.shortcode_closing) closers[p.shortcode].push_back(k);
    }
    std::vector<std::pair<size_t, size_t>> ranges = {{0, tags.size()}};
    while (!ranges.empty()) {
      auto [i, hi] = ranges.back();
      ranges.pop_back();
      while (i < hi) {
        Piece& opener = pieces_[tags[i]];
        Placeholder& p = unit_placeholders_[opener.placeholder];
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
        Placeholder& closing = unit_placeholders_[closer.placeholder];
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
  void ResolveShortcodes() {
    std::vector<size_t> tags;
    for (size_t i = 0; i < pieces_.size(); ++i) {
      if (pieces_[i].shortcode) tags.push_back(i);
    }
    if (tags.empty()) return;
    std::vector<bool> dead(unit_placeholders_.size(), false);
    PairShortcodes(tags, &dead);
    std::vector<size_t> remap(unit_placeholders_.size());
    std::vector<Placeholder> kept;
    for (size_t i = 0; i < unit_placeholders_.size(); ++i) {
      remap[i] = kept.size();
      if (!dead[i]) kept.push_back(std::move(unit_placeholders_[i]));
    }
    unit_placeholders_ = std::move(kept);
    for (Piece& piece : pieces_) {
      if (piece.type != Piece::kText) piece.placeholder = remap[piece.placeholder];
    }
  }

  void FinishUnit(Unit unit) {
    ResolveShortcodes();
    // Name the placeholders: the tag name, numbered in order of appearance
    // when a name occurs more than once in the unit.
    // Counted in a map: a unit may hold 100,000 <br>s.
    if (unit_placeholders_.size() > 1) {
      std::unordered_map<std::string, int> total, seen;
      for (const Placeholder& p : unit_placeholders_) ++total[p.name];
      for (Placeholder& p : unit_placeholders_) {
        if (total[p.name] > 1) p.name += std::to_string(++seen[p.name]);
      }
    }
    std::string raw;
    std::string words;  // the text outside placeholders, to look for letters
    for (const Piece& piece : pieces_) {
      switch (piece.type) {
        case Piece::kText:
          raw += piece.text;
          words += UnescapeUnitText(piece.text);
          break;
        case Piece::kOpen:
          raw += '<' + unit_placeholders_[piece.placeholder].name + '>';
          break;
        case Piece::kClose:
          raw += "</" + unit_placeholders_[piece.placeholder].name + '>';
          break;
        case Piece::kSelfClosing:
          raw += '<' + unit_placeholders_[piece.placeholder].name + "/>";
          break;
      }
    }
    // Inside a prose <pre> whitespace is the poem's: only the ends are
    // trimmed, as the unit's range is.
    unit.text = pre_depth_ > 0 ? Trim(raw) : Collapse(raw);
    unit.placeholders = std::move(unit_placeholders_);
    unit_placeholders_.clear();
    // Words are letters (Unicode's Alphabetic property) once entities are
    // decoded: "2017", "&lt;", "—" have none; a URL on its own is an
    // address, not text.
    unit.translatable = HasLetter(words) && !IsOnlyUrl(words);
    if (!unit.translatable && !unit.HasDynamicPlaceholders()) return;
    unit.note = MakeNote(unit);
    result_.units.push_back(std::move(unit));
  }

  std::string MakeNote(const Unit& unit) const {
    std::string note = fmt::format("{}, {}", UnitKindName(unit.kind), slug_);
    for (const Placeholder& p : unit.placeholders) {
      switch (p.kind) {
        case Placeholder::Kind::kDate:
          // Not the date itself: the entry may stand for a post of every day.
          note += fmt::format("\n<{}/> is a date, written out in your language",
                              p.name);
          break;
        case Placeholder::Kind::kCategory:
          note += fmt::format("\n<{}/> is the list of categories, written out in your language",
                              p.name);
          break;
        case Placeholder::Kind::kComment:
          note += fmt::format("\n<{}/> is the HTML comment <!--{}-->: keep it", p.name,
                              Excerpt(p.verbatim_text));
          break;
        case Placeholder::Kind::kPaired:
          if (!p.shortcode.empty()) {
            note += fmt::format("\n<{0}>...</{0}> is the shortcode {1}: keep it", p.name,
                                Excerpt(p.verbatim_text));
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

  void CollectAttributes(const GumboElement& el, const std::optional<std::string>& context) {
    if (!HasStartTag(el)) return;
    // A pragma (<meta http-equiv="refresh" content="0;url=...">) or an
    // encoding declaration is an instruction to the browser, whatever other
    // attributes say: a translator must not control it.
    if (el.tag == GUMBO_TAG_META && (Attr(el, "http-equiv") || Attr(el, "charset"))) return;
    for (unsigned i = 0; i < el.attributes.length; ++i) {
      const GumboAttribute* attr = static_cast<GumboAttribute*>(el.attributes.data[i]);
      std::string_view name = attr->name;
      UnitKind kind;
      if (name == "alt") {
        kind = UnitKind::kAltText;
      } else if (name == "title") {
        kind = UnitKind::kTitleText;
      } else if (name == "aria-label" || name == "placeholder") {
        kind = UnitKind::kLabelText;
      } else if (name == "content" && el.tag == GUMBO_TAG_META) {
        const GumboAttribute* which = Attr(el, "name");
        if (!which) which = Attr(el, "property");
        if (!which) continue;
        std::string w = which->value;
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (w != "description" && w != "og:title" && w != "og:description" &&
            w != "twitter:title" && w != "twitter:description") {
          continue;
        }
        kind = UnitKind::kMetaText;
      } else {
        continue;
      }
      if (attr->original_value.length == 0) continue;
      Unit unit;
      unit.kind = kind;
      unit.context = context;
      unit.is_attribute = true;
      std::string text;
      AppendUnitText(attr->value, &text);
      unit.text = Collapse(text);
      if (!HasLetter(attr->value) || IsOnlyUrl(attr->value)) continue;
      unit.range = ValueRange(*attr, &unit.quote);
      if (unit.quote) {
        while (unit.range.begin < unit.range.end && IsHtmlSpace(html_[unit.range.begin])) {
          ++unit.range.begin;
        }
        while (unit.range.end > unit.range.begin && IsHtmlSpace(html_[unit.range.end - 1])) {
          --unit.range.end;
        }
      }
      Locate(unit.range.begin, &unit.line, &unit.column);
      unit.note = MakeNote(unit);
      result_.units.push_back(std::move(unit));
    }
  }

  std::string_view html_;
  const std::string& path_;
  const SegmentOptions& options_;
  DiagnosticSink* sink_;
  std::string slug_;
  std::vector<size_t> line_starts_;
  Segmentation result_;
  size_t base_ = 0;  // where gumbo's input begins: after a byte order mark
  mutable std::unordered_map<const GumboNode*, size_t> end_cache_;   // NodeEnd
  mutable std::unordered_map<const GumboNode*, bool> block_cache_;  // ContainsBlock
  std::vector<Piece> pieces_;
  std::vector<Placeholder> unit_placeholders_;
  std::vector<size_t> open_;  // paired placeholders open where AppendInline is
  int pre_depth_ = 0;         // inside a prose <pre>
  std::optional<GumboStringPiece> lost_end_tag_;  // see FlushRun
};

}  // namespace

std::vector<std::string> ShortcodeTagsIn(std::string_view text, const SegmentOptions& options) {
  std::vector<std::string> out;
  if (!options.shortcodes) return out;
  for (const ShortcodeTag& t : FindShortcodeTags(text)) {
    const std::vector<std::string>& names = options.shortcode_names;
    if (!names.empty() && std::find(names.begin(), names.end(), t.name) == names.end()) continue;
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

Segmentation SegmentHtml(std::string_view html, const std::string& path, DiagnosticSink* sink) {
  return SegmentHtml(html, path, SegmentOptions(), sink);
}

Segmentation SegmentHtml(std::string_view html, const std::string& path,
                         const SegmentOptions& options, DiagnosticSink* sink) {
  Segmenter segmenter(html, path, options, sink);
  return segmenter.Run();
}

}  // namespace l10n
