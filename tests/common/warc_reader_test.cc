// The WARC reader on its own (warc_reader.h): the records of an archive as
// crawlers write them (WARC/1.0 and 1.1, CRLF or bare LF, one gzip member per
// record), damage named by its offset with reading going on at the next
// record, and the HTML page of an HTTP response (status, type, chunked
// transfer, gzip and deflate content encodings).
#include <catch2/catch.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "warc_builder.h"
#include "warc_reader.h"

using namespace byline;
using namespace byline::test;

namespace {

struct Scanned {
  std::vector<WarcRecord> records;  // block copied into `blocks`
  std::vector<std::string> blocks;
  std::vector<std::string> damage;
  WarcScan scan;
};

Scanned scan(const std::string& bytes, std::uint64_t start = 0, std::size_t stop_after = 0) {
  Scanned out;
  out.scan = scan_warc(
      bytes, start,
      [&](const WarcRecord& r) {
        out.records.push_back(r);
        out.blocks.emplace_back(r.block);
        out.records.back().block = {};
        return stop_after == 0 || out.records.size() < stop_after;
      },
      [&](const std::string& d) { out.damage.push_back(d); });
  return out;
}

std::optional<HttpPage> page_of(const std::string& block, std::string& why) { return http_html_page(block, why); }

}  // namespace

TEST_CASE("scan_warc gives every record with its offset, type, URI, date and block, whatever its type", "[warc]") {
  const std::string info = warc_block_record("warcinfo", "", "software: wget/1.21\r\n");
  const std::string request = warc_block_record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n");
  const std::string response = warc_record("https://news.example/a", "<html><p>Oil prices fell.</p></html>");
  const std::string archive = info + request + response;

  const Scanned s = scan(archive);
  REQUIRE(s.records.size() == 3);
  CHECK(s.damage.empty());
  CHECK(s.scan.records == 3);
  CHECK(s.scan.damaged == 0);
  CHECK(s.scan.end == archive.size());
  CHECK(s.records[0].type == "warcinfo");
  CHECK(s.records[1].type == "request");
  CHECK(s.records[2].type == "response");
  CHECK(s.records[0].offset == 0);
  CHECK(s.records[1].offset == info.size());
  CHECK(s.records[2].offset == info.size() + request.size());
  CHECK(s.records[2].target_uri == "https://news.example/a");
  CHECK(s.records[2].date == "2024-01-02T03:04:05Z");
  CHECK(s.records[2].content_type == "application/http; msgtype=response");
  CHECK(s.blocks[1] == "GET /a HTTP/1.1\r\n\r\n");
  CHECK(s.blocks[2].find("Oil prices fell.") != std::string::npos);
}

TEST_CASE("scan_warc reads WARC/1.1, bare LF line ends, header names in any case and a <uri> in angle brackets",
          "[warc]") {
  const std::string block = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>x</p>";
  const std::string lf_record =
      "WARC/1.1\nwarc-type: response\nWARC-TARGET-URI: <https://news.example/b>\n"
      "content-length: " +
      std::to_string(block.size()) + "\n\n" + block + "\n\n";
  const std::string second = warc_record("https://news.example/c", "<p>y</p>");
  const Scanned s = scan(lf_record + second);
  REQUIRE(s.records.size() == 2);
  CHECK(s.damage.empty());
  CHECK(s.records[0].type == "response");
  CHECK(s.records[0].target_uri == "https://news.example/b");
  CHECK(s.blocks[0] == block);
  CHECK(s.records[1].offset == lf_record.size());
  CHECK(s.records[1].target_uri == "https://news.example/c");
}

TEST_CASE("a damaged record is one damage line at its offset, and the records after it are still read", "[warc]") {
  const std::string first = warc_record("https://news.example/1", "<p>one</p>");
  const std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/2\r\n\r\n"
      "HTTP/1.1 200 OK\r\n\r\n<p>two</p>\r\n\r\n";
  const std::string third = warc_record("https://news.example/3", "<p>three</p>");
  const Scanned s = scan(first + no_length + third);
  REQUIRE(s.records.size() == 2);
  CHECK(s.records[0].target_uri == "https://news.example/1");
  CHECK(s.records[1].target_uri == "https://news.example/3");
  CHECK(s.records[1].offset == first.size() + no_length.size());
  REQUIRE(s.damage.size() == 1);
  CHECK(s.damage[0] == "offset " + std::to_string(first.size()) + ": record without Content-Length");
  CHECK(s.scan.damaged == 1);
}

