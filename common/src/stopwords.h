// Stop words, applied the Xapian way: every word is indexed, and the query
// parser drops stop words from queries (except inside phrases and with '+').
#ifndef BYLINE_STOPWORDS_H
#define BYLINE_STOPWORDS_H

#include <xapian.h>

#include <string>
#include <string_view>

namespace byline {

// "english" (a short list of function words) or "none". Throws byline::Error
// for an unknown list name. Returns nullptr for "none". The stopper is
// reference counted (already release()d): hand it straight to
// QueryParser::set_stopper, which then owns it.
Xapian::Stopper* make_stopper(const std::string& list_name);

bool is_known_stopword_list(const std::string& list_name);

// True when `word` (lowercased) is on the list ("none": never). For
// "Did you mean", which never offers a word the query parser drops.
bool is_stopword(const std::string& list_name, std::string_view word);

}  // namespace byline

#endif  // BYLINE_STOPWORDS_H
