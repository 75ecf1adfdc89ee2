#include "catalog/catalog.h"

#include <fmt/format.h>

#include <algorithm>

namespace l10n {

std::string MakeKey(const std::optional<std::string>& msgctxt, std::string_view msgid) {
  std::string key;
  MakeKey(msgctxt, msgid, &key);
  return key;
}

void MakeKey(const std::optional<std::string>& msgctxt, std::string_view msgid, std::string* key) {
  key->clear();
  key->reserve((msgctxt ? msgctxt->size() + 1 : 0) + msgid.size());
  if (msgctxt) {
    *key += *msgctxt;
    *key += '\x04';
  }
  *key += msgid;
}

bool Message::HasFlag(std::string_view flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

void Message::SetFlag(std::string_view flag, bool on) {
  auto it = std::find(flags.begin(), flags.end(), flag);
  if (on && it == flags.end()) {
    // gettext prints "fuzzy" before every other flag.
    if (flag == "fuzzy") {
      flags.insert(flags.begin(), std::string(flag));
    } else {
      flags.emplace_back(flag);
    }
  } else if (!on && it != flags.end()) {
    flags.erase(it);
  }
}

bool Message::translated() const {
  if (msgstr.empty()) return false;
  return std::all_of(msgstr.begin(), msgstr.end(), [](const std::string& s) { return !s.empty(); });
}

std::string Message::Key() const { return MakeKey(msgctxt, msgid); }

Message& Catalog::Header() {
  for (Message& m : messages) {
    if (m.is_header()) return m;
  }
  messages.insert(messages.begin(), Message());
  index_valid_ = false;
  return messages.front();
}

const Message* Catalog::FindHeader() const {
  for (const Message& m : messages) {
    if (m.is_header()) return &m;
  }
  return nullptr;
}

std::optional<std::string> Catalog::HeaderField(std::string_view name) const {
  const Message* header = FindHeader();
  if (!header || header->msgstr.empty()) return std::nullopt;
  std::string_view text = header->msgstr[0];
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.size() > name.size() && line.substr(0, name.size()) == name &&
        line[name.size()] == ':') {
      std::string_view value = line.substr(name.size() + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return std::string(value);
    }
    pos = end + 1;
  }
  return std::nullopt;
}

void Catalog::SetHeaderField(std::string_view name, std::string_view value) {
  std::string& text = Header().msgstr[0];
  std::string line = std::string(name) + ": " + std::string(value);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view existing(text.data() + pos, end - pos);
    if (existing.size() > name.size() && existing.substr(0, name.size()) == name &&
        existing[name.size()] == ':') {
      text.replace(pos, end - pos, line);
      return;
    }
    pos = end + 1;
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += line;
  text += '\n';
}

void Catalog::Reindex() {
  index_.clear();
  for (size_t i = 0; i < messages.size(); ++i) {
    if (!messages[i].obsolete) index_.emplace(messages[i].Key(), i);
  }
  indexed_size_ = messages.size();
  index_valid_ = true;
}

std::optional<size_t> Catalog::Indexed(const std::optional<std::string>& msgctxt,
                                       std::string_view msgid) const {
  if (!index_valid_ || indexed_size_ != messages.size()) return std::nullopt;
  auto it = index_.find(MakeKey(msgctxt, msgid));
  if (it == index_.end()) return kAbsent;
  const Message& m = messages[it->second];
  if (m.obsolete || m.msgid != msgid || m.msgctxt != msgctxt) return std::nullopt;
  return it->second;
}

Message* Catalog::Find(const std::optional<std::string>& msgctxt, std::string_view msgid) {
  std::optional<size_t> at = Indexed(msgctxt, msgid);
  if (!at) {
    Reindex();  // messages changed under the index
    at = Indexed(msgctxt, msgid);
    if (!at) return nullptr;  // two keys alike ("a\x04" "b" and "a" "\x04b")
  }
  return *at == kAbsent ? nullptr : &messages[*at];
}

const Message* Catalog::Find(const std::optional<std::string>& msgctxt,
                             std::string_view msgid) const {
  if (std::optional<size_t> at = Indexed(msgctxt, msgid)) {
    return *at == kAbsent ? nullptr : &messages[*at];
  }
  for (const Message& m : messages) {
    if (!m.obsolete && m.msgid == msgid && m.msgctxt == msgctxt) return &m;
  }
  return nullptr;
}

std::optional<std::string_view> GettextPluralForms(std::string_view lang) {
  struct Entry {
    std::string_view lang;
    std::string_view value;
  };
  // msginit 0.21's plural_table (the languages it knows without CLDR).
  static constexpr Entry kTable[] = {
      {"ja", "nplurals=1; plural=0;"},
      {"vi", "nplurals=1; plural=0;"},
      {"ko", "nplurals=1; plural=0;"},
      {"tr", "nplurals=2; plural=(n != 1);"},
      {"en", "nplurals=2; plural=(n != 1);"},
      {"es", "nplurals=2; plural=(n != 1);"},
      {"de", "nplurals=2; plural=(n != 1);"},
      {"nl", "nplurals=2; plural=(n != 1);"},
      {"sv", "nplurals=2; plural=(n != 1);"},
      {"da", "nplurals=2; plural=(n != 1);"},
      {"no", "nplurals=2; plural=(n != 1);"},
      {"nb", "nplurals=2; plural=(n != 1);"},
      {"nn", "nplurals=2; plural=(n != 1);"},
      {"fo", "nplurals=2; plural=(n != 1);"},
      {"it", "nplurals=2; plural=(n != 1);"},
      {"pt", "nplurals=2; plural=(n != 1);"},
      {"pt_BR", "nplurals=2; plural=(n > 1);"},
      {"bg", "nplurals=2; plural=(n != 1);"},
      {"el", "nplurals=2; plural=(n != 1);"},
      {"fi", "nplurals=2; plural=(n != 1);"},
      {"et", "nplurals=2; plural=(n != 1);"},
      {"he", "nplurals=2; plural=(n != 1);"},
      {"eo", "nplurals=2; plural=(n != 1);"},
      {"hu", "nplurals=2; plural=(n != 1);"},
      {"fr", "nplurals=2; plural=(n > 1);"},
      {"ga", "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;"},
      {"lv", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);"},
      {"lt",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : "
       "2);"},
      {"ru",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2);"},
      {"uk",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2);"},
      {"be",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2);"},
      {"sr",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2);"},
      {"hr",
       "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
       "n%100>=20) ? 1 : 2);"},
      {"cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"},
      {"sk", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"},
      {"pl",
       "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"},
      {"ro", "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;"},
      {"sl", "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);"},
  };
  std::string tag(lang);
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string_view whole = tag;
  const std::string_view language = whole.substr(0, whole.find_first_of("_@."));
  for (std::string_view key : {whole, language}) {
    for (const Entry& e : kTable) {
      if (e.lang == key) return e.value;
    }
  }
  return std::nullopt;
}

Message MakeCatalogHeader(const CatalogInfo& info) {
  Message header;
  bool is_template = info.target_lang.empty();
  if (is_template) header.flags.push_back("fuzzy");
  std::string text;
  text += fmt::format("Project-Id-Version: {}\n", info.project_name);
  text += fmt::format("POT-Creation-Date: {}\n", info.creation_date);
  if (is_template) {
    text += "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n";
    text += "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n";
    text += "Language-Team: LANGUAGE <LL@li.org>\n";
    text += "Language: \n";
  } else {
    text += fmt::format("PO-Revision-Date: {}\n", info.creation_date);
    text += "Last-Translator: Automatically generated\n";
    text += "Language-Team: none\n";
    text += fmt::format("Language: {}\n", info.target_lang);
  }
  text += "MIME-Version: 1.0\n";
  text += "Content-Type: text/plain; charset=UTF-8\n";
  text += "Content-Transfer-Encoding: 8bit\n";
  std::string_view plural_forms = kDefaultPluralForms;
  if (!is_template)
    plural_forms = GettextPluralForms(info.target_lang).value_or(kDefaultPluralForms);
  text += fmt::format("Plural-Forms: {}\n", plural_forms);
  text += fmt::format("X-Source-Language: {}\n", info.source_lang);
  header.msgstr = {text};
  return header;
}

}  // namespace l10n
