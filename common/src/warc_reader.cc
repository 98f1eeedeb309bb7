#include "warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "byline/error.h"
#include "file_reader.h"
#include "gzip_reader.h"
#include "html_charset.h"

namespace byline {
namespace {

// A decompressed record (or HTTP body) larger than this is damage, not data.
constexpr std::size_t kMaxRecordBytes = 512u << 20;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Header lines from `at` to the blank line; returns the offset after the
// blank line, or npos when there is none.
std::size_t read_headers(std::string_view bytes, std::size_t at,
                         const std::function<void(std::string_view, std::string_view)>& on_header) {
  while (at < bytes.size()) {
    std::size_t eol = bytes.find('\n', at);
    if (eol == std::string_view::npos) return std::string_view::npos;
    std::string_view line = bytes.substr(at, eol - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = eol + 1;
    if (line.empty()) return at;
    std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) on_header(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
  }
  return std::string_view::npos;
}

template <typename T>
bool to_number(std::string_view text, T& out, int base = 10) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end != text.data();
}

struct ParsedRecord {
  WarcRecord record;
  std::size_t end = 0;  // just after the record and its trailing blank lines
  std::string error;    // "" when the record is whole
  // When the bytes ended too soon: the header had no end yet, or the bytes
  // from the record's start that would hold it whole (header, block and
  // the blank lines after it), and where its block starts and how long it is.
  bool header_cut = false;
  std::uint64_t needed = 0;
  std::size_t body = 0;
  std::uint64_t length = 0;
};

// One record at `at` of an uncompressed buffer.
ParsedRecord parse_record(std::string_view bytes, std::size_t at) {
  ParsedRecord out;
  if (bytes.substr(at, 5) != "WARC/") {
    out.error = "no WARC record header";
    return out;
  }
  std::size_t line_end = bytes.find('\n', at);
  if (line_end == std::string_view::npos) {
    out.error = "truncated record header";
    out.header_cut = true;
    return out;
  }
  std::optional<std::uint64_t> length;
  std::size_t body = read_headers(bytes, line_end + 1, [&](std::string_view name, std::string_view value) {
    WarcRecord& r = out.record;
    if (iequals(name, "WARC-Type"))
      r.type = std::string(value);
    else if (iequals(name, "WARC-Target-URI")) {
      // WARC/1.0 allowed <uri> in angle brackets.
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
      r.target_uri = std::string(value);
    } else if (iequals(name, "WARC-Date"))
      r.date = std::string(value);
    else if (iequals(name, "Content-Type"))
      r.content_type = std::string(value);
    else if (iequals(name, "Content-Length")) {
      std::uint64_t n = 0;
      if (to_number(value, n)) length = n;
    }
  });
  if (body == std::string_view::npos) {
    out.error = "truncated record header";
    out.header_cut = true;
    return out;
  }
  if (!length) {
    out.error = "record without Content-Length";
    return out;
  }
  if (*length > bytes.size() - body) {
    out.error = "truncated record (Content-Length " + std::to_string(*length) + ", " +
                std::to_string(bytes.size() - body) + " bytes left)";
    out.body = body;
    out.length = *length;
    out.needed = (body - at) + *length + 4;
    return out;
  }
  out.record.block = bytes.substr(body, static_cast<std::size_t>(*length));
  std::size_t end = body + static_cast<std::size_t>(*length);
  // Two CRLFs end a record; be lenient about how many line ends there are.
  for (int i = 0; i < 4 && end < bytes.size() && (bytes[end] == '\r' || bytes[end] == '\n'); ++i) ++end;
  out.end = end;
  return out;
}

std::string dechunk(std::string_view body, bool& ok) {
  std::string out;
  std::size_t at = 0;
  ok = false;
  while (at < body.size()) {
    std::size_t eol = body.find('\n', at);
    if (eol == std::string_view::npos) return out;
    std::string_view size_line = trim(body.substr(at, eol - at));
    std::size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    std::uint64_t size = 0;
    if (!to_number(trim(size_line), size, 16)) return out;
    at = eol + 1;
    if (size == 0) {
      ok = true;
      return out;
    }
    if (size > body.size() - at) return out;
    out.append(body.substr(at, static_cast<std::size_t>(size)));
    at += static_cast<std::size_t>(size);
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
  return out;
}

// Content-Encoding: deflate is zlib-wrapped by the standard, raw by some servers.
bool inflate_deflate(std::string_view in, std::string& out) {
  for (int window : {MAX_WBITS, -MAX_WBITS}) {
    z_stream stream{};
    if (inflateInit2(&stream, window) != Z_OK) return false;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream.avail_in = static_cast<uInt>(in.size());
    out.clear();
    char buffer[65536];
    int status = Z_OK;
    while (status == Z_OK && out.size() <= kMaxRecordBytes) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      status = inflate(&stream, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END) return true;
  }
  return false;
}

}  // namespace

std::optional<HttpPage> http_html_page(std::string_view block, std::string& why) {
  why.clear();
  if (block.substr(0, 5) != "HTTP/") {
    why = "response without an HTTP status line";
    return std::nullopt;
  }
  std::size_t eol = block.find('\n');
  if (eol == std::string_view::npos) {
    why = "truncated HTTP response";
    return std::nullopt;
  }
  std::string_view status_line = block.substr(0, eol);
  std::size_t space = status_line.find(' ');
  int status = 0;
  if (space == std::string_view::npos || !to_number(status_line.substr(space + 1, 3), status)) {
    why = "bad HTTP status line";
    return std::nullopt;
  }
  std::string content_type, transfer_encoding, content_encoding;
  std::size_t body = read_headers(block, eol + 1, [&](std::string_view name, std::string_view value) {
    if (iequals(name, "Content-Type"))
      content_type = std::string(value);
    else if (iequals(name, "Transfer-Encoding"))
      transfer_encoding = std::string(value);
    else if (iequals(name, "Content-Encoding"))
      content_encoding = std::string(value);
  });
  if (body == std::string_view::npos) {
    why = "truncated HTTP headers";
    return std::nullopt;
  }
  std::string type = content_type;
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (status != 200 || (type.find("text/html") == std::string::npos && type.find("xhtml") == std::string::npos))
    return std::nullopt;  // not a page: no damage
  HttpPage page;
  page.charset = html::charset_of_content_type(content_type);
  std::string_view payload = block.substr(body);
  std::string te = transfer_encoding, ce = content_encoding;
  for (char& c : te) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : ce) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string dechunked;
  if (te.find("chunked") != std::string::npos) {
    bool ok = false;
    dechunked = dechunk(payload, ok);
    if (!ok) {
      why = "bad chunked encoding";
      return std::nullopt;
    }
    payload = dechunked;
  }
  if (ce == "gzip" || ce == "x-gzip") {
    try {
      page.body = gunzip(payload, kMaxRecordBytes);
    } catch (const Error& e) {
      why = std::string("Content-Encoding gzip: ") + e.what();
      return std::nullopt;
    }
  } else if (ce == "deflate") {
    if (!inflate_deflate(payload, page.body)) {
      why = "Content-Encoding deflate: not valid deflate data";
      return std::nullopt;
    }
  } else if (ce.empty() || ce == "identity") {
    page.body = std::string(payload);
  } else {
    why = "Content-Encoding " + ce.substr(0, 20) + " is not supported";
    return std::nullopt;
  }
  return page;
}

namespace {

// Where a scan reads its bytes from: memory, or a file read piece by piece.
class WarcSource {
 public:
  virtual ~WarcSource() = default;
  virtual std::uint64_t size() const = 0;
  // Up to `length` bytes at `offset` into `out`; fewer at the end (or where
  // a file was cut shorter since it was opened).
  virtual void read(std::uint64_t offset, std::size_t length, std::string& out) = 0;
};

class MemorySource : public WarcSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t size() const override { return bytes_.size(); }
  void read(std::uint64_t offset, std::size_t length, std::string& out) override {
    out.assign(bytes_.substr(static_cast<std::size_t>(std::min<std::uint64_t>(offset, bytes_.size())), length));
  }

