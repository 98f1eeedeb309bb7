// The settings an index records in its metadata when it is created (schema
// version, stemming language, stop word list), read back by every reader so
// that queries are stemmed exactly as the documents were.
#ifndef BYLINE_INDEX_META_H
#define BYLINE_INDEX_META_H

#include <xapian.h>

#include <functional>
#include <string>

namespace byline {

struct IndexSettings {
  int schema_version = 0;
  std::string language = "english";
  std::string stopwords = "english";
};

// How many times a reader reads the settings again after a miss that may be
// stale (see read_index_settings).
inline constexpr int kStaleReadRetries = 8;

// Reads the settings of an existing index. Throws SchemaMismatch when the
// index was written by an incompatible version, IndexUnusable when it holds
// documents but no Byline settings. An empty index without settings yields the
// defaults with schema_version 0 ("new").
//
// A reader passes `reopen` (brings db to the latest revision, returns true
// when the revision moved): a reader racing a commit can read a key that is
// there as absent, so a missing schema in an index with documents is read
// again after each reopen that moved the revision (at most
// kStaleReadRetries times), and only a miss that stays at one revision is
// "not a Byline index". A writer reads its own revision and passes nothing.
IndexSettings read_index_settings(const Xapian::Database& db, const std::string& db_path,
                                  const std::function<bool()>& reopen = {});

void write_index_settings(Xapian::WritableDatabase& db, const IndexSettings& settings);

}  // namespace byline

#endif  // BYLINE_INDEX_META_H
