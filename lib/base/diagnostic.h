// Diagnostics in the form gcc and msgfmt use:
//   path:line:col: error: message
// Parsers report every problem they find to a DiagnosticSink and go on where
// they can, so a user sees all the errors of a file at once.
#ifndef L10N_BASE_DIAGNOSTIC_H_
#define L10N_BASE_DIAGNOSTIC_H_

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace l10n {

enum class Severity { kNote, kWarning, kError };

// "note", "warning" or "error": the severity's name in machine-read output
// (JSON, the status page's classes), never translated.
const char* SeverityName(Severity severity);

struct Diagnostic {
  Diagnostic() = default;
  Diagnostic(Severity severity_, std::string path_, int line_, int column_, std::string message_,
             bool whole_ = false, std::string check_ = std::string())
      : severity(severity_),
        path(std::move(path_)),
        line(line_),
        column(column_),
        message(std::move(message_)),
        whole(whole_),
        check(std::move(check_)) {}

  Severity severity = Severity::kError;
  std::string path;
  int line = 0;    // 1-based; 0 when the diagnostic is about the whole file
  int column = 0;  // 1-based; 0 when unknown
  std::string message;
  // The message is a whole line already ("path: error: ...", from a Status).
  bool whole = false;
  // The check that found it, as l10n-check names it ("syntax", "unsafe"),
  // or empty.
  std::string check;

  // "path:line:col: error: message [check]" (line and column left out when
  // 0, the check when empty), the severity word translated; `message` alone
  // when `whole`.
  std::string Render() const;
};

class DiagnosticSink {
 public:
  void Report(Diagnostic d) { diagnostics_.push_back(std::move(d)); }
  // A failed Status as an error: its message is a whole line already
  // ("path:line:col: error: ..."). Nothing for an ok Status.
  void Report(const Status& status) {
    if (!status.ok()) Report({Severity::kError, "", 0, 0, status.message(), true});
  }
  void Error(const std::string& path, int line, int column, std::string message) {
    Report({Severity::kError, path, line, column, std::move(message)});
  }
  void Warning(const std::string& path, int line, int column, std::string message) {
    Report({Severity::kWarning, path, line, column, std::move(message)});
  }
  bool has_errors() const;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  void Clear() { diagnostics_.clear(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// 1-based line and column (in bytes) of `offset` within `text`.
void LineColumn(const std::string& text, size_t offset, int* line, int* column);

}  // namespace l10n

#endif  // L10N_BASE_DIAGNOSTIC_H_
