// ParallelFor: runs fn(i) for i in [0, n) on `threads` threads.
//
// Work is handed out in small chunks from an atomic counter, so threads that
// finish early take more. Callers write each i's result to its own slot, which
// keeps results independent of the thread count and of scheduling.
#ifndef HIGHFENCE_SIMULATE_PARALLEL_H_
#define HIGHFENCE_SIMULATE_PARALLEL_H_

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace highfence::simulate {

// The number of threads to use when the caller asked for `requested` (0: all).
inline int ThreadCount(int requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

// fn(i, worker) with worker in [0, threads): a worker's scratch space index.
inline void ParallelFor(int n, int threads, const std::function<void(int, int)>& fn) {
  threads = std::max(1, std::min(threads, n));
  constexpr int kChunk = 8;
  std::atomic<int> next{0};
  auto work = [&](int worker) {
    for (int start = next.fetch_add(kChunk); start < n; start = next.fetch_add(kChunk)) {
      for (int i = start; i < std::min(n, start + kChunk); ++i) fn(i, worker);
    }
  };
  if (threads == 1) return work(0);
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int w = 1; w < threads; ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_PARALLEL_H_
