// Telling what a file holds from its first bytes, not its name: a WARC
// archive, an HTML page, text (a page in the text layout or JSON Lines), or
// binary data that is no page at all (an image, a PDF, random bytes).
#ifndef BYLINE_CONTENT_SNIFF_H
#define BYLINE_CONTENT_SNIFF_H

#include <string_view>

namespace byline {

enum class ContentKind { Text, Html, Warc, Binary };

// How many leading bytes sniff_content looks at; more are ignored.
inline constexpr std::size_t kSniffBytes = 8192;

// The kind of content that starts with `head` (decompressed already when the
// file is gzip). Binary: a NUL byte, a known binary signature, or more than
// 1 in 10 bytes that are control characters no text uses.
ContentKind sniff_content(std::string_view head);

// The kind of a file's content, from its first bytes (decompressed first
// when it is gzip: *gzipped then says so). Throws byline::IoError when the
// file cannot be read.
class FileReader;
ContentKind sniff_file(FileReader& file, bool* gzipped = nullptr);

const char* content_kind_name(ContentKind kind);

}  // namespace byline

#endif  // BYLINE_CONTENT_SNIFF_H
