// Progress of a long run, as an interface only: the library counts the items
// of a stage it has done (posts read, pages merged, posts aligned) and tells
// a Progress, which a tool implements (tools/tool_common.h prints a line on
// a terminal). Nothing here writes anywhere.
//
//   ProgressCounter counter(config.progress, ProgressStage::kPostsRead, n);
//   ParallelFor(n, [&](size_t i) { Work(i); counter.Done(); });
#ifndef L10N_BASE_PROGRESS_H_
#define L10N_BASE_PROGRESS_H_

#include <atomic>
#include <cstddef>

namespace l10n {

enum class ProgressStage {
  kPostsRead,     // posts read and segmented (LoadPosts)
  kPagesMerged,   // pages made by l10n-merge
  kPostsAligned,  // translated posts aligned by l10n-import
};

class Progress {
 public:
  virtual ~Progress() = default;
  // `done` of `total` items of `stage` are done. Called from any thread
  // (ParallelFor's), possibly at once and with `done` out of order: an
  // implementation guards its own state.
  virtual void Step(ProgressStage stage, size_t done, size_t total) = 0;
};

// Counts one stage's items done, from any thread, and tells `progress`
// (none: nothing) of each.
class ProgressCounter {
 public:
  ProgressCounter(Progress* progress, ProgressStage stage, size_t total)
      : progress_(progress), stage_(stage), total_(total) {}
  ProgressCounter(const ProgressCounter&) = delete;
  ProgressCounter& operator=(const ProgressCounter&) = delete;

  // One more item done.
  void Done();

 private:
  Progress* progress_;
  ProgressStage stage_;
  size_t total_;
  std::atomic<size_t> done_{0};
};

}  // namespace l10n

#endif  // L10N_BASE_PROGRESS_H_
