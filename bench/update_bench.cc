// Benchmark helper for catalog updates (bench/update.sh drives it):
//   update_bench generate DIR N   DIR/old.po (N translated entries) and
//                                 DIR/new.pot (10% edited by a word)
//   update_bench update OLD NEW OUT
//                                 our update, like msgmerge --previous
//   update_bench agree OURS THEIRS
//                                 how many entries got the same decision
//   update_bench site DIR N       DIR/l10n.toml and DIR/posts/post-*.html: N
//                                 English posts of 12 paragraphs
//   update_bench translate PO     fills every empty msgstr of PO
//   update_bench edit DIR K       in K of the posts, two paragraphs become
//                                 new text and two get a word more
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "catalog/catalog_update.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "prose.h"

namespace {

using l10n::Catalog;
using l10n::Message;
using l10n::bench::Vocabulary;

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
  Vocabulary vocabulary(&rng);
  Catalog old, templ;
  old.Header().msgstr[0] =
      "Project-Id-Version: bench\nLanguage: es\nMIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n";
  templ.Header().msgstr[0] = "Content-Type: text/plain; charset=UTF-8\n";
  for (int i = 0; i < n; ++i) {
    Message m;
    m.msgid = std::to_string(i) + " " + vocabulary.Sentence(25 + static_cast<int>(rng() % 30));
    m.msgstr = {"ES " + vocabulary.Sentence(25 + static_cast<int>(rng() % 30))};
    m.extracted_comments = {"paragraph, post-" + std::to_string(i / 40)};
    m.references = {"corpus/post-" + std::to_string(i / 40) +
                    ".html:" + std::to_string(10 + i % 40)};
    Message t = m;
    t.msgstr = {""};
    if (rng() % 10 == 0) {  // edit one word
      size_t space = t.msgid.find(' ', 1 + rng() % (t.msgid.size() - 2));
      if (space != std::string::npos) t.msgid.insert(space, " " + vocabulary.Word());
    }
    old.messages.push_back(std::move(m));
    templ.messages.push_back(std::move(t));
  }
  if (!l10n::WriteFileAtomic(dir + "/old.po", l10n::WritePo(old)).ok()) return 1;
  if (!l10n::WriteFileAtomic(dir + "/new.pot", l10n::WritePo(templ)).ok()) return 1;
  return 0;
}

int Update(const char* old_path, const char* new_path, const char* out_path) {
  l10n::CatalogInfo info{"bench", "en", "es", ""};
  l10n::DiagnosticSink sink;
  l10n::UpdateStats stats;
  bool ok = l10n::UpdatePoFile(old_path, new_path, out_path, info, {}, &stats, &sink);
  for (const l10n::Diagnostic& d : sink.diagnostics())
    std::fprintf(stderr, "%s\n", d.Render().c_str());
  return ok ? 0 : 1;
}

int Agree(const char* ours_path, const char* theirs_path) {
  Catalog ours, theirs;
  if (!Load(ours_path, &ours) || !Load(theirs_path, &theirs)) return 1;
  int fuzzy = 0, fuzzy_same = 0, exact = 0, exact_same = 0;
  for (const Message& t : theirs.messages) {
    if (t.is_header() || t.obsolete) continue;
    const Message* o = ours.Find(t.msgctxt, t.msgid);
    bool same =
        o && o->msgstr == t.msgstr && o->fuzzy() == t.fuzzy() && o->prev_msgid == t.prev_msgid;
    if (t.fuzzy() || (o && o->fuzzy())) {
      ++fuzzy;
      fuzzy_same += same;
    } else {
      ++exact;
      exact_same += same;
    }
  }
  std::printf("exact matches: %d of %d as msgmerge; fuzzy decisions: %d of %d (%.1f%%)\n",
              exact_same, exact, fuzzy_same, fuzzy, fuzzy ? 100.0 * fuzzy_same / fuzzy : 100.0);
  return 0;
}

