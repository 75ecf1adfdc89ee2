#include "post/html_segmenter.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include "base/ui_text.h"
#include "post/category_link.h"
#include "post/html_attributes.h"
#include "post/html_elements.h"
#include "post/html_head.h"
#include "post/html_links.h"
#include "post/html_source_map.h"
#include "post/html_text.h"
#include "post/shortcode.h"
#include "post/unit_builder.h"
#include "unit/datetime.h"

namespace l10n {

namespace {

class Segmenter {
 public:
  Segmenter(std::string_view html, const std::string& path, const SegmentOptions& options,
            DiagnosticSink* sink)
      : html_(html), path_(path), options_(options), sink_(sink), map_(html) {
    size_t slash = path.find_last_of('/');
    slug_ = path.substr(slash == std::string::npos ? 0 : slash + 1);
    size_t dot = slug_.rfind('.');
    if (dot != std::string::npos && dot > 0) slug_.resize(dot);
  }

  Segmentation Run() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    size_t base = map_.base();  // after a byte order mark
    GumboOutput* output =
        gumbo_parse_with_options(&options, html_.data() + base, html_.size() - base);
    FindPageLanguage(output->root, map_, &result_);
    result_.links = FindHtmlLinks(output->root, map_);
    FindHead(output->root, map_, &result_.head);
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
    WalkChildren(el.children, prose_pre ? UnitKind::kPreformatted : KindOf(el.tag, kind), translate,
                 context);
    if (prose_pre) --pre_depth_;
  }

  void CollectAttributes(const GumboElement& el, const std::optional<std::string>& context) {
    CollectAttributeUnits(el, context, map_, slug_, &result_.units);
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
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
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
    if (IsVoid(el.tag) || IsSkipped(el.tag) || !HasStartTag(el) || !HasOwnEndTag(el))
      return nullptr;
    if (el.tag == GUMBO_TAG_TIME || el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE)
      return nullptr;
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
      if (map_.NodeBegin(nodes[i]) < end || map_.NodeEnd(nodes[i]) < map_.NodeBegin(nodes[i]))
        return;
      end = map_.NodeEnd(nodes[i]);
    }

    Unit unit;
    unit.kind = kind;
    unit.context = context;
    builder_.Clear();
    lost_end_tag_.reset();
    for (size_t i = first; i < last; ++i) AppendInline(nodes[i], context);
    if (lost_end_tag_) {
      // Mis-nested inline markup (<b>two <i>three</b> four</i>): an end tag
      // closes an element the parser reopened, which no placeholder stands
      // for. A rebuilt unit would lose that end tag and leave its element
      // open for the rest of the page, so the text stays as it is.
      const GumboStringPiece& tag = *lost_end_tag_;
      int line, column;
      map_.Locate(map_.Offset(tag.data), &line, &column);
      sink_->Warning(path_, line, column,
                     FormatUi("mis-nested inline markup: '{}' closes an element the HTML parser "
                              "reopened; this text is left untranslated",
                              std::string_view(tag.data, tag.length)));
      builder_.Clear();
      return;
    }

    // Range: from the first non-blank byte to one past the last.
    size_t begin = map_.NodeBegin(nodes[first]);
    size_t end = map_.NodeEnd(nodes[last - 1]);
    while (begin < end && IsHtmlSpace(html_[begin])) ++begin;
    while (end > begin && IsHtmlSpace(html_[end - 1])) --end;
    unit.range = {begin, end};
    map_.Locate(begin, &unit.line, &unit.column);
    // Inside a prose <pre> whitespace is the poem's: only the ends are
    // trimmed, as the unit's range is.
    if (!builder_.Finish(pre_depth_ > 0, &unit)) return;
    unit.note = UnitNote(unit, slug_);
    result_.units.push_back(std::move(unit));
  }

