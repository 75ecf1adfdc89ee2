#include "post/markdown_segmenter.h"

#include <md4c.h>

#include <algorithm>
#include <optional>

#include "post/markdown_escape.h"
#include "post/unit_builder.h"
#include "unit/unit_text.h"

namespace l10n {

LineMap::LineMap(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

void LineMap::Locate(size_t offset, int* line, int* column) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t index = static_cast<size_t>(it - starts_.begin()) - 1;
  *line = static_cast<int>(index + 1);
  *column = static_cast<int>(offset - starts_[index] + 1);
}

std::vector<Range> FindHugoShortcodes(std::string_view text, size_t begin) {
  std::vector<Range> found;
  size_t i = begin;
  while ((i = text.find("{{", i)) != std::string_view::npos) {
    if (i + 2 >= text.size() || (text[i + 2] != '<' && text[i + 2] != '%')) {
      i += 2;
      continue;
    }
    std::string close = std::string(1, text[i + 2] == '<' ? '>' : '%') + "}}";
    size_t end = text.find(close, i + 3);
    if (end == std::string_view::npos) break;
    found.push_back({i, end + 3});
    i = end + 3;
  }
  return found;
}

namespace {

// One md4c callback inside a leaf block, with its place in the source.
struct Item {
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
struct Node {
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

bool IsOpen(const Node& n) { return n.type == Node::kOpen; }
bool IsBreak(const Node& n) { return n.type == Node::kSoftBr || n.type == Node::kBr; }

constexpr size_t kNpos = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of a link's or image's tail from its ']' at `pos`: "](url
// "title")", "][ref]", "[]" or "]" alone; npos when it is none of them.
size_t ScanLinkTail(std::string_view s, size_t pos, Range* title) {
  *title = {};
  if (pos >= s.size() || s[pos] != ']') return kNpos;
  size_t i = pos + 1;
  if (i < s.size() && s[i] == '(') {
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size() && s[i] == '<') {
      while (i < s.size() && s[i] != '>') i += s[i] == '\\' ? 2 : 1;
      if (i >= s.size()) return kNpos;
      ++i;
    } else {
      int depth = 0;
      while (i < s.size() && !IsSpace(s[i])) {
        if (s[i] == '\\') {
          i += 2;
          continue;
        }
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && depth-- == 0) break;
        ++i;
      }
    }
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) {
      char close = s[i] == '(' ? ')' : s[i];
      size_t start = ++i;
      while (i < s.size() && s[i] != close) i += s[i] == '\\' ? 2 : 1;
      if (i >= s.size()) return kNpos;
      *title = {start, i};
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
    }
    if (i >= s.size() || s[i] != ')') return kNpos;
    return i + 1;
  }
  if (i < s.size() && s[i] == '[') {
    while (i < s.size() && s[i] != ']') i += s[i] == '\\' ? 2 : 1;
    return i < s.size() ? i + 1 : kNpos;
  }
  return pos + 1;
}

std::string HtmlTagName(std::string_view html) {
  std::string name;
  size_t i = 1;
  if (i < html.size() && html[i] == '/') ++i;
  while (i < html.size() &&
         ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z') ||
          (html[i] >= '0' && html[i] <= '9'))) {
    name += static_cast<char>(html[i] | 0x20);
    ++i;
  }
  return name.empty() ? "html" : name;
}

class Segmenter {
 public:
  Segmenter(std::string_view text, size_t begin, const std::string& slug, const LineMap& lines,
            std::vector<Unit>* units)
      : src_(text), begin_(begin), slug_(slug), lines_(lines), units_(units) {}

