// Decompressing gzip data with zlib: whole files (a page saved as .gz, which
// may hold several members end to end) and one member at a time (a .warc.gz
// holds one gzip member per record, so a record's offset is its member's).
#ifndef BYLINE_GZIP_READER_H
#define BYLINE_GZIP_READER_H

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace byline {

// True when the bytes start with the gzip magic number (1f 8b 08).
bool is_gzip(std::string_view bytes);

struct GzipMember {
  std::string data;          // the decompressed bytes (as far as they went)
  std::size_t consumed = 0;  // compressed bytes of the member, header and trailer included
  bool complete = false;     // the member ended with a valid trailer
  std::string error;         // why it did not ("truncated", zlib's reason), when !complete
};

// Decompresses the one gzip member that starts at `offset`, keeping at most
// `max_output` bytes (more is an error: "larger than N bytes", so a gzip bomb
// cannot exhaust memory; `data` then holds the first max_output bytes).
GzipMember inflate_member(std::string_view bytes, std::size_t offset, std::size_t max_output);

// The same for a member read piece by piece (a .warc.gz read from disk):
// next_input() gives the compressed bytes that follow those it gave before,
// "" at the end of the input. The member must start the first piece.
GzipMember inflate_member_stream(const std::function<std::string_view()>& next_input, std::size_t max_output);

// Decompresses every member of a gzip file, end to end. Throws byline::Error
// ("not valid gzip data: why") when a member is corrupt or cut off, or when
// the output would pass `max_output` bytes.
std::string gunzip(std::string_view bytes, std::size_t max_output);

}  // namespace byline

#endif  // BYLINE_GZIP_READER_H
