// Byline's own snippet generator: a passage of a hit's stored text around the
// query's words, with every matched word highlighted (stemmed variants and
// phrase words included), as plain text plus byte spans.
//
// Why not Xapian::MSet::snippet: it re-tokenises and stems every word of every
// hit and, to be sure of finding a match, needs SNIPPET_EXHAUSTIVE; that was
// ~200k instructions per hit, more than the whole match. This one scans the
// bytes once (ASCII through a table), looks a word up only when its first
// byte can start a query term, and stems a word at most once per search.
//
// Words are cut by the indexer's tokenizer (word_tokenizer.h: accents folded,
// acronyms, hyphenated words) and match when they equal an unprefixed query
// term, start with a wildcard's prefix, or stem to one of the query's stems
// (its unprefixed terms, as the index holds stems; or Z-terms, for
// STEM_SOME); the text is shown as written. A phrase is highlighted only
// where its words stand together. Not handled: CJK n-grams.
#ifndef BYLINE_SNIPPET_GENERATOR_H
#define BYLINE_SNIPPET_GENERATOR_H

#include <xapian.h>

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "byline/results.h"
#include "word_tokenizer.h"

namespace byline {

// The body-text terms of a parsed query: what a snippet highlights.
struct SnippetTerms {
  std::vector<std::string> words;                 // unprefixed terms ("russian", "missil")
  std::vector<std::string> stems;                 // the same (the index holds stems), and Z-terms without their "Z"
  std::vector<std::string> wildcards;             // unprefixed wildcard prefixes ("russ")
  std::vector<std::vector<std::string>> phrases;  // the terms of each phrase, in order
};

// Walks the query: prefixed (field) terms, boolean filters and the negated
// side of AND_NOT are left out.
SnippetTerms snippet_terms(const Xapian::Query& query);

// One per search (it caches stems across the hits); not thread-safe.
class SnippetGenerator {
 public:
  // `stemmer` must outlive the generator (the index's stemmer, as the
  // TermGenerator used it).
  SnippetGenerator(const SnippetTerms& terms, const Xapian::Stem& stemmer);

  // About `chars` bytes of `text` (never more, plus "…" where it was cut),
  // cut at word and UTF-8 boundaries, whitespace runs shown as one space.
  // The window holds the most distinct query words, then the most matches,
  // and starts at a sentence start when one is close enough. No match: the
  // start of the text. chars == 0 or an empty text: an empty snippet.
  Snippet make(std::string_view text, std::size_t chars);

  // The same with up to `fragments` passages (fragment_chooser.h) when the
  // query's words stand too far apart for one; one passage (as above) when
  // it holds them all or fragments == 1.
  Snippet make(std::string_view text, std::size_t chars, std::size_t fragments);

  // The whole text as it is, with every match highlighted (`byline show
  // --query`).
  Snippet highlight_all(std::string_view text);

 private:
  struct Match {
    std::size_t begin, end;  // bytes of text
    int group;               // which query word (stemmed variants share one)
  };
  struct PhraseWord {
    std::size_t ordinal, begin, end;
    std::string term;
  };
  int group_of(const std::string& key);
  const std::string& term_of(const Token& token);
  int match_token(const Token& token);
  void find_matches(std::string_view text);

  const Xapian::Stem& stemmer_;
  std::vector<std::string> words_;
  std::vector<int> word_groups_;
  std::vector<std::string> wildcards_;
  std::vector<int> wildcard_groups_;
  std::unordered_map<std::string, int> stem_groups_;  // stem -> group
  std::vector<std::string> group_keys_;
  std::bitset<256> first_bytes_;  // first bytes a matching word can have
  bool any_stems_ = false;
  std::unordered_map<std::string, std::string> stems_;  // word -> term
  std::vector<std::vector<std::string>> phrases_;
  std::vector<int> phrase_groups_;
  std::unordered_set<std::string> phrase_terms_;
  std::vector<PhraseWord> phrase_words_;  // scratch
  std::vector<Match> matches_;
};

}  // namespace byline

#endif  // BYLINE_SNIPPET_GENERATOR_H
