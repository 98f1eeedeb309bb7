// What an index holds, without opening a Searcher: `byline stats`.
#ifndef BYLINE_STATS_H
#define BYLINE_STATS_H

#include "byline/export.h"

#include <string>

#include "byline/results.h"

namespace byline {

// Opens the index at db_path read-only (never waits for a writer) and counts
// its documents by type, distinct exact authors, the date range (from the
// date value slot's bounds, which may be looser than the data after
// deletions), its settings and its size on disk.
// Throws IndexUnusable when there is no index at db_path or it cannot be
// read, SchemaMismatch for an unknown schema version. Thread-safe.
BYLINE_EXPORT IndexStats index_stats(const std::string& db_path);

}  // namespace byline

#endif  // BYLINE_STATS_H
