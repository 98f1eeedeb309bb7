#include "ids.h"

#include <xxhash.h>

namespace byline {

std::uint64_t hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out;
}

std::string page_id_for(std::string_view source) { return hex64(hash64(source)); }

// A different seed from page ids, so that a file and the page read from it
// never share a key by construction.
std::string file_key_for(std::string_view path) { return hex64(XXH3_64bits_withSeed(path.data(), path.size(), 1)); }

}  // namespace byline
