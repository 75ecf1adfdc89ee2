#include "catalog/po_flags.h"

#include <algorithm>
#include <climits>

namespace l10n {

const char* const kPoFormatNames[kPoFormatCount] = {
    "c",      "objc",       "python", "python-brace", "java",          "java-printf",
    "csharp", "javascript", "scheme", "lisp",         "elisp",         "librep",
    "ruby",   "sh",         "awk",    "lua",          "object-pascal", "smalltalk",
    "qt",     "qt-plural",  "kde",    "kde-kuit",     "boost",         "tcl",
    "perl",   "perl-brace", "php",    "gcc-internal", "gfc-internal",  "ycp"};

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsFlagSeparator(char c) {
  return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool ParseRange(std::string_view flag, std::string* out) {
  if (flag.substr(0, 6) != "range:") return false;
  size_t i = 6;
  while (i < flag.size() && (flag[i] == ' ' || flag[i] == '\t')) ++i;
  auto number = [&](long* value) {
    if (i >= flag.size() || !IsDigit(flag[i])) return false;
    long v = 0;
    while (i < flag.size() && IsDigit(flag[i])) {
      v = std::min<long>(10 * v + (flag[i] - '0'), INT_MAX);
      ++i;
    }
    *value = v;
    return true;
  };
  long min = 0, max = 0;
  if (!number(&min)) return false;
  if (flag.substr(i, 2) != "..") return false;
  i += 2;
  if (!number(&max) || min > max) return false;
  *out = "range: ";
  *out += std::to_string(min);
  *out += "..";
  *out += std::to_string(max);
  return true;
}

// Whether gettext writes the flag.
bool Significant(PoFormatValue v) {
  return v == kPoFormatYes || v == kPoFormatNo || v == kPoFormatPossible;
}

}  // namespace

void SplitPoFlags(std::string_view s, std::vector<std::string>* flags) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsFlagSeparator(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsFlagSeparator(s[i])) ++i;
    if (start == i) continue;
    std::string flag(s.substr(start, i - start));
    if (flag == "range:") {
      while (i < s.size() && IsFlagSeparator(s[i])) ++i;
      size_t value = i;
      while (i < s.size() && !IsFlagSeparator(s[i])) ++i;
      if (value < i) {
        flag += ' ';
        flag += s.substr(value, i - value);
      }
    }
    if (std::find(flags->begin(), flags->end(), flag) == flags->end()) flags->push_back(flag);
  }
}

PoFlags ParsePoFlags(const std::vector<std::string>& flags) {
  PoFlags parsed;
  for (const std::string& flag : flags) {
    std::string_view f = flag;
    if (f == "fuzzy") {
      parsed.fuzzy = true;
      continue;
    }
    if (f == "no-wrap" || f == "wrap") {
      parsed.wrap = f == "wrap" ? 1 : -1;
      if (f == "wrap") parsed.others.push_back(&flag);
      continue;
    }
    constexpr std::string_view kSuffix = "-format";
    if (f.size() > kSuffix.size() && f.substr(f.size() - kSuffix.size()) == kSuffix) {
      std::string_view name = f.substr(0, f.size() - kSuffix.size());
      PoFormatValue value = kPoFormatYes;
      if (name.substr(0, 3) == "no-") {
        name.remove_prefix(3);
        value = kPoFormatNo;
      } else if (name.substr(0, 9) == "possible-") {
        name.remove_prefix(9);
        value = kPoFormatPossible;
      } else if (name.substr(0, 11) == "impossible-") {
        name.remove_prefix(11);
        value = kPoFormatImpossible;
      }
      bool known = false;
      for (int i = 0; i < kPoFormatCount; ++i) {
        if (name == kPoFormatNames[i]) {
          parsed.formats[i] = value;
          known = true;
          break;
        }
      }
      if (known) continue;
    }
    if (ParseRange(f, &parsed.range)) {
      parsed.has_range = true;
      continue;
    }
    bool seen = false;
    for (const std::string* other : parsed.others) seen = seen || *other == flag;
    if (!seen) parsed.others.push_back(&flag);
  }
  return parsed;
}

int FirstPossibleFormat(const PoFlags& flags) {
  for (int i = 0; i < kPoFormatCount; ++i) {
    if (flags.formats[i] == kPoFormatYes || flags.formats[i] == kPoFormatPossible) return i;
  }
  return -1;
}

void AppendPoFlagsLine(const PoFlags& flags, bool fuzzy, bool with_range, std::string* out) {
  bool first = true;
  auto add = [&](std::string_view prefix, std::string_view flag, std::string_view suffix) {
    *out += first ? "#, " : ", ";
    *out += prefix;
    *out += flag;
    *out += suffix;
    first = false;
  };
  if (fuzzy) add("", "fuzzy", "");
  for (int i = 0; i < kPoFormatCount; ++i) {
    if (Significant(flags.formats[i])) {
      add(flags.formats[i] == kPoFormatNo ? "no-" : "", kPoFormatNames[i], "-format");
    }
  }
  if (with_range && flags.has_range) add("", flags.range, "");
  if (flags.wrap < 0) add("", "no-wrap", "");
  for (const std::string* other : flags.others) add("", *other, "");
  if (!first) *out += '\n';
}

}  // namespace l10n
