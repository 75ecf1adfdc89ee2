#include "catalog/po_wrap_detect.h"

#include <algorithm>

#include "catalog/po_line_break.h"

namespace l10n {

void PoWrapDetector::Keep(const Evidence& e) {
  Measured m;
  for (bool utf8 : {false, true}) {
    Measured::Lengths& l = m.as[utf8];
    l.line = Columns(e.line_begin, e.line_end, utf8);
    l.breakable = FirstBreak(e.string_begin, e.string_end, utf8) < e.string_end;
    l.next = e.extra;
    if (e.next_end > e.next_begin) {
      l.next = Columns(e.next_begin, FirstBreak(e.next_begin, e.next_end, utf8), utf8);
    }
  }
  evidence_.push_back(m);
}

// The first break opportunity after `begin` in the escaped string
// contents text_[begin, end), or `end`.
size_t PoWrapDetector::NextBreak(size_t begin, size_t end) const {
  return begin + PoNextBreak(text_.substr(begin, end - begin));
}

void PoWrapDetector::NoteString(const PoStringRead& read) {
  const size_t open = read.open, close = read.close;
  const size_t line_start = read.line_start;
  const std::string_view target = read.value;
  const size_t before = read.before;
  size_t line_end = close;
  while (line_end < text_.size() && text_[line_end] != '\n' && text_[line_end] != '\r') ++line_end;
  const size_t begin = open + 1, end = close - 1;
  if (read.no_wrap) {
    segment_ = {};
    return;
  }
  // The longest line that could have been broken.
  size_t bytes = line_end - line_start;
  if (bytes > static_cast<size_t>(std::min(longest_utf8_, longest_bytes_)) &&
      NextBreak(begin, end) < end) {
    longest_utf8_ = std::max(longest_utf8_, Columns(line_start, line_end, true));
    longest_bytes_ = std::max(longest_bytes_, Columns(line_start, line_end, false));
  }
  if (segment_.valid && segment_.soft && segment_.line < read.line &&
      evidence_.size() < kMaxEvidence) {
    Keep({segment_.line_begin, segment_.line_end, segment_.begin, segment_.end, begin, end, 0});
  }
  // `msgid ""` then this string alone, without "\n" inside.
  ++segments_;
  if (segments_ == 1) {
    intro_ = target.size() == before && read.line == read.keyword_line;
  } else if (segments_ == 2 && intro_ && read.line > read.keyword_line &&
             target.find('\n', before) >= target.size() - 1) {
    alone_ = {line_start, line_end, begin, end, 0, 0, static_cast<int>(read.keyword.size()) + 1};
  } else {
    alone_.reset();
  }
  segment_.valid = true;
  segment_.line = read.line;
  segment_.line_begin = line_start;
  segment_.line_end = line_end;
  segment_.begin = begin;
  segment_.end = end;
  segment_.soft = target.size() > before && target.back() != '\n';
}

void PoWrapDetector::EndField() {
  if (alone_ && evidence_.size() < kMaxEvidence) Keep(*alone_);
  alone_.reset();
  segments_ = 0;
  segment_ = {};
}

// Columns of text_[begin, end): exact for UTF-8; for other charsets one
// per byte (legacy CJK charsets take two bytes for a wide character), a
// soft hyphen (0xAD in the ISO-8859 charsets) none.
int PoWrapDetector::Columns(size_t begin, size_t end, bool utf8) const {
  std::string_view s = text_.substr(begin, end - begin);
  if (utf8) return PoColumns(s);
  return static_cast<int>(s.size() - std::count(s.begin(), s.end(), '\xAD'));
}

// Where a line may first break in the string contents text_[begin, end).
// For UTF-8 the Unicode rules; for other charsets after spaces only, which
// errs on the long side.
size_t PoWrapDetector::FirstBreak(size_t begin, size_t end, bool utf8) const {
  if (utf8) return NextBreak(begin, end);
  size_t i = begin;
  while (i < end && text_[i] != ' ') ++i;
  while (i < end && text_[i] == ' ') ++i;
  return i;
}

void PoWrapDetector::Detect(PoStyle* style, bool utf8) const {
  style->width = 79;
  style->no_wrap = false;
  const int longest = utf8 ? longest_utf8_ : longest_bytes_;
  if (evidence_.empty()) {
    style->no_wrap = longest > 79;
    return;
  }
  // Each piece of evidence allows the widths of an interval; pick the width
  // most of them allow. Some can be wrong (gettext does not break inside
  // format directives), so 79
  // wins when only a few (one, or a tenth, of three or more) disagree.
  static constexpr int kMin = 20, kMax = 1000;
  std::vector<int> starts(kMax + 2, 0);  // interval starts minus ends, per width
  auto allow = [&starts](int from, int to) {
    from = std::max(from, kMin);
    to = std::min(to, kMax);
    if (from > to) return;
    ++starts[from];
    --starts[to + 1];
  };
  for (const Measured& m : evidence_) {
    const Measured::Lengths& e = m.as[utf8];
    allow(e.breakable ? e.line : kMin, e.line + e.next - 1);
  }
  if (longest > 0) allow(longest, kMax);
  std::vector<int> allowed(kMax + 1, 0);
  int best = 0, sum = 0;
  for (int w = kMin; w <= kMax; ++w) {
    sum += starts[w];
    allowed[w] = sum;
    best = std::max(best, sum);
  }
  int tolerated = best >= 3 ? std::max(1, best / 10) : 0;
  if (allowed[79] >= best - tolerated) return;
  for (int usual : {80, 100, 120, 72, 76, 78, 70, 60, 64, 90, 132, 110, 140, 150, 160, 200}) {
    if (allowed[usual] == best) {
      style->width = usual;
      return;
    }
  }
  for (int w = kMin; w <= kMax; ++w) {
    if (allowed[w] == best) {
      style->width = w;
      return;
    }
  }
}

}  // namespace l10n
