#include "post/markdown_html_block.h"

#include <algorithm>

#include "post/html_segmenter.h"
#include "post/unit_builder.h"

namespace l10n {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool Overlaps(const Range& a, const Range& b) { return a.begin < b.end && b.begin < a.end; }

bool OverlapsAny(const Range& r, const std::vector<Range>& sorted) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), r.begin,
                             [](const Range& x, size_t pos) { return x.end <= pos; });
  return it != sorted.end() && Overlaps(*it, r);
}

void Shift(size_t by, Range* r) {
  if (r->empty()) return;  // an omitted tag stays omitted
  r->begin += by;
  r->end += by;
}

}  // namespace

void SegmentMarkdownHtmlBlock(std::string_view text, const std::vector<Range>& lines,
                              const std::vector<Range>& template_tags, const std::string& path,
                              const std::string& slug, const LineMap& line_map,
                              DiagnosticSink* sink, std::vector<Unit>* units) {
  if (lines.empty()) return;
  size_t begin = lines.front().begin, end = lines.back().end;
  if (begin >= end) return;
  // The bytes between two lines that are not white space are a container's
  // prefix: blank to the HTML parser, never inside a unit.
  std::string block(text.substr(begin, end - begin));
  std::vector<Range> prefixes;
  for (size_t i = 1; i < lines.size(); ++i) {
    Range gap = {lines[i - 1].end, lines[i].begin};
    if (gap.begin >= gap.end) continue;
    bool prefix = false;
    for (size_t j = gap.begin; j < gap.end; ++j) {
      if (IsBlank(text[j])) continue;
      prefix = true;
      block[j - begin] = ' ';
    }
    if (prefix) prefixes.push_back(gap);
  }
  DiagnosticSink html_sink;
  Segmentation seg = SegmentHtml(block, path, &html_sink);
  for (Unit& u : seg.units) {
    if (u.kind == UnitKind::kPreformatted) continue;
    Shift(begin, &u.range);
    if (OverlapsAny(u.range, prefixes) || OverlapsAny(u.range, template_tags)) continue;
    for (Placeholder& p : u.placeholders) {
      Shift(begin, &p.start_tag);
      Shift(begin, &p.end_tag);
      Shift(begin, &p.element);
      for (CategoryLink& link : p.categories) {
        Shift(begin, &link.start_tag);
        Shift(begin, &link.end_tag);
      }
    }
    u.embedded_html = true;
    line_map.Locate(u.range.begin, &u.line, &u.column);
    u.note = UnitNote(u, slug);
    units->push_back(std::move(u));
  }
  // The block's line:col are the post's.
  LineMap block_lines(block);
  for (Diagnostic d : html_sink.diagnostics()) {
    if (d.line > 0) {
      size_t offset = begin + block_lines.Offset(d.line, d.column);
      line_map.Locate(offset, &d.line, &d.column);
    }
    d.path = path;
    sink->Report(std::move(d));
  }
}

}  // namespace l10n
