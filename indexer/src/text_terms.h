// Writes the terms of a document's text fields (schema.h), cut by the shared
// word tokenizer (word_tokenizer.h): positional stems under a field prefix,
// acronyms and the joined forms of hyphenated words; and the word forms as
// typed (folded) that wildcards and "Did you mean" read.
//
// It replaces Xapian's TermGenerator, whose word rules the query parser
// shares but which cannot be taught acronyms, accents or hyphenated words.
#ifndef BYLINE_TEXT_TERMS_H
#define BYLINE_TEXT_TERMS_H

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace byline {

class TextTerms {
 public:
  explicit TextTerms(const std::string& language);

  // Starts a document: positions count from 1 again.
  void set_document(Xapian::Document& doc);

  // Indexes `text` under `prefix` ("" for free text), each occurrence adding
  // `wdf_inc` to its term's wdf (0: matches, weighs nothing). Then leaves a
  // gap of 100 positions, so no phrase spans two fields.
  void index(std::string_view text, unsigned wdf_inc, const char* prefix);

  // Adds the word forms of `text` (not acronyms) to `forms`.
  static void collect_forms(std::string_view text, std::unordered_set<std::string>& forms);

  // A kPrefixWord boolean term per form, on the current document.
  void add_forms(const std::unordered_set<std::string>& forms);

 private:
  const std::string& stem(const std::string& word);

  Xapian::Stem stemmer_;
  Xapian::Document* doc_ = nullptr;
  Xapian::termpos pos_ = 0;
  std::unordered_map<std::string, std::string> stems_;  // word -> stem, bounded
  std::string scratch_;
};

}  // namespace byline

#endif  // BYLINE_TEXT_TERMS_H
