#include "shards_reader.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <string>

#include "byline/error.h"
#include "reopen.h"
#include "xapian_error.h"

namespace byline {
namespace {

std::string network_message(const Xapian::Error& e) {
  std::string message = e.get_msg();
  if (const char* detail = e.get_error_string(); detail != nullptr && *detail != '\0')
    message += " (" + std::string(detail) + ")";
  if (std::string(e.get_type()) == "NetworkTimeoutError") message = "no answer in time: " + message;
  return message;
}

}  // namespace

ShardSet::ShardSet(const std::string& db_path) : db_path_(db_path) {
  for (int tries = 0;; ++tries) {
    try {
      open_shards();
      return;
    } catch (const Error&) {
      if (tries >= kRaceRetries || current_layout() == layout_on_open_) throw;
    }
  }
}

ShardSet::Layout ShardSet::current_layout() const {
  Layout layout;
  layout.sharded = has_stub(db_path_);
  std::vector<std::string> folders{db_path_};
  if (layout.sharded) {
    std::ifstream in(stub_path(db_path_), std::ios::binary);
    layout.stub.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    folders.clear();
    // The shards of the text just read (a search checks this every time: one
    // read of the stub, not two).
    try {
      if (in) folders = local_shard_paths(db_path_, parse_stub(db_path_, layout.stub));
    } catch (const Error&) {
      // A stub that does not parse: its text is the layout.
    }
  }
  for (const std::string& folder : folders) {
    struct stat info {};
    layout.folders.emplace_back(folder, ::stat(folder.c_str(), &info) == 0 ? info.st_ino : 0);
  }
  return layout;
}

bool ShardSet::layout_changed() const { return current_layout() != layout_on_open_; }

void ShardSet::open_shards() {
  shards_.clear();
  failures_.clear();
  sharded_ = false;
  has_remote_ = false;
  // Read before the shards are opened: a swap after this point shows as a
  // change, so the set is never kept on a layout it did not open whole.
  layout_on_open_ = current_layout();
  const std::string what = "index " + db_path_;
  if (!layout_on_open_.sharded) {
    Shard shard;
    shard.entry.path = db_path_;
    translate_xapian_errors(what, [&] { shard.db = open_database(db_path_); });
    shards_.push_back(std::move(shard));
    rebuild();
    return;
  }
  sharded_ = true;
  const unsigned timeout = remote_timeout_ms();
  for (const ShardEntry& entry : read_stub(db_path_)) {
    Shard shard;
    shard.entry = entry;
    has_remote_ = has_remote_ || entry.remote;
    if (!entry.remote) {
      translate_xapian_errors(what + ": shard " + entry.name(),
                              [&] { shard.db = open_database(local_shard_path(db_path_, entry)); });
    } else {
      try {
        shard.db = Xapian::Remote::open(entry.host, entry.port, timeout, timeout);
      } catch (const Xapian::NetworkError& e) {
        failures_.push_back(entry.name() + ": " + network_message(e));
        continue;
      } catch (const Xapian::Error& e) {
        failures_.push_back(entry.name() + ": " + e.get_description());
        continue;
      }
    }
    shards_.push_back(std::move(shard));
  }
  rebuild();
}

void ShardSet::rebuild() {
  ++layout_;
  combined_ = Xapian::Database();
  for (Shard& shard : shards_) combined_.add_database(shard.db);
  if (shards_.empty()) {
    std::string message = "index " + db_path_ + ": no shard answered";
    for (const std::string& failure : failures_) message += "; " + failure;
    throw IndexUnusable(message);
  }
}

bool ShardSet::refresh() {
  const auto now = std::chrono::steady_clock::now();
  bool moved = false;
  for (Shard& shard : shards_) {
    // The combined database shares each shard's internals, so this reopens
    // the shard inside it too.
    if (!shard.entry.remote || now - shard.reopened >= kRemoteReopenInterval) {
      moved = shard.db.reopen() || moved;
      shard.reopened = now;
      ++shard.generation;
    }
  }
  return moved;
}

bool ShardSet::drop_unresponsive() {
  // A failed search can leave the other connections in the middle of the
  // protocol (replies never read), so every remote shard gets a new
  // connection; those that cannot connect are left out.
  const unsigned timeout = remote_timeout_ms();
  bool dropped = false;
  for (auto it = shards_.begin(); it != shards_.end();) {
    if (!it->entry.remote) {
      ++it;
      continue;
    }
    try {
      it->db = Xapian::Remote::open(it->entry.host, it->entry.port, timeout, timeout);
      it->reopened = std::chrono::steady_clock::now();
      ++it->generation;
      ++it;
    } catch (const Xapian::Error& e) {
      failures_.push_back(it->entry.name() + ": " + network_message(e));
      it = shards_.erase(it);
      dropped = true;
    }
  }
  rebuild();
  return dropped;
}

}  // namespace byline
