#include "render/merge_terms.h"

namespace l10n {

const Category* TermCategories::Find(const Segmentation::Metadata::Term& term) {
  if (const Category* c = taxonomy_.Find(term.slug)) return c;
  if (!indexed_) {
    for (const Category& c : taxonomy_.categories()) {
      std::string name = c.Name(lang_);
      if (!name.empty()) slug_by_name_.emplace(std::move(name), c.slug);
    }
    indexed_ = true;
  }
  auto it = slug_by_name_.find(term.name);
  return it == slug_by_name_.end() ? nullptr : taxonomy_.Find(it->second);
}

}  // namespace l10n
