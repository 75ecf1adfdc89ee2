#include "base/diagnostic.h"

#include <algorithm>

#include "base/ui_text.h"

namespace l10n {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string Diagnostic::Render() const {
  if (whole) return message;
  std::string out = path;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  if (!out.empty()) out += ": ";
  switch (severity) {
    case Severity::kNote:
      out += _("note");
      break;
    case Severity::kWarning:
      out += _("warning");
      break;
    case Severity::kError:
      out += _("error");
      break;
  }
  out += ": ";
  out += message;
  if (!check.empty()) out += " [" + check + "]";
  return out;
}

bool DiagnosticSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void LineColumn(const std::string& text, size_t offset, int* line, int* column) {
  offset = std::min(offset, text.size());
  int l = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  *line = l;
  *column = static_cast<int>(offset - line_start) + 1;
}

}  // namespace l10n
