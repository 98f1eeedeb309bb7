#include "search_request.h"

#include <algorithm>

#include "byline/error.h"

namespace byline::cli {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void check_member(const std::string& option, const std::string& value, const std::vector<std::string>& names) {
  if (std::find(names.begin(), names.end(), value) == names.end())
    throw BadQuery(option + ": unknown value '" + value + "' (one of: " + listed(names) + ")");
}

}  // namespace

Query to_query(const SearchRequest& request) {
  Query query = request.query;
  query.text = joined(request.words);
  if (!request.type.empty()) {
    check_member("type", request.type, kTypeNames);
    query.type = request.type == "article" ? DocType::Article : DocType::Comment;
  }
  check_member("sort", request.sort, kSortNames);
  if (request.sort == "newest") query.sort = SortOrder::Newest;
  if (request.sort == "oldest") query.sort = SortOrder::Oldest;
  for (const std::string& facet : query.facets) check_member("facets", facet, kFacetNames);
  return query;
}

Query to_count_query(const SearchRequest& request) {
  Query query = to_query(request);
  query.limit = 0;
  query.snippet_chars = 0;
  query.exact_total = true;
  return query;
}

}  // namespace byline::cli
