#include "base/progress.h"

namespace l10n {

void ProgressCounter::Done() {
  if (progress_ == nullptr) return;
  size_t done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
  progress_->Step(stage_, done, total_);
}

}  // namespace l10n
