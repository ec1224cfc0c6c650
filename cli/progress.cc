#include "cli/progress.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/store_cli.h"

namespace claims::cli {

ProgressBar::ProgressBar(std::FILE* out, bool enabled)
    : out_(out), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_ - std::chrono::seconds(1)) {}

std::string ProgressBar::Render(const ingest::Progress& p, double seconds) {
  constexpr int kWidth = 20;
  double fraction = p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                    : p.files_total > 0 ? static_cast<double>(p.files_done) / static_cast<double>(p.files_total)
                                        : 0.0;
  fraction = std::clamp(fraction, 0.0, 1.0);
  int filled = static_cast<int>(fraction * kWidth);
  double mb = static_cast<double>(p.bytes_done) / (1 << 20);
  double rate = seconds > 0 ? mb / seconds : 0;
  std::string eta = "--:--";
  if (rate > 0 && p.bytes_total > p.bytes_done) {
    int left = static_cast<int>((static_cast<double>(p.bytes_total - p.bytes_done) / (1 << 20)) / rate);
    eta = fmt::format("{}:{:02}", left / 60, left % 60);
  } else if (p.bytes_total > 0 && p.bytes_done >= p.bytes_total) {
    eta = "0:00";
  }
  return fmt::format("[{}{}] {}/{} files  {:.1f}/{:.1f} MB  {} claims  {:.1f} MB/s  ETA {}",
                     std::string(filled, '#'), std::string(kWidth - filled, ' '), FormatCount(p.files_done),
                     FormatCount(p.files_total), mb, static_cast<double>(p.bytes_total) / (1 << 20),
                     FormatCount(p.claims), rate, eta);
}

void ProgressBar::Update(const ingest::Progress& p) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  bool finished = p.files_total > 0 && p.files_done >= p.files_total;
  if (!finished && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  fmt::print(out_, "\r\033[K{}", Render(p, seconds));
  std::fflush(out_);
  shown_ = true;
}

void ProgressBar::Clear() {
  if (!shown_) return;
  fmt::print(out_, "\r\033[K");
  std::fflush(out_);
  shown_ = false;
}

}  // namespace claims::cli
