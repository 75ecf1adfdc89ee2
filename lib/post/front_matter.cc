#include "post/front_matter.h"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "base/ui_text.h"
#include "base/utf8.h"
#include "post/category_link.h"
#include "post/unit_builder.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

constexpr size_t kNpos = std::string_view::npos;

struct Bounds {
  char style = 0;  // '-' YAML, '+' TOML
  size_t content_begin = 0;
  size_t content_end = 0;
  size_t body_begin = 0;
  bool closed = false;
};

// The line at `pos` without its end ("\n" or "\r\n"), and where the next
// line starts.
std::string_view LineAt(std::string_view text, size_t pos, size_t* next) {
  size_t nl = text.find('\n', pos);
  size_t end = nl == kNpos ? text.size() : nl;
  *next = nl == kNpos ? text.size() : nl + 1;
  std::string_view line = text.substr(pos, end - pos);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line;
}

// The front matter's delimiters: a first line "---" or "+++" and the next
// line of the same ("..." also closes YAML); nullopt when there is none.
std::optional<Bounds> FindBounds(std::string_view text) {
  size_t next;
  std::string_view first = LineAt(text, 0, &next);
  if (first != "---" && first != "+++") return std::nullopt;
  Bounds b;
  b.style = first[0];
  b.content_begin = next;
  for (size_t pos = next; pos < text.size();) {
    std::string_view line = LineAt(text, pos, &next);
    if (line == first || (b.style == '-' && line == "...")) {
      b.content_end = pos;
      b.body_begin = next;
      b.closed = true;
      return b;
    }
    pos = next;
  }
  b.content_end = b.body_begin = text.size();
  return b;
}

