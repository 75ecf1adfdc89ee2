// A gettext catalog in memory: the model shared by the PO and XLIFF readers
// and writers, extract and merge.
//
// lib/catalog/ is the catalog stage: this model; the file formats
// (po_reader/po_writer, xliff.h), which the tools reach through
// catalog_io.h, where a new format is one file pair and one row; the
// msgmerge-like update (catalog_update.h over entry_merge.h and
// fuzzy_match.h); the taxonomy of categories.
//
// Invariants: the header is the message with an empty msgid and no msgctxt
// (normally the first); `msgstr` has one element for a singular message and
// nplurals elements for a plural one. Comments keep the text after their
// marker ("#. note" -> "note").
#ifndef L10N_CATALOG_CATALOG_H_
#define L10N_CATALOG_CATALOG_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace l10n {

struct Message {
  std::optional<std::string> msgctxt;  // absent and empty differ in gettext
  std::string msgid;
  std::optional<std::string> msgid_plural;
  std::vector<std::string> msgstr{std::string()};

  std::vector<std::string> translator_comments;  // "# ..."
  std::vector<std::string> extracted_comments;   // "#. ..."
  std::vector<std::string> references;           // "#: a b" -> {"a", "b"}
  std::vector<std::string> flags;                // "#, fuzzy, c-format"

  // "#| msgctxt", "#| msgid", "#| msgid_plural" (msgmerge --previous).
  std::optional<std::string> prev_msgctxt;
  std::optional<std::string> prev_msgid;
  std::optional<std::string> prev_msgid_plural;

  bool obsolete = false;  // "#~"
  int line = 0;           // 1-based line of the entry in the file read, or 0

  bool is_header() const { return msgid.empty() && !msgctxt && !obsolete; }
  bool HasFlag(std::string_view flag) const;
  void SetFlag(std::string_view flag, bool on);
  bool fuzzy() const { return HasFlag("fuzzy"); }
  // True when every msgstr is non-empty.
  bool translated() const;
  // gettext's key: msgctxt + '\x04' + msgid, or msgid alone.
  std::string Key() const;
};

// Line ends and wrapping of the file a catalog was read from, so that writing
// it back produces no noise (Poedit keeps CRLF; it may write with --no-wrap).
struct PoStyle {
  bool crlf = false;
  int width = 79;        // gettext's default page width
  bool no_wrap = false;  // msgcat --no-wrap
  // The `domain "name"` directive the entries follow; empty for gettext's
  // default domain, "messages", which needs none.
  std::string domain;
};

class Catalog {
 public:
  std::vector<Message> messages;
  PoStyle style;

  // The header message, created (empty, first) when absent.
  Message& Header();
  const Message* FindHeader() const;

  // Header fields, "Name: value" lines of the header's msgstr.
  std::optional<std::string> HeaderField(std::string_view name) const;
  // Replaces the field's value in place, or appends the field at the end.
  void SetHeaderField(std::string_view name, std::string_view value);

  // The non-obsolete message with that msgctxt and msgid, by an index of
  // their Key(). The non-const Find rebuilds the index when messages were
  // added, removed or moved since it was built. The const Find never
  // changes the catalog (several threads may call it): its owner builds the
  // index with Reindex() once the messages are in place; without a fresh
  // index it looks through the messages one by one, with the same answer.
  // A msgid or msgctxt edited in place needs Reindex() to be found.
  const Message* Find(const std::optional<std::string>& msgctxt, std::string_view msgid) const;
  Message* Find(const std::optional<std::string>& msgctxt, std::string_view msgid);
  void Reindex();

 private:
  static constexpr size_t kAbsent = static_cast<size_t>(-1);
  // The position of the message by the index (kAbsent: none), when the
  // index is fresh and the entry still holds that message; nullopt when
  // unsure.
  std::optional<size_t> Indexed(const std::optional<std::string>& msgctxt,
                                std::string_view msgid) const;

  std::unordered_map<std::string, size_t> index_;
  size_t indexed_size_ = 0;  // messages.size() when the index was built
  bool index_valid_ = false;
};

// What a new catalog's header says.
struct CatalogInfo {
  std::string project_name;
  std::string source_lang;
  std::string target_lang;    // empty for a template
  std::string creation_date;  // "2017-08-29 10:00+0000"
};

// The header of a new template (empty target_lang) or catalog. A catalog's
// Plural-Forms is gettext's for its language (GettextPluralForms), or
// kDefaultPluralForms for a language gettext has none for.
Message MakeCatalogHeader(const CatalogInfo& info);

// gettext's Plural-Forms for a language, from msginit 0.21's table
// (plural-table.c): the whole tag ("pt_BR", also written "pt-BR") first,
// then its language ("pt"); nullopt for a language the table lacks (msginit
// then writes "nplurals=INTEGER; plural=EXPRESSION;"). The one such table of
// the tools: l10n-check compares catalogs with it too.
std::optional<std::string_view> GettextPluralForms(std::string_view lang);

inline constexpr std::string_view kDefaultPluralForms = "nplurals=2; plural=(n != 1);";

std::string MakeKey(const std::optional<std::string>& msgctxt, std::string_view msgid);

// The same into *key, which keeps its capacity (a loop over many units
// allocates no key it only looks up).
void MakeKey(const std::optional<std::string>& msgctxt, std::string_view msgid, std::string* key);

}  // namespace l10n

#endif  // L10N_CATALOG_CATALOG_H_
