#include "check/style_check.h"

#include <cstring>
#include <vector>

#include "base/ui_text.h"
#include "base/utf8.h"
#include "unit/markup_check.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// An ASCII letter, or a character from U+00C0 to U+07FF (the accented Latin
// letters up to the alphabets of Greek, Cyrillic, Hebrew, Arabic...): what
// makes an identical translation worth a warning; "2017" or "€" is not. (A
// file with invalid UTF-8 is not read, so the rules see valid text.)
bool HasLetters(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t c = NextCodePoint(text, &i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x7FF)) return true;
  }
  return false;
}

// Leading and trailing whitespace as the whitespace rule compares it.
bool IsEdgeSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

std::string_view Leading(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsEdgeSpace(s[n])) ++n;
  return s.substr(0, n);
}

std::string_view Trailing(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsEdgeSpace(s[n - 1])) --n;
  return s.substr(n);
}

bool EndsWith(std::string_view text, const char* suffix) {
  size_t n = std::strlen(suffix);
  return text.size() >= n && text.substr(text.size() - n) == suffix;
}

}  // namespace

std::string PlainText(std::string_view unit_text) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(unit_text);
  if (!tokens.ok()) return std::string(unit_text);
  std::string out;
  for (const Token& t : *tokens) {
    if (t.type == Token::kText) {
      out += t.text;
    } else if (t.type == Token::kSelfClosing) {
      AppendUtf8(U'\uFFFC', &out);
    }
  }
  return out;
}

Plain::Plain(std::string_view unit_text, uint8_t classes) {
  if (classes & (kLessThan | kAmpersand)) {
    storage_ = PlainText(unit_text);
    text_ = storage_;
  } else {
    text_ = unit_text;
  }
}

std::string FinalPunctuation(std::string_view text) {
  static constexpr const char* kClosers[] = {
      "\"", "'", ")", "]", "\xC2\xBB" /*»*/, "\xE2\x80\x9D" /*”*/, "\xE2\x80\x99" /*’*/};
  static constexpr const char* kMarks[] = {".", "!", "?", ":", ";", ",", "\xE2\x80\xA6" /*…*/};
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  std::string marks;
  for (bool more = true; more && !text.empty();) {
    more = false;
    for (const char* m : kMarks) {
      if (EndsWith(text, m)) {
        marks.insert(0, m);
        text.remove_suffix(std::strlen(m));
        more = true;
        break;
      }
    }
    if (more || !marks.empty()) continue;
    for (const char* c : kClosers) {
      if (EndsWith(text, c)) {
        text.remove_suffix(std::strlen(c));
        more = true;
        break;
      }
    }
  }
  size_t dots;
  while ((dots = marks.find("...")) != std::string::npos) marks.replace(dots, 3, "\xE2\x80\xA6");
  return marks;
}

bool IgnoredByComment(const Message& m, Check check) {
  if (!(check == Check::kIdentical || check == Check::kWhitespace || check == Check::kPunctuation ||
        check == Check::kInvertedMarks)) {
    return false;
  }
  constexpr std::string_view kPrefix = "l10n-check: ignore ";
  for (const std::string& comment : m.translator_comments) {
    std::string_view c = comment;
    if (c.substr(0, kPrefix.size()) != kPrefix) continue;
    c.remove_prefix(kPrefix.size());
    while (!c.empty()) {
      size_t end = c.find_first_of(", ");
      if (c.substr(0, end) == CheckName(check)) return true;
      if (end == std::string_view::npos) break;
      c.remove_prefix(end + 1);
    }
  }
  return false;
}

void CheckIdentical(const EntryForm& form, Findings* out) {
  if (form.source == form.target && HasLetters(form.plain_source)) {
    out->AtKeyword(
        form, Check::kIdentical,
        FormatUi("translation is identical to the source: {}", QuoteForMessage(form.source)));
  }
}

void CheckWhitespace(const EntryForm& form, Findings* out) {
  if (Leading(form.source) != Leading(form.target)) {
    out->AtKeyword(form, Check::kWhitespace, _("leading whitespace differs from the source"));
  }
  std::string_view trailing = Trailing(form.target);
  if (Trailing(form.source) != trailing) {
    out->AtTarget(form, Check::kWhitespace, form.target.size() - trailing.size(),
                  _("trailing whitespace differs from the source"));
  }
}

void CheckPunctuation(const EntryForm& form, Findings* out) {
  std::string source_end = FinalPunctuation(form.plain_source);
  std::string target_end = FinalPunctuation(form.plain_target);
  if (source_end == target_end) return;
  auto shown = [](const std::string& p) {
    return p.empty() ? std::string(_("no punctuation")) : "'" + p + "'";
  };
  out->AtKeyword(form, Check::kPunctuation,
                 FormatUi("the translation ends with {}, the source with {}", shown(target_end),
                          shown(source_end)));
}

void CheckInvertedMarks(const EntryForm& form, Findings* out) {
  if (!form.context.spanish || !(form.target_classes & kMark)) return;
  std::string_view target = form.target;
  int questions = 0, exclamations = 0;
  for (size_t i = 0; i < target.size();) {
    size_t at = i;
    auto byte = static_cast<unsigned char>(target[i]);
    char32_t c = byte < 0x80 ? target[i++] : NextCodePoint(target, &i);  // ASCII inline
    if (c == U'\u00BF') {                                                // ¿
      ++questions;
    } else if (c == U'\u00A1') {  // ¡
      ++exclamations;
    } else if (c == '?' || c == '!') {
      bool question = c == '?';
      int& open = question ? questions : exclamations;
      if (open > 0) {
        --open;
        continue;
      }
      // "?!" and "!?" close one sentence: either mark opens it.
      int& other = question ? exclamations : questions;
      if (at > 0 && (target[at - 1] == '?' || target[at - 1] == '!')) continue;
      if (other > 0) {
        --other;
        continue;
      }
      out->AtTarget(form, Check::kInvertedMarks, at,
                    question ? _("'?' without an opening '¿'") : _("'!' without an opening '¡'"));
      return;
    }
  }
}

}  // namespace l10n
