#include "render/category_format.h"

#include <fmt/format.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "base/icu_util.h"
#include "base/ui_text.h"

namespace l10n {

namespace {

std::string PatternProblem(UErrorCode code) {
  switch (code) {
    case U_UNMATCHED_BRACES:
      return _("unmatched braces");
    case U_PATTERN_SYNTAX_ERROR:
      return _("syntax error");
    case U_ILLEGAL_ARGUMENT_ERROR:  // {en, foo}
    case U_ARGUMENT_TYPE_MISMATCH:
    case U_INVALID_FORMAT_ERROR:  // {en, number} given a name
      return _("unsupported argument type");
    default:
      return u_errorName(code);
  }
}

Status BadPattern(std::string_view pattern, const std::string& problem) {
  return Status::Error(FormatUi(("invalid category pattern '{}': {}"), pattern, problem));
}

// A MessageFormat argument name that stands for a language: "en", "es",
// "pt_BR" ('-' cannot appear in an argument name, so '_' stands for it).
bool IsLanguageArgument(std::string_view s) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < s.size()) {
    if (s[i] != '_') return false;
    size_t start = ++i;
    while (i < s.size() && alnum(s[i])) ++i;
    if (i - start < 1 || i - start > 8) return false;
  }
  return true;
}

// The name in `lang` ("es-PE" also finds "es"), or empty.
std::string NameIn(const Category& category, std::string_view lang) {
  std::string name = category.Name(lang);
  if (name.empty()) {
    size_t dash = lang.find_first_of("-_");
    if (dash != std::string_view::npos) name = category.Name(lang.substr(0, dash));
  }
  return name;
}

