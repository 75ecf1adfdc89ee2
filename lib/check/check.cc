#include "check/check.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf8.h>

#include "base/charset.h"
#include "unit/unit_text.h"
#include "catalog/plural_forms.h"
#include "catalog/po_reader.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/xliff.h"

namespace l10n {

namespace {


// ---- Text rules (warnings) -------------------------------------------------------

// The decoded text of unit text without its tags; a self-closing
// placeholder becomes U+FFFC so that "Date: <time/>" does not end in ':'.
std::string PlainText(std::string_view unit_text) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(unit_text);
  if (!tokens.ok()) return std::string(unit_text);
  std::string out;
  for (const Token& t : *tokens) {
    if (t.type == Token::kText) {
      out += t.text;
    } else if (t.type == Token::kSelfClosing) {
      out += "\xEF\xBF\xBC";
    }
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The final punctuation of plain text, after closing quotes and brackets:
// "Really?" -> "?", "«Sí»." -> ".", "Wait..." -> "…"; "" when none.
std::string FinalPunctuation(std::string_view text) {
  static constexpr const char* kClosers[] = {"\"", "'", ")", "]", "\xC2\xBB" /*»*/,
                                             "\xE2\x80\x9D" /*”*/, "\xE2\x80\x99" /*’*/};
  static constexpr const char* kMarks[] = {".", "!", "?", ":", ";", ",", "\xE2\x80\xA6" /*…*/};
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  std::string marks;
  for (bool more = true; more && !text.empty();) {
    more = false;
    for (const char* m : kMarks) {
      if (text.size() >= std::strlen(m) && text.substr(text.size() - std::strlen(m)) == m) {
        marks.insert(0, m);
        text.remove_suffix(std::strlen(m));
        more = true;
        break;
      }
    }
    if (more || !marks.empty()) continue;
    for (const char* c : kClosers) {
      if (text.size() >= std::strlen(c) && text.substr(text.size() - std::strlen(c)) == c) {
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

bool HasLetters(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF)) return true;
  }
  return false;
}

}  // namespace


void CheckShortcodes(std::string_view source, std::string_view translation,
                     const SegmentOptions& options, std::vector<MarkupIssue>* issues) {
  if (!options.shortcodes) return;
  Result<std::vector<Token>> tokens = TokenizeUnitText(translation);
  Result<std::vector<Token>> source_tokens = TokenizeUnitText(source);
  if (!tokens.ok() || !source_tokens.ok()) return;  // CheckMarkup says why
  // The source's shortcode tags are placeholders; what its text holds
  // ("[[gallery]]", a stray "[/b]") the translation may keep.
  std::vector<std::string> known;
  for (const Token& t : *source_tokens) {
    if (t.type != Token::kText) continue;
    for (std::string& tag : ShortcodeTagsIn(t.text, options)) known.push_back(std::move(tag));
  }
  bool added = false;
  for (const Token& t : *tokens) {
    if (t.type != Token::kText) continue;
    for (const std::string& tag : ShortcodeTagsIn(t.text, options)) {
      auto it = std::find(known.begin(), known.end(), tag);
      if (it != known.end()) {
        known.erase(it);
        continue;
      }
      issues->push_back(
          {Check::kUnsafe, t.offset, FormatUi("shortcode not in the source: '{}'", tag), true});
      added = true;
    }
  }
  if (added) {
    std::stable_sort(issues->begin(), issues->end(),
                     [](const MarkupIssue& a, const MarkupIssue& b) { return a.offset < b.offset; });
  }
}

std::vector<CategoryNameIssue> CheckCategoryNames(const Category& category, std::string_view label,
                                                  const std::string& source_lang,
                                                  const std::string& target_lang) {
  std::vector<CategoryNameIssue> out;
  auto check = [&out, &category](const std::string& lang, std::string_view source) {
    std::string name = category.Name(lang);
    if (name.empty() || source.find(name) != std::string_view::npos) return true;
    bool ok = true;
    for (MarkupIssue& issue : CheckMarkup(source, name)) {
      if (!issue.blocks_merge) continue;
      out.push_back({lang, std::move(issue)});
      ok = false;
    }
    return ok;
  };
  std::string source_name = category.Name(source_lang);
  bool source_ok = check(source_lang, label);
  if (target_lang != source_lang) {
    check(target_lang, source_ok && !source_name.empty() ? std::string_view(source_name) : label);
  }
  return out;
}

// ---- Policy ------------------------------------------------------------------

CheckPolicy::CheckPolicy() {
  severity_.fill(Severity::kError);
  for (Check c : {Check::kObsolete, Check::kIdentical, Check::kWhitespace, Check::kPunctuation,
                  Check::kInvertedMarks}) {
    severity_[static_cast<int>(c)] = Severity::kWarning;
  }
}

Status CheckPolicy::Set(Check check, std::optional<Severity> severity) {
  bool fixed = check == Check::kSyntax || check == Check::kDuplicate ||
               check == Check::kEncoding || check == Check::kUnsafe;
  if (fixed && severity != Severity::kError) {
    return Status::Error(FormatUi(
        "'{}' is always an error: l10n-merge refuses such catalogs", CheckName(check)));
  }
  severity_[static_cast<int>(check)] = severity;
  return Status::Ok();
}

void CheckPolicy::SetMinCoverage(int percent) {
  min_coverage_ = percent;
  for (Check c : {Check::kUntranslated, Check::kFuzzy}) {
    if (severity(c)) severity_[static_cast<int>(c)] = Severity::kWarning;
  }
}


// ---- Statistics ----------------------------------------------------------------

void Coverage::Add(bool is_translated, bool is_fuzzy, int word_count) {
  ++strings;
  words += word_count;
  if (is_fuzzy) {
    ++fuzzy;
  } else if (is_translated) {
    ++translated;
    translated_words += word_count;
  } else {
    ++untranslated;
  }
}

int Coverage::Percent() const {
  return strings == 0 ? 100 : static_cast<int>(int64_t{translated} * 100 / strings);
}

int CheckReport::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int CheckReport::warnings() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
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

// ---- One catalog ---------------------------------------------------------------

namespace {

// The nplurals gettext gives the language (GettextPluralForms), or 0 when
// it has no rule for it.
int ExpectedPluralForms(std::string_view lang) {
  std::optional<std::string_view> plural_forms = GettextPluralForms(lang);
  return plural_forms ? PluralFormsCount(*plural_forms).value_or(0) : 0;
}

// Line starts of a file, built when the first finding needs a location.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  // The line of the msgid (or "msgstr", "msgstr[0]") keyword of the entry
  // that starts on `entry_line`; `entry_line` when not found.
  int KeywordLine(int entry_line, std::string_view keyword) {
    if (entry_line < 1) return entry_line;  // unknown (a header XLIFF lacks)
    Index();
    for (size_t l = static_cast<size_t>(std::max(entry_line, 1)); l <= starts_.size(); ++l) {
      std::string_view line = Line(static_cast<int>(l));
      if (line.substr(0, 3) == "#~ ") line.remove_prefix(3);
      if (line.size() > keyword.size() && line.substr(0, keyword.size()) == keyword &&
          (line[keyword.size()] == ' ' || line[keyword.size()] == '\t')) {
        return static_cast<int>(l);
      }
      if (l > static_cast<size_t>(entry_line) && line.empty()) break;
    }
    return entry_line;
  }

  // Line and column (bytes, 1-based) of byte `offset` of the decoded string
  // whose keyword is on `line`. Without such a line (a catalog read from
  // XLIFF has no PO text), the start of `line`, or the file when `line` is
  // 0 (unknown).
  std::pair<int, int> InString(int line, size_t offset) {
    if (line < 1) return {0, 0};
    Index();
    if (static_cast<size_t>(line) > starts_.size() || text_.empty()) return {line, 1};
    size_t decoded = 0;
    std::pair<int, int> last{line, 1};
    for (int l = line; l <= static_cast<int>(starts_.size()); ++l) {
      std::string_view s = Line(l);
      size_t i = 0;
      if (s.substr(0, 3) == "#~ ") i = 3;
      if (l == line) {
        while (i < s.size() && s[i] != '"') ++i;
      } else {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        if (i >= s.size() || s[i] != '"') break;
      }
      if (i >= s.size()) break;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (decoded >= offset) return {l, static_cast<int>(i) + 1};
        last = {l, static_cast<int>(i) + 2};
        if (s[i] == '\\' && i + 1 < s.size()) {
          ++i;
          if (s[i] >= '0' && s[i] <= '7') {
            while (i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') ++i;
          } else if (s[i] == 'x') {
            while (i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
          }
        }
        ++decoded;
      }
    }
    return last;
  }

 private:
  void Index() {
    if (!starts_.empty()) return;
    starts_.push_back(0);
    if (text_.empty()) return;  // memchr must not see a null pointer
    for (const char* p = text_.data(), *end = p + text_.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr;) {
      ++p;
      starts_.push_back(static_cast<size_t>(p - text_.data()));
    }
  }
  // Line `line` (1-based) without its line end; empty when there is none.
  std::string_view Line(int line) const {
    if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
    size_t begin = starts_[static_cast<size_t>(line - 1)];
    size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[static_cast<size_t>(line)] - 1
                                                             : text_.size();
    std::string_view s = text_.substr(begin, end - begin);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  }

  std::string_view text_;
  std::vector<size_t> starts_;
};

// The text to check of a unit: its plain text (tags left out, escapes
// decoded), a view of the unit text itself when it has neither.
struct Plain {
  std::string storage;
  std::string_view text;
  Plain(std::string_view unit_text, uint8_t classes) {
    if (classes & (kLessThan | kAmpersand)) {
      storage = PlainText(unit_text);
      text = storage;
    } else {
      text = unit_text;
    }
  }
};

// What every entry's checks need from the header.
struct HeaderInfo {
  std::string language;  // expected, or the header's
  int nplurals = 0;      // 0 when unknown
  bool html = true;      // the HTML checks apply (CatalogCheckOptions::html)
};

// Where to cut a large file in two at an entry boundary: a blank line
// followed by a comment or msgctxt/msgid, near the middle; 0 when none.
size_t SplitPoint(std::string_view text) {
  for (size_t i = text.find("\n\n", text.size() / 2); i != std::string_view::npos;
       i = text.find("\n\n", i + 1)) {
    std::string_view next = text.substr(i + 2);
    if (next.substr(0, 1) == "#" || next.substr(0, 6) == "msgid " ||
        next.substr(0, 8) == "msgctxt ") {
      return i + 2;
    }
  }
  return 0;
}

// Checks the entries of one part of a catalog file as the reader hands them
// over, keeping only their keys (for duplicates) and the statistics. Lines
// are relative to the part; Finish() makes them the file's.
class EntryChecker : public PoEntrySink {
 public:
  EntryChecker(std::string_view text, int line_base, const std::string& path,
               const CatalogCheckOptions& options, const CheckPolicy& policy,
               const HeaderInfo& header_info, bool has_header)
      : text_(text), line_base_(line_base), path_(path), options_(options), policy_(policy),
        header_info_(header_info), expect_header_(has_header), locator_(text),
        spanish_(PrimaryLanguage(header_info.language) == "es") {}

  struct Key {
    std::string key;  // msgctxt EOT msgid; empty for obsolete entries
    int line = 0;     // of the entry, in the file
    bool active = true;
  };

  void Run() {
    DiagnosticSink read;
    PoStyle style;
    ok_ = ReadPo(text_, path_, this, &style, &read);
    Finish(read);
  }

  // The same for a catalog read from another format (XLIFF): its entries
  // and its reader's diagnostics. Locations are those of the entries.
  void Run(Catalog* catalog, bool ok, const DiagnosticSink& read) {
    ok_ = ok;
    from_xliff_ = true;
    // A file that does not read has its reader's findings only.
    if (!ok) catalog->messages.clear();
    for (Message& m : catalog->messages) {
      // The header first, wherever the format keeps it.
      if (m.is_header()) Add(std::move(m));
    }
    for (Message& m : catalog->messages) {
      if (!m.is_header()) Add(std::move(m));
    }
    Finish(read);
  }

 private:
  void Finish(const DiagnosticSink& read) {
    bool keep_notes = false;
    for (const Diagnostic& d : read.diagnostics()) {
      if (d.severity == Severity::kNote) {
        if (keep_notes) findings_.push_back(d);
        continue;
      }
      std::optional<Check> check = ParseCheck(d.check);
      std::optional<Severity> severity = check ? policy_.severity(*check) : d.severity;
      keep_notes = severity.has_value();
      if (!severity) continue;
      Diagnostic finding = d;
      finding.severity = *severity;
      findings_.push_back(std::move(finding));
    }
    if (ok_ && expect_header_ && !seen_first_ && !options_.is_template) {
      Emit(Check::kHeader, 1, 1, _("the catalog has no header entry"));
    }
    for (Diagnostic& d : findings_) {
      if (d.line > 0) d.line += line_base_;
    }
    for (Key& k : keys_) k.line += line_base_;
  }

 public:
  // PoEntrySink
  void Add(Message&& m) override {
    CheckMessage(m);
    // Only the key is kept, and the msgid is not needed any more.
    Key key{std::string(), m.line, !m.obsolete};
    key.key = m.msgctxt ? m.Key() : std::move(m.msgid);
    keys_.push_back(std::move(key));
  }

  bool SameKey(size_t i, size_t j) const override { return keys_[i].key == keys_[j].key; }

  bool ok() const { return ok_; }
  std::vector<Diagnostic>& findings() { return findings_; }
  const std::vector<Key>& keys() const { return keys_; }
  const Coverage& total() const { return total_; }
  const std::vector<std::pair<std::string, Coverage>>& posts() const { return posts_; }
  int MsgidLineInFile(int file_line) {
    return locator_.KeywordLine(file_line - line_base_, "msgid") + line_base_;
  }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  void CheckMessage(const Message& m) {
    bool first = !seen_first_;
    seen_first_ = true;
    if (first && expect_header_) {
      if (m.is_header()) {
        if (!options_.is_template) CheckHeader(m);
        return;
      }
      if (!options_.is_template) Emit(Check::kHeader, 1, 1, _("the catalog has no header entry"));
    }
    if (m.obsolete) {
      if (!options_.is_template) {
        Emit(Check::kObsolete, KeywordLine(m, "msgid"), 1,
             FormatUi("obsolete: {}", QuoteForMessage(m.msgid)));
      }
      return;
    }
    int words = CountWords(m.msgid);
    bool translated = m.translated() && !m.fuzzy();
    total_.Add(m.translated(), m.fuzzy(), words);
    if (options_.is_template) return;
    // Each post the entry appears in counts it once (in linear time: an
    // entry may have 100,000 references).
    ++entry_serial_;
    for (const std::string& ref : m.references) {
      std::string_view file = ref;
      size_t colon = file.rfind(':');
      if (colon != std::string_view::npos && colon + 1 < file.size() &&
          std::all_of(file.begin() + colon + 1, file.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        file = file.substr(0, colon);
      }
      auto it = post_index_.find(file);
      if (it == post_index_.end()) {
        posts_.emplace_back(std::string(file), Coverage());
        post_counted_.push_back(0);
        it = post_index_.emplace(std::string(file), posts_.size() - 1).first;
      }
      if (post_counted_[it->second] == entry_serial_) continue;
      post_counted_[it->second] = entry_serial_;
      posts_[it->second].second.Add(m.translated(), m.fuzzy(), words);
    }
    if (m.msgid_plural && header_info_.nplurals > 0 &&
        m.msgstr.size() != static_cast<size_t>(header_info_.nplurals)) {
      Emit(Check::kHeader, KeywordLine(m, "msgid"), 1,
           FormatUi("{} plural forms, but Plural-Forms says nplurals={}", m.msgstr.size(),
                    header_info_.nplurals));
    }
    entry_ = &m;
    CheckEntryRules(m, translated);
    entry_ = nullptr;
  }

  void Emit(Check check, int line, int column, std::string message) {
    std::optional<Severity> severity = policy_.severity(check);
    if (!severity) return;
    if (IgnoredByEntry(check)) return;
    findings_.push_back({*severity, path_, line, column, std::move(message), false,
                         CheckName(check)});
  }

  // A warning at most, as the policy has the check.
  void Warn(Check check, int line, int column, std::string message) {
    if (!policy_.severity(check) || IgnoredByEntry(check)) return;
    findings_.push_back({Severity::kWarning, path_, line, column, std::move(message), false,
                         CheckName(check)});
  }

  int KeywordLine(const Message& m, std::string_view keyword) {
    return locator_.KeywordLine(m.line, keyword);
  }

  void CheckHeader(const Message& header_message) {
    Catalog catalog;  // for HeaderField
    catalog.messages.push_back(header_message);
    const Message* header = &catalog.messages[0];
    int line = KeywordLine(*header, "msgstr");
    auto field_location = [&](std::string_view name) -> std::pair<int, int> {
      size_t pos = header->msgstr[0].find(std::string(name) + ":");
      if (pos == std::string::npos) return {line, 1};
      return locator_.InString(line, pos);
    };
    std::optional<std::string> language = catalog.HeaderField("Language");
    if ((!language || language->empty()) && from_xliff_) {
      // XLIFF says it in an attribute; the header is this project's note.
      Emit(Check::kHeader, line, 1,
           _("the XLIFF file names no target language ('target-language' or 'trgLang')"));
    } else if (!language || language->empty()) {
      Emit(Check::kHeader, line, 1, FormatUi("header field '{}' is missing", "Language"));
    } else if (!options_.language.empty() &&
               PrimaryLanguage(*language) != PrimaryLanguage(options_.language)) {
      auto [l, c] = field_location("Language");
      Emit(Check::kHeader, l, c,
           FormatUi("header field 'Language' is '{}', but this catalog is for '{}'", *language,
                    options_.language));
    }
    std::optional<std::string> content_type = catalog.HeaderField("Content-Type");
    size_t charset_at = content_type ? content_type->find("charset=") : std::string::npos;
    if (charset_at == std::string::npos) {
      Emit(Check::kHeader, line, 1,
           FormatUi("header field '{}' is missing", "Content-Type: text/plain; charset=UTF-8"));
    } else {
      std::string charset(HeaderCharset(*content_type).value_or(""));
      if (!ResolveCharset(charset).utf8()) {
        auto [l, c] = field_location("Content-Type");
        Emit(Check::kHeader, l, c,
             FormatUi("charset '{}' is not UTF-8, the encoding of the posts", charset));
      }
    }
    // The file as it is: another charset was converted as it was read.
    if (std::optional<std::string> declared = from_xliff_ ? std::nullopt : PoDeclaredCharset(text_)) {
      CharsetName name = ResolveCharset(*declared);
      auto [l, c] = field_location("Content-Type");
      if (name.known && !name.utf8()) {
        Warn(Check::kHeader, l, c,
             FormatUi("the catalog is in charset '{}': the tools read it converted to UTF-8 and "
                      "write it back in UTF-8",
                      *declared));
      } else if (name.known && !name.portable) {
        Warn(Check::kHeader, l, c,
             FormatUi("charset '{}' is not a portable encoding name; gettext writes '{}'",
                      *declared, name.canonical));
      }
    }
    CheckPluralForms(catalog, field_location, line);
  }

  template <typename Locate>
  void CheckPluralForms(const Catalog& catalog, const Locate& field_location, int line) {
    std::optional<std::string> plural_forms = catalog.HeaderField("Plural-Forms");
    if (!plural_forms || plural_forms->empty()) {
      Emit(Check::kHeader, line, 1, FormatUi("header field '{}' is missing", "Plural-Forms"));
      return;
    }
    auto [l, c] = field_location("Plural-Forms");
    int nplurals = 0;
    if (std::optional<std::string> problem = PluralFormsProblem(*plural_forms, &nplurals)) {
      Emit(Check::kHeader, l, c, std::move(*problem));
      return;
    }
    int expected = ExpectedPluralForms(header_info_.language);
    if (expected != 0 && expected != nplurals) {
      Emit(Check::kHeader, l, c,
           FormatUi("Plural-Forms has nplurals={}, but '{}' has {} plural forms", nplurals,
                    header_info_.language, expected));
    }
  }

  // A translator comment "l10n-check: ignore identical, punctuation" turns
  // off the style checks (never the others) for its entry: "OSEC" is the
  // same in both languages.
  bool IgnoredByEntry(Check check) const {
    if (!entry_ || !(check == Check::kIdentical || check == Check::kWhitespace ||
                     check == Check::kPunctuation || check == Check::kInvertedMarks)) {
      return false;
    }
    constexpr std::string_view kPrefix = "l10n-check: ignore ";
    for (const std::string& comment : entry_->translator_comments) {
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

  void CheckEntry(const Message& m, bool translated) {
    entry_ = &m;
    CheckEntryRules(m, translated);
    entry_ = nullptr;
  }

  void CheckEntryRules(const Message& m, bool translated) {
    if (m.fuzzy()) {
      Emit(Check::kFuzzy, KeywordLine(m, "msgid"), 1,
           FormatUi("fuzzy: {}", QuoteForMessage(m.msgid)));
      return;
    }
    if (!translated) {
      Emit(Check::kUntranslated, KeywordLine(m, "msgid"), 1,
           FormatUi("untranslated: {}", QuoteForMessage(m.msgid)));
      return;
    }
    std::vector<MarkupIssue> issues;
    uint8_t source_classes = ByteClasses(m.msgid);
    for (size_t form = 0; form < m.msgstr.size(); ++form) {
      bool plural_source = form > 0 && m.msgid_plural;
      const std::string& source = plural_source ? *m.msgid_plural : m.msgid;
      const std::string& target = m.msgstr[form];
      uint8_t classes = plural_source ? ByteClasses(source) : source_classes;
      uint8_t target_classes = ByteClasses(target);
      std::string keyword = m.msgid_plural ? fmt::format("msgstr[{}]", form) : "msgstr";
      issues.clear();
      if (header_info_.html) {
        CheckMarkup(source, target, classes, target_classes, &issues);
        CheckShortcodes(source, target, options_.segment, &issues);
      }
      for (const MarkupIssue& issue : issues) {
        int line = KeywordLine(m, keyword);
        auto [l, c] = locator_.InString(line, issue.offset);
        Emit(issue.check, l, c, issue.message);
      }
      CheckStyle(m, source, target, classes, target_classes, keyword);
    }
  }

  void CheckStyle(const Message& m, std::string_view source, std::string_view target,
                  uint8_t source_classes, uint8_t target_classes, const std::string& keyword) {
    Plain plain_source(source, source_classes);
    Plain plain_target(target, target_classes);
    if (source == target && HasLetters(plain_source.text)) {
      Emit(Check::kIdentical, KeywordLine(m, keyword), 1,
           FormatUi("translation is identical to the source: {}", QuoteForMessage(source)));
    }
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    auto leading = [&is_space](std::string_view s) {
      size_t n = 0;
      while (n < s.size() && is_space(s[n])) ++n;
      return s.substr(0, n);
    };
    auto trailing = [&is_space](std::string_view s) {
      size_t n = s.size();
      while (n > 0 && is_space(s[n - 1])) --n;
      return s.substr(n);
    };
    if (leading(source) != leading(target)) {
      Emit(Check::kWhitespace, KeywordLine(m, keyword), 1,
           _("leading whitespace differs from the source"));
    }
    if (trailing(source) != trailing(target)) {
      int line = KeywordLine(m, keyword);
      auto [l, c] = locator_.InString(line, target.size() - trailing(target).size());
      Emit(Check::kWhitespace, l, c, _("trailing whitespace differs from the source"));
    }
    std::string source_end = FinalPunctuation(plain_source.text);
    std::string target_end = FinalPunctuation(plain_target.text);
    if (source_end != target_end) {
      auto shown = [](const std::string& p) {
        return p.empty() ? std::string(_("no punctuation")) : "'" + p + "'";
      };
      Emit(Check::kPunctuation, KeywordLine(m, keyword), 1,
           FormatUi("the translation ends with {}, the source with {}", shown(target_end),
                    shown(source_end)));
    }
    if (spanish_ && (target_classes & kMark)) CheckInvertedMarks(m, target, keyword);
  }

  // Spanish opens questions and exclamations with '¿' and '¡'.
  void CheckInvertedMarks(const Message& m, std::string_view target, const std::string& keyword) {
    int questions = 0, exclamations = 0;
    for (size_t i = 0; i < target.size(); ++i) {
      char c = target[i];
      if (c == '\xC2' && i + 1 < target.size() && target[i + 1] == '\xBF') {
        ++questions;
      } else if (c == '\xC2' && i + 1 < target.size() && target[i + 1] == '\xA1') {
        ++exclamations;
      } else if (c == '?' || c == '!') {
        bool question = target[i] == '?';
        int& open = question ? questions : exclamations;
        if (open > 0) {
          --open;
          continue;
        }
        // "?!" and "!?" close one sentence: either mark opens it.
        int& other = question ? exclamations : questions;
        if (i > 0 && (target[i - 1] == '?' || target[i - 1] == '!')) continue;
        if (other > 0) {
          --other;
          continue;
        }
        int line = KeywordLine(m, keyword);
        auto [l, col] = locator_.InString(line, i);
        Emit(Check::kInvertedMarks, l, col,
             question ? _("'?' without an opening '¿'") : _("'!' without an opening '¡'"));
        return;
      }
    }
  }


  std::string_view text_;
  int line_base_;
  const std::string& path_;
  const CatalogCheckOptions& options_;
  const CheckPolicy& policy_;
  const HeaderInfo& header_info_;
  bool expect_header_;
  Locator locator_;
  const bool spanish_;  // the translations are Spanish
  bool ok_ = false;
  bool from_xliff_ = false;  // the entries come from XLIFF, not from text_
  bool seen_first_ = false;
  const Message* entry_ = nullptr;  // being checked
  std::vector<Diagnostic> findings_;
  std::vector<Key> keys_;
  Coverage total_;
  std::vector<std::pair<std::string, Coverage>> posts_;
  std::vector<uint64_t> post_counted_;  // by post: the last entry counted
  uint64_t entry_serial_ = 0;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> post_index_;
};

// Groups of a finding and the notes after it, in file order; findings about
// the whole file last.
void SortFindings(std::vector<Diagnostic>* findings) {
  std::vector<std::vector<Diagnostic>> groups;
  for (Diagnostic& d : *findings) {
    if (d.severity != Severity::kNote || groups.empty()) groups.emplace_back();
    groups.back().push_back(std::move(d));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    auto key = [](const Diagnostic& d) {
      return std::pair(d.line == 0 ? INT32_MAX : d.line, d.column);
    };
    return key(a[0]) < key(b[0]);
  });
  findings->clear();
  for (auto& group : groups) {
    for (Diagnostic& d : group) findings->push_back(std::move(d));
  }
}

}  // namespace

bool ValidateHeaderForTools(const Catalog& catalog, std::string_view text,
                            const std::string& path, DiagnosticSink* sink) {
  const Message* header = catalog.FindHeader();
  if (!header) {
    sink->Report({Severity::kError, path, 1, 1, _("the catalog has no header entry"), false,
                  CheckName(Check::kHeader)});
    return false;
  }
  Locator locator(text);
  int line = locator.KeywordLine(header->line, "msgstr");
  auto located = [&](std::string_view field, std::string message) {
    size_t pos = header->msgstr[0].find(std::string(field) + ":");
    auto [l, c] = pos == std::string::npos ? std::pair(line, 1) : locator.InString(line, pos);
    sink->Report({Severity::kError, path, l, c, std::move(message), false,
                  CheckName(Check::kHeader)});
  };
  bool ok = true;
  // "charset=" wherever the header has it, as the PO reader finds it (it
  // decides there how the file's bytes are read).
  {
    const std::string& content_type = header->msgstr[0];
    size_t at = content_type.find("charset=");
    if (at != std::string::npos) {
      std::string charset(HeaderCharset(content_type).value_or(""));
      // A template from xgettext says CHARSET until it is translated; the
      // reader converted the other charsets it knows (charset.h).
      if (!ResolveCharset(charset).utf8()) {
        located("Content-Type",
                FormatUi("charset '{}' is not UTF-8, the encoding of the posts", charset));
        ok = false;
      }
    }
  }
  if (std::optional<std::string> plural_forms = catalog.HeaderField("Plural-Forms")) {
    int nplurals = 0;
    if (std::optional<std::string> problem = PluralFormsProblem(*plural_forms, &nplurals)) {
      located("Plural-Forms", std::move(*problem));
      ok = false;
    }
  }
  return ok;
}

int MsgidLine(std::string_view po_text, const Message& m) {
  return Locator(po_text).KeywordLine(m.line, "msgid");
}

std::pair<int, int> LocateInTranslation(std::string_view po_text, const Message& m, size_t offset) {
  Locator locator(po_text);
  int line = locator.KeywordLine(m.line, m.msgid_plural ? "msgstr[0]" : "msgstr");
  return locator.InString(line, offset);
}

bool CheckCatalogText(std::string_view text, const std::string& path,
                      const CatalogCheckOptions& options, const CheckPolicy& policy,
                      CheckReport* report) {
  bool xliff = IsXliffPath(path);
  Catalog xliff_catalog;
  DiagnosticSink xliff_read;
  bool xliff_ok = xliff && ReadXliff(text, path, &xliff_catalog, &xliff_read);
  CatalogSummary summary;
  summary.path = path;
  summary.is_template = options.is_template;
  summary.language = options.language;
  summary.source_language = options.source_language;

  // The header first: every entry's checks need its language and nplurals.
  HeaderInfo info;
  info.language = options.language;
  info.html = options.html.value_or(xliff);
  {
    Catalog first;
    DiagnosticSink ignored;  // reported when the whole file is read
    if (xliff) {
      if (const Message* header = xliff_catalog.FindHeader()) first.messages.push_back(*header);
    } else {
      ReadPo(text.substr(0, PoFirstEntryEnd(text)), path, &first, &ignored);
    }
    if (first.FindHeader()) {
      std::optional<std::string> language = first.HeaderField("Language");
      if (summary.language.empty() && language) summary.language = *language;
      if (info.language.empty() && language) info.language = *language;
      if (summary.source_language.empty()) {
        if (auto source = first.HeaderField("X-Source-Language")) summary.source_language = *source;
      }
      if (auto plural_forms = first.HeaderField("Plural-Forms")) {
        info.nplurals = PluralFormsCount(*plural_forms).value_or(0);
      }
      // Our catalogs say which language the posts are in.
      if (!options.html && first.HeaderField("X-Source-Language")) info.html = true;
    }
  }

  // A large file is read and checked in two halves on two threads.
  // (Not a file in another charset: the reader converts it whole.)
  bool utf8 = xliff || ResolveCharset(PoDeclaredCharset(text).value_or("")).utf8();
  size_t split = !xliff && utf8 && text.size() >= (256u << 10) ? SplitPoint(text) : 0;
  int base = 0;
  if (split > 0) base = static_cast<int>(std::count(text.begin(), text.begin() + split, '\n'));
  std::vector<std::unique_ptr<EntryChecker>> parts;
  parts.push_back(std::make_unique<EntryChecker>(
      xliff ? std::string_view() : split ? text.substr(0, split) : text, 0, path, options, policy,
      info, true));
  if (xliff) {
    parts[0]->Run(&xliff_catalog, xliff_ok, xliff_read);
  } else if (split) {
    parts.push_back(std::make_unique<EntryChecker>(text.substr(split), base, path, options,
                                                   policy, info, false));
    std::thread second([&parts] { parts[1]->Run(); });
    parts[0]->Run();
    second.join();
  } else {
    parts[0]->Run();
  }

  std::vector<Diagnostic> findings;
  summary.read = true;
  std::unordered_map<std::string_view, size_t> post_at;  // into summary.posts
  for (auto& part : parts) {
    summary.read = summary.read && part->ok();
    for (Diagnostic& d : part->findings()) findings.push_back(std::move(d));
    summary.total.strings += part->total().strings;
    summary.total.translated += part->total().translated;
    summary.total.fuzzy += part->total().fuzzy;
    summary.total.untranslated += part->total().untranslated;
    summary.total.words += part->total().words;
    summary.total.translated_words += part->total().translated_words;
    for (const auto& [name, c] : part->posts()) {
      auto [at, added] = post_at.emplace(name, summary.posts.size());
      if (added) summary.posts.emplace_back(name, Coverage());
      Coverage& sum = summary.posts[at->second].second;
      sum.strings += c.strings;
      sum.translated += c.translated;
      sum.fuzzy += c.fuzzy;
      sum.untranslated += c.untranslated;
      sum.words += c.words;
      sum.translated_words += c.translated_words;
    }
  }
  if (!summary.read && !xliff) {
    // A file that does not parse: its syntax errors only, not what the
    // entries around them seem to say.
    std::vector<Diagnostic> kept;
    bool keep_notes = false;
    for (Diagnostic& d : findings) {
      if (d.severity == Severity::kNote) {
        if (keep_notes) kept.push_back(std::move(d));
        continue;
      }
      keep_notes = d.check == CheckName(Check::kSyntax) ||
                   d.check == CheckName(Check::kDuplicate) ||
                   d.check == CheckName(Check::kEncoding);
      if (keep_notes) kept.push_back(std::move(d));
    }
    findings = std::move(kept);
    summary.total = Coverage();
    summary.posts.clear();
  }
  if (parts.size() == 2 && policy.severity(Check::kDuplicate)) {
    // Duplicates across the halves; each half found its own.
    std::unordered_map<std::string_view, int> first;
    for (const EntryChecker::Key& k : parts[0]->keys()) {
      first.emplace(k.key, k.line);
    }
    for (const EntryChecker::Key& k : parts[1]->keys()) {
      auto it = first.find(k.key);
      if (it == first.end()) continue;
      findings.push_back({*policy.severity(Check::kDuplicate), path,
                          parts[1]->MsgidLineInFile(k.line), 1, _("duplicate message definition"),
                          false, CheckName(Check::kDuplicate)});
      findings.push_back({Severity::kNote, path, parts[0]->MsgidLineInFile(it->second), 1,
                          _("this is the location of the first definition")});
    }
  }
  std::sort(summary.posts.begin(), summary.posts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  if (summary.read && !options.is_template && policy.min_coverage() >= 0 &&
      summary.total.Percent() < policy.min_coverage()) {
    if (std::optional<Severity> severity = policy.severity(Check::kCoverage)) {
      findings.push_back({*severity, path, 0, 0,
                          FormatUi("{}% translated, below the minimum of {}%",
                                   summary.total.Percent(), policy.min_coverage()),
                          false, CheckName(Check::kCoverage)});
    }
  }
  SortFindings(&findings);
  for (Diagnostic& d : findings) report->findings.push_back(std::move(d));
  bool read = summary.read;
  report->catalogs.push_back(std::move(summary));
  return read;
}

}  // namespace l10n
