#include "gzip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

#include "byline/error.h"

namespace byline {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b && bytes[2] == 0x08;
}

GzipMember inflate_member(std::string_view bytes, std::size_t offset, std::size_t max_output) {
  GzipMember member;
  if (offset >= bytes.size() || !is_gzip(bytes.substr(offset))) {
    member.error = "no gzip member here";
    return member;
  }
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip wrapper, not raw deflate or zlib.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    member.error = "zlib cannot start";
    return member;
  }
  std::string_view input = bytes.substr(offset);
  const auto* next = reinterpret_cast<const unsigned char*>(input.data());
  std::size_t left = input.size();
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    if (stream.avail_in == 0) {
      if (left == 0) break;
      auto chunk = static_cast<uInt>(std::min<std::size_t>(left, UINT_MAX / 2));
      stream.next_in = const_cast<unsigned char*>(next);
      stream.avail_in = chunk;
      next += chunk;
      left -= chunk;
    }
    stream.next_out = reinterpret_cast<unsigned char*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    std::size_t produced = sizeof buffer - stream.avail_out;
    if (member.data.size() + produced > max_output) {
      member.data.append(buffer, max_output - member.data.size());
      member.error = "larger than " + std::to_string(max_output) + " bytes once decompressed";
      inflateEnd(&stream);
      return member;
    }
    member.data.append(buffer, produced);
    if (status == Z_BUF_ERROR && stream.avail_in == 0 && left == 0) break;  // input ended mid-member
    if (status == Z_BUF_ERROR) status = Z_OK;  // no progress possible this round: feed more
  }
  member.consumed = static_cast<std::size_t>(stream.total_in);
  if (status == Z_STREAM_END) {
    member.complete = true;
  } else if (status == Z_OK || status == Z_BUF_ERROR) {
    member.error = "truncated";
  } else {
    member.error = stream.msg != nullptr ? stream.msg : "corrupt data";
  }
  inflateEnd(&stream);
  return member;
}

std::string gunzip(std::string_view bytes, std::size_t max_output) {
  std::string out;
  std::size_t offset = 0;
  while (offset < bytes.size()) {
    // Padding after the last member (some tools write zeros) ends the data.
    if (!is_gzip(bytes.substr(offset))) {
      if (offset == 0) throw Error("not valid gzip data: no gzip header");
      break;
    }
    GzipMember member = inflate_member(bytes, offset, max_output - out.size());
    if (!member.complete) throw Error("not valid gzip data: " + member.error);
    out += member.data;
    offset += member.consumed;
  }
  return out;
}

}  // namespace byline
