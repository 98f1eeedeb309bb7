// How Byline cuts text into words: one set of rules for the indexer (the terms
// it writes), the searcher's snippets (the words they highlight) and the query
// side (the query stemmer and the rewriting of acronyms, hyphenated words and
// wildcards), so that what is written is what is found.
//
// A word is a run of Unicode word characters (letters, marks, digits, '_') as
// Xapian's TermGenerator and QueryParser cut them: "'" (and ’), '&' and middle
// dots inside a word are kept ("obama's", "at&t"), so are '.' and ',' between
// digits ("3.5", "1,000"), and up to three '+' or '#' at its end ("c++").
// Then, as news is written:
//  - lowercased, with the accents of Latin letters folded ("café" -> "cafe",
//    "Zürich" -> "zurich", "São" -> "sao"; "ß" -> "ss", "æ" -> "ae", "ø" -> "o"):
//    ICU's canonical decomposition without its combining marks;
//  - numbers lose their thousands separators ("1,000" -> "1000");
//  - dotted acronyms of single capital letters ("U.S.", "U.K", "U.S.A.") are
//    one token, kind Acronym, whose term "u.s." is never the pronoun "us"; a
//    word of 2 capital letters ("US", "UK") is also its acronym (`caps`):
//    longer ones are mostly headlines in capitals ("OIL PRICES FALL");
//  - a word of letters joined to the next by one hyphen ("e-mail") is its
//    parts and, at the position of its first part, their joined form
//    ("email"), for up to 4 parts;
//  - words longer than 64 bytes are skipped (Xapian's term length limit).
#ifndef BYLINE_WORD_TOKENIZER_H
#define BYLINE_WORD_TOKENIZER_H

#include <xapian.h>

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

enum class TokenKind {
  Word,     // a word ("obama's", "1000", "cafe"), or one part of a hyphenated word
  Acronym,  // "U.S." as "u.s."
  Joined,   // the joined parts of a hyphenated word ("email"), after its last part
};

struct Token {
  std::size_t begin = 0, end = 0;  // bytes of the text (a Joined token spans all its parts)
  TokenKind kind = TokenKind::Word;
  std::string word;   // normalized (see above); empty for a word the filter skipped
  bool caps = false;  // a Word of 2 capital letters: its acronym too (acronym_term)
  bool starts_with_letter = false;
  std::size_t parts = 0;  // Joined: how many parts it joins
};

// Cuts one text into tokens, in order. Not thread-safe; cheap to construct.
class WordTokenizer {
 public:
  explicit WordTokenizer(std::string_view text) : text_(text) {}

  // Words whose first byte (lowercased when ASCII) is not in `bytes` are cut
  // but not normalized (their Token::word is left empty, and Token::caps
  // false): snippets look only at words that can match. Words starting with a
  // non-ASCII byte always are.
  void only_first_bytes(const std::bitset<256>* bytes) { first_bytes_ = bytes; }

  // The next token; false at the end of the text.
  bool next(Token& out);

 private:
  bool cut_word(Token& out);  // the next Word or Acronym, false at the end

  std::string_view text_;
  std::size_t pos_ = 0;
  const std::bitset<256>* first_bytes_ = nullptr;
  // The hyphenated word being read: its parts so far.
  std::vector<std::string> chain_;
  std::size_t chain_begin_ = 0, chain_end_ = 0;
  bool chain_ok_ = true;  // every part so far a letter word that was normalized
  bool has_pending_ = false;
  Token pending_;  // a word read ahead while closing a chain
};

// What the tokenizer makes of a word Xapian's QueryParser has cut and
// lowercased: accents folded, thousands separators dropped, "’" as "'".
std::string normalize_word(std::string_view lowercased);

// The term of the acronym made of `letters` ("us" -> "u.s.").
std::string acronym_term(std::string_view letters);

// The index term (unprefixed) of a normalized word: its stem.
inline std::string word_term(const Xapian::Stem& stemmer, const std::string& word) { return stemmer(word); }

// The query side's spelling of an acronym: a word Xapian's QueryParser keeps
// whole (also inside phrases), which the query stemmer turns into
// acronym_term(letters): "_acr_us".
inline constexpr std::string_view kAcronymMarker = "_acr_";

// The stemmer the query parser uses: normalize_word and then the index's
// stemmer, and acronym markers to acronym terms, so a parsed query holds the
// terms the indexer wrote. `stemmer` is copied (Xapian::Stem is a handle).
Xapian::Stem make_query_stemmer(const Xapian::Stem& stemmer);

}  // namespace byline

#endif  // BYLINE_WORD_TOKENIZER_H
