// Benchmark helper for catalog updates (bench/update.sh drives it):
//   update_bench generate DIR N   DIR/old.po (N translated entries) and
//                                 DIR/new.pot (10% edited by a word)
//   update_bench update OLD NEW OUT
//                                 our update, like msgmerge --previous
//   update_bench agree OURS THEIRS
//                                 how many entries got the same decision
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "catalog_update.h"
#include "file_io.h"
#include "po_reader.h"
#include "po_writer.h"

namespace {

using l10n::Catalog;
using l10n::Message;

const char* kWords[] = {
    "the", "partners", "young", "people", "met", "in", "Lima", "to", "share", "their", "work",
    "with", "children", "and", "adolescents", "against", "exploitation", "a", "regional",
    "meeting", "of", "alliance", "hotel", "staff", "learned", "how", "report", "signs", "police",
    "prosecutors", "communities", "online", "safety", "campaign", "workshop", "leaders", "network",
    "visit", "Colombia", "Peru", "Asia", "Philippines", "prevention", "tourism", "code", "conduct",
    "for", "is", "was", "are", "we", "they", "voices", "change", "forum", "declaration", "ministry",
    "local", "authorities", "schools", "teachers", "parents", "risks", "trust", "together"};

std::string Sentence(std::mt19937* rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += kWords[(*rng)() % (sizeof kWords / sizeof *kWords)];
  }
  return s + '.';
}

bool Load(const char* path, Catalog* c) {
  l10n::Result<std::string> text = l10n::ReadFile(path);
  l10n::DiagnosticSink sink;
  if (!text.ok() || !l10n::ReadPo(*text, path, c, &sink)) {
    std::fprintf(stderr, "cannot read %s\n", path);
    return false;
  }
  return true;
}

int Generate(const std::string& dir, int n) {
  std::mt19937 rng(2017);
  Catalog old, templ;
  old.Header().msgstr[0] =
      "Project-Id-Version: bench\nLanguage: es\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n";
  templ.Header().msgstr[0] = "Content-Type: text/plain; charset=UTF-8\n";
  for (int i = 0; i < n; ++i) {
    Message m;
    m.msgid = std::to_string(i) + " " + Sentence(&rng, 25 + static_cast<int>(rng() % 30));
    m.msgstr = {"ES " + Sentence(&rng, 25 + static_cast<int>(rng() % 30))};
    m.extracted_comments = {"paragraph, post-" + std::to_string(i / 40)};
    m.references = {"corpus/post-" + std::to_string(i / 40) + ".html:" + std::to_string(10 + i % 40)};
    Message t = m;
    t.msgstr = {""};
    if (rng() % 10 == 0) {  // edit one word
      size_t space = t.msgid.find(' ', 1 + rng() % (t.msgid.size() - 2));
      if (space != std::string::npos) t.msgid.insert(space, std::string(" ") + kWords[rng() % 20]);
    }
    old.messages.push_back(std::move(m));
    templ.messages.push_back(std::move(t));
  }
  if (!l10n::WriteFileAtomic(dir + "/old.po", l10n::WritePo(old)).ok()) return 1;
  if (!l10n::WriteFileAtomic(dir + "/new.pot", l10n::WritePo(templ)).ok()) return 1;
  return 0;
}

int Update(const char* old_path, const char* new_path, const char* out_path) {
  Catalog old, templ;
  if (!Load(old_path, &old) || !Load(new_path, &templ)) return 1;
  l10n::CatalogInfo info{"bench", "en", "es", ""};
  Catalog out = l10n::UpdateCatalog(templ, &old, info);
  return l10n::WriteFileAtomic(out_path, l10n::WritePo(out)).ok() ? 0 : 1;
}

int Agree(const char* ours_path, const char* theirs_path) {
  Catalog ours, theirs;
  if (!Load(ours_path, &ours) || !Load(theirs_path, &theirs)) return 1;
  int fuzzy = 0, fuzzy_same = 0, exact = 0, exact_same = 0;
  for (const Message& t : theirs.messages) {
    if (t.is_header() || t.obsolete) continue;
    const Message* o = ours.Find(t.msgctxt, t.msgid);
    bool same = o && o->msgstr == t.msgstr && o->fuzzy() == t.fuzzy() && o->prev_msgid == t.prev_msgid;
    if (t.fuzzy() || (o && o->fuzzy())) {
      ++fuzzy;
      fuzzy_same += same;
    } else {
      ++exact;
      exact_same += same;
    }
  }
  std::printf("exact matches: %d of %d as msgmerge; fuzzy decisions: %d of %d (%.1f%%)\n", exact_same,
              exact, fuzzy_same, fuzzy, fuzzy ? 100.0 * fuzzy_same / fuzzy : 100.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 4) return Generate(argv[2], std::atoi(argv[3]));
  if (mode == "update" && argc == 5) return Update(argv[2], argv[3], argv[4]);
  if (mode == "agree" && argc == 4) return Agree(argv[2], argv[3]);
  std::fprintf(stderr, "usage: update_bench generate DIR N | update OLD NEW OUT | agree OURS THEIRS\n");
  return 2;
}
