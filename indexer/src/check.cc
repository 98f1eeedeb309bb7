// check_index (byline/check.h): the index's shape (stub, shard folders,
// leftovers), each shard's checks (check_shard.cc), and the safe repairs.
#include "byline/check.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include "byline/error.h"
#include "check_shard.h"
#include "durable_file.h"
#include "index_meta.h"
#include "leftovers.h"
#include "shard_stub.h"
#include "xapian_error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

// The words inside "index DIR: damaged (WORDS): run 'byline check'", else
// the message after "index DIR: ".
std::string inner_words(const std::string& message, const std::string& db_path) {
  const std::string open = "damaged (";
  const std::string close = "): run 'byline check'";
  const std::size_t begin = message.find(open);
  const std::size_t end = message.rfind(close);
  if (begin != std::string::npos && end != std::string::npos && end > begin)
    return message.substr(begin + open.size(), end - begin - open.size());
  const std::string prefix = "index " + db_path + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

class Checker {
 public:
  Checker(std::string db_path, CheckOptions options) : db_path_(std::move(db_path)), options_(options) {}

  CheckReport run() {
    std::error_code ec;
    if (!fs::exists(db_path_, ec)) throw IndexUnusable("index " + db_path_ + ": no index there");
    if (!fs::is_directory(db_path_, ec)) throw IndexUnusable("index " + db_path_ + ": not a folder");
    note_leftovers();
    std::vector<ShardUnderCheck> shards;
    if (!list_shards(shards)) return report_;
    std::optional<IndexSettings> first;
    std::string first_name;
    for (const ShardUnderCheck& shard : shards) {
      ShardCheckResult result = check_shard(shard, [&](const std::string& what) { damage(shard.name, what); });
      ++report_.shards_checked;
      report_.documents_checked += result.documents;
      if (result.settings) {
        if (!first) {
          first = result.settings;
          first_name = shard.name;
        } else if (first->language != result.settings->language || first->stopwords != result.settings->stopwords) {
          damage(shard.name, "its language or stop words differ from those of " + first_name);
        }
      }
      if (!result.states_to_erase.empty() && !result.structure_damaged) erase_states(shard, result.states_to_erase);
    }
    recreate_missing_shards(first);
    return report_;
  }

 private:
  CheckFinding& add(CheckFinding::Kind kind, const std::string& where, const std::string& what) {
    CheckFinding finding;
    finding.kind = kind;
    finding.where = where;
    finding.what = what;
    report_.findings.push_back(std::move(finding));
    return report_.findings.back();
  }
  CheckFinding& damage(const std::string& where, const std::string& what) {
    CheckFinding& finding = add(CheckFinding::Kind::Damage, where, what);
    if (options_.fix)
      finding.fix = "not repaired: rebuild the index ('byline index' into a new --db) or restore a copy";
    return finding;
  }

  // Temporary folders and files of a compact, reshard or stub write that did
  // not finish (leftovers.h).
  void note_leftovers() {
    for (const Leftover& l : find_leftovers(db_path_)) leftover(l.path, l.name, l.pid, l.what);
  }

  void leftover(const fs::path& path, const std::string& name, long pid, const std::string& what) {
    CheckFinding& finding = add(CheckFinding::Kind::Leftover, name, what);
    if (!options_.fix) return;
    if (process_alive(pid)) {
      finding.fix = "kept: process " + std::to_string(pid) + " still runs";
      return;
    }
    std::error_code ec;
    fs::remove_all(path, ec);
    finding.fixed = !ec;
    finding.fix = ec ? "cannot remove it: " + ec.message() : "removed";
  }

  // The local shards to check; false when the stub cannot be read (nothing
  // more can be checked).
  bool list_shards(std::vector<ShardUnderCheck>& shards) {
    if (!has_stub(db_path_)) {
      std::error_code ec;
      if (!fs::exists(fs::path(db_path_) / "iamglass", ec)) {
        damage("index", "no stub (XAPIANDB) and no version file (iamglass): not a Byline index, or both are lost");
        return false;
      }
      shards.push_back({"index", db_path_, 0, 1});
      return true;
    }
    std::vector<ShardEntry> entries;
    try {
      entries = read_stub(db_path_);
    } catch (const IndexUnusable& e) {
      damage("XAPIANDB", inner_words(e.what(), db_path_));
      return false;
    }
    std::size_t local = 0;
    for (const ShardEntry& entry : entries) local += entry.remote ? 0 : 1;
    std::size_t position = 0;
    std::vector<std::string> listed;
    for (const ShardEntry& entry : entries) {
      if (entry.remote) {
        ++report_.remote_shards_skipped;
        continue;
      }
      const std::string path = local_shard_path(db_path_, entry);
      listed.push_back(fs::path(path).lexically_normal().string());
      std::error_code ec;
      if (!fs::is_directory(path, ec)) {
        missing_.push_back({entry.name(), path});
      } else if (!fs::exists(fs::path(path) / "iamglass", ec)) {
        damage(entry.name(), "its folder holds no version file (iamglass)");
      } else {
        shards.push_back({entry.name(), path, position, local});
      }
      ++position;
    }
    note_unlisted_shard_folders(listed);
    return true;
  }

  void note_unlisted_shard_folders(const std::vector<std::string>& listed) {
    static const std::regex shard_name(R"(shard[0-9]+)");
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(db_path_, ec)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_directory() || !std::regex_match(name, shard_name)) continue;
      if (std::find(listed.begin(), listed.end(), entry.path().lexically_normal().string()) != listed.end()) continue;
      CheckFinding& finding = add(CheckFinding::Kind::Leftover, name, "a shard folder the stub does not list");
      if (options_.fix) finding.fix = "kept: not part of the index; remove it by hand once you know it is not needed";
    }
  }

  void erase_states(const ShardUnderCheck& shard, const std::set<std::string>& keys) {
    if (!options_.fix) return;
    // The damage lines of this shard that a state erasure answers.
    auto repaired = [&](CheckFinding& f) {
      return f.kind == CheckFinding::Kind::Damage && f.where == shard.name &&
             (f.what.rfind("file ", 0) == 0 || f.what.rfind("the file state", 0) == 0 ||
              f.what.rfind("comments of page", 0) == 0 ||
              (f.what.rfind("and ", 0) == 0 && (f.what.find(" more file states") != std::string::npos ||
                                                f.what.find(" more pages without") != std::string::npos)));
    };
    translate_xapian_errors("index " + db_path_ + ": shard " + shard.name, [&] {
      Xapian::WritableDatabase db(shard.path, Xapian::DB_OPEN);
      for (const std::string& key : keys) db.set_metadata(key, "");
      db.commit();
    });
    for (CheckFinding& f : report_.findings) {
      if (!repaired(f)) continue;
      f.fixed = true;
      f.fix = "file state erased: the next 'byline index' of the same inputs re-reads that file";
    }
  }

  void recreate_missing_shards(const std::optional<IndexSettings>& settings) {
    for (const auto& missing : missing_) {
      const std::string& name = missing.first;
      const std::string& path = missing.second;
      CheckFinding& finding = damage(name, "listed in the stub, but its folder is missing");
      if (!options_.fix) continue;
      if (!settings) {
        finding.fix = "not repaired: no other shard holds the index's settings to create it with";
        continue;
      }
      translate_xapian_errors("index " + db_path_ + ": shard " + name, [&] {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        write_index_settings(db, *settings);
        db.commit();
      });
      finding.fixed = true;
      finding.fix =
          "recreated empty: the documents it held are gone; the next 'byline index' of the same inputs "
          "re-adds them";
    }
  }

  std::string db_path_;
  CheckOptions options_;
  CheckReport report_;
  std::vector<std::pair<std::string, std::string>> missing_;  // name, path
};

}  // namespace

bool CheckReport::clean() const {
  for (const CheckFinding& f : findings)
    if (f.kind == CheckFinding::Kind::Damage && !f.fixed) return false;
  return true;
}

CheckReport check_index(const std::string& db_path, const CheckOptions& options) {
  return Checker(db_path, options).run();
}

}  // namespace byline
