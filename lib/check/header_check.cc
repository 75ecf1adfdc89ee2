#include "check/header_check.h"

#include <utility>

#include "base/charset.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/plural_forms.h"
#include "check/locator.h"
#include "check/plural_check.h"

namespace l10n {

namespace {

// Where field `name` of `header` (its msgstr on `line`) is: at its "name:",
// or the start of the line when it has none.
std::pair<int, int> FieldLocation(Locator* locator, const Message& header, int line,
                                  std::string_view name) {
  size_t pos = header.msgstr[0].find(std::string(name) + ":");
  if (pos == std::string::npos) return {line, 1};
  return locator->InString(line, pos);
}

// A charset that is not UTF-8, once read: CHARSET (an xgettext template's
// placeholder until it is translated) is, and the reader converted the
// other charsets it knows (charset.h).
std::optional<std::string> NotUtf8(std::string_view charset) {
  if (ResolveCharset(charset).utf8()) return std::nullopt;
  return FormatUi("charset '{}' is not UTF-8, the encoding of the posts", charset);
}

}  // namespace

bool ValidateHeaderForTools(const Catalog& catalog, std::string_view text, const std::string& path,
                            DiagnosticSink* sink) {
  const Message* header = catalog.FindHeader();
  if (!header) {
    sink->Report({Severity::kError, path, 1, 1, _("the catalog has no header entry"), false,
                  CheckName(Check::kHeader)});
    return false;
  }
  Locator locator(text);
  int line = locator.KeywordLine(header->line, "msgstr");
  auto report = [&](std::string_view field, std::string message) {
    auto [l, c] = FieldLocation(&locator, *header, line, field);
    sink->Report(
        {Severity::kError, path, l, c, std::move(message), false, CheckName(Check::kHeader)});
  };
  bool ok = true;
  // "charset=" wherever the header has it, as the PO reader finds it (it
  // decides there how the file's bytes are read).
  if (std::optional<std::string_view> charset = HeaderCharset(header->msgstr[0])) {
    if (std::optional<std::string> problem = NotUtf8(*charset)) {
      report("Content-Type", std::move(*problem));
      ok = false;
    }
  }
  if (std::optional<std::string> plural_forms = catalog.HeaderField("Plural-Forms")) {
    int nplurals = 0;
    if (std::optional<std::string> problem = PluralFormsProblem(*plural_forms, &nplurals)) {
      report("Plural-Forms", std::move(*problem));
      ok = false;
    }
  }
  return ok;
}

void CheckHeaderEntry(const Message& header_message, const HeaderExpectations& expected,
                      const RuleContext& context, Findings* out) {
  Catalog catalog;  // for HeaderField
  catalog.messages.push_back(header_message);
  const Message& header = catalog.messages[0];
  int line = out->KeywordLine(header, "msgstr");
  auto field_location = [&](std::string_view name) {
    return FieldLocation(&out->locator(), header, line, name);
  };
  std::optional<std::string> language = catalog.HeaderField("Language");
  if ((!language || language->empty()) && expected.from_xliff) {
    // XLIFF says it in an attribute; the header is this project's note.
    out->Report(Check::kHeader, line, 1,
                _("the XLIFF file names no target language ('target-language' or 'trgLang')"));
  } else if (!language || language->empty()) {
    out->Report(Check::kHeader, line, 1, FormatUi("header field '{}' is missing", "Language"));
  } else if (!expected.language.empty() &&
             PrimaryLanguage(*language) != PrimaryLanguage(expected.language)) {
    auto [l, c] = field_location("Language");
    out->Report(Check::kHeader, l, c,
                FormatUi("header field 'Language' is '{}', but this catalog is for '{}'", *language,
                         expected.language));
  }
  std::optional<std::string> content_type = catalog.HeaderField("Content-Type");
  std::optional<std::string_view> charset =
      content_type ? HeaderCharset(*content_type) : std::nullopt;
  if (!charset) {
    out->Report(
        Check::kHeader, line, 1,
        FormatUi("header field '{}' is missing", "Content-Type: text/plain; charset=UTF-8"));
  } else if (std::optional<std::string> problem = NotUtf8(*charset)) {
    auto [l, c] = field_location("Content-Type");
    out->Report(Check::kHeader, l, c, std::move(*problem));
  }
  // The file as it is: another charset was converted as it was read.
  if (expected.declared_charset) {
    const std::string& declared = *expected.declared_charset;
    CharsetName name = ResolveCharset(declared);
    auto [l, c] = field_location("Content-Type");
    if (name.known && !name.utf8()) {
      out->Warn(Check::kHeader, l, c,
                FormatUi("the catalog is in charset '{}': the tools read it converted to UTF-8 "
                         "and write it back in UTF-8",
                         declared));
    } else if (name.known && !name.portable) {
      out->Warn(Check::kHeader, l, c,
                FormatUi("charset '{}' is not a portable encoding name; gettext writes '{}'",
                         declared, name.canonical));
    }
  }
  std::optional<std::string> plural_forms = catalog.HeaderField("Plural-Forms");
  CheckPluralFormsField(plural_forms, context.language, line,
                        plural_forms ? field_location("Plural-Forms") : std::pair(line, 1), out);
}

}  // namespace l10n
