#include "catalog/po_reader.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "base/charset.h"
#include "base/ui_text.h"
#include "catalog/po_input_text.h"
#include "catalog/po_parser.h"
#include "catalog/po_wrap_detect.h"

namespace l10n {

namespace {

// Keeps the header of what it reads: the charset is read from it before the
// file itself.
class HeaderOnly : public PoEntrySink {
 public:
  void Add(Message&& m) override {
    if (m.is_header() && !header) header = std::move(m);
  }
  bool SameKey(size_t, size_t) const override { return false; }
  std::optional<Message> header;
};

class Reader {
 public:
  Reader(std::string_view text, const std::string& path)
      : text_(text), path_(path), input_(text, path), utf8_(text, path) {}

  bool Run(PoEntrySink* entries, PoStyle* style, DiagnosticSink* sink,
           const std::function<void(size_t)>& consumed) {
    ReadAsCharset();
    wrap_ = PoWrapDetector(text_);
    utf8_ = Utf8LineChecker(text_, path_);
    PoParser parser(text_, path_, input_.converted(), entries, &wrap_, &groups_);
    size_t pos = 0;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    *style = PoStyle();
    size_t first_newline = text_.find('\n');
    style->crlf = first_newline != std::string_view::npos && first_newline > 0 &&
                  text_[first_newline - 1] == '\r';
    size_t next_report = kConsumedStep;
    int line = 0;
    size_t line_start = 0;
    while (pos < text_.size()) {
      if (pos >= next_report) {
        // Whole lines behind us: checked, and not to be read again (but
        // for a few lines of wrapping evidence, early in most files).
        utf8_.CheckUpTo(pos);
        if (consumed && !input_.converted()) consumed(pos);
        next_report = pos + kConsumedStep;
      }
      size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      size_t content_end = end;
      if (content_end > pos && text_[content_end - 1] == '\r') --content_end;
      line_start = pos;
      parser.Line(++line, pos, content_end);
      pos = end + 1;
    }
    // The end of the file is after its last line end, or at the end of an
    // unterminated last line.
    if (text_.empty() || text_.back() == '\n') {
      ++line;
      line_start = text_.size();
    }
    parser.Finish(line, line_start);
    if (parser.domain() && *parser.domain() != "messages") style->domain = *parser.domain();

    utf8_.CheckUpTo(text_.size());
    const bool utf8 = CharsetIsUtf8(parser);
    if (utf8) {
      for (Diagnostic& d : utf8_.errors()) groups_.push_back({std::move(d)});
      for (auto [error_line, column] : parser.escaped_utf8_errors()) {
        groups_.push_back({Diagnostic{
            Severity::kError, path_, error_line, column,
            input_.converted()
                ? FormatUi("escape sequences give bytes of charset '{}', not characters; "
                           "write the characters",
                           input_.charset().canonical)
                : _("escape sequences make invalid UTF-8"),
            false, "encoding"}});
      }
    }
    wrap_.Detect(style, utf8);
    input_.MapColumnsBack(&groups_);
    for (std::vector<Diagnostic>& group : input_.errors()) groups_.push_back(std::move(group));
    for (std::vector<Diagnostic>& group : charset_errors_) groups_.push_back(std::move(group));

    std::stable_sort(groups_.begin(), groups_.end(),
                     [](const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
                       return std::pair(a[0].line, a[0].column) < std::pair(b[0].line, b[0].column);
                     });
    bool ok = true;
    for (std::vector<Diagnostic>& group : groups_) {
      for (Diagnostic& d : group) {
        if (d.severity == Severity::kError) ok = false;
        sink->Report(std::move(d));
      }
    }
    return ok;
  }

  // Reads the header only, before the charset is known.
  void SetRaw() { raw_ = true; }

