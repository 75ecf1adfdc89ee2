#include "post/markdown_format.h"

#include "base/language_tag.h"
#include "post/front_matter.h"
#include "post/markdown_escape.h"
#include "post/markdown_segmenter.h"
#include "post/post_input.h"

namespace l10n {

namespace {

// What the translator notes call the post, as Hugo names it: the file name
// without its extension and its ".LANG" ("dia-del-agua.es.md" is
// "dia-del-agua"), and a page bundle's folder for its index file
// ("blog/lima/index.es.md" is "lima").
std::string PostNameForNotes(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && IsLanguageTag(name.substr(dot + 1))) {
    name = name.substr(0, dot);
  }
  if ((name == "index" || name == "_index") && slash != std::string_view::npos && slash > 0) {
    std::string_view folder = path.substr(0, slash);
    size_t up = folder.rfind('/');
    return std::string(folder.substr(up == std::string_view::npos ? 0 : up + 1));
  }
  return std::string(name);
}

class MarkdownFormat : public PostFormat {
 public:
  std::optional<InputProblem> CheckInput(std::string_view text) const override {
    if (std::optional<InputProblem> problem = CheckPostBytes(text)) return problem;
    return CheckFrontMatter(text);
  }

  Segmentation Segment(std::string_view text, const std::string& path,
                       const SegmentOptions& options, DiagnosticSink* sink) const override {
    std::string slug = PostNameForNotes(path);
    Segmentation seg;
    LineMap lines(text);
    size_t body = SegmentFrontMatter(text, slug, options, lines, &seg);
    SegmentMarkdownBody(text, body, path, slug, lines, sink, &seg.units, &seg.links);
    return seg;
  }

  void AppendText(std::string_view text, std::string* out) const override {
    AppendMarkdownText(text, out);
  }

  // Front-matter values in their style; link titles and alt text escaped
  // for their delimiters.
  std::string RenderAttribute(const Unit& unit, const std::vector<Token>& tokens) const override {
    std::string text;
    for (const Token& t : tokens) {
      if (t.type == Token::kText) text += t.text;
    }
    std::string out;
    switch (unit.quote) {
      case ']':
      case '"':
      case '\'':
      case '(':
        AppendMarkdownAttribute(text, unit.quote, &out);
        return out;
      default:
        return RenderFrontMatterValue(unit, text);
    }
  }

  // Markdown has no dates or category links in its text.
  std::string_view ImpliedEndTag(Placeholder::Kind) const override { return ""; }

  // The value of the front matter's lang key, inside its quotes if it has
  // any: a language tag needs no quoting.
  std::string LanguageEdit(const Segmentation&, std::string_view lang) const override {
    return std::string(lang);
  }
};

}  // namespace

const PostFormat& MarkdownPostFormat() {
  static const MarkdownFormat format;
  return format;
}

}  // namespace l10n
