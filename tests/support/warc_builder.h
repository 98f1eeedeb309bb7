// WARC records and gzip data built in memory, for the tests of the WARC and
// gzip readers: the bytes a crawler (wget --warc-file, warcio, Heritrix)
// writes, made small and exact so that offsets can be checked.
#ifndef BYLINE_TEST_WARC_BUILDER_H
#define BYLINE_TEST_WARC_BUILDER_H

#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>

namespace byline::test {

// An HTTP response block: status line, headers (each "Name: value\r\n"), body.
inline std::string http_response(const std::string& body, const std::string& headers = "Content-Type: text/html\r\n",
                                 const std::string& status_line = "HTTP/1.1 200 OK") {
  return status_line + "\r\n" + headers + "\r\n" + body;
}

// One WARC record of `type` whose content block is `block`.
inline std::string warc_block_record(const std::string& type, const std::string& uri, const std::string& block,
                                     const std::string& version = "WARC/1.0") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=" + type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// A response record of a 200 text/html page in UTF-8.
inline std::string warc_record(const std::string& uri, const std::string& body) {
  return warc_block_record("response", uri,
                           http_response(body, "Content-Type: text/html; charset=utf-8\r\nContent-Length: " +
                                                   std::to_string(body.size()) + "\r\n"));
}

// `bytes` compressed as one gzip member (a .warc.gz holds one per record),
// or, with window_bits 15 / -15, as a zlib or a raw deflate stream.
inline std::string gzip_member(const std::string& bytes, int window_bits = 31) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace byline::test

#endif  // BYLINE_TEST_WARC_BUILDER_H
