#include "index_folders.h"

#include "byline/error.h"

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

}  // namespace byline
