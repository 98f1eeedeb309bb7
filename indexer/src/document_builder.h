// Turns a parsed page into Xapian documents following schema.h.
#ifndef BYLINE_DOCUMENT_BUILDER_H
#define BYLINE_DOCUMENT_BUILDER_H

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "byline/indexer.h"
#include "byline/page.h"
#include "field_keys.h"
#include "text_terms.h"

namespace byline {

struct BuiltDocument {
  std::string id_term;  // "Q..." unique term, for replace_document
  Xapian::Document document;
};

// Owns a TextTerms (and its stemmer): one per indexing thread.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const std::string& language);

  // One document for the article, then one per comment, in page order.
  // `source` is the page's identity (its path, or "PATH#LINE"); `file_key`
  // identifies the input file it came from (ids.h).
  std::vector<BuiltDocument> build(const Page& page, const std::string& source, const std::string& file_key);

  // The same documents, handed to `sink` one at a time as they are built, so
  // a page with 100,000 comments never holds them all in memory at once.
  // `id_source`, when given, is what the page id is made from instead of
  // `source` (a WARC capture: its URI and date).
  void build_each(const Page& page, const std::string& source, const std::string& file_key,
                  const std::function<void(BuiltDocument&)>& sink, const std::string* id_source = nullptr);

 private:
  Xapian::Document build_article(const Page& page, const std::string& page_id, const std::string& source,
                                 const std::string& file_key);
  Xapian::Document build_comment(const Comment& comment, const std::string& page_id, const std::string& file_key);
  void add_common_terms(Xapian::Document& doc, const std::string& page_id, const std::string& file_key,
                        const std::string& type, const std::optional<std::string>& author,
                        const std::optional<std::string>& date);

  TextTerms terms_;
  // The boolean terms the current page's comments inherit from its article
  // (set by build_article, which build_each calls first).
  std::vector<std::string> inherited_terms_;
};

}  // namespace byline

#endif  // BYLINE_DOCUMENT_BUILDER_H
