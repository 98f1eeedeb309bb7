// The stub file of a sharded index: `<db>/XAPIANDB`, in Xapian's own stub
// format, so Xapian::Database(<db>) opens every shard without Byline's help.
//
//   auto shard0                 a local shard, relative to the index folder
//   auto shard1
//   remote 10.0.0.7:7001        a shard served by xapian-tcpsrv
//
// Blank lines and lines starting with '#' are ignored, as Xapian does. An
// index folder without a stub is a single (unsharded) glass database.
#ifndef BYLINE_SHARD_STUB_H
#define BYLINE_SHARD_STUB_H

#include <string>
#include <string_view>
#include <vector>

namespace byline {

struct ShardEntry {
  bool remote = false;
  std::string path;  // local: as written in the stub (usually relative)
  std::string host;  // remote
  unsigned port = 0;

  // How messages and `byline shards list` name it: "shard0", "tcp://host:port".
  std::string name() const;
  // The stub line for this entry.
  std::string line() const;
};

// `<db>/XAPIANDB`.
std::string stub_path(const std::string& db_path);

// True when db_path is a folder holding a stub.
bool has_stub(const std::string& db_path);

// Parses a stub. Throws IndexUnusable naming the line for anything else than
// the forms above (Xapian's other backends are not Byline indexes).
std::vector<ShardEntry> read_stub(const std::string& db_path);

// The same from the stub's bytes (read_stub's parser; a fuzz target). Bytes of
// a bad line are quoted escaped (shown_bytes.h).
std::vector<ShardEntry> parse_stub(const std::string& db_path, std::string_view text);

// Writes the stub atomically and durably (durable_file.h: a temporary file of
// its own, fsync, rename, fsync of the folder), so a reader sees the old list
// or the new one, never half of one, even with two writers at once. Throws
// IoError.
void write_stub(const std::string& db_path, const std::vector<ShardEntry>& entries);

// The shard folders ("shard<N>") of an index folder that has neither a stub
// nor a version file, when it holds nothing else but a stub's temporary
// files: what a run creating a sharded index leaves when it is killed before
// writing the stub (it writes the stub last, before adding any document).
// Empty when the folder is anything else.
std::vector<std::string> unfinished_creation_shards(const std::string& db_path);

// The path of a local shard (relative paths are relative to the index folder).
std::string local_shard_path(const std::string& db_path, const ShardEntry& entry);

// The paths of the local shards among `entries`, in stub order.
std::vector<std::string> local_shard_paths(const std::string& db_path, const std::vector<ShardEntry>& entries);

// The timeout for connecting to and hearing from a remote shard, in
// milliseconds, from BYLINE_REMOTE_TIMEOUT (seconds, decimals allowed;
// default 5). Throws BadQuery for a value that is not a positive number.
unsigned remote_timeout_ms();

// Parses "HOST:PORT" or "tcp://HOST:PORT" (the port 1..65535). Throws BadQuery.
ShardEntry parse_remote_address(const std::string& text);

}  // namespace byline

#endif  // BYLINE_SHARD_STUB_H
