#include "project/extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include "post/category_link.h"
#include "render/merge_terms.h"

namespace l10n {

namespace {

// The template's entries by key, and the references they have (so that a
// unit repeated 100,000 times in a post is added in linear time).
constexpr UnitKind kAllKinds[] = {
    UnitKind::kTitle,        UnitKind::kHeading,       UnitKind::kParagraph,   UnitKind::kListItem,
    UnitKind::kTerm,         UnitKind::kDefinition,    UnitKind::kTableHeader, UnitKind::kTableCell,
    UnitKind::kTableCaption, UnitKind::kFigureCaption, UnitKind::kQuote,       UnitKind::kBlock,
    UnitKind::kPreformatted, UnitKind::kAltText,       UnitKind::kTitleText,   UnitKind::kLabelText,
    UnitKind::kMetaText,
};

struct TemplateIndex {
  std::unordered_map<std::string, size_t> by_key;
  std::unordered_set<std::string> references;  // entry index, '\0', reference
};

void AddUnit(const Unit& unit, const std::string& path, Catalog* catalog, TemplateIndex* index) {
  std::string reference = fmt::format("{}:{}", path, unit.line);
  std::string key = MakeKey(unit.context, unit.text);
  auto it = index->by_key.find(key);
  if (it == index->by_key.end()) {
    Message m;
    m.msgctxt = unit.context;
    m.msgid = unit.text;
    size_t start = 0;
    while (start <= unit.note.size()) {
      size_t end = unit.note.find('\n', start);
      if (end == std::string::npos) end = unit.note.size();
      m.extracted_comments.push_back(unit.note.substr(start, end - start));
      start = end + 1;
    }
    m.references.push_back(reference);
    index->references.insert(std::to_string(catalog->messages.size()) + '\0' + reference);
    index->by_key.emplace(key, catalog->messages.size());
    catalog->messages.push_back(std::move(m));
    return;
  }
  Message& m = catalog->messages[it->second];
  bool other_post = std::any_of(
      m.references.begin(), m.references.end(),
      [&path](const std::string& r) { return r.compare(0, path.size() + 1, path + ":") != 0; });
  if (index->references.insert(std::to_string(it->second) + '\0' + reference).second) {
    m.references.push_back(reference);
  }
  // The first note line is "kind, slug". In more than one post it is the
  // kind alone: the references list the posts. A line about a placeholder
  // ("<time/> is ...") is there once; other lines are added once.
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= unit.note.size()) {
    size_t end = unit.note.find('\n', start);
    if (end == std::string::npos) end = unit.note.size();
    lines.push_back(unit.note.substr(start, end - start));
    start = end + 1;
  }
  std::string kind = UnitKindName(unit.kind);
  std::string prefix = kind + ", ";
  std::vector<std::string>& notes = m.extracted_comments;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 0 && lines[0].rfind(prefix, 0) == 0) {
      if (std::find(notes.begin(), notes.end(), lines[0]) != notes.end()) continue;
      if (!other_post) {  // another kind in the same post
        notes.push_back(lines[0]);
        continue;
      }
      // Another post: every "kind, slug" line becomes the kind alone.
      for (std::string& c : notes) {
        for (UnitKind k : kAllKinds) {
          std::string name = UnitKindName(k);
          if (c.rfind(name + ", ", 0) == 0) c = name;
        }
      }
      if (std::find(notes.begin(), notes.end(), kind) == notes.end()) notes.push_back(kind);
      continue;
    }
    if (!lines[i].empty() && lines[i][0] == '<') {
      std::string tag = lines[i].substr(0, lines[i].find(' ') + 1);
      if (std::any_of(notes.begin(), notes.end(),
                      [&tag](const std::string& c) { return c.rfind(tag, 0) == 0; })) {
        continue;
      }
    }
    if (std::find(notes.begin(), notes.end(), lines[i]) == notes.end()) notes.push_back(lines[i]);
  }
}

}  // namespace

std::string PoTimestamp() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M+0000", &tm);
  return buffer;
}