std::string TrimTrailingNewlines(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

UnitKind KindOfKey(std::string_view key) {
  if (key == "title") return UnitKind::kTitle;
  if (key == "alt") return UnitKind::kAltText;
  if (key == "caption") return UnitKind::kFigureCaption;
  return UnitKind::kMetaText;
}

class FrontMatterReader {
 public:
  FrontMatterReader(std::string_view text, const Bounds& b, const std::string& slug,
                    const SegmentOptions& options, const LineMap& lines, Segmentation* seg)
      : text_(text), b_(b), slug_(slug), options_(options), lines_(lines), seg_(seg) {}

  void ReadYaml() {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(Content()));
    } catch (const YAML::Exception&) {
      return;  // CheckFrontMatter refused it
    }
    WalkYaml(root, 0);
  }

  void ReadToml() {
    std::string_view content = Content();
    for (size_t i = 0; i <= content.size(); ++i) {
      if (i == 0 || content[i - 1] == '\n') line_starts_.push_back(b_.content_begin + i);
    }
    toml::table root;
#if TOML_EXCEPTIONS
    try {
      root = toml::parse(content);
    } catch (const toml::parse_error&) {
      return;
    }
#else
    toml::parse_result result = toml::parse(content);
    if (!result) return;
    root = std::move(result).table();
#endif
    WalkToml(root, 0);
  }

 private:
  std::string_view Content() const {
    return text_.substr(b_.content_begin, b_.content_end - b_.content_begin);
  }

  bool Translatable(std::string_view key) const {
    return std::find(options_.front_matter_keys.begin(), options_.front_matter_keys.end(), key) !=
           options_.front_matter_keys.end();
  }

  void SetLang(const std::string& value, Range range) {
    seg_->lang = value;
    seg_->lang_range = range;
    seg_->lang_attribute_present = true;
    seg_->has_lang_edit = true;
  }

  void Metadata(std::string_view key, std::vector<std::string> values) {
    if (values.empty()) return;
    if (key == "slug") seg_->metadata.slug = values[0];
    if (key == "date") seg_->metadata.date = values[0];
    if (key == "categories") seg_->metadata.categories = std::move(values);
    if (key == "tags") seg_->metadata.tags = std::move(values);
  }

  // Segmentation::head: the slug's value as written (found exactly), and
  // which of Hugo's keys the front matter has, in any case (Hugo reads
  // keys so): a second one would make it invalid.
  void SetSlug(Range range, char quote) {
    if (range.empty()) return;
    seg_->head.slug = range;
    seg_->head.slug_quote = quote;
  }
  // True for `slug`.
  bool HeadKey(std::string_view key) {
    std::string lower(key);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "translationkey") seg_->head.has_translation_key = true;
    if (lower == "slug") seg_->head.has_slug_key = true;
    return lower == "slug";
  }

  // A value of `categories` or `tags` at `range` (empty: not found exactly,
  // then kept as written and not learned).
  void AddTerm(std::string_view key, Range range, char quote, const std::string& value) {
    if (range.empty() || (key != "categories" && key != "tags")) return;
    Segmentation::Metadata::Term term;
    term.kind = key == "tags" ? Segmentation::Metadata::Term::Kind::kTag
                              : Segmentation::Metadata::Term::Kind::kCategory;
    term.name = value;
    term.slug = CategorySlug("", value);
    if (term.slug.empty()) return;
    term.range = range;
    term.quote = quote;
    lines_.Locate(range.begin, &term.line, &term.column);
    seg_->metadata.terms.push_back(std::move(term));
  }

  void AddUnit(std::string_view key, Range range, char quote, std::string value) {
    if (!HasWords(value)) return;
    Unit u;
    u.kind = KindOfKey(key);
    u.is_attribute = true;
    u.quote = quote;
    u.range = range;
    AppendUnitText(value, &u.text);
    lines_.Locate(range.begin, &u.line, &u.column);
    u.note = fmt::format("front matter '{}', {}", key, slug_);
    seg_->units.push_back(std::move(u));
  }

  // --- YAML ---

  void WalkYaml(const YAML::Node& node, int depth) {
    if (depth > 64) return;
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) WalkYaml(item, depth + 1);
      return;
    }
    if (!node.IsMap()) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
      // By value: the iterator's pair is a temporary.
      YAML::Node key_node = it->first;
      YAML::Node value = it->second;
      if (!key_node.IsScalar()) continue;
      std::string key = key_node.Scalar();
      if (depth == 0) {
        std::vector<std::string> values;
        if (value.IsScalar()) values.push_back(value.Scalar());
        if (value.IsSequence()) {
          for (const YAML::Node& v : value) {
            if (v.IsScalar()) values.push_back(v.Scalar());
          }
        }
        Metadata(key, std::move(values));
        if (HeadKey(key) && value.IsScalar()) {
          char quote = 0;
          Range r = YamlScalarRange(value, &quote);
          if (quote != kYamlLiteral && quote != kYamlFolded) SetSlug(r, quote);
        }
        if (key == "categories" || key == "tags") {
          // An alias (*name) is marked where its anchor is, before the
          // key: not this value's bytes.
          int key_pos = key_node.Mark().pos;
          auto add = [&](const YAML::Node& v, bool flow) {
            if (v.Mark().pos <= key_pos) return;
            char quote = 0;
            Range r = YamlScalarRange(v, &quote, flow);
            bool block = quote == kYamlLiteral || quote == kYamlFolded;
            AddTerm(key, r, quote, block ? TrimTrailingNewlines(v.Scalar()) : v.Scalar());
          };
          if (value.IsScalar()) add(value, false);
          if (value.IsSequence()) {
            bool flow = value.Style() == YAML::EmitterStyle::Flow;
            for (const YAML::Node& v : value) {
              if (v.IsScalar()) add(v, flow);
            }
          }
        }
        if ((key == "lang" || key == "language") && value.IsScalar()) {
          char quote;
          Range r = YamlScalarRange(value, &quote);
          if (r.end > r.begin) {
            if (quote == kYamlDouble || quote == kYamlSingle) r = {r.begin + 1, r.end - 1};
            if (quote != kYamlLiteral && quote != kYamlFolded) SetLang(value.Scalar(), r);
          }
        }
      }
      if (value.IsScalar() && Translatable(key)) {
        char quote;
        Range r = YamlScalarRange(value, &quote);
        if (r.end > r.begin) {
          std::string v = value.Scalar();
          bool block = quote == kYamlLiteral || quote == kYamlFolded;
          AddUnit(key, r, quote, block ? TrimTrailingNewlines(v) : v);
        }
      } else if (value.IsMap() || value.IsSequence()) {
        WalkYaml(value, depth + 1);
      }
    }
  }

  // The bytes of a scalar as written, quotes included (a block scalar: its
  // lines); empty when they cannot be found exactly. `flow`: the scalar is
  // an item of a flow collection ("[a, b]"), where a plain one ends at ','.
  Range YamlScalarRange(const YAML::Node& node, char* quote, bool flow = false) {
    YAML::Mark mark = node.Mark();
    if (mark.pos < 0) return {};
    size_t pos = b_.content_begin + static_cast<size_t>(mark.pos);
    size_t end = b_.content_end;
    if (pos >= end) return {};
    std::string_view t = text_;
    const std::string& scalar = node.Scalar();
    char c = t[pos];
    if (c == '"' || c == '\'') {
      *quote = c == '"' ? kYamlDouble : kYamlSingle;
      size_t i = pos + 1;
      while (i < end) {
        if (c == '"' && t[i] == '\\') {
          i += 2;
          continue;
        }
        if (t[i] == c) {
          if (c == '\'' && i + 1 < end && t[i + 1] == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        ++i;
      }
      if (i >= end) return {};
      std::string_view inner = t.substr(pos + 1, i - pos - 1);
      bool plain_inner = inner.find_first_of(c == '"' ? "\\\n" : "'\n") == kNpos;
      if (plain_inner && inner != scalar) return {};
      return {pos, i + 1};
    }
    if (c == '|' || c == '>') {
      *quote = c == '|' ? kYamlLiteral : kYamlFolded;
      size_t next;
      LineAt(t, pos, &next);
      size_t indent = kNpos, first = kNpos, last_end = 0;
      int key_column = mark.column;  // the value's column; content is deeper than its key
      for (size_t p = next; p < end;) {
        size_t line_next;
        std::string_view line = LineAt(t, p, &line_next);
        size_t spaces = line.find_first_not_of(' ');
        if (spaces == kNpos) {  // blank
          p = line_next;
          continue;
        }
        if (indent == kNpos) {
          if (static_cast<int>(spaces) == 0 && key_column > 0) break;
          indent = spaces;
          first = p + spaces;
        } else if (spaces < indent) {
          break;
        }
        last_end = p + line.size();
        p = line_next;
      }
      if (first == kNpos || last_end <= first) return {};
      return {first, last_end};
    }
    *quote = flow ? kYamlFlowPlain : kYamlPlain;
    size_t nl = flow ? t.find_first_of(",[]{}\n", pos) : t.find('\n', pos);
    size_t line_end = nl == kNpos || nl > end ? end : nl;
    std::string_view v = t.substr(pos, line_end - pos);
    size_t comment = v.find(" #");
    if (comment != kNpos) v = v.substr(0, comment);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
      v.remove_suffix(1);
    if (v != scalar) return {};
    return {pos, pos + v.size()};
  }

  // --- TOML ---

  size_t TomlOffset(const toml::source_position& p) const {
    if (p.line == 0 || p.line > line_starts_.size()) return kNpos;
    size_t i = line_starts_[p.line - 1];
    for (size_t col = 1; col < p.column && i < b_.content_end; ++col) {
      i += std::max<size_t>(1, Utf8SequenceLength(text_, i));
    }
    return i;
  }

  void WalkToml(const toml::table& table, int depth) {
    if (depth > 64) return;
    for (auto&& [k, node] : table) {
      std::string key(k.str());
      if (depth == 0) {
        std::vector<std::string> values;
        if (const auto* s = node.as_string()) values.push_back(s->get());
        if (const auto* a = node.as_array()) {
          for (const toml::node& v : *a) {
            if (const auto* s = v.as_string()) values.push_back(s->get());
          }
        }
        if (key == "date" && values.empty() && !node.is_table() && !node.is_array()) {
          size_t b = TomlOffset(node.source().begin), e = TomlOffset(node.source().end);
          if (b != kNpos && e != kNpos && e > b) values.emplace_back(text_.substr(b, e - b));
        }
        Metadata(key, std::move(values));
        if (HeadKey(key) && node.is_string()) {
          char quote = 0;
          Range r = TomlStringRange(node, &quote);
          if (quote == kTomlBasic || quote == kTomlLiteral) SetSlug(r, quote);
        }
        if (key == "categories" || key == "tags") {
          auto add = [&](const toml::node& v) {
            char quote = 0;
            Range r = TomlStringRange(v, &quote);
            AddTerm(key, r, quote, v.as_string()->get());
          };
          if (node.is_string()) add(node);
          if (const auto* a = node.as_array()) {
            for (const toml::node& v : *a) {
              if (v.is_string()) add(v);
            }
          }
        }
        if ((key == "lang" || key == "language") && node.is_string()) {
          char quote;
          Range r = TomlStringRange(node, &quote);
          if ((quote == kTomlBasic || quote == kTomlLiteral) && r.end > r.begin + 1)
            SetLang(node.as_string()->get(), {r.begin + 1, r.end - 1});
        }
      }
      if (const auto* s = node.as_string(); s && Translatable(key)) {
        char quote;
        Range r = TomlStringRange(node, &quote);
        if (r.end > r.begin) AddUnit(key, r, quote, s->get());
      } else if (const auto* t = node.as_table()) {
        WalkToml(*t, depth + 1);
      } else if (const auto* a = node.as_array()) {
        for (const toml::node& v : *a) {
          if (const auto* vt = v.as_table()) WalkToml(*vt, depth + 1);
        }
      }
    }
  }

  Range TomlStringRange(const toml::node& node, char* quote) {
    size_t pos = TomlOffset(node.source().begin);
    size_t end = b_.content_end;
    if (pos == kNpos || pos >= end) return {};
    std::string_view t = text_.substr(0, end);
    const std::string& value = node.as_string()->get();
    char c = t[pos];
    if (c != '"' && c != '\'') return {};
    if (t.substr(pos, 3) == std::string(3, c)) {
      *quote = c == '"' ? kTomlMultiBasic : kTomlMultiLiteral;
      size_t i = pos + 3;
      while (i < end && t.substr(i, 3) != std::string(3, c))
        i += (c == '"' && t[i] == '\\') ? 2 : 1;
      if (i >= end) return {};
      i += 3;
      while (i < end && t[i] == c && i < pos + 3 + value.size() + 5) ++i;  // """a"""" ends late
      return {pos, i};
    }
    *quote = c == '"' ? kTomlBasic : kTomlLiteral;
    size_t i = pos + 1;
    while (i < end && t[i] != c && t[i] != '\n') i += (c == '"' && t[i] == '\\') ? 2 : 1;
    if (i >= end || t[i] != c) return {};
    std::string_view inner = t.substr(pos + 1, i - pos - 1);
    if (inner.find('\\') == kNpos && inner != value) return {};
    return {pos, i + 1};
  }

  std::string_view text_;
  Bounds b_;
  const std::string& slug_;
  const SegmentOptions& options_;
  const LineMap& lines_;
  Segmentation* seg_;
  std::vector<size_t> line_starts_;
};

}  // namespace

