#include "relaxed_query.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

#include "query_words.h"

namespace byline {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_operator(std::string_view token) {
  for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
    if (token == op || (token.size() > op.size() && token.substr(0, op.size()) == op && token[op.size()] == '/'))
      return true;
  return false;
}

// A word as the parser's stop list spells it: lowercased, without the
// punctuation around it ("What?" -> "what").
std::string plain_form(std::string_view word) {
  std::size_t begin = 0, end = word.size();
  while (begin < end && std::isalnum(static_cast<unsigned char>(word[begin])) == 0) ++begin;
  while (end > begin && std::isalnum(static_cast<unsigned char>(word[end - 1])) == 0) --end;
  std::string out(word.substr(begin, end - begin));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_single_term(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && q.get_unique_terms_begin() != q.get_unique_terms_end();
}

}  // namespace

RelaxedRanking relaxed_ranking() {
  RelaxedRanking ranking;
  const char* spec = std::getenv("BYLINE_RELAXED_RANKING");
  if (spec == nullptr) return ranking;
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::size_t eq = item.find('=');
    if (eq == std::string::npos) continue;
    std::string name = item.substr(0, eq);
    double value = std::strtod(item.c_str() + eq + 1, nullptr);
    if (name == "coord") ranking.coordination = std::max(0.0, value);
    if (name == "near") ranking.proximity = std::max(0.0, value);
    if (name == "title") ranking.title = std::max(0.0, value);
    if (name == "window" && value >= 2) ranking.window = static_cast<unsigned>(value);
  }
  return ranking;
}

std::optional<RelaxablePlan> plan_relaxable(std::string_view text) {
  RelaxablePlan plan;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::string_view token = text.substr(start, i - start);
    if (token.empty()) break;
    if (token.find_first_of("\"()*") != std::string_view::npos || is_operator(token)) return std::nullopt;
    if (!plan.text.empty()) plan.text.push_back(' ');
    // prepare_query_text has lowercased every field name and turned text that
    // only looks like a field into words: `name:` here is a field.
    const std::size_t colon = token.find(':');
    const bool field = colon != std::string_view::npos && colon > 0 &&
                       std::all_of(token.begin(), token.begin() + static_cast<std::ptrdiff_t>(colon),
                                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }) &&
                       token.substr(colon + 1, 2) != "//";
    const std::string_view name = field ? token.substr(0, colon) : std::string_view();
    if (token.front() == '+' || token.front() == '-') {
      plan.text.append(token);  // strict already: required or excluded
    } else if (name == "title" || name == "author") {
      plan.text.push_back('+');  // a free-text field stays required
      plan.text.append(token);
    } else if (field) {
      plan.text.append(token);  // boolean fields (tag:, type:, date:, page:, id:) filter in any mode
    } else {
      plan.text.append(token);
      plan.words.emplace_back(token);
    }
  }
  if (plan.words.size() < kMinRelaxedWords) return std::nullopt;
  return plan;
}

std::optional<Relaxation> relax_question(QueryBuilder& builder, const Query& query, const Xapian::Database& db,
                                         const Xapian::Query& strict) {
  if (query.sort != SortOrder::Relevance) return std::nullopt;
  std::optional<RelaxablePlan> plan = plan_relaxable(prepare_query_text(query.text));
  if (!plan) return std::nullopt;

  Xapian::Query loose = builder.parse(rewrite_query_words(plan->text), query, db, Xapian::Query::OP_OR);
  const std::vector<std::string> stopped = builder.dropped_stop_words();
  std::vector<std::string> words;  // distinct plain forms, in query order
  std::vector<std::string> typed;
  for (const std::string& word : plan->words) {
    std::string form = plain_form(word);
    if (form.empty() || std::find(stopped.begin(), stopped.end(), form) != stopped.end()) continue;
    if (std::find(words.begin(), words.end(), form) != words.end()) continue;
    words.push_back(form);
    typed.push_back(word);
  }
  if (words.size() < kMinRelaxedWords) return std::nullopt;

  // The strict count, stopping as soon as it reaches kRelaxBelow: below it,
  // the lower bound is the exact count.
  Xapian::Enquire counting(db);
  counting.set_query(strict);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount strict_matches = counting.get_mset(0, 0, kRelaxBelow).get_matches_lower_bound();
  if (strict_matches >= kRelaxBelow) return std::nullopt;

  const RelaxedRanking ranking = relaxed_ranking();
  std::vector<Xapian::Query> word_queries;
  for (const std::string& word : typed) {
    Xapian::Query q = builder.parse(rewrite_query_words(word), query, db, Xapian::Query::OP_OR);
    if (!q.empty()) word_queries.push_back(q);
  }
  std::vector<Xapian::Query> boosts;
  if (ranking.coordination > 0)
    for (const Xapian::Query& q : word_queries)
      boosts.emplace_back(Xapian::Query::OP_FILTER,
                          Xapian::Query((new Xapian::FixedWeightPostingSource(ranking.coordination))->release()), q);
  if (ranking.proximity > 0)
    for (std::size_t k = 0; k + 1 < word_queries.size(); ++k) {
      if (!is_single_term(word_queries[k]) || !is_single_term(word_queries[k + 1])) continue;
      const Xapian::Query pair[] = {word_queries[k], word_queries[k + 1]};
      Xapian::Query near(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), ranking.window);
      boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, near, ranking.proximity);
    }

  if (ranking.title > 0)
    for (const std::string& word : typed) {
      Xapian::Query q = builder.parse(rewrite_query_words("title:" + word), query, db, Xapian::Query::OP_OR);
      if (!q.empty()) boosts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, ranking.title);
    }

  Relaxation out;
  out.words = words.size();
  out.all_words_matches = strict_matches;
  out.query = boosts.empty() ? loose
                             : Xapian::Query(Xapian::Query::OP_AND_MAYBE, loose,
                                             Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
  Xapian::Query filters = option_filters(query);
  if (!filters.empty()) out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, filters);
  return out;
}

}  // namespace byline
