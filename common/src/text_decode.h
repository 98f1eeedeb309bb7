// Turning the bytes of a page file into clean UTF-8 text the line parser can
// rely on: no BOM, "\n" line ends only, no tabs, valid UTF-8.
#ifndef BYLINE_TEXT_DECODE_H
#define BYLINE_TEXT_DECODE_H

#include <string>
#include <string_view>

namespace byline::page_text {

struct DecodedText {
  std::string text;
  bool from_cp1252 = false;  // the bytes were not valid UTF-8
};

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// The length of the longest well-formed UTF-8 prefix of `bytes`.
std::size_t valid_utf8_prefix(std::string_view bytes);

// Decodes Windows-1252 to UTF-8 (the five unassigned bytes become U+FFFD).
std::string cp1252_to_utf8(std::string_view bytes);

// The whole normalisation: drops a UTF-8 BOM, drops a character cut off at
// the very end (a truncated file), decodes other invalid UTF-8 as
// Windows-1252, turns CRLF and lone CR into LF, expands indenting tabs to the
// next multiple of 8 columns (so tab-indented comments keep their nesting),
// turns other tabs into one space, and replaces NUL bytes with U+FFFD. Total
// and linear.
DecodedText decode_page_bytes(std::string_view bytes);

}  // namespace byline::page_text

#endif  // BYLINE_TEXT_DECODE_H
