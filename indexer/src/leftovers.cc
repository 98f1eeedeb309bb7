#include "leftovers.h"

#include <unistd.h>

#include <regex>

#include "durable_file.h"

namespace byline {
namespace fs = std::filesystem;

std::vector<Leftover> find_leftovers(const std::string& db_path) {
  static const std::regex inside(R"(\.(compacting|resharding)\.([0-9]{1,9}))");
  static const std::regex stub_temporary(R"(XAPIANDB\.tmp(\.([0-9]{1,9})-[0-9]+)?)");
  std::vector<Leftover> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_path, ec)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    if (std::regex_match(name, m, inside))
      found.push_back(
          {entry.path(), name, std::stol(m[2]), "temporary folder of a " + m[1].str() + " that did not finish"});
    else if (std::regex_match(name, m, stub_temporary))
      found.push_back({entry.path(), name, m[2].matched ? std::stol(m[2]) : 0,
                       "temporary file of a stub write that did not finish"});
  }
  const fs::path index(fs::absolute(db_path, ec).lexically_normal());
  const std::string base = (index.has_filename() ? index : index.parent_path()).filename().string();
  const std::regex beside(std::regex_replace(base, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          R"(\.(compacting|resharding|old)\.([0-9]{1,9}))");
  const fs::path parent = (index.has_filename() ? index : index.parent_path()).parent_path();
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, beside)) continue;
    found.push_back({entry.path(), name, std::stol(m[2]),
                     m[1] == "old"
                         ? "the copy a compact or reshard set aside before replacing the index"
                         : "temporary folder of a " + std::string(m[1] == "compacting" ? "compact" : "reshard") +
                               " that did not finish"});
  }
  return found;
}

void remove_dead_leftovers(const std::string& db_path) {
  const long self = static_cast<long>(::getpid());
  for (const Leftover& leftover : find_leftovers(db_path)) {
    if (leftover.pid == 0 || leftover.pid == self || process_alive(leftover.pid)) continue;
    std::error_code ec;
    fs::remove_all(leftover.path, ec);  // best effort: `byline check` names what stays
  }
}

}  // namespace byline
