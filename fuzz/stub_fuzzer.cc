// libFuzzer target: the shard-stub reader (<db>/XAPIANDB). Any bytes must give
// a list of shards or an IndexUnusable whose message is one line of
// printable, valid UTF-8 (stub bytes quoted in it are escaped). A list that
// was accepted must read back the same after being written out again, as
// `byline shards add/remove` rewrite it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "byline/error.h"
#include "shard_stub.h"
#include "text_decode.h"

namespace {

bool printable_line(std::string_view message) {
  if (!byline::page_text::is_valid_utf8(message)) return false;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const auto c = static_cast<unsigned char>(message[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < message.size() && static_cast<unsigned char>(message[i + 1]) < 0xA0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string db = "/index";
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<byline::ShardEntry> entries;
  try {
    entries = byline::parse_stub(db, bytes);
  } catch (const byline::IndexUnusable& e) {
    if (!printable_line(e.what())) std::abort();
    return 0;
  }
  // Any other exception escapes and libFuzzer reports it.
  if (entries.empty()) std::abort();
  std::string written;
  for (const byline::ShardEntry& entry : entries) {
    if (entry.remote && (entry.host.empty() || entry.port == 0 || entry.port > 65535)) std::abort();
    if (!entry.remote && entry.path.empty()) std::abort();
    written += entry.line() + "\n";
  }
  std::vector<byline::ShardEntry> again = byline::parse_stub(db, written);
  if (again.size() != entries.size()) std::abort();
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (again[i].line() != entries[i].line()) std::abort();
  return 0;
}