std::optional<InputProblem> CheckFrontMatter(std::string_view text) {
  std::optional<Bounds> b = FindBounds(text);
  if (!b) return std::nullopt;
  if (!b->closed) {
    return InputProblem{0, FormatUi("the front matter opened by '{0}' is never closed by a "
                                    "'{0}' line",
                                    b->style == '-' ? "---" : "+++")};
  }
  std::string_view content = text.substr(b->content_begin, b->content_end - b->content_begin);
  if (b->style == '-') {
    try {
      YAML::Node root = YAML::Load(std::string(content));
      if (!root.IsMap() && !root.IsNull()) {
        return InputProblem{b->content_begin, _("the YAML front matter is not a mapping of keys")};
      }
    } catch (const YAML::Exception& e) {
      size_t at = b->content_begin + (e.mark.pos > 0 ? static_cast<size_t>(e.mark.pos) : 0);
      return InputProblem{std::min(at, text.size()),
                          FormatUi("invalid YAML front matter: {}", e.msg)};
    }
    return std::nullopt;
  }
  auto problem = [&](const toml::source_region& where, std::string_view what) {
    size_t at = b->content_begin;
    // Lines and code-point columns of the content to a byte offset.
    for (size_t line = 1; line < where.begin.line && at < b->content_end; ++line) {
      size_t nl = text.find('\n', at);
      at = nl == kNpos ? b->content_end : nl + 1;
    }
    for (size_t col = 1; col < where.begin.column && at < b->content_end; ++col)
      at += std::max<size_t>(1, Utf8SequenceLength(text, at));
    return InputProblem{std::min(at, text.size()),
                        FormatUi("invalid TOML front matter: {}", std::string(what))};
  };
#if TOML_EXCEPTIONS
  try {
    (void)toml::parse(content);
  } catch (const toml::parse_error& e) {
    return problem(e.source(), e.description());
  }
#else
  toml::parse_result result = toml::parse(content);
  if (!result) return problem(result.error().source(), result.error().description());
#endif
  return std::nullopt;
}

