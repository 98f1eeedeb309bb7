#include "thread_query.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "byline/error.h"
#include "query_words.h"
#include "schema.h"
#include "thread_groups.h"

namespace byline {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// In ThreadRelation order.
constexpr std::string_view kThreadFields[] = {"on:", "discussed:", "reply:"};

// Field names are case-insensitive, as prepare_query_text reads them: an
// "On:(...)" left to Xapian's parser reached its "on" field processor and
// crashed libxapian 1.4.22 on some subqueries (query_snippet_fuzzer).
bool names_field(std::string_view typed, std::string_view field) {
  return typed.size() == field.size() && std::equal(typed.begin(), typed.end(), field.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// The document id in a kSlotOrder value: "1" + 12-digit date + id, or "0" + id.
std::string id_of_order_key(const std::string& key) {
  if (key.empty()) return {};
  if (key[0] == '1') return key.size() > 13 ? key.substr(13) : std::string();
  return key.substr(1);
}

constexpr char kMarkerPrefix[] = "\x01thread-clause-";

Xapian::Query type_query(const char* type) { return Xapian::Query(schema::term(schema::kPrefixType, type)); }

// The documents a relation's clause is about: its subquery's side and its own.
const char* subquery_type(ThreadRelation relation) {
  return relation == ThreadRelation::On ? schema::kTypeArticle : schema::kTypeComment;
}
const char* clause_type(ThreadRelation relation) {
  return relation == ThreadRelation::Discussed ? schema::kTypeArticle : schema::kTypeComment;
}

Xapian::doccount estimate(const Xapian::Query& query, const Xapian::Database& db) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0).get_matches_estimated();
}

void mark_required(const Xapian::Query& q, bool required, std::vector<bool>* out, std::vector<bool>* seen) {
  const Xapian::Query::op type = q.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    const std::string term = *q.get_terms_begin();
    if (term.rfind(kMarkerPrefix, 0) != 0) return;
    const std::size_t n = std::stoul(term.substr(sizeof(kMarkerPrefix) - 1));
    if (n >= out->size()) return;
    (*out)[n] = (*seen)[n] ? (*out)[n] && required : required;
    (*seen)[n] = true;
    return;
  }
  const std::size_t subs = q.get_num_subqueries();
  for (std::size_t i = 0; i < subs; ++i) {
    bool keeps = false;
    switch (type) {
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_SCALE_WEIGHT:
        keeps = true;
        break;
      case Xapian::Query::OP_AND_NOT:
      case Xapian::Query::OP_AND_MAYBE:
        keeps = i == 0;
        break;
      default:
        break;
    }
    mark_required(q.get_subquery(i), required && keeps, out, seen);
  }
}

}  // namespace

Xapian::Query thread_marker(std::size_t n) { return Xapian::Query(kMarkerPrefix + std::to_string(n)); }

std::vector<bool> required_thread_clauses(const Xapian::Query& marked, std::size_t count) {
  std::vector<bool> required(count, false), seen(count, false);
  mark_required(marked, true, &required, &seen);
  return required;
}

bool semi_join_pages(ThreadRelation relation, const Xapian::Query& rest, const Xapian::Query& sub,
                     const Xapian::Database& db, std::vector<std::string>* pages) {
  // No join to bound: thread_join reads the copies.
  if (relation == ThreadRelation::On && on_from_copied_terms(sub)) return false;
  const Xapian::Query candidates(Xapian::Query::OP_FILTER, rest, type_query(clause_type(relation)));
  const Xapian::Query sub_side(Xapian::Query::OP_FILTER, sub, type_query(subquery_type(relation)));
  // Collecting the rest's pages costs a value read per match, far less than
  // a term of the clause's OR per subquery match; a rest 4x larger than
  // the subquery would keep almost every page.
  if (estimate(candidates, db) >= 4 * estimate(sub_side, db)) return false;
  Xapian::Enquire enquire(db);
  enquire.set_query(candidates);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(schema::kSlotPage);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  pages->clear();
  for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it)
    if (!(*it).empty()) pages->push_back(*it);
  std::sort(pages->begin(), pages->end());
  return true;
}

