// Snowball (libstemmer) plugged into Xapian through Xapian::StemImplementation,
// so indexing, query parsing and snippet highlighting share one stemmer.
#ifndef BYLINE_SNOWBALL_STEM_H
#define BYLINE_SNOWBALL_STEM_H

#include <xapian.h>

#include <string>
#include <vector>

namespace byline {

// The languages libstemmer knows (e.g. "english", "french"), plus "none".
std::vector<std::string> snowball_languages();

// True for a name make_stemmer accepts.
bool is_known_language(const std::string& language);

// A Xapian::Stem backed by libstemmer for `language`, or an identity
// (non-stemming) Xapian::Stem for "none". Throws byline::Error for an unknown
// language. Each returned Stem owns its own libstemmer state: use one per
// thread.
Xapian::Stem make_stemmer(const std::string& language);

}  // namespace byline

#endif  // BYLINE_SNOWBALL_STEM_H
