#include "shown_bytes.h"

#include <cstdio>

#include "text_decode.h"

namespace byline {
namespace {

void append_escaped(std::string& out, unsigned char byte) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02x", byte);
  out += buf;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for ASCII).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

}  // namespace

std::string shown_bytes(std::string_view bytes, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t at = 0;
  while (at < bytes.size()) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    const auto lead = static_cast<unsigned char>(bytes[at]);
    const std::size_t valid = page_text::valid_utf8_prefix(bytes.substr(at, 4));
    const std::size_t length = sequence_length(lead);
    if (valid < length) {
      append_escaped(out, lead);  // invalid or cut-off sequence: one byte at a time
      ++at;
    } else if (lead < 0x20 || lead == 0x7F) {
      append_escaped(out, lead);
      ++at;
    } else if (lead == 0xC2 && static_cast<unsigned char>(bytes[at + 1]) < 0xA0) {
      // U+0080..U+009F, the C1 controls (U+009B is CSI on some terminals).
      append_escaped(out, lead);
      append_escaped(out, static_cast<unsigned char>(bytes[at + 1]));
      at += 2;
    } else {
      out.append(bytes, at, length);
      at += length;
    }
    ++chars;
  }
  return out;
}

}  // namespace byline
