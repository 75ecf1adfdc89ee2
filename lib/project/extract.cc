#include "project/extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string_view>
#include <unordered_map>

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

// The references of the template's entries, each (entry, post, line) once:
// an open-addressing hash set of three numbers (posts by index, two posts of
// the same path one index), so that adding one allocates nothing and hashes
// no text. The line is last in a reference's text and holds no ':', so two
// keys are equal exactly when their texts are.
class ReferenceSet {
 public:
  void Reserve(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > slots_.size()) Rehash(capacity);
  }

  // False when the set had the reference already.
  bool Insert(size_t entry, uint32_t post, int line) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(std::max<size_t>(16, 2 * slots_.size()));
    Slot key{static_cast<uint64_t>(entry) + 1, post, static_cast<uint32_t>(line)};
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.entry == 0) {
        slot = key;
        ++size_;
        return true;
      }
      if (slot.entry == key.entry && slot.post == key.post && slot.line == key.line) return false;
    }
  }

 private:
  struct Slot {
    uint64_t entry = 0;  // the entry's index + 1; 0: empty
    uint32_t post = 0;
    uint32_t line = 0;
  };

  static size_t Hash(const Slot& k) {
    uint64_t h = k.entry * 0x9e3779b97f4a7c15ULL;
    h ^= (static_cast<uint64_t>(k.post) << 32 | k.line) * 0xff51afd7ed558ccdULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }

  void Rehash(size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    size_t mask = capacity - 1;
    for (const Slot& k : old) {
      if (k.entry == 0) continue;
      size_t i = Hash(k) & mask;
      while (slots_[i].entry != 0) i = (i + 1) & mask;
      slots_[i] = k;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t size_ = 0;
};

// The template's entries by key, and the references they have, so that a
// unit repeated 100,000 times in a post, or a string in every post, is
// added in linear time.
struct TemplateIndex {
  std::unordered_map<std::string, size_t> by_key;
  std::string key;  // the key of the unit being added (its capacity kept)
  ReferenceSet references;
  // Per entry (by index): the post of its first reference, and whether
  // another post has one too. Exact for "has a reference not starting with
  // path + ':'" when no post's path holds a ':' (slow_posts otherwise).
  struct Posts {
    std::string_view first;
    bool several = false;
    // The notes before this one are final: no "kind, slug" line among
    // them is left to become the kind alone.
    size_t collapsed = 0;
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

// "path:line".
std::string FormatReference(std::string_view path, int line) {
  char digits[16];
  char* end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  std::string out;
  out.reserve(path.size() + 1 + static_cast<size_t>(end - digits));
  out += path;
  out += ':';
  out.append(digits, static_cast<size_t>(end - digits));
  return out;
}

// `path` must outlive `index` (the posts' paths do); `post` numbers it
// (the same number for the same path).
void AddUnit(const Unit& unit, const std::string& path, uint32_t post, Catalog* catalog,
             TemplateIndex* index) {
  MakeKey(unit.context, unit.text, &index->key);
  auto it = index->by_key.find(index->key);
  const bool inserted = it == index->by_key.end();
  if (inserted) it = index->by_key.emplace(index->key, catalog->messages.size()).first;
  const size_t entry = it->second;
  if (inserted) {
    Message& m = catalog->messages.emplace_back();
    m.msgctxt = unit.context;
    m.msgid = unit.text;
    ForEachLine(unit.note,
                [&m](std::string_view line) { m.extracted_comments.emplace_back(line); });
    m.references.push_back(FormatReference(path, unit.line));
    index->references.Insert(entry, post, unit.line);
    if (index->posts.size() <= entry) index->posts.resize(entry + 1);
    index->posts[entry] = {path, false, 0};
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
  if (index->references.Insert(entry, post, unit.line)) {
    m.references.push_back(FormatReference(path, unit.line));
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
      // Another post: every "kind, slug" line becomes the kind alone. (A
      // kind alone has no ", ": the notes done before stay as they are.)
      for (size_t c = posts.collapsed; c < notes.size(); ++c) {
        for (UnitKind k : kAllKinds) {
          std::string_view name = UnitKindName(k);
          if (HasKindPrefix(notes[c], name)) notes[c].assign(name);
        }
      }
      if (std::find(notes.begin(), notes.end(), kind) == notes.end()) notes.emplace_back(kind);
      posts.collapsed = notes.size();
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
  std::vector<uint32_t> post_numbers;  // by path
  std::unordered_map<std::string_view, uint32_t> numbers;
  for (const PostUnits& post : posts) {
    if (post.path.find(':') != std::string::npos) index.slow_posts = true;
    units += post.segmentation->units.size() + 1;
    auto [it, inserted] = numbers.try_emplace(post.path, static_cast<uint32_t>(numbers.size()));
    post_numbers.push_back(it->second);
  }
  index.references.Reserve(units);
  for (size_t k = 0; k < posts.size(); ++k) {
    const PostUnits& post = posts[k];
    if (!post.slug.empty() && !post.slug_note.empty()) {
      Unit entry;
      entry.kind = UnitKind::kBlock;
      entry.context = std::string(kSlugContext);
      entry.text = post.slug;
      entry.line = 1;
      entry.note = post.slug_note;
      AddUnit(entry, post.path, post_numbers[k], &catalog, &index);
    }
    for (const Unit& unit : post.segmentation->units) {
      if (unit.translatable) AddUnit(unit, post.path, post_numbers[k], &catalog, &index);
    }
  }
  // Category names without a name in the other language are translated in
  // the catalog, like everything else.
  TermCategories terms(taxonomy, info.source_lang);
  for (size_t k = 0; k < posts.size(); ++k) {
    const PostUnits& post = posts[k];
    const uint32_t post_number = post_numbers[k];
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
      AddUnit(entry, post.path, post_number, &catalog, &index);
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