std::string extract_thread_subqueries(std::string_view text, std::vector<ThreadClause>* clauses) {
  std::string out;
  out.reserve(text.size());
  bool in_quotes = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') in_quotes = !in_quotes;
    const bool word_start =
        i == 0 || is_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '+' || text[i - 1] == '-';
    std::size_t name = 0;
    if (!in_quotes && word_start)
      for (std::size_t f = 0; f < std::size(kThreadFields); ++f)
        if (names_field(text.substr(i, kThreadFields[f].size()), kThreadFields[f])) name = f + 1;
    const std::size_t value_at = name ? i + kThreadFields[name - 1].size() : 0;
    if (!name || value_at >= text.size() || is_space(text[value_at])) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t start = value_at, end = value_at, next = value_at;
    if (text[value_at] == '(') {
      // The subquery: up to the matching ')', outside quotes.
      start = end = value_at + 1;
      int depth = 1;
      bool quoted = false;
      for (; end < text.size(); ++end) {
        if (text[end] == '"') quoted = !quoted;
        if (quoted) continue;
        if (text[end] == '(') ++depth;
        if (text[end] == ')' && --depth == 0) break;
      }
      next = end < text.size() ? end + 1 : end;
    } else if (text[value_at] == '"') {
      // A phrase: to its closing quote.
      end = text.find('"', value_at + 1);
      end = end == std::string_view::npos ? text.size() : end + 1;
      next = end;
    } else {
      while (end < text.size() && !is_space(text[end]) && text[end] != ')') ++end;
      next = end;
    }
    // The hidden field the parser knows the clause by ("bylinejoinon:0"):
    // an "on:" this loop did not take out (after a control byte, say) is then
    // plain text to Xapian, never a value for the join's field processor,
    // which crashed libxapian 1.4.22's parser on such values.
    out.append(kThreadJoinFieldPrefix);
    out.append(kThreadFields[name - 1]);
    out.append(std::to_string(clauses->size()));
    // The clause ends where its ')' or quote did: what follows is a word of
    // its own. Glued to the number ("bylinejoinon:0-o" from "-a -on:(x)-o"),
    // libxapian 1.4.22's parser read it as part of the field's value and
    // segfaulted on the negated query around it.
    if (next < text.size() && !is_space(text[next])) out.push_back(' ');
    clauses->push_back({static_cast<ThreadRelation>(name - 1), std::string(text.substr(start, end - start))});
    i = next;
  }
  return out;
}

