// The reading and writing of "#:" lines (po_references.h) against the code
// before its fast paths (line numbers kept as read when canonical, names
// scanned eight bytes at a time, a name without spaces written as one
// piece), kept here as the oracle, on random lines and reference lists:
// spaces, tabs, line ends, colons, digits with leading zeros or past 64
// bits, isolates, CJK, long names.
#include "catalog/po_references.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace l10n {
namespace {
namespace before {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What separates references, as gettext reads them (a CR is part of a name;
// the one of a CRLF line end is not in the comment).
bool IsReferenceSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// "12" -> ":12", without leading zeros (as gettext reads a line number).
void AppendLineNumber(std::string_view digits, std::string* ref) {
  uint64_t n = 0;
  for (char d : digits) n = n * 10 + static_cast<uint64_t>(d - '0');
  *ref += ':';
  *ref += std::to_string(n);
}

// The rest of an isolated file name from s[i] into refs->back(), then its
// ":12". Without U+2069 on this line, the name goes on on the next "#:"
// line (*open stays set): gettext 0.21 reads the name as several
// references, split at its spaces, and may break the line between them.
size_t ReadIsolated(std::string_view s, size_t i, std::vector<std::string>* refs, bool* open) {
  std::string& ref = refs->back();
  size_t close = s.find(kIsolateClose, i);
  if (close == std::string_view::npos) {
    std::string_view rest = s.substr(i);
    while (!rest.empty() && IsReferenceSpace(rest.back())) rest.remove_suffix(1);
    ref += rest;
    return s.size();
  }
  ref += s.substr(i, close - i);
  *open = false;
  // ":12", "\u2069 : 12" too; anything else starts the next reference.
  size_t end = close + kIsolateClose.size();
  size_t p = end;
  while (p < s.size() && IsReferenceSpace(s[p])) ++p;
  bool line_number = p < s.size() && s[p] == ':';
  size_t digits = p + 1;
  if (line_number) {
    for (p = digits; p < s.size() && IsReferenceSpace(s[p]); ++p) {
    }
    digits = p;
    while (p < s.size() && IsDigit(s[p])) ++p;
    line_number = p > digits && (p == s.size() || IsReferenceSpace(s[p]));
  }
  if (!line_number) {
    if (ref.empty()) refs->pop_back();  // "\u2068\u2069" names no file
    return end;
  }
  AppendLineNumber(s.substr(digits, p - digits), &ref);
  return p;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// The first offset from `from` where s has a space or tab (`want`) or has
// none (!want), or npos. (find_first_of calls memchr once per byte.)
size_t FindSpace(std::string_view s, size_t from, bool want) {
  for (size_t i = from; i < s.size(); ++i) {
    if (IsSpaceOrTab(s[i]) == want) return i;
  }
  return std::string_view::npos;
}

void ParsePoReferences(std::string_view s, std::vector<std::string>* refs, bool* open) {
  auto ws = IsReferenceSpace;
  auto add = [refs](std::string_view file, std::string_view digits) {
    std::string ref(file);
    if (!digits.empty()) AppendLineNumber(digits, &ref);
    refs->push_back(std::move(ref));
  };
  size_t i = 0;
  if (*open) {
    while (i < s.size() && ws(s[i])) ++i;
    if (i >= s.size()) return;
    refs->back() += ' ';  // where the line was broken
    i = ReadIsolated(s, i, refs, open);
  }
  while (i < s.size()) {
    while (i < s.size() && ws(s[i])) ++i;
    if (i >= s.size()) break;
    if (s.substr(i, kIsolateOpen.size()) == kIsolateOpen) {
      refs->emplace_back();
      *open = true;
      i = ReadIsolated(s, i + kIsolateOpen.size(), refs, open);
      continue;
    }
    size_t start = i;
    while (i < s.size() && !ws(s[i])) ++i;
    size_t end = i;
    // "file : 12" or "file :12".
    size_t p = end;
    while (p < s.size() && ws(s[p])) ++p;
    if (p < s.size() && s[p] == ':') {
      ++p;
      while (p < s.size() && ws(s[p])) ++p;
      size_t digits = p;
      while (p < s.size() && IsDigit(s[p])) ++p;
      if (p > digits && (p == s.size() || ws(s[p]))) {
        add(s.substr(start, end - start), s.substr(digits, p - digits));
        i = p;
        continue;
      }
    }
    // "file: 12".
    if (s[end - 1] == ':') {
      p = end;
      while (p < s.size() && ws(s[p])) ++p;
      size_t digits = p;
      while (p < s.size() && IsDigit(s[p])) ++p;
      if (p > digits && (p == s.size() || ws(s[p]))) {
        add(s.substr(start, end - 1 - start), s.substr(digits, p - digits));
        i = p;
        continue;
      }
    }
    // "file:12".
    p = end;
    while (p > start && IsDigit(s[p - 1])) --p;
    if (p < end && p > start + 1 && s[p - 1] == ':') {
      add(s.substr(start, p - 1 - start), s.substr(p, end - p));
    } else {
      add(s.substr(start, end - start), {});
    }
  }
}

void AppendPoReferences(const std::vector<std::string>& references, int page_width,
                        std::string* out) {
  if (references.empty()) return;
  *out += "#:";
  size_t column = 2;
  // `piece` after `separator`: the line may break there when the
  // separator is one space (gettext 0.21 joins with one space).
  auto piece = [&](std::string_view separator, std::string_view p) {
    size_t width = static_cast<size_t>(page_width);
    if (separator == " " && column > 2 && column + p.size() + 1 > width) {
      *out += "\n#:";
      column = 2;
    }
    *out += separator;
    *out += p;
    column += separator.size() + p.size();
  };
  std::string isolated;
  bool after_colon = false;  // the last reference ends with ':'
  for (const std::string& ref : references) {
    std::string_view r = ref;
    while (r.size() >= 2 && r[0] == '.' && r[1] == '/') r.remove_prefix(2);
    size_t colon = r.size();
    while (colon > 0 && r[colon - 1] >= '0' && r[colon - 1] <= '9') --colon;
    if (colon == r.size() || colon < 2 || r[colon - 1] != ':') {
      colon = r.size();  // no line number
    } else {
      --colon;
    }
    // "a.c :12" and "a.c: 12" read as one reference: when two would
    // look like that, the second starts a line (gettext reads lines apart).
    if (column > 2 &&
        (r.substr(0, 1) == ":" || (after_colon && !r.empty() && r[0] >= '0' && r[0] <= '9'))) {
      *out += "\n#:";
      column = 2;
    }
    after_colon = !r.empty() && r.back() == ':';
    std::string_view file = r.substr(0, colon);
    std::string_view rest = r;
    if (FindSpace(file, 0, true) != std::string_view::npos) {
      isolated = kIsolateOpen;
      isolated += file;
      isolated += kIsolateClose;
      isolated += r.substr(colon);
      rest = isolated;
    }
    std::string_view separator = " ";
    for (;;) {
      size_t end = FindSpace(rest, 0, true);
      piece(separator, rest.substr(0, end));
      if (end == std::string_view::npos) break;
      size_t next = FindSpace(rest, end, false);
      if (next == std::string_view::npos) next = rest.size();
      separator = rest.substr(end, next - end);
      rest.remove_prefix(next);
    }
  }
  *out += '\n';
}

}  // namespace before

const char* const kPieces[] = {
    "posts/a.html",
    "x",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    ":",
    "::",
    "0",
    "00",
    "7",
    "12",
    "0012",
    "99999999999999999999",
    "18446744073709551616",
    "123456789012345678901234",
    "./",
    "../",
    "\xE2\x81\xA8",
    "\xE2\x81\xA9",
    "\xE6\x97\xA5\xE6\x9C\xAC",
    "\xC3\xA9",
    "a-very-long-post-name-that-is-longer-than-a-line-of-the-catalog-by-itself.html",
};

std::string RandomPiece(std::mt19937* rng, int max) {
  std::uniform_int_distribution<size_t> count(0, static_cast<size_t>(max));
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (size_t n = count(*rng); n > 0; --n) s += kPieces[pick(*rng)];
  return s;
}

std::string Dump(const std::vector<std::string>& refs, bool open) {
  std::string out;
  for (const std::string& r : refs) out += "[" + r + "]";
  return out + (open ? " open" : "");
}

TEST_CASE("ParsePoReferences reads as before its fast paths") {
  std::mt19937 rng(23);
  for (int i = 0; i < 30000; ++i) {
    // Two lines of one entry, so that an open isolate goes on.
    std::string first = RandomPiece(&rng, 10);
    std::string second = RandomPiece(&rng, 6);
    CAPTURE(first);
    CAPTURE(second);
    std::vector<std::string> got, want;
    bool got_open = false, want_open = false;
    ParsePoReferences(first, &got, &got_open);
    before::ParsePoReferences(first, &want, &want_open);
    REQUIRE(Dump(got, got_open) == Dump(want, want_open));
    ParsePoReferences(second, &got, &got_open);
    before::ParsePoReferences(second, &want, &want_open);
    REQUIRE(Dump(got, got_open) == Dump(want, want_open));
  }
  // Canonical numbers as read, others as gettext reads them.
  struct Case {
    const char* line;
    const char* want;
  };
  const Case cases[] = {
      {" a.html:12 b.html:0 c.html:007", "[a.html:12][b.html:0][c.html:7]"},
      {" a.html:1234567890123456789", "[a.html:1234567890123456789]"},
      {" a.html:18446744073709551616", "[a.html:0]"},  // 2^64, as gettext's unsigned long
      {" a.html : 12 b.html: 3", "[a.html:12][b.html:3]"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> refs;
    bool open = false;
    ParsePoReferences(c.line, &refs, &open);
    CHECK(Dump(refs, open) == c.want);
  }
}

TEST_CASE("AppendPoReferences writes as before its fast path") {
  std::mt19937 rng(29);
  std::uniform_int_distribution<int> count(0, 6);
  std::uniform_int_distribution<int> width(20, 100);
  for (int i = 0; i < 30000; ++i) {
    std::vector<std::string> refs;
    for (int n = count(rng); n > 0; --n) refs.push_back(RandomPiece(&rng, 4));
    int w = width(rng);
    std::string got = "x", want = "x";
    AppendPoReferences(refs, w, &got);
    before::AppendPoReferences(refs, w, &want);
    CAPTURE(Dump(refs, false));
    REQUIRE(got == want);
  }
}

}  // namespace
}  // namespace l10n
