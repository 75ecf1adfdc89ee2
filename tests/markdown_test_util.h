// Helpers of the Markdown format's tests: a segmentation as text, merge of
// a Markdown post with a translation function.
#ifndef L10N_TESTS_MARKDOWN_TEST_UTIL_H_
#define L10N_TESTS_MARKDOWN_TEST_UTIL_H_

#include <fmt/format.h>

#include <functional>
#include <string>

#include "post/markdown_format.h"
#include "render/merge.h"

namespace l10n {

// One line per unit: its kind, its msgid and the source bytes it replaces;
// attribute units marked "@".
inline std::string DumpMarkdownUnits(const Segmentation& seg, std::string_view text) {
  std::string out;
  for (const Unit& u : seg.units) {
    out += fmt::format("{}{}: {} [{}]\n", u.is_attribute ? "@" : "", UnitKindName(u.kind), u.text,
                       text.substr(u.range.begin, u.range.end - u.range.begin));
  }
  return out;
}

inline Segmentation SegmentMarkdown(std::string_view text, const std::string& path = "post.md") {
  DiagnosticSink sink;
  return MarkdownPostFormat().Segment(text, path, SegmentOptions(), &sink);
}

// The post, in English, merged with `translate` (nullopt: the source
// text) into `target`.
inline std::string MergeMarkdown(
    const std::string& text,
    const std::function<std::optional<std::string>(const Unit&)>& translate,
    const std::string& path = "post.md", std::string* errors = nullptr,
    const std::string& target = "es") {
  DiagnosticSink sink;
  Segmentation seg = MarkdownPostFormat().Segment(text, path, SegmentOptions(), &sink);
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = target;
  options.translate = [&](const Unit& u) -> std::optional<Translation> {
    std::optional<std::string> t = translate(u);
    if (!t) return std::nullopt;
    return Translation{*t, "es.po", 1, nullptr};
  };
  MergeResult result = MergePost(text, path, seg, options, &sink);
  if (errors) {
    for (const Diagnostic& d : sink.diagnostics()) *errors += d.Render() + "\n";
  }
  return result.html;
}

}  // namespace l10n

#endif  // L10N_TESTS_MARKDOWN_TEST_UTIL_H_