constexpr int kParagraphs = 12;

std::string PostPath(const std::string& dir, int i) {
  return dir + "/posts/post-" + std::to_string(i) + ".html";
}

std::string PostHtml(int i, const std::vector<std::string>& paragraphs) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Post " +
      std::to_string(i) + "</title></head>\n<body>\n";
  for (const std::string& p : paragraphs) html += "<p>" + p + "</p>\n";
  return html + "</body>\n</html>\n";
}

// Paragraphs of post i, the same every time for the same i.
std::vector<std::string> Paragraphs(Vocabulary* vocabulary, std::mt19937* rng) {
  std::vector<std::string> paragraphs;
  for (int k = 0; k < kParagraphs; ++k) {
    paragraphs.push_back(vocabulary->Sentence(25 + static_cast<int>((*rng)() % 30)));
  }
  return paragraphs;
}

int Site(const std::string& dir, int n) {
  std::mt19937 rng(2017);
  Vocabulary vocabulary(&rng);
  if (!l10n::WriteFileAtomic(dir + "/l10n.toml",
                             "[project]\nname = \"bench\"\nlanguages = [\"en\", \"es\"]\n"
                             "posts = [\"posts/*.html\"]\n")
           .ok()) {
    return 1;
  }
  std::filesystem::create_directories(dir + "/posts");
  for (int i = 0; i < n; ++i) {
    if (!l10n::WriteFileAtomic(PostPath(dir, i), PostHtml(i, Paragraphs(&vocabulary, &rng))).ok()) {
      return 1;
    }
  }
  return 0;
}

int Translate(const char* path) {
  Catalog c;
  if (!Load(path, &c)) return 1;
  for (Message& m : c.messages) {
    if (!m.is_header() && m.msgstr[0].empty()) m.msgstr[0] = "ES " + m.msgid;
  }
  return l10n::WriteFileAtomic(path, l10n::WritePo(c)).ok() ? 0 : 1;
}

// Rewrites K posts (every n/K-th): paragraphs 2 and 7 become new text,
// paragraphs 4 and 9 get a word more.
int Edit(const std::string& dir, int k) {
  int n = 0;
  while (std::filesystem::exists(PostPath(dir, n))) ++n;
  if (n == 0 || k > n) return 1;
  std::mt19937 rng(2017);
  Vocabulary vocabulary(&rng);
  std::vector<std::vector<std::string>> posts;
  for (int i = 0; i < n; ++i) posts.push_back(Paragraphs(&vocabulary, &rng));
  std::mt19937 edits(29);
  for (int e = 0; e < k; ++e) {
    int i = static_cast<int>(static_cast<long>(e) * n / k);
    std::vector<std::string>& p = posts[i];
    for (int new_text : {2, 7})
      p[new_text] = vocabulary.Sentence(25 + static_cast<int>(edits() % 30));
    for (int edited : {4, 9}) {
      size_t space = p[edited].find(' ', 1 + edits() % (p[edited].size() - 2));
      if (space != std::string::npos) p[edited].insert(space, " " + vocabulary.Word());
    }
    if (!l10n::WriteFileAtomic(PostPath(dir, i), PostHtml(i, p)).ok()) return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 4) return Generate(argv[2], std::atoi(argv[3]));
  if (mode == "update" && argc == 5) return Update(argv[2], argv[3], argv[4]);
  if (mode == "agree" && argc == 4) return Agree(argv[2], argv[3]);
  if (mode == "site" && argc == 4) return Site(argv[2], std::atoi(argv[3]));
  if (mode == "translate" && argc == 3) return Translate(argv[2]);
  if (mode == "edit" && argc == 4) return Edit(argv[2], std::atoi(argv[3]));
  std::fprintf(stderr,
               "usage: update_bench generate DIR N | update OLD NEW OUT | agree OURS THEIRS |\n"
               "       site DIR N | translate PO | edit DIR K\n");
  return 2;
}
