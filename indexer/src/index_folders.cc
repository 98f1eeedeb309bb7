#include "index_folders.h"

#include "byline/error.h"
#include "durable_file.h"

namespace byline {
namespace fs = std::filesystem;

std::uint64_t folder_bytes(const fs::path& folder) {
  std::error_code ec;
  std::uint64_t total = 0;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) total += it->file_size(size_ec);
  }
  return total;
}

void rename_or_throw(const fs::path& from, const fs::path& to, const std::string& what) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw IoError(what + ": cannot rename " + from.string() + " to " + to.string() + ": " + ec.message());
}

fs::path replace_folder(const fs::path& path, const fs::path& built, const fs::path& aside, const std::string& what) {
  const std::string parent = path.parent_path().empty() ? std::string(".") : path.parent_path().string();
  if (exchange_paths(built.string(), path.string(), what)) {
    sync_folder(parent, what);
    return built;
  }
  rename_or_throw(path, aside, what);
  try {
    rename_or_throw(built, path, what);
  } catch (...) {
    std::error_code ec;
    fs::rename(aside, path, ec);  // put the old one back
    throw;
  }
  sync_folder(parent, what);
  return aside;
}

}  // namespace byline
