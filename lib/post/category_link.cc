#include "post/category_link.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace l10n {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `label` transliterated to ASCII and lowercased ("Any-Latin;
// Latin-ASCII; Lower").
std::string ToAscii(std::string_view label) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(label);
  // Creating the transliterator costs milliseconds; one per thread, as
  // Transliterator objects are not meant to be shared between threads.
  thread_local std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  if (to_ascii) to_ascii->transliterate(text);
  std::string ascii;
  text.toUTF8String(ascii);
  return ascii;
}

// Lowercase ASCII letters and digits, every other run turned into one '-',
// none at either end.
std::string Slugify(std::string_view label) {
  // ASCII is its own transliteration (Lower aside, which the loop below
  // does): the transliterator, and the megabytes of ICU rules it loads,
  // only for text that needs it.
  bool ascii_only = std::all_of(label.begin(), label.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string ascii = ascii_only ? std::string(label) : ToAscii(label);
  std::string slug;
  bool dash = false;
  for (char c : ascii) {
    if (IsAsciiAlnum(c)) {
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      slug += AsciiLower(c);
    } else {
      dash = true;
    }
  }
  return slug;
}

bool IsSpace(std::string_view s, size_t pos, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
    *len = 1;
    return true;
  }
  if (s.substr(pos, 2) == "\xC2\xA0") {  // U+00A0, which &nbsp; decodes to
    *len = 2;
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t len = 0;
  while (!s.empty() && IsSpace(s, 0, &len)) s.remove_prefix(len);
  while (!s.empty()) {
    if (IsSpace(s, s.size() - 1, &len)) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && IsSpace(s, s.size() - 2, &len) && len == 2) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

std::string CategorySlug(std::string_view href, std::string_view label) {
  std::string_view rest = href;
  rest = rest.substr(0, rest.find('#'));
  size_t query = rest.find('?');
  std::string_view path = rest.substr(0, query);

  for (std::string_view marker : {"/category/", "/categoria/"}) {
    size_t at = path.find(marker);
    if (at == std::string_view::npos) continue;
    std::vector<std::string_view> segments;
    std::string_view tail = path.substr(at + marker.size());
    while (!tail.empty()) {
      size_t slash = tail.find('/');
      std::string_view segment = tail.substr(0, slash);
      if (!segment.empty()) segments.push_back(segment);
      if (slash == std::string_view::npos) break;
      tail.remove_prefix(slash + 1);
    }
    // WordPress paginates a category as .../category/slug/page/2/.
    if (segments.size() >= 3 && segments[segments.size() - 2] == "page") {
      segments.resize(segments.size() - 2);
    }
    if (!segments.empty()) return std::string(segments.back());
  }

  if (query != std::string_view::npos) {
    std::string_view params = rest.substr(query + 1);
    while (!params.empty()) {
      size_t amp = params.find('&');
      std::string_view param = params.substr(0, amp);
      for (std::string_view name : {"cat=", "category_name=", "category="}) {
        if (param.substr(0, name.size()) == name && param.size() > name.size()) {
          return std::string(param.substr(name.size()));
        }
      }
      if (amp == std::string_view::npos) break;
      params.remove_prefix(amp + 1);
    }
  }
  return Slugify(label);
}

std::vector<std::string> SplitBilingualLabel(std::string_view label) {
  label = Trim(label);
  for (size_t slash = label.find('/'); slash != std::string_view::npos;
       slash = label.find('/', slash + 1)) {
    std::string_view before = label.substr(0, slash);
    std::string_view after = label.substr(slash + 1);
    if (Trim(before).size() < before.size() && Trim(after).size() < after.size() &&
        !Trim(before).empty() && !Trim(after).empty()) {
      return {std::string(Trim(before)), std::string(Trim(after))};
    }
  }
  return {std::string(label)};
}

}  // namespace l10n