TEST_CASE(
    "an archive cut inside its last record ends with that record's damage, and end stays after the last whole one",
    "[warc]") {
  const std::string first = warc_record("https://news.example/1", "<p>one</p>");
  const std::string second = warc_record("https://news.example/2", std::string(500, 'w'));
  const std::string cut = first + second.substr(0, second.size() - 200);
  const Scanned s = scan(cut);
  REQUIRE(s.records.size() == 1);
  CHECK(s.scan.end == first.size());
  REQUIRE(s.damage.size() == 1);
  CHECK(s.damage[0].rfind("offset " + std::to_string(first.size()) + ": truncated record", 0) == 0);

  SECTION("reading again from end, once the archive has grown, gives the new records only") {
    const std::string grown = first + second + warc_record("https://news.example/3", "<p>three</p>");
    const Scanned again = scan(grown, s.scan.end);
    REQUIRE(again.records.size() == 2);
    CHECK(again.records[0].target_uri == "https://news.example/2");
    CHECK(again.records[1].target_uri == "https://news.example/3");
    CHECK(again.damage.empty());
    CHECK(again.scan.end == grown.size());
  }
}

TEST_CASE("scan_warc stops when the callback says so", "[warc]") {
  std::string archive;
  for (int i = 0; i < 5; ++i) archive += warc_record("https://news.example/" + std::to_string(i), "<p>x</p>");
  const Scanned s = scan(archive, 0, 2);
  CHECK(s.records.size() == 2);
  CHECK(s.scan.records == 2);
  CHECK(s.scan.end == 2 * warc_record("https://news.example/0", "<p>x</p>").size());
}

TEST_CASE("a .warc.gz gives each record at its member's offset, a corrupt member or garbage is damage, padding is not",
          "[warc]") {
  const std::string m1 = gzip_member(warc_record("https://news.example/1", "<p>one</p>"));
  std::string m2 = gzip_member(warc_record("https://news.example/2", std::string(2000, 'z')));
  const std::string m3 = gzip_member(warc_record("https://news.example/3", "<p>three</p>"));

  SECTION("whole members, then zero padding") {
    const Scanned s = scan(m1 + m2 + m3 + std::string(16, '\0'));
    REQUIRE(s.records.size() == 3);
    CHECK(s.damage.empty());
    CHECK(s.records[0].offset == 0);
    CHECK(s.records[1].offset == m1.size());
    CHECK(s.records[2].offset == m1.size() + m2.size());
    CHECK(s.records[2].target_uri == "https://news.example/3");
  }
  SECTION("a member whose deflate data is overwritten") {
    for (std::size_t i = 12; i < m2.size() - 8; ++i) m2[i] = static_cast<char>(0xff);
    const Scanned s = scan(m1 + m2 + m3);
    REQUIRE(s.records.size() == 2);
    CHECK(s.records[0].target_uri == "https://news.example/1");
    CHECK(s.records[1].target_uri == "https://news.example/3");
    REQUIRE(s.damage.size() == 1);
    CHECK(s.damage[0].rfind("offset " + std::to_string(m1.size()) + ": gzip member: ", 0) == 0);
  }
  SECTION("bytes between members that are no member") {
    const Scanned s = scan(m1 + "garbage!" + m3);
    REQUIRE(s.records.size() == 2);
    REQUIRE(s.damage.size() == 1);
    CHECK(s.damage[0] == "offset " + std::to_string(m1.size()) + ": not a gzip member");
    CHECK(s.records[1].offset == m1.size() + 8);
  }
}

TEST_CASE("http_html_page gives the body and the charset of a 200 text/html response", "[warc][http]") {
  std::string why;
  auto page = page_of(http_response("<p>caf\xe9</p>", "Content-Type: text/html; charset=ISO-8859-1\r\n"), why);
  REQUIRE(page);
  CHECK(why.empty());
  CHECK(page->body == "<p>caf\xe9</p>");
  // As the HTML standard says, the ISO-8859-1 label is read as windows-1252.
  CHECK(page->charset == "windows-1252");

  page = page_of(http_response("<html/>", "content-type: application/xhtml+xml\r\n", "HTTP/1.0 200 OK"), why);
  REQUIRE(page);
  CHECK(page->body == "<html/>");
  CHECK(page->charset.empty());
}

