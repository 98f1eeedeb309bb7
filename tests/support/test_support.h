// Shared helpers for the test suites: temporary folders, running the real
// `byline` binary, and generating pages with ../shared/tools/make-archive.
#ifndef BYLINE_TEST_SUPPORT_H
#define BYLINE_TEST_SUPPORT_H

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace byline::test {

// A fresh folder under the system temp dir, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;  // -1 when the process was killed by a signal
  std::string out;
  std::string err;
};

// The argv of the `byline` binary with these arguments, for posix_spawn: the
// pointers point into `storage`, which must outlive them.
std::vector<char*> byline_argv(const std::vector<std::string>& args, std::vector<std::string>& storage);

// Runs the `byline` binary with these arguments (no shell), optional stdin
// text and extra environment ("NAME=value"), capturing stdout and stderr.
RunResult run_byline(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                     const std::string& stdin_text = "");

// Writes bytes to a file (creating parent folders).
void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

// The names of the entries of a folder, sorted.
std::vector<std::string> folder_names(const std::filesystem::path& folder);

// Path of a file in the source tree (corpus/, tests/fixtures/).
std::filesystem::path source_path(const std::string& relative);

// ../shared, when it is there; std::nullopt otherwise (tests then SKIP/WARN).
std::optional<std::filesystem::path> shared_dir();

// Runs make-archive into `out_dir` with --truth; returns false (and the
// reason in `why`) when ../shared or python3 is not available.
bool make_archive(const std::filesystem::path& out_dir, int pages, int seed, const std::filesystem::path& truth,
                  std::string& why, int start = 0);

}  // namespace byline::test

#endif  // BYLINE_TEST_SUPPORT_H
