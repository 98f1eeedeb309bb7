// Computing IndexStats from an open database, shared by index_stats() (the
// public free function) and Searcher::stats().
#ifndef BYLINE_INDEX_STATS_H
#define BYLINE_INDEX_STATS_H

#include <xapian.h>

#include <functional>
#include <string>

#include "byline/results.h"

namespace byline {

// Reads the settings (throws as read_index_settings does, which gets
// `reopen`), counts and sizes. Xapian errors propagate: callers wrap this in
// translate_xapian_errors.
IndexStats compute_index_stats(const Xapian::Database& db, const std::string& db_path,
                               const std::function<bool()>& reopen = {});

}  // namespace byline

#endif  // BYLINE_INDEX_STATS_H
