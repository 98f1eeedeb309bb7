#include "content_sniff.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "file_reader.h"
#include "gzip_reader.h"

namespace byline {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Signatures of common binary formats that can pass the control-byte test.
bool has_binary_signature(std::string_view head) {
  static constexpr std::string_view kSignatures[] = {"%PDF-",
                                                     "\x89PNG",
                                                     "GIF87a",
                                                     "GIF89a",
                                                     "\xFF\xD8\xFF",
                                                     "PK\x03\x04",
                                                     "\x7F"
                                                     "ELF",
                                                     "BZh",
                                                     "\xFD"
                                                     "7zXZ",
                                                     "OggS",
                                                     "RIFF",
                                                     "ID3"};
  return std::any_of(std::begin(kSignatures), std::end(kSignatures),
                     [&](std::string_view s) { return starts_with(head, s); });
}

bool looks_binary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  if (has_binary_signature(head)) return true;
  std::size_t odd = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    // Tab, LF, FF, CR and ESC appear in text files; other C0 bytes do not.
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1b) ++odd;
  }
  return odd * 10 > head.size();
}

bool looks_html(std::string_view head) {
  std::size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '<') return false;
  const std::string text = lower_ascii(head.substr(start, 4096));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<title"}) {
    if (text.find(marker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

ContentKind sniff_content(std::string_view head) {
  head = head.substr(0, std::min(head.size(), kSniffBytes));
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  if (starts_with(head, "WARC/")) return ContentKind::Warc;
  // A UTF-16 page has NUL bytes in every other place: it is text for an HTML
  // page (the HTML reader decodes it), binary otherwise.
  if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF")) {
    std::string narrowed;
    for (std::size_t i = 2; i + 1 < head.size(); i += 2) narrowed += head[i] != '\0' ? head[i] : head[i + 1];
    return looks_html(narrowed) ? ContentKind::Html : ContentKind::Binary;
  }
  if (looks_binary(head)) return ContentKind::Binary;
  if (looks_html(head)) return ContentKind::Html;
  return ContentKind::Text;
}

const char* content_kind_name(ContentKind kind) {
  switch (kind) {
    case ContentKind::Text:
      return "text";
    case ContentKind::Html:
      return "html";
    case ContentKind::Warc:
      return "warc";
    case ContentKind::Binary:
      return "binary";
  }
  return "?";
}

ContentKind sniff_file(FileReader& file, bool* gzipped) {
  // Compressed bytes enough for kSniffBytes of text: a member cut off here
  // still gives what it decompressed so far.
  std::string head = file.read_at(0, 4 * kSniffBytes);
  const bool gzip = is_gzip(head);
  if (gzipped) *gzipped = gzip;
  if (gzip) head = inflate_member(head, 0, kSniffBytes).data;
  return sniff_content(std::string_view(head).substr(0, kSniffBytes));
}

}  // namespace byline
