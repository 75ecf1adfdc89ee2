#include "catalog/taxonomy.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A language code as a key of a category table: "en", "es", "pt-BR",
// "zh-Hant" (2-3 letters, then subtags of 1-8 letters or digits).
bool IsLanguageCode(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiAlpha(s[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < s.size()) {
    if (s[i] != '-') return false;
    size_t start = ++i;
    while (i < s.size() && IsAsciiAlnum(s[i])) ++i;
    if (i - start < 1 || i - start > 8) return false;
  }
  return true;
}

// toml++ counts columns in code points; diagnostics count bytes.
int ByteColumn(std::string_view text, int line, int column) {
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return column;
    pos = nl + 1;
  }
  size_t start = pos;
  // (toml++ stops at the first invalid byte: the text before a column it
  // reports is well-formed UTF-8.)
  for (int c = 1; c < column && pos < text.size() && text[pos] != '\n'; ++c) {
    NextCodePoint(text, &pos);
  }
  return static_cast<int>(pos - start) + 1;
}

// The byte offset of line `line` (1-based) of `text`.
size_t LineOffset(std::string_view text, int line) {
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return text.size();
    pos = nl + 1;
  }
  return pos;
}

// Where byte `offset` of the decoded value of the TOML string at
// text[start] (basic or literal, one line or multi-line) is written: the
// offset in `text` of the character or escape that gives that byte.
size_t RawOffset(std::string_view text, size_t start, size_t offset) {
  size_t i = start;
  char quote = text[i];
  if (quote != '"' && quote != '\'') return start;
  bool multi = text.substr(i, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''");
  i += multi ? 3 : 1;
  if (multi) {  // a newline right after the opening quotes is not part of it
    if (text.substr(i, 2) == "\r\n") {
      i += 2;
    } else if (i < text.size() && text[i] == '\n') {
      ++i;
    }
  }
  size_t decoded = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == quote && (!multi || text.substr(i, 3) == std::string(3, quote))) break;
    if (multi && c == '\\' && quote == '"' && i + 1 < text.size() &&
        (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' || text[i + 1] == '\r')) {
      // A line-ending backslash: it and the white space up to the next
      // text go.
      ++i;
      while (i < text.size() &&
             (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
        ++i;
      }
      continue;
    }
    if (decoded >= offset) return i;
    if (c == '\\' && quote == '"' && i + 1 < text.size()) {
      char e = text[i + 1];
      if (e == 'u' || e == 'U' || e == 'x') {
        size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : 2;
        uint32_t value = 0;
        for (size_t k = 0; k < digits && i + 2 + k < text.size(); ++k) {
          char h = text[i + 2 + k];
          value = value * 16 + static_cast<uint32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        decoded += Utf8Length(value);
        i += 2 + digits;
      } else {
        decoded += 1;
        i += 2;
      }
      continue;
    }
    if (c == '\r' && text.substr(i, 2) == "\r\n") {  // read as "\n"
      decoded += 1;
      i += 2;
      continue;
    }
    decoded += 1;
    i += 1;
  }
  return i;
}

// "Error while parsing key-value pair: expected value, saw '\n'" ->
// "expected value, saw '\n'": the rest reads like our own messages.
std::string TomlDescription(std::string_view description) {
  constexpr std::string_view kPrefix = "Error while parsing ";
  if (description.substr(0, kPrefix.size()) == kPrefix) {
    size_t colon = description.find(": ");
    if (colon != std::string_view::npos) description.remove_prefix(colon + 2);
  }
  std::string out(description);
  if (!out.empty()) out[0] = AsciiLower(out[0]);
  return out;
}

// Appends `s` as a TOML basic string. Invalid UTF-8 (which TOML cannot hold)
// becomes U+FFFD so the file always parses back.
void AppendQuoted(std::string_view s, std::string* out) {
  *out += '"';
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = NextCodePoint(s, &i);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (c == 0xFFFD) {  // also what an ill-formed sequence reads as
          *out += "\xEF\xBF\xBD";
        } else if (c < 0x20 || c == 0x7F) {
          *out += fmt::format("\\u{:04X}", static_cast<int>(c));
        } else {
          out->append(s.substr(start, i - start));
        }
    }
  }
  *out += '"';
}

// A bare key when TOML allows one (A-Za-z0-9_-), a quoted key otherwise.
void AppendKey(std::string_view key, std::string* out) {
  bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return IsAsciiAlnum(c) || c == '-' || c == '_';
  });
  if (bare) {
    out->append(key);
  } else {
    AppendQuoted(key, out);
  }
}

}  // namespace

std::string Category::Name(std::string_view lang) const {
  auto it = names.find(std::string(lang));
  return it == names.end() ? std::string() : it->second;
}

std::string Category::Slug(std::string_view lang) const {
  auto it = slugs.find(std::string(lang));
  return it == slugs.end() ? slug : it->second;
}

bool IsUrlSlug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

bool Taxonomy::Parse(std::string_view text, const std::string& path, DiagnosticSink* sink) {
  categories_.clear();
  name_offsets_.clear();
  path_ = path;
  text_ = std::string(text);
  auto error_at = [&](const toml::source_region& where, std::string message) {
    int line = static_cast<int>(where.begin.line);
    int column = static_cast<int>(where.begin.column);
    if (line > 0 && column > 0) column = ByteColumn(text, line, column);
    sink->Error(path, line, column, std::move(message));
  };

  toml::table root;
#if TOML_EXCEPTIONS
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    error_at(e.source(), TomlDescription(e.description()));
    return false;
  }
#else
  toml::parse_result result = toml::parse(text, std::string_view(path));
  if (!result) {
    error_at(result.error().source(), TomlDescription(result.error().description()));
    return false;
  }
  root = std::move(result).table();
