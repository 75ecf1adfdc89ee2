#include "render/merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "base/language_tag.h"
#include "base/ui_text.h"
#include "check/markup_rules.h"
#include "post/category_link.h"
#include "post/front_matter_value.h"
#include "post/html_format.h"
#include "post/post_formats.h"
#include "render/category_format.h"
#include "render/merge_terms.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

class Merger {
 public:
  Merger(std::string_view html, const std::string& path, const Segmentation& seg,
         const MergeOptions& options, DiagnosticSink* sink)
      : html_(html),
        path_(path),
        seg_(seg),
        options_(options),
        sink_(sink),
        format_(PostFormatFor(path)) {}

  MergeResult Run() {
    // Attribute edits first: they apply inside whatever raw bytes are copied,
    // including the tags a rebuilt unit restores.
    // The page keeps its own tag when it is already in the target language
    // ("en-GB" stays for "en"), so a same-language merge changes no byte.
    // A page whose lang says nothing usable (lang="", lang="-x") is in the
    // source language.
    std::string_view page_lang = seg_.lang_attribute_present && !PrimaryLanguage(seg_.lang).empty()
                                     ? std::string_view(seg_.lang)
                                     : std::string_view(options_.source_lang);
    bool same_language = PrimaryLanguage(options_.target_lang) == PrimaryLanguage(page_lang);
    if (seg_.has_lang_edit && !same_language) {
      edits_.push_back({seg_.lang_range, format_.LanguageEdit(seg_, options_.target_lang)});
    }
    for (const Unit& unit : seg_.units) {
      if (!unit.is_attribute) continue;
      std::string text = UnitText(unit);
      if (text == unit.text) continue;  // keep the source bytes
      Result<std::vector<Token>> tokens = TokenizeUnitText(text);
      // Attribute text is never rejected: it has no markup to add.
      edits_.push_back({unit.range, FormatOf(unit).RenderAttribute(unit, *tokens)});
    }
    if (!same_language) {
      for (const Segmentation::Metadata::Term& term : seg_.metadata.terms) EditTerm(term);
    }
    // The caller's edits (links, <head> metadata) never overlap a unit's
    // text; at one offset, insertions stay in the order given.
    edits_.insert(edits_.end(), options_.edits.begin(), options_.edits.end());
    std::stable_sort(edits_.begin(), edits_.end(), [](const TextEdit& a, const TextEdit& b) {
      return a.range.begin < b.range.begin;
    });
    applied_.assign(edits_.size(), false);

    // A page is about its post's size (a translation a little longer or
    // shorter): grown once or twice, not a dozen times.
    out().reserve(html_.size() + html_.size() / 8 + 64);
    size_t pos = 0;
    for (const Unit& unit : seg_.units) {
      if (unit.is_attribute) continue;
      EmitRaw({pos, unit.range.begin});
      EmitUnit(unit);
      pos = unit.range.end;
    }
    EmitRaw({pos, html_.size()});
    return std::move(result_);
  }

 private:
  // The text to write for a unit: its translation, or its source text.
  // Counts statistics once per unit.
  std::string UnitText(const Unit& unit) {
    if (!unit.translatable) return unit.text;
    int words = CountWords(unit.text);
    ++result_.units;
    result_.words += words;
    std::optional<Translation> t = options_.translate ? options_.translate(unit) : std::nullopt;
    if (!t || t->text.empty()) {
      result_.untranslated.push_back(&unit);
      return unit.text;
    }
    // Attribute text is escaped on output, but a rejected translation is
    // rejected everywhere, as l10n-check reports it.
    if (!Accept(unit, unit.text, *t)) {
      result_.untranslated.push_back(&unit);
      return unit.text;
    }
    ++result_.translated;
    result_.translated_words += words;
    return t->text;
  }

  // Whether `t`, the translation of `source` in `unit` (its text, or a
  // category name of it), passes CheckMarkup. Otherwise its problems are
  // reported where it was written, and the post is marked unsafe.
  bool Accept(const Unit& unit, std::string_view source, const Translation& t) {
    bool rejected = false;
    std::vector<MarkupIssue> issues = CheckMarkup(source, t.text);
    CheckShortcodes(source, t.text, options_.segment, &issues);
    for (MarkupIssue& issue : issues) {
      if (!issue.blocks_merge) continue;
      auto [line, column] = t.locate ? t.locate(issue.offset) : std::pair(t.line, 0);
      sink_->Report({Severity::kError, t.path, line, column, std::move(issue.message), false,
                     CheckName(issue.check)});
      rejected = true;
    }
    if (rejected) {
      sink_->Report({Severity::kNote, path_, unit.line, unit.column,
                     _("the translation of this text is rejected; the post is not published")});
      result_.unsafe = true;
    }
    return !rejected;
  }

