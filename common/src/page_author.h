// Bylines and "Post by:" names: recognising a byline line and tidying the
// name it gives.
#ifndef BYLINE_PAGE_AUTHOR_H
#define BYLINE_PAGE_AUTHOR_H

#include <optional>
#include <string>
#include <string_view>

namespace byline::page_text {

// "By Elise Labott" → "Elise Labott". A line is a byline only when it is short
// and reads as names, not as a sentence ("By contrast, the index rose 3.5%."
// is body text). Returns the tidied name, nullopt when not a byline.
std::optional<std::string> byline_name(std::string_view content);

// Tidies a name from a byline or "Post by:" line; nullopt when nothing is left.
//   "CNN's Jane Doe"          → "Jane Doe"  (an organisation's possessive in capitals is dropped)
//   "Jane Doe, CNN"           → "Jane Doe"  (a trailing ", <news organisation>" is dropped)
//   "Jane Doe and John Roe"   → kept as is (several authors stay one string)
std::optional<std::string> tidy_author(std::string_view name);

}  // namespace byline::page_text

#endif  // BYLINE_PAGE_AUTHOR_H
