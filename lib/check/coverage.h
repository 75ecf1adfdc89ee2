// The statistics l10n-check prints: how much of a catalog, and of each post
// it holds strings of, is translated, in strings and in words.
//
//   entries --Coverage::Add, PostCoverage::Add--> CatalogSummary --> the report
#ifndef L10N_CHECK_COVERAGE_H_
#define L10N_CHECK_COVERAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace l10n {

// Strings and words, translated or not.
struct Coverage {
  int strings = 0;
  int translated = 0;  // not fuzzy
  int fuzzy = 0;
  int untranslated = 0;
  int words = 0;  // of the sources
  int translated_words = 0;
  int fuzzy_words = 0;

  void Add(bool is_translated, bool is_fuzzy, int word_count);
  Coverage& operator+=(const Coverage& other);
  int Percent() const;  // translated strings, rounded down; 100 when none
};

// The coverage of each post an entry names in its "#:" references. Each post
// counts an entry once, however often it is named, in time linear in the
// references (an entry may have 100,000).
class PostCoverage {
 public:
  // "posts/a.html:12" and "posts/a.html" are the same post.
  void Add(const std::vector<std::string>& references, bool is_translated, bool is_fuzzy,
           int word_count);
  // Adds the counts of `other`, post by post.
  void Merge(const PostCoverage& other);
  // By post, in the order first seen.
  const std::vector<std::pair<std::string, Coverage>>& posts() const { return posts_; }
  // By post, sorted by name.
  std::vector<std::pair<std::string, Coverage>> Sorted() &&;

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  size_t PostIndex(std::string_view name);  // adds the post when new

  std::vector<std::pair<std::string, Coverage>> posts_;
  std::vector<uint64_t> counted_;  // by post: the last entry counted
  uint64_t entry_serial_ = 0;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> index_;
};

// One catalog as l10n-check read it.
struct CatalogSummary {
  std::string path;
  std::string language;         // of the translations; empty for a template
  std::string source_language;  // empty when unknown
  bool is_template = false;
  bool read = false;  // parsed without a syntax error
  Coverage total;
  std::vector<std::pair<std::string, Coverage>> posts;  // by #: reference file
  // From the header (Last-Translator, PO-Revision-Date); empty when absent.
  std::string last_translator;
  std::string revision_date;
};

}  // namespace l10n

#endif  // L10N_CHECK_COVERAGE_H_
