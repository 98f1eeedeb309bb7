#include "shard_stub.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "byline/error.h"
#include "durable_file.h"
#include "shown_bytes.h"
#include "system_words.h"

namespace byline {
namespace fs = std::filesystem;
namespace {

constexpr char kStubName[] = "XAPIANDB";
constexpr unsigned kDefaultRemoteTimeoutMs = 5000;

std::string trimmed(const std::string& text) {
  const char* space = " \t\r";
  std::size_t begin = text.find_first_not_of(space);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

}  // namespace

std::string ShardEntry::name() const {
  if (remote) return "tcp://" + host + ":" + std::to_string(port);
  return path;
}

std::string ShardEntry::line() const {
  if (remote) return "remote " + host + ":" + std::to_string(port);
  return "auto " + path;
}

unsigned remote_timeout_ms() {
  const char* env = std::getenv("BYLINE_REMOTE_TIMEOUT");
  if (env == nullptr || *env == '\0') return kDefaultRemoteTimeoutMs;
  char* end = nullptr;
  double seconds = std::strtod(env, &end);
  if (end == env || *end != '\0' || !(seconds > 0) || seconds > 3600)
    throw BadQuery(std::string("BYLINE_REMOTE_TIMEOUT='") + env + "' is not a number of seconds (0 < s <= 3600)");
  return static_cast<unsigned>(seconds * 1000 + 0.5) == 0 ? 1u : static_cast<unsigned>(seconds * 1000 + 0.5);
}

std::string stub_path(const std::string& db_path) { return (fs::path(db_path) / kStubName).string(); }

bool has_stub(const std::string& db_path) {
  std::error_code ec;
  return fs::is_regular_file(stub_path(db_path), ec);
}

ShardEntry parse_remote_address(const std::string& text) {
  std::string rest = text;
  if (rest.rfind("tcp://", 0) == 0) rest = rest.substr(6);
  // Xapian also accepts ":HOST:PORT" in stubs.
  if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
  std::size_t colon = rest.rfind(':');
  ShardEntry entry;
  entry.remote = true;
  if (colon != std::string::npos && colon > 0) {
    entry.host = rest.substr(0, colon);
    std::string port = rest.substr(colon + 1);
    bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
    if (digits) entry.port = static_cast<unsigned>(std::stoul(port));
  }
  // A host that still begins with ':' ("::1:7001") would be read back
  // without it (the ":HOST:PORT" form above): not an address Byline can keep.
  if (entry.host.empty() || entry.host[0] == ':' || entry.port == 0 || entry.port > 65535 ||
      entry.host.find_first_of(" \t/") != std::string::npos)
    throw BadQuery("'" + text + "' is not a remote shard address (use HOST:PORT or tcp://HOST:PORT)");
  return entry;
}

std::vector<ShardEntry> parse_stub(const std::string& db_path, std::string_view text) {
  const std::string path = stub_path(db_path);
  std::vector<ShardEntry> entries;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    const std::string raw(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    std::string line = trimmed(raw);
    if (line.empty() || line[0] == '#') continue;
    std::size_t space = line.find_first_of(" \t");
    std::string type = line.substr(0, space);
    std::string value = space == std::string::npos ? "" : trimmed(line.substr(space));
    // The stub is damaged, not merely unusable: `byline check` names it.
    auto bad = [&](const std::string& why) {
      return IndexUnusable("index " + db_path + ": damaged (" + path + " line " + std::to_string(number) + ": " + why +
                           "): run 'byline check'");
    };
    // Control bytes (NUL above all) in a path or address: garbage, not a name.
    const bool control =
        std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (control && (type == "auto" || type == "glass" || type == "remote"))
      throw bad("'" + shown_bytes(value) + "' holds control bytes");
    if ((type == "auto" || type == "glass") && !value.empty()) {
      ShardEntry entry;
      entry.path = value;
      entries.push_back(entry);
    } else if (type == "remote" && !value.empty()) {
      try {
        entries.push_back(parse_remote_address(value));
      } catch (const BadQuery&) {
        throw bad("'" + shown_bytes(value) + "' is not HOST:PORT (Byline reaches remote shards over TCP only)");
      }
    } else {
      throw bad("expected 'auto PATH' or 'remote HOST:PORT', found '" + shown_bytes(line) + "'");
    }
  }
  if (entries.empty())
    throw IndexUnusable("index " + db_path + ": damaged (" + path + " lists no shards): run 'byline check'");
  return entries;
}

std::vector<ShardEntry> read_stub(const std::string& db_path) {
  const std::string path = stub_path(db_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexUnusable("index " + db_path + ": cannot read " + path + ": " + system_words(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw IndexUnusable("index " + db_path + ": cannot read " + path + ": " + system_words(errno));
  return parse_stub(db_path, bytes.str());
}

void write_stub(const std::string& db_path, const std::vector<ShardEntry>& entries) {
  std::ostringstream text;
  text << "# Byline sharded index: one shard per line (see 'byline shards --help').\n";
  for (const ShardEntry& entry : entries) text << entry.line() << '\n';
  write_file_durably(stub_path(db_path), text.str(), "index " + db_path);
}

std::vector<std::string> unfinished_creation_shards(const std::string& db_path) {
  std::vector<std::string> shards;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_path, ec)) {
    const std::string name = entry.path().filename().string();
    const bool shard_name =
        name.size() > 5 && name.rfind("shard", 0) == 0 && name.find_first_not_of("0123456789", 5) == std::string::npos;
    if (shard_name && entry.is_directory(ec))
      shards.push_back(entry.path().string());
    else if (name.rfind(std::string(kStubName) + ".tmp", 0) != 0)
      return {};
  }
  // Checked after the listing, by path: the listing may have read an old
  // index's folder that a compact or reshard had just swapped out.
  if (ec || has_stub(db_path) || fs::exists(fs::path(db_path) / "iamglass", ec)) return {};
  return shards;
}

std::string local_shard_path(const std::string& db_path, const ShardEntry& entry) {
  fs::path p(entry.path);
  return p.is_absolute() ? p.string() : (fs::path(db_path) / p).string();
}

std::vector<std::string> local_shard_paths(const std::string& db_path, const std::vector<ShardEntry>& entries) {
  std::vector<std::string> out;
  for (const ShardEntry& entry : entries)
    if (!entry.remote) out.push_back(local_shard_path(db_path, entry));
  return out;
}

}  // namespace byline
