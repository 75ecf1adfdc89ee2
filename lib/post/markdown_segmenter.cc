#include "post/markdown_segmenter.h"

#include <fmt/format.h>
#include <md4c.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "post/markdown_definitions.h"
#include "post/markdown_escape.h"
#include "post/markdown_html_block.h"
#include "post/markdown_html_scope.h"
#include "post/markdown_inline.h"
#include "post/unit_builder.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Segmenter {
 public:
  Segmenter(std::string_view text, size_t begin, const std::string& path, const std::string& slug,
            const LineMap& lines, DiagnosticSink* sink, std::vector<Unit>* units,
            std::vector<Segmentation::Link>* links)
      : src_(text),
        begin_(begin),
        path_(path),
        slug_(slug),
        lines_(lines),
        sink_(sink),
        units_(units),
        links_(links) {}

  void Run() {
    shortcodes_ = FindTemplateTags(src_, begin_);
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
    AddDefinitionTitles();
    AddLinks();
  }

 private:
  int EnterBlock(MD_BLOCKTYPE t) {
    Flush();
    blocks_.push_back(t);
    if (t == MD_BLOCK_CODE || t == MD_BLOCK_HTML) ++code_depth_;
    if (t == MD_BLOCK_QUOTE) containers_.push_back(UnitKind::kQuote);
    if (t == MD_BLOCK_LI) containers_.push_back(UnitKind::kListItem);
    return 0;
  }
  int LeaveBlock(MD_BLOCKTYPE) {
    Flush();
    if (blocks_.empty()) return 0;
    MD_BLOCKTYPE t = blocks_.back();
    blocks_.pop_back();
    if (t == MD_BLOCK_HTML && code_depth_ == 1 && !html_lines_.empty()) {
      if (scope_.translate()) {
        SegmentMarkdownHtmlBlock(src_, html_lines_, shortcodes_, path_, slug_, lines_, sink_,
                                 units_);
      }
      size_t from = html_lines_.front().begin, to = html_lines_.back().end;
      scope_.Read(src_.substr(from, to - from), static_cast<int>(containers_.size()));
      scope_changes_.push_back({to, scope_.translate()});
      html_lines_.clear();
    }
    if (t == MD_BLOCK_CODE || t == MD_BLOCK_HTML) --code_depth_;
    if ((t == MD_BLOCK_QUOTE || t == MD_BLOCK_LI) && !containers_.empty()) {
      containers_.pop_back();
      bool translate = scope_.translate();
      scope_.Leave(static_cast<int>(containers_.size()));
      if (scope_.translate() != translate) {
        scope_changes_.push_back({read_.empty() ? begin_ : read_.back().end, scope_.translate()});
      }
    }
    return 0;
  }

  // The offset in the source of a pointer into the copy, or npos.
  size_t OffsetOf(const MD_CHAR* p, size_t n) const {
    if (p < copy_.data() || p + n > copy_.data() + copy_.size()) return kNpos;
    return begin_ + static_cast<size_t>(p - copy_.data());
  }

  int Span(MD_SPANTYPE t, void* detail, bool enter) {
    if (enter && t == MD_SPAN_A) {
      // A link's destination, where md4c reads it from the source (one
      // with backslash escapes it rebuilds elsewhere); a reference link's
      // is its definition's.
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      if (size_t at = OffsetOf(d->href.text, d->href.size); at != kNpos && d->href.size > 0) {
        link_ranges_.push_back({at, at + d->href.size});
      }
    }
    if (Suppressed()) return 0;
    MdItem item;
    item.type = enter ? MdItem::kEnter : MdItem::kLeave;
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
    if (size_t at = OffsetOf(p, n); at != kNpos && n > 0) read_.push_back({at, at + n});
    if (code_depth_ == 1 && !blocks_.empty() && blocks_.back() == MD_BLOCK_HTML) {
      // A line of an HTML block; the parser's own "\n" after each is not
      // in the source.
      size_t at = OffsetOf(p, n);
      if (t == MD_TEXT_HTML && at != kNpos && n > 0) html_lines_.push_back({at, at + n});
      return 0;
    }
    if (Suppressed()) return 0;
    MdItem item;
    if (t == MD_TEXT_SOFTBR || t == MD_TEXT_BR) {
      item.type = t == MD_TEXT_BR ? MdItem::kBr : MdItem::kSoftBr;
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
          (items_.empty() || items_.back().type != MdItem::kText || items_.back().range.end < at)) {
        item.range.begin = at - 1;
      }
    }
    items_.push_back(std::move(item));
    return 0;
  }

  // Constant time: a post may nest blocks a million deep.
  bool Suppressed() const { return code_depth_ > 0; }

  // The innermost quote or list item decides what a paragraph is.
  UnitKind Kind() const {
    UnitKind kind = containers_.empty() ? UnitKind::kParagraph : containers_.back();
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
    if (!items_.empty() && !failed_ && scope_.translate()) {
      std::vector<MdNode> nodes;
      if (ResolveMarkdownInline(src_, begin_, items_, Kind() == UnitKind::kHeading, &nodes))
        Emit(nodes);
    }
    items_.clear();
    failed_ = false;
  }

  void Emit(const std::vector<MdNode>& nodes) {
    Unit unit;
    unit.kind = Kind();
    size_t begin = kNpos, end = 0;
    for (const MdNode& n : nodes) {
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
      const MdNode& n = nodes[i];
      Placeholder p;
      if (n.type == MdNode::kText || n.type == MdNode::kSoftBr) {
        if (n.type == MdNode::kSoftBr) {
          pending += ' ';
        } else if (!AppendWithShortcodes(n, &pending, &b)) {
          return;
        }
        continue;
      }
      flush();
      switch (n.type) {
        case MdNode::kText:
        case MdNode::kSoftBr:
          break;
        case MdNode::kBr:
          p.kind = Placeholder::Kind::kVoid;
          p.name = "br";
          p.start_tag = n.range;
          b.AddSelfClosing(std::move(p));
          break;
        case MdNode::kCode:
        case MdNode::kHtml:
        case MdNode::kAutolink:
          p.kind = Placeholder::Kind::kOpaque;
          p.name = n.type == MdNode::kCode       ? "code"
                   : n.type == MdNode::kAutolink ? "a"
                                                 : HtmlTagName(n.decoded);
          p.element = n.range;
          p.verbatim_text = n.decoded;
          b.AddSelfClosing(std::move(p));
          break;
        case MdNode::kImage:
          p.kind = Placeholder::Kind::kVoid;
          p.name = "img";
          p.start_tag = n.range;
          b.AddSelfClosing(std::move(p));
          AddAttribute(UnitKind::kAltText, n.alt, n.alt_text, ']', &attributes);
          AddTitle(n.title, &attributes);
          break;
        case MdNode::kOpen: {
          if (nodes[n.partner].label) {
            // A shortcut or collapsed reference ("[text]", "[text][]"): its
            // text names the link definition, so merge writes "][text]"
            // after a translated text (Placeholder::reference_label).
            size_t from = n.range.end, to = nodes[n.partner].range.begin;
            p.reference_label.assign(src_.substr(from, to - from));
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
        case MdNode::kClose:
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

  // The titles of the link reference definitions md4c read (it reports
  // none of a definition's bytes), each a unit after the units before it.
  void AddDefinitionTitles() {
    std::sort(read_.begin(), read_.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    // Ranges as reported can overlap (an escape's backslash): their greatest
    // end so far, for the search.
    std::vector<size_t> reach(read_.size());
    for (size_t i = 0, r = 0; i < read_.size(); ++i) reach[i] = r = std::max(r, read_[i].end);
    auto unread = [&](Range def) {
      auto it = std::lower_bound(read_.begin(), read_.end(), def.end,
                                 [](const Range& r, size_t pos) { return r.begin < pos; });
      size_t before = static_cast<size_t>(it - read_.begin());
      return before == 0 || reach[before - 1] <= def.begin;
    };
    std::vector<Unit> titles;
    for (const LinkDefinition& d : FindLinkDefinitions(src_, begin_, unread)) {
      if (!d.destination.empty()) link_ranges_.push_back(d.destination);
      if (d.title.empty() || d.prefixed_title || OverlapsTemplateTag(d.title) ||
          !TranslatedAt(d.range.begin))
        continue;
      size_t count = titles.size();
      AddTitle(d.title, &titles);
      if (titles.size() > count) {
        titles.back().note = fmt::format("link title, [{}], {}", d.label, slug_);
      }
    }
    if (titles.empty()) return;
    // In source order among the body's units.
    auto first = std::find_if(units_->begin(), units_->end(),
                              [&](const Unit& u) { return u.range.begin >= begin_; });
    size_t body = static_cast<size_t>(first - units_->begin());
    for (Unit& t : titles) units_->push_back(std::move(t));
    std::stable_sort(units_->begin() + static_cast<std::ptrdiff_t>(body), units_->end(),
                     [](const Unit& a, const Unit& b) { return a.range.begin < b.range.begin; });
  }

  // Segmentation::links from the destinations found, each once; an
  // autolink's is its text, which md4c reported as such, and is no link to
  // rewrite.
  void AddLinks() {
    std::sort(link_ranges_.begin(), link_ranges_.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    size_t last = kNpos;
    for (const Range& r : link_ranges_) {
      if (r.begin == last) continue;
      last = r.begin;
      auto read = std::lower_bound(read_.begin(), read_.end(), r.begin,
                                   [](const Range& t, size_t pos) { return t.begin < pos; });
      if (read != read_.end() && read->begin < r.end) continue;
      if (read != read_.begin() && std::prev(read)->end > r.begin) continue;
      Segmentation::Link link;
      link.syntax = Segmentation::Link::Syntax::kMarkdown;
      link.range = r;
      link.quote =
          r.begin > 0 && src_[r.begin - 1] == '<' && r.end < src_.size() && src_[r.end] == '>' ? '<'
                                                                                               : 0;
      link.url = DecodeMarkdownDestination(src_.substr(r.begin, r.end - r.begin));
      links_->push_back(std::move(link));
    }
  }

  // Whether HTML's translate scope (markdown_html_scope.h) reaches `offset`
  // as translated.
  bool TranslatedAt(size_t offset) const {
    auto it = std::upper_bound(
        scope_changes_.begin(), scope_changes_.end(), offset,
        [](size_t pos, const std::pair<size_t, bool>& change) { return pos < change.first; });
    return it == scope_changes_.begin() || std::prev(it)->second;
  }

  bool OverlapsTemplateTag(const Range& r) const {
    auto it = std::lower_bound(shortcodes_.begin(), shortcodes_.end(), r.begin,
                               [](const Range& t, size_t pos) { return t.end <= pos; });
    return it != shortcodes_.end() && it->begin < r.end;
  }

  // The text of `n` to `pending`, its shortcodes to `b` as placeholders.
  bool AppendWithShortcodes(const MdNode& n, std::string* pending, UnitBuilder* b) {
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
      // Hugo's {{< >}} and {{% %}}; a Liquid or Go template tag otherwise.
      bool hugo = it->end - it->begin >= 6 &&
                  (src_[it->begin + 2] == '<' || src_[it->begin + 2] == '%') &&
                  src_[it->begin + 1] == '{';
      p.name = hugo ? "shortcode" : "template";
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
  const std::string& path_;
  const std::string& slug_;
  const LineMap& lines_;
  DiagnosticSink* sink_;
  std::vector<Unit>* units_;
  std::vector<Segmentation::Link>* links_;
  std::vector<Range> link_ranges_;  // destinations md4c and the definitions gave
  std::vector<Range> html_lines_;   // of the HTML block open
  std::vector<Range> read_;         // every byte range md4c reported
  HtmlTranslateScope scope_;        // translate="no" of the HTML blocks so far
  std::vector<std::pair<size_t, bool>> scope_changes_;  // from where, translated
  std::vector<Range> shortcodes_;
  std::string copy_;
  std::vector<MD_BLOCKTYPE> blocks_;
  int code_depth_ = 0;                // code and HTML blocks open
  std::vector<UnitKind> containers_;  // quotes and list items open
  std::vector<MdItem> items_;
  bool failed_ = false;
};

}  // namespace

void SegmentMarkdownBody(std::string_view text, size_t begin, const std::string& path,
                         const std::string& slug, const LineMap& lines, DiagnosticSink* sink,
                         std::vector<Unit>* units, std::vector<Segmentation::Link>* links) {
  Segmenter(text, begin, path, slug, lines, sink, units, links).Run();
}

}  // namespace l10n