namespace {

// The comment side of a query over an article's copied terms (see
// on_from_copied_terms), or nullopt.
std::optional<Xapian::Query> as_copied_terms(const Xapian::Query& q) {
  using Q = Xapian::Query;
  switch (q.get_type()) {
    case Q::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      if (term.rfind(schema::kPrefixArticleTitle, 0) == 0 || term.rfind(schema::kPrefixTag, 0) == 0) return Q(term);
      if (term.rfind(schema::kPrefixTitle, 0) == 0)
        return Q(schema::term(schema::kPrefixArticleTitle, std::string_view(term).substr(1)));
      return std::nullopt;
    }
    case Q::LEAF_MATCH_NOTHING:
      return Q::MatchNothing;
    case Q::OP_SCALE_WEIGHT:
      // The copies only filter: a weight changes no match.
      return as_copied_terms(q.get_subquery(0));
    case Q::OP_AND_MAYBE:
      // Its optional side only ranks.
      return as_copied_terms(q.get_subquery(0));
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_FILTER:
    case Q::OP_SYNONYM: {
      std::vector<Q> parts;
      for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        std::optional<Q> part = as_copied_terms(q.get_subquery(i));
        if (!part) return std::nullopt;
        parts.push_back(std::move(*part));
      }
      const Q::op op = q.get_type() == Q::OP_SYNONYM ? Q::OP_OR : q.get_type();
      return Q(op, parts.begin(), parts.end());
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Xapian::Query> on_from_copied_terms(const Xapian::Query& sub) {
  std::optional<Xapian::Query> copied = as_copied_terms(sub);
  if (!copied) return std::nullopt;
  const Xapian::Query comments(Xapian::Query::OP_FILTER, *copied, type_query(schema::kTypeComment));
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, comments, 0.0);
}

Xapian::Query thread_join(ThreadRelation relation, const Xapian::Query& sub, const Xapian::Database& db,
                          const std::vector<std::string>* pages) {
  if (relation == ThreadRelation::On)
    if (std::optional<Xapian::Query> direct = on_from_copied_terms(sub)) return *direct;
  const Xapian::Query comments = type_query(schema::kTypeComment);
  Xapian::Query side(Xapian::Query::OP_FILTER, sub, type_query(subquery_type(relation)));
  if (pages && pages->empty()) return Xapian::Query::MatchNothing;
  // A few pages: the subquery runs on them only (its match, driven by their
  // postings, skips the rest); many: an OR of their terms costs more than it
  // saves.
  constexpr std::size_t kFilterPagesUpTo = 1024;
  if (pages && pages->size() <= kFilterPagesUpTo) {
    std::vector<Xapian::Query> page_terms;
    for (const std::string& page : *pages) page_terms.emplace_back(schema::term(schema::kPrefixPage, page));
    side = Xapian::Query(Xapian::Query::OP_FILTER, side,
                         Xapian::Query(Xapian::Query::OP_OR, page_terms.begin(), page_terms.end()));
  }
  // Only the subquery's matches on these pages take part: they are dropped
  // here, in memory, so that the clause's OR holds no more terms than the
  // semi-join needs (an OR of thousands of terms was most of its cost).
  const auto on_pages = [pages](const std::string& page) {
    return !pages || std::binary_search(pages->begin(), pages->end(), page);
  };
  Xapian::Enquire enquire(db);
  enquire.set_query(side);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(relation == ThreadRelation::Reply ? schema::kSlotOrder : schema::kSlotPage);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::vector<Xapian::Query> terms;
  for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    if (relation == ThreadRelation::Reply) {
      const std::string id = id_of_order_key(value);
      // Most comments have no reply: their XR terms are left out here, once,
      // rather than looked up again by every match of the whole query (the
      // search, its count, its groups), which an OR of thousands made slow.
      if (id.empty() || !on_pages(page_of_id(id))) continue;
      std::string reply_to = schema::term(schema::kPrefixReplyTo, id);
      if (db.term_exists(reply_to)) terms.emplace_back(std::move(reply_to));
    } else if (!value.empty() && on_pages(value)) {
      // discussed: the pages' articles, whose id is the page id (one posting
      // each, where XP has the article and every comment); on: the pages'
      // documents, of which the comments are kept below.
      terms.emplace_back(
          schema::term(relation == ThreadRelation::Discussed ? schema::kPrefixId : schema::kPrefixPage, value));
    }
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
  // Reply terms are on comments only, article ids on articles only.
  if (relation == ThreadRelation::On) any = Xapian::Query(Xapian::Query::OP_FILTER, any, comments);
  // A filter: it decides which documents match, the rest of the query ranks them.
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any, 0.0);
}

Xapian::Query ThreadFieldProcessor::operator()(const std::string& value) {
  // QueryParser passes the clause number (a word of digits).
  if (value.empty() || value.size() > 9) return no_match_query();
  std::size_t n = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return no_match_query();
    n = n * 10 + static_cast<std::size_t>(value[i] - '0');
  }
  if (n >= joined_->size() || (*joined_)[n].empty()) return no_match_query();
  return (*joined_)[n];
}

}  // namespace byline