  // A front-matter category or tag as its name in the target language, in
  // the value's style; checked as the names of category links are.
  void EditTerm(const Segmentation::Metadata::Term& term) {
    const std::string& source = options_.source_lang;
    std::string target(PrimaryLanguage(options_.target_lang));
    Unit at;  // where the term is, for notes; its style, for the writer
    at.line = term.line;
    at.column = term.column;
    at.quote = term.quote;
    Category category;
    const Taxonomy* taxonomy = options_.taxonomy;
    if (taxonomy) {
      if (!terms_) terms_.emplace(*taxonomy, source);
      if (const Category* known = terms_->Find(term)) category = *known;
    }
    if (!category.slug.empty()) {
      std::vector<CategoryNameIssue> issues =
          CheckCategoryNames(category, term.name, source, target);
      if (!issues.empty()) {
        for (CategoryNameIssue& c : issues) {
          auto [line, column] = taxonomy->Locate(category.slug, c.lang, c.issue.offset);
          sink_->Report({Severity::kError, taxonomy->path(), line, column,
                         std::move(c.issue.message), false, CheckName(c.issue.check)});
        }
        sink_->Report({Severity::kNote, path_, at.line, at.column,
                       _("the translation of this text is rejected; the post is not published")});
        result_.unsafe = true;
        category = Category();
      }
    }
    std::string source_name = category.Name(source);
    if (source_name.empty()) source_name = term.name;
    std::string name = category.Name(target);
    if (name.empty() && options_.translate_category) {
      if (std::optional<Translation> t = options_.translate_category(source_name)) {
        if (Accept(at, source_name, *t)) name = t->text;
      }
    }
    if (name.empty()) {
      result_.untranslated_terms.push_back(&term);
      return;
    }
    if (name == term.name) return;
    edits_.push_back({term.range, RenderFrontMatterValue(at, name)});
  }

  void EmitRaw(Range range) {
    auto it = std::lower_bound(edits_.begin(), edits_.end(), range.begin,
                               [](const TextEdit& e, size_t b) { return e.range.begin < b; });
    size_t pos = range.begin;
    for (; it != edits_.end() && it->range.end <= range.end; ++it) {
      // An insertion where one copied range ends and the next begins is
      // made once, at the first.
      size_t index = static_cast<size_t>(it - edits_.begin());
      if (it->range.begin < pos || applied_[index]) continue;
      applied_[index] = true;
      out().append(html_.substr(pos, it->range.begin - pos));
      out() += it->text;
      pos = it->range.end;
    }
    if (pos < range.end) out().append(html_.substr(pos, range.end - pos));
  }

  std::string& out() { return result_.html; }

  // The escaping of a unit's text: the post's, or HTML's for HTML inside it.
  const PostFormat& FormatOf(const Unit& unit) const {
    return unit.embedded_html ? EmbeddedHtmlPostFormat() : format_;
  }

  void EmitUnit(const Unit& unit) {
    std::string text = UnitText(unit);
    bool same_language = options_.target_lang == options_.source_lang;
    if (text == unit.text && (same_language || !unit.HasDynamicPlaceholders())) {
      EmitRaw(unit.range);
      return;
    }
    Result<std::vector<Token>> tokens = TokenizeUnitText(text);
    if (!tokens.ok()) {  // cannot happen for source text; be safe anyway
      EmitRaw(unit.range);
      return;
    }
    // By name, in a map: a unit may hold 100,000 placeholders.
    std::unordered_map<std::string_view, const Placeholder*> by_name;
    for (const Placeholder& p : unit.placeholders) by_name[p.name] = &p;
    // Where the text of each reference link (reference_label) starts.
    std::unordered_map<const Placeholder*, size_t> opened_at;
    for (const Token& t : *tokens) {
      if (t.type == Token::kText) {
        FormatOf(unit).AppendText(t.text, &out());
        continue;
      }
      auto found = by_name.find(t.text);
      if (found == by_name.end()) continue;
      const Placeholder* p = found->second;
      switch (p->kind) {
        case Placeholder::Kind::kPaired:
          if (t.type == Token::kOpen) {
            EmitRaw(p->start_tag);
            if (!p->reference_label.empty()) opened_at[p] = out().size();
          } else if (p->reference_label.empty()) {
            EmitRaw(p->end_tag);
          } else {
            auto at = opened_at.find(p);
            std::string_view written;
            if (at != opened_at.end()) written = std::string_view(out()).substr(at->second);
            if (written == p->reference_label) {
              EmitRaw(p->end_tag);
            } else {
              out() += "][" + p->reference_label + "]";
            }
          }
          break;
        case Placeholder::Kind::kVoid:
          EmitRaw(p->start_tag);
          break;
        case Placeholder::Kind::kOpaque:
        case Placeholder::Kind::kComment:
          EmitRaw(p->element);
          break;
        case Placeholder::Kind::kDate:
          EmitDate(unit, *p);
          break;
        case Placeholder::Kind::kCategory:
          EmitCategories(unit, *p);
          break;
      }
    }
  }

