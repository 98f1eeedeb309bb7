#include "query_builder.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "byline/error.h"
#include "date_range.h"
#include "field_keys.h"
#include "query_words.h"
#include "schema.h"
#include "snowball_stem.h"
#include "stopwords.h"
#include "thread_query.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

// The thread fields by the hidden names extract_thread_subqueries gives them
// (thread_query.h): an "on:" it did not take out is plain text.
constexpr std::array<std::string_view, 10> kFields = {
    "title", "author", "tag", "type", "date", "page", "id", "bylinejoindiscussed", "bylinejoinreply", "bylinejoinon"};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Boolean fields whose values are exact keys (tag:, type:): lowercased so that
// `tag:Russia` finds the tag "Russia". Errors are stored, not thrown (see
// DateRangeProcessor).
class ExactFieldProcessor : public Xapian::FieldProcessor {
 public:
  ExactFieldProcessor(const char* prefix, bool is_type, std::string* error)
      : prefix_(prefix), is_type_(is_type), error_(error) {}

  Xapian::Query operator()(const std::string& value) override {
    std::string key = exact_key(value);
    if (is_type_ && key != schema::kTypeArticle && key != schema::kTypeComment) {
      if (error_->empty()) *error_ = "type:" + value + ": the type is 'article' or 'comment'";
      return Xapian::Query::MatchNothing;
    }
    return Xapian::Query(schema::term(prefix_, key));
  }

 private:
  const char* prefix_;
  bool is_type_;
  std::string* error_;
};

}  // namespace

