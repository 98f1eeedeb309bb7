#include "input_walk.h"
#include "system_words.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

namespace byline {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The name without a final ".gz": "a.html.gz" -> "a.html".
std::string without_gz(const std::string& name) {
  return ends_with(name, ".gz") ? name.substr(0, name.size() - 3) : name;
}

bool is_jsonl_name(const std::string& name) { return ends_with(without_gz(name), ".jsonl"); }

// Names of files a folder walk reads: page, archive and JSON Lines
// extensions, plain or .gz; what they hold is then told by their content.
bool is_input_name(const std::string& name) {
  const std::string base = without_gz(name);
  for (std::string_view ext : {".txt", ".jsonl", ".html", ".htm", ".xhtml", ".shtml", ".warc"})
    if (ends_with(base, ext)) return true;
  return false;
}

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

class Walker {
 public:
  Walker(InputFormat format, const std::vector<std::string>& skip_folders,
         const std::function<void(const std::string&)>& on_error)
      : format_(format), skip_folders_(skip_folders), on_error_(on_error) {}

  void visit_root(const std::string& path, bool missing_ok) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) {
      if (!(missing_ok && errno == ENOENT)) report(path, system_words(errno));
      return;
    }
    if (S_ISDIR(info.st_mode)) {
      walk_folder(path, info);
      return;
    }
    // A file named on the command line is always an input.
    InputFormat format = format_;
    if (format == InputFormat::Auto) format = is_jsonl_name(path) ? InputFormat::Jsonl : InputFormat::Page;
    add_file(path, info, format);
  }

  std::vector<InputFile> take() { return std::move(files_); }

 private:
  void report(const std::string& path, const std::string& reason) {
    if (on_error_) on_error_(path + ": " + reason);
  }

  // The format of a file found in a folder, or Auto to skip it.
  InputFormat format_in_folder(const std::string& name) const {
    if (format_ != InputFormat::Auto) return format_;
    if (!is_input_name(name)) return InputFormat::Auto;
    return is_jsonl_name(name) ? InputFormat::Jsonl : InputFormat::Page;
  }

  void add_file(const std::string& path, const struct stat& info, InputFormat format) {
    if (!S_ISREG(info.st_mode)) {
      report(path, kind_of(info.st_mode));
      return;
    }
    if (!seen_.insert({info.st_dev, info.st_ino}).second) return;  // the same file by another path
    InputFile file;
    file.path = path;
    file.format = format;
    file.size = static_cast<std::uint64_t>(info.st_size);
    file.mtime_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    files_.push_back(std::move(file));
  }

  void walk_folder(const std::string& path, const struct stat& info) {
    // Each folder once: cuts symlink loops and folders reached twice.
    if (!seen_folders_.insert({info.st_dev, info.st_ino}).second) return;
    DIR* dir = opendir(path.c_str());
    if (dir == nullptr) {
      report(path, system_words(errno));
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (dirent* entry = readdir(dir)) {
      if (entry->d_name[0] == '.') continue;  // hidden, "." and ".."
      names.emplace_back(entry->d_name);
    }
    if (errno != 0) report(path, system_words(errno));
    closedir(dir);
    std::sort(names.begin(), names.end());
    const std::string base = path == "/" ? path : path + "/";
    for (const std::string& name : names) {
      std::string child = base + name;
      struct stat child_info {};
      if (stat(child.c_str(), &child_info) != 0) {
        // A dangling symlink is only worth a message when it looks like an input.
        if (format_in_folder(name) != InputFormat::Auto) report(child, system_words(errno));
        continue;
      }
      if (S_ISDIR(child_info.st_mode)) {
        if (std::find(skip_folders_.begin(), skip_folders_.end(), child) == skip_folders_.end())
          walk_folder(child, child_info);
        continue;
      }
      InputFormat format = format_in_folder(name);
      if (format == InputFormat::Auto) continue;
      add_file(child, child_info, format);
    }
  }

  InputFormat format_;
  const std::vector<std::string>& skip_folders_;
  const std::function<void(const std::string&)>& on_error_;
  std::set<std::pair<dev_t, ino_t>> seen_;
  std::set<std::pair<dev_t, ino_t>> seen_folders_;
  std::vector<InputFile> files_;
};

}  // namespace

std::string normalise_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;
  std::string out = absolute.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::vector<InputFile> walk_inputs(const std::vector<std::string>& roots, InputFormat format, bool missing_roots_ok,
                                   const std::vector<std::string>& skip_folders,
                                   const std::function<void(const std::string&)>& on_error) {
  Walker walker(format, skip_folders, on_error);
  for (const std::string& root : roots) walker.visit_root(normalise_path(root), missing_roots_ok);
  return walker.take();
}

bool path_is_under(const std::string& path, const std::string& root) {
  if (root == "/") return !path.empty() && path[0] == '/';
  if (path.size() < root.size() || path.compare(0, root.size(), root) != 0) return false;
  return path.size() == root.size() || path[root.size()] == '/';
}

}  // namespace byline
