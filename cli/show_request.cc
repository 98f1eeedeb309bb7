#include "show_request.h"

namespace byline::cli {
namespace {

// Which documents of the page match, and each shown text highlighted.
ThreadMarks mark(Searcher& searcher, const std::string& text, const Document& document,
                 const std::optional<std::vector<Document>>& comments) {
  ThreadMarks marks;
  marks.has_query = true;
  Query q;
  q.text = text;
  q.page = document.page_id;
  q.limit = 1 + (comments ? comments->size() : 0) + 1;
  q.snippet_chars = 0;
  if (!comments) q.limit = 1000000;  // one comment: its page's matches, to see whether it is one
  for (const Hit& hit : searcher.search(q).hits) marks.matching.insert(hit.id);
  auto highlight = [&](const Document& d) {
    if (marks.matching.count(d.id) && !d.text.empty()) marks.highlighted[d.id] = searcher.highlight(q, d.text);
  };
  highlight(document);
  if (comments)
    for (const Document& c : *comments) highlight(c);
  return marks;
}

}  // namespace

Shown load_shown(Searcher& searcher, const ShowRequest& request) {
  if (request.matching && !request.query) throw BadQuery("show --matching: needs --query");
  std::optional<Document> document = searcher.document(request.id);
  if (!document) throw NothingToShow("show " + request.id + ": no such document");
  if (request.thread && document->type == DocType::Comment) {
    // The thread of the comment's page.
    std::optional<Document> article = searcher.document(document->page_id);
    if (!article)
      throw NothingToShow("show " + request.id + ": its article " + document->page_id + " is not in the index");
    document = std::move(article);
  }
  Shown shown{std::move(*document), std::nullopt, ThreadMarks{}};
  if (shown.document.type == DocType::Article) shown.comments = searcher.comments(shown.document.page_id);
  if (request.query) shown.marks = mark(searcher, *request.query, shown.document, shown.comments);
  return shown;
}

}  // namespace byline::cli
