// The record stored as each Xapian document's data: everything a search
// result or `byline show` displays, without reopening the source file.
//
// Encoding (version 1): one byte 0x01, then the fields below in this order,
// each as a LEB128 length followed by that many bytes; absent optional fields
// are stored as the empty string (a comment's author is never absent, but may
// be empty; index and parent are decimal text, "" when absent). Unknown
// trailing fields are ignored, so later versions may append fields.
#ifndef BYLINE_DOC_RECORD_H
#define BYLINE_DOC_RECORD_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

struct DocRecord {
  bool is_comment = false;
  std::string page_id;                  // 16 hex digits
  std::string title;                    // the article's title (also on comments)
  std::optional<std::string> author;
  std::optional<std::string> date;      // "YYYY-MM-DDTHH:MM"
  std::string source;                   // the input file's path
  int comment_index = 0;                // comments only
  std::optional<int> comment_parent;    // comments only
  std::vector<std::string> tags;        // articles only
  std::string text;                     // body / comment text
};

std::string encode_doc_record(const DocRecord& record);

// Throws byline::IndexUnusable when the bytes are not a record.
DocRecord decode_doc_record(std::string_view bytes);

// The public id of a document: "<page id>" or "<page id>.<index>".
std::string doc_record_id(const DocRecord& record);

}  // namespace byline

#endif  // BYLINE_DOC_RECORD_H
