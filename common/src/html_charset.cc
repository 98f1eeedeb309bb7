#include "html_charset.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>

#include "text_decode.h"

namespace byline::html {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim_quotes(std::string_view text) {
  while (!text.empty() && (text.front() == '"' || text.front() == '\'' || text.front() == ' ')) text.remove_prefix(1);
  std::size_t end = 0;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' ||
                               text[end] == '_' || text[end] == '.' || text[end] == ':'))
    ++end;
  return lower(text.substr(0, end));
}

// The WHATWG encoding standard's labels that mean Windows-1252 or UTF-8.
std::string canonical(std::string charset) {
  if (charset == "utf8" || charset == "unicode-1-1-utf-8") return "utf-8";
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii" ||
      charset == "iso8859-1" || charset == "l1" || charset == "cp1252" || charset == "x-cp1252")
    return "windows-1252";
  return charset;
}

// The charset a <meta> in the first 4 kB declares, "" if none. A byte scan
// like the standard's prescan: the page is not parsed yet.
std::string meta_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 4096));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    std::size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + at, end - at);
    at = end;
    std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::string_view rest = tag.substr(cs + 7);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') continue;
    std::string name = trim_quotes(rest.substr(1));
    if (!name.empty()) return canonical(name);
  }
  return "";
}

bool has_multibyte_utf8(std::string_view bytes) {
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// iconv from `charset` to UTF-8; false when iconv does not know it or the
// bytes are not in it. Invalid sequences make the whole decode fail, so the
// caller can fall back.
bool iconv_decode(std::string_view bytes, const std::string& charset, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[16384];
  bool ok = true;
  while (in_left > 0) {
    char* o = buffer;
    std::size_t o_left = sizeof buffer;
    std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buffer, sizeof buffer - o_left);
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

}  // namespace

std::string charset_of_content_type(std::string_view content_type) {
  const std::string value = lower(content_type);
  std::size_t at = value.find("charset=");
  if (at == std::string::npos) return "";
  return canonical(trim_quotes(std::string_view(value).substr(at + 8)));
}

DecodedHtml decode_html(std::string_view bytes, std::string_view http_charset) {
  DecodedHtml out;
  std::string declared;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    declared = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    declared = "utf-16le";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    declared = "utf-16be";
    bytes.remove_prefix(2);
  } else if (!http_charset.empty()) {
    declared = canonical(lower(http_charset));
  } else {
    declared = meta_charset(bytes);
  }
  const bool valid_utf8 = page_text::is_valid_utf8(bytes);
  if (declared.empty() || declared == "utf-8") {
    if (valid_utf8) {
      out.text = std::string(bytes);
      out.charset = "utf-8";
      return out;
    }
    // Undeclared or wrongly declared: the usual culprit is Windows-1252.
    out.text = page_text::cp1252_to_utf8(bytes);
    out.charset = "windows-1252";
    out.warnings.push_back(declared.empty() ? "no charset declared and not valid UTF-8, read as Windows-1252"
                                            : "declared UTF-8 but is not, read as Windows-1252");
    return out;
  }
  if (declared == "windows-1252" && valid_utf8 && has_multibyte_utf8(bytes)) {
    // Declared Latin-1, but the bytes are UTF-8 (a page re-saved by a tool).
    out.text = std::string(bytes);
    out.charset = "utf-8";
    out.warnings.push_back("declared " + declared + " but is UTF-8, read as UTF-8");
    return out;
  }
  if (declared == "windows-1252") {
    out.text = page_text::cp1252_to_utf8(bytes);
    out.charset = declared;
    return out;
  }
  if (iconv_decode(bytes, declared, out.text) && page_text::is_valid_utf8(out.text)) {
    out.charset = declared;
    return out;
  }
  out.text = valid_utf8 ? std::string(bytes) : page_text::cp1252_to_utf8(bytes);
  out.charset = valid_utf8 ? "utf-8" : "windows-1252";
  out.warnings.push_back("cannot decode as declared charset '" + declared + "', read as " + out.charset);
  return out;
}

}  // namespace byline::html
