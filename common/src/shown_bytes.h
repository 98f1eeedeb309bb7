// Bytes from a file Byline did not write (a stub, a page, metadata) quoted in
// a one-line message: printable UTF-8 stays as it is, everything else
// (control characters, DEL, C1 controls, invalid UTF-8) becomes \xNN, so that
// random bytes can neither break the line nor drive the terminal.
#ifndef BYLINE_SHOWN_BYTES_H
#define BYLINE_SHOWN_BYTES_H

#include <cstddef>
#include <string>
#include <string_view>

namespace byline {

// At most `max_chars` characters of `bytes`, escaped, with "..." when cut.
std::string shown_bytes(std::string_view bytes, std::size_t max_chars = 80);

}  // namespace byline

#endif  // BYLINE_SHOWN_BYTES_H
