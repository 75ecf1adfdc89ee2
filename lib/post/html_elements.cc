#include "post/html_elements.h"

#include <cctype>
#include <cstddef>

namespace l10n {

// Elements whose content is never extracted. The raw text elements (script,
// style, xmp, iframe, noembed, noframes, and plaintext, which runs to the end
// of the document) and the RCDATA element textarea are among them: their text
// is not HTML, so an escaped translation would show as "&lt;b&gt;". The
// other RCDATA element, title, is a unit: its entities are decoded as in
// any text, and merge's escaping reads back the same.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_OUTPUT:
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
    case GUMBO_TAG_TITLE:
      return UnitKind::kTitle;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return UnitKind::kHeading;
    case GUMBO_TAG_P:
      return inherited == UnitKind::kQuote ? UnitKind::kQuote : UnitKind::kParagraph;
    case GUMBO_TAG_LI:
      return UnitKind::kListItem;
    case GUMBO_TAG_DT:
      return UnitKind::kTerm;
    case GUMBO_TAG_DD:
      return UnitKind::kDefinition;
    case GUMBO_TAG_TH:
      return UnitKind::kTableHeader;
    case GUMBO_TAG_TD:
      return UnitKind::kTableCell;
    case GUMBO_TAG_CAPTION:
      return UnitKind::kTableCaption;
    case GUMBO_TAG_FIGCAPTION:
      return UnitKind::kFigureCaption;
    case GUMBO_TAG_BLOCKQUOTE:
      return UnitKind::kQuote;
    default:
      return inherited == UnitKind::kQuote ? UnitKind::kQuote : UnitKind::kBlock;
  }
}

const GumboAttribute* Attr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name);
}

std::string TagName(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.empty() ? "span" : name;
}

bool HasStartTag(const GumboElement& el) {
  constexpr unsigned kMadeUp = GUMBO_INSERTION_BY_PARSER |
                               GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                               GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
  // GumboElement lives inside its GumboNode (a C struct), which has the flags.
  const GumboNode* node = reinterpret_cast<const GumboNode*>(reinterpret_cast<const char*>(&el) -
                                                             offsetof(GumboNode, v));
  return el.original_tag.length > 0 && (node->parse_flags & kMadeUp) == 0;
}

bool HasOwnEndTag(const GumboElement& el) {
  if (el.original_end_tag.length < 3) return false;
  std::string name = TagName(el);
  std::string_view end(el.original_end_tag.data, el.original_end_tag.length);
  if (end.size() < name.size() + 2) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(end[i + 2])) != name[i]) return false;
  }
  return true;
}

bool InRcdata(const GumboNode* node) {
  const GumboNode* parent = node->parent;
  return parent && parent->type == GUMBO_NODE_ELEMENT &&
         (parent->v.element.tag == GUMBO_TAG_TITLE || parent->v.element.tag == GUMBO_TAG_TEXTAREA);
}

}  // namespace l10n