  void AppendInline(const GumboNode* node, const std::optional<std::string>& context) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
        if (options_.shortcodes && !InRcdata(node) && AppendShortcodes(node)) return;
        builder_.AppendText(node->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        builder_.AppendText(node->v.text.text);
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
        p.element = {map_.NodeBegin(node), map_.NodeEnd(node)};
        p.verbatim_text = Collapse(node->v.text.text);
        builder_.AddSelfClosing(std::move(p));
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
    p.start_tag = map_.StartTag(el);
    p.end_tag = map_.EndTag(el);
    p.element = {map_.NodeBegin(node), map_.NodeEnd(node)};

    if (!translate || IsSkipped(el.tag) || el.tag == GUMBO_TAG_SCRIPT ||
        el.tag == GUMBO_TAG_STYLE || el.tag_namespace != GUMBO_NAMESPACE_HTML) {
      p.kind = Placeholder::Kind::kOpaque;
      p.verbatim_text = Collapse(VisibleText(node));
      builder_.AddSelfClosing(std::move(p));
      return;
    }
    CollectAttributes(el, inner_context);
    if (IsVoid(el.tag)) {
      p.kind = Placeholder::Kind::kVoid;
      builder_.AddSelfClosing(std::move(p));
      return;
    }
    if (el.tag == GUMBO_TAG_TIME) {
      if (const GumboAttribute* dt = Attr(el, "datetime")) {
        if (ParseDatetime(dt->value)) {
          p.kind = Placeholder::Kind::kDate;
          p.datetime = dt->value;
          p.name = "time";
          builder_.AddSelfClosing(std::move(p));
          return;
        }
        int line, column;
        map_.Locate(map_.Offset(dt->original_value.data), &line, &column);
        sink_->Warning(path_, line, column,
                       FormatUi("'{}' is not a date; the element is kept as text", dt->value));
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
        if (Placeholder* list = builder_.JoinCategoryList()) {
          list->element.end = p.element.end;
          list->categories.push_back(std::move(link));
          return;
        }
        p.kind = Placeholder::Kind::kCategory;
        p.name = "category";
        p.categories.push_back(std::move(link));
        builder_.AddSelfClosing(std::move(p));
        return;
      }
    }
    p.kind = Placeholder::Kind::kPaired;
    size_t index = builder_.Open(std::move(p));
    for (unsigned i = 0; i < el.children.length; ++i) {
      AppendInline(static_cast<GumboNode*>(el.children.data[i]), inner_context);
    }
    builder_.Close(index);
  }

  // A text node with shortcode tags: the text between them, and each tag as
  // a protected placeholder (paired up in UnitBuilder::Finish). False when it has none.
  bool AppendShortcodes(const GumboNode* node) {
    const GumboText& text = node->v.text;
    if (!text.original_text.data) return false;
    std::string_view source(text.original_text.data, text.original_text.length);
    std::vector<ShortcodeTag> tags = FindShortcodeTags(source, options_.shortcode_names);
    if (tags.empty()) return false;
    size_t base = map_.Offset(text.original_text.data);
    size_t pos = 0;
    for (ShortcodeTag& tag : tags) {
      if (tag.begin > pos) builder_.AppendText(DecodeHtmlText(source.substr(pos, tag.begin - pos)));
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
      builder_.AddShortcodeTag(std::move(p), std::move(decoded));
      pos = tag.end;
    }
    if (pos < source.size()) builder_.AppendText(DecodeHtmlText(source.substr(pos)));
    return true;
  }

  std::string_view html_;
  const std::string& path_;
  const SegmentOptions& options_;
  DiagnosticSink* sink_;
  HtmlSourceMap map_;
  std::string slug_;
  Segmentation result_;
  mutable std::unordered_map<const GumboNode*, bool> block_cache_;  // ContainsBlock
  UnitBuilder builder_;                           // the unit of the run FlushRun reads
  int pre_depth_ = 0;                             // inside a prose <pre>
  std::optional<GumboStringPiece> lost_end_tag_;  // see FlushRun
};

}  // namespace

Segmentation SegmentHtml(std::string_view html, const std::string& path, DiagnosticSink* sink) {
  return SegmentHtml(html, path, SegmentOptions(), sink);
}

Segmentation SegmentHtml(std::string_view html, const std::string& path,
                         const SegmentOptions& options, DiagnosticSink* sink) {
  Segmenter segmenter(html, path, options, sink);
  return segmenter.Run();
}

}  // namespace l10n
