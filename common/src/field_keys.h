// Normal forms shared by the indexer (terms and values it writes) and the
// searcher (filters it builds), so both sides always agree.
#ifndef BYLINE_FIELD_KEYS_H
#define BYLINE_FIELD_KEYS_H

#include <string>
#include <string_view>

namespace byline {

// "2013-04-22T22:08" -> "201304222208" (the date value slot); "" when the
// text is not a date in that form.
std::string date_value(std::string_view iso_date);

// Unicode-lowercased, runs of white space collapsed to one space, trimmed,
// and cut (at a character boundary) to fit Xapian's term length limit: the
// exact-match key of an author or a tag.
std::string exact_key(std::string_view text);

}  // namespace byline

#endif  // BYLINE_FIELD_KEYS_H
