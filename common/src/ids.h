// Identities: page ids and file keys are 64-bit xxHash values in hex.
#ifndef BYLINE_IDS_H
#define BYLINE_IDS_H

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

std::uint64_t hash64(std::string_view bytes);

// 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

// The page id of a page indexed under `source` (its file path, or
// "PATH#LINE" for a page read from a JSON Lines file).
std::string page_id_for(std::string_view source);

// The key of an input file, for the XF term and the file-state metadata.
std::string file_key_for(std::string_view path);

}  // namespace byline

#endif  // BYLINE_IDS_H
