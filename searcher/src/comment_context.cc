#include "comment_context.h"

#include <algorithm>
#include <string>

#include "schema.h"

namespace byline {

void add_comment_context(const Xapian::Database& db, std::vector<DocRecord*>& records, const FetchDocuments& fetch) {
  std::vector<std::string> pages;
  for (const DocRecord* r : records)
    if (r->is_comment && r->source.empty()) pages.push_back(r->page_id);
  if (pages.empty()) return;
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());

  std::vector<Xapian::Query> terms;
  terms.reserve(pages.size());
  for (const std::string& page : pages) terms.emplace_back(schema::term(schema::kPrefixId, page));
  Xapian::Enquire enquire(db);
  // Boolean: no weights to compute, and docid order is fine.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(pages.size()));
  std::vector<Xapian::docid> docids(mset.begin(), mset.end());
  for (const std::string& data : fetch(docids)) {
    DocRecord article = decode_doc_record(data);
    for (DocRecord* r : records) {
      if (r->is_comment && r->source.empty() && r->page_id == article.page_id) {
        r->title = article.title;
        r->source = article.source;
      }
    }
  }
}

}  // namespace byline