size_t SegmentFrontMatter(std::string_view text, const std::string& slug,
                          const SegmentOptions& options, const LineMap& lines, Segmentation* seg) {
  std::optional<Bounds> b = FindBounds(text);
  if (!b || !b->closed) return 0;
  // Where the site's slug goes (render/site_head.h): a top-level key, so
  // in TOML before the first [table], in YAML at the end.
  seg->head.found = true;
  seg->head.syntax = b->style;
  seg->head.insert_at = b->style == '-' ? b->content_end : b->content_begin;
  seg->head.at_line_start = true;
  if (b->content_begin >= 2 && text[b->content_begin - 2] == '\r') seg->head.eol = "\r\n";
  FrontMatterReader reader(text, *b, slug, options, lines, seg);
  size_t first = seg->units.size();
  if (b->style == '-') {
    reader.ReadYaml();
  } else {
    reader.ReadToml();  // its tables are in key order
  }
  std::stable_sort(seg->units.begin() + static_cast<std::ptrdiff_t>(first), seg->units.end(),
                   [](const Unit& x, const Unit& y) { return x.range.begin < y.range.begin; });
  std::vector<Segmentation::Metadata::Term>& terms = seg->metadata.terms;
  std::stable_sort(terms.begin(), terms.end(),
                   [](const auto& x, const auto& y) { return x.range.begin < y.range.begin; });
  return b->body_begin;
}

}  // namespace l10n
