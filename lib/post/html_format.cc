#include "post/html_format.h"

#include "post/html_escape.h"
#include "post/html_segmenter.h"
#include "post/post_input.h"

namespace l10n {

namespace {

class HtmlFormat : public PostFormat {
 public:
  std::optional<InputProblem> CheckInput(std::string_view text) const override {
    return CheckPostInput(text);
  }

  Segmentation Segment(std::string_view text, const std::string& path,
                       const SegmentOptions& options, DiagnosticSink* sink) const override {
    return SegmentHtml(text, path, options, sink);
  }

  void AppendText(std::string_view text, std::string* out) const override {
    AppendHtmlText(text, out);
  }

  // An unquoted value is written in double quotes.
  std::string RenderAttribute(const Unit& unit, const std::vector<Token>& tokens) const override {
    std::string value;
    for (const Token& t : tokens) {
      if (t.type == Token::kText)
        AppendHtmlAttribute(t.text, unit.quote ? unit.quote : '"', &value);
    }
    if (!unit.quote) value = '"' + value + '"';
    return value;
  }

  // <time datetime> and <a rel="category tag">.
  std::string_view ImpliedEndTag(Placeholder::Kind kind) const override {
    return kind == Placeholder::Kind::kDate ? "</time>" : "</a>";
  }

  std::string LanguageEdit(const Segmentation& segmentation, std::string_view lang) const override {
    std::string value;
    AppendHtmlAttribute(lang, '"', &value);
    if (!segmentation.lang_attribute_present) {
      // Inserted after "<html", or written over a valueless "lang=".
      value = (segmentation.lang_range.empty() ? " lang=\"" : "lang=\"") + value + "\"";
    }
    return value;
  }
};

}  // namespace

const PostFormat& HtmlPostFormat() {
  static const HtmlFormat format;
  return format;
}

}  // namespace l10n
