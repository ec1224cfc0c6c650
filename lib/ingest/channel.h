// Small synchronisation pieces for ingest's pipeline: a closable queue and a
// byte budget that bounds how much article text is in memory at once.
#ifndef CLAIMS_INGEST_CHANNEL_H_
#define CLAIMS_INGEST_CHANNEL_H_

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace claims::ingest {

// Many producers, many consumers. Pop blocks until an item arrives or the
// channel is closed and drained. Unbounded: ByteBudget does the bounding.
template <typename T>
class Channel {
 public:
  void Push(T item) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      items_.push_back(std::move(item));
    }
    cv_.notify_one();
  }
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }
  // false when closed and empty.
  bool Pop(T* out) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !items_.empty(); });
    return TakeLocked(out);
  }
  enum class PopResult { kItem, kTimeout, kClosed };
  PopResult PopFor(T* out, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); })) return PopResult::kTimeout;
    return TakeLocked(out) ? PopResult::kItem : PopResult::kClosed;
  }

 private:
  bool TakeLocked(T* out) {
    if (items_.empty()) return false;
    *out = std::move(items_.front());
    items_.pop_front();
    return true;
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<T> items_;
  bool closed_ = false;
};

// Acquire(n) waits until n more bytes fit under the limit, except that one
// holder may always proceed when nothing else is held (so a single article
// larger than the limit still goes through, alone). Cancel() wakes waiters.
//
// A waiter also waits for the budget to fall to its low-water mark (three
// quarters of the limit). Workers shrink their estimates article by article;
// waking the reader for each of them (a futex wake and two context switches
// to read one file, then wait again) cost about as much CPU as reading the
// files. Once woken below the mark, the reader reads files in a run.
class ByteBudget {
 public:
  explicit ByteBudget(int64_t limit) : limit_(limit) {}
  // Whether a request of n bytes may take from `used`: `waited` when it has
  // had to wait (then it also needs used <= the low-water mark).
  static bool MayTake(int64_t used, int64_t n, int64_t limit, bool waited) {
    if (used == 0) return true;
    return used + n <= limit && (!waited || used <= LowWater(limit));
  }
  // false when cancelled.
  bool Acquire(int64_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cancelled_ && !MayTake(used_, n, limit_, false)) {
      ++waiting_;
      smallest_wanted_ = std::min(smallest_wanted_, n);
      cv_.wait(lock, [&] { return cancelled_ || MayTake(used_, n, limit_, true); });
      if (--waiting_ == 0) smallest_wanted_ = INT64_MAX;
    }
    if (cancelled_) return false;
    used_ += n;
    return true;
  }
  // Turns `from` held bytes into `to` without waiting (so it may go over the
  // limit): for an estimate replaced by what was really allocated. Acquire()
  // then waits until enough is released.
  void Resize(int64_t from, int64_t to) { Add(to - from); }
  void Release(int64_t n) { Add(-n); }
  void Cancel() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      cancelled_ = true;
    }
    cv_.notify_all();
  }

 private:
  static int64_t LowWater(int64_t limit) { return limit - limit / 4; }
  // Wakes the waiters only when one of them may go on (the smallest request
  // is enough to know).
  void Add(int64_t delta) {
    bool wake;
    {
      std::lock_guard<std::mutex> lock(mu_);
      used_ += delta;
      wake = delta < 0 && waiting_ > 0 && MayTake(used_, smallest_wanted_, limit_, true);
    }
    if (wake) cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  int64_t limit_;
  int64_t used_ = 0;
  int waiting_ = 0;
  int64_t smallest_wanted_ = INT64_MAX;  // of the requests waiting (or of some gone since)
  bool cancelled_ = false;
};

}  // namespace claims::ingest

#endif  // CLAIMS_INGEST_CHANNEL_H_
