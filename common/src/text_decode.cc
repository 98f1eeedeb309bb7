#include "text_decode.h"

#include <cstdint>

namespace byline::page_text {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::size_t kTabStop = 8;

// Windows-1252 0x80..0x9F; 0 marks the five unassigned bytes.
constexpr char16_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_code_point(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_ascii(std::string_view bytes) {
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// The first bytes of a multi-byte character, and nothing after them.
bool is_cut_sequence(std::string_view tail) {
  if (tail.empty() || tail.size() > 3) return false;
  auto lead = static_cast<unsigned char>(tail[0]);
  std::size_t needed = lead >= 0xF0 && lead <= 0xF4   ? 4
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xC2 && lead <= 0xDF ? 2
                                                      : 0;
  if (tail.size() >= needed) return false;
  for (char c : tail.substr(1))
    if (!is_continuation(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) { return valid_utf8_prefix(bytes) == bytes.size(); }

std::size_t valid_utf8_prefix(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(p[i + k])) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF) return i;
    if (cp >= 0xD800 && cp <= 0xDFFF) return i;
    i += len;
  }
  return n;
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      char16_t cp = kCp1252High[c - 0x80];
      if (cp == 0)
        out += kReplacement;
      else
        append_code_point(out, cp);
    } else {
      append_code_point(out, c);  // Latin-1 range: same code point
    }
  }
  return out;
}

DecodedText decode_page_bytes(std::string_view bytes) {
  DecodedText result;
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  std::string utf8;
  const std::size_t valid = valid_utf8_prefix(bytes);
  // A truncated UTF-8 file may end inside a character. One stray high byte at
  // the end of otherwise ASCII text is more likely Windows-1252 ("café").
  std::string_view tail = bytes.substr(valid);
  bool utf8_before = tail.size() >= 2 || !is_ascii(bytes.substr(0, valid));
  if (valid != bytes.size() && is_cut_sequence(tail) && utf8_before) {
    bytes = bytes.substr(0, valid);
  } else if (valid != bytes.size()) {
    utf8 = cp1252_to_utf8(bytes);
    result.from_cp1252 = true;
    bytes = utf8;
  }
  std::string& out = result.text;
  out.reserve(bytes.size());
  std::size_t column = 0;  // in code points, for tab expansion
  bool at_indent = true;   // only spaces and tabs so far on this line
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      column = 0;
      at_indent = true;
    } else if (c == '\n') {
      out += '\n';
      column = 0;
      at_indent = true;
    } else if (c == '\t' && at_indent) {
      std::size_t spaces = kTabStop - column % kTabStop;
      out.append(spaces, ' ');
      column += spaces;
    } else if (c == '\t') {  // inside the text a tab is a word gap
      out += ' ';
      ++column;
    } else if (c == '\0') {
      out += kReplacement;
      ++column;
      at_indent = false;
    } else {
      out += c;
      at_indent = at_indent && c == ' ';
      if (!is_continuation(static_cast<unsigned char>(c))) ++column;
    }
  }
  return result;
}

}  // namespace byline::page_text
