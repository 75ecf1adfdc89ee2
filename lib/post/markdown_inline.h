// The inline layer of the Markdown segmenter (markdown_segmenter.h): the
// md4c callbacks of one leaf block, whose texts point into the source,
// become pieces with exact source ranges. Texts are where md4c says; a
// code span, an image or an autolink is taken whole; every marker gets
// the bytes of the gap between two texts that are its own: closers from
// the gap's left ("**", "](url \"title\")"), openers from its right ("[",
// "_"), a line break what is left (its newline and the next line's
// prefix). Nothing is guessed: a byte left over, or a marker whose bytes
// are not the characters it must be, and the block is refused.
#ifndef L10N_POST_MARKDOWN_INLINE_H_
#define L10N_POST_MARKDOWN_INLINE_H_

#include <md4c.h>

#include <string>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

// One md4c callback inside a leaf block, with its place in the source.
struct MdItem {
  enum Type { kText, kSoftBr, kBr, kEnter, kLeave } type = kText;
  MD_TEXTTYPE text_type = MD_TEXT_NORMAL;
  MD_SPANTYPE span = MD_SPAN_EM;
  Range range;          // kText: its bytes in the source
  std::string decoded;  // kText
  size_t href = 0;      // kEnter of a link or image: where its URL starts (npos: elsewhere)
};

// A piece of a leaf after code spans, images and autolinks are whole: text
// with a known range (an anchor), or a marker between anchors whose range
// is found from its neighbours.
struct MdNode {
  enum Type { kText, kCode, kHtml, kImage, kAutolink, kSoftBr, kBr, kOpen, kClose } type;
  MD_SPANTYPE span = MD_SPAN_EM;
  Range range;
  std::string decoded;
  Range title;  // a link's or image's title (empty: none); quote at title.begin - 1
  Range alt;    // kImage
  std::string alt_text;
  size_t partner = 0;  // kOpen: its kClose; kClose: its kOpen
  bool label = false;  // a kClose of "[text]" or "[text][]": the text is its reference
  bool anchor() const { return type <= kAutolink; }
};

// The pieces of a leaf block from its callbacks, `src` the whole post and
// `begin` where its body starts; false when the block's bytes cannot all be
// accounted for. A heading's trailing attributes ("{#id}", Hugo) are left
// out of it.
bool ResolveMarkdownInline(std::string_view src, size_t begin, const std::vector<MdItem>& items,
                           bool heading, std::vector<MdNode>* nodes);

// The tag name of raw inline HTML ("<kbd>", "</kbd>": "kbd"), or "html".
std::string HtmlTagName(std::string_view html);

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_INLINE_H_
