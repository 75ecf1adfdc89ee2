#include "check/entry_rule.h"

#include "base/utf8.h"

namespace l10n {

void Findings::Report(Check check, int line, int column, std::string message) {
  std::optional<Severity> severity = policy_.severity(check);
  if (!severity) return;
  diagnostics_.push_back(
      {*severity, path_, line, column, std::move(message), false, CheckName(check)});
}

void Findings::Warn(Check check, int line, int column, std::string message) {
  if (!policy_.severity(check)) return;
  diagnostics_.push_back(
      {Severity::kWarning, path_, line, column, std::move(message), false, CheckName(check)});
}

void Findings::AtKeyword(const EntryForm& form, Check check, std::string message) {
  Report(check, KeywordLine(form.entry, form.keyword), 1, std::move(message));
}

void Findings::AtTarget(const EntryForm& form, Check check, size_t offset, std::string message) {
  auto [line, column] = locator_.InString(KeywordLine(form.entry, form.keyword), offset);
  Report(check, line, column, std::move(message));
}

std::string QuoteForMessage(std::string_view text) {
  std::string out = "\"";
  size_t chars = 0;
  for (size_t i = 0; i < text.size();) {
    if (chars == 57 && text.size() - i > 3) {
      out += "...";
      break;
    }
    char c = text[i];
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) n = 1;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
    ++chars;
  }
  return out + "\"";
}

}  // namespace l10n
