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
  if (offset >= bytes.size() || !is_gzip(bytes.substr(offset))) {
    GzipMember member;
    member.error = "no gzip member here";
    return member;
  }
  std::string_view rest = bytes.substr(offset);
  return inflate_member_stream(
      [&rest] {
        // zlib counts its input in uInt: hand it over in pieces that fit.
        std::string_view piece = rest.substr(0, std::min<std::size_t>(rest.size(), UINT_MAX / 2));
        rest.remove_prefix(piece.size());
        return piece;
      },
      max_output);
}

GzipMember inflate_member_stream(const std::function<std::string_view()>& next_input, std::size_t max_output) {
  GzipMember member;
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip wrapper, not raw deflate or zlib.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    member.error = "zlib cannot start";
    return member;
  }
  bool input_ended = false;
  bool first = true;
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    if (stream.avail_in == 0 && !input_ended) {
      std::string_view piece = next_input();
      // The magic number may itself come in pieces: a first piece of one or
      // two bytes need only begin it (zlib checks the rest of the header).
      constexpr std::string_view kMagic("\x1f\x8b\x08", 3);
      if (first && (piece.empty() || kMagic.substr(0, std::min(piece.size(), kMagic.size())) !=
                                         piece.substr(0, std::min(piece.size(), kMagic.size())))) {
        inflateEnd(&stream);
        member.error = "no gzip member here";
        return member;
      }
      first = false;
      if (piece.empty()) {
        input_ended = true;
      } else {
        stream.next_in = reinterpret_cast<unsigned char*>(const_cast<char*>(piece.data()));
        stream.avail_in = static_cast<uInt>(piece.size());
      }
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
    if (status == Z_BUF_ERROR && stream.avail_in == 0 && input_ended) break;  // input ended mid-member
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
