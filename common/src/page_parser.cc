#include "byline/page.h"

namespace byline {

// Placeholder until the real parser lands: the first line is the title.
ParseResult parse_page(std::string_view bytes) {
  ParseResult result;
  auto end = bytes.find('\n');
  result.page.article.title = std::string(bytes.substr(0, end));
  if (end != std::string_view::npos) result.page.article.text = std::string(bytes.substr(end + 1));
  return result;
}

}  // namespace byline