Catalog BuildTemplate(const std::vector<PostUnits>& posts, const Taxonomy& taxonomy,
                      const std::string& other_lang, const CatalogInfo& info) {
  Catalog catalog;
  catalog.messages.push_back(MakeCatalogHeader(info));
  TemplateIndex index;
  for (const PostUnits& post : posts) {
    if (!post.slug.empty() && !post.slug_note.empty()) {
      Unit entry;
      entry.kind = UnitKind::kBlock;
      entry.context = std::string(kSlugContext);
      entry.text = post.slug;
      entry.line = 1;
      entry.note = post.slug_note;
      AddUnit(entry, post.path, &catalog, &index);
    }
    for (const Unit& unit : post.segmentation->units) {
      if (unit.translatable) AddUnit(unit, post.path, &catalog, &index);
    }
  }
  // Category names without a name in the other language are translated in
  // the catalog, like everything else.
  TermCategories terms(taxonomy, info.source_lang);
  for (const PostUnits& post : posts) {
    // The entry of `category`'s name in the source language, when it has one.
    auto add_name = [&](const Category& category, int line, std::string note) {
      std::string name = category.Name(info.source_lang);
      if (name.empty()) return;
      Unit entry;
      entry.kind = UnitKind::kBlock;
      entry.context = std::string(kCategoryContext);
      entry.text = name;
      entry.line = line;
      entry.note = std::move(note);
      AddUnit(entry, post.path, &catalog, &index);
    };
    for (const Unit& unit : post.segmentation->units) {
      for (const Placeholder& p : unit.placeholders) {
        for (const CategoryLink& link : p.categories) {
          const Category* category = taxonomy.Find(link.slug);
          if (!category || !category->Name(other_lang).empty()) continue;
          add_name(*category, unit.line, fmt::format("category name, slug '{}'", link.slug));
        }
      }
    }
    // Front-matter categories and tags alike: one taxonomy, one context.
    for (const Segmentation::Metadata::Term& term : post.segmentation->metadata.terms) {
      const Category* category = terms.Find(term);
      if (!category || !category->Name(other_lang).empty()) continue;
      bool tag = term.kind == Segmentation::Metadata::Term::Kind::kTag;
      add_name(*category, term.line,
               fmt::format("{} name, slug '{}'", tag ? "tag" : "category", category->slug));
    }
  }
  return catalog;
}

bool SameIgnoringDates(const Catalog& a, const Catalog& b) {
  if (a.messages.size() != b.messages.size()) return false;
  // The header's text without its dates; every other field as it is (the
  // line a message was read from is no content).
  auto undated = [](const Message& m) {
    std::string text = m.msgstr.empty() ? "" : m.msgstr[0];
    for (const char* field : {"POT-Creation-Date: ", "PO-Revision-Date: "}) {
      size_t pos = text.find(field);
      if (pos != std::string::npos) {
        size_t end = text.find('\n', pos);
        text.erase(pos, end == std::string::npos ? std::string::npos : end - pos);
      }
    }
    return text;
  };
  for (size_t i = 0; i < a.messages.size(); ++i) {
    const Message& x = a.messages[i];
    const Message& y = b.messages[i];
    if (x.msgctxt != y.msgctxt || x.msgid != y.msgid || x.msgid_plural != y.msgid_plural ||
        x.translator_comments != y.translator_comments ||
        x.extracted_comments != y.extracted_comments || x.references != y.references ||
        x.flags != y.flags || x.prev_msgctxt != y.prev_msgctxt || x.prev_msgid != y.prev_msgid ||
        x.prev_msgid_plural != y.prev_msgid_plural || x.obsolete != y.obsolete) {
      return false;
    }
    if (x.is_header() && y.is_header() && x.msgstr.size() <= 1 && y.msgstr.size() <= 1) {
      if (undated(x) != undated(y)) return false;
    } else if (x.msgstr != y.msgstr) {
      return false;
    }
  }
  return true;
}

bool LearnCategories(const Segmentation& segmentation, const std::string& lang,
                     const std::vector<std::string>& languages, Taxonomy* taxonomy) {
  bool changed = false;
  for (const Unit& unit : segmentation.units) {
    for (const Placeholder& p : unit.placeholders) {
      for (const CategoryLink& link : p.categories) {
        Category category;
        category.slug = link.slug;
        std::vector<std::string> names = SplitBilingualLabel(link.label);
        if (!names.empty()) category.names[lang] = names[0];
        // The second name of a bilingual label is in the site's other
        // language (the default display pattern puts the page's first).
        if (names.size() > 1 && languages.size() == 2) {
          const std::string& other = languages[0] == lang ? languages[1] : languages[0];
          category.names[other] = names[1];
        }
        if (taxonomy->Add(category)) changed = true;
      }
    }
  }
  // A front-matter category or tag is one name in the post's language. One
  // the taxonomy already holds (by slug, or by its name in that language:
  // the translation of another post's) completes that category, whose
  // names are kept.
  TermCategories terms(*taxonomy, lang);
  for (const Segmentation::Metadata::Term& term : segmentation.metadata.terms) {
    const Category* known = terms.Find(term);
    Category category;
    category.slug = known ? known->slug : term.slug;
    category.names[lang] = term.name;
    if (taxonomy->Add(category)) changed = true;
  }
  return changed;
}

}  // namespace l10n
