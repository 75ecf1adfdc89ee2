#include "post/markdown_inline.h"

namespace l10n {

namespace {

bool IsOpen(const MdNode& n) { return n.type == MdNode::kOpen; }
bool IsBreak(const MdNode& n) { return n.type == MdNode::kSoftBr || n.type == MdNode::kBr; }

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

class InlineResolver {
 public:
  InlineResolver(std::string_view src, size_t begin, const std::vector<MdItem>& items)
      : src_(src), begin_(begin), items_(items) {}

  bool Run(bool heading, std::vector<MdNode>* nodes) {
    if (!MakeNodes(nodes) || !PlaceMarkers(nodes)) return false;
    if (heading) DropHeadingAttributes(nodes);
    return true;
  }

 private:
  // A heading's attributes ("## Hours {#hours}", Hugo's Goldmark) are not
  // text: the unit ends before them.
  void DropHeadingAttributes(std::vector<MdNode>* nodes) const {
    if (nodes->empty() || nodes->back().type != MdNode::kText) return;
    MdNode& n = nodes->back();
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
  bool Gather(size_t* i, std::vector<const MdItem*>* texts) {
    int depth = 0;
    for (; *i < items_.size(); ++*i) {
      const MdItem& it = items_[*i];
      if (it.type == MdItem::kEnter) ++depth;
      if (it.type == MdItem::kLeave && --depth == 0) return true;
      if (it.type == MdItem::kText) texts->push_back(&it);
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

  bool MakeNodes(std::vector<MdNode>* nodes) {
    std::vector<size_t> open;
    for (size_t i = 0; i < items_.size(); ++i) {
      const MdItem& it = items_[i];
      MdNode n{};
      if (it.type == MdItem::kText) {
        n.type = it.text_type == MD_TEXT_HTML ? MdNode::kHtml : MdNode::kText;
        n.range = it.range;
        n.decoded = it.decoded;
      } else if (it.type == MdItem::kSoftBr || it.type == MdItem::kBr) {
        n.type = it.type == MdItem::kBr ? MdNode::kBr : MdNode::kSoftBr;
      } else if (it.type == MdItem::kEnter && it.span == MD_SPAN_CODE) {
        std::vector<const MdItem*> texts;
        if (!Gather(&i, &texts) || texts.empty()) return false;
        size_t b = SkipBack(texts.front()->range.begin, " \n");
        size_t e = SkipForward(texts.back()->range.end, " \n");
        size_t ticks_b = b - SkipBack(b, "`");
        size_t ticks_e = SkipForward(e, "`") - e;
        if (ticks_b == 0 || ticks_b != ticks_e) return false;
        n.type = MdNode::kCode;
        n.range = {b - ticks_b, e + ticks_e};
        for (const MdItem* t : texts) n.decoded += t->decoded;
      } else if (it.type == MdItem::kEnter && it.span == MD_SPAN_IMG) {
        size_t href = it.href;
        std::vector<const MdItem*> texts;
        if (!Gather(&i, &texts)) return false;
        size_t b, alt_end;  // after "![", and the ']'
        if (!texts.empty()) {
          b = SkipBack(texts.front()->range.begin, "*_~");
          alt_end = SkipForward(texts.back()->range.end, "*_~");
          n.alt = {texts.front()->range.begin, texts.back()->range.end};
          for (const MdItem* t : texts) n.alt_text += t->decoded;
        } else {
          if (href == kNpos || href < begin_ + 4) return false;
          b = src_[href - 1] == '<' ? href - 3 : href - 2;
          alt_end = b;
        }
        if (b < begin_ + 2 || src_.substr(b - 2, 2) != "![") return false;
        n.type = MdNode::kImage;
        size_t end = ScanLinkTail(src_, alt_end, &n.title);
        if (end == kNpos) return false;
        n.range = {b - 2, end};
      } else if (it.type == MdItem::kEnter && it.span == MD_SPAN_A && i + 1 < items_.size() &&
                 items_[i + 1].type == MdItem::kText && items_[i + 1].range.begin > begin_ &&
                 src_[items_[i + 1].range.begin - 1] != '[') {
        // An autolink, <https://...> or www.example.com: its text is its URL.
        std::vector<const MdItem*> texts;
        if (!Gather(&i, &texts) || texts.empty()) return false;
        size_t b = texts.front()->range.begin;
        size_t e = texts.back()->range.end;
        if (b > begin_ && src_[b - 1] == '<') {
          if (e >= src_.size() || src_[e] != '>') return false;
          --b;
          ++e;
        }
        n.type = MdNode::kAutolink;
        n.range = {b, e};
        n.decoded.assign(src_.substr(b, e - b));
      } else if (it.type == MdItem::kEnter) {
        n.type = MdNode::kOpen;
        n.span = it.span;
        open.push_back(nodes->size());
      } else {
        if (open.empty()) return false;
        n.type = MdNode::kClose;
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
  size_t CloserEnd(MdNode* n, const std::vector<MdNode>& nodes, size_t pos) {
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
  size_t OpenerBegin(const MdNode& n, size_t pos) const {
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
  bool PlaceMarkers(std::vector<MdNode>* nodes) {
    size_t prev_end = kNpos;  // end of the previous anchor
    size_t i = 0;
    while (i <= nodes->size()) {
      size_t j = i;
      while (j < nodes->size() && !(*nodes)[j].anchor()) ++j;
      // Markers i..j-1 between the previous anchor and anchor j.
      size_t k = i;
      size_t left = prev_end;
      while (k < j && (*nodes)[k].type == MdNode::kClose) {
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
        MdNode& n = (*nodes)[o - 1];
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

  std::string_view src_;
  size_t begin_;
  const std::vector<MdItem>& items_;
};

}  // namespace

bool ResolveMarkdownInline(std::string_view src, size_t begin, const std::vector<MdItem>& items,
                           bool heading, std::vector<MdNode>* nodes) {
  return InlineResolver(src, begin, items).Run(heading, nodes);
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

}  // namespace l10n
