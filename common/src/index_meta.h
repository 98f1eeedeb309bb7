// The settings an index records in its metadata when it is created (schema
// version, stemming language, stop word list), read back by every reader so
// that queries are stemmed exactly as the documents were.
#ifndef BYLINE_INDEX_META_H
#define BYLINE_INDEX_META_H

#include <xapian.h>

#include <string>

namespace byline {

struct IndexSettings {
  int schema_version = 0;
  std::string language = "english";
  std::string stopwords = "english";
};

// Reads the settings of an existing index. Throws SchemaMismatch when the
// index was written by an incompatible version, IndexUnusable when it holds
// documents but no Byline settings. An empty index without settings yields the
// defaults with schema_version 0 ("new").
IndexSettings read_index_settings(const Xapian::Database& db, const std::string& db_path);

void write_index_settings(Xapian::WritableDatabase& db, const IndexSettings& settings);

}  // namespace byline

#endif  // BYLINE_INDEX_META_H