 private:
  std::string_view bytes_;
};

class FileSource : public WarcSource {
 public:
  explicit FileSource(FileReader& file) : file_(file) {}
  std::uint64_t size() const override { return file_.size(); }
  void read(std::uint64_t offset, std::size_t length, std::string& out) override { file_.read_at(offset, length, out); }

 private:
  FileReader& file_;
};

constexpr std::size_t kHeaderProbe = 64u << 10;  // a record's header and, mostly, all of it
constexpr std::size_t kMaxHeaderBytes = 1u << 20;
constexpr std::size_t kSearchChunk = 1u << 20;
constexpr std::size_t kGzipPiece = 256u << 10;
constexpr std::uint64_t kNotFound = ~std::uint64_t{0};

// The bytes of a source around the record being read: one buffer, read
// again for each record (or kept when it already holds it).
class SourceWindow {
 public:
  explicit SourceWindow(WarcSource& source) : source_(source), end_(source.size()) {}
  // Where the bytes end: the size, or less once a read came back short.
  std::uint64_t end() const { return end_; }
  WarcSource& source() { return source_; }

  // The bytes [offset, offset + length), fewer at the end.
  std::string_view view(std::uint64_t offset, std::size_t length) {
    const bool inside = offset >= begin_ && offset - begin_ <= buffer_.size();
    const bool covered = inside && (offset + length <= begin_ + buffer_.size() || begin_ + buffer_.size() >= end_);
    if (!covered) {
      source_.read(offset, length, buffer_);
      begin_ = offset;
      if (buffer_.size() < length && offset + buffer_.size() < end_) end_ = offset + buffer_.size();
    }
    std::string_view all(buffer_);
    return all.substr(static_cast<std::size_t>(offset - begin_), length);
  }

