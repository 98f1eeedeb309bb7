// list_shards, add_remote_shard, remove_remote_shard: reading and editing the
// XAPIANDB stub of a sharded index (shard_stub.h).
#include <filesystem>

#include "byline/error.h"
#include "byline/shards.h"
#include "shard_stub.h"
#include "xapian_error.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

void require_not_single(const std::string& db_path) {
  std::error_code ec;
  if (fs::is_directory(db_path, ec) && !fs::is_empty(db_path, ec) && !has_stub(db_path))
    throw IndexUnusable("index " + db_path +
                        ": is a single database, not a sharded index (index with IndexOptions::shards 2 or more, or make a "
                        "new folder whose stub lists this index's server and the others)");
}

}  // namespace

std::vector<ShardInfo> list_shards(const std::string& db_path) {
  const std::string what = "index " + db_path;
  std::error_code ec;
  if (!fs::exists(db_path, ec)) throw IndexUnusable(what + ": no index there (create one with 'byline index')");
  std::vector<ShardInfo> out;
  if (!has_stub(db_path)) {
    ShardInfo info;
    info.name = db_path;
    info.documents = translate_xapian_errors(what, [&] { return Xapian::Database(db_path).get_doccount(); });
    out.push_back(info);
    return out;
  }
  const unsigned timeout = remote_timeout_ms();
  for (const ShardEntry& entry : read_stub(db_path)) {
    ShardInfo info;
    info.name = entry.name();
    info.remote = entry.remote;
    try {
      Xapian::Database db = entry.remote ? Xapian::Remote::open(entry.host, entry.port, timeout, timeout)
                                         : Xapian::Database(local_shard_path(db_path, entry));
      info.documents = db.get_doccount();
    } catch (const Xapian::Error& e) {
      info.error = e.get_msg();
      if (const char* detail = e.get_error_string(); detail != nullptr && *detail != '\0')
        info.error += std::string(" (") + detail + ")";
    }
    out.push_back(info);
  }
  return out;
}

void add_remote_shard(const std::string& db_path, const std::string& address) {
  ShardEntry added = parse_remote_address(address);
  require_not_single(db_path);
  std::vector<ShardEntry> entries;
  if (has_stub(db_path)) entries = read_stub(db_path);
  for (const ShardEntry& e : entries)
    if (e.remote && e.name() == added.name())
      throw BadQuery("index " + db_path + ": already lists shard " + added.name());
  entries.push_back(added);
  std::error_code ec;
  fs::create_directories(db_path, ec);
  if (ec) throw IoError("index " + db_path + ": cannot create the folder: " + ec.message());
  write_stub(db_path, entries);
}

void remove_remote_shard(const std::string& db_path, const std::string& address) {
  require_not_single(db_path);
  if (!has_stub(db_path)) throw IndexUnusable("index " + db_path + ": no index there");
  std::vector<ShardEntry> entries = read_stub(db_path);
  ShardEntry wanted = parse_remote_address(address);
  std::vector<ShardEntry> kept;
  for (const ShardEntry& e : entries)
    if (!(e.remote && e.name() == wanted.name())) kept.push_back(e);
  if (kept.size() == entries.size()) throw BadQuery("index " + db_path + ": lists no remote shard " + wanted.name());
  if (kept.empty())
    throw BadQuery("index " + db_path + ": " + wanted.name() + " is its last shard (remove the folder instead)");
  write_stub(db_path, kept);
}

}  // namespace byline