Xapian::Query option_filters(const Query& q) {
  std::vector<Xapian::Query> filters;
  if (q.type)
    filters.emplace_back(
        schema::term(schema::kPrefixType, *q.type == DocType::Article ? schema::kTypeArticle : schema::kTypeComment));
  if (q.author) {
    std::string key = exact_key(*q.author);
    if (key.empty()) throw BadQuery("Query::author: empty name");
    filters.emplace_back(schema::term(schema::kPrefixAuthorExact, key));
  }
  if (q.page) filters.emplace_back(schema::term(schema::kPrefixPage, *q.page));
  if (q.since || q.until) {
    // Each bound is validated alone first, so that the error names the parameter at fault.
    if (q.since) date_range_query(*q.since, "", "Query::since");
    if (q.until) date_range_query("", *q.until, "Query::until");
    filters.push_back(date_range_query(q.since.value_or(""), q.until.value_or(""), "Query::since..until"));
  }
  if (filters.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

namespace {

// No FLAG_WILDCARD: wildcards are expanded over word forms (query_words.h),
// not by Xapian over stems.
constexpr unsigned kFullFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

std::string prepare_query_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool in_quotes = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') in_quotes = !in_quotes;
    bool word_start = i == 0 || is_space(text[i - 1]) || text[i - 1] == '(' ||
                      ((text[i - 1] == '+' || text[i - 1] == '-') && (i == 1 || is_space(text[i - 2])));
    if (!in_quotes && c == '.' && text.substr(i, 2) == "..") {
      // Xapian reads any "a..b" as a range and fails on those that are not
      // dates: outside date: they are plain punctuation.
      out.append(". ");
      ++i;
      continue;
    }
    if (in_quotes || !word_start || !is_alpha(c)) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t name_end = i;
    while (name_end < text.size() && is_word_char(text[name_end])) ++name_end;
    bool is_field = name_end + 1 < text.size() && text[name_end] == ':' && !is_space(text[name_end + 1]) &&
                    text.substr(name_end + 1, 2) != "//";
    if (!is_field) {
      out.append(text.substr(i, name_end - i));
      i = name_end;
      continue;
    }
    // Field names are case-insensitive; text that only looks like a field
    // ("NOTE:Dividend") is searched as its words.
    std::string name = lowercase_ascii(text.substr(i, name_end - i));
    std::size_t value_start = name_end + 1;
    if (std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
      out.append(text.substr(i, name_end - i));
      out.push_back(' ');
      i = value_start;
      continue;
    }
    if (name != "date") {
      out.append(name);
      out.push_back(':');
      i = value_start;
      continue;
    }
    // A date value runs to the next space or closing parenthesis.
    std::size_t value_end = value_start;
    while (value_end < text.size() && !is_space(text[value_end]) && text[value_end] != ')') ++value_end;
    std::string_view value = text.substr(value_start, value_end - value_start);
    std::size_t dots = value.find("..");
    std::string_view from = dots == std::string_view::npos ? value : value.substr(0, dots);
    std::string_view to = dots == std::string_view::npos ? value : value.substr(dots + 2);
    date_range_query(from, to);  // throws BadQuery with the reason
    out.append("date:");
    out.append(from);
    out.append("..");
    out.append(to);
    i = value_end;
  }
  return out;
}

QueryBuilder::QueryBuilder(const IndexSettings& settings, int depth) : settings_(settings), depth_(depth) {
  const Xapian::Stem stemmer = make_stemmer(settings.language);
  // Words become the terms the indexer's tokenizer wrote (word_tokenizer.h).
  parser_.set_stemmer(make_query_stemmer(stemmer));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);  // as indexed (schema.h)
  if (Xapian::Stopper* stopper = make_stopper(settings.stopwords)) parser_.set_stopper(stopper);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.add_prefix("title", schema::kPrefixTitle);
  parser_.add_prefix("author", schema::kPrefixAuthorText);
  // Several tag: filters must all hold; several type: filters are alternatives.
  parser_.add_boolean_prefix("tag", (new ExactFieldProcessor(schema::kPrefixTag, false, &error_))->release(), false);
  parser_.add_boolean_prefix("type", (new ExactFieldProcessor(schema::kPrefixType, true, &error_))->release(), true);
  parser_.add_rangeprocessor((new DateRangeProcessor("date:", &error_))->release());
  // A comment answers its article's title words as filters: XS terms have no
  // weight, so the article's own S terms still rank it (schema.h).
  parser_.add_prefix("title", schema::kPrefixArticleTitle);
  // Ids as `byline search` prints them.
  parser_.add_boolean_prefix("page", schema::kPrefixPage);
  parser_.add_boolean_prefix("id", schema::kPrefixId);
  // Thread clauses, joined before the parse (thread_query.h).
  for (const char* name : {"on", "discussed", "reply"})
    parser_.add_prefix(std::string(kThreadJoinFieldPrefix) + name, (new ThreadFieldProcessor(&joined_))->release());
  // Wildcards, as rewrite_query_words spells them.
  const std::pair<const char*, const char*> wildcard_fields[] = {{kWildcardField, ""},
                                                                 {kWildcardTitleField, schema::kPrefixTitle},
                                                                 {kWildcardAuthorField, schema::kPrefixAuthorText}};
  for (const auto& [field, prefix] : wildcard_fields) {
    auto* expander = new WildcardExpander(prefix, stemmer, &error_);
    wildcards_.push_back(expander);
    parser_.add_prefix(field, expander->release());
  }
}

Xapian::Query QueryBuilder::parse(const std::string& text, const Query& q, const Xapian::Database& db,
                                  Xapian::Query::op default_op) {
  error_.clear();
  parser_.set_default_op(default_op);
  // The handle is set for this parse only: the database may have been
  // replaced (a shard dropped) since the last search, and a parser that keeps
  // a handle between searches made the next search miss newer commits
  // (tests/searcher/results_test.cc "a searcher sees later commits").
  struct Attach {
    Xapian::QueryParser& parser;
    Attach(Xapian::QueryParser& p, const Xapian::Database& db) : parser(p) { parser.set_database(db); }
    ~Attach() { parser.set_database(Xapian::Database()); }
  } attach(parser_, db);
  for (WildcardExpander* expander : wildcards_) expander->attach(&db, q.wildcard_limit);
  Xapian::Query text_query;
  try {
    text_query = parser_.parse_query(text, kFullFlags);
  } catch (const Xapian::QueryParserError&) {
    // Xapian already retries leniently; what still fails is parsed as plain
    // words so that a malformed query never fails outright.
    text_query = parser_.parse_query(text, 0);
  }
  if (!error_.empty()) throw BadQuery(error_);
  return text_query;
}