  void Run() {
    shortcodes_ = FindHugoShortcodes(src_, begin_);
    // md4c reads a copy whose shortcodes are letters, so that their
    // punctuation is never Markdown; offsets are the source's.
    copy_.assign(src_.substr(begin_));
    for (const Range& r : shortcodes_) {
      for (size_t i = r.begin; i < r.end; ++i) {
        if (copy_[i - begin_] != '\n') copy_[i - begin_] = 'x';
      }
    }
    MD_PARSER parser = {};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                   MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_TASKLISTS;
    parser.enter_block = [](MD_BLOCKTYPE t, void*, void* self) {
      return static_cast<Segmenter*>(self)->EnterBlock(t);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* self) {
      return static_cast<Segmenter*>(self)->LeaveBlock(t);
    };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* self) {
      return static_cast<Segmenter*>(self)->Span(t, d, true);
    };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* self) {
      return static_cast<Segmenter*>(self)->Span(t, d, false);
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* self) {
      return static_cast<Segmenter*>(self)->Text(t, p, n);
    };
    md_parse(copy_.data(), static_cast<MD_SIZE>(copy_.size()), &parser, this);
    Flush();
  }

 private:
  int EnterBlock(MD_BLOCKTYPE t) {
    Flush();
    blocks_.push_back(t);
    return 0;
  }
  int LeaveBlock(MD_BLOCKTYPE) {
    Flush();
    if (!blocks_.empty()) blocks_.pop_back();
    return 0;
  }

  // The offset in the source of a pointer into the copy, or npos.
  size_t OffsetOf(const MD_CHAR* p, size_t n) const {
    if (p < copy_.data() || p + n > copy_.data() + copy_.size()) return kNpos;
    return begin_ + static_cast<size_t>(p - copy_.data());
  }

  int Span(MD_SPANTYPE t, void* detail, bool enter) {
    if (Suppressed()) return 0;
    Item item;
    item.type = enter ? Item::kEnter : Item::kLeave;
    item.span = t;
    item.href = kNpos;
    if (enter && t == MD_SPAN_A) {
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      item.href = OffsetOf(d->href.text, d->href.size);
    } else if (enter && t == MD_SPAN_IMG) {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      item.href = OffsetOf(d->src.text, d->src.size);
    }
    items_.push_back(std::move(item));
    return 0;
  }

  int Text(MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n) {
    if (Suppressed()) return 0;
    Item item;
    if (t == MD_TEXT_SOFTBR || t == MD_TEXT_BR) {
      item.type = t == MD_TEXT_BR ? Item::kBr : Item::kSoftBr;
      items_.push_back(std::move(item));
      return 0;
    }
    size_t at = OffsetOf(p, n);
    if (at == kNpos) {
      failed_ = true;
      return 0;
    }
    item.text_type = t;
    item.range = {at, at + n};
    if (t == MD_TEXT_ENTITY) {
      item.decoded = DecodeMarkdownEntity(src_.substr(at, n));
    } else if (t == MD_TEXT_NULLCHAR) {
      item.decoded = "\xEF\xBF\xBD";
    } else {
      item.decoded.assign(src_.substr(at, n));
      // A backslash escape: the backslash is the text's too.
      if (n == 1 && at > begin_ && src_[at - 1] == '\\' && t == MD_TEXT_NORMAL &&
          (items_.empty() || items_.back().type != Item::kText || items_.back().range.end < at)) {
        item.range.begin = at - 1;
      }
    }
    items_.push_back(std::move(item));
    return 0;
  }

  bool Suppressed() const {
    for (MD_BLOCKTYPE b : blocks_) {
      if (b == MD_BLOCK_CODE || b == MD_BLOCK_HTML) return true;
    }
    return false;
  }

  UnitKind Kind() const {
    UnitKind kind = UnitKind::kParagraph;
    for (MD_BLOCKTYPE b : blocks_) {
      if (b == MD_BLOCK_QUOTE) kind = UnitKind::kQuote;
      if (b == MD_BLOCK_LI) kind = UnitKind::kListItem;
    }
    if (blocks_.empty()) return kind;
    switch (blocks_.back()) {
      case MD_BLOCK_H:
        return UnitKind::kHeading;
      case MD_BLOCK_TH:
        return UnitKind::kTableHeader;
      case MD_BLOCK_TD:
        return UnitKind::kTableCell;
      default:
        return kind;
    }
  }

  void Flush() {
    if (!items_.empty() && !failed_) {
      std::vector<Node> nodes;
      if (MakeNodes(&nodes) && PlaceMarkers(&nodes)) {
        if (Kind() == UnitKind::kHeading) DropHeadingAttributes(&nodes);
        Emit(nodes);
      }
    }
    items_.clear();
    failed_ = false;
  }

  // A heading's attributes ("## Hours {#hours}", Hugo's Goldmark) are not
  // text: the unit ends before them.
  void DropHeadingAttributes(std::vector<Node>* nodes) const {
    if (nodes->empty() || nodes->back().type != Node::kText) return;
    Node& n = nodes->back();
    std::string_view bytes = src_.substr(n.range.begin, n.range.end - n.range.begin);
    size_t brace = bytes.rfind('{');
    if (brace == kNpos || bytes.back() != '}' || bytes != n.decoded || brace + 1 >= bytes.size() ||
        (bytes[brace + 1] != '#' && bytes[brace + 1] != '.'))
      return;
    size_t end = brace;
    while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) --end;
    if (end == 0) return;
    n.range.end = n.range.begin + end;
    n.decoded.resize(end);
  }

  // Texts of a code span, an image or an autolink until its leave item,
  // from items_[*i] (its enter item); *i ends on the leave item.
  bool Gather(size_t* i, std::vector<const Item*>* texts) {
    int depth = 0;
    for (; *i < items_.size(); ++*i) {
      const Item& it = items_[*i];
      if (it.type == Item::kEnter) ++depth;
      if (it.type == Item::kLeave && --depth == 0) return true;
      if (it.type == Item::kText) texts->push_back(&it);
    }
    return false;
  }

  size_t SkipBack(size_t pos, std::string_view chars) const {
    while (pos > begin_ && chars.find(src_[pos - 1]) != kNpos) --pos;
    return pos;
  }
  size_t SkipForward(size_t pos, std::string_view chars) const {
    while (pos < src_.size() && chars.find(src_[pos]) != kNpos) ++pos;
    return pos;
  }

  bool MakeNodes(std::vector<Node>* nodes) {
    std::vector<size_t> open;
    for (size_t i = 0; i < items_.size(); ++i) {
      const Item& it = items_[i];
      Node n{};
      if (it.type == Item::kText) {
        n.type = it.text_type == MD_TEXT_HTML ? Node::kHtml : Node::kText;
        n.range = it.range;
        n.decoded = it.decoded;
      } else if (it.type == Item::kSoftBr || it.type == Item::kBr) {
        n.type = it.type == Item::kBr ? Node::kBr : Node::kSoftBr;
      } else if (it.type == Item::kEnter && it.span == MD_SPAN_CODE) {
        std::vector<const Item*> texts;
        if (!Gather(&i, &texts) || texts.empty()) return false;
        size_t b = SkipBack(texts.front()->range.begin, " \n");
        size_t e = SkipForward(texts.back()->range.end, " \n");
        size_t ticks_b = b - SkipBack(b, "`");
        size_t ticks_e = SkipForward(e, "`") - e;
        if (ticks_b == 0 || ticks_b != ticks_e) return false;
        n.type = Node::kCode;
        n.range = {b - ticks_b, e + ticks_e};
        for (const Item* t : texts) n.decoded += t->decoded;
      } else if (it.type == Item::kEnter && it.span == MD_SPAN_IMG) {
        size_t href = it.href;
        std::vector<const Item*> texts;
        if (!Gather(&i, &texts)) return false;
        size_t b, alt_end;  // after "![", and the ']'
        if (!texts.empty()) {
          b = SkipBack(texts.front()->range.begin, "*_~");
          alt_end = SkipForward(texts.back()->range.end, "*_~");
          n.alt = {texts.front()->range.begin, texts.back()->range.end};
          for (const Item* t : texts) n.alt_text += t->decoded;
        } else {
          if (href == kNpos || href < begin_ + 4) return false;
          b = src_[href - 1] == '<' ? href - 3 : href - 2;
          alt_end = b;
        }
        if (b < begin_ + 2 || src_.substr(b - 2, 2) != "![") return false;
        n.type = Node::kImage;
        size_t end = ScanLinkTail(src_, alt_end, &n.title);
        if (end == kNpos) return false;
        n.range = {b - 2, end};
      } else if (it.type == Item::kEnter && it.span == MD_SPAN_A && i + 1 < items_.size() &&
                 items_[i + 1].type == Item::kText && items_[i + 1].range.begin > begin_ &&
                 src_[items_[i + 1].range.begin - 1] != '[') {
        // An autolink, <https://...> or www.example.com: its text is its URL.
        std::vector<const Item*> texts;
        if (!Gather(&i, &texts) || texts.empty()) return false;
        size_t b = texts.front()->range.begin;
        size_t e = texts.back()->range.end;
        if (b > begin_ && src_[b - 1] == '<') {
          if (e >= src_.size() || src_[e] != '>') return false;
          --b;
          ++e;
        }
        n.type = Node::kAutolink;
        n.range = {b, e};
        n.decoded.assign(src_.substr(b, e - b));
      } else if (it.type == Item::kEnter) {
        n.type = Node::kOpen;
        n.span = it.span;
        open.push_back(nodes->size());
      } else {
        if (open.empty()) return false;
        n.type = Node::kClose;
        n.span = it.span;
        n.partner = open.back();
        (*nodes)[open.back()].partner = nodes->size();
        open.pop_back();
      }
      nodes->push_back(std::move(n));
    }
    return open.empty();
  }

  // The marker's length at a gap's left (a closer) from `pos`, or npos.
  size_t CloserEnd(Node* n, const std::vector<Node>& nodes, size_t pos) {
    auto run = [&](std::string_view chars, size_t len) {
      if (pos + len > src_.size()) return kNpos;
      for (size_t k = 0; k < len; ++k) {
        if (chars.find(src_[pos + k]) == kNpos || src_[pos + k] != src_[pos]) return kNpos;
      }
      return pos + len;
    };
    switch (n->span) {
      case MD_SPAN_EM:
        return run("*_", 1);
      case MD_SPAN_STRONG:
        return run("*_", 2);
      case MD_SPAN_DEL: {
        const Range& o = nodes[n->partner].range;
        return run("~", o.end - o.begin);
      }
      case MD_SPAN_A: {
        Range title;
        size_t end = ScanLinkTail(src_, pos, &title);
        n->title = title;
        n->label = end == pos + 1 || (end == pos + 3 && src_.substr(pos, 3) == "][]");
        return end;
      }
      default:
        return kNpos;
    }
  }

  // The marker's start at a gap's right (an opener) ending at `pos`, or npos.
  size_t OpenerBegin(const Node& n, size_t pos) const {
    auto run = [&](std::string_view chars, size_t len) {
      if (pos < begin_ + len) return kNpos;
      for (size_t k = 1; k <= len; ++k) {
        if (chars.find(src_[pos - k]) == kNpos || src_[pos - k] != src_[pos - 1]) return kNpos;
      }
      return pos - len;
    };
    switch (n.span) {
      case MD_SPAN_EM:
        return run("*_", 1);
      case MD_SPAN_STRONG:
        return run("*_", 2);
      case MD_SPAN_DEL:
        return run("~", pos >= begin_ + 2 && src_[pos - 2] == '~' ? 2 : 1);
      case MD_SPAN_A:
        return run("[", 1);
      default:
        return kNpos;
    }
  }

  // Gives each marker its bytes: closers from the left of their gap,
  // openers from its right, a line break the rest. False when a byte is
  // left over or two markers would overlap.
  bool PlaceMarkers(std::vector<Node>* nodes) {
    size_t prev_end = kNpos;  // end of the previous anchor
    size_t i = 0;
    while (i <= nodes->size()) {
      size_t j = i;
      while (j < nodes->size() && !(*nodes)[j].anchor()) ++j;
      // Markers i..j-1 between the previous anchor and anchor j.
      size_t k = i;
      size_t left = prev_end;
      while (k < j && (*nodes)[k].type == Node::kClose) {
        if (left == kNpos) return false;
        size_t end = CloserEnd(&(*nodes)[k], *nodes, left);
        if (end == kNpos) return false;
        (*nodes)[k].range = {left, end};
        left = end;
        ++k;
      }
      size_t breaks = k;
      while (k < j && IsBreak((*nodes)[k])) ++k;
      size_t right = j < nodes->size() ? (*nodes)[j].range.begin : kNpos;
      for (size_t o = j; o > k; --o) {
        Node& n = (*nodes)[o - 1];
        if (!IsOpen(n) || right == kNpos) return false;
        size_t b = OpenerBegin(n, right);
        if (b == kNpos) return false;
        n.range = {b, right};
        right = b;
      }
      if (left != kNpos && right != kNpos) {
        if (left > right) return false;
        std::string_view middle = src_.substr(left, right - left);
        if (breaks == k) {
          if (!middle.empty()) return false;
        } else {
          if (k - breaks != 1 || middle.find('\n') == kNpos ||
              middle.find_first_not_of(" \t\r\n>\\") != kNpos)
            return false;
          (*nodes)[breaks].range = {left, right};
        }
      } else if (breaks != k) {
        return false;
      }
      if (j == nodes->size()) break;
      prev_end = (*nodes)[j].range.end;
      if (j + 1 < nodes->size() && (*nodes)[j + 1].anchor() &&
          (*nodes)[j + 1].range.begin != prev_end)
        return false;
      i = j + 1;
    }
    return true;
  }

  void Emit(const std::vector<Node>& nodes) {
    Unit unit;
    unit.kind = Kind();
    size_t begin = kNpos, end = 0;
    for (const Node& n : nodes) {
      begin = std::min(begin, n.range.begin);
      end = std::max(end, n.range.end);
    }
    if (begin == kNpos || begin >= end) return;
    UnitBuilder b;
    b.Clear();
    std::vector<size_t> index(nodes.size());
    std::vector<Unit> attributes;
    // Adjacent texts are one piece: "\\&" and "amp;" read "&amp;".
    std::string pending;
    auto flush = [&] {
      if (!pending.empty()) b.AppendText(pending);
      pending.clear();
    };
    for (size_t i = 0; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      Placeholder p;
      if (n.type == Node::kText || n.type == Node::kSoftBr) {
        if (n.type == Node::kSoftBr) {
          pending += ' ';
        } else if (!AppendWithShortcodes(n, &pending, &b)) {
          return;
        }
        continue;
      }
      flush();
      switch (n.type) {
        case Node::kText:
        case Node::kSoftBr:
          break;
        case Node::kBr:
          p.kind = Placeholder::Kind::kVoid;
          p.name = "br";
          p.start_tag = n.range;
          b.AddSelfClosing(std::move(p));
          break;
        case Node::kCode:
        case Node::kHtml:
        case Node::kAutolink:
          p.kind = Placeholder::Kind::kOpaque;
          p.name = n.type == Node::kCode       ? "code"
                   : n.type == Node::kAutolink ? "a"
                                               : HtmlTagName(n.decoded);
          p.element = n.range;
          p.verbatim_text = n.decoded;
          b.AddSelfClosing(std::move(p));
          break;
        case Node::kImage:
          p.kind = Placeholder::Kind::kVoid;
          p.name = "img";
          p.start_tag = n.range;
          b.AddSelfClosing(std::move(p));
          AddAttribute(UnitKind::kAltText, n.alt, n.alt_text, ']', &attributes);
          AddTitle(n.title, &attributes);
          break;
        case Node::kOpen: {
          if (nodes[n.partner].label) {
            // A shortcut or collapsed reference: its text names the link
            // definition, a translation would break it. Kept as it is.
            Range whole{n.range.begin, nodes[n.partner].range.end};
            p.kind = Placeholder::Kind::kOpaque;
            p.name = "a";
            p.element = whole;
            p.verbatim_text.assign(src_.substr(whole.begin, whole.end - whole.begin));
            b.AddSelfClosing(std::move(p));
            i = n.partner;
            break;
          }
          p.kind = Placeholder::Kind::kPaired;
          p.name = n.span == MD_SPAN_STRONG ? "strong"
                   : n.span == MD_SPAN_EM   ? "em"
                   : n.span == MD_SPAN_DEL  ? "del"
                                            : "a";
          p.start_tag = n.range;
          p.end_tag = nodes[n.partner].range;
          index[i] = b.Open(std::move(p));
          break;
        }
        case Node::kClose:
          b.Close(index[n.partner]);
          if (n.span == MD_SPAN_A) AddTitle(n.title, &attributes);
          break;
      }
    }
    flush();
    unit.range = {begin, end};
    lines_.Locate(begin, &unit.line, &unit.column);
    if (b.Finish(false, &unit)) {
      unit.note = UnitNote(unit, slug_);
      units_->push_back(std::move(unit));
    }
    for (Unit& a : attributes) units_->push_back(std::move(a));
  }

  // The text of `n` to `pending`, its shortcodes to `b` as placeholders.
  bool AppendWithShortcodes(const Node& n, std::string* pending, UnitBuilder* b) {
    auto it = std::lower_bound(shortcodes_.begin(), shortcodes_.end(), n.range.begin,
                               [](const Range& r, size_t pos) { return r.end <= pos; });
    if (it == shortcodes_.end() || it->begin >= n.range.end) {
      *pending += n.decoded;
      return true;
    }
    if (n.range.end - n.range.begin != n.decoded.size()) return false;  // an escape or entity
    size_t pos = n.range.begin;
    for (; it != shortcodes_.end() && it->begin < n.range.end; ++it) {
      if (it->begin < pos || it->end > n.range.end) return false;
      pending->append(src_.substr(pos, it->begin - pos));
      b->AppendText(*pending);
      pending->clear();
      Placeholder p;
      p.kind = Placeholder::Kind::kOpaque;
      p.name = "shortcode";
      p.element = *it;
      p.verbatim_text.assign(src_.substr(it->begin, it->end - it->begin));
      b->AddSelfClosing(std::move(p));
      pos = it->end;
    }
    pending->append(src_.substr(pos, n.range.end - pos));
    return true;
  }

  void AddTitle(const Range& title, std::vector<Unit>* out) {
    if (title.empty()) return;
    std::string decoded = UnescapeMarkdown(src_.substr(title.begin, title.end - title.begin));
    AddAttribute(UnitKind::kTitleText, title, decoded, src_[title.begin - 1], out);
  }

  void AddAttribute(UnitKind kind, const Range& range, const std::string& decoded, char quote,
                    std::vector<Unit>* out) {
    if (range.empty() || !HasWords(decoded)) return;
    Unit u;
    u.kind = kind;
    u.is_attribute = true;
    u.quote = quote;
    u.range = range;
    std::string collapsed;
    for (char c : decoded) {
      bool space = IsSpace(c);
      if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed += space ? ' ' : c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    AppendUnitText(collapsed, &u.text);
    lines_.Locate(range.begin, &u.line, &u.column);
    u.note = UnitNote(u, slug_);
    out->push_back(std::move(u));
  }

  std::string_view src_;
  size_t begin_;
  const std::string& slug_;
  const LineMap& lines_;
  std::vector<Unit>* units_;
  std::vector<Range> shortcodes_;
  std::string copy_;
  std::vector<MD_BLOCKTYPE> blocks_;
  std::vector<Item> items_;
  bool failed_ = false;
};

}  // namespace

void SegmentMarkdownBody(std::string_view text, size_t begin, const std::string& slug,
                         const LineMap& lines, std::vector<Unit>* units) {
  Segmenter(text, begin, slug, lines, units).Run();
}

}  // namespace l10n
