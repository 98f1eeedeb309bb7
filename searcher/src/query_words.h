// The words of a query, made to say what the index holds before Xapian's
// QueryParser reads them (it cuts words as the indexer's tokenizer does, and
// its stemmer is make_query_stemmer, so the terms agree):
//  - acronyms ("U.S.", "U.K", and "US" in capitals) become kAcronymMarker
//    words, which the query stemmer turns into the acronym's term, also
//    inside phrases;
//  - a hyphenated word outside a phrase ("e-mail") becomes
//    `(email OR "e mail")`, as the indexer writes both;
//  - `word*` becomes `<wildcard field>:word`, expanded over the word forms
//    the index holds (WildcardExpander), not over stems; `*` alone or a
//    pattern with no word before its `*` is a BadQuery;
//  - traps: a `+` or `-` standing alone is dropped; an operator with nothing
//    to join (`oil AND`, `OR oil`, `oil AND OR gas`) is dropped; an empty
//    free-text field (`title:`) is a BadQuery.
// Field values other than title: and author: are left as they are.
#ifndef BYLINE_QUERY_WORDS_H
#define BYLINE_QUERY_WORDS_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace byline {

// The hidden field names the rewriting gives wildcards: free text, title:, author:.
inline constexpr char kWildcardField[] = "bylinewildcard";
inline constexpr char kWildcardTitleField[] = "bylinewildcardtitle";
inline constexpr char kWildcardAuthorField[] = "bylinewildcardauthor";

// What a field processor returns for "nothing": a term no document holds,
// never the empty Xapian::Query, which libxapian 1.4.22's parser can
// dereference when it combines a field's value with +/- words (segfaults
// found by query_snippet_fuzzer).
inline Xapian::Query no_match_query() { return Xapian::Query(std::string("\x01byline-no-match")); }

// `text` after prepare_query_text. Throws BadQuery.
std::string rewrite_query_words(std::string_view text);

// Expands a wildcard's pattern ("coff", as typed) over the index's word forms
// (schema kPrefixWord): every document holding a word that starts with it,
// scored by the stems of those words under `prefix`. Errors are stored, not
// thrown (Xapian's parser is between us and the caller): "coff*: matches
// 1,234 words, more than 1000 ...".
class WildcardExpander : public Xapian::FieldProcessor {
 public:
  WildcardExpander(const char* prefix, const Xapian::Stem& stemmer, std::string* error)
      : prefix_(prefix), stemmer_(stemmer), error_(error) {}

  // For one parse: the database read and the expansion limit.
  void attach(const Xapian::Database* db, std::size_t limit) {
    db_ = db;
    limit_ = limit;
  }

  // `value` is the pattern as rewrite_query_words wrote it (hex digits).
  Xapian::Query operator()(const std::string& value) override;

 private:
  const char* prefix_;
  Xapian::Stem stemmer_;  // the index's stemmer
  std::string* error_;
  const Xapian::Database* db_ = nullptr;
  std::size_t limit_ = 1000;
};

}  // namespace byline

#endif  // BYLINE_QUERY_WORDS_H
