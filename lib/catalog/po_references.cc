#include "catalog/po_references.h"

#include <cstdint>
#include <utility>

#include "catalog/byte_scan.h"

namespace l10n {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What separates references, as gettext reads them (a CR is part of a name;
// the one of a CRLF line end is not in the comment).
bool IsReferenceSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// "12" -> ":12", without leading zeros (as gettext reads a line number).
void AppendLineNumber(std::string_view digits, std::string* ref) {
  *ref += ':';
  if (digits.size() < 20 && (digits.size() == 1 || digits[0] != '0')) {
    *ref += digits;  // already as std::to_string would write it
    return;
  }
  uint64_t n = 0;
  for (char d : digits) n = n * 10 + static_cast<uint64_t>(d - '0');
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

// The first offset from `from` on where s has a reference space, or
// s.size(): names are long, so eight bytes at a time.
size_t FindReferenceSpace(std::string_view s, size_t from) {
  size_t i = from;
  while (i + 8 <= s.size()) {
    uint64_t w = Load8(s.data() + i);
    if (HasByte(w, ' ') || HasByte(w, '\t') || HasByte(w, '\n')) break;
    i += 8;
  }
  while (i < s.size() && !IsReferenceSpace(s[i])) ++i;
  return i;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// The first offset from `from` where s has a space or tab (`want`) or has
// none (!want), or npos. (find_first_of calls memchr once per byte.)
size_t FindSpace(std::string_view s, size_t from, bool want) {
  if (want) return FindSpaceOrTab(s, from);
  for (size_t i = from; i < s.size(); ++i) {
    if (IsSpaceOrTab(s[i]) == want) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void ParsePoReferences(std::string_view s, std::vector<std::string>* refs, bool* open) {
  auto ws = IsReferenceSpace;
  auto add = [refs](std::string_view file, std::string_view digits) {
    std::string& ref = refs->emplace_back();
    ref.reserve(file.size() + 1 + digits.size());
    ref += file;
    if (!digits.empty()) AppendLineNumber(digits, &ref);
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
    i = FindReferenceSpace(s, i);
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
    // Most names have no space (nor has the line number): one piece.
    if (FindSpace(r, 0, true) == std::string_view::npos) {
      piece(" ", r);
      continue;
    }
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

}  // namespace l10n
