#include "byline/indexer.h"

#include <xapian.h>

#include "byline/error.h"
#include "ids.h"
#include "index_meta.h"
#include "indexer_core.h"
#include "schema.h"
#include "snowball_stem.h"
#include "stopwords.h"
#include "xapian_error.h"

namespace byline {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

void check_options(const IndexOptions& options) {
  if (!options.language.empty() && !is_known_language(options.language))
    throw BadQuery("unknown stemming language '" + options.language + "' (known: " + joined(snowball_languages()) +
                   ")");
  if (!options.stopwords.empty() && !is_known_stopword_list(options.stopwords))
    throw BadQuery("unknown stop word list '" + options.stopwords + "' (use 'english' or 'none')");
  if (options.batch_pages == 0) throw BadQuery("batch size must be at least 1 page");
}

// The settings of an existing index win; asking for different ones is an error
// (the documents already in it were stemmed another way).
void check_same(const std::string& db_path, const char* what, const std::string& wanted, const std::string& has) {
  if (!wanted.empty() && wanted != has)
    throw BadQuery("index " + db_path + ": was created with " + what + " '" + has + "', not '" + wanted +
                   "' (index into a new --db to change it)");
}

}  // namespace

std::uint64_t IndexerCore::add_page(const Page& page, const std::string& source, const std::string& file_key) {
  std::vector<BuiltDocument> built = builder->build(page, source, file_key);
  for (BuiltDocument& doc : built) {
    // replace_document(term, ...) scans Xapian 1.4's pending changes on every
    // call (80% of indexing time on a fresh index); a term lookup is cheap,
    // and a new id (the common case) can simply be added.
    if (db.term_exists(doc.id_term))
      db.replace_document(doc.id_term, doc.document);
    else
      db.add_document(doc.document);
  }
  return built.size() - 1;
}

void IndexerCore::delete_file_documents(const std::string& file_key) {
  db.delete_document(schema::term(schema::kPrefixFile, file_key));
}

Indexer::Indexer(const std::string& db_path, const IndexOptions& options) : impl_(std::make_unique<IndexerCore>()) {
  check_options(options);
  impl_->path = db_path;
  impl_->options = options;
  translate_xapian_errors("index " + db_path, [&] {
    impl_->db = Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    IndexSettings settings = read_index_settings(impl_->db, db_path);
    if (settings.schema_version == 0) {
      settings.schema_version = schema::kSchemaVersion;
      settings.language = options.language.empty() ? "english" : options.language;
      settings.stopwords = options.stopwords.empty() ? "english" : options.stopwords;
      write_index_settings(impl_->db, settings);
      impl_->db.commit();
    } else {
      check_same(db_path, "language", options.language, settings.language);
      check_same(db_path, "stop words", options.stopwords, settings.stopwords);
    }
    impl_->settings = settings;
  });
  impl_->builder.emplace(impl_->settings.language);
  impl_->builder->enable_spelling(impl_->db, options.spelling);
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
    impl_->delete_file_documents(file_key);
    impl_->add_page(page, source, file_key);
  });
}

std::uint64_t Indexer::remove(const std::string& source) {
  return translate_xapian_errors("index " + impl_->path, [&]() -> std::uint64_t {
    const std::string file_key = file_key_for(source);
    std::uint64_t count = impl_->db.get_termfreq(schema::term(schema::kPrefixFile, file_key));
    impl_->delete_file_documents(file_key);
    return count;
  });
}

IndexSummary Indexer::add_paths(const std::vector<std::string>& paths, const IndexCallbacks& callbacks) {
  return translate_xapian_errors("index " + impl_->path, [&] { return run_add_paths(*impl_, paths, callbacks); });
}

const std::string& Indexer::language() const { return impl_->settings.language; }
const std::string& Indexer::stopwords() const { return impl_->settings.stopwords; }

void Indexer::commit() {
  translate_xapian_errors("index " + impl_->path, [&] { impl_->db.commit(); });
}

void Indexer::stop() { impl_->stop_requested.store(true); }

}  // namespace byline