std::vector<std::string> QueryBuilder::dropped_stop_words() const {
  return {parser_.stoplist_begin(), parser_.stoplist_end()};
}

void QueryBuilder::join_thread_clauses(const std::vector<ThreadClause>& clauses, const std::string& text,
                                       const Query& q, const Xapian::Query& filters, const Xapian::Database& db) {
  std::vector<Xapian::Query> subs;
  for (const ThreadClause& clause : clauses) {
    QueryBuilder nested(settings_, depth_ + 1);
    Query sub;
    sub.text = clause.text;
    sub.wildcard_limit = q.wildcard_limit;
    subs.push_back(nested.build(sub, db).query);
  }
  const auto whole = [&](const std::vector<Xapian::Query>& joined) {
    joined_ = joined;
    Xapian::Query text_query = parse(text, q, db);
    if (text_query.empty()) text_query = Xapian::Query::MatchNothing;
    return filters.empty() ? text_query : Xapian::Query(Xapian::Query::OP_FILTER, text_query, filters);
  };
  // Which clauses the whole query needs (thread_query.h: semi-joins).
  std::vector<Xapian::Query> marked;
  for (std::size_t n = 0; n < clauses.size(); ++n) marked.push_back(thread_marker(n));
  const std::vector<bool> required = required_thread_clauses(whole(marked), clauses.size());
  // The others join in full; the rest of the query, every required clause
  // matching everything, bounds the required ones.
  std::vector<Xapian::Query> joined(clauses.size());
  std::vector<Xapian::Query> open(clauses.size());
  for (std::size_t n = 0; n < clauses.size(); ++n) {
    if (!required[n]) joined[n] = thread_join(clauses[n].relation, subs[n], db);
    open[n] = required[n] ? Xapian::Query(std::string()) : joined[n];
  }
  const Xapian::Query rest =
      std::find(required.begin(), required.end(), true) != required.end() ? whole(open) : Xapian::Query();
  std::vector<std::string> pages;
  for (std::size_t n = 0; n < clauses.size(); ++n) {
    if (!required[n]) continue;
    const bool semi = semi_join_pages(clauses[n].relation, rest, subs[n], db, &pages);
    joined[n] = thread_join(clauses[n].relation, subs[n], db, semi ? &pages : nullptr);
  }
  joined_ = std::move(joined);
}

ParsedQuery QueryBuilder::build(const Query& q, const Xapian::Database& db) {
  ParsedQuery parsed;
  Xapian::Query filters = option_filters(q);
  std::vector<ThreadClause> clauses;
  const std::string unthreaded = extract_thread_subqueries(q.text, &clauses);
  if (!clauses.empty() && depth_ >= kMaxThreadDepth)
    throw BadQuery("on:, discussed: and reply: nest at most " + std::to_string(kMaxThreadDepth) + " deep");
  std::string text = rewrite_query_words(prepare_query_text(unthreaded));
  bool blank = std::all_of(text.begin(), text.end(), [](char c) { return is_space(c); });
  if (!clauses.empty()) join_thread_clauses(clauses, text, q, filters, db);
  if (blank) {
    // Xapian::Query(std::string()) matches all, like Query::MatchAll; but
    // MatchAll is one static object whose reference count is not atomic:
    // Searchers in several threads copying it corrupted it (segfaults in
    // replace_index_test, about 1 run in 2).
    parsed.query = filters.empty() ? Xapian::Query(std::string()) : filters;
    return parsed;
  }
  Xapian::Query text_query = parse(text, q, db);
  // Text that yields no terms at all ("!!!") matches nothing, not everything.
  if (text_query.empty()) text_query = Xapian::Query::MatchNothing;
  parsed.query = filters.empty() ? text_query : Xapian::Query(Xapian::Query::OP_FILTER, text_query, filters);
  return parsed;
}

}  // namespace byline
