#include "project/extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "post/category_link.h"
#include "render/merge_terms.h"

namespace l10n {

namespace {

// Every kind, for the notes of an entry found in a second post.
constexpr UnitKind kAllKinds[] = {
    UnitKind::kTitle,        UnitKind::kHeading,       UnitKind::kParagraph,   UnitKind::kListItem,
    UnitKind::kTerm,         UnitKind::kDefinition,    UnitKind::kTableHeader, UnitKind::kTableCell,
    UnitKind::kTableCaption, UnitKind::kFigureCaption, UnitKind::kQuote,       UnitKind::kBlock,
    UnitKind::kPreformatted, UnitKind::kAltText,       UnitKind::kTitleText,   UnitKind::kLabelText,
    UnitKind::kMetaText,
};

// A reference of an entry: the entry's index, the post's path and the line
// (formatted "path:line" only once it is new). The line is last in the
// formatted text and holds no ':', so two keys are equal exactly when their
// texts are.
struct ReferenceKey {
  size_t entry;
  std::string_view path;
  int line;
  bool operator==(const ReferenceKey& o) const {
    return entry == o.entry && line == o.line && path == o.path;
  }
};

struct ReferenceKeyHash {
  size_t operator()(const ReferenceKey& k) const {
    size_t h = std::hash<std::string_view>()(k.path);
    h ^= k.entry * 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= static_cast<size_t>(static_cast<unsigned>(k.line)) * 0xff51afd7ed558ccdULL;
    return h;
  }
};

// The template's entries by key, and the references they have, so that a
// unit repeated 100,000 times in a post, or a string in every post, is
// added in linear time.
struct TemplateIndex {
  std::unordered_map<std::string, size_t> by_key;
  std::unordered_set<ReferenceKey, ReferenceKeyHash> references;
  // Per entry (by index): the post of its first reference, and whether
  // another post has one too. Exact for "has a reference not starting with
  // path + ':'" when no post's path holds a ':' (slow_posts otherwise).
  struct Posts {
    std::string_view first;
    bool several = false;
  };
  std::vector<Posts> posts;
  bool slow_posts = false;  // some path holds ':': scan the references
};

// The lines of a note ("" gives one empty line).
template <typename F>
void ForEachLine(std::string_view note, F f) {
  size_t start = 0;
  while (start <= note.size()) {
    size_t end = note.find('\n', start);
    if (end == std::string_view::npos) end = note.size();
    f(note.substr(start, end - start));
    start = end + 1;
  }
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool HasKindPrefix(std::string_view s, std::string_view kind) {
  return s.size() >= kind.size() + 2 && s.compare(0, kind.size(), kind) == 0 &&
         s[kind.size()] == ',' && s[kind.size() + 1] == ' ';
}

// `path` must outlive `index` (the posts' paths do).
void AddUnit(const Unit& unit, const std::string& path, Catalog* catalog, TemplateIndex* index) {
  std::string key = MakeKey(unit.context, unit.text);
  auto [it, inserted] = index->by_key.try_emplace(std::move(key), catalog->messages.size());
  const size_t entry = it->second;
  if (inserted) {
    Message& m = catalog->messages.emplace_back();
    m.msgctxt = unit.context;
    m.msgid = unit.text;
    ForEachLine(unit.note,
                [&m](std::string_view line) { m.extracted_comments.emplace_back(line); });
    m.references.push_back(fmt::format("{}:{}", path, unit.line));
    index->references.insert({entry, path, unit.line});
    if (index->posts.size() <= entry) index->posts.resize(entry + 1);
    index->posts[entry] = {path, false};
    return;
  }
  Message& m = catalog->messages[entry];
  TemplateIndex::Posts& posts = index->posts[entry];
  bool other_post;
  if (index->slow_posts) {
    other_post =
        std::any_of(m.references.begin(), m.references.end(), [&path](const std::string& r) {
          return r.size() <= path.size() || r.compare(0, path.size(), path) != 0 ||
                 r[path.size()] != ':';
        });
  } else {
    other_post = posts.several || posts.first != path;
  }
  if (posts.first != path) posts.several = true;
  if (index->references.insert({entry, path, unit.line}).second) {
    m.references.push_back(fmt::format("{}:{}", path, unit.line));
  }
  // The first note line is "kind, slug". In more than one post it is the
  // kind alone: the references list the posts. A line about a placeholder
  // ("<time/> is ...") is there once; other lines are added once.
  const std::string_view kind = UnitKindName(unit.kind);
  std::vector<std::string>& notes = m.extracted_comments;
  bool first = true;
  ForEachLine(unit.note, [&](std::string_view line) {
    bool is_first = first;
    first = false;
    if (is_first && HasKindPrefix(line, kind)) {
      if (std::find(notes.begin(), notes.end(), line) != notes.end()) return;
      if (!other_post) {  // another kind in the same post
        notes.emplace_back(line);
        return;
      }
      // Another post: every "kind, slug" line becomes the kind alone.
      for (std::string& c : notes) {
        for (UnitKind k : kAllKinds) {
          std::string_view name = UnitKindName(k);
          if (HasKindPrefix(c, name)) c.assign(name);
        }
      }
      if (std::find(notes.begin(), notes.end(), kind) == notes.end()) notes.emplace_back(kind);
      return;
    }
    if (!line.empty() && line[0] == '<') {
      std::string_view tag = line.substr(0, line.find(' ') + 1);
      if (std::any_of(notes.begin(), notes.end(),
                      [tag](const std::string& c) { return StartsWith(c, tag); })) {
        return;
      }
    }
    if (std::find(notes.begin(), notes.end(), line) == notes.end()) notes.emplace_back(line);
  });
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
  size_t units = 0;
  for (const PostUnits& post : posts) {
    if (post.path.find(':') != std::string::npos) index.slow_posts = true;
    units += post.segmentation->units.size() + 1;
  }
  index.references.reserve(units);
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
