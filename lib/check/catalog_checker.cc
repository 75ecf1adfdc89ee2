#include "check/catalog_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

#include "base/charset.h"
#include "base/language_tag.h"
#include "base/parallel.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/plural_forms.h"
#include "catalog/po_reader.h"
#include "catalog/xliff.h"
#include "check/entry_rule.h"
#include "check/header_check.h"
#include "check/markup_rules.h"
#include "check/plural_check.h"
#include "check/style_check.h"
#include "check/translation_state.h"
#include "unit/markup_check.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// The rules, in the order they report about an entry (findings at one place
// keep it).
constexpr EntryRule kEntryRules[] = {
    {Check::kHeader, CheckPluralCount},
    {Check::kFuzzy, CheckFuzzy},
    {Check::kUntranslated, CheckUntranslated},
};
constexpr FormRule kFormRules[] = {
    {Check::kUnsafe, CheckFormMarkup},  // and kPlaceholder
    {Check::kIdentical, CheckIdentical},     {Check::kWhitespace, CheckWhitespace},
    {Check::kPunctuation, CheckPunctuation}, {Check::kInvertedMarks, CheckInvertedMarks},
};

// Appends to *out the findings of `in` that `keep` accepts (it may change
// them), each with the notes that follow it.
template <typename Keep>
void KeepWithNotes(std::vector<Diagnostic> in, const Keep& keep, std::vector<Diagnostic>* out) {
  bool keep_notes = false;
  for (Diagnostic& d : in) {
    if (d.severity == Severity::kNote) {
      if (keep_notes) out->push_back(std::move(d));
      continue;
    }
    keep_notes = keep(&d);
    if (keep_notes) out->push_back(std::move(d));
  }
}

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
               const RuleContext& info, bool has_header)
      : text_(text),
        line_base_(line_base),
        path_(path),
        options_(options),
        policy_(policy),
        info_(info),
        expect_header_(has_header),
        findings_(text, path, policy) {}

  struct Key {
    std::string key;  // msgctxt EOT msgid
    int line = 0;     // of the entry, in the file
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

  // PoEntrySink
  void Add(Message&& m) override {
    CheckMessage(m);
    // Only the key is kept, and the msgid is not needed any more.
    Key key{std::string(), m.line};
    key.key = m.msgctxt ? m.Key() : std::move(m.msgid);
    keys_.push_back(std::move(key));
  }

  bool SameKey(size_t i, size_t j) const override { return keys_[i].key == keys_[j].key; }

  bool ok() const { return ok_; }
  std::vector<Diagnostic>& findings() { return findings_.diagnostics(); }
  const std::vector<Key>& keys() const { return keys_; }
  const Coverage& total() const { return total_; }
  const PostCoverage& posts() const { return posts_; }
  int MsgidLineInFile(int file_line) {
    return findings_.locator().KeywordLine(file_line - line_base_, "msgid") + line_base_;
  }

 private:
  // The reader's diagnostics at the policy's levels; the file's lines.
  void Finish(const DiagnosticSink& read) {
    KeepWithNotes(
        read.diagnostics(),
        [this](Diagnostic* d) {
          std::optional<Check> check = ParseCheck(d->check);
          std::optional<Severity> severity = check ? policy_.severity(*check) : d->severity;
          if (severity) d->severity = *severity;
          return severity.has_value();
        },
        &findings_.diagnostics());
    if (ok_ && expect_header_ && !seen_first_ && !options_.is_template) NoHeader();
    for (Diagnostic& d : findings_.diagnostics()) {
      if (d.line > 0) d.line += line_base_;
    }
    for (Key& k : keys_) k.line += line_base_;
  }

  void NoHeader() { findings_.Report(Check::kHeader, 1, 1, _("the catalog has no header entry")); }

  void CheckMessage(const Message& m) {
    bool first = !seen_first_;
    seen_first_ = true;
    if (first && expect_header_) {
      if (m.is_header()) {
        if (!options_.is_template) CheckHeader(m);
        return;
      }
      if (!options_.is_template) NoHeader();
    }
    if (m.obsolete) {
      if (!options_.is_template) CheckObsolete(m, info_, &findings_);
      return;
    }
    int words = CountWords(m.msgid);
    total_.Add(m.translated(), m.fuzzy(), words);
    if (options_.is_template) return;
    posts_.Add(m.references, m.translated(), m.fuzzy(), words);
    for (const EntryRule& rule : kEntryRules) {
      if (policy_.severity(rule.check)) rule.run(m, info_, &findings_);
    }
    if (m.translated() && !m.fuzzy()) CheckForms(m);
  }

  void CheckHeader(const Message& header) {
    HeaderExpectations expected;
    expected.language = options_.language;
    expected.from_xliff = from_xliff_;
    if (!from_xliff_) expected.declared_charset = PoDeclaredCharset(text_);
    CheckHeaderEntry(header, expected, info_, &findings_);
  }

  void CheckForms(const Message& m) {
    uint8_t msgid_classes = ByteClasses(m.msgid);
    for (size_t i = 0; i < m.msgstr.size(); ++i) {
      bool plural_source = i > 0 && m.msgid_plural;
      const std::string& source = plural_source ? *m.msgid_plural : m.msgid;
      const std::string& target = m.msgstr[i];
      uint8_t source_classes = plural_source ? ByteClasses(source) : msgid_classes;
      uint8_t target_classes = ByteClasses(target);
      std::string keyword = m.msgid_plural ? fmt::format("msgstr[{}]", i) : "msgstr";
      Plain plain_source(source, source_classes);
      Plain plain_target(target, target_classes);
      EntryForm form{m,
                     info_,
                     keyword,
                     source,
                     target,
                     source_classes,
                     target_classes,
                     plain_source.text(),
                     plain_target.text()};
      for (const FormRule& rule : kFormRules) {
        if (!policy_.severity(rule.check) || IgnoredByComment(m, rule.check)) continue;
        rule.run(form, &findings_);
      }
    }
  }

  std::string_view text_;
  int line_base_;
  const std::string& path_;
  const CatalogCheckOptions& options_;
  const CheckPolicy& policy_;
  const RuleContext& info_;
  bool expect_header_;
  Findings findings_;
  bool ok_ = false;
  bool from_xliff_ = false;  // the entries come from XLIFF, not from text_
  bool seen_first_ = false;
  std::vector<Key> keys_;
  Coverage total_;
  PostCoverage posts_;
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

// What every entry's rules need from the header (read first, on its own),
// and the languages the summary names.
RuleContext ReadCatalogInfo(std::string_view text, const std::string& path, bool xliff,
                            const Catalog& xliff_catalog, const CatalogCheckOptions& options,
                            CatalogSummary* summary) {
  RuleContext info;
  info.language = options.language;
  info.html = options.html.value_or(xliff);
  info.segment = options.segment;
  Catalog first;
  DiagnosticSink ignored;  // reported when the whole file is read
  if (xliff) {
    if (const Message* header = xliff_catalog.FindHeader()) first.messages.push_back(*header);
  } else {
    ReadPo(text.substr(0, PoFirstEntryEnd(text)), path, &first, &ignored);
  }
  if (first.FindHeader()) {
    std::optional<std::string> language = first.HeaderField("Language");
    if (summary->language.empty() && language) summary->language = *language;
    if (info.language.empty() && language) info.language = *language;
    if (summary->source_language.empty()) {
      if (auto source = first.HeaderField("X-Source-Language")) summary->source_language = *source;
    }
    summary->last_translator = first.HeaderField("Last-Translator").value_or("");
    summary->revision_date = first.HeaderField("PO-Revision-Date").value_or("");
    if (auto plural_forms = first.HeaderField("Plural-Forms")) {
      info.nplurals = PluralFormsCount(*plural_forms).value_or(0);
    }
    // Our catalogs say which language the posts are in.
    if (!options.html && first.HeaderField("X-Source-Language")) info.html = true;
  }
  info.spanish = PrimaryLanguage(info.language) == "es";
  return info;
}

// Duplicates across the two halves of a file; each half found its own.
void CrossDuplicates(EntryChecker& first_half, EntryChecker& second_half, Severity severity,
                     const std::string& path, std::vector<Diagnostic>* findings) {
  std::unordered_map<std::string_view, int> first;
  for (const EntryChecker::Key& k : first_half.keys()) first.emplace(k.key, k.line);
  for (const EntryChecker::Key& k : second_half.keys()) {
    auto it = first.find(k.key);
    if (it == first.end()) continue;
    findings->push_back({severity, path, second_half.MsgidLineInFile(k.line), 1,
                         _("duplicate message definition"), false, CheckName(Check::kDuplicate)});
    findings->push_back({Severity::kNote, path, first_half.MsgidLineInFile(it->second), 1,
                         _("this is the location of the first definition")});
  }
}

}  // namespace

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
  RuleContext info = ReadCatalogInfo(text, path, xliff, xliff_catalog, options, &summary);

  // A large file is read and checked in two halves on two threads.
  // (Not a file in another charset: the reader converts it whole.)
  bool utf8 = xliff || ResolveCharset(PoDeclaredCharset(text).value_or("")).utf8();
  size_t split = !xliff && utf8 && text.size() >= (256u << 10) ? SplitPoint(text) : 0;
  int base = 0;
  if (split > 0) base = static_cast<int>(std::count(text.begin(), text.begin() + split, '\n'));
  std::vector<std::unique_ptr<EntryChecker>> parts;
  parts.push_back(std::make_unique<EntryChecker>(xliff   ? std::string_view()
                                                 : split ? text.substr(0, split)
                                                         : text,
                                                 0, path, options, policy, info, true));
  if (xliff) {
    parts[0]->Run(&xliff_catalog, xliff_ok, xliff_read);
  } else if (split) {
    parts.push_back(std::make_unique<EntryChecker>(text.substr(split), base, path, options, policy,
                                                   info, false));
    ParallelFor(2, [&parts](size_t i) { parts[i]->Run(); });
  } else {
    parts[0]->Run();
  }

  std::vector<Diagnostic> findings;
  summary.read = true;
  PostCoverage posts;
  for (auto& part : parts) {
    summary.read = summary.read && part->ok();
    for (Diagnostic& d : part->findings()) findings.push_back(std::move(d));
    summary.total += part->total();
    posts.Merge(part->posts());
  }
  if (summary.read || xliff) {
    summary.posts = std::move(posts).Sorted();
  } else {
    // A file that does not parse: its syntax errors only, not what the
    // entries around them seem to say.
    std::vector<Diagnostic> kept;
    KeepWithNotes(
        std::move(findings),
        [](Diagnostic* d) {
          return d->check == CheckName(Check::kSyntax) ||
                 d->check == CheckName(Check::kDuplicate) ||
                 d->check == CheckName(Check::kEncoding);
        },
        &kept);
    findings = std::move(kept);
    summary.total = Coverage();
  }
  if (parts.size() == 2 && policy.severity(Check::kDuplicate)) {
    CrossDuplicates(*parts[0], *parts[1], *policy.severity(Check::kDuplicate), path, &findings);
  }
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
