// Turns a parsed page into Xapian documents following schema.h.
#ifndef BYLINE_DOCUMENT_BUILDER_H
#define BYLINE_DOCUMENT_BUILDER_H

#include <xapian.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "byline/indexer.h"
#include "byline/page.h"
#include "counting_stem.h"
#include "field_keys.h"

namespace byline {

struct BuiltDocument {
  std::string id_term;  // "Q..." unique term, for replace_document
  Xapian::Document document;
};

// Owns a TermGenerator and stemmer: one per indexing thread.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const std::string& language);

  // Feeds the free text of the chosen documents (titles and bodies, never
  // prefixed fields) into db's spelling dictionary: counted as documents are
  // built, handed to db by before_commit.
  void enable_spelling(Xapian::WritableDatabase& db, SpellingSource source);

  // Call before each commit of the database given to enable_spelling; `last`
  // for the final commit of a run (or any explicit commit). Xapian rewrites
  // every spelling entry a commit touches (zlib-compressed n-gram lists), so
  // the counted words go to the database every kSpellingEveryCommits batch
  // commits and at the last one only. Measured (callgrind, 300 pages, one
  // batch commit of 250 pages then the final one): spelling from articles
  // cost +26% instructions when fed on every commit. A crash mid-run loses
  // at most that many batches' words from the spelling table (suggestions
  // only; documents and file states are unaffected).
  void before_commit(bool last);
  static constexpr int kSpellingEveryCommits = 8;

  // One document for the article, then one per comment, in page order.
  // `source` is the page's identity (its path, or "PATH#LINE"); `file_key`
  // identifies the input file it came from (ids.h).
  std::vector<BuiltDocument> build(const Page& page, const std::string& source, const std::string& file_key);

  // The same documents, handed to `sink` one at a time as they are built, so
  // a page with 100,000 comments never holds them all in memory at once.
  void build_each(const Page& page, const std::string& source, const std::string& file_key,
                  const std::function<void(BuiltDocument&)>& sink);

 private:
  Xapian::Document build_article(const Page& page, const std::string& page_id, const std::string& source,
                                 const std::string& file_key);
  Xapian::Document build_comment(const Comment& comment, const std::string& page_id, const std::string& file_key);
  void add_common_terms(Xapian::Document& doc, const std::string& page_id, const std::string& file_key,
                        const std::string& type, const std::optional<std::string>& author,
                        const std::optional<std::string>& date);

  SpellingSource spelling_ = SpellingSource::None;
  Xapian::WritableDatabase spelling_db_;
  // Filled by the generator's stemmer while counting_words_ is set (around
  // the free text of the documents spelling_ chooses): counting_stem.h.
  WordCounts spelling_counts_;
  bool counting_words_ = false;
  Xapian::TermGenerator generator_;  // after what its stemmer points to
  int commits_since_spelling_ = 0;
};

}  // namespace byline

#endif  // BYLINE_DOCUMENT_BUILDER_H