#endif

  bool ok = true;
  for (auto&& [key, node] : root) {
    if (key.str() != "categories") {
      error_at(key.source(), FormatUi("unknown key '{}'", key.str()));
      ok = false;
      continue;
    }
    const toml::table* table = node.as_table();
    if (!table) {
      error_at(key.source(), _("expected a table for 'categories'"));
      ok = false;
      continue;
    }
    for (auto&& [slug, value] : *table) {
      const toml::table* names = value.as_table();
      if (slug.str().empty()) {
        error_at(slug.source(), _("empty category slug"));
        ok = false;
        continue;
      }
      if (!names) {
        error_at(slug.source(), FormatUi("category '{}': expected a table", slug.str()));
        ok = false;
        continue;
      }
      Category category;
      category.slug = std::string(slug.str());
      for (auto&& [lang, name] : *names) {
        if (lang.str() == "slug") {
          const toml::table* slugs = name.as_table();
          if (!slugs) {
            error_at(lang.source(),
                     FormatUi("category '{}': expected a table of slugs by language for 'slug'",
                              slug.str()));
            ok = false;
            continue;
          }
          for (auto&& [slug_lang, slug_value] : *slugs) {
            const auto* v = slug_value.as_string();
            if (!IsLanguageCode(slug_lang.str())) {
              error_at(slug_lang.source(), FormatUi("category '{}': '{}' is not a language code",
                                                    slug.str(), slug_lang.str()));
              ok = false;
            } else if (!v || !IsUrlSlug(v->get())) {
              error_at(slug_value.source(),
                       FormatUi("category '{}': the slug in '{}' must be lowercase ASCII letters, "
                                "digits and hyphens",
                                slug.str(), slug_lang.str()));
              ok = false;
            } else {
              category.slugs.emplace(std::string(slug_lang.str()), v->get());
            }
          }
        } else if (!IsLanguageCode(lang.str())) {
          error_at(lang.source(),
                   FormatUi("category '{}': '{}' is not a language code", slug.str(), lang.str()));
          ok = false;
        } else if (const auto* s = name.as_string()) {
          category.names.emplace(std::string(lang.str()), s->get());
          const toml::source_position& at = s->source().begin;
          if (at.line > 0 && at.column > 0) {
            name_offsets_[{category.slug, std::string(lang.str())}] =
                LineOffset(text, static_cast<int>(at.line)) +
                static_cast<size_t>(
                    ByteColumn(text, static_cast<int>(at.line), static_cast<int>(at.column)) - 1);
          }
        } else {
          error_at(lang.source(),
                   FormatUi("category '{}': expected a string for '{}'", slug.str(), lang.str()));
          ok = false;
        }
      }
      categories_.push_back(std::move(category));
    }
  }
  std::sort(categories_.begin(), categories_.end(),
            [](const Category& a, const Category& b) { return a.slug < b.slug; });
  return ok;
}

std::string Taxonomy::Serialize() const {
  std::string out = "# Category names by language (slug -> name). Kept sorted by the l10n tools.\n";
  for (const Category& category : categories_) {
    out += "\n[categories.";
    AppendKey(category.slug, &out);
    out += "]\n";
    for (const auto& [lang, name] : category.names) {  // std::map: sorted
      AppendKey(lang, &out);
      out += " = ";
      AppendQuoted(name, &out);
      out += '\n';
    }
    if (!category.slugs.empty()) {
      out += "slug = {";
      const char* separator = " ";
      for (const auto& [lang, slug] : category.slugs) {
        out += separator;
        AppendKey(lang, &out);
        out += " = ";
        AppendQuoted(slug, &out);
        separator = ", ";
      }
      out += " }\n";
    }
  }
  return out;
}

std::pair<int, int> Taxonomy::Locate(std::string_view slug, std::string_view lang,
                                     size_t offset) const {
  auto it = name_offsets_.find({std::string(slug), std::string(lang)});
  if (it == name_offsets_.end() || it->second >= text_.size()) return {0, 0};
  size_t at = RawOffset(text_, it->second, offset);
  int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + at, '\n'));
  size_t line_start = text_.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
  return {line, static_cast<int>(at - line_start) + 1};
}

const Category* Taxonomy::Find(std::string_view slug) const {
  auto it = std::lower_bound(categories_.begin(), categories_.end(), slug,
                             [](const Category& c, std::string_view s) { return c.slug < s; });
  return it != categories_.end() && it->slug == slug ? &*it : nullptr;
}

bool Taxonomy::Add(const Category& category) {
  if (category.slug.empty()) return false;
  auto it = std::lower_bound(categories_.begin(), categories_.end(), category.slug,
                             [](const Category& c, const std::string& s) { return c.slug < s; });
  if (it == categories_.end() || it->slug != category.slug) {
    Category added{category.slug, {}, {}};
    for (const auto& [lang, name] : category.names) {
      if (!name.empty()) added.names.emplace(lang, name);
    }
    for (const auto& [lang, slug] : category.slugs) {
      if (!slug.empty()) added.slugs.emplace(lang, slug);
    }
    categories_.insert(it, std::move(added));
    return true;
  }
  bool changed = false;
  for (const auto& [lang, name] : category.names) {
    if (name.empty()) continue;
    std::string& mine = it->names[lang];
    if (mine.empty()) {
      mine = name;
      changed = true;
    }
  }
  for (const auto& [lang, slug] : category.slugs) {
    if (slug.empty()) continue;
    std::string& mine = it->slugs[lang];
    if (mine.empty()) {
      mine = slug;
      changed = true;
    }
  }
  return changed;
}

}  // namespace l10n
