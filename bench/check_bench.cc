// Benchmark helper for bench/check.sh:
//   check_bench generate FILE N   a Spanish catalog of N entries as a real
//                                 one looks: references, notes, inline
//                                 placeholders, questions; 3% fuzzy, 3%
//                                 untranslated, 1% obsolete, a few unsafe
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "base/file_io.h"
#include "catalog/catalog.h"
#include "catalog/po_writer.h"
#include "prose.h"

namespace {

using l10n::Catalog;
using l10n::Message;
using l10n::bench::Vocabulary;

// Wraps a word range of a sentence in a placeholder, in source and target.
void AddMarkup(std::mt19937* rng, std::string* s) {
  static const char* kPaired[] = {"a", "em", "strong"};
  size_t space = s->find(' ', s->size() / 3);
  size_t end = space == std::string::npos ? std::string::npos : s->find(' ', space + 1);
  if (end == std::string::npos) return;
  std::string name = kPaired[(*rng)() % 3];
  s->insert(end, "</" + name + ">");
  s->insert(space + 1, "<" + name + ">");
}

int Generate(const char* path, int n) {
  std::mt19937 rng(42);
  Vocabulary vocabulary(&rng);
  Catalog catalog;
  l10n::CatalogInfo info{"bench", "en", "es", "2017-08-29 10:00+0000"};
  catalog.messages.push_back(l10n::MakeCatalogHeader(info));
  for (int i = 0; i < n; ++i) {
    Message m;
    int post = i / 40;
    m.extracted_comments = {"paragraph, post-" + std::to_string(post)};
    m.references = {"corpus/post-" + std::to_string(post) + ".html:" + std::to_string(10 + i % 40)};
    int words = 8 + static_cast<int>(rng() % 60);
    m.msgid = std::to_string(i) + " " + vocabulary.Sentence(words);
    std::string target = vocabulary.Sentence(words + static_cast<int>(rng() % 5));
    int kind = static_cast<int>(rng() % 100);
    if (kind < 15) {  // inline markup on both sides
      AddMarkup(&rng, &m.msgid);
      std::string name = m.msgid.substr(m.msgid.find('<') + 1);
      name = name.substr(0, name.find('>'));
      size_t space = target.find(' ');
      if (space != std::string::npos) target.insert(space, " <" + name + ">x</" + name + ">");
    } else if (kind < 20) {  // a question
      m.msgid.back() = '?';
      target = "\xC2\xBF" + target;
      target.back() = '?';
    } else if (kind < 22) {  // a date
      m.msgid = "Publish Date " + std::to_string(i) + ": <time/>";
      target = "Fecha de publicaci\xC3\xB3n " + std::to_string(i) + ": <time/>";
    }
    m.msgstr = {target};
    if (kind >= 90 && kind < 93) {
      m.SetFlag("fuzzy", true);
      m.prev_msgid = m.msgid + " " + vocabulary.Word();
    } else if (kind >= 93 && kind < 96) {
      m.msgstr = {""};
    } else if (kind == 96) {
      m.obsolete = true;
      m.references.clear();
      m.extracted_comments.clear();
    } else if (kind == 97 && i % 7 == 0) {
      m.msgstr[0] += " <script>alert(1)</script>";
    }
    catalog.messages.push_back(std::move(m));
  }
  l10n::Status status = l10n::WriteFileAtomic(path, l10n::WritePo(catalog));
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "generate") return Generate(argv[2], std::atoi(argv[3]));
  std::fprintf(stderr, "usage: check_bench generate FILE N\n");
  return 2;
}