// Visible text of an HTML fragment, for ListFormatter's choice of a
// connector: tags and comments are dropped, entities are left alone.
std::string StripTags(std::string_view html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    char next = i + 1 < html.size() ? html[i + 1] : '\0';
    bool tag = c == '<' && (next == '/' || next == '!' || next == '?' ||
                            (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'));
    if (!tag) {
      out += c;
      ++i;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    char quote = '\0';
    for (++i; i < html.size(); ++i) {
      if (quote) {
        if (html[i] == quote) quote = '\0';
      } else if (html[i] == '"' || html[i] == '\'') {
        quote = html[i];
      } else if (html[i] == '>') {
        ++i;
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::string DefaultCategoryPattern(std::string_view page_lang, std::string_view other_lang) {
  auto argument = [](std::string_view lang) {
    std::string name(lang);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
  };
  return fmt::format("{{{}}} / {{{}}}", argument(page_lang), argument(other_lang));
}

Result<std::string> FormatCategoryLabel(std::string_view pattern, std::string_view page_lang,
                                        std::string_view other_lang, const Category& category) {
  std::optional<icu::UnicodeString> upattern = FromUtf8(pattern);
  if (!upattern) return BadPattern(pattern, _("not valid UTF-8"));
  std::optional<icu::Locale> locale = MakeLocale(page_lang);
  if (!locale) return Status::Error(FormatUi(("invalid locale '{}'"), page_lang));

  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  icu::MessageFormat format(*upattern, *locale, parse_error, status);
  if (U_FAILURE(status)) return BadPattern(pattern, PatternProblem(status));
  // MessageFormat keeps its parsed pattern to itself; parse again to list
  // every argument, including those inside select/plural sub-messages.
  status = U_ZERO_ERROR;
  icu::MessagePattern parts(*upattern, &parse_error, status);
  if (U_FAILURE(status)) return BadPattern(pattern, PatternProblem(status));

  std::string page_name = NameIn(category, page_lang);
  std::string other_name = NameIn(category, other_lang);
  if (page_name.empty()) page_name = other_name;
  if (other_name.empty()) other_name = page_name;
  if (page_name.empty()) page_name = other_name = category.slug;

  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (int32_t i = 0; i < parts.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parts.getPart(i);
    UMessagePatternPartType type = part.getType();
    if (type != UMSGPAT_PART_TYPE_ARG_NAME && type != UMSGPAT_PART_TYPE_ARG_NUMBER) continue;
    icu::UnicodeString uname = parts.getSubstring(part);
    std::string arg = ToUtf8(uname);
    if (type == UMSGPAT_PART_TYPE_ARG_NUMBER ||
        (arg != "name" && arg != "other" && !IsLanguageArgument(arg))) {
      return BadPattern(pattern,
                        FormatUi(("argument '{}' is not 'name', 'other' or a language code"), arg));
    }
    if (std::find(names.begin(), names.end(), uname) != names.end()) continue;

    std::string value;
    if (arg == "name") {
      value = page_name;
    } else if (arg == "other") {
      value = other_name;
    } else {
      std::string lang = arg;
      std::replace(lang.begin(), lang.end(), '_', '-');
      value = NameIn(category, lang);
      if (value.empty()) value = lang == other_lang ? other_name : page_name;
    }
    std::optional<icu::UnicodeString> uvalue = FromUtf8(value);
    if (!uvalue) {
      return Status::Error(
          FormatUi(("category '{}': name for '{}' is not valid UTF-8"), category.slug, arg));
    }
    names.push_back(uname);
    values.emplace_back(*uvalue);
  }

  icu::UnicodeString out;
  status = U_ZERO_ERROR;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return BadPattern(pattern, PatternProblem(status));
  return ToUtf8(out);
}

Result<std::string> JoinList(const std::vector<std::string>& items, std::string_view locale) {
  std::optional<icu::Locale> icu_locale = MakeLocale(locale);
  if (!icu_locale) return Status::Error(FormatUi(("invalid locale '{}'"), locale));
  // ICU sees each item's visible text (so es picks "e" before "<a>hilo</a>"),
  // and the items go verbatim between the connectors it chose.
  std::vector<icu::UnicodeString> shown;
  for (size_t i = 0; i < items.size(); ++i) {
    // The whole item, markup too: it is copied into the result (found by
    // tests/fuzz, format target).
    if (!FromUtf8(items[i])) {
      return Status::Error(FormatUi(("list item {} is not valid UTF-8"), i + 1));
    }
    std::string text = StripTags(items[i]);
    size_t start = text.find_first_not_of(" \t\n\r\f");
    std::optional<icu::UnicodeString> utext =
        FromUtf8(start == std::string::npos ? std::string_view() : text.substr(start));
    if (!utext) return Status::Error(FormatUi(("list item {} is not valid UTF-8"), i + 1));
    // ICU reports no span for an empty item; stand in with U+FFFC.
    shown.push_back(utext->isEmpty() ? icu::UnicodeString(static_cast<UChar32>(0xFFFC)) : *utext);
  }
  if (items.size() < 2) return items.empty() ? std::string() : items[0];

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> formatter(
      icu::ListFormatter::createInstance(*icu_locale, status));
  if (U_FAILURE(status)) {
    return Status::Error(FormatUi(("cannot format list: {}"), u_errorName(status)));
  }
  icu::FormattedList formatted =
      formatter->formatStringsToValue(shown.data(), static_cast<int32_t>(shown.size()), status);
  icu::UnicodeString joined = formatted.toString(status);

  struct Span {
    int32_t start, limit, item;
  };
  std::vector<Span> spans;
  icu::ConstrainedFieldPosition position;
  position.constrainCategory(UFIELD_CATEGORY_LIST_SPAN);
  while (U_SUCCESS(status) && formatted.nextPosition(position, status)) {
    spans.push_back({position.getStart(), position.getLimit(), position.getField()});
  }
  if (U_FAILURE(status) || spans.size() != items.size()) {
    return Status::Error(FormatUi(("cannot format list: {}"),
                                  U_FAILURE(status) ? u_errorName(status) : "missing items"));
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });

  std::string out;
  int32_t done = 0;
  for (const Span& span : spans) {
    if (span.item < 0 || static_cast<size_t>(span.item) >= items.size() || span.start < done) {
      return Status::Error(FormatUi(("cannot format list: {}"), "unexpected item position"));
    }
    out += ToUtf8(joined.tempSubStringBetween(done, span.start));
    out += items[span.item];
    done = span.limit;
  }
  out += ToUtf8(joined.tempSubStringBetween(done));
  return out;
}

}  // namespace l10n
