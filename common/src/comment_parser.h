// The comment section of a news page: numbered comments and their "•"
// replies, nested by indentation.
#ifndef BYLINE_COMMENT_PARSER_H
#define BYLINE_COMMENT_PARSER_H

#include <cstddef>
#include <vector>

#include "byline/page.h"
#include "page_lines.h"

namespace byline::page_text {

// Parses lines[begin, end) (the lines after "soundoff (...)") into comments,
// in page order, indexes from 1. Stops at "Post a comment" or at the first
// line indented no deeper than the comment numbers that is not a comment
// header (the footer). A comment cut off before its date line keeps its
// author and text, with date null. `last_line_may_be_cut` says the final line
// had no newline, so a partial date line there is dropped rather than kept as
// text.
std::vector<Comment> parse_comments(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                                    bool last_line_may_be_cut);

}  // namespace byline::page_text

#endif  // BYLINE_COMMENT_PARSER_H