TEST_CASE("responses that are no page are passed over without damage, broken ones say why", "[warc][http]") {
  std::string why;
  CHECK_FALSE(page_of(http_response("gone", "Content-Type: text/html\r\n", "HTTP/1.1 404 Not Found"), why));
  CHECK(why.empty());
  CHECK_FALSE(page_of(http_response("\x89PNG", "Content-Type: image/png\r\n"), why));
  CHECK(why.empty());
  CHECK_FALSE(page_of(http_response("<p>", "Location: /b\r\n", "HTTP/1.1 301 Moved"), why));
  CHECK(why.empty());

  CHECK_FALSE(page_of("GET / HTTP/1.1\r\n\r\n", why));
  CHECK(why == "response without an HTTP status line");
  CHECK_FALSE(page_of("HTTP/1.1 OK\r\n\r\n", why));
  CHECK(why == "bad HTTP status line");
  CHECK_FALSE(page_of("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", why));
  CHECK(why == "truncated HTTP headers");
  CHECK_FALSE(page_of(http_response("<p>", "Content-Type: text/html\r\nContent-Encoding: br\r\n"), why));
  CHECK(why == "Content-Encoding br is not supported");
}

TEST_CASE("a chunked response is put back together, chunk extensions and trailers aside", "[warc][http]") {
  std::string why;
  const std::string chunked = "5;ext=1\r\n<p>Oi\r\n8\r\nl fell.\n\r\n5\r\n</p>\n\r\n0\r\nX-Trailer: 1\r\n\r\n";
  auto page = page_of(http_response(chunked, "Content-Type: text/html\r\nTransfer-Encoding: Chunked\r\n"), why);
  REQUIRE(page);
  CHECK(page->body == "<p>Oil fell.\n</p>\n");

  SECTION("a chunk longer than what follows, or no last chunk, is damage") {
    CHECK_FALSE(
        page_of(http_response("ff\r\nshort\r\n", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"), why));
    CHECK(why == "bad chunked encoding");
    CHECK_FALSE(
        page_of(http_response("5\r\nabcde\r\n", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"), why));
    CHECK(why == "bad chunked encoding");
    CHECK_FALSE(
        page_of(http_response("zz\r\nabcde\r\n", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"), why));
    CHECK(why == "bad chunked encoding");
  }
}

TEST_CASE("gzip and deflate content encodings are decoded, zlib-wrapped or raw, also after chunking", "[warc][http]") {
  const std::string html = "<html><body><p>Coffee prices rose in Brazil.</p></body></html>";
  std::string why;
  auto gz = page_of(http_response(gzip_member(html), "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"), why);
  REQUIRE(gz);
  CHECK(gz->body == html);
  auto xgz = page_of(http_response(gzip_member(html), "Content-Type: text/html\r\nContent-Encoding: X-GZIP\r\n"), why);
  REQUIRE(xgz);
  CHECK(xgz->body == html);
  auto zlib =
      page_of(http_response(gzip_member(html, 15), "Content-Type: text/html\r\nContent-Encoding: deflate\r\n"), why);
  REQUIRE(zlib);
  CHECK(zlib->body == html);
  auto raw =
      page_of(http_response(gzip_member(html, -15), "Content-Type: text/html\r\nContent-Encoding: deflate\r\n"), why);
  REQUIRE(raw);
  CHECK(raw->body == html);

  const std::string compressed = gzip_member(html);
  const std::string half = compressed.substr(0, compressed.size() / 2);
  const std::string chunked = [&] {
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", half.size());
    std::string rest = compressed.substr(half.size());
    char rest_line[32];
    std::snprintf(rest_line, sizeof rest_line, "%zx\r\n", rest.size());
    return std::string(size_line) + half + "\r\n" + rest_line + rest + "\r\n0\r\n\r\n";
  }();
  auto both = page_of(http_response(chunked,
                                    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                                    "Content-Encoding: gzip\r\n"),
                      why);
  REQUIRE(both);
  CHECK(both->body == html);

  SECTION("a body that is not what its encoding says is damage") {
    CHECK_FALSE(page_of(http_response(html, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n"), why));
    CHECK(why.rfind("Content-Encoding gzip: not valid gzip data", 0) == 0);
    CHECK_FALSE(page_of(http_response(html, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n"), why));
    CHECK(why == "Content-Encoding deflate: not valid deflate data");
  }
}
