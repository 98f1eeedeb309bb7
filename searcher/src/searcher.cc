#include "byline/searcher.h"

#include <xapian.h>

#include "byline/error.h"

namespace byline {

const char* to_string(DocType type) { return type == DocType::Article ? "article" : "comment"; }

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
};

Searcher::Searcher(const std::string& db_path) : impl_(std::make_unique<Impl>()) { impl_->path = db_path; }
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Results Searcher::search(const Query&) { throw Error("search: not implemented yet"); }
Document Searcher::document(const std::string&) { throw Error("document: not implemented yet"); }
std::vector<Document> Searcher::comments(const std::string&) { throw Error("comments: not implemented yet"); }
IndexStats Searcher::stats() { throw Error("stats: not implemented yet"); }

}  // namespace byline
