#include "terminal_text.h"

#include <cstddef>

namespace byline::cli {
namespace {

constexpr unsigned char kEsc = 0x1b;
constexpr unsigned char kBel = 0x07;
constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

unsigned char byte_at(std::string_view text, std::size_t i) {
  return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
}

// The length of the escape sequence at text[i] (text[i] is ESC), or 0 when
// it starts a string sequence that never ends: then only the ESC goes.
std::size_t escape_length(std::string_view text, std::size_t i) {
  const unsigned char kind = byte_at(text, i + 1);
  if (kind == '[') {  // CSI: parameters, intermediates, one final byte
    std::size_t j = i + 2;
    while (j < text.size() && byte_at(text, j) >= 0x30 && byte_at(text, j) <= 0x3f) ++j;
    while (j < text.size() && byte_at(text, j) >= 0x20 && byte_at(text, j) <= 0x2f) ++j;
    if (j < text.size() && byte_at(text, j) >= 0x40 && byte_at(text, j) <= 0x7e) ++j;
    return j - i;
  }
  if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
    // OSC, DCS, SOS, PM, APC: up to BEL, ESC \ or the C1 ST (U+009C).
    for (std::size_t j = i + 2; j < text.size(); ++j) {
      if (byte_at(text, j) == kBel) return j + 1 - i;
      if (byte_at(text, j) == kEsc && byte_at(text, j + 1) == '\\') return j + 2 - i;
      if (byte_at(text, j) == 0xc2 && byte_at(text, j + 1) == 0x9c) return j + 2 - i;
    }
    return 0;
  }
  // ESC, intermediates, a final byte (ESC ( B, ESC 7, ESC c, ...).
  std::size_t j = i + 1;
  while (j < text.size() && byte_at(text, j) >= 0x20 && byte_at(text, j) <= 0x2f) ++j;
  if (j < text.size() && byte_at(text, j) >= 0x30 && byte_at(text, j) <= 0x7e) ++j;
  return j - i;
}

// The length of the valid UTF-8 sequence at text[i] (a byte >= 0x80), 0 if invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const unsigned char lead = byte_at(text, i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;   // no overlong forms
    if (lead == 0xed) high = 0x9f;  // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte_at(text, i + 1) < low || byte_at(text, i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byte_at(text, i + k) & 0xc0) != 0x80) return 0;
  return length;
}

// U+2400 + c for C0 control c, U+2421 for DEL: "␀".."␟", "␡".
void append_control_picture(std::string& out, unsigned char c) {
  const unsigned code = c == 0x7f ? 0x2421u : 0x2400u + c;
  out += static_cast<char>(0xe0 | (code >> 12));
  out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
  out += static_cast<char>(0x80 | (code & 0x3f));
}

}  // namespace

std::string terminal_safe(std::string_view text, Layout layout) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = byte_at(text, i);
    if (c == '\n' || c == '\t') {
      out += layout == Layout::KeepLines ? static_cast<char>(c) : ' ';
      ++i;
    } else if (c == '\r' && byte_at(text, i + 1) == '\n') {
      ++i;  // a Windows line end is a line end
    } else if (c == kEsc) {
      const std::size_t length = escape_length(text, i);
      i += length != 0 ? length : 1;
    } else if (c < 0x20 || c == 0x7f) {
      append_control_picture(out, c);
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else {
      const std::size_t length = utf8_length(text, i);
      const bool c1 = length == 2 && c == 0xc2 && byte_at(text, i + 1) <= 0x9f;
      if (length == 0 || c1) {
        out += kReplacement;
        i += length != 0 ? length : 1;
      } else {
        out.append(text, i, length);
        i += length;
      }
    }
  }
  return out;
}

Snippet terminal_safe(const Snippet& snippet, Layout layout) {
  // Each stretch between highlight boundaries is cleaned on its own, so the
  // highlights still cover the same words.
  Snippet out;
  std::size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    if (h.offset < at || h.offset + h.length > snippet.text.size()) continue;  // out of order: dropped
    out.text += terminal_safe(std::string_view(snippet.text).substr(at, h.offset - at), layout);
    const std::string word = terminal_safe(std::string_view(snippet.text).substr(h.offset, h.length), layout);
    out.highlights.push_back({out.text.size(), word.size()});
    out.text += word;
    at = h.offset + h.length;
  }
  out.text += terminal_safe(std::string_view(snippet.text).substr(at), layout);
  return out;
}

}  // namespace byline::cli
