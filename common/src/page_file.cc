#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "byline/error.h"
#include "byline/page.h"
#include "content_sniff.h"
#include "file_reader.h"
#include "gzip_reader.h"
#include "html_page.h"
#include "page_limits.h"
#include "system_words.h"
#include "warc_reader.h"

namespace byline {

std::string read_file(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) throw IoError(path + ": " + system_words(errno));
  if (S_ISDIR(info.st_mode)) throw IoError(path + ": is a directory");
  if (!S_ISREG(info.st_mode)) throw IoError(path + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": " + system_words(errno));
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw IoError(path + ": read error");
  return bytes;
}

ParseResult parse_html(std::string_view bytes) { return parse_html_bytes(bytes); }

ParseResult parse_file(const std::string& path) {
  std::string bytes = read_file(path);
  if (is_gzip(bytes)) {
    try {
      bytes = gunzip(bytes, kMaxPageBytes);
    } catch (const Error& e) {
      throw IoError(path + ": " + e.what());
    }
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) throw IoError(path + ": empty file");
  switch (sniff_content(bytes)) {
    case ContentKind::Html:
      return parse_html(bytes);
    case ContentKind::Warc:
      throw IoError(path + ": a WARC archive, not one page");
    case ContentKind::Binary:
      throw IoError(path + ": binary file, not a page");
    case ContentKind::Text:
      break;
  }
  return parse_page(bytes);
}

void read_file_pages(const std::string& path, const std::function<void(const FilePage&)>& on_page,
                     const std::function<void(const std::string&)>& on_problem) {
  {
    FileReader file(path);
    if (sniff_file(file) == ContentKind::Warc) {
      scan_warc(
          file, 0,
          [&](const WarcRecord& record) {
            if (record.type != "response") return true;
            std::string why;
            std::optional<HttpPage> http = http_html_page(record.block, why);
            if (!http) {
              if (!why.empty() && on_problem) on_problem("offset " + std::to_string(record.offset) + ": " + why);
              return true;
            }
            FilePage page;
            page.source = record.target_uri;
            page.date = record.date;
            page.result = parse_html_bytes(http->body, http->charset);
            if (page.result.is_news_page) on_page(page);
            return true;
          },
          on_problem);
      return;
    }
  }
  FilePage page;
  page.source = path;
  page.result = parse_file(path);
  on_page(page);
}

}  // namespace byline