 private:
  // Whether the text read is UTF-8 (converted, or declared so). A file
  // whose header declares another charset but is not its first entry was
  // not converted: that is reported, as the file could not be read right.
  bool CharsetIsUtf8(const PoParser& parser) {
    const std::optional<std::string>& header = parser.header_msgstr();
    if (input_.converted() || raw_ || charset_declared_ || !header) return true;
    std::optional<std::string_view> declared = HeaderCharset(*header);
    if (!declared) return true;
    CharsetName name = ResolveCharset(*declared);
    if (name.utf8() || name.canonical == input_.charset().canonical) return true;
    charset_errors_.push_back({Diagnostic{
        Severity::kError, path_, parser.header_line(), 1,
        FormatUi("the header declares charset '{}' but is not the first entry; move it first",
                 std::string(*declared)),
        false, "encoding"}});
    return false;
  }

  // gettext reads the file's bytes in the charset its header declares. The
  // header is read first (as ASCII: its charset is not known yet), then the
  // whole file is converted to UTF-8, keeping its lines.
  void ReadAsCharset() {
    if (raw_) return;
    std::optional<std::string> declared = PoDeclaredCharset(text_);
    if (!declared) return;
    charset_declared_ = true;
    // Where "charset=" is in the file, for messages.
    size_t at = std::string_view::npos;
    HeaderCharset(text_.substr(0, PoFirstEntryEnd(text_)), &at);
    input_.Decode(*declared, at);
    text_ = input_.text();
  }

  // How often the caller hears how far the reader got.
  static constexpr size_t kConsumedStep = size_t{1} << 18;

  std::string_view text_;
  const std::string& path_;
  bool raw_ = false;
  // The file's bytes, converted from the charset the header declares.
  PoInputText input_;
  bool charset_declared_ = false;  // by the first entry
  Utf8LineChecker utf8_;
  PoWrapDetector wrap_;
  std::vector<std::vector<Diagnostic>> groups_;
  std::vector<std::vector<Diagnostic>> charset_errors_;
};

}  // namespace

size_t PoFirstEntryEnd(std::string_view text) {
  size_t msgid = text.find("msgid");
  if (msgid == std::string_view::npos) return text.size();
  for (size_t i = text.find('\n', msgid); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t next = i + 1;
    if (next < text.size() && text[next] == '\r') ++next;
    if (next >= text.size() || text[next] == '\n') return std::min(next + 1, text.size());
  }
  return text.size();
}

std::optional<std::string> PoDeclaredCharset(std::string_view text) {
  DiagnosticSink ignored;
  HeaderOnly header;
  PoStyle style;
  const std::string no_path;
  Reader pre(text.substr(0, PoFirstEntryEnd(text)), no_path);
  pre.SetRaw();
  pre.Run(&header, &style, &ignored, nullptr);
  if (!header.header) return std::nullopt;
  std::optional<std::string_view> declared = HeaderCharset(header.header->msgstr[0]);
  if (!declared) return std::nullopt;
  return std::string(*declared);
}

bool ReadPo(std::string_view text, const std::string& path, PoEntrySink* entries, PoStyle* style,
            DiagnosticSink* sink, const std::function<void(size_t)>& consumed) {
  return Reader(text, path).Run(entries, style, sink, consumed);
}

bool ReadPo(std::string_view text, const std::string& path, Catalog* catalog,
            DiagnosticSink* sink) {
  class Collect : public PoEntrySink {
   public:
    explicit Collect(std::vector<Message>* messages) : messages_(messages) {}
    void Add(Message&& message) override { messages_->push_back(std::move(message)); }
    bool SameKey(size_t i, size_t j) const override {
      const Message& a = (*messages_)[i];
      const Message& b = (*messages_)[j];
      return a.msgid == b.msgid && a.msgctxt == b.msgctxt;
    }

   private:
    std::vector<Message>* messages_;
  };
  // A new catalog: its index of messages is built when first needed.
  Catalog result;
  Collect collect(&result.messages);
  bool ok = ReadPo(text, path, &collect, &result.style, sink);
  *catalog = std::move(result);
  return ok;
}

}  // namespace l10n
