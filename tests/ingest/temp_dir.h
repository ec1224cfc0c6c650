// A scratch directory for ingest tests, removed when the test ends. Ingest
// is about files on disk, so these tests (unlike the store's) touch it.
#ifndef CLAIMS_TESTS_INGEST_TEMP_DIR_H_
#define CLAIMS_TESTS_INGEST_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace claims::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "claims-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  // Writes `contents` to path()/rel, creating directories; returns the full path.
  std::string Write(const std::string& rel, const std::string& contents) const {
    std::filesystem::path p = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }
  std::string operator/(const std::string& rel) const { return (std::filesystem::path(path_) / rel).string(); }

 private:
  std::string path_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_INGEST_TEMP_DIR_H_
