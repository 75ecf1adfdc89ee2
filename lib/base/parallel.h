// Work spread over the machine's cores, with a deterministic result: each
// index of a loop runs once, on whichever thread is free, and writes into
// its own slot of a vector the caller made, which is then read in order.
//
//   std::vector<Result> out(n);
//   ParallelFor(n, [&](size_t i) { out[i] = Work(items[i]); });
//
// The work must not share unguarded state (a DiagnosticSink per index, its
// reports copied in order afterwards).
#ifndef L10N_BASE_PARALLEL_H_
#define L10N_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace l10n {

// The threads ParallelFor uses: the environment's L10N_THREADS when it is a
// number from 1 to 256, else the hardware's concurrency (at least 1).
int Concurrency();

// Runs fn(i) for every i in [0, n) on up to Concurrency() threads (the
// calling one among them) and returns when all have run. When a thread
// cannot be started, the others do its share. An exception that fn throws
// is rethrown here (the first one) after every thread has stopped.
void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

}  // namespace l10n

#endif  // L10N_BASE_PARALLEL_H_
