// Reading WARC files (ISO 28500: WARC/1.0 and 1.1), plain or as a .warc.gz
// of gzip members, record by record, and the HTTP responses they hold.
#ifndef BYLINE_WARC_READER_H
#define BYLINE_WARC_READER_H

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace byline {

class FileReader;

struct WarcRecord {
  std::uint64_t offset = 0;  // in the file: the record's gzip member, or its "WARC/" line
  std::string type;          // WARC-Type: "response", "request", "warcinfo", ...
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string content_type;  // of the record: "application/http; msgtype=response"
  std::string_view block;    // the record's content block (valid during the callback)
};

// A page carried by a response record: HTTP status 200, text/html (or
// XHTML), the body de-chunked and decoded (Content-Encoding gzip/deflate).
struct HttpPage {
  std::string charset;  // of the Content-Type header, "" when none
  std::string body;
};

// Why a response record holds no page, or the page. nullopt with `why` set
// to "" for records that are not pages as expected (other status or type);
// non-empty for a damaged response ("bad chunked encoding", ...).
std::optional<HttpPage> http_html_page(std::string_view block, std::string& why);

struct WarcScan {
  std::uint64_t end = 0;  // offset just after the last complete record read
  std::uint64_t records = 0;
  std::uint64_t damaged = 0;
};

// Reads the records of `bytes` from `start` (a record boundary), calling
// on_record for each complete one and on_damage("offset N: why") for each
// truncated or corrupt one; after damage, reading goes on at the next
// record found. Stops early when on_record returns false.
WarcScan scan_warc(std::string_view bytes, std::uint64_t start, const std::function<bool(const WarcRecord&)>& on_record,
                   const std::function<void(const std::string&)>& on_damage);

// The same, reading the file a record at a time (memory: about its largest
// record). A file cut shorter while it is read ends the scan with damage at
// the offset where its bytes stopped, never with a signal.
WarcScan scan_warc(FileReader& file, std::uint64_t start, const std::function<bool(const WarcRecord&)>& on_record,
                   const std::function<void(const std::string&)>& on_damage);

}  // namespace byline

#endif  // BYLINE_WARC_READER_H