  // The element's end tag as the source writes it, or the one the format
  // implies when the source omits it.
  void EmitEndTag(const Unit& unit, Range end_tag, Placeholder::Kind kind) {
    if (end_tag.empty()) {
      out() += FormatOf(unit).ImpliedEndTag(kind);
    } else {
      EmitRaw(end_tag);
    }
  }

  void EmitDate(const Unit& unit, const Placeholder& p) {
    Result<std::string> date = FormatDate(p.datetime, options_.target_lang, options_.date_style);
    if (!date.ok()) {
      sink_->Error(path_, unit.line, unit.column, date.status().message());
      EmitRaw(p.element);
      return;
    }
    EmitRaw(p.start_tag);
    FormatOf(unit).AppendText(*date, &out());
    EmitEndTag(unit, p.end_tag, Placeholder::Kind::kDate);
  }

  Category CategoryFor(const Unit& unit, const CategoryLink& link) {
    Category category;
    const Taxonomy* taxonomy = options_.taxonomy;
    if (taxonomy) {
      if (const Category* known = taxonomy->Find(link.slug)) category = *known;
    }
    const std::string& source = options_.source_lang;
    const std::string& target = options_.target_lang;
    if (!category.slug.empty()) {
      // The taxonomy is edited by translators too: the names the page shows
      // are checked like any translation, and where one is refused the
      // post's own label is shown.
      std::vector<CategoryNameIssue> issues =
          CheckCategoryNames(category, link.label, source, target);
      if (!issues.empty()) {
        for (CategoryNameIssue& c : issues) {
          auto [line, column] = taxonomy->Locate(category.slug, c.lang, c.issue.offset);
          sink_->Report({Severity::kError, taxonomy->path(), line, column,
                         std::move(c.issue.message), false, CheckName(c.issue.check)});
        }
        sink_->Report({Severity::kNote, path_, unit.line, unit.column,
                       _("the translation of this text is rejected; the post is not published")});
        result_.unsafe = true;
        category = Category();
      }
    }
    if (category.slug.empty()) {
      // Unknown to the taxonomy: read the label as the site shows it, the
      // page's language first.
      category.slug = link.slug;
      std::vector<std::string> names = SplitBilingualLabel(link.label);
      if (!names.empty()) category.names[source] = names[0];
      if (names.size() > 1 && source != target) category.names[target] = names[1];
    }
    std::string source_name = category.Name(source);
    if (category.Name(target).empty() && options_.translate_category) {
      if (std::optional<Translation> t = options_.translate_category(source_name)) {
        if (Accept(unit, source_name, *t)) category.names[target] = t->text;
      }
    }
    return category;
  }

  void EmitCategories(const Unit& unit, const Placeholder& p) {
    std::string pattern = options_.category_pattern;
    if (pattern.empty()) {
      pattern = DefaultCategoryPattern(options_.target_lang, options_.source_lang);
    }
    std::vector<std::string> items;
    for (const CategoryLink& link : p.categories) {
      Result<std::string> label = FormatCategoryLabel(
          pattern, options_.target_lang, options_.source_lang, CategoryFor(unit, link));
      if (!label.ok()) {
        sink_->Error(path_, unit.line, unit.column, label.status().message());
        EmitRaw(p.element);
        return;
      }
      std::string item;
      std::swap(item, out());
      EmitRaw(link.start_tag);
      FormatOf(unit).AppendText(*label, &out());
      EmitEndTag(unit, link.end_tag, Placeholder::Kind::kCategory);
      std::swap(item, out());
      items.push_back(std::move(item));
    }
    Result<std::string> joined = JoinList(items, options_.target_lang);
    if (!joined.ok()) {
      sink_->Error(path_, unit.line, unit.column, joined.status().message());
      EmitRaw(p.element);
      return;
    }
    out() += *joined;
  }

  std::string_view html_;
  const std::string& path_;
  const Segmentation& seg_;
  const MergeOptions& options_;
  DiagnosticSink* sink_;
  const PostFormat& format_;  // the post's: its escaping
  std::vector<TextEdit> edits_;
  std::vector<bool> applied_;            // per edit
  std::optional<TermCategories> terms_;  // of options_.taxonomy
  MergeResult result_;
};

}  // namespace

MergeResult MergePost(std::string_view html, const std::string& path,
                      const Segmentation& segmentation, const MergeOptions& options,
                      DiagnosticSink* sink) {
  Merger merger(html, path, segmentation, options, sink);
  return merger.Run();
}

}  // namespace l10n
