#include "catalog/format_check.h"

#include <algorithm>
#include <map>

namespace l10n {

namespace {

// string invalid (an unknown conversion, a "%" at the end, numbered and
// unnumbered arguments mixed, a number missing or taken with two types).
struct FormatArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
};

std::optional<FormatArgs> ParseFormat(std::string_view s, bool python) {
  FormatArgs args;
  std::map<uint64_t, std::string> numbered;
  bool unnumbered = false;
  auto add = [&](std::optional<uint64_t> number, std::string type) {
    if (!number) {
      unnumbered = true;
      args.positional.push_back(std::move(type));
      return true;
    }
    auto [it, inserted] = numbered.emplace(*number, type);
    return inserted || it->second == type;
  };
  auto read_number = [&](size_t* j) -> std::optional<uint64_t> {
    size_t k = *j;
    uint64_t value = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
      if (value > 1000000) return std::nullopt;
      value = value * 10 + static_cast<uint64_t>(s[k] - '0');
      ++k;
    }
    if (k == *j || k >= s.size() || s[k] != '$' || value == 0) return std::nullopt;
    *j = k + 1;
    return value;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    size_t j = i + 1;
    if (j >= s.size()) return std::nullopt;
    if (s[j] == '%') {
      i = j;
      continue;
    }
    std::optional<std::string> name;
    std::optional<uint64_t> number;
    if (python && s[j] == '(') {
      size_t close = s.find(')', j);
      if (close == std::string_view::npos) return std::nullopt;
      name = std::string(s.substr(j + 1, close - j - 1));
      j = close + 1;
    } else if (!python) {
      number = read_number(&j);
    }
    const std::string_view flags = python ? "-+ #0" : "-+ #0'I";
    while (j < s.size() && flags.find(s[j]) != std::string_view::npos) ++j;
    // Width and precision: digits, or "*" (an int argument of its own).
    for (int part = 0; part < 2; ++part) {
      if (part == 1) {
        if (j >= s.size() || s[j] != '.') break;
        ++j;
      }
      if (j < s.size() && s[j] == '*') {
        ++j;
        if (name) return std::nullopt;
        std::optional<uint64_t> star = python ? std::nullopt : read_number(&j);
        if (!add(star, "i")) return std::nullopt;
      } else {
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      }
    }
    std::string length;
    const std::string_view lengths = python ? "hlL" : "hlLqjzt";
    while (j < s.size() && lengths.find(s[j]) != std::string_view::npos) {
      if (!python) length += s[j];
      ++j;
    }
    if (j >= s.size()) return std::nullopt;
    if (s[j] == '%') {  // "% %": a "%" with a flag, no argument
      i = j;
      continue;
    }
    char conversion;
    switch (s[j]) {
      case 'd':
      case 'i':
        conversion = 'i';
        break;
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        conversion = python ? 'i' : 'u';
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        conversion = 'f';
        break;
      case 'a':
      case 'A':
        conversion = python ? 's' : 'f';
        break;
      case 'c':
        conversion = 'c';
        break;
      case 's':
        conversion = 's';
        break;
      case 'r':
        if (!python) return std::nullopt;
        conversion = 's';
        break;
      case 'p':
      case 'n':
        if (python) return std::nullopt;
        conversion = s[j];
        break;
      default:
        return std::nullopt;
    }
    std::string type(1, conversion);
    type += length;
    if (name) {
      if (!args.positional.empty()) return std::nullopt;
      auto [it, inserted] = args.named.emplace(*name, type);
      if (!inserted && it->second != type) return std::nullopt;
    } else {
      if (!args.named.empty()) return std::nullopt;
      if (!add(number, type)) return std::nullopt;
    }
    i = j;
  }
  if (!numbered.empty()) {
    if (unnumbered) return std::nullopt;
    uint64_t expected = 1;
    for (auto& [n, type] : numbered) {
      if (n != expected++) return std::nullopt;  // an argument number missing
      args.positional.push_back(std::move(type));
    }
  }
  return args;
}

// gettext's check of a translation's arguments against the source's:
// strictly the same ones, or (not strict) some of them.
bool FormatArgsMatch(const FormatArgs& source, const FormatArgs& translation, bool strict) {
  if (!source.named.empty() || !translation.named.empty()) {
    if (!source.positional.empty() || !translation.positional.empty()) {
      // Names on one side, positions on the other: only an empty side fits.
      return !strict && translation.named.empty() && translation.positional.empty();
    }
    for (const auto& [name, type] : translation.named) {
      auto it = source.named.find(name);
      if (it == source.named.end() || it->second != type) return false;
    }
    return !strict || translation.named.size() == source.named.size();
  }
  if (strict ? translation.positional.size() != source.positional.size()
             : translation.positional.size() > source.positional.size()) {
    return false;
  }
  for (size_t i = 0; i < translation.positional.size(); ++i) {
    if (translation.positional[i] != source.positional[i]) return false;
  }
  return true;
}

