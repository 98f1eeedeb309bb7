// A stored document (an article or one comment), as `byline show` prints it.
#ifndef BYLINE_DOCUMENT_H
#define BYLINE_DOCUMENT_H

#include "byline/export.h"

#include <optional>
#include <string>
#include <vector>

namespace byline {

enum class DocType { Article, Comment };

BYLINE_EXPORT const char* to_string(DocType type);  // "article" / "comment"

struct CommentRef {
  int index = 0;                 // 1-based position in page order
  std::optional<int> parent;     // the comment it answers
};

struct Document {
  std::string id;                // "<page id>" or "<page id>.<comment index>"
  std::string page_id;           // the article's id
  DocType type = DocType::Article;
  std::string title;             // the article's title (for comments too)
  std::optional<std::string> author;
  std::optional<std::string> date;  // "YYYY-MM-DDTHH:MM"
  std::string source;
  std::vector<std::string> tags;    // articles only
  std::optional<CommentRef> comment;  // comments only
  std::string text;
};

}  // namespace byline

#endif  // BYLINE_DOCUMENT_H
