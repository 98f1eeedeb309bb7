#include "byline/indexer.h"

#include <xapian.h>

#include <atomic>

#include "byline/error.h"
#include "document_builder.h"
#include "ids.h"
#include "index_meta.h"
#include "schema.h"
#include "snowball_stem.h"
#include "stopwords.h"
#include "xapian_error.h"

namespace byline {

struct Indexer::Impl {
  std::string path;
  IndexOptions options;
  IndexSettings settings;
  Xapian::WritableDatabase db;
  std::optional<DocumentBuilder> builder;
  std::atomic<bool> stop_requested{false};
};

Indexer::Indexer(const std::string& db_path, const IndexOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  impl_->options = options;
  if (!is_known_language(options.language))
    throw Error("unknown stemming language '" + options.language + "'");
  if (!is_known_stopword_list(options.stopwords))
    throw Error("unknown stop word list '" + options.stopwords + "'");
  translate_xapian_errors("index " + db_path, [&] {
    impl_->db = Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    IndexSettings settings = read_index_settings(impl_->db, db_path);
    if (settings.schema_version == 0) {
      settings.language = options.language;
      settings.stopwords = options.stopwords;
      write_index_settings(impl_->db, settings);
      impl_->db.commit();
    }
    impl_->settings = settings;
  });
  impl_->builder.emplace(impl_->settings.language);
}

Indexer::~Indexer() {
  try {
    commit();
  } catch (...) {
    // Documented: the destructor swallows errors; commit() reports them.
  }
}

void Indexer::add(const Page& page, const std::string& source) {
  translate_xapian_errors("index " + impl_->path, [&] {
    const std::string file_key = file_key_for(source);
    impl_->db.delete_document(schema::term(schema::kPrefixFile, file_key));
    for (BuiltDocument& built : impl_->builder->build(page, source, file_key))
      impl_->db.replace_document(built.id_term, built.document);
  });
}

std::uint64_t Indexer::remove(const std::string& source) {
  return translate_xapian_errors("index " + impl_->path, [&]() -> std::uint64_t {
    const std::string term = schema::term(schema::kPrefixFile, file_key_for(source));
    std::uint64_t count = impl_->db.get_termfreq(term);
    impl_->db.delete_document(term);
    return count;
  });
}

IndexSummary Indexer::add_paths(const std::vector<std::string>&, const IndexCallbacks&) {
  throw Error("add_paths: not implemented yet");
}

void Indexer::commit() {
  translate_xapian_errors("index " + impl_->path, [&] { impl_->db.commit(); });
}

void Indexer::stop() { impl_->stop_requested.store(true); }

}  // namespace byline
