#include "document_builder.h"

#include "doc_record.h"
#include "ids.h"
#include "schema.h"
#include "snowball_stem.h"

namespace byline {

DocumentBuilder::DocumentBuilder(const std::string& language) {
  generator_.set_stemmer(make_stemmer(language));
  // Stems only, positional (schema.h): what the peers index (FTS5's porter
  // tokenizer, Lucene's English analyzer); STEM_SOME's second, unstemmed copy
  // of every word made the index 30% larger (53.3 -> 37.3 MB compacted for
  // 3,000 pages, together with leaner comments).
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

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
    generator_.index_text(*author, 1, schema::kPrefixAuthorText);
    generator_.increase_termpos();
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
  generator_.set_document(doc);
  generator_.index_text(article.title, 1, schema::kPrefixTitle);
  generator_.increase_termpos();
  // The title is also free text, weighted above the body.
  generator_.index_text(article.title, schema::kTitleWeight);
  generator_.increase_termpos();
  generator_.index_text(article.text);
  generator_.increase_termpos();
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
  generator_.set_document(doc);
  // Only what the commenter wrote: a comment has no title of its own (`title:`
  // finds articles), and its record leaves the article's title and source to
  // the article's record (the searcher looks them up for the hits it shows).
  generator_.index_text(comment.text);
  generator_.increase_termpos();
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
                                 const std::function<void(BuiltDocument&)>& sink) {
  const std::string page_id = page_id_for(source);
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
