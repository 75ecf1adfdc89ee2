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

std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

class EmbeddedHtmlFormat : public HtmlFormat {
 public:
  void AppendText(std::string_view text, std::string* out) const override {
    AppendHtmlText(CollapseSpace(text), out);
  }

  std::string RenderAttribute(const Unit& unit, const std::vector<Token>& tokens) const override {
    std::vector<Token> collapsed = tokens;
    for (Token& t : collapsed) {
      if (t.type == Token::kText) t.text = CollapseSpace(t.text);
    }
    return HtmlFormat::RenderAttribute(unit, collapsed);
  }
};

}  // namespace

const PostFormat& HtmlPostFormat() {
  static const HtmlFormat format;
  return format;
}

const PostFormat& EmbeddedHtmlPostFormat() {
  static const EmbeddedHtmlFormat format;
  return format;
}

}  // namespace l10n
