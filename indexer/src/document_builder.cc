#include "document_builder.h"

#include <unordered_set>
#include "doc_record.h"
#include "ids.h"

#include "schema.h"

namespace byline {

// Stems only, positional (schema.h): what the peers index (FTS5's porter
// tokenizer, Lucene's English analyzer); STEM_SOME's second, unstemmed and
// positional copy of every word made the index 30% larger (53.3 -> 37.3 MB
// compacted for 3,000 pages, together with leaner comments). The word forms
// wildcards and spelling need are one boolean term per distinct word instead.
DocumentBuilder::DocumentBuilder(const std::string& language) : terms_(language) {}

void DocumentBuilder::add_common_terms(Xapian::Document& doc, const std::string& page_id, const std::string& file_key,
                                       const std::string& type, const std::optional<std::string>& author,
                                       const std::optional<std::string>& date) {
  doc.add_boolean_term(schema::term(schema::kPrefixPage, page_id));
  doc.add_boolean_term(schema::term(schema::kPrefixFile, file_key));
  doc.add_boolean_term(schema::term(schema::kPrefixType, type));
  doc.add_value(schema::kSlotPage, page_id);
  doc.add_value(schema::kSlotType, type);
  if (author && !author->empty()) {
    std::string key = exact_key(*author);
    if (!key.empty()) doc.add_boolean_term(schema::term(schema::kPrefixAuthorExact, key));
    terms_.index(*author, 1, schema::kPrefixAuthorText);
    // A bare query finds the author's words too, weighted below any title
    // or body word (wdf 0: the document matches, the words add no weight).
    terms_.index(*author, 0, "");
    doc.add_value(schema::kSlotAuthor, *author);
  }
  if (date) {
    std::string value = date_value(*date);
    if (!value.empty()) {
      doc.add_value(schema::kSlotDate, value);
    }
  }
}

Xapian::Document DocumentBuilder::build_article(const Page& page, const std::string& page_id, const std::string& source,
                                                const std::string& file_key) {
  const Article& article = page.article;
  Xapian::Document doc;
  terms_.set_document(doc);
  terms_.index(article.title, 1, schema::kPrefixTitle);
  // The title is also free text, weighted above the body.
  terms_.index(article.title, schema::kTitleWeight, "");
  terms_.index(article.text, 1, "");
  // The word forms of the whole page (article and comments) live on its
  // article: wildcards and spelling need to know which words the index
  // holds, not which document holds them, and one set per page instead of
  // one per document made indexing ~1.6x faster than per-document forms.
  std::unordered_set<std::string> forms;
  TextTerms::collect_forms(article.title, forms);
  TextTerms::collect_forms(article.text, forms);
  if (article.author) TextTerms::collect_forms(*article.author, forms);
  for (const Comment& comment : page.comments) {
    TextTerms::collect_forms(comment.text, forms);
    TextTerms::collect_forms(comment.author, forms);
  }
  terms_.add_forms(forms);
  add_common_terms(doc, page_id, file_key, schema::kTypeArticle, article.author, article.date);
  std::string tags_value;
  for (const std::string& tag : article.tags) {
    std::string key = exact_key(tag);
    if (!key.empty()) doc.add_boolean_term(schema::term(schema::kPrefixTag, key));
    if (!tags_value.empty()) tags_value.push_back(schema::kListSeparator);
    tags_value += tag;
  }
  if (!tags_value.empty()) doc.add_value(schema::kSlotTags, tags_value);
  doc.add_boolean_term(schema::term(schema::kPrefixId, page_id));
  // What the page's comments inherit as filters (schema.h): its tag terms,
  // and its title's stems as boolean XS terms (no positions, no weight).
  inherited_terms_.clear();
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.rfind(schema::kPrefixTag, 0) == 0) inherited_terms_.push_back(term);
    if (term.rfind(schema::kPrefixTitle, 0) == 0)
      inherited_terms_.push_back(schema::term(schema::kPrefixArticleTitle, term.substr(1)));
  }

  DocRecord record;
  record.page_id = page_id;
  record.title = article.title;
  record.author = article.author;
  record.date = article.date;
  record.source = source;
  record.tags = article.tags;
  record.text = article.text;
  doc.set_data(encode_doc_record(record));
  return doc;
}

Xapian::Document DocumentBuilder::build_comment(const Comment& comment, const std::string& page_id,
                                                const std::string& file_key) {
  Xapian::Document doc;
  terms_.set_document(doc);
  // Only what the commenter wrote: a comment has no title of its own (`title:`
  // finds articles), and its record leaves the article's title and source to
  // the article's record (the searcher looks them up for the hits it shows).
  terms_.index(comment.text, 1, "");
  std::optional<std::string> author;
  if (!comment.author.empty()) author = comment.author;
  add_common_terms(doc, page_id, file_key, schema::kTypeComment, author, comment.date);
  for (const std::string& term : inherited_terms_) doc.add_boolean_term(term);
  if (comment.parent)
    doc.add_boolean_term(schema::term(schema::kPrefixReplyTo, page_id + "." + std::to_string(*comment.parent)));

  DocRecord record;
  record.is_comment = true;
  record.page_id = page_id;
  record.author = author;
  record.date = comment.date;
  record.comment_index = comment.index;
  record.comment_parent = comment.parent;
  record.text = comment.text;
  doc.add_boolean_term(schema::term(schema::kPrefixId, doc_record_id(record)));
  doc.set_data(encode_doc_record(record));
  return doc;
}

std::vector<BuiltDocument> DocumentBuilder::build(const Page& page, const std::string& source,
                                                  const std::string& file_key) {
  std::vector<BuiltDocument> out;
  out.reserve(1 + page.comments.size());
  build_each(page, source, file_key, [&](BuiltDocument& built) { out.push_back(std::move(built)); });
  return out;
}

void DocumentBuilder::build_each(const Page& page, const std::string& source, const std::string& file_key,
                                 const std::function<void(BuiltDocument&)>& sink, const std::string* id_source) {
  const std::string page_id = page_id_for(id_source != nullptr ? *id_source : source);
  auto emit = [&](std::string id_term, Xapian::Document document) {
    BuiltDocument built{std::move(id_term), std::move(document)};
    const std::string id = built.id_term.substr(sizeof(schema::kPrefixId) - 1);
    built.document.add_value(schema::kSlotOrder,
                             schema::sort_order_key(built.document.get_value(schema::kSlotDate), id));
    sink(built);
  };
  emit(schema::term(schema::kPrefixId, page_id), build_article(page, page_id, source, file_key));
  for (const Comment& comment : page.comments)
    emit(schema::term(schema::kPrefixId, page_id + "." + std::to_string(comment.index)),
         build_comment(comment, page_id, file_key));
}

}  // namespace byline
