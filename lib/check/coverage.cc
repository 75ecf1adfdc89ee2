#include "check/coverage.h"

#include <algorithm>

namespace l10n {

void Coverage::Add(bool is_translated, bool is_fuzzy, int word_count) {
  ++strings;
  words += word_count;
  if (is_fuzzy) {
    ++fuzzy;
    fuzzy_words += word_count;
  } else if (is_translated) {
    ++translated;
    translated_words += word_count;
  } else {
    ++untranslated;
  }
}

Coverage& Coverage::operator+=(const Coverage& other) {
  strings += other.strings;
  translated += other.translated;
  fuzzy += other.fuzzy;
  untranslated += other.untranslated;
  words += other.words;
  translated_words += other.translated_words;
  fuzzy_words += other.fuzzy_words;
  return *this;
}

int Coverage::Percent() const {
  return strings == 0 ? 100 : static_cast<int>(int64_t{translated} * 100 / strings);
}

void PostCoverage::Add(const std::vector<std::string>& references, bool is_translated,
                       bool is_fuzzy, int word_count) {
  ++entry_serial_;
  for (const std::string& ref : references) {
    std::string_view file = ref;
    size_t colon = file.rfind(':');
    if (colon != std::string_view::npos && colon + 1 < file.size() &&
        std::all_of(file.begin() + colon + 1, file.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      file = file.substr(0, colon);
    }
    size_t at = PostIndex(file);
    if (counted_[at] == entry_serial_) continue;
    counted_[at] = entry_serial_;
    posts_[at].second.Add(is_translated, is_fuzzy, word_count);
  }
}

void PostCoverage::Merge(const PostCoverage& other) {
  for (const auto& [name, coverage] : other.posts_) posts_[PostIndex(name)].second += coverage;
}

std::vector<std::pair<std::string, Coverage>> PostCoverage::Sorted() && {
  std::sort(posts_.begin(), posts_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return std::move(posts_);
}

size_t PostCoverage::PostIndex(std::string_view name) {
  auto it = index_.find(name);
  if (it == index_.end()) {
    posts_.emplace_back(std::string(name), Coverage());
    counted_.push_back(0);
    it = index_.emplace(std::string(name), posts_.size() - 1).first;
  }
  return it->second;
}

}  // namespace l10n
