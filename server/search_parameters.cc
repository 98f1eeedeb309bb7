#include "search_parameters.h"

#include <algorithm>
#include <charconv>

#include "api_error.h"

namespace byline::server {
namespace {

const std::vector<std::string> kFilterParameters = {"q", "type", "author", "since", "until", "collapse"};
const std::vector<std::string> kPagingParameters = {"limit",  "offset",        "sort",           "facets",
                                                    "thread", "snippet_chars", "thread_comments"};

ApiError bad(const std::string& name, const std::string& why) { return ApiError(400, name + ": " + why); }

std::string query_text(const Parameters& parameters, const std::string& name, const SearchLimits& limits) {
  std::string q = parameter(parameters, name).value_or("");
  if (q.size() > limits.max_query_bytes)
    throw bad(name, "longer than " + std::to_string(limits.max_query_bytes) + " bytes");
  return q;
}

std::optional<std::size_t> number_parameter(const Parameters& parameters, const std::string& name) {
  std::optional<std::string> text = parameter(parameters, name);
  if (!text) return std::nullopt;
  std::size_t value = 0;
  const char* end = text->data() + text->size();
  auto [at, error] = std::from_chars(text->data(), end, value);
  // from_chars takes no sign, no space, no "0x": only plain decimals pass.
  if (text->empty() || error != std::errc() || at != end)
    throw bad(name, "'" + *text + "' is not a non-negative whole number");
  return value;
}

// The filters both endpoints take, into `request`.
void read_filters(const Parameters& parameters, const SearchLimits& limits, cli::SearchRequest& request) {
  std::string q = query_text(parameters, "q", limits);
  if (!q.empty()) request.words = {q};
  request.type = parameter(parameters, "type").value_or("");
  request.query.author = parameter(parameters, "author");
  request.query.since = parameter(parameters, "since");
  request.query.until = parameter(parameters, "until");
  request.query.collapse = flag_parameter(parameters, "collapse");
  request.query.time_limit = limits.time_limit;
}

}  // namespace

std::optional<std::string> parameter(const Parameters& parameters, const std::string& name) {
  auto [first, last] = parameters.equal_range(name);
  if (first == last) return std::nullopt;
  if (std::next(first) != last) throw bad(name, "given more than once");
  return first->second;
}

bool flag_parameter(const Parameters& parameters, const std::string& name) {
  std::optional<std::string> text = parameter(parameters, name);
  if (!text) return false;
  if (*text == "1" || *text == "true") return true;
  if (*text == "0" || *text == "false") return false;
  throw bad(name, "'" + *text + "' is not 0, 1, true or false");
}

void check_parameter_names(const Parameters& parameters, const std::vector<std::string>& known) {
  for (auto it = parameters.begin(); it != parameters.end(); it = parameters.upper_bound(it->first)) {
    if (std::find(known.begin(), known.end(), it->first) == known.end()) {
      std::string names;
      for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
      throw ApiError(400, "unknown parameter '" + it->first + "' (known: " + names + ")");
    }
    if (parameters.count(it->first) > 1) throw bad(it->first, "given more than once");
  }
}

cli::SearchRequest search_request(const Parameters& parameters, const SearchLimits& limits) {
  std::vector<std::string> known = kFilterParameters;
  known.insert(known.end(), kPagingParameters.begin(), kPagingParameters.end());
  check_parameter_names(parameters, known);
  cli::SearchRequest request;
  read_filters(parameters, limits, request);
  if (auto limit = number_parameter(parameters, "limit")) request.query.limit = std::min(*limit, limits.max_limit);
  if (auto offset = number_parameter(parameters, "offset")) {
    if (*offset > limits.max_offset)
      throw bad("offset", "at most " + std::to_string(limits.max_offset) + " (narrow the query instead)");
    request.query.offset = *offset;
  }
  if (auto chars = number_parameter(parameters, "snippet_chars")) {
    if (*chars > 10000) throw bad("snippet_chars", "at most 10000");
    request.query.snippet_chars = *chars;
  }
  request.query.thread = flag_parameter(parameters, "thread");
  if (auto comments = number_parameter(parameters, "thread_comments")) {
    if (*comments > limits.max_limit) throw bad("thread_comments", "at most " + std::to_string(limits.max_limit));
    request.query.thread_comments = *comments;
  }
  request.sort = parameter(parameters, "sort").value_or("relevance");
  if (auto facets = parameter(parameters, "facets")) {
    // Comma-separated, as --facets takes them; empty items are ignored.
    std::size_t start = 0;
    while (start <= facets->size()) {
      std::size_t comma = std::min(facets->find(',', start), facets->size());
      if (comma > start) request.query.facets.push_back(facets->substr(start, comma - start));
      start = comma + 1;
    }
  }
  return request;
}

cli::SearchRequest count_request(const Parameters& parameters, const SearchLimits& limits) {
  check_parameter_names(parameters, kFilterParameters);
  cli::SearchRequest request;
  read_filters(parameters, limits, request);
  return request;
}

cli::ShowRequest show_request(const std::string& id, const Parameters& parameters, const SearchLimits& limits) {
  check_parameter_names(parameters, {"query", "thread", "matching"});
  cli::ShowRequest request;
  request.id = id;
  if (parameter(parameters, "query")) request.query = query_text(parameters, "query", limits);
  request.thread = flag_parameter(parameters, "thread");
  request.matching = flag_parameter(parameters, "matching");
  return request;
}

}  // namespace byline::server
