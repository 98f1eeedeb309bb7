// Telling a file's kind from its first bytes, not its name (content_sniff.h):
// WARC, HTML, text (the page layout, JSON Lines) or binary, also behind a
// byte order mark, in UTF-16, or gzip-compressed.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "content_sniff.h"
#include "file_reader.h"
#include "test_support.h"
#include "warc_builder.h"

using namespace byline;
using namespace byline::test;

namespace {

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string utf16be(const std::string& ascii) {
  std::string out = "\xFE\xFF";
  for (char c : ascii) {
    out += '\0';
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("sniff_content tells WARC, HTML, text and binary apart by their first bytes", "[sniff]") {
  CHECK(sniff_content("WARC/1.0\r\nWARC-Type: warcinfo\r\n") == ContentKind::Warc);
  CHECK(sniff_content("\xEF\xBB\xBFWARC/1.1\r\n") == ContentKind::Warc);

  CHECK(sniff_content("<!DOCTYPE html><html><head>") == ContentKind::Html);
  CHECK(sniff_content("\n\n  <HTML lang=en><BODY>") == ContentKind::Html);
  CHECK(sniff_content("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">") == ContentKind::Html);
  CHECK(sniff_content("\xEF\xBB\xBF<meta charset=utf-8><title>Oil</title>") == ContentKind::Html);

  // Text: a page in the text layout (it may quote markup), JSON Lines.
  CHECK(sniff_content("Oil prices fell\n\nBy Fred Smith\nApril 22, 2013\n\n<b>not html</b>") == ContentKind::Text);
  CHECK(sniff_content("{\"url\": \"https://news.example/a\", \"title\": \"<html>\"}\n") == ContentKind::Text);
  CHECK(sniff_content("a <b>tag</b> first") == ContentKind::Text);
  CHECK(sniff_content("tabs\tand\fform feeds\r\nand an \x1b[1mescape\x1b[0m\n") == ContentKind::Text);
  CHECK(sniff_content("") == ContentKind::Text);

  CHECK(sniff_content("%PDF-1.7\n") == ContentKind::Binary);
  CHECK(sniff_content("\x89PNG\r\n\x1a\n") == ContentKind::Binary);
  CHECK(sniff_content("GIF89a") == ContentKind::Binary);
  CHECK(sniff_content("PK\x03\x04zip") == ContentKind::Binary);
  CHECK(sniff_content(std::string("text with a NUL \0 byte", 22)) == ContentKind::Binary);
  CHECK(sniff_content("ab\x01\x02\x03\x04\x05\x06\x07\x08 cdef") == ContentKind::Binary);
}

TEST_CASE("a UTF-16 page is HTML when its text is, binary otherwise", "[sniff]") {
  CHECK(sniff_content(utf16le("<!DOCTYPE html><html><body>Oil</body></html>")) == ContentKind::Html);
  CHECK(sniff_content(utf16be("<html><head><title>Oil</title>")) == ContentKind::Html);
  CHECK(sniff_content(utf16le("Oil prices fell")) == ContentKind::Binary);
}

TEST_CASE("only the first kSniffBytes bytes count", "[sniff]") {
  std::string text(kSniffBytes, 'a');
  CHECK(sniff_content(text + std::string(100, '\0')) == ContentKind::Text);
  CHECK(sniff_content(std::string(100, '\0') + text) == ContentKind::Binary);
}

TEST_CASE("sniff_file reads a gzip file's content and says it was gzip", "[sniff]") {
  TempDir dir;
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  };
  bool gzipped = true;
  FileReader text(write("page.txt", "Oil prices fell\n\nBy Fred Smith\n"));
  CHECK(sniff_file(text, &gzipped) == ContentKind::Text);
  CHECK_FALSE(gzipped);

  FileReader html(write("page.html.gz", gzip_member("<!doctype html><html><body><p>Oil</p>")));
  CHECK(sniff_file(html, &gzipped) == ContentKind::Html);
  CHECK(gzipped);

  // One member of a .warc.gz: the archive's first record, larger than what is read.
  FileReader warc(write("a.warc.gz", gzip_member(warc_record("https://news.example/", std::string(200000, 'x')))));
  CHECK(sniff_file(warc, &gzipped) == ContentKind::Warc);
  CHECK(gzipped);

  FileReader named_html(write("photo.html", "\xFF\xD8\xFF\xE0 JFIF"));
  CHECK(sniff_file(named_html) == ContentKind::Binary);
}

TEST_CASE("content_kind_name names each kind as index's summary does", "[sniff]") {
  CHECK(std::string(content_kind_name(ContentKind::Text)) == "text");
  CHECK(std::string(content_kind_name(ContentKind::Html)) == "html");
  CHECK(std::string(content_kind_name(ContentKind::Warc)) == "warc");
  CHECK(std::string(content_kind_name(ContentKind::Binary)) == "binary");
}
