// `byline authors` and `byline tags`: the names of the matching documents
// with their counts and first and last dates, as aligned text for people and
// as JSON for programs. In the front-end library, so that the server can
// answer with the same JSON.
#ifndef BYLINE_CLI_RENDER_NAMES_H
#define BYLINE_CLI_RENDER_NAMES_H

#include <string>
#include <vector>

#include "byline/query.h"
#include "byline/results.h"

namespace byline::cli {

// One line per name: count (right-aligned), first date, last date, name.
// The name comes last, so that columns line up whatever its width; it is
// terminal-safe (terminal_text.h). `what` is "author" or "tag" (the header).
std::string names_text(const std::string& what, const std::vector<NameSummary>& names);

// {"format_version", "query", "sort", "<what>s": [{"name", "count",
// "first_date", "last_date"}, ...]}: dates are "YYYY-MM-DDTHH:MM" or null.
std::string names_json(const std::string& what, const Query& query, const std::string& sort,
                       const std::vector<NameSummary>& names);

}  // namespace byline::cli

#endif  // BYLINE_CLI_RENDER_NAMES_H
