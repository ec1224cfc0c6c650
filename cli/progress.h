// The ingest progress display: a one-line bar redrawn on a terminal (files,
// MB, claims, MB/s, ETA), at most ten times a second. Problems printed while
// it is shown clear the line first so the two never interleave.
#ifndef CLAIMS_CLI_PROGRESS_H_
#define CLAIMS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdio>
#include <string>

#include "ingest/ingest.h"

namespace claims::cli {

class ProgressBar {
 public:
  // Draws only when `enabled` (stderr is a terminal).
  ProgressBar(std::FILE* out, bool enabled);
  void Update(const ingest::Progress& p);
  // Erases the bar (before a problem line, and at the end).
  void Clear();

  // The bar's text for `p` after `seconds` (tested; no escape codes).
  static std::string Render(const ingest::Progress& p, double seconds);

 private:
  std::FILE* out_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace claims::cli

#endif  // CLAIMS_CLI_PROGRESS_H_
