// A stemmer that also counts the words it is asked to stem, for the spelling
// dictionary. With STEM_ALL the index holds stems only ("compani"), while
// "Did you mean" must suggest words as written ("companies"): TermGenerator
// hands every word of the text to its stemmer, so counting there sees each
// occurrence of each word once, as TermGenerator lowercased it, at no extra
// tokenizing cost.
#ifndef BYLINE_COUNTING_STEM_H
#define BYLINE_COUNTING_STEM_H

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace byline {

using WordCounts = std::unordered_map<std::string, Xapian::termcount>;

// Wraps `inner` (a stemmer, or Xapian::Stem() for no stemming: words are then
// returned unchanged). While *counting is true each word stemmed that holds
// no digit and no '_' adds one to (*counts)[word]. Both pointers must outlive
// the returned Stem.
Xapian::Stem make_counting_stem(const Xapian::Stem& inner, WordCounts* counts, const bool* counting);

}  // namespace byline

#endif  // BYLINE_COUNTING_STEM_H
