// Memory left to the operating system. A tool that exits once its run is
// over need not free what the run made one allocation at a time: freeing
// millions of small strings costs a tenth of a short run (LLVM's
// BuryPointer, clang's -disable-free). What is buried is never freed and
// stays reachable from a list kept for the process's life, so leak checkers
// (LeakSanitizer, valgrind) report no leak.
//
//   if (!config.free_memory) Bury(std::move(posts));
#ifndef L10N_BASE_BURY_H_
#define L10N_BASE_BURY_H_

#include <utility>

namespace l10n {

// Keeps `p` reachable and never frees it. Thread-safe.
void BuryPointer(const void* p);

// Moves `value` into storage that is never freed (its own heap copy: a
// container's elements are moved, not copied).
template <class T>
void Bury(T&& value) {
  BuryPointer(new std::remove_reference_t<T>(std::move(value)));
}

}  // namespace l10n

#endif  // L10N_BASE_BURY_H_
