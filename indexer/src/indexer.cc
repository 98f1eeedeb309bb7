#include "byline/indexer.h"

#include <xapian.h>

#include "byline/error.h"
#include "ids.h"
#include "index_meta.h"
#include "indexer_core.h"
#include "schema.h"
#include "shard_commit.h"
#include "shard_routing.h"
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
  if (options.batch_pages == 0) throw BadQuery("IndexOptions::batch_pages must be at least 1");
  if (options.jobs == 0) throw BadQuery("IndexOptions::jobs must be at least 1");
}

}  // namespace

ShardWriter& IndexerCore::shard_for(const std::string& file_key) {
  return *shards[shard_index_for(file_key, shards.size())];
}

bool IndexerCore::has_page(ShardWriter& shard, const std::string& id_source) {
  return shard.db.term_exists(schema::term(schema::kPrefixId, page_id_for(id_source)));
}

std::uint64_t IndexerCore::add_page(ShardWriter& shard, const Page& page, const std::string& source,
                                    const std::string& file_key, const std::string* id_source) {
  std::uint64_t documents = 0;
  shard.text_bytes_since_commit += page.article.title.size() + page.article.text.size();
  for (const Comment& comment : page.comments) shard.text_bytes_since_commit += comment.text.size();
  // One document at a time: a page of 100,000 comments must not hold them all.
  shard.builder->build_each(
      page, source, file_key,
      [&](BuiltDocument& doc) {
        // replace_document(term, ...) scans Xapian 1.4's pending changes on every
        // call (80% of indexing time on a fresh index); a term lookup is cheap,
        // and a new id (the common case) can simply be added.
        if (shard.db.term_exists(doc.id_term))
          shard.db.replace_document(doc.id_term, doc.document);
        else
          shard.db.add_document(doc.document);
        ++documents;
      },
      id_source);
  return documents - 1;
}

void IndexerCore::delete_file_documents(ShardWriter& shard, const std::string& file_key) {
  shard.db.delete_document(schema::term(schema::kPrefixFile, file_key));
}

void IndexerCore::commit_all() {
  for (auto& shard : shards) commit_shard("index " + path, *shard);
}

Indexer::Indexer(const std::string& db_path, const IndexOptions& options) : impl_(std::make_unique<IndexerCore>()) {
  check_options(options);
  impl_->path = db_path;
  impl_->options = options;
  translate_xapian_errors("index " + db_path, [&] { open_shards(*impl_); });
}

Indexer::~Indexer() {
  try {
    commit();
  } catch (...) {
    // Documented: the destructor swallows errors; commit() reports them.
  }
  // Xapian's WritableDatabase destructor commits pending changes again, and
  // an error there (disk full) would terminate the process: close each shard
  // here, where its error can be caught.
  for (auto& shard : impl_->shards) {
    try {
      shard->db.close();
    } catch (...) {
      // The last commit that succeeded is what stays on disk.
    }
  }
}

void Indexer::add(const Page& page, const std::string& source) {
  translate_xapian_errors("index " + impl_->path, [&] {
    const std::string file_key = file_key_for(source);
    ShardWriter& shard = impl_->shard_for(file_key);
    impl_->delete_file_documents(shard, file_key);
    impl_->add_page(shard, page, source, file_key);
  });
}

std::uint64_t Indexer::remove(const std::string& source) {
  return translate_xapian_errors("index " + impl_->path, [&]() -> std::uint64_t {
    const std::string file_key = file_key_for(source);
    ShardWriter& shard = impl_->shard_for(file_key);
    std::uint64_t count = shard.db.get_termfreq(schema::term(schema::kPrefixFile, file_key));
    impl_->delete_file_documents(shard, file_key);
    return count;
  });
}

IndexSummary Indexer::add_paths(const std::vector<std::string>& paths, const IndexCallbacks& callbacks) {
  return translate_xapian_errors("index " + impl_->path, [&] { return run_add_paths(*impl_, paths, callbacks); });
}

const std::string& Indexer::language() const { return impl_->settings.language; }
const std::string& Indexer::stopwords() const { return impl_->settings.stopwords; }

void Indexer::commit() {
  translate_xapian_errors("index " + impl_->path, [&] { impl_->commit_all(); });
}

void Indexer::stop() { impl_->stop_requested.store(true); }

}  // namespace byline
