// Where the nodes of gumbo's tree are in the post's bytes (for the HTML
// segmenter, post/html_segmenter.h): a node's extent, its start and end
// tags, an attribute's value, and line and column of an offset. Elements the
// parser made up have no bytes of their own and span their children.
#ifndef L10N_POST_HTML_SOURCE_MAP_H_
#define L10N_POST_HTML_SOURCE_MAP_H_

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "unit/unit.h"

namespace l10n {

class HtmlSourceMap {
 public:
  // `html` is the whole post; gumbo reads it from base() on.
  explicit HtmlSourceMap(std::string_view html);

  // A byte order mark is no text (the HTML encoding sniffing algorithm
  // takes it off before tokenizing): gumbo would read it as text before
  // the doctype and imply an <html> without our lang. Offsets stay those
  // of the whole input, so merge copies the mark with the other bytes.
  size_t base() const { return base_; }
  std::string_view html() const { return html_; }

  // The offset in the post of a pointer into gumbo's input.
  size_t Offset(const char* p) const { return static_cast<size_t>(p - html_.data()); }
  // 1-based line and column (in bytes) of `offset`.
  void Locate(size_t offset, int* line, int* column) const;

  // Where a node's source begins / ends.
  size_t NodeBegin(const GumboNode* node) const;
  size_t NodeEnd(const GumboNode* node) const;
  // The element's tags as written; empty when the parser made them up.
  Range StartTag(const GumboElement& el) const;
  Range EndTag(const GumboElement& el) const;
  // The range of an attribute's value without quotes; *quote (when given)
  // receives the quote character or 0.
  Range ValueRange(const GumboAttribute& attr, char* quote) const;

 private:
  std::string_view html_;
  size_t base_ = 0;
  std::vector<size_t> line_starts_;
  // NodeEnd, remembered: every placeholder of 1,000 nested unclosed
  // elements asks for the end of the ones inside it.
  mutable std::unordered_map<const GumboNode*, size_t> end_cache_;
};

}  // namespace l10n

#endif  // L10N_POST_HTML_SOURCE_MAP_H_