  // The offset of the first `pattern` at or after `from`, or kNotFound.
  std::uint64_t find(std::uint64_t from, std::string_view pattern) {
    std::string chunk;
    while (from < end_) {
      source_.read(from, kSearchChunk, chunk);
      std::size_t hit = chunk.find(pattern);
      if (hit != std::string::npos) return from + hit;
      if (chunk.size() < kSearchChunk || chunk.size() < pattern.size()) return kNotFound;
      from += chunk.size() - (pattern.size() - 1);  // a pattern across two chunks
    }
    return kNotFound;
  }

  // True when nothing but NULs, line ends and spaces follow `from`.
  bool only_padding_from(std::uint64_t from) {
    std::string chunk;
    while (from < end_) {
      source_.read(from, kSearchChunk, chunk);
      if (chunk.empty()) return true;
      if (chunk.find_first_not_of(std::string_view("\0\r\n ", 4)) != std::string::npos) return false;
      from += chunk.size();
    }
    return true;
  }

 private:
  WarcSource& source_;
  std::string buffer_;
  std::uint64_t begin_ = 0;
  std::uint64_t end_;
};

// The uncompressed record at `at`, read with as many bytes as it needs.
ParsedRecord read_record(SourceWindow& window, std::uint64_t at, bool& too_large) {
  too_large = false;
  std::size_t want = kHeaderProbe;
  for (;;) {
    std::string_view bytes = window.view(at, want);
    ParsedRecord parsed = parse_record(bytes, 0);
    if (parsed.error.empty() || at + bytes.size() >= window.end()) return parsed;
    if (parsed.needed > want) {
      if (parsed.needed > kMaxRecordBytes) {
        too_large = true;
        return parsed;
      }
      want = static_cast<std::size_t>(parsed.needed);
    } else if (parsed.header_cut && want < kMaxHeaderBytes) {
      want *= 2;
    } else {
      return parsed;
    }
  }
}

// The gzip member at `at`, its compressed bytes read a piece at a time.
GzipMember read_member(SourceWindow& window, std::uint64_t at) {
  std::uint64_t next = at;
  std::string piece;
  return inflate_member_stream(
      [&]() -> std::string_view {
        window.source().read(next, kGzipPiece, piece);
        next += piece.size();
        return piece;
      },
      kMaxRecordBytes);
}

WarcScan scan_source(SourceWindow& window, std::uint64_t start, const std::function<bool(const WarcRecord&)>& on_record,
                     const std::function<void(const std::string&)>& on_damage) {
  WarcScan scan;
  std::uint64_t at = std::min<std::uint64_t>(start, window.end());
  scan.end = at;
  const bool compressed = is_gzip(window.view(0, 3)) || is_gzip(window.view(at, 3));
  auto damage = [&](std::uint64_t offset, const std::string& why) {
    ++scan.damaged;
    if (on_damage) on_damage("offset " + std::to_string(offset) + ": " + why);
  };
  while (at < window.end()) {
    if (!compressed) {
      bool too_large = false;
      ParsedRecord parsed = read_record(window, at, too_large);
      if (too_large) {
        // Skipped whole: its length says where the next record starts.
        damage(at, "record of " + std::to_string(parsed.length) + " bytes, more than the " +
                       std::to_string(kMaxRecordBytes >> 20) + " MiB Byline reads");
        at += parsed.body + parsed.length;
        std::string_view after = window.view(at, 4);
        while (!after.empty() && (after.front() == '\r' || after.front() == '\n')) {
          after.remove_prefix(1);
          ++at;
        }
        continue;
      }
      if (!parsed.error.empty()) {
        damage(at, parsed.error);
        std::uint64_t next = window.find(at + 1, "\nWARC/");
        if (next == kNotFound) break;
        at = next + 1;
        continue;
      }
      parsed.record.offset = at;
      ++scan.records;
      at += parsed.end;
      scan.end = at;
      if (!on_record(parsed.record)) break;
      continue;
    }
    if (!is_gzip(window.view(at, 3))) {
      // Padding at the end, or garbage between members.
      if (window.only_padding_from(at)) {
        scan.end = window.end();
        break;
      }
      damage(at, "not a gzip member");
      std::uint64_t next = window.find(at + 1, "\x1f\x8b\x08");
      if (next == kNotFound) break;
      at = next;
      continue;
    }
    GzipMember member = read_member(window, at);
    if (!member.complete) {
      damage(at, "gzip member: " + member.error);
      std::uint64_t next = window.find(at + 1, "\x1f\x8b\x08");
      if (next == kNotFound) break;
      at = next;
      continue;
    }
    bool go_on = true;
    std::size_t inner = 0;
    while (inner < member.data.size() && go_on) {
      ParsedRecord parsed = parse_record(member.data, inner);
      if (!parsed.error.empty()) {
        damage(at, parsed.error);
        break;
      }
      parsed.record.offset = at;
      ++scan.records;
      inner = parsed.end;
      go_on = on_record(parsed.record);
    }
    at += member.consumed;
    scan.end = at;
    if (!go_on) break;
  }
  return scan;
}

}  // namespace

WarcScan scan_warc(std::string_view bytes, std::uint64_t start, const std::function<bool(const WarcRecord&)>& on_record,
                   const std::function<void(const std::string&)>& on_damage) {
  MemorySource source(bytes);
  SourceWindow window(source);
  return scan_source(window, start, on_record, on_damage);
}

WarcScan scan_warc(FileReader& file, std::uint64_t start, const std::function<bool(const WarcRecord&)>& on_record,
                   const std::function<void(const std::string&)>& on_damage) {
  FileSource source(file);
  SourceWindow window(source);
  return scan_source(window, start, on_record, on_damage);
}

}  // namespace byline