// Whether form j is taken for at most one n of [lo, hi] (msgfmt's
// histogram; looked at up to 100,000 values, beyond which it counts as
// taken more often).
bool AtMostOnceInRange(const PluralForms& forms, uint64_t lo, uint64_t hi, size_t j) {
  int seen = 0;
  for (uint64_t n = lo, steps = 0; n <= hi && steps < 100000; ++n, ++steps) {
    if (forms.Eval(n) == std::optional<uint64_t>(j) && ++seen > 1) return false;
    if (n == UINT64_MAX) break;
    if (steps + 1 == 100000) return false;
  }
  return true;
}

}  // namespace

std::optional<std::pair<uint64_t, uint64_t>> RangeFlag(const Message& m) {
  for (const std::string& flag : m.flags) {
    std::string_view f = flag;
    if (f.substr(0, 6) != "range:") continue;
    f.remove_prefix(6);
    while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
    size_t dots = f.find("..");
    if (dots == std::string_view::npos || dots == 0 || dots + 2 >= f.size()) return std::nullopt;
    uint64_t lo = 0, hi = 0;
    for (char c : f.substr(0, dots)) {
      if (c < '0' || c > '9' || lo > UINT64_MAX / 10 - 1) return std::nullopt;
      lo = lo * 10 + static_cast<uint64_t>(c - '0');
    }
    for (char c : f.substr(dots + 2)) {
      if (c < '0' || c > '9' || hi > UINT64_MAX / 10 - 1) return std::nullopt;
      hi = hi * 10 + static_cast<uint64_t>(c - '0');
    }
    return std::make_pair(lo, hi);
  }
  return std::nullopt;
}

// The arguments a C or Python "%" format string takes, as gettext's
// format-c.c and format-python.c read it: by position (numbered ones "%2$d"
// put in their place), or by name for Python's "%(name)s". Each as the type
// its conversion reads ("d" and "i" are one type, "u", "o", "x" another; a
// C length modifier is part of it). nullopt when gettext would call the

PluralDistribution MakeDistribution(const std::optional<std::string>& plural_forms) {
  PluralDistribution d;
  std::string value = plural_forms.value_or(std::string(kDefaultPluralForms));
  if (value.find("plural=") == std::string::npos || value.find("nplurals=") == std::string::npos) {
    value = std::string(kDefaultPluralForms);
  }
  int nplurals = 0;
  if (PluralFormsProblem(value, &nplurals) || nplurals > 100) return d;
  Result<PluralForms> forms = PluralForms::Parse(value);
  if (!forms.ok()) return d;
  std::vector<int> count(static_cast<size_t>(nplurals), 0);
  for (uint64_t n = 0; n <= 1000; ++n) {
    if (std::optional<uint64_t> form = forms->Eval(n); form && *form < count.size()) ++count[*form];
  }
  for (int c : count) d.often.push_back(c >= 5);
  d.forms = std::move(*forms);
  return d;
}

bool PassesFormatCheck(const Message& m, std::string_view format,
                       const PluralDistribution& distribution) {
  if (format != "c" && format != "objc" && format != "python") return false;
  const bool python = format == "python";
  std::optional<FormatArgs> source =
      ParseFormat(m.msgid_plural ? *m.msgid_plural : m.msgid, python);
  if (!source) return true;  // gettext checks nothing then
  const bool has_plural_translations = m.msgstr.size() > 1;
  const std::optional<std::pair<uint64_t, uint64_t>> range = RangeFlag(m);
  for (size_t j = 0; j < m.msgstr.size(); ++j) {
    std::optional<FormatArgs> translation = ParseFormat(m.msgstr[j], python);
    if (!translation) return false;
    const bool often =
        distribution.forms && j < distribution.often.size() && distribution.often[j] &&
        !(range && AtMostOnceInRange(*distribution.forms, range->first, range->second, j));
    const bool strict = !m.msgid_plural || !has_plural_translations || often;
    if (!FormatArgsMatch(*source, *translation, strict)) return false;
  }
  return true;
}

std::string_view PossibleFormat(std::string_view flag) {
  if (!flag.ends_with("-format") || flag.substr(0, 3) == "no-" ||
      flag.substr(0, 11) == "impossible-") {
    return {};
  }
  flag.remove_suffix(7);
  if (flag.substr(0, 9) == "possible-") flag.remove_prefix(9);
  return flag;
}

bool HasPossibleFormat(const Message& m, std::string_view format) {
  return std::any_of(m.flags.begin(), m.flags.end(),
                     [&](const std::string& f) { return PossibleFormat(f) == format; });
}

}  // namespace l10n
